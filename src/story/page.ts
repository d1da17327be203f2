// Everything a language's page needs, computed once at build time: chapters with
// their step HTML, each step's static figure (wide and square SVG), the shared
// symbols, the stage's first picture and the per-chapter stage data.

import { join } from "node:path";
import { loadStory, sceneContext, type LoadedStory } from "./load.ts";
import { labelText, factIdsIn } from "./labels.ts";
import { formatFact, nameForms } from "./facts.ts";
import { svgDocument, symbolSprite } from "../render/static.ts";
import { scenes } from "../scenes/index.ts";
import { LAYOUTS, type Lang, type Layout, type Mark, type SymbolDef } from "./types.ts";
import type { ChapterStage } from "../runtime/stageData.ts";

let cached: LoadedStory | undefined;
export function story(): LoadedStory {
  cached ??= loadStory(join(process.cwd(), "content"), scenes);
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

function alt(lang: Lang, scene: string, state: string): string {
  return text(
    lang,
    `scenes.${scene}.alt.${state}`,
    `add "${state}" under "scenes" → "${scene}" → "alt": a sentence saying what the figure shows`,
  );
}

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];

function marksFor(lang: Lang, scene: string, state: string, layout: Layout): Mark[] {
  const s = scenes[scene]!;
  const { facts, labels } = story();
  return s.marks(state, sceneContext(scene, layout, facts, labels[lang], lang));
}

export interface PageStep {
  id: string;
  key: string;
  state: string;
  html: string;
  figures: Record<Layout, string>;
  alt: string;
}
export interface PageChapter {
  slug: string;
  title: string;
  scene: string;
  steps: PageStep[];
}

export function chapters(lang: Lang): PageChapter[] {
  return story().chapters[lang].map((c) => ({
    slug: c.slug,
    title: c.title,
    scene: c.scene,
    steps: c.steps.map((s) => {
      const id = `${c.slug}--${s.state}`;
      const text = alt(lang, c.scene, s.state);
      const figures = Object.fromEntries(
        LAYOUT_LIST.map((layout) => [
          layout,
          svgDocument(marksFor(lang, c.scene, s.state, layout), {
            ...LAYOUTS[layout],
            id: `fig-${id}-${layout}`,
            title: text,
            className: `figure-svg figure-${layout}`,
          }),
        ]),
      ) as Record<Layout, string>;
      return { id, key: `${c.slug}/${s.state}`, state: s.state, html: s.html, figures, alt: text };
    }),
  }));
}

/** Shared symbols of every scene, every layout: one hidden sprite per page. */
export function sprite(lang: Lang): string {
  const { facts, labels } = story();
  const defs: SymbolDef[] = [];
  for (const s of Object.values(scenes)) {
    for (const layout of LAYOUT_LIST) defs.push(...(s.symbols?.(sceneContext(s.id, layout, facts, labels[lang], lang)) ?? []));
  }
  return symbolSprite(defs);
}

/** The stage as first painted: the first step's state, wide layout. */
export function initialStage(lang: Lang): { scene: string; state: string; svg: string } {
  const first = story().chapters[lang][0]!;
  const state = first.steps[0]!.state;
  const svg = svgDocument(marksFor(lang, first.scene, state, "wide"), {
    ...LAYOUTS.wide,
    id: "stage",
    title: alt(lang, first.scene, state),
    attrs: { "data-layout": "wide", "aria-live": "off" },
  });
  return { scene: first.scene, state, svg };
}

export function stageData(lang: Lang, slug: string): ChapterStage {
  const c = story().chapters[lang].find((x) => x.slug === slug)!;
  const states: ChapterStage["states"] = {};
  for (const s of c.steps) {
    states[s.state] = {
      alt: alt(lang, c.scene, s.state),
      marks: Object.fromEntries(LAYOUT_LIST.map((l) => [l, marksFor(lang, c.scene, s.state, l)])) as Record<Layout, Mark[]>,
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
  ];
}
