// The print edition: prints each language's built page (JavaScript off, print
// CSS) with Chromium into <root>/<lang>/<the PDF name of content/story.json>, the file the page's
// `<a data-pdf>` links to. Usage: node scripts/pdf.ts [root=dist]
//
// Chapters flow on from one another; one (or a section of the back) that would open in the bottom third of a
// page starts the next page instead. CSS alone could not say so here (the usual
// unbreakable spacer before the heading made Chromium break before every chapter),
// so the printer measures: it prints, finds each chapter heading's place with
// poppler's pdftotext, adds `break-before: page` for those that open too low to the
// language's print.css (so Ctrl+P prints the same pages), and prints again until
// none does. Without pdftotext it prints once and says so.
//
// Each chapter's first figure stands under its heading (Chapter.astro), and its first step's lines under the figure:
// heading, figure and first lines go on together (global.css), never a page apart (graphics review 36, item 10). Where
// they went on to the next page, the page before is feathered (below); where that page stayed under two-thirds full,
// heading and figure may end it, the first lines opening the next page.

// Every other figure is kept whole and stands first, right before its own step's text (global.css), under the
// paragraph that leads up to it, and goes on with the text it illustrates (never after the chapter's last words, as
// a figure of a chapter's last step did when it followed its text). Should one still print on a page without its
// step's words, the printer says so again in print.css (leadRules, one figure at a time); a page it leaves under
// two-thirds full is feathered (below).

// A last page under LAST_LEAST full takes the first section of the back whose heading prints low on the page
// before (that page stays two-thirds full): it opens the last page instead.
//
// A chapter moved to a new page, or a figure set first with its text, leaves the page before it short. Where that page is
// less than FEATHER_TARGET full, the printer sets its steps a little further apart
// (vertical justification, as a typesetter feathers a short page): the leftover
// space, up to FEATHER_TARGET of the page, shared among the gaps between that page's
// steps and above their figures, written to print.css as well, then prints once more
// and checks again.

