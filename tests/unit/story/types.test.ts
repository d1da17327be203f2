// Marks are typed per kind and class names per the figure styles: a mistake in a
// scene is a type error (the `@ts-expect-error` lines below fail the type check,
// `astro check` / `tsc`, the moment they stop being errors). At run time: the class
// list the types allow is exactly the one the figure styles define.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { FIGURE_CLASSES, withoutClass, type ClassList, type Mark } from "../../../src/story/types.ts";
import { registry, type StateOf } from "../../../src/scenes/index.ts";

/** Class selectors of the figure styles beside the scenes (src/scenes/*.css). */
function cssClasses(): Set<string> {
  const css = readdirSync("src/scenes")
    .filter((f) => f.endsWith(".css"))
    .map((f) => readFileSync(`src/scenes/${f}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, ""))
    .join("\n");
  return new Set([...css.matchAll(/\.([a-z][\w-]*)/g)].map((m) => m[1]!));
}

describe("typed marks", () => {
  it("allow exactly the classes the figure styles define", () => {
    const typed = Object.entries(FIGURE_CLASSES).flatMap(([base, mods]) => [base, ...mods]);
    // Besides the marks' classes: the shared sprite's gradient stops (render/static.ts writes them, not a scene).
    expect(readFileSync("src/render/static.ts", "utf8")).toContain('class="fade-stop"');
    expect(new Set([...typed, "fade-stop"])).toEqual(cssClasses());
  });

  it("refuse a mistyped class, another kind's attribute, a missing one, or words on a shape", () => {
    const ok: Mark[] = [
      { key: "a", tag: "rect", attrs: { x: 0, y: 0, width: 1, height: 1, class: "bar bar-hero" } },
      { key: "b", tag: "text", text: "B", attrs: { x: 0, y: 0, "font-size": 12, class: "lbl lbl-muted lbl-strong" } },
      { key: "c", tag: "g", attrs: { transform: "scale(2)" }, children: [] },
    ];
    const wrong: Mark[] = [
      // @ts-expect-error: "lbl-strnog" is no class the styles define
      { key: "a", tag: "text", text: "A", attrs: { x: 0, y: 0, "font-size": 12, class: "lbl lbl-strnog" } },
      // @ts-expect-error: a modifier of another base
      { key: "b", tag: "rect", attrs: { x: 0, y: 0, width: 1, height: 1, class: "bar marker-hero" } },
      // @ts-expect-error: a rect has no radius
      { key: "c", tag: "rect", attrs: { x: 0, y: 0, width: 1, height: 1, r: 3 } },
      // @ts-expect-error: a circle needs its centre
      { key: "d", tag: "circle", attrs: { r: 3 } },
      // @ts-expect-error: only text marks carry words
      { key: "e", tag: "path", text: "E", attrs: { d: "M0,0" } },
    ];
    expect(ok.length + wrong.length).toBe(8);
  });

  it("drop a modifier and keep a class list", () => {
    expect(withoutClass("arc arc-strong arc-broken", "arc-broken")).toBe("arc arc-strong");
    expectTypeOf(withoutClass("arc arc-broken", "arc-broken")).toEqualTypeOf<ClassList>();
  });
});

describe("the scene registry", () => {
  it("keeps each scene's state names as types", () => {
    expectTypeOf<StateOf<"hunt">>().toEqualTypeOf<(typeof registry.hunt.states)[number]>();
    expectTypeOf<"tsmc">().toExtend<StateOf<"hunt">>();
    expectTypeOf<"no-such-state">().not.toExtend<StateOf<"hunt">>();
    // @ts-expect-error: no scene is called "hunted"
    expect(registry.hunted).toBeUndefined();
    expect(registry.hunt.states).toContain("tsmc");
  });
});
