// Everything a language's page needs, taken from the one compile step: chapters
// with their step HTML and static figure, the shared geometry, the stage's first
// picture and the per-chapter stage data. In a build, scripts/build.ts compiles
// once and hands the result over as JSON (STORY_COMPILED); `astro dev` and
// `astro check` compile here instead.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadStory, type LoadedStory } from "./load.ts";
import { labelText, factIdsIn } from "./labels.ts";
import { formatFact, nameForms, placeName } from "./facts.ts";
import { geometrySvg, marksToSvg, shapeIds, svgDocument, symbolSprite } from "../render/static.ts";
import { movable, printCrop } from "../render/crop.ts";
import { fitting, scaleMarks, zoomed } from "../render/zoom.ts";
import { figureFile } from "../render/figureFile.ts";
import { qrSvg } from "./qr.ts";
import { escapeHtml } from "./escape.ts";
import { scenes } from "../scenes/index.ts";
import { leadMarks } from "../scenes/chainLead.ts";
import { isCaption, showsLineKey, textBox } from "../scenes/figure.ts";
import {
  COLUMN_MIN_WIDTH,
  LAYOUTS,
  OUTPUT,
  STAGE_LAYOUTS,
  stageHead,
  STATIC_LAYOUT,
  LANDSCAPE_LAYOUT,
  LANDSCAPE_MEDIA,
  LANDSCAPE_MAX_HEIGHT,
  langsOf,
  type Lang,
  type Language,
  type Layout,
} from "./config.ts";
import { sceneContext, type CompiledChapter } from "./compile.ts";
import { cardStep } from "./card.ts";
import { citationOrder, endnotes as notesOf, linkFacts, numberedFacts, type Endnote } from "./factNotes.ts";
import { SITE, href, siteUrl, type Site } from "./site.ts";
import type { ChapterStage } from "../runtime/stageData.ts";
import type { DataTable, Mark } from "./types.ts";
import type { ParsedChapter } from "./markdown.ts";
import type { PrintForm } from "./print.ts";

/** White space kept around a printed figure's marks (user units). */
const PRINT_PAD = 12;

/** Where the build looks for content: `content/`, or STORY_CONTENT (the generated sample story, say). */
/**
 * The latest step (0-based) whose text a chapter's first printed figure may follow where the printer opens the chapter
 * on the page before (scripts/pdf.ts openRules): heading and first lines there, the figure after them. A first figure
 * that shows a later step has its copies by this step's text (Chapter.astro): by its own step it would stand after the
 * chapter's last words (chapter 8 prints its last step, the customers turned rivals, as the chapter's one figure).
 */
export const OPENED_STEP_MAX = 1;

export const contentDir = (): string => resolve(process.env.STORY_CONTENT ?? join(process.cwd(), "content"));

let cached: LoadedStory | undefined;
export function story(): LoadedStory {
  const file = process.env.STORY_COMPILED;
  cached ??= file ? (JSON.parse(readFileSync(file, "utf8")) as LoadedStory) : loadStory(contentDir(), scenes);
  return cached;
}

/** The story's languages in order (content/story.json), the first the source language. */
export const languages = (): Language[] => story().config.languages;
export const langs = (): Lang[] => langsOf(story().config);

/** A language's entry of content/story.json; an unknown code is a bug of the page, not of content. */
export function language(lang: Lang): Language {
  const l = languages().find((x) => x.code === lang);
  if (!l) throw new Error(`"${lang}" is not a language of this story (${langs().join(", ")})`);
  return l;
}

/** One language's part of a per-language record of the loaded story. */
function of<T>(record: Record<Lang, T>, lang: Lang): T {
  const v = record[lang];
  if (v === undefined) throw new Error(`"${lang}" is not a language of this story (${langs().join(", ")})`);
  return v;
}

/** The print edition's address in a language's folder. */
export const pdfPath = (lang: Lang): string => OUTPUT.pdf(lang, story().config);

/** Open Graph's form of the language's locale ("de_DE"). */
export const ogLocale = (lang: Lang): string => language(lang).locale.replace("-", "_");

/** A label of the language's file, with `{fact}` placeholders filled; a missing key stops the build. */
function text(lang: Lang, key: string, fix: string): string {
  const { labels, facts } = story();
  return labelText(of(labels, lang), key, facts, lang, `content/labels/${lang}.json`, fix);
}

export function ui(lang: Lang, key: string): string {
  return text(lang, `ui.${key}`, `add "${key}" under "ui"`);
}

/**
 * A layout's marks as the page and the stage data carry them: a `<use>` of a shared
 * shape points into the geometry file (geometryFile) rather than at the page's sprite.
 */
const marksOf = (marks: Partial<Record<Layout, Mark[]>>, layout: Layout): Mark[] => withGeometryFile(ownMarks(marks, layout));

/** A layout's marks as compiled: a `<use>` of a shared shape points at `#id` (a figure file carries its shapes). */
function ownMarks(marks: Partial<Record<Layout, Mark[]>>, layout: Layout): Mark[] {
  const m = marks[layout];
  if (!m) throw new Error(`layout "${layout}" was not compiled`);
  return m;
}

