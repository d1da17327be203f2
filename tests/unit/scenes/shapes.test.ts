// shapes.ts: the small mark builders scenes share (wrap, label, dot, link).

import { describe, expect, it } from "vitest";
import { dot, label, link, linkPoint, r1, wrap } from "../../../src/scenes/shapes.ts";

describe("wrap", () => {
  it("breaks greedily at spaces without exceeding maxChars", () => {
    expect(wrap("Chips: abhängig von NVIDIA", 12)).toEqual(["Chips:", "abhängig von", "NVIDIA"]);
    for (const line of wrap("What the money is meant to pay for, over several years", 20)) expect(line.length).toBeLessThanOrEqual(20);
  });

  it("keeps a word longer than maxChars whole, and honours explicit line breaks", () => {
    expect(wrap("US-Handelsministerium", 10)).toEqual(["US-Handelsministerium"]);
    expect(wrap("a b\nc", 80)).toEqual(["a b", "c"]);
  });

  it("leaves no short word alone on a paragraph's last line when its neighbour fits beside it", () => {
    expect(wrap("Talks about more capacity since 2023", 34)).toEqual(["Talks about more capacity", "since 2023"]);
    expect(wrap("one two three", 7)).toEqual(["one two", "three"]);
  });
});

describe("label", () => {
  it("makes one keyed text mark per line, rounded, with anchor and class", () => {
    const marks = label("k", "one two three", 10.04, 20, { size: 10, maxChars: 7, anchor: "middle", cls: "lbl x" });
    expect(marks).toEqual([
      { key: "k-0", tag: "text", text: "one two", attrs: { x: 10, y: 20, "font-size": 10, "text-anchor": "middle", class: "lbl x" } },
      { key: "k-1", tag: "text", text: "three", attrs: { x: 10, y: 32.5, "font-size": 10, "text-anchor": "middle", class: "lbl x" } },
    ]);
  });

  it("growUp puts the last line on y; centre puts the middle of the block on y", () => {
    const up = label("k", "a\nb\nc", 0, 100, { size: 10, growUp: true });
    expect(up.map((m) => m.attrs.y)).toEqual([75, 87.5, 100]);
    const mid = label("k", "a\nb\nc", 0, 100, { size: 10, centre: true });
    expect(mid.map((m) => m.attrs.y)).toEqual([87.5, 100, 112.5]);
  });
});

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
