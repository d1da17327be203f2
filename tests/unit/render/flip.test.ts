// render/flip.ts: a mark's change of geometry as one matrix (what the live stage
// tweens as a CSS transform), or a named morph where no matrix does it.

import { describe, expect, it } from "vitest";
import { IDENTITY, compose, lerp, mapping, parseTransform, type Matrix } from "../../../src/render/flip.ts";

/** Where a matrix takes a point. */
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));

describe("mapping", () => {
  it("takes a rect's corners to the new rect's corners (move and grow)", () => {
    const m = mapping("rect", { x: 10, y: 20, width: 100, height: 50 }, { x: 40, y: 0, width: 300, height: 25 });
    expect(m).not.toBe("morph");
    close(apply(m as Matrix, 10, 20), [40, 0]);
    close(apply(m as Matrix, 110, 70), [340, 25]);
  });

  it("has no matrix from a rect of no width to one with width (the caller draws the new one scaled back)", () => {
    expect(mapping("rect", { x: 0, y: 0, width: 0, height: 10 }, { x: 0, y: 0, width: 50, height: 10 })).toBeNull();
    const back = mapping("rect", { x: 0, y: 0, width: 50, height: 10 }, { x: 0, y: 0, width: 0, height: 10 }) as Matrix;
    close(apply(back, 50, 10), [0, 10]);
  });

  it("moves a label to its new anchor and scales its type about it", () => {
    const m = mapping("text", { x: 100, y: 50, "font-size": 20 }, { x: 10, y: 5, "font-size": 10 }) as Matrix;
    close(apply(m, 100, 50), [10, 5]);
    close(apply(m, 120, 50), [20, 5]);
  });

  it("moves a line as a whole, and names a line whose ends move apart a morph", () => {
    const m = mapping("line", { x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 5, y1: 3, x2: 15, y2: 13 }) as Matrix;
    close(apply(m, 10, 10), [15, 13]);
    expect(mapping("line", { x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 0, y1: 0, x2: 20, y2: 10 })).toBe("morph");
  });

  it("moves a path whose every point moves alike (absolute and relative commands), and names a reshaped path a morph", () => {
    const m = mapping("path", { d: "M10,10 L20,10 H30 V40 l5,5 Z" }, { d: "M12,7 L22,7 H32 V37 l5,5 Z" }) as Matrix;
    expect(m).toEqual([1, 0, 0, 1, 2, -3]);
    expect(mapping("path", { d: "M460.5,92.9 Q460.5,190.7 460.5,288.5" }, { d: "M360.2,91.8 Q401.7,190.1 443.2,288.5" })).toBe("morph");
    expect(mapping("path", { d: "M0,0 A5,5 0 0 1 10,10" }, { d: "M1,1 A5,5 0 0 1 11,11" })).toBe("morph");
  });

  it("is the identity when the geometry is the same, whatever else changes", () => {
    expect(mapping("rect", { x: 1, y: 2, width: 3, height: 4 }, { x: 1, y: 2, width: 3, height: 4 })).toEqual(IDENTITY);
    expect(mapping("g", {}, {})).toEqual(IDENTITY);
  });
});

describe("matrices", () => {
  it("reads the transforms the scenes write", () => {
    close([...parseTransform("translate(10,20) scale(2)")!], [2, 0, 0, 2, 10, 20]);
    close([...parseTransform("translate(5)")!], [1, 0, 0, 1, 5, 0]);
    expect(parseTransform(undefined)).toEqual(IDENTITY);
    expect(parseTransform("rotate(45)")).toBeNull();
  });

  it("composes right to left and interpolates entry by entry", () => {
    const t: Matrix = [1, 0, 0, 1, 10, 0];
    const s: Matrix = [2, 0, 0, 2, 0, 0];
    close(apply(compose(t, s), 1, 1), [12, 2]);
    close([...lerp(IDENTITY, s, 0.5)], [1.5, 0, 0, 1.5, 0, 0]);
  });
});