/**
 * A printed panel's marks at full emphasis. On screen a step steps back what it is not about (a shape
 * fainter by opacity, its words in the muted or a dimmer grey) and the next step brings it forward; a printed figure
 * stands for the chapter's whole development, and a faded shape on paper reads as a printing fault
 * (graphics review 44, item 9). Hidden marks (opacity 0) stay hidden; asides keep their own ink.
 */
export function onPaper(marks: Mark[]): Mark[] {
  const visit = (m: Mark): Mark => {
    const a = m.attrs as Record<string, unknown>;
    const o = a.opacity === undefined ? 1 : Number(a.opacity);
    // (the muted grey, or the team's dimmer one, lbl-dim: its last step, the chapter's one printed figure, steps its
    // timeline back; graphics review 55, item 8)
    const cls =
      typeof a.class === "string" && /(^|\s)lbl-(muted|dim)(\s|$)/.test(a.class) ? a.class.replace(/\s*lbl-(muted|dim)\b/g, "") : a.class;
    if (o > 0 && o < 1) {
      const { opacity: _, ...rest } = a;
      m = { ...m, attrs: { ...rest, class: cls } } as Mark;
    } else if (cls !== a.class) m = { ...m, attrs: { ...a, class: cls } } as Mark;
    return m.children ? ({ ...m, children: m.children.map(visit) } as Mark) : m;
  };
  return marks.map(visit);
}

/**
 * A printed panel: its picture at full emphasis (onPaper) without the caption strip, and the strip's notes (what solid,
 * dashed and the colours mean, the sources) in words, which paper prints in the figure's one caption after what it
 * shows (PrintFigure.astro): a figure carried a key line drawn under it and a caption under that (graphics review 49,
 * item 9). A note's lines, wrapped to the strip's width, are one sentence again (a compound broken after its hyphen
 * joined without a space); a hidden note (opacity 0) is no note.
 */
export function paperPanel(marks: Mark[]): { marks: Mark[]; key: string } {
  const shown = onPaper(marks);
  const notes = new Map<string, string>();
  for (const m of shown) {
    if (!isCaption(m) || m.tag !== "text" || Number(m.attrs.opacity ?? 1) === 0) continue;
    const note = m.key.replace(/-\d+$/, "");
    const had = notes.get(note);
    const words = m.text.trim();
    notes.set(note, had === undefined ? words : /\p{L}-$/u.test(had) ? had + words : `${had} ${words}`);
  }
  return { marks: shown.filter((m) => !isCaption(m)), key: [...notes.values()].filter(Boolean).join(" ") };
}

/**
 * The largest zoom a printed panel is drawn at: composed in a box this much narrower than the print layout, with the
 * same type sizes in its units, and drawn back across the page's measure, so its words and shapes print larger and
 * it takes more of the page (graphics reviews 48 item 8 and 49 items 9–10: figures about 40 % of a page's height,
 * pages a quarter to a third empty, labels at about 8 pt). Each panel as large as its composition still fits
 * (src/render/zoom.ts fitting: its words inside and clear of each other and of its lines, no shape drawn smaller, no
 * word moved to another side of its mark); a figure that cannot be scaled (a map) is drawn as the scroll story's.
 */
export const PRINT_ZOOM = 1.25;

const papers = new Map<string, { marks: Mark[]; key: string; zoom: number; height: number }>();
/**
 * A printed panel (paperPanel: at full emphasis, its key in words) drawn as large as it fits, at most PRINT_ZOOM:
 * its box PRINT_ZOOM times the layout's height (the figure is cropped to what it draws), so the zoom needs no room
 * taken from the picture. `height` is the box's height, the crop's frame.
 */
export function paperFigure(
  lang: Lang,
  c: CompiledChapter,
  step: CompiledChapter["steps"][number],
  layout: Layout,
): { marks: Mark[]; key: string; zoom: number; height: number } {
  const id = `${lang}/${layout}/${step.id}`;
  const had = papers.get(id);
  if (had) return had;
  const scene = scenes[c.scene];
  const { facts, labels } = story();
  const base = scene && sceneContext(c.scene, layout, facts, of(labels, lang), lang);
  const room = base && { ...base, height: base.height * PRINT_ZOOM };
  const compose = (ctx: NonNullable<typeof room>) => scene!.marks(step.state, ctx);
  const zoom = room && compose(room).every(movable) ? fitting(compose, room, PRINT_ZOOM) : 1;
  // The drawn line-style key is the stage's; paper says it in words, first in the caption's key (ui.lineKey).
  const keyed = (marks: Mark[]) => {
    const panel = paperPanel(marks);
    return showsLineKey(marks) ? { ...panel, key: [ui(lang, "lineKey"), panel.key].filter(Boolean).join(" ") } : panel;
  };
  const out =
    zoom > 1 && room
      ? { ...keyed(scaleMarks(compose(zoomed(room, zoom)), zoom)), zoom, height: room.height }
      : { ...keyed(ownMarks(step.marks, layout)), zoom: 1, height: LAYOUTS[layout].height };
  papers.set(id, out);
  return out;
}

const filed = new WeakMap<Mark[], Mark[]>();
function withGeometryFile(marks: Mark[]): Mark[] {
  const had = filed.get(marks);
  if (had) return had;
  const shapes = shapeIds(story().compiled.geometry);
  const file = href(OUTPUT.geometry);
  const visit = (m: Mark): Mark => {
    const out = m.children ? ({ ...m, children: m.children.map(visit) } as Mark) : m;
    if (out.tag !== "use" || !out.attrs.href.startsWith("#") || !shapes.has(out.attrs.href.slice(1))) return out;
    return { ...out, attrs: { ...out.attrs, href: file + out.attrs.href } };
  };
  const out = marks.map(visit);
  filed.set(marks, out);
  return out;
}

