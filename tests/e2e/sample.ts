// Which steps a spec visits, derived from the page, never pinned: the story grows
// and its slugs and states change, so specs name steps by their place in the
// story ("the first step of the last chapter", "a middle step of the first
// chapter") and walk all of them only where time allows.
//
// The sampling rule (sampleSteps): on the desktop project every step of the
// first language (the salt); in the other language and on the phone projects
// the first and the last step of every chapter (every chapter,
// every chapter boundary and both ends of the story) plus one middle step (a
// step that is neither the first nor the last of its chapter), chosen by a
// seeded random generator. The seed is a hash of the project's name, an optional
// salt (say, the language) and the story's step ids: the same story always gets
// the same sample, a changed story a new one. Walks of what does not depend on the
// language (scroll mechanics, a boundary's choreography, a deep link's landing) deal
// the steps, boundaries or chapters out between the languages on desktop instead
// (alternate): together every one, once. E2E_ALL_STEPS=1 walks every step in every
// project and language.

import { LANGS } from "./helpers.ts";

/** The least a step needs for sampling: its id and its chapter's slug. */
export interface StepLike {
  id: string;
  slug: string;
}

export interface ChapterSteps<T extends StepLike> {
  slug: string;
  steps: T[];
}

/** The chapters of a step list, in reading order, each with its steps. */
export function chaptersOf<T extends StepLike>(steps: readonly T[]): ChapterSteps<T>[] {
  const out: ChapterSteps<T>[] = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && last.slug === step.slug) last.steps.push(step);
    else out.push({ slug: step.slug, steps: [step] });
  }
  return out;
}

/** Whether a project walks every step (desktop, and the desktop runs of other builds: "desktop-…") or a sample (phones). */
export function walksEveryStep(projectName: string): boolean {
  return projectName === "desktop" || projectName.startsWith("desktop-") || process.env.E2E_ALL_STEPS === "1";
}

// Per-language tests whose mechanics do not depend on the language run in every
// language on desktop and in the first one on the phones: they carry the tag
// "@desktop-only", which the phone projects leave out (playwright.config.ts).

/** The tag for a per-language test of that kind: none in the first language, "@desktop-only" in the others. */
export function onPhones(lang: string): string {
  return lang === LANGS[0] ? "" : " @desktop-only";
}

/** FNV-1a, 32 bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The steps a walk visits in this project, in document order (see the rule at
 * the top of this file). Deterministic for a given story, project and salt.
 */
export function sampleSteps<T extends StepLike>(
  steps: readonly T[],
  projectName: string,
  salt = "",
  every = walksEveryStep(projectName) && (salt === "" || salt === LANGS[0]),
): T[] {
  if (every) return [...steps];
  const chosen = new Set<string>();
  const middles: T[] = [];
  for (const chapter of chaptersOf(steps)) {
    chosen.add(chapter.steps[0]!.id);
    chosen.add(chapter.steps.at(-1)!.id);
    middles.push(...chapter.steps.slice(1, -1));
  }
  if (middles.length > 0) {
    const next = random(hash(`${projectName}\n${salt}\n${steps.map((s) => s.id).join("\n")}`));
    chosen.add(middles[Math.floor(next() * middles.length)]!.id);
  }
  return steps.filter((s) => chosen.has(s.id));
}

/**
 * The chapters a per-chapter check visits: every chapter on desktop in the first
 * language; in the second, and on the phones, the first, the last and one seeded
 * chapter in between (when there is one).
 */
export function sampleChapters<T extends StepLike>(
  chapters: readonly ChapterSteps<T>[],
  projectName: string,
  salt = "",
  every = walksEveryStep(projectName) && (salt === "" || salt === LANGS[0]),
): ChapterSteps<T>[] {
  if (every || chapters.length <= 3) return [...chapters];
  const inner = chapters.slice(1, -1);
  const pick = samplePick(inner, projectName, `${salt}\n${chapters.map((c) => c.slug).join("\n")}`);
  return [chapters[0]!, pick, chapters.at(-1)!];
}

/**
 * A language's share of a walk whose subject does not depend on the language (the
 * scroll mechanics, a boundary's choreography, a deep link's landing): the items
 * dealt out in turn, the first to the first language, the second to the second and
 * so on, so that the languages together visit every item once and each language
 * every chapter's worth of them. E2E_ALL_STEPS=1 gives every language every item.
 */
export function alternate<T>(items: readonly T[], lang: string): T[] {
  if (process.env.E2E_ALL_STEPS === "1") return [...items];
  const at = LANGS.indexOf(lang as (typeof LANGS)[number]);
  if (at < 0) throw new Error(`alternate: unknown language ${lang}`);
  return items.filter((_, i) => i % LANGS.length === at);
}

/** A seeded pick of one element (for choices other than steps, e.g. a chapter). */
export function samplePick<T>(items: readonly T[], projectName: string, salt = ""): T {
  if (items.length === 0) throw new Error("samplePick: nothing to pick from");
  const next = random(hash(`${projectName}\n${salt}\n${items.length}`));
  return items[Math.floor(next() * items.length)]!;
}

/** The middle element of a list (the later one of two middles). */
export function middleOf<T>(items: readonly T[]): T {
  if (items.length === 0) throw new Error("middleOf: empty list");
  return items[Math.floor(items.length / 2)]!;
}

/**
 * Named places in a story, for specs that need one or two particular steps. All
 * derived from the step list; with a single chapter "first" and "last" chapter
 * are the same one (specs that need two chapters say so with `requireChapters`).
 */
export function landmarks<T extends StepLike>(steps: readonly T[]) {
  if (steps.length === 0) throw new Error("landmarks: the story has no steps");
  const chapters = chaptersOf(steps);
  const firstChapter = chapters[0]!;
  const lastChapter = chapters.at(-1)!;
  /** The step at a fraction of the story (0: the first step, 1: the last). */
  const at = (fraction: number): T => steps[Math.min(steps.length - 1, Math.max(0, Math.round(fraction * (steps.length - 1))))]!;
  return {
    chapters,
    first: steps[0]!,
    last: steps.at(-1)!,
    /** The step in the middle of the story. */
    middle: middleOf(steps),
    at,
    firstChapter,
    lastChapter,
    /** A chapter that is not the first (the second one). */
    secondChapter: chapters[1],
    /** A middle step of the first chapter (its last step when it has two or fewer). */
    middleOfFirstChapter: middleOf(firstChapter.steps),
    /** A middle step of the last chapter. */
    middleOfLastChapter: middleOf(lastChapter.steps),
    /** The first step of the last chapter. */
    firstOfLastChapter: lastChapter.steps[0]!,
    /** The last step of the first chapter. */
    lastOfFirstChapter: firstChapter.steps.at(-1)!,
  };
}
