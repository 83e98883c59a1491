import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route } from "@solidjs/router";
import { createSignal } from "solid-js";
import {
  RESULTS_PAGE,
  SearchResults,
  type Result,
} from "../../../src/components/SearchResults.tsx";

afterEach(cleanup);

const results: Result[] = Array.from({ length: 2 * RESULTS_PAGE + 20 }, (_, i) => ({
  terms: ["harbour"],
  article: {
    slug: `harbour-${i + 1}`,
    title: `Harbour note ${i + 1}`,
    date: "2026-01-01",
    category: "Places",
    categorySlug: "places",
    excerpt: "At the harbour.",
    minutes: 3,
    body: `content/articles/harbour-${i + 1}.json`,
  },
}));

/** The page's part: fifty more per click, named a moment later (their summaries are fetched). */
function renderResults() {
  const [shown, setShown] = createSignal(results.slice(0, RESULTS_PAGE));
  const [limit, setLimit] = createSignal(RESULTS_PAGE);
  const showMore = () => {
    setLimit(limit() + RESULTS_PAGE);
    setTimeout(() => setShown(results.slice(0, limit())));
  };
  render(() => (
    <MemoryRouter>
      <Route
        path="/"
        component={() => (
          <SearchResults
            results={shown()}
            more={Math.min(RESULTS_PAGE, results.length - limit())}
            onShowMore={showMore}
            markers={() => []}
            saved={() => false}
            onToggleBookmark={() => undefined}
          />
        )}
      />
    </MemoryRouter>
  ));
}
const cards = () =>
  within(screen.getByRole("list", { name: "Search results" })).getAllByRole("article");

describe("a long list of search results", () => {
  it("shows fifty at a time; Show more adds the next ones and moves the focus to the first", async () => {
    const user = userEvent.setup();
    renderResults();
    expect(cards()).toHaveLength(RESULTS_PAGE);
    await user.click(screen.getByRole("button", { name: `Show ${RESULTS_PAGE} more results` }));
    await waitFor(() => expect(cards()).toHaveLength(2 * RESULTS_PAGE));
    expect(screen.getByRole("link", { name: `Harbour note ${RESULTS_PAGE + 1}` })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Show 20 more results" }));
    await waitFor(() => expect(cards()).toHaveLength(results.length));
    expect(
      screen.getByRole("link", { name: `Harbour note ${2 * RESULTS_PAGE + 1}` }),
    ).toHaveFocus();
    expect(screen.queryByRole("button", { name: /more results/ })).toBeNull();
  });
});
