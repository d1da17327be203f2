// The compile step, checked over whatever story content/ holds: every drawing is
// made once, keys are scoped to their scene, and across every pair of
// neighbouring chapters exactly the declared hand-overs carry over. A new
// chapter is covered here without new test code.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStory } from "../../../src/story/load.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { COMPILED_LAYOUTS, agreed } from "../../../src/story/compile.ts";
import { LANGS, STAGE_LAYOUTS } from "../../../src/story/config.ts";
import type { Scene } from "../../../src/story/types.ts";
import { CONTENT } from "../support.ts";

const story = loadStory(CONTENT, scenes);
const keysOf = (marks: { key: string }[] | undefined) => new Set((marks ?? []).map((m) => m.key));

describe("compile: each drawing once", () => {
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
      for (const c of loaded.chapters[lang]) {
        for (const st of c.steps) {
          for (const l of COMPILED_LAYOUTS) {
            const k = `${c.scene}/${st.state}/${l}`;
            expected.set(k, (expected.get(k) ?? 0) + 1);
          }
        }
      }
    }
    expect(Object.fromEntries(calls)).toEqual(Object.fromEntries(expected));
  });

  it("keeps the marks of every stage layout and the static layout for every step", () => {
    for (const lang of LANGS) {
      for (const c of story.compiled.chapters[lang]) {
        for (const st of c.steps)
          for (const l of COMPILED_LAYOUTS) expect(st.marks[l]?.length, `${lang} ${st.key} ${l}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("compile: hand-overs between chapters", () => {
  for (const lang of LANGS) {
    const list = story.compiled.chapters[lang];
    list.slice(1).forEach((b, i) => {
      const a = list[i]!;
      it(`${lang}: ${a.slug} → ${b.slug} carries over exactly the declared marks`, () => {
        const declared = agreed(scenes[a.scene], scenes[b.scene]);
        expect(a.hands).toEqual(declared);
        expect(b.receives).toEqual(declared);
        for (const layout of STAGE_LAYOUTS) {
          const from = keysOf(a.steps.at(-1)!.marks[layout]);
          const to = keysOf(b.steps[0]!.marks[layout]);
          const shared = [...from].filter((k) => to.has(k)).sort();
          if (a.scene === b.scene) {
            // One scene over two chapters: its picture simply continues.
            expect(shared.length, `${layout}: the continued picture keeps marks`).toBeGreaterThan(0);
            continue;
          }
          expect(shared, `${layout}: marks shared across the boundary`).toEqual([...declared].sort());
          // Everything else is scoped to its scene, so it leaves or enters.
          for (const k of from) if (!declared.includes(k)) expect(k.startsWith(`${a.scene}/`), `${layout}: ${k}`).toBe(true);
          for (const k of to) if (!declared.includes(k)) expect(k.startsWith(`${b.scene}/`), `${layout}: ${k}`).toBe(true);
        }
      });
    });
  }

  it("scopes every key not handed over to its own scene, in every step", () => {
    for (const lang of LANGS) {
      for (const c of story.compiled.chapters[lang]) {
        const open = new Set([...c.hands, ...c.receives]);
        for (const st of c.steps) {
          for (const l of COMPILED_LAYOUTS) {
            for (const k of keysOf(st.marks[l])) if (!open.has(k)) expect(k, `${lang} ${st.key} ${l}`).toMatch(new RegExp(`^${c.scene}/`));
          }
        }
      }
    }
  });
});

describe("scene declarations", () => {
  it("hand over and receive only keys the scene draws", () => {
    for (const scene of Object.values(scenes)) {
      for (const key of [...(scene.hands ?? []), ...(scene.receives ?? [])]) {
        const drawn = story.compiled.chapters.en
          .filter((c) => c.scene === scene.id)
          .some((c) => c.steps.some((st) => STAGE_LAYOUTS.some((l) => keysOf(st.marks[l]).has(key))));
        expect(drawn, `${scene.id} declares "${key}" but no step of it draws that key`).toBe(true);
      }
    }
  });
});
