// The print edition. Each story page links its PDF with <a data-pdf>, served
// as a PDF; each PDF (read with poppler-utils, tests/e2e/pdf-tools.ts) holds
// the cover's particulars, every chapter heading and every step's prose, each
// figure label once, only the story's own fonts, embedded; its paper is the
// language's (A4 German, US Letter English); its page count lies in the band
// below; no page but a chapter's last is less than a third full; one page
// matches a committed reference image. In print media, the page itself shows
// every figure and nothing web-only.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { test, expect, LANGS, type Lang } from "./helpers.ts";
import type { Paper } from "../../src/story/config.ts";
import { loadStoryConfig } from "../../src/story/storyConfig.ts";
import { differingShare, fillRatio, fonts, pageCount, pageSize, pageTexts, renderPages, squeeze, unpackGrey } from "./pdf-tools.ts";
import { REFERENCE_DPI, REFERENCE_PAGE, referenceFile } from "./pdf-reference.ts";

const ROOT = process.env.E2E_ROOT ?? "dist";
const SIZES: Record<Paper, { name: string; width: number; height: number }> = {
  A4: { name: "A4", width: 595, height: 842 },
  Letter: { name: "US Letter", width: 612, height: 792 },
};
/** Each language's paper, as content/story.json names it. */
const PAPER = Object.fromEntries(loadStoryConfig("content").languages.map((l) => [l.code, SIZES[l.paper]])) as Record<
  Lang,
  (typeof SIZES)[Paper]
>;
/** The print margins (mm) of src/styles/global.css: running title above, page numbers below. */
const MARGIN_TOP_MM = 17;
const MARGIN_BOTTOM_MM = 19;

interface Printed {
  file: string;
  title: string;
  headings: string[];
  steps: { id: string; text: string }[];
  labels: string[];
  edition: string[];
  sources: string;
  /** All the words the page prints, squeezed: prose, labels, notes, sources. */
  all: string;
}

/** What the page puts on paper, read once per language and worker (the built site does not change during a run). */
const printedOnce = new Map<Lang, Promise<Printed>>();
function printed(browser: Browser, lang: Lang): Promise<Printed> {
  let p = printedOnce.get(lang);
  if (!p) {
    p = readPrinted(browser, lang);
    printedOnce.set(lang, p);
    p.catch(() => printedOnce.delete(lang));
  }
  return p;
}

/** What the page (JavaScript off, as the PDF printer sees it) puts on paper. */
async function readPrinted(browser: Browser, lang: Lang): Promise<Printed> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: "print" });
    await page.goto(`/${lang}/`);
    const href = await page.locator("a[data-pdf]").getAttribute("href");
    const data = await page.evaluate(() => ({
      title: document.querySelector("h1")!.textContent!.trim(),
      headings: [...document.querySelectorAll(".chapter h2")].map((h) => h.textContent!.trim()),
      steps: [...document.querySelectorAll<HTMLElement>(".step")].map((s) => ({
        id: s.id,
        // the prose, without the share button (absent from print)
        text: [...s.querySelector(".step-text")!.childNodes]
          .filter((n) => !(n instanceof Element && n.matches("[data-share]")))
          .map((n) => n.textContent)
          .join(""),
      })),
      labels: [...document.querySelectorAll(".step-figure svg text")].map((t) => t.textContent!),
      edition: [...document.querySelectorAll(".edition dt, .edition dd")].map((d) => d.textContent!.trim()),
      sources: document.querySelector(".sources h2")!.textContent!.trim(),
      // The printed words: without the text alternatives (<title>, <desc>, .sr-only), which are not printed.
      all: [
        ...document.querySelectorAll(
          ".masthead .kicker, .masthead h1, .masthead .dek, [data-schematic-note], .contents, .edition, .chapter, .endnotes, .ending, .sources",
        ),
      ]
        .map((e) => {
          const copy = e.cloneNode(true) as Element;
          copy.querySelectorAll("title, desc, .sr-only").forEach((t) => t.remove());
          return copy.textContent;
        })
        .join(" "),
    }));
    return { file: join(ROOT, href!.replace(/^\/+/, "")), ...data, all: squeeze(data.all) };
  } finally {
    await context.close();
  }
}

