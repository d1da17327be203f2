// Scene "trillions": bars on one linear scale (to scale: widths proportional to
// the facts), then three equal schematic boxes. And the hand-over from the map:
// the hero dot of "hunt" becomes the hero bar here.

import { describe, expect, it } from "vitest";
import { trillions } from "../../../src/scenes/trillions.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { type Layout, type Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, realFacts } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const BARS = [
  ["hero", "total-sum"],
  ["bonds", "bond-issuance"],
  ["giants", "giants-value"],
] as const;
const rects = (marks: Mark[]) => marks.filter((m) => m.tag === "rect").map((m) => m.key);

describe("trillions", () => {
  it("has the four states of the chapter, in reading order", () => {
    expect([...trillions.states]).toEqual(["sum", "bonds", "giants", "uses"]);
  });

  it("uses the facts the story cites (the ratio below is the article's)", () => {
    const v = (id: string) => realFacts().numbers[id]!.value;
    expect([v("total-sum"), v("bond-issuance"), v("giants-value")]).toEqual([7e12, 1.44e12, 6e12]);
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("trillions", layout, "en");
    const at = (state: (typeof trillions.states)[number]) => trillions.marks(state, ctx);

    it("adds one bar per state: sum, then bonds, then giants; uses keeps only the hero bar", () => {
      expect(rects(at("sum"))).toEqual(["hero"]);
      expect(rects(at("bonds"))).toEqual(["hero", "bonds"]);
      expect(rects(at("giants"))).toEqual(["hero", "bonds", "giants"]);
      expect(rects(at("uses"))).toEqual(["hero", "use-realestate", "use-power", "use-chips"]);
    });

    it("draws the bars to scale: widths proportional to the facts within 0.5 px, from one baseline", () => {
      const marks = at("giants");
      const hero = find(marks, "hero")!;
      for (const [key, fact] of BARS) {
        const bar = find(marks, key)!;
        const expected = (num(hero, "width") * ctx.value(fact)) / ctx.value("total-sum");
        expect(Math.abs(num(bar, "width") - expected), key).toBeLessThanOrEqual(0.5);
        expect(num(bar, "x"), key).toBe(num(hero, "x"));
        expect(num(bar, "height"), key).toBe(num(hero, "height"));
      }
      // 7 : 1.44 : 6 in absolute terms, too.
      expect(num(find(marks, "bonds")!, "width") / num(hero, "width")).toBeCloseTo(1.44 / 7, 2);
      expect(num(find(marks, "giants")!, "width") / num(hero, "width")).toBeCloseTo(6 / 7, 2);
      // The largest bar fills the width between the margins, inside the viewBox.
      expect(num(hero, "x")).toBeGreaterThan(0);
      expect(num(hero, "x") + num(hero, "width")).toBeLessThanOrEqual(ctx.width);
      expect(num(hero, "x") + num(hero, "width")).toBeGreaterThan(ctx.width * 0.85);
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

    it("stacks the bars top to bottom without overlap", () => {
      const marks = at("giants");
      const [a, b, c] = BARS.map(([key]) => find(marks, key)!);
      expect(num(b!, "y")).toBeGreaterThan(num(a!, "y") + num(a!, "height"));
      expect(num(c!, "y")).toBeGreaterThan(num(b!, "y") + num(b!, "height"));
      expect(num(c!, "y") + num(c!, "height")).toBeLessThan(ctx.height);
    });

    it("writes each bar's value in the figures' short form and its label from the labels", () => {
      const marks = at("giants");
      for (const [key, fact] of BARS) expect(find(marks, `${key}-val-0`)?.text, key).toBe(ctx.fact(fact, "short"));
      expect(labelText(marks, "hero-lbl")).toBe(ctx.t("goal"));
      expect(labelText(marks, "bonds-lbl")).toBe(ctx.t("bonds"));
      expect(labelText(marks, "giants-lbl")).toBe(ctx.t("giants"));
    });

    it("says the bars are to scale", () => {
      for (const state of ["sum", "bonds", "giants"] as const) expect(labelText(at(state), "note"), state).toBe(ctx.t("note"));
    });

    describe("uses", () => {
      const marks = at("uses");
      const boxes = ["realestate", "power", "chips"].map((p) => find(marks, `use-${p}`)!);

      it("has three schematic boxes of equal width and height, in one row, side by side", () => {
        for (const b of boxes) {
          expect(b.tag).toBe("rect");
          expect(String(b.attrs.class).split(" ")).toContain("box-schematic");
          expect(num(b, "width")).toBe(num(boxes[0]!, "width"));
          expect(num(b, "height")).toBe(num(boxes[0]!, "height"));
          expect(num(b, "y")).toBe(num(boxes[0]!, "y"));
        }
        for (let i = 1; i < 3; i++) expect(num(boxes[i]!, "x")).toBeGreaterThan(num(boxes[i - 1]!, "x") + num(boxes[i - 1]!, "width"));
        expect(num(boxes[0]!, "x")).toBeGreaterThanOrEqual(0);
        expect(num(boxes[2]!, "x") + num(boxes[2]!, "width")).toBeLessThanOrEqual(ctx.width);
        expect(num(boxes[0]!, "y") + num(boxes[0]!, "height")).toBeLessThanOrEqual(ctx.height);
      });

      it("keeps the boxes clear of the hero bar", () => {
        const hero = find(marks, "hero")!;
        expect(num(boxes[0]!, "y")).toBeGreaterThan(num(hero, "y") + num(hero, "height"));
      });

      it("centres each box's label on its box", () => {
        for (const [i, part] of (["realestate", "power", "chips"] as const).entries()) {
          const box = boxes[i]!;
          const lines = [0, 1, 2, 3].map((n) => find(marks, `use-${part}-lbl-${n}`)).filter((m): m is Mark => !!m);
          expect(lines.length, part).toBeGreaterThan(0);
          expect(lines.map((l) => l.text).join(" ")).toBe(ctx.t(part));
          for (const l of lines) {
            expect(Math.abs(num(l, "x") - (num(box, "x") + num(box, "width") / 2)), part).toBeLessThanOrEqual(0.1);
            expect(l.attrs["text-anchor"]).toBe("middle");
            expect(num(l, "y"), part).toBeGreaterThan(num(box, "y"));
            expect(num(l, "y"), part).toBeLessThan(num(box, "y") + num(box, "height"));
          }
        }
      });

      it("says the boxes are schematic and the split unknown", () => {
        expect(labelText(marks, "uses-note")).toBe(ctx.t("uses-note"));
        expect(labelText(marks, "note")).toBe(ctx.t("note-uses"));
        expect(labelText(marks, "uses-title")).toBe(ctx.t("uses"));
      });
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
    expect(num(bar, "width")).toBeGreaterThan(num(bar, "height") * 5);
    for (const attr of ["x", "y", "width", "height", "rx"]) {
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
