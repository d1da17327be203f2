// Shared shapes are cut to the part of them some figure shows (geometry.ts
// framesSeen, world.ts worldSymbols): the page carries less coastline, and no
// figure, still or in transition, ever shows a cut edge.
import { describe, expect, it } from "vitest";
import { realStory } from "../patch.ts";
import { pathPoints } from "../../../src/scenes/pathData.ts";
import { framesSeen, geometryDefs, type Frame } from "../../../src/scenes/geometry.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import type { Mark } from "../../../src/story/types.ts";
import { LANGS } from "../support.ts";

/** The horizontal extent of a path's points. */
function xExtent(d: string): [number, number] {
  const xs = pathPoints(d).map(([x]) => x);
  return [Math.min(...xs), Math.max(...xs)];
}

describe("shared shapes cut to what figures show", () => {
  const { compiled } = realStory();

  it("ships no shape no figure uses (no scene draws the world map since the hunt lost its locator, graphics reviews 40-41)", () => {
    const used = new Set<string>();
    for (const lang of LANGS)
      for (const c of compiled.chapters[lang]!)
        for (const s of c.steps)
          for (const marks of Object.values(s.marks))
            JSON.stringify(marks).replace(/"href":"#([^"]+)"/g, (_, id: string) => (used.add(id), ""));
    for (const d of compiled.geometry.filter((x) => !x.fade)) expect(used, `${d.id} is shipped but no figure uses it`).toContain(d.id);
    expect(
      compiled.geometry.find((d) => d.id === "geo-land"),
      "the coastline, though no figure draws a map",
    ).toBeUndefined();
  });

  it("cuts the land to the frames a map shows, and keeps every frame half-way through a change of view inside the cut shape", () => {
    // Two views of the land in a print-sized figure (a zoomed Pacific window and a wider one), as a map scene draws them.
    const { width, height } = LAYOUTS.print;
    const views: [number, number, number][] = [
      [-900, -200, 2.4],
      [-300, -60, 1.3],
    ];
    const marksOf = ([tx, ty, k]: [number, number, number]): Mark[] => [
      {
        key: "g",
        tag: "g",
        attrs: { transform: `translate(${tx},${ty}) scale(${k})` },
        children: [{ key: "l", tag: "use", attrs: { href: "#geo-land" } }],
      },
    ];
    const seen = new Map<string, Frame>();
    for (const v of views) framesSeen(marksOf(v), width, height, seen);
    const land = geometryDefs(["world"], seen).find((d) => d.id === "geo-land")!;
    const whole = geometryDefs(["world"]).find((d) => d.id === "geo-land")!;
    expect(land.d!.length).toBeLessThan(whole.d!.length * 0.8);
    const [cx0, cx1] = xExtent(land.d!);
    const [wx0, wx1] = xExtent(whole.d!);
    const between = views[0]!.map((x, j) => (x + views[1]![j]!) / 2) as [number, number, number];
    for (const [tx, , k] of [...views, between]) {
      const x0 = (0 - tx) / k;
      const x1 = (width - tx) / k;
      // The land reaches past both sides of the frame (or the cut would show), unless the world itself ends there.
      expect(cx0).toBeLessThanOrEqual(Math.max(x0, wx0));
      expect(cx1).toBeGreaterThanOrEqual(Math.min(x1, wx1));
    }
  });

  it("framesSeen maps a figure's frame back through its group's transform", () => {
    const seen = new Map<string, Frame>();
    framesSeen(
      [
        {
          key: "g",
          tag: "g",
          attrs: { transform: "translate(-100,-50) scale(2)" },
          children: [{ key: "l", tag: "use", attrs: { href: "#geo-x" } }],
        },
      ],
      400,
      300,
      seen,
    );
    expect(seen.get("geo-x")).toEqual({ x0: 50, y0: 25, x1: 250, y1: 175 });
    expect(() => framesSeen([{ key: "g", tag: "g", attrs: { transform: "rotate(3)" }, children: [] }], 10, 10, seen)).toThrow(
      /cannot read the transform/,
    );
  });
});
