import { describe, expect, it } from "vitest";
import { centringShift, cropBand, printCrop, shiftPath, shiftPicture } from "../../../src/render/crop.ts";
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

describe("the stage's centring of a chapter", () => {
  const band = (y: number): Mark => ({
    key: "caption-band",
    tag: "rect",
    attrs: { x: 0, y, width: 100, height: 40, class: "caption-band" },
  });

  it("moves every state by one shift, from the union of what they draw, into the middle of the room above the caption", () => {
    // Room: 10 … 590 (pad 10, caption at 600); the states draw 20…120 and 20…220 together: 20…220, centre 120; room's centre 300.
    const states = [
      [rect("a", 20, 100), band(600)],
      [rect("a", 20, 100), rect("b", 150, 70), band(600)],
    ];
    const dy = centringShift(states, 640, 10);
    expect(dy).toBe(180);
    const moved = states.map((s) => shiftPicture(s, dy));
    // the same mark stands at the same place in both states; the caption stays at the foot
    expect(moved[0]![0]!.attrs.y).toBe(200);
    expect(moved[1]![0]!.attrs.y).toBe(200);
    expect(moved[1]![2]!.attrs.y).toBe(600);
  });

  it("leaves a chapter whose picture fills the room, or holds a shared shape (the map), where it is", () => {
    expect(centringShift([[rect("a", 0, 600), band(600)]], 640, 10)).toBe(0);
    const map: Mark = { key: "map", tag: "g", attrs: { transform: "translate(0,0) scale(2)" }, children: [] };
    expect(centringShift([[rect("a", 20, 50), map, band(600)]], 640, 10)).toBe(0);
  });

  it("moves path data: absolute y coordinates and a relative path's opening move, not its relative steps", () => {
    expect(shiftPath("M10,20L30,40Q1 2 3 4C1 2 3 4 5 6V7H8A5 5 0 0 1 9 10Z", 5)).toBe(
      "M10 25L30 45Q1 7 3 9C1 7 3 9 5 11V12H8A5 5 0 0 1 9 15Z",
    );
    expect(shiftPath("m10 20l5 5 5 5z", 5)).toBe("m10 25l5 5 5 5z");
  });
});
