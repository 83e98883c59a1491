import { describe, expect, it } from "vitest";
import { buildEdition } from "../../../build/edition.ts";

describe("the sample edition", () => {
  it("builds, with at least 24 articles in 4 categories over 2 years, 1 to 12 minutes each", async () => {
    const { index } = await buildEdition("content/articles");
    const articles = index.articles;
    expect(articles.length).toBeGreaterThanOrEqual(24);
    expect(new Set(articles.map((a) => a.category)).size).toBeGreaterThanOrEqual(4);
    const years = articles.map((a) => Number(a.date.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(2);
    for (const a of articles) {
      expect(a.minutes).toBeGreaterThanOrEqual(1);
      expect(a.minutes).toBeLessThanOrEqual(12);
    }
    const withImage = articles.filter((a) => a.image?.credit);
    expect(withImage.length).toBeGreaterThan(articles.length / 2);
  });

  it("has the wire item on the 2020 space security talks, with a photo and a credit", async () => {
    const { index, bodies } = await buildEdition("content/articles");
    const wire = index.articles.find((a) => a.title === "US, Russia To Hold Space Security Talks");
    expect(wire).toMatchObject({ category: "General", date: "2020-07-25" });
    expect(wire?.image?.credit).toBeTruthy();
    const body = bodies.get(wire!.slug)?.html ?? "";
    for (const fact of ["Vienna", "27 July", "2013", "15 July", "Space Command"]) {
      expect(body).toContain(fact);
    }
  });
});
