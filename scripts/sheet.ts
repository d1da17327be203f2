// The contact sheet as PNGs: builds the site with the sheet page (STORY_SHEET),
// then photographs every cell (each state in every layout, five frames of every
// transition) and writes one HTML page showing them beside their step's text.
// Usage: node scripts/sheet.ts [outDir=shots/sheet]
//   SHEET_LANG=de: one language; SHEET_ONLY=slug,slug: only those chapters' rows.

import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { serve } from "./serve.ts";
import { launchOptions } from "./browser.ts";
import { langsOf } from "../src/story/config.ts";
import { loadStoryConfig } from "../src/story/storyConfig.ts";

const out = resolve(process.argv[2] ?? "shots/sheet");
// Each output folder builds its own site, so two sheets can be made at once.
const site = `.build/sheet-dist-${basename(out)}`;
const only = process.env.SHEET_ONLY ? new Set(process.env.SHEET_ONLY.split(",")) : null;
execFileSync(process.execPath, ["scripts/build.ts", "--out", site, "--no-pdf"], {
  stdio: "inherit",
  env: { ...process.env, STORY_SHEET: "1" },
});
rmSync(out, { recursive: true, force: true });
// A review tool, not the published site: its cells size themselves with style attributes,
// which the site's policy (the build's _headers, applied by serve.ts) would refuse.
rmSync(join(site, "_headers"), { force: true });
const server = await serve(site, 0);
const addr = server.address();
const port = typeof addr === "object" && addr ? addr.port : 0;
const browser = await chromium.launch(launchOptions());
const all = langsOf(loadStoryConfig("content"));
const langs = process.env.SHEET_LANG ? all.filter((l) => l === process.env.SHEET_LANG) : all;
let count = 0;
const html: string[] = [];
try {
  for (const lang of langs) {
    mkdirSync(join(out, lang), { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${port}/sheet/${lang}/`);
    await page.waitForFunction(() => document.documentElement.dataset.sheetReady === "true");
    // The static figures are files: all loaded before a cell is photographed.
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const rows = await page.$$eval("[data-row]", (els) =>
      els.map((row) => ({
        id: row.getAttribute("data-row")!,
        text: row.querySelector(".sheet-text")!.innerHTML,
        cells: Array.from(row.querySelectorAll<HTMLElement>("[data-cell]")).map((c) => c.dataset.cell!),
      })),
    );
    html.push(`<h2>${lang}</h2>`);
    for (const row of rows.filter((r) => !only || only.has(r.id.split("--")[0]!))) {
      const imgs: string[] = [];
      for (const cell of row.cells) {
        const file = `${lang}/${cell}.png`;
        // A static figure is its file, shown by an <img>; the others the live renderer's <svg> (not a window inside it, the map's).
        await page.locator(`[data-cell="${cell}"] :is(svg:not(svg *), img)`).screenshot({ path: join(out, file) });
        imgs.push(`<figure><img src="${file}" alt="${cell}" loading="lazy"><figcaption>${cell}</figcaption></figure>`);
        count++;
      }
      // One strip per row too, for a quick look at the whole step.
      await page.locator(`[data-row="${row.id}"]`).screenshot({ path: join(out, lang, `row-${row.id}.png`) });
      html.push(`<section><div class="text">${row.text}</div><div class="cells">${imgs.join("")}</div></section>`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
writeFileSync(
  join(out, "index.html"),
  `<!doctype html><meta charset="utf-8"><title>Contact sheet</title><style>
body{font:14px/1.4 sans-serif;margin:1rem}section{display:grid;grid-template-columns:22rem 1fr;gap:1rem;border-top:1px solid #ccc;padding:.75rem 0}
.cells{display:flex;flex-wrap:wrap;gap:.5rem}figure{margin:0}img{height:12rem;border:1px solid #ddd}figcaption{font-size:11px;color:#666}</style>
<h1>Contact sheet</h1>${html.join("\n")}`,
);
console.log(`wrote ${count} PNGs and ${join(out, "index.html")}`);
