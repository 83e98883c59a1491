// Escaping for text the build writes into HTML by hand (titles, attribute values, the head).

/**
 * Escapes text for an HTML text node or a double- or single-quoted attribute value.
 * @example escapeHtml('Fish & "chips"') // "Fish &#38; &#34;chips&#34;"
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
