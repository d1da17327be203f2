// Scene "trillions": bars on one baseline and one linear scale (widths
// proportional to the facts), a reference line at the goal, comparisons that
// stay greyed, and an unknown split kept as one bar. And the hand-over from the
// map: the hero dot of "hunt" becomes the hero bar here.

import { describe, expect, it } from "vitest";
import { trillions } from "../../../src/scenes/trillions.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { type Layout, type Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const BARS = [
  ["hero", "total-sum"],
  ["bonds", "bond-issuance"],
  ["giants", "giants-value"],
] as const;
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const rects = (marks: Mark[]) => marks.filter((m) => m.tag === "rect").map((m) => m.key);

describe("trillions", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("trillions", layout, "en");
    const at = (state: (typeof trillions.states)[number]) => trillions.marks(state, ctx);

    it("adds one bar per state: sum, then bonds, then giants; uses keeps all three", () => {
      expect(rects(at("sum")).filter((k) => !k.startsWith("caption"))).toEqual(["hero"]);
      expect(rects(at("bonds")).filter((k) => !k.startsWith("caption"))).toEqual(["hero", "bonds"]);
      expect(rects(at("giants")).filter((k) => !k.startsWith("caption"))).toEqual(["hero", "bonds", "giants"]);
      expect(rects(at("uses")).filter((k) => !k.startsWith("caption"))).toEqual(["hero", "bonds", "giants"]);
    });

    it("draws the bars to scale: widths proportional to the facts within 0.5 units, from one baseline", () => {
      for (const state of ["giants", "uses"] as const) {
        const marks = at(state);
        const hero = find(marks, "hero")!;
        for (const [key, fact] of BARS) {
          const bar = find(marks, key)!;
          const expected = (num(hero, "width") * ctx.value(fact)) / ctx.value("total-sum");
          expect(Math.abs(num(bar, "width") - expected), key).toBeLessThanOrEqual(0.5);
          expect(num(bar, "x"), key).toBe(num(hero, "x"));
          expect(num(bar, "height"), key).toBe(num(hero, "height"));
        }
        // The goal, the largest sum, fills the width between the margins.
        expect(num(hero, "x") + num(hero, "width")).toBeLessThanOrEqual(ctx.width);
        expect(num(hero, "width")).toBeGreaterThan(ctx.width * 0.85);
      }
    });

    it("keeps each bar's width the same from state to state", () => {
      for (const [key] of BARS) {
        const widths = trillions.states
          .map((s) => find(at(s), key))
          .filter(Boolean)
          .map((m) => num(m!, "width"));
        expect(new Set(widths).size, key).toBe(1);
      }
    });

    it("carries a reference line at the goal through every row once there is a comparison", () => {
      expect(find(at("sum"), "ref")).toBeUndefined();
      for (const state of ["bonds", "giants", "uses"] as const) {
        const marks = at(state);
        const ref = find(marks, "ref")!;
        const hero = find(marks, "hero")!;
        expect(num(ref, "x1")).toBeCloseTo(num(hero, "x") + num(hero, "width"), 0);
        expect(num(ref, "x2")).toBe(num(ref, "x1"));
        const last = find(marks, state === "bonds" ? "bonds" : "giants")!;
        expect(num(ref, "y2"), state).toBeGreaterThanOrEqual(num(last, "y") + num(last, "height"));
        expect(words(labelText(marks, "ref-lbl"))).toBe(words(ctx.t("ref")));
      }
    });

    it("stacks the bars top to bottom without overlap, above the caption", () => {
      const marks = at("giants");
      const [a, b, c] = BARS.map(([key]) => find(marks, key)!);
      expect(num(b!, "y")).toBeGreaterThan(num(a!, "y") + num(a!, "height"));
      expect(num(c!, "y")).toBeGreaterThan(num(b!, "y") + num(b!, "height"));
      expect(num(c!, "y") + num(c!, "height")).toBeLessThan(num(find(marks, "caption-band")!, "y"));
    });

    it("writes each bar's value in the figures' short form and its name from the labels", () => {
      const marks = at("giants");
      for (const [key, fact] of BARS) expect(find(marks, `${key}-val-0`)?.text, key).toBe(ctx.fact(fact, "short"));
      expect(labelText(marks, "hero-lbl")).toBe(ctx.t("goal"));
      expect(labelText(marks, "bonds-lbl")).toBe(ctx.t("bonds"));
      expect(labelText(marks, "giants-lbl")).toBe(ctx.t("giants"));
      for (const state of trillions.states) expect(labelText(at(state), "note"), state).toBe(ctx.t("note"));
    });

    it("uses: the comparisons stay, greyed; the goal stays one bar, its uses named and its split unknown", () => {
      const marks = at("uses");
      for (const key of ["bonds", "giants"]) expect(String(find(marks, key)!.attrs.class), key).toContain("bar-past");
      expect(String(find(marks, "hero")!.attrs.class)).toContain("bar-hero");
      expect(marks.filter((m) => m.tag === "rect" && String(m.attrs.class).includes("bar-hero"))).toHaveLength(1);
      expect(words(labelText(marks, "uses"))).toBe(words(ctx.t("uses")));
    });
  });
});

describe("from hunt to trillions", () => {
  it.each(LAYOUT_LIST)("the hero key survives (%s): hunt's dot morphs into trillions' bar", (layout) => {
    const last = hunt.marks(hunt.states[hunt.states.length - 1]!, ctxFor("hunt", layout, "de"));
    const first = trillions.marks(trillions.states[0]!, ctxFor("trillions", layout, "de"));
    const dot = find(last, "hero")!;
    const bar = find(first, "hero")!;
    expect(dot.tag).toBe("rect");
    expect(bar.tag).toBe("rect");
    expect(last.indexOf(dot)).toBeGreaterThanOrEqual(0);
    expect(first.indexOf(bar)).toBeGreaterThanOrEqual(0);
    // A dot (round, square) becomes a long bar: width must change for the morph to show.
    expect(num(dot, "width")).toBe(num(dot, "height"));
    expect(num(bar, "width")).toBeGreaterThan(num(bar, "height") * 1.5);
    for (const attr of ["x", "y", "width", "height", "rx"] as const) {
      expect(typeof dot.attrs[attr], attr).toBe("number");
      expect(typeof bar.attrs[attr], attr).toBe("number");
    }
  });

  it("every state of both scenes has the hero", () => {
    for (const layout of LAYOUT_LIST) {
      for (const s of hunt.states) expect(find(hunt.marks(s, ctxFor("hunt", layout, "en")), "hero")?.tag).toBe("rect");
      for (const s of trillions.states) expect(find(trillions.marks(s, ctxFor("trillions", layout, "en")), "hero")?.tag).toBe("rect");
    }
  });
});
