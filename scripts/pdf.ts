// The print edition: prints each language's built page (JavaScript off, print
// CSS) with Chromium into <root>/<lang>/<the PDF name of content/story.json>, the file the page's
// `<a data-pdf>` links to. Usage: node scripts/pdf.ts [root=dist]

import { chromium } from "@playwright/test";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./serve.ts";
import { launchOptions } from "./browser.ts";
import { OUTPUT, type Lang } from "../src/story/config.ts";
import { langs as storyLangs, pdfPath } from "../src/story/page.ts";
import { SITE } from "../src/story/site.ts";

export async function printPdfs(root: string, langs: readonly Lang[] = storyLangs()): Promise<string[]> {
  const server = await serve(root, 0, "127.0.0.1", { base: SITE.base });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch(launchOptions());
  const written: string[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    for (const lang of langs) {
      const page = await context.newPage();
      await page.emulateMedia({ media: "print" });
      await page.goto(`http://127.0.0.1:${port}${SITE.base}${OUTPUT.page(lang)}`, { waitUntil: "networkidle" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = join(root, pdfPath(lang));
      await page.pdf({
        path: file,
        // Paper, margins, running title and page numbers come from the print CSS
        // (each language's paper, content/story.json), as they do for Ctrl+P.
        preferCSSPageSize: true,
        printBackground: true,
        // Tagged (accessible) PDF with the chapter headings as its outline.
        tagged: true,
        outline: true,
      });
      if (!existsSync(file) || statSync(file).size < 10_000) throw new Error(`PDF ${file} was not written or is suspiciously small`);
      written.push(file);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await printPdfs(process.argv[2] ?? "dist");
  for (const f of files) console.log(`wrote ${f} (${Math.round(statSync(f).size / 1024)} KB)`);
}