/** A static figure as the page shows it: an image of its own file (OUTPUT.figure), its natural size, its text alternative. */
export interface FigureRef {
  src: string;
  width: number;
  height: number;
  alt: string;
}
/** A step's figure on screen: the print layout's, and the short screen's own (LANDSCAPE_LAYOUT), shown instead under LANDSCAPE_MEDIA. */
export interface StepFigureRef extends FigureRef {
  land: { src: string; width: number; height: number; media: string };
}

export interface PageStep {
  id: string;
  key: string;
  state: string;
  html: string;
  figure: StepFigureRef;
  alt: string;
  /** The figure's numbers as an HTML table, for screen readers, or "". */
  table: string;
}
export interface PageChapter {
  slug: string;
  title: string;
  scene: string;
  steps: PageStep[];
  /** The print edition's figures (the chapter's `print:`), each panel shown after the text of its state's step. */
  print: PagePrintFigure[];
}
/** One printed figure: a single state, or a strip of small multiples, each panel keyed to its step's number (1-based). */
export interface PagePrintFigure {
  form: PrintForm;
  /** The key of the step its first panel follows. */
  after: string;
  /** Each panel printed after the text of its own step (`after`, that step's key), so a figure stands by its paragraph. */
  panels: {
    state: string;
    step: number;
    after: string;
    figure: FigureRef;
    /** The figure keys its parts to the steps' numbers itself (a composite's `step-key-*` marks): it needs no key of the page's. */
    keyed: boolean;
    /** What it shows, printed under it after its number (the chapter's `print:`; the chapter's title for the default figure). */
    caption: string;
    /** Its key in words (the scene's caption strip, paperPanel): printed in the caption after what it shows, not drawn. */
    key: string;
  }[];
}

/**
 * The layout of a printed figure: every panel spans the page's measure in the `print`
 * layout, whose type there prints at 8 pt and more (tests/unit/story/print.test.ts); a
 * strip's panels stand one above the other (side by side, at half the measure, the
 * phone's `square` layout printed its notes at 6.5–7 pt).
 */
export const PRINT_LAYOUT: Record<PrintForm, Layout> = { single: STATIC_LAYOUT, strip: STATIC_LAYOUT };

function printFigures(c: CompiledChapter, parsed: ParsedChapter | undefined, lang: Lang): PagePrintFigure[] {
  if (!parsed) throw new Error(`no parsed chapter "${c.slug}" in ${lang}`);
  return parsed.print.map((f) => {
    const steps = f.states.map((state) => {
      const i = c.steps.findIndex((s) => s.state === state);
      if (i < 0) throw new Error(`print state "${state}" is not a step of chapter "${c.slug}" (checked by the loader)`);
      return { i, step: c.steps[i]! };
    });
    return {
      form: f.form,
      after: steps[0]!.step.key,
      panels: steps.map(({ i, step }, k) => {
        const { marks, key, height } = paperFigure(lang, c, step, PRINT_LAYOUT[f.form]);
        return {
          state: step.state,
          step: i + 1,
          after: step.key,
          figure: figureRef(lang, printFileOf(step.id), marks, step.printAlt ?? step.alt, PRINT_LAYOUT[f.form], height),
          keyed: marks.some((m) => /(^|\/)step-key-/.test(m.key)),
          caption: f.captions?.[k] ?? c.title,
          key,
        };
      }),
    };
  });
}

/**
 * A term's first use in the story is explained: the term is marked, and the
 * explanation follows the step's text as a note (in print and without
 * JavaScript; the runtime turns the term into a button that discloses it).
 * Later uses stay plain.
 */
