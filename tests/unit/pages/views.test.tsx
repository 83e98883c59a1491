import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";

afterEach(cleanup);

describe("the list", () => {
  it("renders every sample article, newest first, as an article with an h2 link", async () => {
    const { edition } = await renderApp("/");
    const list = await screen.findByRole("list", { name: "Latest articles" });
    const titles = within(list)
      .getAllByRole("heading", { level: 2 })
      .map((h) => h.textContent);
    const expected = [...edition.index.articles]
      .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
      .map((a) => a.title);
    expect(titles).toEqual(expected);
    expect(titles.length).toBeGreaterThanOrEqual(24);
    expect(list.querySelectorAll("article")).toHaveLength(titles.length);
  });

  it("shows category, formatted date, reading time, excerpt and a lazy image with size", async () => {
    await renderApp("/");
    const heading = await screen.findByRole("heading", {
      name: "US, Russia To Hold Space Security Talks",
    });
    const card = heading.closest("article") as HTMLElement;
    expect(within(card).getByRole("link", { name: "General" })).toHaveAttribute(
      "href",
      "/category/general",
    );
    expect(within(card).getByText("July 25, 2020")).toBeInTheDocument();
    expect(within(card).getByText(/^\d+ minutes? read$/)).toBeInTheDocument();
    const img = within(card).getByRole("img");
    expect(img).toHaveAttribute("loading", "lazy");
    expect(Number(img.getAttribute("width"))).toBeGreaterThan(0);
    expect(Number(img.getAttribute("height"))).toBeGreaterThan(0);
    expect(img.getAttribute("alt")).not.toBe("");
  });

  it("lists one category on /category/<slug>", async () => {
    const { edition } = await renderApp("/category/general");
    await screen.findByRole("heading", { level: 1, name: "General" });
    const list = screen.getByRole("list", { name: "General" });
    const expected = edition.index.articles.filter((a) => a.category === "General").length;
    expect(within(list).getAllByRole("article")).toHaveLength(expected);
  });

  it("shows Page not found for an unknown category", async () => {
    await renderApp("/category/no-such-thing");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Page not found" }),
    ).toBeInTheDocument();
  });
});

describe("the article", () => {
  it("opens when its title is clicked, with its h1, figure credit and body", async () => {
    const user = userEvent.setup();
    await renderApp("/");
    await user.click(
      await screen.findByRole("link", { name: "US, Russia To Hold Space Security Talks" }),
    );
    const h1 = await screen.findByRole("heading", {
      level: 1,
      name: "US, Russia To Hold Space Security Talks",
    });
    expect(screen.getAllByRole("heading", { level: 1 })).toEqual([h1]);
    await waitFor(() =>
      expect(window.location.pathname).toBe("/articles/us-russia-space-security-talks"),
    );
    expect((await screen.findAllByText(/Vienna/)).length).toBeGreaterThan(0);
    const figure = screen.getByRole("figure");
    expect(within(figure).getByText(/^Photo credit: /)).toBeInTheDocument();
    expect(document.title).toBe("US, Russia To Hold Space Security Talks · Offprint");
  });

  it("links to the previous (older) and next (newer) article", async () => {
    const { edition } = await renderApp("/");
    const [newest, second, third] = edition.index.articles;
    await renderApp(`/articles/${second.slug}`);
    const nav = await screen.findByRole("navigation", { name: "More articles" });
    expect(
      within(nav).getByRole("link", { name: new RegExp(`Previous article ${third.title}`) }),
    ).toHaveAttribute("href", `/articles/${third.slug}`);
    expect(
      within(nav).getByRole("link", { name: new RegExp(`Next article ${newest.title}`) }),
    ).toHaveAttribute("href", `/articles/${newest.slug}`);
  });

  it("shows Article not found for an unknown slug, and a link back to the list", async () => {
    await renderApp("/articles/no-such-article");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Article not found" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to all articles" })).toHaveAttribute("href", "/");
  });

  it("shows a hostile slug as nothing but Article not found", async () => {
    await renderApp("/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    await screen.findByRole("heading", { level: 1, name: "Article not found" });
    expect(document.querySelector("main img")).toBeNull();
  });

  it("shows Page not found for any other unknown path", async () => {
    await renderApp("/nowhere/at/all");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Page not found" }),
    ).toBeInTheDocument();
  });
});
