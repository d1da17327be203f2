// The PNG fallbacks of the favicon, rendered once from public/favicon.svg with
// Chromium and committed (run again only when the SVG changes):
// icon-32.png and icon-192.png (transparent; the icons the pages link: Chromium fetches
// and decodes the page icon again at every address change, and an SVG icon costs a
// whole SVG document each time, about 5 ms of main thread per step), icon-512.png
// (for the manifest),
// apple-touch-icon.png (180 px on the page colour: iOS fills transparency with black)
// and icon-maskable-512.png (the chip inside the safe zone of a maskable icon).
// Usage: node scripts/icons.ts

import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchOptions } from "./browser.ts";

const PUBLIC = join(import.meta.dirname, "..", "public");
const BG = "#fbfaf7";

/** name, size in px, background (none: transparent), share of the size the chip fills. */
const ICONS: [string, number, string | null, number][] = [
  ["icon-32.png", 32, null, 1],
  ["icon-192.png", 192, null, 1],
  ["icon-512.png", 512, null, 1],
  ["apple-touch-icon.png", 180, BG, 0.8],
  ["icon-maskable-512.png", 512, BG, 0.62],
];

const svg = readFileSync(join(PUBLIC, "favicon.svg"), "utf8");
const browser = await chromium.launch(launchOptions());
try {
  for (const [name, size, bg, fill] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inner = Math.round(size * fill);
    await page.setContent(
      `<html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${bg ?? "transparent"}">` +
        svg.replace("<svg ", `<svg width="${inner}" height="${inner}" `) +
        `</body></html>`,
    );
    await page.screenshot({ path: join(PUBLIC, name), omitBackground: bg === null });
    await page.close();
    console.log(`wrote public/${name}`);
  }
} finally {
  await browser.close();
}
