// Everything a language's page needs, taken from the one compile step: chapters
// with their step HTML and static figure, the shared geometry, the stage's first
// picture and the per-chapter stage data. In a build, scripts/build.ts compiles
// once and hands the result over as JSON (STORY_COMPILED); `astro dev` and
// `astro check` compile here instead.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadStory, type LoadedStory } from "./load.ts";
import { labelText, factIdsIn } from "./labels.ts";
import { formatFact, nameForms } from "./facts.ts";
import { svgDocument, symbolSprite } from "../render/static.ts";
import { scenes } from "../scenes/index.ts";
import { LAYOUTS, STAGE_LAYOUTS, STATIC_LAYOUT, type Lang, type Layout } from "./config.ts";
import type { CompiledChapter } from "./compile.ts";
import { cardStep } from "./card.ts";
import type { ChapterStage } from "../runtime/stageData.ts";
import type { Mark } from "./types.ts";

/** Where the build looks for content: `content/`, or STORY_CONTENT (the generated sample story, say). */
export const contentDir = (): string => resolve(process.env.STORY_CONTENT ?? join(process.cwd(), "content"));

let cached: LoadedStory | undefined;
export function story(): LoadedStory {
  const file = process.env.STORY_COMPILED;
  cached ??= file ? (JSON.parse(readFileSync(file, "utf8")) as LoadedStory) : loadStory(contentDir(), scenes);
  return cached;
}

/** A label of the language's file, with `{fact}` placeholders filled; a missing key stops the build. */
function text(lang: Lang, key: string, fix: string): string {
  const { labels, facts } = story();
  return labelText(labels[lang], key, facts, lang, `content/labels/${lang}.json`, fix);
}

export function ui(lang: Lang, key: string): string {
  return text(lang, `ui.${key}`, `add "${key}" under "ui"`);
}

const marksOf = (marks: Partial<Record<Layout, Mark[]>>, layout: Layout): Mark[] => {
  const m = marks[layout];
  if (!m) throw new Error(`layout "${layout}" was not compiled`);
  return m;
};

export interface PageStep {
  id: string;
  key: string;
  state: string;
  html: string;
  figure: string;
  alt: string;
}
export interface PageChapter {
  slug: string;
  title: string;
  scene: string;
  steps: PageStep[];
}

const escHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A term's first use in the story is explained: the term is marked, and the
 * explanation follows the step's text as a note (in print and without
 * JavaScript; the runtime turns the term into a button that discloses it).
 * Later uses stay plain.
 */
function explainTerms(html: string, lang: Lang, seen: Set<string>): string {
  const glossary = story().glossary[lang];
  const notes: string[] = [];
  const marked = html.replace(/<span class="term" data-term="([a-z0-9-]+)">(.*?)<\/span>/g, (whole, id: string, words: string) => {
    if (seen.has(id) || !glossary[id]) return whole;
    seen.add(id);
    notes.push(
      `<p class="term-def" id="term-${id}" role="note"><span class="term-name">${escHtml(glossary[id]!.term)}:</span> ${escHtml(glossary[id]!.text)}</p>`,
    );
    return `<span class="term term-first" data-term="${id}"><dfn>${words}</dfn></span>`;
  });
  return marked + notes.join("");
}

export function chapters(lang: Lang): PageChapter[] {
  const seen = new Set<string>();
  return story().compiled.chapters[lang].map((c) => ({
    slug: c.slug,
    title: c.title,
    scene: c.scene,
    steps: c.steps.map((s) => ({
      id: s.id,
      key: s.key,
      state: s.state,
      html: explainTerms(s.html, lang, seen),
      alt: s.alt,
      figure: svgDocument(marksOf(s.marks, STATIC_LAYOUT), {
        ...LAYOUTS[STATIC_LAYOUT],
        id: `fig-${s.id}`,
        title: s.alt,
        className: "figure-svg",
      }),
    })),
  }));
}

/** The shared geometry: one hidden sprite per page. */
export function sprite(): string {
  return symbolSprite(story().compiled.geometry);
}

function chapter(lang: Lang, slug: string): CompiledChapter {
  const c = story().compiled.chapters[lang].find((x) => x.slug === slug);
  if (!c) throw new Error(`no chapter "${slug}" in ${lang}`);
  return c;
}

/** The stage as first painted: the first step's state, in the first stage layout. */
export function initialStage(lang: Lang): { scene: string; state: string; svg: string } {
  const first = story().compiled.chapters[lang][0]!;
  const step = first.steps[0]!;
  const layout = STAGE_LAYOUTS[0]!;
  const svg = svgDocument(marksOf(step.marks, layout), {
    ...LAYOUTS[layout],
    id: "stage",
    title: step.alt,
    attrs: { "data-layout": layout, "aria-live": "off" },
  });
  return { scene: first.scene, state: step.state, svg };
}

/** A chapter's stage drawings: every state in every stage layout. */
export function stageData(lang: Lang, slug: string): ChapterStage {
  const c = chapter(lang, slug);
  const states: ChapterStage["states"] = {};
  for (const s of c.steps) {
    states[s.state] = {
      alt: s.alt,
      marks: Object.fromEntries(STAGE_LAYOUTS.map((l) => [l, marksOf(s.marks, l)])) as Record<Layout, Mark[]>,
    };
  }
  return { slug, scene: c.scene, states };
}

/** Every fact with its source, in the page's language, for the notes at the end. */
export function sources(lang: Lang): { label: string; source: string; quote?: string; note?: string }[] {
  const { facts } = story();
  const credit = (f: { source: string; via?: string }) => {
    if (f.source === "knowledge") return ui(lang, "sourceKnowledge");
    const via = f.via ? facts.names[f.via] : undefined;
    return via ? `${ui(lang, "sourceArticle")} (${ui(lang, "sourceVia")}: ${nameForms(via, lang)[0]!})` : ui(lang, "sourceArticle");
  };
  // Only what the story shows: facts cited in prose or in figure labels.
  const used = new Set(story().chapters[lang].flatMap((c) => c.steps.flatMap((st) => st.facts)));
  for (const id of factIdsIn(JSON.stringify(story().labels[lang]))) used.add(id);
  return [
    ...Object.entries(facts.numbers)
      .filter(([id]) => used.has(id))
      .map(([, f]) => ({ label: formatFact(f, lang), source: credit(f), quote: f.quote, note: f.note?.[lang] })),
    ...Object.values(facts.names)
      .filter((f) => f.source !== "article")
      .map((f) => ({ label: nameForms(f, lang)[0]!, source: credit(f), quote: f.quote, note: f.note?.[lang] })),
    ...Object.values(facts.places).map((f) => ({ label: f[lang], source: credit(f), quote: f.quote, note: f.note?.[lang] })),
  ];
}

/** The share image's text alternative: the story's title, then what its picture shows. */
export function cardAlt(lang: Lang): string {
  return `${ui(lang, "title")}: ${cardStep(story().compiled, lang).step.alt}`;
}
