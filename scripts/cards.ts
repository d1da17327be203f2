// The share images: renders each language's card (src/story/card.ts: the story's
// first picture beside its title, with the page's stylesheets and self-hosted
// fonts) in Chromium, served from the built site so the fonts load as on the
// page, and writes <root>/<OUTPUT.card(lang)>, a CARD.width × CARD.height PNG.
// Called by scripts/build.ts after Astro; usage alone: node scripts/cards.ts [root=dist]

import { chromium } from "@playwright/test";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./serve.ts";
import { launchOptions } from "./browser.ts";
import { CARD, OUTPUT, type Lang } from "../src/story/config.ts";
import { SITE } from "../src/story/site.ts";
import { langs as storyLangs, story, ui } from "../src/story/page.ts";
import { cardHtml } from "../src/story/card.ts";

/** The stylesheets a built page links (so the card is drawn with the same CSS and fonts). */
function stylesheetsOf(html: string): string[] {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
}

export async function renderCards(root: string, langs: readonly Lang[] = storyLangs()): Promise<string[]> {
  const server = await serve(root, 0, "127.0.0.1", { base: SITE.base });
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await chromium.launch(launchOptions());
  const written: string[] = [];
  try {
    const page = await browser.newPage({
      viewport: { width: CARD.width, height: CARD.height },
      deviceScaleFactor: 1,
      colorScheme: "light",
    });
    for (const lang of langs) {
      const built = readFileSync(join(root, OUTPUT.page(lang), "index.html"), "utf8");
      const sheets = stylesheetsOf(built);
      if (sheets.length === 0) throw new Error(`no stylesheet linked from ${OUTPUT.page(lang)}index.html`);
      const html = cardHtml(story().compiled, lang, { title: ui(lang, "title"), dek: ui(lang, "dek"), foot: ui(lang, "cardFoot") }, sheets);
      // Served from inside the site (never written to it), so root-relative stylesheet and font URLs resolve.
      const url = `${origin}${SITE.base}__card-${lang}.html`;
      await page.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
      await page.goto(url, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const missing = await page.evaluate(() =>
        ["700 64px 'Source Sans 3'", "400 29px 'Source Serif 4'"].filter((f) => !document.fonts.check(f)),
      );
      if (missing.length) throw new Error(`share image ${lang}: web fonts not loaded: ${missing.join(", ")}`);
      const file = join(root, OUTPUT.card(lang));
      await page.screenshot({ path: file, type: "png" });
      if (statSync(file).size < 10_000) throw new Error(`share image ${file} is suspiciously small`);
      written.push(file);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await renderCards(process.argv[2] ?? "dist")) console.log(`wrote ${f} (${Math.round(statSync(f).size / 1024)} KB)`);
}
