import { onCleanup } from "solid-js";
import { isServer } from "solid-js/web";
import type { ArticleImage as Image } from "../catalog/types.ts";
import { assetUrl } from "../catalog/catalog.ts";
import { CACHED_EVENT } from "../catalog/offline-files.ts";

/**
 * An article's picture with its size reserved, so nothing shifts while it loads. One that could
 * not be loaded (offline, not cached yet) tries again when the network is back or when the
 * article has been cached (the reader's "Try again").
 */
export function ArticleImage(props: { image: Image; eager?: boolean }) {
  let img: HTMLImageElement | undefined;
  const stop = () => {
    removeEventListener("online", retry);
    removeEventListener(CACHED_EVENT, retry);
  };
  const retry = () => {
    stop();
    img?.setAttribute("src", assetUrl(props.image.src));
  };
  if (!isServer) onCleanup(stop); // the server renderer has no events to stop listening to
  return (
    <img
      ref={img}
      src={assetUrl(props.image.src)}
      alt={props.image.alt}
      width={props.image.width}
      height={props.image.height}
      loading={props.eager ? "eager" : "lazy"}
      decoding="async"
      onError={() => {
        addEventListener("online", retry);
        addEventListener(CACHED_EVENT, retry);
      }}
    />
  );
}
