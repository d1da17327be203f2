// The one compile step: every scene × state × layout × language is drawn once,
// here, and the result feeds the static figures, the stage data, the share of
// shared geometry and the checks. Keys are scoped to their scene, except marks
// a chapter declares it receives from the chapter before (`receives:` in its
// front matter), which the build checks both pictures draw, so nothing carries
// across a chapter boundary by accident, and a reordering cannot hand a mark to
// a chapter that did not ask for it.

import type { Facts } from "./facts.ts";
import type { LabelTree } from "./labels.ts";
import { labelText, lookup } from "./labels.ts";
import type { ParsedChapter } from "./markdown.ts";
import { LANDSCAPE_LAYOUT, LAYOUTS, STAGE_LAYOUTS, STATIC_LAYOUT, perLang, type Lang, type Layout } from "./config.ts";
import type { DataTable, LineKeyWords, Mark, Scene, SceneContext, SymbolDef } from "./types.ts";
import { framesSeen, geometryDefs, symbolId, type Frame } from "../scenes/geometry.ts";
import { StoryError } from "./errors.ts";
import { formatFact } from "./facts.ts";
import { lineInFile } from "./where.ts";
import { basename } from "node:path";
import { centringShift, shiftPicture } from "../render/crop.ts";
import { typeOf } from "../scenes/figure.ts";
import { FILL_LAYOUTS, ONE_ZOOM_PER_RUN, ZOOMS, fillRoom, oneZoom, runZooms, scaleMarks, zoomed } from "../render/zoom.ts";

export interface CompiledStep {
  /** "SLUG--STATE": the element id and deep-link hash. */
  id: string;
  /** "SLUG/STATE": data-step and data-figure. */
  key: string;
  state: string;
  html: string;
  /** The figure's text alternative, in the chapter's language. */
  alt: string;
  /**
   * The printed figure's own alternative, where the page draws more than the step does
   * (label "scenes.SCENE.printAlt.STATE"); without it the print figure reuses `alt`.
   */
  printAlt?: string;
  /** The figure's numbers as a table (scenes that have numbers). */
  table?: DataTable | null;
  marks: Partial<Record<Layout, Mark[]>>;
}

export interface CompiledChapter {
  slug: string;
  title: string;
  scene: string;
  /** Keys received from the chapter before (its front matter) and handed to the chapter after (what that one receives). */
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

/** Every layout a build draws: the stage's, the static figure's and the short screen's static figure's. */
export const COMPILED_LAYOUTS: readonly Layout[] = [...new Set([...STAGE_LAYOUTS, STATIC_LAYOUT, LANDSCAPE_LAYOUT])];

/**
 * The names top-level marks have on the page, chapter by chapter. A key is its
 * scene's own ("scene/key"), except a hand-over: from the chapter that first hands
 * it on, it is called "key~slug", and keeps that name for as long as each next
 * chapter receives it. So a mark moves across exactly the boundaries that declare
 * it, and two unrelated hand-overs of the same key never meet.
 */
function keyNames(list: { slug: string; scene: string; receives: readonly string[] }[]): Map<string, string>[] {
  // Neighbouring chapters with one scene form a block: their picture simply continues.
  const blocks: { start: number; end: number }[] = [];
  list.forEach((c, i) => {
    if (i > 0 && list[i - 1]!.scene === c.scene) blocks.at(-1)!.end = i;
    else blocks.push({ start: i, end: i });
  });
  const out: Map<string, string>[] = [];
  let incoming = new Map<string, string>();
  for (const { start, end } of blocks) {
    const names = new Map<string, string>();
    for (const k of list[start]!.receives) names.set(k, incoming.get(k)!);
    for (const k of list[end + 1]?.receives ?? []) if (!names.has(k)) names.set(k, `${k}~${list[start]!.slug}`);
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
  /** The drawn key in full words: chapter 1's, which teaches it. */
  fullKey = false,
): SceneContext {
  const { width, height } = LAYOUTS[layout];
  const lineKey = lineKeyWords(labels, fullKey);
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
    ...(lineKey ? { lineKey } : {}),
  };
}

/** The figure words a scene asked for and the states it drew. */
export interface Asked {
  keys: Set<string>;
  states: Set<string>;
}

/**
 * The figure words each scene asks for (`ctx.t`) when every one of its states is drawn in every layout: what the
 * story's own drawing asked (`asked`, from compileStory), and the states it did not draw drawn here (a story may
 * tell a scene in part, as the sample story does). The check that no word in a scene's label file is left over.
 */
export function labelsDrawn(
  asked: Map<string, Asked>,
  scenes: Record<string, Scene>,
  facts: Facts,
  labels: LabelTree,
  lang: Lang,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, { keys, states }] of asked) {
    const scene = scenes[id]!;
    const all = new Set(keys);
    const rest = scene.states.filter((s) => !states.has(s));
    for (const l of rest.length ? COMPILED_LAYOUTS : []) {
      const ctx = sceneContext(id, l, facts, labels, lang);
      const recording: SceneContext = { ...ctx, t: (key) => (all.add(key), ctx.t(key)) };
      for (const state of rest) {
        scene.marks(state, recording);
        scene.table?.(state, recording);
      }
    }
    out.set(id, all);
  }
  return out;
}

