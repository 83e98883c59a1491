import { A } from "@solidjs/router";
import { usePageTitle } from "../state/page.ts";

/** The page for a missing article or an unknown path. */
export function NotFound(props: { what: "Article" | "Page" }) {
  const title = () => `${props.what} not found`;
  usePageTitle(title);
  return (
    <section class="not-found">
      <h1>{title()}</h1>
      <p>
        {props.what === "Article"
          ? "There is no article at this address. It may have been renamed or removed."
          : "There is nothing at this address."}
      </p>
      <p>
        <A href="/">Back to all articles</A>
      </p>
    </section>
  );
}

export default function NotFoundPage() {
  return <NotFound what="Page" />;
}
