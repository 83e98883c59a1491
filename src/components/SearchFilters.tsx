import { For } from "solid-js";

export interface SearchFilterValues {
  unread: boolean;
  saved: boolean;
  short: boolean;
  /** A category slug, or "" for every category. */
  category: string;
}

/** The filters under the search box; each change is reported, the page keeps them in the URL. */
export function SearchFilters(props: {
  values: SearchFilterValues;
  categories: { name: string; slug: string }[];
  onChange: (change: Partial<SearchFilterValues>) => void;
}) {
  const box = (name: "unread" | "saved" | "short", label: string) => (
    <label class="check">
      <input
        type="checkbox"
        checked={props.values[name]}
        onChange={(e) => props.onChange({ [name]: e.currentTarget.checked })}
      />
      {label}
    </label>
  );
  return (
    <fieldset class="search-filters">
      <legend>Filter results</legend>
      {box("unread", "Unread only")}
      {box("saved", "Saved only")}
      {box("short", "5 minutes or less")}
      <label class="category-filter">
        Category{" "}
        <select onChange={(e) => props.onChange({ category: e.currentTarget.value })}>
          <option value="" selected={props.values.category === ""}>
            All categories
          </option>
          <For each={props.categories}>
            {(c) => (
              <option value={c.slug} selected={props.values.category === c.slug}>
                {c.name}
              </option>
            )}
          </For>
        </select>
      </label>
    </fieldset>
  );
}
