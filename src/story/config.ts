// The site's fixed choices, each made once: the languages, the figure layouts
// (each a fixed viewBox, so every drawing can be computed at build time), which
// layouts the live stage and the static figures use, and the names of the files
// the build writes. Pure data: imported by the build, the runtime and the tests.

export type Lang = "de" | "en";
/** The story's languages; the first is the source language (the article is German). */
export const LANGS: readonly Lang[] = ["de", "en"];

export type Layout = "wide" | "square";
export const LAYOUTS: Record<Layout, { width: number; height: number }> = {
  wide: { width: 960, height: 640 },
  square: { width: 600, height: 600 },
};
/** Layouts the animated stage picks from (by its own shape). */
export const STAGE_LAYOUTS: readonly Layout[] = ["wide", "square"];
/** The layout of each step's static figure: no JavaScript, print and the PDF. */
export const STATIC_LAYOUT: Layout = "wide";

/** Every file name the build writes, relative to a language's folder or the site root. */
export const OUTPUT = {
  /** The print edition, linked from the story page by `a[data-pdf]`. */
  pdf: (lang: Lang) => `${lang}/altman-chips.pdf`,
  /** A chapter's stage drawings (marks of every state in the stage layouts). */
  stageData: (lang: Lang, slug: string) => `${lang}/stage/${slug}.json`,
  /** The story page of a language. */
  page: (lang: Lang) => `${lang}/`,
} as const;
