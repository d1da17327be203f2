// Shared shapes are cut to the part of them some figure shows (geometry.ts
// framesSeen, world.ts worldSymbols): the page carries less coastline, and no
// figure, still or in transition, ever shows a cut edge.
import { describe, expect, it } from "vitest";
import { realStory } from "../patch.ts";
import { pathPoints } from "../../../src/scenes/pathData.ts";
import { framesSeen, geometryDefs, zoomOf, type Frame } from "../../../src/scenes/geometry.ts";
import { LAYOUTS, type Layout } from "../../../src/story/config.ts";
import type { Mark } from "../../../src/story/types.ts";
import { LANGS } from "../support.ts";

/** The horizontal extent of a path's points. */
function xExtent(d: string): [number, number] {
  const xs = pathPoints(d).map(([x]) => x);
  return [Math.min(...xs), Math.max(...xs)];
}

/** Every mark of a figure, its windows' and groups' children included. */
const all = (marks: Mark[]): Mark[] => marks.flatMap((m) => [m, ...all(m.children ?? [])]);

/** The map group's translate and scale in a figure, if it has one (in the map's window, where it has one). */
function view(marks: Mark[]): [number, number, number] | null {
  const g = all(marks).find((m) => m.tag === "g" && typeof m.attrs.transform === "string");
  return g ? zoomOf(String(g.attrs.transform)) : null;
}

describe("shared shapes cut to what figures show", () => {
  const { compiled } = realStory();
  const land = compiled.geometry.find((d) => d.id === "geo-land");

  it("cuts the land to less than the whole world, and leaves out shapes no figure uses", () => {
    expect(land).toBeDefined();
    const whole = geometryDefs(["world"]).find((d) => d.id === "geo-land")!;
    expect(land!.d!.length).toBeLessThan(whole.d!.length * 0.8);
    const used = new Set<string>();
    for (const lang of LANGS)
      for (const c of compiled.chapters[lang]!)
        for (const s of c.steps)
          for (const marks of Object.values(s.marks))
            JSON.stringify(marks).replace(/"href":"#([^"]+)"/g, (_, id: string) => (used.add(id), ""));
    for (const d of compiled.geometry.filter((x) => !x.fade)) expect(used, `${d.id} is shipped but no figure uses it`).toContain(d.id);
  });

  it("keeps every frame a map shows, and every frame half-way through a change of view, inside the cut shape", () => {
    const [cx0, cx1] = xExtent(land!.d!);
    let checked = 0;
    for (const lang of LANGS) {
      for (const c of compiled.chapters[lang]!) {
        for (const layout of Object.keys(LAYOUTS) as Layout[]) {
          const views = c.steps.map((s) => (s.marks[layout] ? view(s.marks[layout]!) : null)).filter((v) => v !== null);
          const between = views.slice(1).map((v, i) => v.map((x, j) => (x + views[i]![j]!) / 2) as [number, number, number]);
          // A map seen through a window (a nested svg, hunt.ts mapWindow) shows nothing past the window's sides.
          const windows = c.steps.flatMap((s) => s.marks[layout] ?? []).filter((m) => m.tag === "svg");
          const capW = Math.min(...windows.map((m) => Number(m.attrs.x)));
          const capE = Math.max(...windows.map((m) => Number(m.attrs.x) + Number(m.attrs.width)));
          for (const [tx, , k] of [...views, ...between]) {
            const { width } = LAYOUTS[layout];
            const x0 = (Math.max(0, Number.isFinite(capW) ? capW : 0) - tx) / k;
            const x1 = (Math.min(width, Number.isFinite(capE) ? capE : width) - tx) / k;
            // The land reaches past both sides of the frame (or the cut would show), unless the world itself ends there.
            expect(cx0, `${c.slug} ${layout}`).toBeLessThanOrEqual(Math.max(x0, 8));
            expect(cx1, `${c.slug} ${layout}`).toBeGreaterThanOrEqual(Math.min(x1, LAYOUTS.print.width - 8));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(4);
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