export function explainTerms(html: string, lang: Lang, seen: Set<string>): string {
  const glossary = of(story().glossary, lang);
  const notes: string[] = [];
  // A first use with punctuation right after it keeps the two on one line (.term-glue): with
  // JavaScript the term becomes a button, and a line may otherwise break between it and its comma.
  const marked = html.replace(
    /<span class="term" data-term="([a-z0-9-]+)">(.*?)<\/span>([,.;:!?)»“”"]*)/g,
    (whole, id: string, words: string, after: string) => {
      if (seen.has(id) || !glossary[id]) return whole;
      seen.add(id);
      notes.push(
        `<p class="term-def" id="term-${id}" role="note"><span class="term-name">${escapeHtml(glossary[id]!.term)}:</span> ${escapeHtml(glossary[id]!.text)}</p>`,
      );
      const term = `<span class="term term-first" data-term="${id}"><dfn>${words}</dfn></span>`;
      return after ? `<span class="term-glue">${term}${after}</span>` : term;
    },
  );
  // The notes in one box after the text: on paper it stands in the side column from the text's first line, out of the
  // flow, so a note longer than its paragraph never pushes the next step down (graphics review 44, item 10).
  return notes.length ? `${marked}<div class="term-defs">${notes.join("")}</div>` : marked;
}

/** A step's static figure: the print layout (or another), cropped to what its state shows (src/render/crop.ts). */
function cropped(
  marks: Mark[],
  layout: Layout,
  /** The frame's height, if not the layout's (a printed panel's taller box, paperFigure). */
  height = LAYOUTS[layout].height,
): { marks: Mark[]; width: number; height: number; top: number } {
  const { width } = LAYOUTS[layout];
  const crop = printCrop(marks, height, PRINT_PAD);
  return { marks: crop.marks, width, height: crop.band.y1 - crop.band.y0, top: crop.band.y0 };
}

function printFigure(marks: Mark[], id: string, alt: string, layout: Layout = STATIC_LAYOUT): string {
  const c = cropped(marks, layout);
  return svgDocument(c.marks, { width: c.width, height: c.height, top: c.top, id, title: alt, className: "figure-svg", keys: false });
}

/** The names of the figure files: a step's figure on screen, on a short screen, its printed panel, the printed cover's. */
const printFileOf = (stepId: string) => `print-${stepId}`;
const landFileOf = (stepId: string) => `${stepId}.${LANDSCAPE_LAYOUT}`;
const COVER_FILE = "cover";

/** Where the page finds a figure file, and the size it is drawn at. */
function figureRef(lang: Lang, name: string, marks: Mark[], alt: string, layout: Layout = STATIC_LAYOUT, height?: number): FigureRef {
  const c = cropped(marks, layout, height);
  return { src: href(OUTPUT.figure(lang, name)), width: c.width, height: Math.round(c.height), alt };
}

/** A step's figure on screen: its print-layout file, and its short screen's (a phone on its side). */
function stepFigureRef(lang: Lang, s: CompiledChapter["steps"][number]): StepFigureRef {
  const { src, width, height } = figureRef(lang, landFileOf(s.id), ownMarks(s.marks, LANDSCAPE_LAYOUT), s.alt, LANDSCAPE_LAYOUT);
  return { ...figureRef(lang, s.id, ownMarks(s.marks, STATIC_LAYOUT), s.alt), land: { src, width, height, media: LANDSCAPE_MEDIA } };
}

/**
 * Every figure file of a language (OUTPUT.figure), by name: each step's figure for the screen
 * (light, and dark under the system's dark scheme), the printed panels the chapters declare and
 * the cover's picture, for paper (light only). The build adds their fonts (scripts/figureFonts.ts).
 */
export function figureFiles(lang: Lang): { name: string; svg: string }[] {
  const { geometry } = story().compiled;
  const file = (name: string, marks: Mark[], alt: string, paper: boolean, layout: Layout = STATIC_LAYOUT, height?: number) => {
    const c = cropped(marks, layout, height);
    return { name, svg: figureFile(c.marks, { width: c.width, height: c.height, top: c.top, id: "f", title: alt, geometry, paper }) };
  };
  const out = new Map<string, { name: string; svg: string }>();
  const parsed = of(story().chapters, lang);
  for (const c of of(story().compiled.chapters, lang)) {
    for (const s of c.steps) {
      out.set(s.id, file(s.id, ownMarks(s.marks, STATIC_LAYOUT), s.alt, false));
      out.set(landFileOf(s.id), file(landFileOf(s.id), ownMarks(s.marks, LANDSCAPE_LAYOUT), s.alt, false, LANDSCAPE_LAYOUT));
    }
    for (const f of parsed.find((p) => p.slug === c.slug)?.print ?? [])
      for (const state of f.states) {
        const s = c.steps.find((x) => x.state === state)!;
        const p = paperFigure(lang, c, s, PRINT_LAYOUT[f.form]);
        out.set(printFileOf(s.id), file(printFileOf(s.id), p.marks, s.printAlt ?? s.alt, true, PRINT_LAYOUT[f.form], p.height));
      }
  }
  const marks = coverMarks(lang);
  out.set(COVER_FILE, { name: COVER_FILE, svg: widen(file(COVER_FILE, marks, coverAlt(lang), true, COVER_LAYOUT).svg, coverCrop(marks)) });
  return [...out.values()];
}

/** A figure's numbers as a table (read by screen readers; shown neither on screen nor on paper). */
function tableHtml(t: DataTable, caption: string): string {
  const row = (cells: string[], tag: "th" | "td") =>
    `<tr>${cells.map((c, i) => (tag === "td" && i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<${tag}${tag === "th" ? ' scope="col"' : ""}>${escapeHtml(c)}</${tag}>`)).join("")}</tr>`;
  return (
    // Wrapped: a table grows to its content whatever its own width, so the clipping box is a <div>.
    `<div class="sr-only"><table class="step-table"><caption>${escapeHtml(caption)}</caption>` +
    `<thead>${row(t.head, "th")}</thead><tbody>${t.rows.map((r) => row(r, "td")).join("")}</tbody></table></div>`
  );
}

export function chapters(lang: Lang): PageChapter[] {
  const seen = new Set<string>();
  const order = citationOrder(of(story().chapters, lang));
  const numbered = numberedFacts(order, story().facts);
  const cited = new Set<string>();
  const parsed = of(story().chapters, lang);
  return of(story().compiled.chapters, lang).map((c) => ({
    slug: c.slug,
    title: c.title,
    scene: c.scene,
    print: printFigures(
      c,
      parsed.find((p) => p.slug === c.slug),
      lang,
    ),
    steps: c.steps.map((s) => ({
      id: s.id,
      key: s.key,
      state: s.state,
      html: linkFacts(explainTerms(s.html, lang, seen), order, cited, numbered),
      alt: s.alt,
      table: s.table ? tableHtml(s.table, ui(lang, "tableCaption")) : "",
      figure: stepFigureRef(lang, s),
    })),
  }));
}

/** The shared geometry's fades: one hidden sprite per page (its shapes are in geometryFile). */
export function sprite(): string {
  return symbolSprite(story().compiled.geometry, { shapes: false });
}

/** The geometry file (OUTPUT.geometry): the shared shapes every page's figures use. */
export function geometryFile(): string {
  return geometrySvg(story().compiled.geometry);
}

function chapter(lang: Lang, slug: string): CompiledChapter {
  const c = of(story().compiled.chapters, lang).find((x) => x.slug === slug);
  if (!c) throw new Error(`no chapter "${slug}" in ${lang}`);
  return c;
}

/** The stage as first painted: the first step's state, in the first stage layout. */
export function initialStage(lang: Lang): { scene: string; state: string; svg: string; head: string } {
  const all = of(story().compiled.chapters, lang);
  const first = all[0]!;
  const step = first.steps[0]!;
  const layout = STAGE_LAYOUTS[0]!;
  const svg = svgDocument(marksOf(step.marks, layout), {
    ...LAYOUTS[layout],
    id: "stage",
    title: step.alt,
    attrs: { "data-layout": layout, "aria-live": "off" },
  });
  return { scene: first.scene, state: step.state, svg, head: stageHead(1, all.length, first.title) };
}

/** A chapter's stage drawings in one stage layout: every state's marks and text alternative. */
export function stageData(lang: Lang, slug: string, layout: Layout): ChapterStage {
  const c = chapter(lang, slug);
  const states: ChapterStage["states"] = {};
  for (const s of c.steps) states[s.state] = { alt: s.alt, marks: marksOf(s.marks, layout) };
  return { slug, scene: c.scene, layout, states };
}

/**
 * The desktop grid of global.css at the default font size (1 rem = 19 px), for the preload
 * queries below: the page's side margins (2 × 1.5 rem) and the gap beside the stage (2 rem),
 * the prose's share below its 27 rem, the stage's box (the column layout under the
 * header's line), and room for a scrollbar.
 */
const GRID = { margins: 57, gap: 38, prose: 0.4, stageRatio: LAYOUTS.column.width / (LAYOUTS.column.height + 30), scrollbar: 20 };

/**
 * The first chapter's drawings for the page head's preload, each layout with the media
 * query under which the stage certainly picks it (the stage picks by its own width:
 * `column` from COLUMN_MIN_WIDTH up). Beside the prose (from 900 px, GRID) the stage takes
 * 60 % of the viewport less the margins, less the gap, as long as the screen is tall
 * enough (the stage is at most as wide as its drawing filling the screen's height); in
 * portrait below 900 px it spans the viewport; a short screen (a phone on its side,
 * LANDSCAPE_MEDIA) takes `land` whatever its width, and `square` is kept off it. Where
 * neither query is sure (a larger default font, say) nothing is preloaded and the runtime
 * fetches the layout it picks (tests/e2e/network.spec.ts checks the two agree).
 */
export function stagePreloads(lang: Lang): { href: string; media: string }[] {
  const slug = story().compiled.chapters[lang]![0]!.slug;
  const beside = (COLUMN_MIN_WIDTH + GRID.gap) / (1 - GRID.prose) + GRID.margins;
  const columnFrom = Math.ceil(beside + GRID.scrollbar);
  const squareTo = Math.floor(beside) - 1;
  const tallEnough = Math.ceil(COLUMN_MIN_WIDTH / GRID.stageRatio + GRID.gap) + 5;
  // A short screen (LANDSCAPE_MEDIA) takes `land` whatever the stage's width; `column` needs a
  // screen taller than that already (tallEnough), `square` is kept off it: portrait, or taller.
  const notShort = ["(orientation: portrait)", `(min-height: ${LANDSCAPE_MAX_HEIGHT + 1}px)`];
  const squareWhere = [
    `(max-width: ${COLUMN_MIN_WIDTH - 1}px)`,
    `(min-width: 900px) and (max-width: ${squareTo}px)`,
    `(orientation: landscape) and (max-width: ${squareTo}px)`,
  ];
  const media: Partial<Record<Layout, string>> = {
    column: `(min-width: ${columnFrom}px) and (min-height: ${tallEnough}px), (orientation: portrait) and (min-width: ${COLUMN_MIN_WIDTH}px) and (max-width: 899px)`,
    square: squareWhere.flatMap((where) => notShort.map((not) => `${where} and ${not}`)).join(", "),
    [LANDSCAPE_LAYOUT]: LANDSCAPE_MEDIA,
  };
  if (tallEnough <= LANDSCAPE_MAX_HEIGHT)
    throw new Error(
      `src/story/page.ts: the column's preload query (min-height ${tallEnough}px) would match a short screen (LANDSCAPE_MEDIA); add its exclusion as for square`,
    );
  return STAGE_LAYOUTS.flatMap((layout) => {
    const when = media[layout];
    return when ? [{ href: href(OUTPUT.stageData(lang, slug, layout)), media: when }] : [];
  });
}

