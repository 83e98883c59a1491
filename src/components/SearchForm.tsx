import "./SearchForm.css";

/** The id of the site's search box: "/" focuses it from anywhere. */
export const SEARCH_BOX_ID = "search-box";

/** The site's search box: a search landmark with one field named "Search". */
export function SearchForm(props: {
  /** Where the form goes without JavaScript (the static pages): the search page's address. */
  action: string;
  value: string;
  onInput: (query: string) => void;
  onSubmit: (query: string) => void;
}) {
  return (
    <form
      role="search"
      class="site-search"
      action={props.action}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(props.value);
      }}
    >
      <label for={SEARCH_BOX_ID} class="visually-hidden">
        Search
      </label>
      <input
        id={SEARCH_BOX_ID}
        type="search"
        name="q"
        autocomplete="off"
        enterkeyhint="search"
        aria-keyshortcuts="/"
        placeholder="Search articles"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </form>
  );
}
