// The self-hosted fonts are subsets (scripts/fonts.ts), so a glyph the pages
// show but the subsets lack would silently fall back to a system font, on
// screen and in the PDF. Checked two ways: Chromium itself reports which fonts
// drew each element's text (screen and print, JavaScript off as the PDF printer
// reads it, and on), and every character of the pages and of every chapter's
// stage drawings is looked up in each served font's character map.
import type { CDPSession, Page } from "@playwright/test";
import { test, expect, LANGS, open } from "./helpers.ts";
import { STAGE_LAYOUTS } from "../../src/story/config.ts";
import { cmap, codePoint, drawn, missingGlyphs } from "../../scripts/fonts.ts";

/** The site's own web fonts; Chromium names a face by the font's own name ("Source Sans 3 SemiBold", "SourceSans3VF"). */
const FAMILIES = { "Source Sans 3": /^Source ?Sans ?3/, "Source Serif 4": /^Source ?Serif ?4/ };
const ours = (f: { familyName: string; isCustomFont: boolean }) =>
  f.isCustomFont && Object.values(FAMILIES).some((re) => re.test(f.familyName));

/** Every font Chromium used to draw text on the page, by family (marked "(web font)" when it is one), with an example element. */
async function fontsUsed(page: Page, cdp: CDPSession): Promise<Map<string, string>> {
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  // Only elements that hold text themselves (and are rendered) can use a font.
  const selector = await page.evaluate(() => {
    let n = 0;
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      if (Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()))
        el.setAttribute("data-font-probe", String(n++));
    }
    return "[data-font-probe]";
  });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
  const used = new Map<string, string>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    for (const f of fonts) {
      const name = ours(f) ? f.familyName : `${f.familyName}${f.isCustomFont ? " (web font)" : " (system font)"}`;
      if (used.has(name)) continue;
      const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
      used.set(name, outerHTML.slice(0, 160));
    }
  }
  await page.evaluate(() => document.querySelectorAll("[data-font-probe]").forEach((el) => el.removeAttribute("data-font-probe")));
  expect(nodeIds.length, "elements with text were probed").toBeGreaterThan(100);
  return used;
}

for (const lang of LANGS) {
  test(`/${lang}/: every word is drawn in the site's own fonts, in print without JavaScript (as the PDF printer reads it) and on screen with it @desktop-only`, async ({
    browser,
    page,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    try {
      const plain = await context.newPage();
      // print as the PDF printer sees the page; screen as a reader does
      for (const [p, media] of [
        [plain, "print"],
        [page, "screen"],
      ] as const) {
        await p.emulateMedia({ media });
        await open(p, `/${lang}/`);
        const used = await fontsUsed(p, await p.context().newCDPSession(p));
        const foreign = [...used].filter(([family]) => / \((web|system) font\)$/.test(family)).map(([family, el]) => `${family} for ${el}`);
        expect(foreign, `${media}: text drawn in another font (a glyph missing from the subsets)`).toEqual([]);
        const families = [...used.keys()];
        for (const [f, re] of Object.entries(FAMILIES))
          expect(
            families.some((n) => re.test(n)),
            `${media}: ${f} is in use`,
          ).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
}

test("every character of both pages and every stage drawing has a glyph in every served font, and each is a small WOFF2 subset @desktop-only", async ({
  page,
  request,
}) => {
  const text: string[] = [];
  let faces: string[] = [];
  for (const lang of LANGS) {
    await open(page, `/${lang}/`);
    const { shown, src, chapters, fonts } = await page.evaluate(() => {
      const attrs = Array.from(document.querySelectorAll("[alt], [title], [aria-label], [aria-description], [placeholder]")).flatMap((el) =>
        ["alt", "title", "aria-label", "aria-description", "placeholder"].map((a) => el.getAttribute(a) ?? ""),
      );
      // @font-face rules, also those inside @media screen / print
      const faces = (rules: CSSRuleList): string[] =>
        Array.from(rules).flatMap((r) =>
          r instanceof CSSFontFaceRule ? [r.style.getPropertyValue("src")] : r instanceof CSSGroupingRule ? faces(r.cssRules) : [],
        );
      const fonts = Array.from(document.styleSheets).flatMap((s) => faces(s.cssRules));
      return {
        shown: [document.title, document.documentElement.textContent ?? "", ...attrs].join("\n"),
        src: document.querySelector<HTMLElement>("[data-stage]")!.dataset.stageSrc!,
        chapters: Array.from(document.querySelectorAll<HTMLElement>("section[data-chapter]")).map((s) => s.dataset.chapter!),
        fonts,
      };
    });
    text.push(shown);
    expect(chapters.length).toBeGreaterThan(1);
    for (const slug of chapters)
      for (const layout of STAGE_LAYOUTS) {
        const data = await (await request.get(src.replace("{slug}", encodeURIComponent(slug)).replace("{layout}", layout))).json();
        // JSON.stringify keeps every non-ASCII character as it is; the rest is ASCII, in every subset anyway
        text.push(JSON.stringify(data));
      }
    faces = fonts;
  }
  const all = text.join("\n");
  // the story's own letters are among them (a sanity check on the collection itself)
  expect(drawn(all)).toEqual(expect.arrayContaining(["ä", "ß", "„", "“", "–"]));
  expect(faces.length, "seven faces: serif 400, 400 italic, 600; sans 400–700 on screen; sans 400, 600, 700 in print").toBe(7);
  for (const src of faces) {
    const url = /url\("?([^")]+)"?\)/.exec(src)?.[1];
    expect(src, "each face is one WOFF2 file").toMatch(/^url\("?[^")]+\.woff2"?\) format\("woff2"\)$/);
    const res = await request.get(url!);
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    const font = cmap(bytes);
    expect(missingGlyphs(font, all).map(codePoint), `${url}: characters the pages show without a glyph`).toEqual([]);
    // a subset: the complete fonts have about 2,000 glyphs and 300 KB
    expect(font.glyphs, `${url}: glyph count`).toBeLessThan(400);
    expect(bytes.length, `${url}: bytes`).toBeLessThan(20_000);
  }
});

// What the first view costs in fonts: at the top of the story, on screen, the
// browser fetches the faces the page preloads and no other. A face that only
// hidden text uses (screen-reader tables, the print cover) is not worth its bytes
// on the first view; the bench (scripts/bench.ts) counts those bytes.
test("at the top of the story the browser fetches only the preloaded font files @desktop-only", async ({ page }) => {
  const fetched: string[] = [];
  page.on("response", (res) => {
    if (/\.woff2$/.test(new URL(res.url()).pathname)) fetched.push(new URL(res.url()).pathname);
  });
  await open(page, "/de/");
  await page.waitForLoadState("networkidle");
  const preloaded = await page.$$eval('link[rel="preload"][as="font"]', (links) =>
    links.map((l) => new URL((l as HTMLLinkElement).href).pathname),
  );
  expect(preloaded.length, "the page preloads its first-screen faces").toBeGreaterThan(0);
  expect([...new Set(fetched)].sort()).toEqual([...preloaded].sort());
});
