// The one compile step: every scene × state × layout × language is drawn once,
// here, and the result feeds the static figures, the stage data, the share of
// shared geometry and the checks. Keys are scoped to their scene, except marks
// that two neighbouring chapters agree to hand over (scene.hands/receives), so
// nothing carries across a chapter boundary by accident.

import type { Facts } from "./facts.ts";
import type { LabelTree } from "./labels.ts";
import { labelText } from "./labels.ts";
import type { ParsedChapter } from "./markdown.ts";
import { LANGS, LAYOUTS, STAGE_LAYOUTS, STATIC_LAYOUT, type Lang, type Layout } from "./config.ts";
import type { DataTable, Mark, Scene, SceneContext, SymbolDef } from "./types.ts";
import { framesSeen, geometryDefs, symbolId, type Frame } from "../scenes/geometry.ts";
import { StoryError } from "./errors.ts";
import { formatFact } from "./facts.ts";
import { lineInFile } from "./where.ts";
import { basename } from "node:path";

export interface CompiledStep {
  /** "SLUG--STATE": the element id and deep-link hash. */
  id: string;
  /** "SLUG/STATE": data-step and data-figure. */
  key: string;
  state: string;
  html: string;
  /** The figure's text alternative, in the chapter's language. */
  alt: string;
  /** The figure's numbers as a table (scenes that have numbers). */
  table?: DataTable | null;
  marks: Partial<Record<Layout, Mark[]>>;
}

export interface CompiledChapter {
  slug: string;
  title: string;
  scene: string;
  /** Keys agreed with the chapter before (received) and after (handed), as the scenes name them. */
  receives: string[];
  hands: string[];
  /** The page name of each of those keys (see keyNames). */
  handoverNames: Record<string, string>;
  steps: CompiledStep[];
}

export interface CompiledStory {
  chapters: Record<Lang, CompiledChapter[]>;
  /** Shared shapes referenced by any chapter's marks, each once, for every page. */
  geometry: SymbolDef[];
  /** Places of the facts file that some drawing put on a map (an array: the story travels as JSON, where a Set would become `{}`). */
  placesUsed: string[];
}

/** Every layout a build draws: the stage's and the static figure's. */
export const COMPILED_LAYOUTS: readonly Layout[] = [...new Set([...STAGE_LAYOUTS, STATIC_LAYOUT])];

/**
 * The names top-level marks have on the page, chapter by chapter. A key is its
 * scene's own ("scene/key"), except a hand-over: from the chapter that first hands
 * it on, it is called "key~slug", and keeps that name for as long as each next
 * chapter receives it. So a mark moves across exactly the boundaries that agree
 * on it, and two unrelated hand-overs of the same key never meet.
 */
function keyNames(list: { slug: string; scene: Scene }[]): Map<string, string>[] {
  // Neighbouring chapters with one scene form a block: their picture simply continues.
  const blocks: { start: number; end: number }[] = [];
  list.forEach((c, i) => {
    if (i > 0 && list[i - 1]!.scene.id === c.scene.id) blocks.at(-1)!.end = i;
    else blocks.push({ start: i, end: i });
  });
  const out: Map<string, string>[] = [];
  let incoming = new Map<string, string>();
  for (const { start, end } of blocks) {
    const scene = list[start]!.scene;
    const names = new Map<string, string>();
    for (const k of agreed(list[start - 1]?.scene, scene)) names.set(k, incoming.get(k)!);
    for (const k of agreed(scene, list[end + 1]?.scene)) if (!names.has(k)) names.set(k, `${k}~${list[start]!.slug}`);
    for (let i = start; i <= end; i++) out.push(names);
    incoming = names;
  }
  return out;
}

/** The page name of a scene's mark key in a chapter. */
export const pageKey = (scene: string, key: string, names: ReadonlyMap<string, string>): string => names.get(key) ?? `${scene}/${key}`;