/** A page's text, squeezed, without its running title and its page number ("4 / 24"). */
const body = (text: string, head: string, pages: number): string =>
  squeeze(text)
    .replace(head, "")
    .replace(new RegExp(`^\\d+/${pages}`), "");

const count = (hay: string, needle: string): number => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};

for (const lang of LANGS) {
  test(`${lang}: a[data-pdf] links the print edition, served as a PDF`, async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    let href: string | null;
    try {
      const page = await context.newPage();
      await page.goto(`/${lang}/`);
      const link = page.locator("a[data-pdf]");
      await expect(link).toHaveCount(1);
      await expect(link).toBeVisible();
      href = await link.getAttribute("href");
    } finally {
      await context.close();
    }
    expect(href).toMatch(new RegExp(`^/${lang}/[^/]+\\.pdf$`));
    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/pdf/);
    const body = await res.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(body.length).toBeGreaterThan(10_000);
  });

  test.describe(`${lang}: the PDF @desktop-only`, () => {
    let p: Printed;
    let texts: string[];
    test.beforeAll(async ({ browser }) => {
      p = await printed(browser, lang);
      texts = pageTexts(p.file);
    });

    test("its cover holds the title and the edition's particulars; every chapter heading and every step's prose follow, each step on one page", () => {
      const cover = squeeze(texts[0]!);
      expect(cover).toContain(squeeze(p.title));
      expect(p.edition.length).toBeGreaterThanOrEqual(6);
      for (const e of p.edition) expect(cover, `cover lacks "${e}"`).toContain(squeeze(e));
      const body = squeeze(texts.slice(1).join(" "));
      for (const h of p.headings) expect(body, `no heading "${h}"`).toContain(squeeze(h));
      // Each step's prose whole on one page: no step is split across pages.
      const pages = texts.map(squeeze);
      const missing = p.steps.filter((s) => !pages.some((t) => t.includes(squeeze(s.text)))).map((s) => s.id);
      expect(missing, "steps whose prose is not on one page of the PDF").toEqual([]);
    });

    test("each label's text is in the text layer as often as the figures print it (never doubled)", () => {
      // Each page's text without its running title and page number (the margins).
      const head = squeeze(p.title);
      const pdf = texts.map((t, i) => (i === 0 ? squeeze(t) : body(t, head, texts.length))).join("");
      const labels = [...new Set(p.labels.map(squeeze))].filter((l) => l.length >= 4);
      expect(labels.length).toBeGreaterThan(20);
      const wrong = labels
        .map((l) => ({ l, pdf: count(pdf, l), page: count(p.all, l) }))
        .filter((x) => x.pdf !== x.page)
        .map((x) => `${x.l}: ${x.pdf} in the PDF, ${x.page} on the page`);
      expect(wrong).toEqual([]);
    });

    test("every font is embedded and one of the story's own (Source Sans 3, Source Serif 4); none is Type 3", () => {
      const list = fonts(p.file);
      expect(list.length).toBeGreaterThan(0);
      const bad = list.filter((f) => !f.embedded || /Type 3/.test(f.type) || !/SourceSans3|SourceSerif4/.test(f.name));
      expect(bad).toEqual([]);
    });

    test(`its paper is ${PAPER[lang]!.name}, its page count in the band, its size under 3 MB`, () => {
      const size = pageSize(p.file);
      expect(Math.round(size.width)).toBe(PAPER[lang]!.width);
      expect(Math.round(size.height)).toBe(PAPER[lang]!.height);
      // The band: at least a cover, the sources and one page per three steps;
      // at most a page per step, plus the cover and the sources' pages.
      const pages = pageCount(p.file);
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(p.steps.length / 3) + 2);
      expect(pages).toBeLessThanOrEqual(p.steps.length + 3);
      expect(readFileSync(p.file).length).toBeLessThan(3 * 1024 * 1024);
    });

    test("no page but a chapter's last is less than a third full", () => {
      const { height } = pageSize(p.file);
      const mm = (v: number) => (v * 72) / 25.4 / height;
      const images = renderPages(p.file, 24);
      const head = squeeze(p.title);
      // A page opens a chapter when, after the running title and page number, its text begins with
      // a chapter's number and heading; the sources open a page of their own too.
      const opens = texts.map((t) => {
        const s = body(t, head, texts.length);
        return p.headings.some((h, i) => s.startsWith(`${i + 1}${squeeze(h)}`)) || s.startsWith(squeeze(p.sources));
      });
      expect(opens.filter(Boolean).length).toBe(p.headings.length + 1);
      const thin: string[] = [];
      for (let i = 1; i < images.length - 1; i++) {
        if (opens[i + 1]) continue;
        const fill = fillRatio(images[i]!, mm(MARGIN_TOP_MM), 1 - mm(MARGIN_BOTTOM_MM));
        if (fill < 0.33) thin.push(`page ${i + 1}: ${Math.round(fill * 100)} % full`);
      }
      expect(thin).toEqual([]);
    });

    test(`page ${REFERENCE_PAGE} matches the committed reference image`, () => {
      const ref = referenceFile(lang);
      expect(existsSync(ref), `no reference image ${ref}: run npm run pdf:reference and look at it`).toBe(true);
      const [now] = renderPages(p.file, REFERENCE_DPI, REFERENCE_PAGE, REFERENCE_PAGE);
      const share = differingShare(now!, unpackGrey(readFileSync(ref)));
      expect(
        share,
        `page ${REFERENCE_PAGE} differs from ${ref} in ${(share * 100).toFixed(2)} % of its pixels; if the change is meant, run npm run pdf:reference`,
      ).toBeLessThan(0.01);
    });
  });
}