import { chromium, type Page } from "@playwright/test";
import { appendFileSync, existsSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { serve } from "./serve.ts";
import { launchOptions } from "./browser.ts";
import { OUTPUT, type Lang } from "../src/story/config.ts";
import { langs as storyLangs, pdfPath } from "../src/story/page.ts";
import { SITE } from "../src/story/site.ts";

export async function printPdfs(
  root: string,
  langs: readonly Lang[] = storyLangs(),
  { draft = false }: { draft?: boolean } = {},
): Promise<string[]> {
  const server = await serve(root, 0, "127.0.0.1", { base: SITE.base });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch(launchOptions());
  const written: string[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    // The languages print side by side (each its own page, file and print.css): layout and PDF
    // writing are mostly one core each, so two editions take little longer than one.
    const print = async (lang: Lang): Promise<string> => {
      const file = join(root, pdfPath(lang));
      const css = join(root, lang, "print.css");
      const broken = new Set<string>();
      const led = new Set<string>();
      // (chapters whose opening figure may end a page, its first lines opening the next)
      const split = new Set<string>();
      let feathered = 0;
      const featheredBefore = new Set<string>();
      let lastMoved = false;
      let numbered = false;
      for (let pass = 1; ; pass++) {
        const page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        await page.goto(`http://127.0.0.1:${port}${SITE.base}${OUTPUT.page(lang)}`, { waitUntil: "networkidle" });
        await imagesLoaded(page, lang);
        const headings = await page.$$eval(".chapter, .story ~ :is(section, aside, footer)", (cs) =>
          cs.filter((c) => c.id && c.querySelector("h2")).map((c) => ({ id: c.id, title: c.querySelector("h2")!.textContent!.trim() })),
        );
        // The back's sections with a heading, in order, each with a selector for a rule of print.css.
        const back = await page.$$eval(".story ~ :is(section, aside), .story ~ * section[data-ending-part]", (ss) =>
          ss
            .filter((s) => s.querySelector(":scope > h2, :scope > * > h2") && getComputedStyle(s).display !== "none")
            .map((s) => ({
              selector: s.id ? `#${s.id}` : `[data-ending-part="${s.getAttribute("data-ending-part")}"]`,
              title: s.querySelector("h2")!.textContent!.trim(),
            })),
        );
        // Each step's id, its chapter and its printed words (the prose only), to find which page prints it.
        const steps = await page.$$eval(".chapter .step", (ss) =>
          ss.map((s) => {
            const text = s.querySelector(".step-text")!.cloneNode(true) as Element;
            text.querySelectorAll("h2, button, [data-share], .term-def, sup").forEach((e) => e.remove());
            return {
              id: s.id,
              chapter: s.closest(".chapter")!.id,
              text: text.textContent ?? "",
              // (a figure shown with its text, before it or after it; and the chapter's first, under the heading, feathered
              // apart from the text below it, never from the heading)
              figure: [...s.querySelectorAll(".print-figure:not(.print-open)")].some((f) => getComputedStyle(f).display !== "none"),
              open: [...s.querySelectorAll(".print-figure.print-open")].some((f) => getComputedStyle(f).display !== "none"),
              // Its own printed figures (each one's copy stands hidden after the next step's text), and its text's
              // height in pt (the column is its 128 mm measure on screen as on paper).
              figures: [...s.querySelectorAll<HTMLElement>(".print-figure:not(.print-lead, .print-open)")].map((f) => f.dataset.printId!),
              height: s.querySelector(".step-text")!.getBoundingClientRect().height * 0.75,
            };
          }),
        );
        // Each printed figure's own copy: its id, its chapter and its caption (found on paper by its words).
        // (the chapter's first, under its heading, stays there: its copy by its own step's text is never shown)
        const figures = (
          await page.$$eval(".chapter .print-figure:not(.print-lead, .print-open)", (fs) =>
            fs.map((f) => ({
              id: (f as HTMLElement).dataset.printId!,
              chapter: f.closest(".chapter")!.id,
              caption: f.querySelector(".print-caption")!.textContent ?? "",
              opened: f.classList.contains("print-opened"),
            })),
          )
        ).filter((f) => !f.opened);
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
        await page.close();
        if (!existsSync(file) || statSync(file).size < 10_000) throw new Error(`PDF ${file} was not written or is suspiciously small`);
        // A draft is printed once, as it falls (scripts/build.ts --draft-pdf).
        if (draft) break;
        // Where each heading printed (one pdftotext run a pass): the low ones, and once final, the contents' pages.
        const printed = headingsPrinted(file, headings);
        if (printed === undefined) {
          console.warn(`pdf: pdftotext (poppler-utils) is missing: ${file} printed once, a chapter may open at a page's foot`);
          break;
        }
        const fresh = printed.filter((h) => h.low && !broken.has(h.id)).map((h) => h.id);
        if (fresh.length === 0) {
          // (A chapter whose heading went on with its figure and first lines to the next page keeps them together
          // there: its figure is never set back by its own step's text, a page apart from its heading (graphics
          // review 36, item 10). The page before it is feathered below instead.)
          // A chapter whose heading, figure and first lines went on to the next page and left the page before under
          // two-thirds full, more than feathering can mend: heading and figure may stand at that page's foot, its
          // first lines opening the next (the two kept together still, never a page apart).
          const apart = printed.find((h) => !broken.has(h.id) && !split.has(h.id) && opensPage(file, h) && fillBefore(file, h) < LOW);
          if (apart) {
            split.add(apart.id);
            appendFileSync(css, `#${apart.id} .print-figure.print-open { break-after: auto; }\n`);
            continue;
          }
          // A figure that went on to a page without its step's words: it stands before its step's text instead.
          const lead = leadRules(file, steps, figures, led);
          if (lead.length > 0) {
            appendFileSync(css, lead.join(""));
            continue;
          }
          // A last page near-empty: a section of the back low on the page before opens the last page instead.
          const last = lastMoved ? [] : lastPageRules(file, back);
          if (last.length > 0) {
            lastMoved = true;
            appendFileSync(css, last.join(""));
            continue;
          }
          // (the pages before a chapter moved to a new page, and before a figure set first with its text)
          const ledSteps = [...led].map((id) => steps.find((s) => s.figures.includes(id))?.id ?? "");
          // (and the page before a step whose figure stands first, where figure and text went on together and left
          // that page short: a page ending a quarter empty reads as a gap, graphics review 36, item 10)
          const first = steps.filter((s) => s.figure && !ledSteps.includes(s.id)).map((s) => s.id);
          // (and the page before every chapter that opens a page: heading, first figure and first lines went on
          // together, to the next page, whether the printer moved them or they did not fit)
          const opened = printed.filter((h) => !broken.has(h.id) && opensPage(file, h)).map((h) => h.id);
          const rules = feathered >= 2 ? [] : featherRules(file, steps, [...broken, ...opened, ...ledSteps, ...first], featheredBefore);
          if (rules.length === 0) {
            // The pages are final: the cover's contents give each chapter's page (the numbers move no line), printed once more.
            if (!numbered) {
              numbered = true;
              appendFileSync(css, contentsRules(printed).join(""));
              continue;
            }
            break;
          }
          feathered++;
          appendFileSync(css, rules.join(""));
          continue;
        }
        if (pass > headings.length + led.size + split.size + 1)
          throw new Error(`pdf: chapters ${fresh.join(", ")} still open in a page's bottom third after ${pass} passes`);
        // One at a time, the first: each new page moves everything after it.
        broken.add(fresh[0]!);
        appendFileSync(css, `#${fresh[0]} { break-before: page; }\n`);
      }
      return file;
    };
    written.push(...(await Promise.all(langs.map(print))));
  } finally {
    await browser.close();
    server.close();
  }
  return written;
}

/**
 * Waits until every image of the page (the figures are files of their own, src/pages/[lang]/fig/)
 * has loaded and has a size: a PDF is never printed with a figure missing. Throws naming those
 * that did not, after `ms`.
 */
async function imagesLoaded(page: Page, lang: Lang, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const waiting = await page.$$eval("img", (imgs) =>
      imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.getAttribute("src") ?? "(no src)"),
    );
    if (waiting.length === 0) return;
    if (Date.now() > until) throw new Error(`pdf ${lang}: ${waiting.length} figures did not load: ${waiting.slice(0, 5).join(", ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The share of a page's height (of the area inside the margins) below which a chapter must not open. */
const LOW = 2 / 3;
/** The least height (pt) of a line of a chapter heading's type (16 pt in src/styles/global.css). */
const HEADING_PT = 18;
/** The print margins of src/styles/global.css (mm): above and below the text. */
const MARGIN_MM = { top: 17, bottom: 19 };

const squeeze = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** How full (of its text area's height) a page before a moved chapter is set by feathering its steps apart. */
export const FEATHER_TARGET = 0.8;
/** The most space (pt) feathering adds to one gap between steps (14 mm): beyond it the steps read as apart, not as a page. */
const FEATHER_MAX_PT = 40;

interface PageLines {
  /** The text area's top and height (pt). */
  top: number;
  area: number;
  /** The lowest line inside the text area (pt from the page's top), and the page's words, squeezed. */
  bottom: number;
  text: string;
}

/** pdftotext's word boxes of a PDF (XHTML), or undefined when pdftotext is missing. */
function bboxXml(file: string): string | undefined {
  try {
    return execFileSync("pdftotext", ["-bbox-layout", file, "-"], { maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Each page's text lines as pdftotext's boxes give them: where the text area ends, and its words. */
function pageLines(file: string): PageLines[] | undefined {
  const xml = bboxXml(file);
  if (xml === undefined) return undefined;
  const mm = (v: number) => (v * 72) / 25.4;
  return xml
    .split(/<page /)
    .slice(1)
    .map((pg) => {
      const height = Number(/height="([\d.]+)"/.exec(pg)?.[1]);
      const top = mm(MARGIN_MM.top);
      const end = height - mm(MARGIN_MM.bottom);
      let bottom = top;
      const words: string[] = [];
      for (const [, yMax, body] of pg.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        // the running title and the page number stand in the margins
        if (Number(yMax) > end + 1 || Number(yMax) < top) continue;
        bottom = Math.max(bottom, Number(yMax));
        words.push(...[...body!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)));
      }
      return { top, area: end - top, bottom, text: squeeze(words.join(" ")) };
    });
}

interface PrintedStep {
  id: string;
  chapter: string;
  text: string;
  figure: boolean;
  open: boolean;
  figures: string[];
  height: number;
}

/**
 * print.css rules that put one figure first (see Chapter.astro): the first figure (its own copy shown, `figures`
 * in order) whose caption prints on a page without its own step's words (it went on alone, above the next step's
 * paragraph or past its chapter's end) shows its copy before its own step's text instead, so figure and text go
 * on together. Adds it to `led`; empty when none strays or pdftotext is missing.
 */
export function leadRules(
  file: string,
  steps: PrintedStep[],
  figures: { id: string; chapter: string; caption: string }[],
  led: Set<string>,
): string[] {
  const pages = pageLines(file);
  if (!pages) return [];
  const head = (s: { text: string }) => squeeze(s.text).slice(0, 40);
  for (const f of figures) {
    if (led.has(f.id)) continue;
    // (by its number, up to the dot after it: "Fig. 4 ·", which no other caption or word begins with)
    const key = squeeze(`${f.caption.split("·")[0]!}·`);
    const at = pages.findIndex((p, i) => i > 0 && p.text.includes(key));
    if (at < 0) continue;
    // Its own step's words on the same page: it stands beside the paragraph it illustrates.
    const step = steps.find((s) => s.figures.includes(f.id));
    if (!step || pages[at]!.text.includes(head(step))) continue;
    led.add(f.id);
    const id = `.chapter [data-print-id="${f.id}"].print-figure`;
    // (as strong as the rule that set a chapter's first figure back by its step's text, and after it)
    return [`${id}:not(.print-lead) { display: none; }\n`, `${id}.print-lead { display: grid; }\n`];
  }
  return [];
}

/** Whether a chapter's heading (`printed`) is the first line of its page's text area: the chapter opens the page. */
function opensPage(file: string, h: { id: string; page: number }): boolean {
  const pages = pageLines(file);
  const xml = bboxXml(file);
  if (!pages || !xml || h.page < 3) return false;
  const page = pages[h.page - 1]!;
  const pg = xml.split(/<page /)[h.page]!;
  for (const [, y, yMax] of pg.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)) {
    if (Number(yMax) < page.top) continue;
    // its first line: the chapter's number over the heading, in the top tenth of the text area
    return Number(y) - page.top < page.area / 10;
  }
  return false;
}

/** How full (of its text area) the page before a chapter's heading (`printed`) is. */
function fillBefore(file: string, h: { page: number }): number {
  const before = pageLines(file)?.[h.page - 2];
  return before ? (before.bottom - before.top) / before.area : 1;
}

/** A last page less full than this (of its text area) takes a section of the back from the page before. */
const LAST_LEAST = 0.4;

/**
 * print.css rules for a last page less than LAST_LEAST full: the first section of the back (`back`, in order,
 * by its heading) whose heading prints in the lower part of the page before, low enough that that page stays
 * two-thirds full, starts the last page instead. Empty when the last page is full enough or none qualifies.
 */
export function lastPageRules(file: string, back: { selector: string; title: string }[]): string[] {
  const pages = pageLines(file);
  const xml = bboxXml(file);
  if (!pages || !xml || pages.length < 3) return [];
  const last = pages.at(-1)!;
  if ((last.bottom - last.top) / last.area >= LAST_LEAST) return [];
  const before = pages.at(-2)!;
  const pg = xml.split(/<page /).at(-2)!;
  for (const [, y, body] of pg.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
    const at = (Number(y) - before.top) / before.area;
    if (at < LOW) continue;
    const text = squeeze([...body!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(" "));
    const section = back.find((b) => text.length >= 4 && squeeze(b.title) === text);
    if (section) return [`${section.selector} { break-before: page; }\n`];
  }
  return [];
}

/**
 * CSS that feathers each short page before a moved chapter (`moved`, by id): the page
 * before the one its heading opens, if less than FEATHER_TARGET full, gets its steps set
 * further apart, the leftover space shared among the gaps between the steps it prints
 * (found by their words' first characters), each gap at most FEATHER_MAX_PT. Empty when
 * no page asks for it or pdftotext is missing.
 */
export function featherRules(file: string, steps: PrintedStep[], moved: string[], done = new Set<string>()): string[] {
  const pages = pageLines(file);
  if (!pages) return [];
  const rules: string[] = [];
  const head = (s: { text: string }) => squeeze(s.text).slice(0, 40);
  for (const id of moved) {
    // (a page feathered once keeps its gaps: measured again, it would seem fuller and get less)
    if (done.has(id)) continue;
    const first = steps.find((s) => s.chapter === id || s.id === id);
    if (!first) continue;
    const at = pages.findIndex((p, i) => i > 0 && p.text.includes(head(first)));
    const before = pages[at - 1];
    // (one page feathered once, whichever chapter or figure asks: the pages before it never move)
    if (at < 2 || !before || done.has(`page ${at - 1}`)) continue;
    const fill = (before.bottom - before.top) / before.area;
    if (fill >= FEATHER_TARGET) continue;
    // The steps that begin on that page, in order; the space goes between them (after each but the
    // last) and above each printed figure among them (between a step's text and its figure).
    const on = steps.filter((s) => before.text.includes(head(s)));
    const figures = on.filter((s) => s.figure);
    const opening = on.filter((s) => s.open);
    const gaps = on.length - 1 + figures.length + opening.length;
    if (gaps < 1) continue;
    const extra = Math.min(FEATHER_MAX_PT, ((FEATHER_TARGET - fill) * before.area) / gaps).toFixed(1);
    const list = (ss: typeof on, tail = "") => ss.map((s) => `#${s.id}${tail}`).join(", ");
    done.add(id).add(`page ${at - 1}`);
    if (on.length > 1) rules.push(`${list(on.slice(0, -1))} { padding-bottom: ${extra}pt; }\n`);
    if (figures.length > 0) rules.push(`${list(figures, " > .print-figure:not(.print-open)")} { padding-top: ${extra}pt; }\n`);
    if (opening.length > 0) rules.push(`${list(opening, " > .print-open")} { padding-bottom: ${extra}pt; }\n`);
  }
  return rules;
}