/** The source notes of the numbers the prose cites, in the order it first cites them (src/story/factNotes.ts). */
export function endnotes(lang: Lang): Endnote[] {
  const words = {
    article: ui(lang, "noteArticle"),
    via: ui(lang, "noteVia"),
    inferred: ui(lang, "noteInferred"),
    knowledge: ui(lang, "noteKnowledge"),
    knowledgeVia: ui(lang, "noteKnowledgeVia"),
    translation: ui(lang, "noteTranslation"),
  };
  return notesOf(citationOrder(of(story().chapters, lang)), story().facts, lang, langs()[0]!, words);
}

/** Every fact with its source, in the page's language, for the notes at the end. */
export function sources(lang: Lang): { label: string; source: string; quote?: string; translation?: string; note?: string }[] {
  const { facts } = story();
  // The article's passage, and in every other edition our translation of it.
  const passage = (f: { quote?: string | undefined; translation?: Record<Lang, string> | undefined }) => ({
    quote: f.quote,
    translation: lang === langs()[0] ? undefined : f.translation?.[lang],
  });
  const credit = (f: { source: string; via?: string }) => {
    if (f.source === "knowledge") return ui(lang, "sourceKnowledge");
    if (f.source === "inferred") return ui(lang, "sourceInferred");
    const via = f.via ? facts.names[f.via] : undefined;
    return via ? `${ui(lang, "sourceArticle")} (${ui(lang, "sourceVia")}: ${nameForms(via, lang)[0]!})` : ui(lang, "sourceArticle");
  };
  // Only what the story shows: facts cited in prose or in figure labels.
  const used = new Set(of(story().chapters, lang).flatMap((c) => c.steps.flatMap((st) => st.facts)));
  for (const id of factIdsIn(JSON.stringify(of(story().labels, lang)))) used.add(id);
  return [
    ...Object.entries(facts.numbers)
      .filter(([id]) => used.has(id))
      .map(([, f]) => ({ label: formatFact(f, lang), source: credit(f), ...passage(f), note: f.note?.[lang] })),
    // names we added, and the article's names that carry a note of ours (e.g. how we read its verb for the approval)
    ...Object.values(facts.names)
      .filter((f) => f.source !== "article" || f.note?.[lang])
      .map((f) => ({ label: nameForms(f, lang)[0]!, source: credit(f), ...passage(f), note: f.note?.[lang] })),
    ...Object.values(facts.places).map((f) => ({ label: placeName(f, lang), source: credit(f), ...passage(f), note: f.note?.[lang] })),
  ];
}

