// Every registered scene, every state, both layouts, both languages: marks are
// pure (same input, same output), keyed uniquely, numerically sound, with every
// text inside the viewBox and every shared symbol they use drawn on the page.

import { describe, expect, it } from "vitest";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { type Layout, type Mark, type Tag } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, walk, LANGS } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const TAGS: readonly Tag[] = ["g", "svg", "path", "rect", "circle", "line", "text", "use"];

const cases = Object.values(scenes).flatMap((scene) =>
  scene.states.flatMap((state) => LAYOUT_LIST.flatMap((layout) => LANGS.map((lang) => ({ scene, state, layout, lang })))),
);

/** Applies an SVG transform list of translate()/scale() to a point. */
function applyTransform(transform: string, [x, y]: [number, number]): [number, number] {
  const ops = [...transform.matchAll(/(\w+)\(([^)]*)\)/g)].map(
    (m) =>
      [
        m[1]!,
        m[2]!
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number),
      ] as const,
  );
  expect(transform.replace(/(\w+)\(([^)]*)\)/g, "").trim(), `unparsed transform "${transform}"`).toBe("");
  for (const [op, args] of ops.reverse()) {
    if (op === "translate") [x, y] = [x + args[0]!, y + (args[1] ?? 0)];
    else if (op === "scale") [x, y] = [x * args[0]!, y * (args[1] ?? args[0]!)];
    else throw new Error(`this test does not know the transform ${op}(): teach applyTransform`);
  }
  return [x, y];
}

function checkSiblings(marks: Mark[], where: string): void {
  const keys = marks.map((m) => m.key);
  const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
  expect(dupes, `duplicate keys among siblings in ${where}`).toEqual([]);
  for (const m of marks) if (m.children) checkSiblings(m.children, `${where} > ${m.key}`);
}

describe("the scene registry", () => {
  it("registers each scene under its own id, with unique kebab-case states", () => {
    expect(Object.keys(scenes).length).toBeGreaterThanOrEqual(2);
    for (const [id, scene] of Object.entries(scenes)) {
      expect(scene.id).toBe(id);
      expect(new Set(scene.states).size).toBe(scene.states.length);
      for (const s of scene.states) expect(s).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });
});

describe.each(cases)("$scene.id / $state / $layout / $lang", ({ scene, state, layout, lang }) => {
  const ctx = ctxFor(scene.id, layout, lang);
  const marks = scene.marks(state, ctx);
  const all = [...walk(marks)];

  it("is deterministic: the same input gives deep-equal marks", () => {
    expect(scene.marks(state, ctx)).toEqual(marks);
    expect(scene.marks(state, ctxFor(scene.id, layout, lang))).toEqual(marks);
  });

  it("keys marks uniquely among siblings, at every depth", () => {
    expect(marks.length).toBeGreaterThan(0);
    checkSiblings(marks, `${scene.id}/${state}`);
    for (const { mark } of all) {
      expect(mark.key).toMatch(/\S/);
      expect(TAGS).toContain(mark.tag);
    }
  });

  it("has only finite numbers in attrs, enter and exit", () => {
    for (const { mark } of all) {
      for (const attrs of [mark.attrs, mark.enter ?? {}, mark.exit ?? {}]) {
        for (const [k, v] of Object.entries(attrs)) {
          if (typeof v === "number") expect(Number.isFinite(v), `${mark.key}.${k} = ${v}`).toBe(true);
          else expect(v, `${mark.key}.${k}`).not.toMatch(/NaN|Infinity|undefined|null/);
        }
      }
    }
  });

  it("places every text inside the viewBox, with non-empty text", () => {
    for (const { mark, parents } of all) {
      if (mark.tag !== "text") continue;
      expect(mark.text, `${mark.key} has text`).toMatch(/\S/);
      let p: [number, number] = [Number(mark.attrs.x), Number(mark.attrs.y)];
      for (const parent of [...parents].reverse()) {
        if (typeof parent.attrs.transform === "string") p = applyTransform(parent.attrs.transform, p);
      }
      expect(p[0], `${mark.key} x`).toBeGreaterThanOrEqual(0);
      expect(p[0], `${mark.key} x`).toBeLessThanOrEqual(ctx.width);
      expect(p[1], `${mark.key} y`).toBeGreaterThanOrEqual(0);
      expect(p[1], `${mark.key} y`).toBeLessThanOrEqual(ctx.height);
    }
  });
});

describe("shared geometry", () => {
  // One sprite for every scene, layout and language: the union of what the scenes declare.
  const defs = geometryDefs(Object.values(scenes).flatMap((s) => s.geometry ?? []));
  const ids = (_lang: (typeof LANGS)[number]) => defs;

  it("gives every symbol of the page's sprite a unique id and either a non-empty path or a fade", () => {
    const list = defs.map((d) => d.id);
    expect(list.filter((id, i) => list.indexOf(id) !== i)).toEqual([]);
    for (const d of defs) {
      if (d.fade) expect(["down", "up", "left", "right"]).toContain(d.fade);
      else expect(d.d).toMatch(/^M[\d.-]/);
    }
  });

  it("fills every url(#…) a mark references from the sprite", () => {
    const known = new Set(defs.map((d) => d.id));
    for (const { scene, state, layout, lang } of cases) {
      for (const { mark } of walk(scene.marks(state, ctxFor(scene.id, layout, lang)))) {
        const ref = /^url\(#(.+)\)$/.exec(String(mark.attrs.fill ?? ""));
        if (ref) expect(known, `${scene.id}/${state}: ${mark.key}`).toContain(ref[1]);
      }
    }
  });

  it("draws every symbol a <use> references, in every layout", () => {
    for (const lang of LANGS) {
      const known = new Set(ids(lang).map((d) => `#${d.id}`));
      for (const { scene, state, layout } of cases.filter((c) => c.lang === lang)) {
        for (const { mark } of walk(scene.marks(state, ctxFor(scene.id, layout, lang)))) {
          if (mark.tag === "use") expect(known, `${scene.id}/${state}/${layout}: ${mark.key}`).toContain(mark.attrs.href);
        }
      }
    }
  });
});
