// The engine's fixed choices, each made once: the figure layouts (each a fixed
// viewBox, so every drawing can be computed at build time), which layouts the
// live stage and the static figures use, and the names of the files the build
// writes. The story's own choices (its languages, name, PDF name and storage
// key) are content: content/story.json, read by src/story/story-config.ts.
// Pure data: imported by the build, the runtime and the tests.

/**
 * A language code of the story ("de"): any code content/story.json names, so a
 * plain string; the loader refuses a chapter, label or glossary of any other.
 */
export type Lang = string;

/** One language of the story, as content/story.json names it. */
export interface Language {
  code: Lang;
  /** BCP 47 locale of numbers and Open Graph ("de-DE"). */
  locale: string;
  /** Locale of written dates (the edition's date), when it differs from `locale` ("en-GB"). */
  dates: string;
  /** The print edition's paper. */
  paper: Paper;
}
export type Paper = "A4" | "Letter";
export const PAPERS: readonly Paper[] = ["A4", "Letter"];

/** content/story.json: the story's identity. */
export interface StoryConfig {
  /** The story's name (for people and tools; the storage key and PDF name are their own fields). */
  name: string;
  /** In order; the first is the source language, which the others are checked against. */
  languages: Language[];
  /** The print edition's file name in each language's folder ("altman-chips.pdf"). */
  pdf: string;
  /** Prefix of the keys the page stores in the reader's browser ("altman-chips" → "altman-chips:theme"). */
  storageKey: string;
  /**
   * The opening's lead picture, a step as `<chapter>--<state>` (its anchor on the page): the story's key
   * figure, not the first step's (a reader would see that drawing twice in a row). Without it, the first step.
   */
  lead?: string;
}

/** The language codes of a story, in order. */
export const langsOf = (config: StoryConfig): Lang[] => config.languages.map((l) => l.code);

/** One value per language, in the configuration's order. */
export function perLang<T>(langs: readonly Lang[], make: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(langs.map((lang) => [lang, make(lang)]));
}

/**
 * `column`: the desktop stage beside the prose, a little wider than tall: at 1440 × 900 it
 *   fills the column beside the cards, at 1920 × 1080 the screen's height (issue 18: an
 *   800 × 880 drawing stood there as a narrow column between wide empty margins);
 * `square`: the phone stage (portrait: the top 62 % of the screen, so taller than wide despite
 *   its name, which the stage data files carry; landscape: beside the prose);
 * `print`: each step's static figure, for reading without JavaScript and on paper:
 *   the text column's width, shorter than a screen, with print type sizes; each figure
 *   is then cropped to the height its marks take (src/render/crop.ts);
 * `land`: the stage on a short screen (a phone on its side, LANDSCAPE_MEDIA), pinned beside
 *   the prose: the shape of the ~480 × 360 px box there, with type sized for it (issue 18:
 *   the square drawn there set its words at 8–9 px; then each step's static figure stood
 *   beside its card, and figure and card never fitted one screen together). Without
 *   JavaScript the same layout is each step's static figure there, cropped like `print`.
 */
export type Layout = "column" | "square" | "print" | "land";
export const LAYOUTS: Record<Layout, { width: number; height: number }> = {
  column: { width: 960, height: 880 },
  square: { width: 600, height: 800 },
  print: { width: 960, height: 440 },
  land: { width: 640, height: 480 },
};
/** Layouts the animated stage picks from, the first as first painted on a desktop. */
export const STAGE_LAYOUTS: readonly Layout[] = ["column", "square", "land"];
/**
 * The stage uses `column` from this width (CSS px) up, `square` below: at 640 px the
 * column's captions come out at 11 px (its 960 user units drawn at 0.67), narrower the
 * phone's square reads larger.
 */
export const COLUMN_MIN_WIDTH = 640;
/** The layout of each step's static figure: no JavaScript, print and the PDF. */
export const STATIC_LAYOUT: Layout = "print";
/**
 * A short screen (a phone on its side): the stage, pinned beside the prose, draws in the
 * LANDSCAPE_LAYOUT (src/runtime/stage.ts pickLayout); without JavaScript each step's static
 * figure stands beside its card in that layout's file, which only this query loads
 * (`<picture><source media>`). src/styles/global.css sets the same query with `screen and` before it.
 */
/** The tallest screen (CSS px) on its side that LANDSCAPE_MEDIA calls short. */
export const LANDSCAPE_MAX_HEIGHT = 500;
export const LANDSCAPE_MEDIA = `(orientation: landscape) and (max-height: ${LANDSCAPE_MAX_HEIGHT}px)`;
export const LANDSCAPE_LAYOUT: Layout = "land";

/** The stage's header: where the reader is ("3 / 9 · A company for data centres"); built into the page, kept current by the stage. */
export const stageHead = (n: number, total: number, title: string): string => `${n} / ${total} · ${title}`;

/** Every file name the build writes, relative to a language's folder or the site root. */
export const OUTPUT = {
  /** The print edition, linked from the story page by `a[data-pdf]`. */
  pdf: (lang: Lang, config: StoryConfig) => `${lang}/${config.pdf}`,
  /** A chapter's stage drawings in one stage layout (marks of every state): a phone fetches only its own. */
  stageData: (lang: Lang, slug: string, layout: Layout | "{layout}") => `${lang}/stage/${slug}.${layout}.json`,
  /** The story page of a language. */
  page: (lang: Lang) => `${lang}/`,
  /** The share image of a language (og:image), written by scripts/cards.ts. */
  card: (lang: Lang) => `${lang}/share.png`,
  /** The shared shapes (the map's coastline) of every page, referenced by `<use href="geometry.svg#id">`. */
  geometry: "geometry.svg",
  /** A static figure as a file of its own (no JavaScript, print, the stage's fallback): `<slug>--<state>`, `print-…`, `cover`; a short screen's `<slug>--<state>.land`. */
  figure: (lang: Lang, name: string) => `${lang}/fig/${name}.svg`,
} as const;

/**
 * The share image: its size (the Open Graph 1.91:1 format), and the figure it
 * shows: the story's first picture (the first step of the first chapter, so it
 * follows content/), in the phone stage's square layout beside the title.
 */
export const CARD = { width: 1200, height: 630, layout: "square" as Layout } as const;