/** The share image's text alternative: the story's title, then what its picture shows. */
export function cardAlt(lang: Lang): string {
  return `${ui(lang, "title")}: ${cardStep(story().compiled, lang).step.alt}`;
}

/** The interactive version's address: the published site (SITE_URL, src/story/site.ts), then the language's page. */
export function siteAddress(lang: Lang, site: Site = SITE): string {
  return siteUrl(OUTPUT.page(lang), site);
}

/** The edition's day, YYYY-MM-DD: EDITION_DATE for a reproducible build, else the day of the build. */
export const editionDay = (): string => process.env.EDITION_DATE ?? new Date().toISOString().slice(0, 10);

/** The edition's date: EDITION_DATE (YYYY-MM-DD) for a reproducible build, else the day of the build. */
export function editionDate(lang: Lang): string {
  const iso = editionDay();
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`EDITION_DATE "${iso}" is not a date: write it as YYYY-MM-DD`);
  return new Intl.DateTimeFormat(language(lang).dates, { dateStyle: "long", timeZone: "UTC" }).format(d);
}

/**
 * The printed cover's particulars: when the reporting is from (the article's year,
 * inferred), the source article by its title, this edition's date, the interactive
 * version's address. A preview build (no SITE_URL) has no
 * address to give, and its cover says nothing about one: no line a reader would
 * take for an editor's note left in, no placeholder to send a reader to.
 */
export function edition(lang: Lang, site: Site = SITE): { term: string; value: string; href?: string }[] {
  const title = story().facts.names["article-title"];
  if (!title) throw new Error(`content/facts.json lacks the name "article-title" (the source article's title, for the printed cover)`);
  const [own] = nameForms(title, lang);
  const [original] = nameForms(title, langs()[0]!);
  const online = site.placeholder ? undefined : siteAddress(lang, site);
  return [
    { term: ui(lang, "editionReported"), value: ui(lang, "editionReportedValue") },
    {
      term: ui(lang, "editionSource"),
      value: ui(lang, "editionSourceValue").replace("[[title]]", own!).replace("[[original]]", original!),
    },
    { term: ui(lang, "editionThis"), value: editionDate(lang) },
    ...(online ? [{ term: ui(lang, "editionOnline"), value: online, href: online }] : []),
  ];
}

