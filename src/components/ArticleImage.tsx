import type { ArticleImage as Image } from "../catalog/types.ts";
import { assetUrl } from "../catalog/catalog.ts";

/** An article's picture with its size reserved, so nothing shifts while it loads. */
export function ArticleImage(props: { image: Image; eager?: boolean }) {
  return (
    <img
      src={assetUrl(props.image.src)}
      alt={props.image.alt}
      width={props.image.width}
      height={props.image.height}
      loading={props.eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
