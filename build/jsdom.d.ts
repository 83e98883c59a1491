// The part of jsdom the build uses (jsdom ships no types, and @types/jsdom has no release for
// jsdom 29): a window with the browser's DOMParser and XMLSerializer.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