/** The print stylesheet's words: the running title in the page margins (src/styles/global.css reads --running-title). */
export function printCss(lang: Lang): string {
  const quoted = `"${ui(lang, "title").replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  // The paper: A4 or US Letter, per language (content/story.json); src/styles/global.css sets the rest of the page.
  const paper = language(lang).paper === "Letter" ? "letter" : "A4";
  return `:root { --running-title: ${quoted}; }\n@page { size: ${paper}; }\n`;
}

/** The words around the chapters in a language: the opening's fields and the ending's blocks (content/page/<lang>.md). */
export function pageText(lang: Lang): LoadedStory["page"][Lang] {
  return of(story().page, lang);
}

/** The opening's picture: its id (`<chapter>--<state>`), its marks in each layout drawn, its text alternative. */
interface Lead {
  id: string;
  marks: Partial<Record<Layout, Mark[]>>;
  alt: string;
  /** Whether it is the first chapter's first step (whose key explains lines the chapter's later steps draw). */
  first: boolean;
}

const leads = new Map<Lang, Lead>();
/**
 * The picture the opening leads with: content/story.json's `lead` (`<chapter>--<state>`), the
 * story's key figure, or else the first chapter's first step. The lead may name a step, or a state
 * of the chapter's scene that no step shows (chapter 1's "lead": a picture of its own, so the
 * reader does not meet a step's picture twice, graphics review 41 item 3), drawn here in the layouts
 * the opening and the cover use. A lead naming neither stops the build, naming the file and the steps there are.
 */
export function leadOf(lang: Lang): Lead {
  const had = leads.get(lang);
  if (had) return had;
  const all = of(story().compiled.chapters, lang);
  const name = story().config.lead;
  const alt = (fallback: string) => (name ? ui(lang, "leadAlt") : fallback);
  const found = ((): Lead | undefined => {
    if (!name)
      return {
        id: `${all[0]!.slug}--${all[0]!.steps[0]!.state}`,
        marks: all[0]!.steps[0]!.marks,
        alt: alt(all[0]!.steps[0]!.alt),
        first: true,
      };
    for (const chapter of all) {
      const step = chapter.steps.find((s) => `${chapter.slug}--${s.state}` === name);
      if (step) return { id: name, marks: step.marks, alt: alt(step.alt), first: all[0]!.steps[0] === step };
    }
    for (const chapter of all) {
      const scene = scenes[chapter.scene];
      const state = name.startsWith(`${chapter.slug}--`) ? name.slice(chapter.slug.length + 2) : "";
      if (!scene || !scene.states.includes(state)) continue;
      const { facts, labels } = story();
      const marks = Object.fromEntries(
        LEAD_LAYOUTS.map((l) => [l, scene.marks(state, sceneContext(chapter.scene, l, facts, of(labels, lang), lang))]),
      );
      return { id: name, marks, alt: alt(""), first: false };
    }
    return undefined;
  })();
  if (!found) {
    const some = all.flatMap((c) => c.steps.map((s) => `${c.slug}--${s.state}`));
    throw new Error(
      `content/story.json: "lead" is "${name}", no step or scene state of the ${lang} story; write one of ${some.slice(0, 6).join(", ")}, …`,
    );
  }
  leads.set(lang, found);
  return found;
}

/**
 * The opening's picture (leadOf), large, with its text alternative (the label ui.leadAlt, which
 * says what it shows without the steps around it). Drawn in the stage's two layouts, cropped to
 * what it shows: `column` beside the headline on a wide screen, `square` across a phone (opening.css
 * shows one), so its type reads at the stage's size rather than the printed page's. The first
 * chapter's first figure loses its caption strip (its key explains lines the chapter's later steps
 * draw); any other keeps it, the key to what it draws. A page shows one language's lead at most (the root its own
 * language's), so its ids need no language.
 */
export function leadFigure(lang: Lang): { wide: string; narrow: string; alt: string; id: string } {
  const lead = leadOf(lang);
  const draw = (layout: Layout) =>
    printFigure(
      marksOf(lead.marks, layout).filter((m) => !lead.first || !isCaption(m)),
      `lead-figure-${layout}`,
      lead.alt,
      layout,
    );
  return { wide: draw("column"), narrow: draw("square"), alt: lead.alt, id: lead.id };
}

/**
 * The root page's lead: the story's key figure once, in both its languages (graphics review 52, item 4: the bilingual
 * front page drew it in English only). Where the lead is chapter 1's picture of its own (scene "chain", state "lead"),
 * it is drawn with each word in the first language and the second's beside or under it (src/scenes/chainLead.ts), its
 * text alternative in both, each marked; any other lead, in the first language, marked as that.
 */
export function frontLeadFigure(): { wide: string; narrow: string; id: string; lang?: Lang } {
  const [first, second] = langs() as [Lang, Lang | undefined];
  const lead = leadOf(first);
  const chapter = of(story().compiled.chapters, first).find((c) => lead.id === `${c.slug}--lead` && c.scene === "chain");
  if (!second || !chapter) {
    const one = leadFigure(first);
    return { wide: one.wide, narrow: one.narrow, id: one.id, lang: first };
  }
  const { facts, labels } = story();
  const ctx = (l: Lang, layout: Layout) => sceneContext(chapter.scene, layout, facts, of(labels, l), l);
  const draw = (layout: Layout) => {
    const marks = leadMarks(ctx(first, layout), { first, second, t: ctx(second, layout).t });
    const c = cropped(marks, layout);
    const id = `lead-figure-${layout}`;
    return svgDocument(c.marks, {
      width: c.width,
      height: c.height,
      top: c.top,
      id,
      title: ui(first, "leadAlt"),
      desc: ui(second, "leadAlt"),
      className: "figure-svg",
      keys: false,
    })
      .replace(`<title id="${id}-t">`, `<title id="${id}-t" lang="${first}">`)
      .replace(`<desc id="${id}-d">`, `<desc id="${id}-d" lang="${second}">`);
  };
  return { wide: draw("column"), narrow: draw("square"), id: lead.id };
}

/** The size the cover prints its picture's smallest words at (pt): a key figure read from a step away, 10 pt and more. */
export const COVER_PT = 10.2;
/** The narrower paper's measure (A4: 210 mm less the 18 mm side margins of src/styles/global.css), the widest a cover picture prints. */
const MEASURE_MM = 174;
/**
 * The layout the cover draws the story's key figure in: the wide stage's (960 × 880), the lead's composition across
 * (NVIDIA's GPU and OpenAI's planned chip side by side at one size, the new data centres under the plan, the parts'
 * tags), wider than tall, so run across the measure it leaves the cover room for title and contents (graphics review 41
 * item 8: at the short screen's layout and 10 pt it stood small at the left over a half-empty page).
 */
const COVER_LAYOUT: Layout = "column";
/** The layouts a lead drawn of its own (a scene state no step shows) is drawn in: the opening's two and the cover's. */
const LEAD_LAYOUTS: readonly Layout[] = ["column", "square", COVER_LAYOUT];

/**
 * The cover's picture cropped across to what it draws as well, and given its width on paper: the measure, the key
 * figure run across the cover, its smallest words at COVER_PT or more (tests/e2e/pdf.spec.ts measures them on paper).
 */
function coverCrop(marks: Mark[]): { x0: number; x1: number; mm: number } {
  const { width } = LAYOUTS[COVER_LAYOUT];
  const xs = marks.flatMap((m) => {
    if (m.tag === "text") {
      const b = textBox(m);
      return [b.x0, b.x1];
    }
    if (m.tag === "rect") return [Number(m.attrs.x), Number(m.attrs.x) + Number(m.attrs.width)];
    return [];
  });
  const finite = xs.filter(Number.isFinite);
  const pad = 8;
  const x0 = finite.length ? Math.max(0, Math.floor(Math.min(...finite) - pad)) : 0;
  const x1 = finite.length ? Math.min(width, Math.ceil(Math.max(...finite) + pad)) : width;
  return { x0, x1, mm: MEASURE_MM };
}

/** The cover's figure file cropped across to `crop`, its natural width the crop's on paper. */
function widen(svg: string, crop: { x0: number; x1: number; mm: number }): string {
  return svg.replace(
    /viewBox="0 ([\d.]+) (\d+) ([\d.]+)"([^>]*?) width="[\d.]+" height="([\d.]+)"/,
    (_, top: string, _w: string, h: string, rest: string) => {
      const mmHigh = (crop.mm * Number(h)) / (crop.x1 - crop.x0);
      return `viewBox="${crop.x0} ${top} ${crop.x1 - crop.x0} ${h}"${rest} width="${crop.mm.toFixed(1)}mm" height="${mmHigh.toFixed(1)}mm"`;
    },
  );
}

/**
 * The marks of the printed cover's picture: the story's key figure, the web hero's (leadOf: content/story.json
 * `lead`), in COVER_LAYOUT, without its caption strip (the chapter's notes, printed with its figure there) and
 * without keys to a chapter's step numbers (the cover has no steps).
 */
export function coverMarks(lang: Lang): Mark[] {
  return ownMarks(leadOf(lang).marks, COVER_LAYOUT).filter((m) => !isCaption(m) && !/(^|\/)step-key-/.test(m.key));
}

/** The cover picture's key in words: the web lead's caption strip in COVER_LAYOUT (paperPanel), as the opening draws it. */
export const coverKey = (lang: Lang): string => paperPanel(ownMarks(leadOf(lang).marks, COVER_LAYOUT)).key;

/** What the cover's picture shows, in words: the web hero's text alternative. */
const coverAlt = (lang: Lang): string => leadOf(lang).alt;

/**
 * The printed cover's picture and code: the story's key figure (coverMarks, its smallest
 * words at COVER_PT) and, for a published build, a QR code of the
 * interactive version's address (a preview build has none, and its cover names no
 * interactive version, src/story/page.ts edition).
 */
export function cover(lang: Lang, site: Site = SITE): { figure: FigureRef; key: string; qr?: string; address?: string } {
  const marks = coverMarks(lang);
  // Its key in words, the web lead's (its caption strip, which coverMarks leaves out): what solid, dashed and dotted
  // lines and the tags' numbers mean, printed under it (graphics review 52, item 9: the cover figure had no key).
  const key = coverKey(lang);
  const crop = coverCrop(marks);
  const { height } = cropped(marks, COVER_LAYOUT);
  // Its size on paper in CSS px (96 to the inch), so the image keeps the crop's proportions at its width in mm.
  const px = (crop.mm / 25.4) * 96;
  const figure: FigureRef = {
    ...figureRef(lang, COVER_FILE, marks, coverAlt(lang), COVER_LAYOUT),
    width: Math.round(px),
    height: Math.round((px * height) / (crop.x1 - crop.x0)),
  };
  if (site.placeholder) return { figure, key };
  const address = siteAddress(lang, site);
  return { figure, key, address, qr: qrSvg(address, `${ui(lang, "editionOnline")}: ${address}`) };
}
