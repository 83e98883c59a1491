// Posting replies through the outbox, against a small comment service started here on 127.0.0.1
// (it records every body it receives) and the app built with OFFPRINT_COMMENTS_URL pointing at it.
import AxeBuilder from "@axe-core/playwright";
import { createServer, type Server } from "node:http";
import type { Page } from "@playwright/test";
import { CACHES } from "../../src/storage/keys.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { test, expect } from "./fixtures.ts";

const SERVICE_PORT = 4197;
const DIST = "dist-outbox-e2e";
const FOG = "field-notes-on-coastal-fog";

/** The comment service: answers from `queue` (then 201), records bodies, allows CORS JSON posts. */
interface Service {
  bodies: Record<string, string>[];
  queue: { status: number; body?: string }[];
  close(): Promise<void>;
}

async function startService(): Promise<Service> {
  const service = { bodies: [], queue: [] } as unknown as Service;
  const server: Server = createServer((req, res) => {
    const cors = {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "POST, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type",
    };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    if (req.method !== "POST" || req.url !== "/comments")
      return void res.writeHead(404, cors).end();
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const answer = service.queue.shift() ?? { status: 201 };
      // Only what the service took counts as delivered.
      if (answer.status < 300) service.bodies.push(JSON.parse(raw));
      res.writeHead(answer.status, { ...cors, "Content-Type": "application/json" });
      res.end(answer.body ?? "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(SERVICE_PORT, "127.0.0.1", resolve));
  service.close = () => new Promise((resolve) => server.close(() => resolve()));
  return service;
}

const form = (page: Page) => page.getByRole("region", { name: "Leave a Reply" });
const outbox = (page: Page) => page.getByRole("list", { name: "Outbox" });

async function fillReply(page: Page, comment: string): Promise<void> {
  await form(page).getByRole("textbox", { name: "Comment" }).fill(comment);
  await form(page).getByRole("textbox", { name: "Name" }).fill("Ada");
  await form(page).getByRole("textbox", { name: "Email" }).fill("ada@example.org");
}

/**
 * Opens the fog article and waits until the app has kept it offline (its body, stamped as opened,
 * in the reader cache: src/state/kept-offline.ts). Cutting the network sooner fails the copy's
 * last request mid-flight, which the browser logs as an error; these tests are about the outbox.
 */
async function openFog(page: Page): Promise<void> {
  await page.goto(`${host.url}articles/${FOG}`);
  const kept = () =>
    page.evaluate(
      async ({ name, slug }) => {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (!new URL(request.url).pathname.includes(`/content/articles/${slug}-`)) continue;
          if ((await cache.match(request))?.headers.has("X-Offprint-Opened")) return true;
        }
        return false;
      },
      { name: CACHES.content, slug: FOG },
    );
  await expect.poll(kept).toBe(true);
}

/** Posts a reply under the fog article that the service refuses with a 422. */
async function postRefused(page: Page, problems: { allow: RegExp[] }, comment: string) {
  problems.allow.push(/status of 422/);
  service.queue.push({ status: 422, body: JSON.stringify({ message: "Comment looks like spam" }) });
  await page.goto(`${host.url}articles/${FOG}`);
  await fillReply(page, comment);
  await form(page).getByRole("button", { name: "Post Comment" }).click();
}

let host: StaticHost;
let service: Service;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await buildApp(DIST, { OFFPRINT_COMMENTS_URL: `http://127.0.0.1:${SERVICE_PORT}/comments` });
  host = await serveStatic(DIST, "/", { spa: true });
  service = await startService();
});
test.afterAll(async () => {
  await host?.close();
  await service?.close();
});
test.beforeEach(() => {
  service.bodies.length = 0;
  service.queue.length = 0;
});

test("validation lists what to fix, next to each field and in a summary that links to it", async ({
  page,
}) => {
  await page.goto(`${host.url}articles/${FOG}`);
  await form(page).getByRole("textbox", { name: "Email" }).fill("ada");
  await form(page).getByRole("button", { name: "Post Comment" }).click();
  const summary = form(page).getByRole("alert");
  await expect(summary.getByRole("link")).toHaveText([
    "Comment: Enter a comment",
    "Name: Enter your name",
    "Email: Enter an email address like name@example.org",
  ]);
  await expect(form(page).getByRole("textbox", { name: "Email" })).toHaveAccessibleDescription(
    "Enter an email address like name@example.org",
  );
  await summary.getByRole("link", { name: /^Name/ }).click();
  await expect(form(page).getByRole("textbox", { name: "Name" })).toBeFocused();
  const results = await new AxeBuilder({ page }).include(".reply").analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expect(service.bodies).toEqual([]);
});

test("posting online delivers the reply exactly once, with the agreed body", async ({ page }) => {
  await page.goto(`${host.url}articles/${FOG}`);
  await fillReply(page, "Online reply");
  await form(page).getByRole("button", { name: "Post Comment" }).click();
  await expect(outbox(page).getByText(/^Sent at /)).toBeVisible();
  await expect(form(page).getByRole("textbox", { name: "Comment" })).toHaveValue("");
  expect(service.bodies).toEqual([
    {
      article: FOG,
      name: "Ada",
      email: "ada@example.org",
      website: "",
      comment: "Online reply",
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    },
  ]);
  // Listed on the drafts page under "Outbox" too.
  await page.getByRole("link", { name: "Drafts" }).first().click();
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(outbox(page).getByText("Online reply")).toBeVisible();
});

