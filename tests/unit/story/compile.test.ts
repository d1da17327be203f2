// The compile step, checked over whatever story content/ holds: every drawing is
// made once, keys are scoped to their scene, and across every pair of
// neighbouring chapters exactly the hand-overs the chapters declare carry over. A new
// chapter is covered here without new test code.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSampleStory } from "../../../scripts/sample-story.ts";
import { loadStory } from "../../../src/story/load.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { COMPILED_LAYOUTS, sceneContext } from "../../../src/story/compile.ts";
import { STAGE_LAYOUTS } from "../../../src/story/config.ts";
import type { Layout, Scene } from "../../../src/story/types.ts";
import { CONTENT, LANGS, errorOf, realFacts, realLabels, realStory } from "../support.ts";
import { lineOfKey } from "../patch.ts";
import { ZOOMS } from "../../../src/render/zoom.ts";

const story = realStory();
// The generated 8-chapter sample story too: more boundaries, a scene handed on twice, a scene over two chapters.
const sampleDir = mkdtempSync(join(tmpdir(), "sample-story-"));
writeSampleStory(sampleDir);
const sample = loadStory(sampleDir, scenes);
afterAll(() => rmSync(sampleDir, { recursive: true, force: true }));
const keysOf = (marks: { key: string }[] | undefined) => new Set((marks ?? []).map((m) => m.key));

describe("compile: each drawing once (the phone's once per zoom tried)", () => {
  it("calls every scene's marks() exactly once per step, layout and language", () => {
    const calls = new Map<string, number>();
    const counting = Object.fromEntries(
      Object.entries(scenes).map(([id, s]) => [
        id,
        {
          ...s,
          marks: (state: string, ctx: Parameters<Scene["marks"]>[1]) => {
            const k = `${id}/${state}/${ctx.layout}`;
            calls.set(k, (calls.get(k) ?? 0) + 1);
            return s.marks(state, ctx);
          },
        } as Scene,
      ]),
    );
    const loaded = loadStory(join(CONTENT), counting);
    const expected = new Map<string, number>();
    for (const lang of LANGS) {
      for (const c of loaded.chapters[lang]!) {
        for (const st of c.steps) {
          for (const l of COMPILED_LAYOUTS) {
            const k = `${c.scene}/${st.state}/${l}`;
            expected.set(k, (expected.get(k) ?? 0) + 1);
          }
        }
      }
      // A state no step shows (chain's "lead", the opening's own picture) is drawn once per layout and language
      // for the check that no word of the scene's label file is left over (src/story/compile.ts labelsDrawn).
      const scenesUsed = new Set(loaded.chapters[lang]!.map((c) => c.scene));
      for (const id of scenesUsed) {
        const shown = new Set(loaded.chapters[lang]!.filter((c) => c.scene === id).flatMap((c) => c.steps.map((st) => st.state)));
        for (const state of scenes[id]!.states.filter((st) => !shown.has(st)))
          for (const l of COMPILED_LAYOUTS) expected.set(`${id}/${state}/${l}`, (expected.get(`${id}/${state}/${l}`) ?? 0) + 1);
      }
    }
    // The phone's stages (upright and on its side) draw a step once at each zoom they try (src/render/zoom.ts ZOOMS:
    // 1, then the layout's largest down by 0.05 to the first that fits) and keep the drawing at the zoom chosen: at
    // least once, at most once per zoom.
    const zoomedLayout = (k: string) => Object.keys(ZOOMS).find((l) => k.endsWith(`/${l}`));
    const phone = (k: string) => zoomedLayout(k) !== undefined;
    const tries = (k: string) => 1 + Math.round((ZOOMS[zoomedLayout(k) as Layout]! - 1) / 0.05);
    const only = (m: Map<string, number>, keep: boolean) => Object.fromEntries([...m].filter(([k]) => phone(k) === keep));
    expect(only(calls, false)).toEqual(only(expected, false));
    for (const [k, n] of Object.entries(only(expected, true))) {
      expect(calls.get(k) ?? 0, k).toBeGreaterThanOrEqual(n);
      expect(calls.get(k) ?? 0, k).toBeLessThanOrEqual(n * tries(k));
    }
    expect(Object.keys(only(calls, true)).sort()).toEqual(Object.keys(only(expected, true)).sort());
  });

  it("keeps the marks of every stage layout and the static layout for every step", () => {
    for (const lang of LANGS) {
      for (const c of story.compiled.chapters[lang]!) {
        for (const st of c.steps)
          for (const l of COMPILED_LAYOUTS) expect(st.marks[l]?.length, `${lang} ${st.key} ${l}`).toBeGreaterThan(0);
      }
    }
  });
});

