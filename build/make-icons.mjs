// Draws the app's install icons (public/icons/*.png) from the favicon's artwork with Chromium.
// Run after changing public/favicon.svg: `node build/make-icons.mjs`. The PNGs are committed, so
// a build never needs a browser.
import { readFile } from "node:fs/promises";
import { chromium } from "@playwright/test";

const svg = await readFile("public/favicon.svg", "utf8");
// A maskable icon must fill its square and keep the artwork in the central 80% "safe zone".
const inner = svg.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
const maskable =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
  `<rect width="64" height="64" fill="#8a2b1c"/>` +
  `<g transform="translate(9.6 9.6) scale(0.7)">${inner.replace(/ rx="14"/, "")}</g></svg>`;

const icons = [
  { file: "public/icons/icon-192.png", size: 192, art: svg },
  { file: "public/icons/icon-512.png", size: 512, art: svg },
  { file: "public/icons/icon-maskable-512.png", size: 512, art: maskable },
  { file: "public/icons/apple-touch-icon.png", size: 180, art: maskable },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  const src = `data:image/svg+xml;base64,${Buffer.from(icon.art).toString("base64")}`;
  await page.setContent(
    `<body style="margin:0"><img src="${src}" width="${icon.size}" height="${icon.size}"` +
      ` style="display:block"></body>`,
  );
  await page.locator("img").evaluate((img) => img.decode());
  await page.screenshot({ path: icon.file, omitBackground: true });
  console.log(`wrote ${icon.file}`);
}
await browser.close();