/**
 * The chapters (by id) whose heading the PDF prints in the bottom third of a page's
 * text area, in order; undefined when pdftotext is missing. Page 1, the cover, lists
 * the headings as contents and is skipped.
 */
export function chaptersOpeningLow(file: string, headings: { id: string; title: string }[]): string[] | undefined {
  return headingsPrinted(file, headings)
    ?.filter((h) => h.low)
    .map((h) => h.id);
}

/** Where the PDF prints each heading: its page (1-based) and whether in the bottom third; undefined without pdftotext. */
export function headingsPrinted(
  file: string,
  headings: { id: string; title: string }[],
): { id: string; page: number; low: boolean }[] | undefined {
  const xml = bboxXml(file);
  if (xml === undefined) return undefined;
  const out: { id: string; page: number; low: boolean }[] = [];
  const pages = xml.split(/<page /).slice(2);
  const found = new Set<string>();
  for (const [i, pg] of pages.entries()) {
    const height = Number(/height="([\d.]+)"/.exec(pg)?.[1]);
    const mm = (v: number) => (v * 72) / 25.4;
    const top = mm(MARGIN_MM.top);
    const area = height - top - mm(MARGIN_MM.bottom);
    for (const [, y, yMax, body] of pg.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      // A chapter heading's line: set at 16 pt (its box about 21 pt high), the prose at 10.5 pt.
      if (Number(yMax) - Number(y) < HEADING_PT) continue;
      const text = squeeze([...body!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(" "));
      if (text.length < 4) continue;
      const h = headings.find((c) => !found.has(c.id) && squeeze(c.title).startsWith(text));
      if (!h) continue;
      found.add(h.id);
      out.push({ id: h.id, page: i + 2, low: (Number(y) - top) / area > LOW });
    }
  }
  return out;
}

/** print.css rules that set each chapter's page number beside its line in the cover's contents. */
export function contentsRules(printed: { id: string; page: number }[]): string[] {
  return printed.map((h) => `.contents li[data-contents="${h.id}"]::after { content: "${h.page}"; }\n`);
}

const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (m, e: string) =>
    e === "amp"
      ? "&"
      : e === "lt"
        ? "<"
        : e === "gt"
          ? ">"
          : e === "quot"
            ? '"'
            : e === "apos"
              ? "'"
              : String.fromCharCode(Number(e.slice(1))),
  );

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await printPdfs(process.argv[2] ?? "dist");
  for (const f of files) console.log(`wrote ${f} (${Math.round(statSync(f).size / 1024)} KB)`);
}
