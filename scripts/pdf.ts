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
// A page that ends short (under OPEN_BELOW) because the next chapter's heading, figure and first lines did not fit takes
// that chapter's heading and first step's text, its figure set after that text (openRules; only where the figure shows
// its first or second step): such a chapter, like any, may not open in the page's bottom third, and opens its own page
// again if it printed there (graphics reviews 48 item 8, 49 item 9: pages a quarter to a third empty).
//
// Each chapter's first figure stands under its heading (Chapter.astro), and its first step's lines under the figure:
// heading, figure and at least three first lines go on together (global.css), never a page apart (graphics review
// 36, item 10); where they do not fit, the page before ends short (never spread to fill it: graphics review 38,
// item 10).
//
// Every other figure is kept whole and stands first, right before its own step's text (global.css), under the
// paragraph that leads up to it, and goes on with the text it illustrates. Where figure and text went on together
// to the next page and left the page before short although the text alone would have fitted there, the figure is set
// after its text instead (deferRules): the text fills the page, the figure stands at the top of the next (as a
// typesetter floats a figure to the next page's head), never at a page's foot with its text on the next page. Past
// its chapter's last words only where the page before would otherwise end a third empty (DEFER_LAST_BELOW). Should a figure still print on a page without its step's words (and not right after
// them, at the top of the next page), the printer sets it before its step's text again (leadRules).
//
// A last page under LAST_LEAST full takes the first section of the back whose heading prints low on the page
// before, or failing that on the page before it (that page stays two-thirds full): it opens the next page instead.
//
// Pages are never feathered (their steps set further apart to fill them): a page may end short, not gapped.