test("posting offline waits, then delivers once when the network returns", async ({
  page,
  context,
}) => {
  await openFog(page);
  await fillReply(page, "Offline reply");
  await context.setOffline(true);
  await form(page).getByRole("button", { name: "Post Comment" }).click();
  await expect(outbox(page).getByText("Waiting to send")).toBeVisible();
  expect(service.bodies).toEqual([]);
  await context.setOffline(false);
  await expect(outbox(page).getByText(/^Sent at /)).toBeVisible();
  expect(service.bodies.map((b) => b.comment)).toEqual(["Offline reply"]);
});

test("a 500 then a 201 delivers once, with the same clientId both times", async ({
  page,
  problems,
}) => {
  problems.allow.push(/status of 500/);
  const seen: string[] = [];
  page.on("request", (r) => r.method() === "POST" && seen.push(JSON.parse(r.postData()!).clientId));
  service.queue.push({ status: 500 });
  await page.goto(`${host.url}articles/${FOG}`);
  await fillReply(page, "Retried reply");
  await form(page).getByRole("button", { name: "Post Comment" }).click();
  await expect(outbox(page).getByText("Waiting to send")).toBeVisible();
  // The backoff's first retry comes 5 s later, on its own.
  await expect(outbox(page).getByText(/^Sent at /)).toBeVisible({ timeout: 20_000 });
  expect(service.bodies.map((b) => b.comment)).toEqual(["Retried reply"]);
  expect(seen).toHaveLength(2);
  expect(seen[1]).toBe(seen[0]);
  expect(service.bodies[0].clientId).toBe(seen[0]);
});

test("a 422 shows the service's message and keeps the text for Edit", async ({
  page,
  problems,
}) => {
  await postRefused(page, problems, "Buy <b>cheap</b> fog");
  await expect(
    outbox(page).getByText("Not accepted: 422 Unprocessable Entity: Comment looks like spam"),
  ).toBeVisible();
  await expect(outbox(page).getByText("Buy <b>cheap</b> fog")).toBeVisible();
  await outbox(page).getByRole("button", { name: "Edit" }).click();
  await expect(form(page).getByRole("textbox", { name: "Comment" })).toHaveValue(
    "Buy <b>cheap</b> fog",
  );
  await expect(outbox(page)).toHaveCount(0);
  expect(service.bodies).toEqual([]);
});

test("Edit over a draft with other text asks first, by keyboard, and keeps both texts", async ({
  page,
  problems,
}) => {
  await postRefused(page, problems, "The refused reply");
  await expect(outbox(page).getByText(/^Not accepted/)).toBeVisible();
  const comment = form(page).getByRole("textbox", { name: "Comment" });
  await comment.fill("A new draft");
  await expect(form(page).getByText(/^Draft saved/)).toBeVisible();

  await outbox(page).getByRole("button", { name: "Edit" }).click();
  const question = page.getByRole("group", {
    name: "This article already has a draft with other text.",
  });
  await expect(question.getByRole("button", { name: "Keep the draft" })).toBeFocused();
  const results = await new AxeBuilder({ page }).include(".outbox-section").analyze();
  expect(results.violations).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(outbox(page).getByRole("button", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The question has the focus before the reader tabs through it (a Tab sooner goes elsewhere).
  await expect(question.getByRole("button", { name: "Keep the draft" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(question.getByRole("button", { name: "Keep both" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(comment).toHaveValue("The refused reply");
  await expect(comment).toBeFocused();
  await expect(page.getByText(/kept as another version/)).toBeVisible();
  await expect(outbox(page)).toHaveCount(0);
  expect(service.bodies).toEqual([]);
});

test("two pages open while the network returns deliver once", async ({
  page,
  context,
  problems,
}) => {
  // /drafts looks up the new draft's article as the network goes: that fetch is cut short.
  problems.allow.push(/ERR_INTERNET_DISCONNECTED/);
  const other = await context.newPage();
  // Every POST either page makes, whatever the service answers: one reply, one request.
  const posts: string[] = [];
  for (const p of [page, other])
    p.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await openFog(page);
  await other.goto(`${host.url}drafts`);
  await fillReply(page, "One reply, two pages");
  await context.setOffline(true);
  await form(page).getByRole("button", { name: "Post Comment" }).click();
  await expect(outbox(page).getByText("Waiting to send")).toBeVisible();
  await expect(outbox(other).getByText("Waiting to send")).toBeVisible();
  await context.setOffline(false);
  await expect(outbox(page).getByText(/^Sent at /)).toBeVisible();
  await expect(outbox(other).getByText(/^Sent at /)).toBeVisible();
  expect(service.bodies.map((b) => b.comment)).toEqual(["One reply, two pages"]);
  expect(posts).toHaveLength(1);
});

test("a reply left waiting goes out when the app starts again, from any page", async ({
  page,
  context,
}) => {
  await openFog(page);
  await fillReply(page, "Sent at the next start");
  await context.setOffline(true);
  await form(page).getByRole("button", { name: "Post Comment" }).click();
  await expect(outbox(page).getByText("Waiting to send")).toBeVisible();
  await page.close();
  await context.setOffline(false);
  const list = await context.newPage();
  await list.goto(host.url);
  await expect.poll(() => service.bodies.map((b) => b.comment)).toEqual(["Sent at the next start"]);
  // Once nothing waits, the flag is gone and `/` loads no outbox code.
  await expect
    .poll(() => list.evaluate(() => localStorage.getItem("offprint:outbox-pending")))
    .toBeNull();
});