/** A scene context for one language and layout; `t` and `fact` stop the build on a missing label or fact. */
export function sceneContext(
  scene: string,
  layout: Layout,
  facts: Facts,
  labels: LabelTree,
  lang: Lang,
  labelFile = `content/labels/${lang}.json`,
  /** Collects the places the scene draws (for the check that every place is used). */
  placesUsed?: Set<string>,
  factsFile = "content/facts.json",
): SceneContext {
  const { width, height } = LAYOUTS[layout];
  // A missing fact or place has no line of its own: the error names the object to add it to.
  const missing = (what: string, id: string, group: "numbers" | "places") =>
    new StoryError(factsFile, lineInFile(factsFile, [group]), `scene "${scene}" needs the ${what} "${id}"`, `add "${id}" under "${group}"`);
  const need = (id: string) => {
    const f = facts.numbers[id];
    if (!f) throw missing("fact", id, "numbers");
    return f;
  };
  return {
    layout,
    width,
    height,
    t: (key) =>
      labelText(
        labels,
        `scenes.${scene}.${key}`,
        facts,
        lang,
        labelFile,
        `add "${key}" under "scenes" → "${scene}"`,
        labelPath(labelFile, scene, key),
      ),
    fact: (id, form = "short") => formatFact(need(id), lang, form),
    value: (id) => need(id).value,
    place: (id) => {
      const p = facts.places[id];
      if (!p) throw missing("place", id, "places");
      placesUsed?.add(id);
      return [p.lon, p.lat];
    },
    symbol: symbolId,
  };
}

/** Where a scene's label key stands in its file: a scene's own file (labels/<lang>/<scene>.json) holds it without "scenes.<scene>". */
const labelPath = (file: string, scene: string, key: string): string[] =>
  basename(file) === `${scene}.json` ? key.split(".") : ["scenes", scene, ...key.split(".")];

/** Keys handed from chapter a to the chapter b after it: what a's scene hands and b's receives. */
export function agreed(a: Scene | undefined, b: Scene | undefined): string[] {
  if (!a || !b) return [];
  if (a.id === b.id) return [];
  const wanted = new Set(b.receives ?? []);
  return (a.hands ?? []).filter((k) => wanted.has(k));
}

export function compileStory(
  parsed: Record<Lang, ParsedChapter[]>,
  scenes: Record<string, Scene>,
  facts: Facts,
  labels: Record<Lang, LabelTree>,
  /** The file that holds a scene's words, per language (for error messages). */
  labelFiles: Record<Lang, (scene: string) => string>,
  /** The facts file, for error messages. */
  factsFile = "content/facts.json",
): CompiledStory {
  const used = new Set<string>();
  const seen = new Map<string, Frame>();
  const placesUsed = new Set<string>();
  const chapters = Object.fromEntries(
    LANGS.map((lang) => {
      const list = parsed[lang];
      const names = keyNames(list.map((c) => ({ slug: c.slug, scene: scenes[c.scene]! })));
      return [
        lang,
        list.map((c, i): CompiledChapter => {
          const scene = scenes[c.scene]!;
          for (const g of scene.geometry ?? []) used.add(g);
          const receives = agreed(scenes[list[i - 1]?.scene ?? ""], scene);
          const hands = agreed(scene, scenes[list[i + 1]?.scene ?? ""]);
          const contexts = Object.fromEntries(
            COMPILED_LAYOUTS.map((l) => [
              l,
              sceneContext(scene.id, l, facts, labels[lang], lang, labelFiles[lang](scene.id), placesUsed, factsFile),
            ]),
          ) as Record<Layout, SceneContext>;
          return {
            slug: c.slug,
            title: c.title,
            scene: c.scene,
            receives,
            hands,
            handoverNames: Object.fromEntries(names[i]!),
            steps: c.steps.map((s) => ({
              id: `${c.slug}--${s.state}`,
              key: `${c.slug}/${s.state}`,
              state: s.state,
              html: s.html,
              alt: labelText(
                labels[lang],
                `scenes.${scene.id}.alt.${s.state}`,
                facts,
                lang,
                labelFiles[lang](scene.id),
                `add "${s.state}" under "scenes" → "${scene.id}" → "alt": a sentence saying what the figure shows`,
                labelPath(labelFiles[lang](scene.id), scene.id, `alt.${s.state}`),
              ),
              table: scene.table?.(s.state, contexts[STATIC_LAYOUT]) ?? null,
              marks: Object.fromEntries(
                COMPILED_LAYOUTS.map((l) => {
                  const marks = scene.marks(s.state, contexts[l]);
                  framesSeen(marks, LAYOUTS[l].width, LAYOUTS[l].height, seen);
                  return [l, marks.map((m) => ({ ...m, key: pageKey(scene.id, m.key, names[i]!) }))];
                }),
              ),
            })),
          };
        }),
      ];
    }),
  ) as Record<Lang, CompiledChapter[]>;
  return { chapters, geometry: geometryDefs(used, seen), placesUsed: [...placesUsed].sort() };
}