/** Where a scene's label key stands in its file: a scene's own file (labels/<lang>/<scene>.json) holds it without "scenes.<scene>". */
export const labelPath = (file: string, scene: string, key: string): string[] =>
  basename(file) === `${scene}.json` ? key.split(".") : ["scenes", scene, ...key.split(".")];

type Drawn = Record<Layout, Mark[]>[];

/**
 * A declared hand-over must be drawn on both sides of its boundary: the chapter
 * before draws each received key as a top-level mark in its last step, and the
 * receiving chapter in its first, in every stage layout (where the mark moves).
 * Any state before the last would not do: the stage crosses the boundary from
 * the last step. A chapter that continues the scene before it has nothing to receive.
 */
function checkHandOvers(list: ParsedChapter[], drawn: Drawn[]): void {
  list.forEach((c, i) => {
    if (c.receives.length === 0) return;
    const line = c.keyLines.receives ?? 2;
    const before = list[i - 1];
    if (!before)
      throw new StoryError(c.file, line, "the first chapter receives marks, but no chapter comes before it", "remove `receives`");
    if (before.scene === c.scene)
      throw new StoryError(
        c.file,
        line,
        `the chapter before (${before.file}) draws the same scene "${c.scene}", whose picture simply continues`,
        "remove `receives`: every mark of the scene carries on",
      );
    for (const key of c.receives) {
      for (const [who, step, marks] of [
        [before, before.steps.at(-1)!, drawn[i - 1]!.at(-1)!],
        [c, c.steps[0]!, drawn[i]![0]!],
      ] as const) {
        const missing = STAGE_LAYOUTS.filter((l) => !marks[l].some((m) => m.key === key));
        if (missing.length === 0) continue;
        const side = who === c ? "this chapter's first step" : `its last step (${before.file}:${step.line})`;
        throw new StoryError(
          c.file,
          line,
          `receives "${key}" from the chapter before ("${before.slug}"), but ${side}, scene "${who.scene}" in state "${step.state}", draws no top-level mark "${key}" (layout ${missing.join(", ")})`,
          `draw a mark with key "${key}" in scene "${who.scene}", state "${step.state}", or remove "${key}" from \`receives\` (after a reordering: declare what the new chapter before can hand over)`,
        );
      }
    }
  });
}

/**
 * Each stage layout's picture centred in the room above its caption (src/render/crop.ts
 * centringShift): one shift for a run of chapters that draw one scene, whose picture simply
 * continues, so nothing moves between their steps; on the phone's stages (upright and on its
 * side) one for each stretch of the run drawn at one zoom (`zooms`, src/render/zoom.ts: where the zoom changes, the
 * picture moves anyway). The static layouts are cropped to what they draw instead (printCrop).
 */
