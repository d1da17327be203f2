import { describe, expect, it } from "vitest";
import { cropBand, printCrop } from "../../../src/render/crop.ts";
import { pathExtent } from "../../../src/scenes/extent.ts";
import type { ClassList, Mark, RectMark } from "../../../src/story/types.ts";

const rect = (key: string, y: number, height: number, cls: ClassList = "bar"): RectMark => ({
  key,
  tag: "rect",
  attrs: { x: 0, y, width: 100, height, class: cls },
});
const note = (key: string, y: number): Mark => ({
  key,
  tag: "text",
  text: "A note",
  attrs: { x: 4, y, "font-size": 14, "text-anchor": "start", class: "note" },
});

describe("the print figure's crop", () => {
  it("reads a path's extent from its points, curves by their true extremes, arcs by their end points", () => {
    // The quadratic from (30,5) bends towards (40,90) but turns back at t = 17/23, y ≈ 67.83: well short of its control point.
    const q = pathExtent("M10,20 L30,5 Q40,90 50,60")!;
    expect(q.y0).toBe(5);
    expect(q.y1).toBeCloseTo(67.83, 2);
    // A cubic symmetric about its middle turns there: 3/4 of the way to its control points.
    expect(pathExtent("M0,0 C10,40 20,40 30,0")).toEqual({ y0: 0, y1: 30 });
    expect(pathExtent("M0 10 A 5 5 0 0 1 20 40 Z")).toEqual({ y0: 10, y1: 40 });
    expect(pathExtent("M0,0 V 70")).toEqual({ y0: 0, y1: 70 });
    // Relative data reads the same as absolute.
    expect(pathExtent("m0,5 l10,10 v-30")).toEqual({ y0: -15, y1: 15 });
    expect(pathExtent("")).toBeNull();
  });

  it("keeps the band the marks cover, with padding, inside the frame", () => {
    expect(cropBand([rect("a", 100, 50), rect("b", 180, 20)], 440, 10)).toEqual({ y0: 90, y1: 210 });
    expect(cropBand([rect("a", 2, 50)], 440, 10)).toEqual({ y0: 0, y1: 62 });
    // Shared shapes (a map) and transformed groups may reach anywhere: the whole frame.
    expect(cropBand([{ key: "m", tag: "use", attrs: { href: "#geo-land" } }], 440, 10)).toEqual({ y0: 0, y1: 440 });
    expect(cropBand([{ key: "g", tag: "g", attrs: { transform: "scale(2)" }, children: [rect("a", 10, 10)] }], 440, 10)).toEqual({
      y0: 0,
      y1: 440,
    });
    // Invisible marks take no room.
    expect(cropBand([rect("a", 100, 50), { ...rect("b", 300, 50), attrs: { ...rect("b", 300, 50).attrs, opacity: 0 } }], 440, 0)).toEqual({
      y0: 100,
      y1: 150,
    });
  });

  it("moves the caption strip up under the picture and crops from the picture's top to the caption's foot", () => {
    const marks = [rect("bar", 60, 40), rect("caption-band", 400, 40, "caption-band"), note("note-0", 420)];
    const { marks: moved, band } = printCrop(marks, 440, 8);
    const captionTop = Number(moved.find((m) => m.key === "caption-band")!.attrs.y);
    // The picture ends at 100; the caption starts one padding (8) below it.
    expect(captionTop).toBe(108);
    expect(Number(moved.find((m) => m.key === "note-0")!.attrs.y) - captionTop).toBe(20);
    expect(moved.find((m) => m.key === "bar")).toEqual(marks[0]);
    expect(band.y0).toBe(52);
    expect(band.y1).toBe(148);
  });

  it("leaves a figure whose picture reaches its caption as it is", () => {
    const marks = [rect("bar", 10, 382), rect("caption-band", 400, 40, "caption-band"), note("note-0", 420)];
    const { marks: moved, band } = printCrop(marks, 440, 8);
    expect(moved).toEqual(marks);
    expect(band).toEqual({ y0: 2, y1: 440 });
  });
});
