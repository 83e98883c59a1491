import { useHref, useMatch, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { SearchForm } from "../components/SearchForm.tsx";

/**
 * The header's search box. On /search it edits the query in the URL as the reader types (results
 * follow); elsewhere Enter opens /search with what was typed.
 */
export function SiteSearch() {
  const onSearchPage = useMatch(() => "/search");
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const navigate = useNavigate();
  const [draft, setDraft] = createSignal("");
  const searchPage = useHref(() => "/search");
  return (
    <SearchForm
      action={searchPage()}
      value={onSearchPage() ? (params.q ?? "") : draft()}
      onInput={(q) => {
        if (onSearchPage()) setParams({ q: q || undefined }, { replace: true, scroll: false });
        else setDraft(q);
      }}
      onSubmit={(q) => {
        if (onSearchPage()) return;
        setDraft("");
        navigate(`/search?q=${encodeURIComponent(q.trim())}`);
      }}
    />
  );
}