function centreOnStage(list: ParsedChapter[], drawn: Drawn[], zooms: Partial<Record<Layout, number[][]>>): void {
  let start = 0;
  for (let i = 1; i <= list.length; i++) {
    if (i < list.length && list[i]!.scene === list[start]!.scene) continue;
    const steps = drawn.slice(start, i).flat();
    for (const l of STAGE_LAYOUTS) {
      const z = zooms[l]?.slice(start, i).flat();
      // stretches of steps that share one shift
      const groups: Drawn[number][][] = [];
      steps.forEach((s, n) => {
        if (n === 0 || (z && z[n] !== z[n - 1])) groups.push([]);
        groups.at(-1)!.push(s);
      });
      for (const group of groups) {
        const dy = centringShift(
          group.map((s) => s[l]),
          LAYOUTS[l].height,
          typeOf({ layout: l }).pad,
        );
        for (const s of group) s[l] = shiftPicture(s[l], dy);
      }
      // the short screen's run drawn as large as its room lets it (src/render/zoom.ts fillRoom)
      if (FILL_LAYOUTS.has(l)) {
        const filled = fillRoom(
          steps.map((s) => s[l]),
          LAYOUTS[l].width,
          LAYOUTS[l].height,
          typeOf({ layout: l }).pad,
          z ?? [1],
          ZOOMS[l] ?? 1,
        );
        steps.forEach((s, n) => (s[l] = filled[n]!));
      }
    }
    start = i;
  }
}

/** The label (content/labels/<lang>.json) that words the piece's line-style key in a sentence: a printed caption's. */
export const LINE_KEY = "ui.lineKey";

/**
 * The drawn key's words (SceneContext.lineKey) from the language's labels: "ui.keySolid", "ui.keyDashed",
 * "ui.keyDotted", one word each; with `full`, chapter 1's, which teaches the key: "ui.keyDashedFull", "ui.keyDottedFull"
 * (solid is "reported" in both). A story without them draws no key.
 */
function lineKeyWords(labels: LabelTree, full: boolean): LineKeyWords | undefined {
  const word = (k: string) => lookup(labels, `ui.${k}`);
  const [solid, dashed, dotted] = [
    word("keySolid"),
    word(full ? "keyDashedFull" : "keyDashed"),
    word(full ? "keyDottedFull" : "keyDotted"),
  ];
  return typeof solid === "string" && typeof dashed === "string" && typeof dotted === "string" ? { solid, dashed, dotted } : undefined;
}