import { chromium, type Page } from "@playwright/test";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { serve } from "./serve.ts";
import { launchOptions } from "./browser.ts";
import { OUTPUT, type Lang } from "../src/story/config.ts";
import { langs as storyLangs, OPENED_STEP_MAX, pdfPath } from "../src/story/page.ts";
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
      // (figures set after their step's text, to the top of the next page)
      const deferred = new Set<string>();
      // (chapters whose first figure follows their first step's text, so the chapter opens on the page before)
      const opened = new Set<string>();
      // (chapters opened so and set back, their heading too low on the page before even without their figure)
      const refused = new Set<string>();
      let lastMoved = false;
      // print.css as the build wrote it, the printer's rules after it (in the order found), and last the contents'
      // page numbers of the latest pass: written with each new rule, as that pass printed them, they are final
      // when the next pass prints every heading on the same page, and no pass is spent on them alone.
      const original = readFileSync(css, "utf8");
      const rules: string[] = [];
      let numbered = "";
      const write = (add: string[], contents: string) => {
        rules.push(...add);
        numbered = contents;
        writeFileSync(css, original + rules.join("") + contents);
      };
      for (let pass = 1; ; pass++) {
        const page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        await page.goto(`http://127.0.0.1:${port}${SITE.base}${OUTPUT.page(lang)}`, { waitUntil: "networkidle" });
        await imagesLoaded(page, lang);
        const headings = await page.$$eval(".chapter, .story ~ :is(section, aside, footer)", (cs) =>
          cs.filter((c) => c.id && c.querySelector("h2")).map((c) => ({ id: c.id, title: c.querySelector("h2")!.textContent!.trim() })),
        );
        // The back's sections with a heading, in order, each with a selector for a rule of print.css.
        const back = await page.$$eval("section.endnotes, .story ~ :is(section, aside), .story ~ * section[data-ending-part]", (ss) =>
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
        // Each chapter's first figure (under its heading), by its id: the printer may set it after its own step's text.
        const openings = await page.$$eval(".chapter .print-figure.print-open", (fs) =>
          fs.map((f) => ({ id: (f as HTMLElement).dataset.printId!, chapter: f.closest(".chapter")!.id })),
        );
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
        // (and a chapter whose heading and figure printed at a page's foot without its first step's lines, Chromium
        // giving way where the first step could not break: it opens the next page instead)
        const alone = bare(file, printed, steps);
        const fresh = printed.filter((h) => (h.low || alone.includes(h.id)) && !broken.has(h.id)).map((h) => h.id);
        const contents = contentsRules(printed).join("");
        if (fresh.length === 0) {
          // A chapter that opened a page although the page before ended short (its heading, figure and first lines
          // did not fit there): it opens on that page with its heading and text, its figure after its first step.
          const open = openRules(file, printed, headings, new Set([...broken, ...refused]), opened, steps, openings);
          if (open.length > 0) {
            write(open, contents);
            continue;
          }
          // A figure that went on with its text to the next page, leaving room for the text on the page before: it
          // follows its text instead, at the top of the next page.
          const defer = deferRules(file, steps, figures, deferred);
          if (defer.length > 0) {
            write(defer, contents);
            continue;
          }
          // A figure that went on to a page without its step's words: it stands before its step's text instead.
          const lead = leadRules(file, steps, figures, led, deferred);
          if (lead.length > 0) {
            write(lead, contents);
            continue;
          }
          // A last page near-empty: a section of the back low on the page before opens the last page instead.
          const last = lastMoved ? [] : lastPageRules(file, back);
          if (last.length > 0) {
            lastMoved = true;
            write(last, contents);
            continue;
          }
          // The pages are final: the cover's contents give each chapter's page (the numbers move no line); printed
          // once more unless this pass printed them already.
          if (contents !== numbered) {
            write([], contents);
            continue;
          }
          console.log(`pdf ${lang}: ${pass} passes`);
          break;
        }
        // A chapter opened on the page before (openRules) whose heading printed too low even so: it opens its own page
        // again, under its heading its figure, as it did (never a heading and a few lines at a page's foot).
        if (opened.has(fresh[0]!)) {
          const id = fresh[0]!;
          opened.delete(id);
          refused.add(id);
          rules.splice(0, rules.length, ...rules.filter((r) => !r.startsWith(`#${id} .print-figure`)));
          write([], contents);
          continue;
        }
        if (pass > headings.length + figures.length * 2 + 4)
          throw new Error(
            `pdf: chapters ${fresh.join(", ")} still open in a page's bottom third (or without their first lines) after ${pass} passes`,
          );
        // One at a time, the first: each new page moves everything after it.
        broken.add(fresh[0]!);
        write([`#${fresh[0]} { break-before: page; }\n`], contents);
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
/** A text's letters to find it on a page: without its figures (a step's or a note's number, set in the margin, may
 * come into pdftotext's line order mid-sentence: "as the 1 chapter"). */
const words = (s: string): string => squeeze(s).replace(/\d/g, "");

interface PageLines {
  /** The text area's top and height (pt). */
  top: number;
  area: number;
  /** The lowest line inside the text area (pt from the page's top), and the page's words, squeezed. */
  bottom: number;
  text: string;
}

const boxes = new Map<string, string>();

/** pdftotext's word boxes of a PDF (XHTML), or undefined when pdftotext is missing. */
function bboxXml(file: string): string | undefined {
  // (one run of pdftotext for each PDF printed: the rules below read the same boxes)
  const { mtimeMs, size } = statSync(file);
  const key = `${file} ${mtimeMs} ${size}`;
  if (boxes.has(key)) return boxes.get(key);
  try {
    const xml = execFileSync("pdftotext", ["-bbox-layout", file, "-"], { maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
    boxes.set(key, xml);
    return xml;
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
  skip: ReadonlySet<string> = new Set(),
): string[] {
  const pages = pageLines(file);
  if (!pages) return [];
  const head = (s: { text: string }) => squeeze(s.text).slice(0, 40);
  for (const f of figures) {
    if (led.has(f.id) || skip.has(f.id)) continue;
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

/** A page less full than this (of its text area) before a figure that opens the next page takes that figure's text. */
export const DEFER_BELOW = 0.85;
/**
 * A page less full than this before the figure of its chapter's last step, which opens the next page, takes that
 * step's text too, the figure following it at the top of the next page, before the next chapter's heading: the page
 * otherwise ends a third or more empty (graphics review 52, item 9: a quarter of a page empty because "The memory
 * bottleneck"'s last figure went on to the next page with its step). The figure stays beside its paragraph, across
 * the page's turn; above that, a page ends short rather than a chapter's figure stand after its last words.
 */
export const DEFER_LAST_BELOW = 2 / 3;
/** The room (pt) a step's text needs beyond its own height: the gap after the text before it. */
const STEP_GAP_PT = 12;

/**
 * print.css rules that set one figure after its step's text (its own copy, Chapter.astro) instead of before it: the
 * first figure (`figures`, in order) that opens a page (the text of the step before it ends on the page before) where
 * that page before is less than DEFER_BELOW full and has room for its step's whole text. The text then fills that page
 * and the figure follows it, at the top of the next page (or under it, where both now fit). A figure of its chapter's
 * last step (it would stand after the chapter's last words) only where that page is less than DEFER_LAST_BELOW full.
 * Adds it to `deferred`; empty when none qualifies or pdftotext is missing.
 */
export function deferRules(
  file: string,
  steps: PrintedStep[],
  figures: { id: string; chapter: string; caption: string }[],
  deferred: Set<string>,
): string[] {
  const pages = pageLines(file);
  if (!pages) return [];
  const head = (s: { text: string }) => words(s.text).slice(0, 40);
  const tail = (s: { text: string }) => words(s.text).slice(-40);
  for (const f of figures) {
    if (deferred.has(f.id)) continue;
    const i = steps.findIndex((s) => s.figures.includes(f.id));
    const step = steps[i];
    const before = steps[i - 1];
    const after = steps[i + 1];
    // (not a chapter's first step, whose figure stands under the heading; its last only where the page before would
    // stay under DEFER_LAST_BELOW full)
    if (!step || !before || before.chapter !== step.chapter) continue;
    const last = !after || after.chapter !== step.chapter;
    const key = squeeze(`${f.caption.split("·")[0]!}·`);
    const at = pages.findIndex((p, n) => n > 0 && p.text.includes(key));
    const page = pages[at - 1];
    if (at < 2 || !page || !words(pages[at]!.text).includes(head(step))) continue;
    // The step before ends on the page before: figure and text opened this page.
    if (!words(page.text).includes(tail(before)) || words(pages[at]!.text).includes(tail(before))) continue;
    const fill = (page.bottom - page.top) / page.area;
    const room = page.top + page.area - page.bottom;
    if (fill >= (last ? DEFER_LAST_BELOW : DEFER_BELOW) || room < step.height + STEP_GAP_PT) continue;
    deferred.add(f.id);
    const id = `.chapter [data-print-id="${f.id}"].print-figure`;
    return [`${id}.print-lead { display: none; }\n`, `${id}:not(.print-lead, .print-open) { display: grid; }\n`];
  }
  return [];
}

/**
 * A page before a chapter that opens the next one, filled less than this, takes the chapter's heading and text (no
 * lower than any chapter's heading may print, two-thirds of the page), its heading and its first step's lines fitting
 * the room a page left short (graphics reviews 48 item 8, 49 item 9: pages a quarter to a
 * third empty, the next chapter's heading and figure too tall for it).
 */
export const OPEN_BELOW = 0.78;
export { OPENED_STEP_MAX };

/**
 * print.css rules that open one chapter on the page before (`printed`: where each heading printed): the first
 * chapter (not one the printer broke to a new page, nor the first after the cover, nor one whose first figure is its
 * last step's) whose heading opens a page
 * while the page before is less than OPEN_BELOW full. Heading, figure and first lines did not fit in the room
 * left there, which is more than the bottom third, so the page ended short (graphics review 44, item 10): its
 * heading and first step's text now go there, and its first figure follows that text (its copy by the first step,
 * Chapter.astro), at the foot of that page where it fits or at the head of the next, as a typesetter floats a
 * figure. Adds it to `opened`; empty when none qualifies or pdftotext is missing.
 */
export function openRules(
  file: string,
  printed: { id: string; page: number; low: boolean }[],
  headings: { id: string; title: string }[],
  broken: ReadonlySet<string>,
  opened: Set<string>,
  steps: PrintedStep[],
  openings: { id: string; chapter: string }[],
): string[] {
  const pages = pageLines(file);
  if (!pages) return [];
  for (const h of printed) {
    if (opened.has(h.id) || broken.has(h.id) || h.page <= 2) continue;
    // Its first figure follows its own step's text: never a chapter's last step's (it would stand after its last words).
    const figure = openings.find((o) => o.chapter === h.id);
    const own = steps.filter((s) => s.chapter === h.id);
    const at = own.findIndex((s) => figure && s.figures.includes(figure.id));
    // Nor one whose figure stands by a later step than its second: it would stand a page and more of text from its
    // heading (the sum in the trillions', its third: its grid on the next page, under the talk of bonds and shares).
    // (A chapter's first figure showing a later step has its copies by its second step: Chapter.astro.)
    if (at < 0 || at === own.length - 1 || at > OPENED_STEP_MAX) continue;
    const here = pages[h.page - 1];
    const before = pages[h.page - 2];
    if (!here || !before) continue;
    // Its heading is the first line of its page (after the chapter's number): the chapter opened it.
    const title = headings.find((c) => c.id === h.id)?.title;
    const top = title ? here.text.indexOf(squeeze(title).slice(0, 20)) : -1;
    if (top < 0 || top > 4) continue;
    if ((before.bottom - before.top) / before.area >= OPEN_BELOW) continue;
    opened.add(h.id);
    const ch = `#${h.id}`;
    return [
      `${ch} .print-figure.print-open { display: none; }\n`,
      `${ch} .print-figure.print-opened:not(.print-lead) { display: grid; }\n`,
    ];
  }
  return [];
}

/** The chapters (by id) whose heading's page (`printed`) holds none of their first step's words. */
export function bare(file: string, printed: { id: string; page: number }[], steps: PrintedStep[]): string[] {
  const pages = pageLines(file);
  if (!pages) return [];
  return printed
    .filter((h) => {
      const first = steps.find((s) => s.chapter === h.id);
      return first && !pages[h.page - 1]!.text.includes(squeeze(first.text).slice(0, 40));
    })
    .map((h) => h.id);
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
  // The page before first; failing that, the one before it (its section then carries what follows it over, and the
  // last page fills with what the page before could no longer hold).
  const sheets = xml.split(/<page /).slice(1);
  for (const n of [pages.length - 2, pages.length - 3]) {
    const before = pages[n];
    const pg = sheets[n];
    if (!before || !pg || n < 1) continue;
    for (const [, y, body] of pg.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
      const at = (Number(y) - before.top) / before.area;
      if (at < LOW) continue;
      const text = squeeze([...body!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(" "));
      const section = back.find((b) => text.length >= 4 && squeeze(b.title) === text);
      if (section) return [`${section.selector} { break-before: page; }\n`];
    }
  }
  return [];
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
    // (the line before, where the chapter's number stands over its heading)
    let above: { y: number; text: string } | undefined;
    for (const [, y, yMax, body] of pg.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const text = squeeze([...body!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(" "));
      const prev = above;
      above = { y: Number(y), text };
      // A chapter heading's line: set at 16 pt (its box about 21 pt high), the prose at 10.5 pt.
      if (Number(yMax) - Number(y) < HEADING_PT) continue;
      if (text.length < 4) continue;
      const h = headings.find((c) => !found.has(c.id) && squeeze(c.title).startsWith(text));
      if (!h) continue;
      found.add(h.id);
      // The chapter opens where its number stands, right over its heading (a section of the back has none).
      const start = prev && /^\d+$/.test(prev.text) && Number(y) - prev.y < HEADING_PT * 1.5 ? prev.y : Number(y);
      out.push({ id: h.id, page: i + 2, low: (start - top) / area > LOW });
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