test.describe("browser printing (Ctrl+P) @desktop-only", () => {
  for (const lang of LANGS) {
    test(`${lang}: printing the page mid-story, with JavaScript, gives the edition the PDF holds`, async ({ browser, page }, info) => {
      const p = await printed(browser, lang);
      await page.goto(`/${lang}/`);
      const steps = page.locator(".step");
      await steps.nth(Math.floor((await steps.count()) / 2)).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      const file = info.outputPath(`${lang}-ctrl-p.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      expect(pageCount(file)).toBe(pageCount(p.file));
      const size = pageSize(file);
      expect(Math.round(size.height)).toBe(PAPER[lang]!.height);
      const [a, b] = [pageTexts(file), pageTexts(p.file)];
      expect(a.map(squeeze)).toEqual(b.map(squeeze));
    });
  }
});

test.describe("print media, with JavaScript @desktop-only", () => {
  for (const lang of LANGS) {
    test(`${lang}: every step's figure is visible and drawn; nothing web-only is shown`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      await page.emulateMedia({ media: "print" });
      const figures = page.locator(".step-figure svg");
      const n = await page.locator(".step").count();
      await expect(figures).toHaveCount(n);
      const report = await figures.evaluateAll((svgs) =>
        svgs.map((svg) => {
          const r = svg.getBoundingClientRect();
          const style = getComputedStyle(svg.closest("figure")!);
          return {
            id: svg.closest(".step")!.id,
            w: r.width,
            h: r.height,
            shown: style.display !== "none" && style.visibility !== "hidden",
            // what it draws (a static figure's marks carry no keys: only the live stage needs them)
            marks: svg.querySelectorAll(":scope > :not(title, desc)").length,
          };
        }),
      );
      const bad = report.filter((f) => !f.shown || f.w < 100 || f.h < 30 || f.marks < 2).map((f) => f.id);
      expect(bad).toEqual([]);
      for (const sel of [".stage-wrap", ".progress", ".topbar", "a[data-pdf]", "a[data-lang-switch]"]) {
        await expect(page.locator(sel).first(), `${sel} is printed`).toBeHidden();
      }
      const buttons = await page.locator("button").evaluateAll((bs) =>
        bs
          // a glossary term and a number of the prose (its note's number raised) are words on paper
          .filter((b) => getComputedStyle(b).display !== "none" && !b.matches(".term-toggle, .fact"))
          .map((b) => b.outerHTML.slice(0, 80)),
      );
      expect(buttons).toEqual([]);
      // Glossary notes are printed, even where the runtime made them disclosures.
      const notes = await page.locator(".term-def").evaluateAll((ns) => ns.filter((n) => getComputedStyle(n).display === "none").length);
      expect(notes).toBe(0);
    });
  }
});
