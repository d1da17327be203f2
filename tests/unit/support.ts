// Shared helpers for the unit tests: the real facts and labels, scene contexts,
// a walk over nested marks, and a loader that returns the StoryError a content
// tree raises. Not a test file itself (vitest only collects *.test.ts).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { StoryError } from "../../src/story/errors.ts";
import { parseFacts, type Facts } from "../../src/story/facts.ts";
import { parseLabels, type LabelTree } from "../../src/story/labels.ts";
import { loadStory, sceneContext, type LoadedStory } from "../../src/story/load.ts";
import { scenes } from "../../src/scenes/index.ts";
import { isCaption } from "../../src/scenes/figure.ts";
import { marksExtent } from "../../src/scenes/extent.ts";
import { langsOf } from "../../src/story/config.ts";
import { loadStoryConfig } from "../../src/story/storyConfig.ts";
import type { AttrName, Lang, Layout, Mark, SceneContext } from "../../src/story/types.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CONTENT = join(ROOT, "content");
/** The real story's languages (content/story.json), in order. */
export const LANGS: readonly Lang[] = langsOf(loadStoryConfig(CONTENT));

let facts: Facts | undefined;
export function realFacts(): Facts {
  facts ??= parseFacts(readFileSync(join(CONTENT, "facts.json"), "utf8"), "content/facts.json", LANGS);
  return facts;
}

let story: LoadedStory | undefined;
/** The real content/, loaded once per test file. */
export function realStory(): LoadedStory {
  story ??= loadStory(CONTENT, scenes);
  return story;
}

/** The real labels as the build merges them: labels/<lang>.json plus labels/<lang>/<scene>.json. */
export function realLabels(lang: Lang): LabelTree {
  return realStory().labels[lang]!;
}

/** A scene's state as the built stage draws it in a layout (the phone's composed for its room), keys as the scene gives them. */
export function builtMarks(scene: string, lang: string, state: string, layout: Layout): Mark[] | undefined {
  const step = realStory()
    .compiled.chapters[lang]!.filter((c) => c.scene === scene)
    .flatMap((c) => c.steps)
    .find((st) => st.state === state);
  const marks = step?.marks[layout];
  return marks ? unscope(marks) : undefined;
}

/**
 * The share of a stage `height` units tall that a step's picture (its marks but the caption strip) covers top to
 * bottom, as the built stage draws it (graphics review 56, item 5: on the desktop pictures ending halfway down).
 */
export function pictureShare(marks: Mark[], height: number): number {
  const b = marksExtent(
    marks.filter((m) => !isCaption(m)),
    { y0: 0, y1: height },
  );
  return b ? (b.y1 - b.y0) / height : 0;
}

/** The context the build gives a scene: real facts, real labels. */
export function ctxFor(scene: string, layout: Layout, lang: Lang): SceneContext {
  return sceneContext(scene, layout, realFacts(), realLabels(lang), lang);
}

/** Every mark, depth first, with the chain of its ancestors. */
export function* walk(marks: Mark[], parents: Mark[] = []): Generator<{ mark: Mark; parents: Mark[] }> {
  for (const mark of marks) {
    yield { mark, parents };
    if (mark.children) yield* walk(mark.children, [...parents, mark]);
  }
}

export function find(marks: Mark[], key: string): Mark | undefined {
  for (const { mark } of walk(marks)) if (mark.key === key) return mark;
  return undefined;
}

/** The words of a (possibly wrapped) label: its lines `${key}-0`, `${key}-1`… joined by spaces. */
export function labelText(marks: Mark[], key: string): string | undefined {
  const lines: string[] = [];
  for (let i = 0; ; i++) {
    const m = find(marks, `${key}-${i}`);
    if (!m) break;
    expect(m.tag).toBe("text");
    lines.push(m.text ?? "");
  }
  return lines.length ? lines.join(" ") : undefined;
}

/**
 * Marks as the built story keeps them (each key scoped by its chapter, "slug/key", and a zoomed copy's "~n" suffix),
 * with the keys the scene gave them, children too.
 */
export function unscope(ms: Mark[]): Mark[] {
  return ms.map(
    (m) =>
      ({
        ...m,
        key: m.key.replace(/^[^/]*\//, "").replace(/~.*$/, ""),
        ...(m.children ? { children: unscope(m.children) } : {}),
      }) as Mark,
  );
}

export function texts(marks: Mark[]): Mark[] {
  return [...walk(marks)].map((w) => w.mark).filter((m) => m.tag === "text");
}

export const num = (m: Mark, attr: AttrName): number => {
  const v = m.attrs[attr];
  if (typeof v !== "number") throw new Error(`mark "${m.key}" has no numeric "${attr}" (got ${JSON.stringify(v)})`);
  return v;
};

/** Loads a content dir (a patched copy, see patch.ts) with the real scenes and returns the StoryError it must raise. */
export function loadError(dir: string): StoryError {
  let thrown: unknown;
  try {
    loadStory(dir, scenes);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `${dir} should not load`).toBeInstanceOf(StoryError);
  return thrown as StoryError;
}

/** Same, for a single parse step that must fail. */
export function errorOf(fn: () => unknown): StoryError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "expected a StoryError").toBeInstanceOf(StoryError);
  return thrown as StoryError;
}