for (const [name, loaded] of [
  ["story", story],
  ["sample story", sample],
] as const) {
  describe(`compile: hand-overs between chapters (${name})`, () => {
    // every language of the loaded story: the sample story has a third
    const langs = loaded.config.languages.map((l) => l.code);
    for (const lang of langs) {
      const list = loaded.compiled.chapters[lang]!;
      list.slice(1).forEach((b, i) => {
        const a = list[i]!;
        it(`${lang}: ${a.slug} → ${b.slug} carries over exactly the declared marks`, () => {
          // What the receiving chapter's front matter declares (identical in every language).
          const declared = loaded.chapters[lang]![i + 1]!.receives;
          expect(a.hands).toEqual(declared);
          expect(b.receives).toEqual(declared);
          // Both sides call each handed mark by the same page name.
          for (const k of declared) expect(b.handoverNames[k], k).toBe(a.handoverNames[k]);
          for (const layout of STAGE_LAYOUTS) {
            const from = keysOf(a.steps.at(-1)!.marks[layout]);
            const to = keysOf(b.steps[0]!.marks[layout]);
            const shared = [...from].filter((k) => to.has(k)).sort();
            if (a.scene === b.scene) {
              // One scene over two chapters: its picture simply continues.
              expect(shared.length, `${layout}: the continued picture keeps marks`).toBeGreaterThan(0);
              continue;
            }
            expect(shared, `${layout}: marks shared across the boundary`).toEqual(declared.map((k) => a.handoverNames[k]!).sort());
            // Everything else is scoped to its scene, so it leaves or enters.
            const names = new Set(Object.values(a.handoverNames).concat(Object.values(b.handoverNames)));
            for (const k of [...from, ...to])
              if (!shared.includes(k)) expect(names.has(k) || /^[a-z0-9-]+\//.test(k), `${layout}: ${k}`).toBe(true);
          }
        });
      });
    }

    it("scopes every key that is not a hand-over to its own scene, in every step", () => {
      for (const lang of langs) {
        for (const c of loaded.compiled.chapters[lang]!) {
          const open = new Set(Object.values(c.handoverNames));
          for (const st of c.steps) {
            for (const l of COMPILED_LAYOUTS) {
              for (const k of keysOf(st.marks[l]))
                if (!open.has(k)) expect(k, `${lang} ${st.key} ${l}`).toMatch(new RegExp(`^${c.scene}/`));
            }
          }
        }
      }
    });

    it("never lets two chapters that do not agree share a mark, even far apart", () => {
      // Over every pair of chapters: a page key found in both belongs to their common scene, or to one run of hand-overs between them.
      for (const lang of langs) {
        const list = loaded.compiled.chapters[lang]!;
        const all = list.map((c) => new Set(c.steps.flatMap((st) => STAGE_LAYOUTS.flatMap((l) => [...keysOf(st.marks[l])]))));
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            for (const k of all[i]!) {
              if (!all[j]!.has(k)) continue;
              const sameScene = list[i]!.scene === list[j]!.scene && k.startsWith(`${list[i]!.scene}/`);
              // A run: every chapter from i to j calls k by the same name.
              const run = list
                .slice(i, j + 1)
                .every((c) => Object.values(c.handoverNames).includes(k) || (c.scene === list[i]!.scene && k.startsWith(`${c.scene}/`)));
              expect(sameScene || run, `${lang}: ${list[i]!.slug} and ${list[j]!.slug} share ${k}`).toBe(true);
            }
          }
        }
      }
    });
  });
}

describe("compile errors name the line of what they are about", () => {
  const factsFile = join(CONTENT, "facts.json");
  const text = readFileSync(factsFile, "utf8");
  const facts = realFacts();
  const scene = Object.keys(scenes)[0]!;
  const ctx = sceneContext(scene, "print", facts, realLabels("de"), "de", "labels/de.json", undefined, factsFile);

  it('a fact a scene needs and the facts file lacks: the facts file, at its "numbers"', () => {
    const e = errorOf(() => ctx.fact("no-such-fact"));
    expect([e.file, e.line]).toEqual([factsFile, lineOfKey(text, ["numbers"])]);
    expect(e.line).toBeGreaterThan(1);
    expect(e.message).toContain(`scene "${scene}" needs the fact "no-such-fact"`);
    expect(e.fix).toBe('add "no-such-fact" under "numbers"');
    expect(errorOf(() => ctx.value("no-such-fact")).line).toBe(e.line);
  });

  it('a place a scene needs and the facts file lacks: the facts file, at its "places"', () => {
    const e = errorOf(() => ctx.place("no-such-place"));
    expect([e.file, e.line]).toEqual([factsFile, lineOfKey(text, ["places"])]);
    expect(e.line).not.toBe(lineOfKey(text, ["numbers"]));
  });
});