export function compileStory(
  langs: readonly Lang[],
  parsed: Record<Lang, ParsedChapter[]>,
  scenes: Record<string, Scene>,
  facts: Facts,
  labels: Record<Lang, LabelTree>,
  /** The file that holds a scene's words, per language (for error messages). */
  labelFiles: Record<Lang, (scene: string) => string>,
  /** The facts file, for error messages. */
  factsFile = "content/facts.json",
  /** Filled, if given, with the figure words each scene asked for and the states it drew, per language (checkLabelsDrawn). */
  asked?: Record<Lang, Map<string, Asked>>,
): CompiledStory {
  const used = new Set<string>();
  const seen = new Map<string, Frame>();
  const placesUsed = new Set<string>();
  const chapters = perLang(langs, (lang): CompiledChapter[] => {
    const list = parsed[lang]!;
    const labelFile = labelFiles[lang]!;
    const names = keyNames(list);
    const contexts = list.map(({ scene }, i) => {
      const record = asked ? ((asked[lang] ??= new Map()).get(scene) ?? { keys: new Set<string>(), states: new Set<string>() }) : null;
      if (record) {
        asked![lang]!.set(scene, record);
        for (const s of list[i]!.steps) record.states.add(s.state);
      }
      return Object.fromEntries(
        COMPILED_LAYOUTS.map((l) => {
          const ctx = sceneContext(scene, l, facts, labels[lang]!, lang, labelFile(scene), placesUsed, factsFile, i === 0);
          return [l, record ? { ...ctx, t: (key: string) => (record.keys.add(key), ctx.t(key)) } : ctx];
        }),
      ) as Record<Layout, SceneContext>;
    });
    // The phone's stage, upright and on its side, and the desktop's compose each step for the room it has
    // (src/render/zoom.ts ZOOMS), over each run of one scene (the desktop's at one zoom: ONE_ZOOM_PER_RUN); each
    // step drawn once at each zoom tried, the drawing at the zoom chosen kept.
    const zoomedLayouts = Object.keys(ZOOMS) as Layout[];
    const zooms = Object.fromEntries(zoomedLayouts.map((l) => [l, list.map((c) => c.steps.map(() => 1))])) as Partial<
      Record<Layout, number[][]>
    >;
    const statics = list.map((c, i) => c.steps.map((s) => scenes[c.scene]!.marks(s.state, contexts[i]![STATIC_LAYOUT])));
    const cache = new Map<string, Mark[]>();
    const drawZoomed = (i: number, k: number, ctx: SceneContext): Mark[] => {
      const key = `${i}/${k}/${ctx.layout}/${ctx.width}`;
      if (!cache.has(key)) cache.set(key, scenes[list[i]!.scene]!.marks(list[i]!.steps[k]!.state, ctx));
      return cache.get(key)!;
    };
    for (let start = 0, i = 1; i <= list.length; i++) {
      if (i < list.length && list[i]!.scene === list[start]!.scene) continue;
      const run = list.slice(start, i).flatMap((c, j) => c.steps.map((_, k) => ({ chapter: start + j, step: k })));
      for (const l of zoomedLayouts) {
        const z = (ONE_ZOOM_PER_RUN.has(l) || scenes[list[start]!.scene]!.toScale ? oneZoom : runZooms)(
          run.length,
          (n, ctx) => drawZoomed(run[n]!.chapter, run[n]!.step, ctx),
          contexts[start]![l],
          ZOOMS[l],
        );
        run.forEach((r, n) => (zooms[l]![r.chapter]![r.step] = z[n]!));
      }
      start = i;
    }
    const drawn: Drawn[] = list.map((c, i) =>
      c.steps.map(
        (s, k) =>
          Object.fromEntries(
            COMPILED_LAYOUTS.map((l) => {
              const z = zooms[l]?.[i]![k]!;
              const marks = z
                ? scaleMarks(drawZoomed(i, k, zoomed(contexts[i]![l], z)), z)
                : l === STATIC_LAYOUT
                  ? statics[i]![k]!
                  : scenes[c.scene]!.marks(s.state, contexts[i]![l]);
              framesSeen(marks, LAYOUTS[l].width, LAYOUTS[l].height, seen);
              return [l, marks];
            }),
          ) as Record<Layout, Mark[]>,
      ),
    );
    checkHandOvers(list, drawn);
    centreOnStage(list, drawn, zooms);
    /** A printed figure's own alternative, where its scene's words have one ("scenes.SCENE.printAlt.STATE"). */
    const printAltOf = (scene: string, state: string): { printAlt?: string } => {
      const key = `scenes.${scene}.printAlt.${state}`;
      if (lookup(labels[lang]!, key) === undefined) return {};
      return {
        printAlt: labelText(labels[lang]!, key, facts, lang, labelFile(scene), "", labelPath(labelFile(scene), scene, `printAlt.${state}`)),
      };
    };
    return list.map((c, i): CompiledChapter => {
      const scene = scenes[c.scene]!;
      for (const g of scene.geometry ?? []) used.add(g);
      return {
        slug: c.slug,
        title: c.title,
        scene: c.scene,
        receives: [...c.receives],
        hands: [...(list[i + 1]?.receives ?? [])],
        handoverNames: Object.fromEntries(names[i]!),
        steps: c.steps.map((s, j) => ({
          id: `${c.slug}--${s.state}`,
          key: `${c.slug}/${s.state}`,
          state: s.state,
          html: s.html,
          alt: labelText(
            labels[lang]!,
            `scenes.${scene.id}.alt.${s.state}`,
            facts,
            lang,
            labelFile(scene.id),
            `add "${s.state}" under "scenes" → "${scene.id}" → "alt": a sentence saying what the figure shows`,
            labelPath(labelFile(scene.id), scene.id, `alt.${s.state}`),
          ),
          ...printAltOf(scene.id, s.state),
          table: scene.table?.(s.state, contexts[i]![STATIC_LAYOUT]) ?? null,
          marks: Object.fromEntries(
            COMPILED_LAYOUTS.map((l) => [l, drawn[i]![j]![l].map((m) => ({ ...m, key: pageKey(scene.id, m.key, names[i]!) }))]),
          ),
        })),
      };
    });
  });
  return { chapters, geometry: geometryDefs(used, seen), placesUsed: [...placesUsed].sort() };
}
