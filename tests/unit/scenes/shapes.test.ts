// shapes.ts: the small mark builders scenes share (dot, link). Words are wrapped by text.ts (text.test.ts).

import { describe, expect, it } from "vitest";
import { dot, link, linkPoint, r1 } from "../../../src/scenes/shapes.ts";

describe("dot", () => {
  it("is a round rect centred on (x, y) that enters from its centre", () => {
    const d = dot("hero", 100, 50, 20, "marker");
    expect(d).toEqual({
      key: "hero",
      tag: "rect",
      attrs: { x: 90, y: 40, width: 20, height: 20, rx: 10, class: "marker" },
      enter: { width: 0, height: 0, x: 100, y: 50, opacity: 0 },
    });
  });
});

describe("link and linkPoint", () => {
  it("draws a quadratic curve from a to b whose control point is lifted by bend", () => {
    expect(link("l", [0, 0], [100, 0], "arc", 0.25).attrs.d).toBe("M0,0 Q50,-25 100,0");
    expect(link("l", [0, 0], [100, 0], "arc", 0).attrs.d).toBe("M0,0 Q50,0 100,0");
  });

  it("linkPoint lies on that curve: its ends at t=0 and t=1, half the lift at t=0.5", () => {
    expect(linkPoint([0, 0], [100, 0], 0.25, 0)).toEqual([0, 0]);
    expect(linkPoint([0, 0], [100, 0], 0.25, 1)).toEqual([100, 0]);
    expect(linkPoint([0, 0], [100, 0], 0.25, 0.5)).toEqual([50, -12.5]);
  });

  it("r1 rounds to one decimal", () => {
    expect(r1(1.26)).toBe(1.3);
    expect(r1(-1.26)).toBe(-1.3);
    expect(r1(3)).toBe(3);
  });
});
