// Scene "trillions": a unit grid. One square is $40bn, 25 to a row, so the
// target is seven rows of solid blue (money); in a tall figure (the phone) the
// grids stand upright, a column of 25 for each row, so they fill its height; the comparisons are the same
// squares, outlined, one at a time in one place; the number of squares follows
// the facts; squares never move from step to step; the uses step keeps the
// target one block (no split) under a brace with dotted (not known) lines to
// its uses; and the $7tn is not the "hero" the chapters around it hand on.

import { describe, expect, it } from "vitest";
import { GROUPS, PER_ROW, UNIT, squares, trillions } from "../../../src/scenes/trillions.ts";
import { type Layout, type Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { LANGS, ctxFor, find, labelText, num } from "../support.ts";
import { isCaption, textBox } from "../../../src/scenes/figure.ts";
import { readPath } from "../../../src/scenes/pathData.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const cls = (m: Mark) => String(m.attrs.class ?? "");
const group = (marks: Mark[], key: string) => marks.filter((m) => m.tag === "rect" && new RegExp(`^${key}-\\d+$`).test(m.key));
const at = (m: Mark) => [num(m, "x"), num(m, "y")];
/** A path's points (the house path reader), x or y. */
const coords = (m: Mark, axis: 0 | 1) => readPath(String(m.attrs.d)).flatMap((c) => c.points.map((p) => p[axis]));

describe("trillions", () => {
  it("one square is $40bn and a row of 25 is $1tn; the key says so, in both languages", () => {
    expect(UNIT * PER_ROW).toBe(1e12);
    for (const lang of LANGS) {
      const key = ctxFor("trillions", "column", lang).t("key");
      expect(key, lang).toMatch(/40/);
      expect(key, lang).toMatch(/25/);
    }
  });

  it("the alt texts name the squares each state draws, counted from the facts", () => {
    for (const lang of LANGS) {
      const ctx = ctxFor("trillions", "column", lang);
      expect(ctx.t("alt.sum"), lang).toContain(String(squares(ctx, "total-sum")));
      expect(ctx.t("alt.bonds"), lang).toContain(String(squares(ctx, "bond-issuance")));
      expect(ctx.t("alt.giants"), lang).toContain(String(squares(ctx, "giants-value")));
    }
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("trillions", layout, "en");
    const marks = (state: (typeof trillions.states)[number]) => trillions.marks(state, ctx);
    /** Every mark any state draws, once per key (the squares never move: tested below). */
    const union = () => [...new Map(trillions.states.flatMap((s) => marks(s)).map((m) => [m.key, m] as const)).values()];
    /** A tall figure stands its grids upright: columns of 25, each filled from its foot. */
    const stand = ctx.height / ctx.width >= 1.2;
    /** Where square i of a group lies on its grid: along its $1tn line, and which line. */
    const cell = (i: number) => ({ along: i % PER_ROW, line: Math.floor(i / PER_ROW) });

    it("draws value / $40bn squares per group: 175, 36, 150 with today's facts; one comparison at a time on screen, both on paper's giants", () => {
      expect(GROUPS.map((g) => squares(ctx, g.fact))).toEqual([175, 36, 150]);
      // paper prints one figure for the chapter (the giants): the target with both yardsticks
      const giants = layout === "print" ? ["goal", "bonds", "giants"] : ["goal", "giants"];
      const shown: Record<string, string[]> = { sum: ["goal"], bonds: ["goal", "bonds"], giants, uses: ["goal"] };
      for (const state of trillions.states) {
        for (const g of GROUPS) {
          const drawn = shown[state]!.includes(g.key);
          expect(group(marks(state), g.key).length, `${state}/${g.key}`).toBe(drawn ? squares(ctx, g.fact) : 0);
        }
      }
    });

    it("squares of one size on one pitch, 25 to a row, the target outlined rust (the plan) and the comparisons filled pale blue (money that exists)", () => {
      const all = union();
      const goal = group(all, "goal");
      const size = num(goal[0]!, "width");
      // Rows run right; standing columns run up from their foot.
      const pitch = stand ? num(goal[0]!, "y") - num(goal[1]!, "y") : num(goal[1]!, "x") - num(goal[0]!, "x");
      expect(pitch).toBeGreaterThan(size);
      for (const g of GROUPS) {
        const sq = group(all, g.key);
        const [x0, y0] = at(sq[0]!);
        sq.forEach((m, i) => {
          const { along, line } = cell(i);
          expect(num(m, "width"), m.key).toBe(size);
          expect(num(m, "height"), m.key).toBe(size);
          expect(num(m, "x"), m.key).toBeCloseTo(x0! + (stand ? line : along) * pitch, 0);
          expect(num(m, "y"), m.key).toBeCloseTo(y0! + (stand ? -along : line) * pitch, 0);
          // the target outlined (sought, not raised), what exists filled
          expect(cls(m), m.key).toBe(g.key === "goal" ? "bar bar-goal" : "bar bar-compare");
        });
      }
      // Seven rows (or columns) for the target, one and eleven for the bonds, six for the giants.
      const rows = (key: string) => new Set(group(all, key).map((m) => num(m, stand ? "x" : "y"))).size;
      expect([rows("goal"), rows("bonds"), rows("giants")]).toEqual([7, 2, 6]);
    });

    it("the giants' missing row is drawn past their seventh row, set apart by a gap: the target's uncovered squares, solid grey, and said", () => {
      const all = marks("giants");
      const giants = group(all, "giants");
      const gap = all.filter((m) => /^short-row-\d+$/.test(m.key));
      // 175 − 150 squares: one full row (column) of 25.
      expect(gap).toHaveLength(PER_ROW);
      for (const m of gap) expect(cls(m)).toBe("bar bar-short");
      // Across the same positions as the giants' rows, beyond their last one, set apart from the blue block by
      // a clear gap (review 34: drawn flush it read as part of the block, Microsoft + Apple as $7tn), yet nearer
      // than a whole empty row would be, so it still reads as the row they lack.
      const [A, D] = stand ? (["y", "x"] as const) : (["x", "y"] as const);
      const pitchD = stand ? num(giants[PER_ROW]!, "x") - num(giants[0]!, "x") : num(giants[PER_ROW]!, "y") - num(giants[0]!, "y");
      const lastD = Math.max(...giants.map((m) => num(m, D)));
      for (const m of gap) {
        expect(num(m, D) - lastD).toBeGreaterThan(pitchD * 1.4);
        expect(num(m, D) - lastD).toBeLessThan(pitchD * 2);
      }
      expect(new Set(gap.map((m) => num(m, A)))).toEqual(new Set(giants.slice(0, PER_ROW).map((m) => num(m, A))));
      expect(words(labelText(all, "short-lbl"))).toBe(words(ctx.t(stand ? "short-col" : "short")));
      expect(marks("bonds").some((m) => m.key.startsWith("short-row"))).toBe(false);
    });

    it("the groups stack without overlap and all stay above the caption", () => {
      for (const state of trillions.states) {
        const all = marks(state);
        const top = num(find(all, "caption-band")!, "y");
        for (const m of all.filter((x) => !isCaption(x))) {
          const bottom = m.tag === "text" ? textBox(m).y1 : m.tag === "rect" ? num(m, "y") + num(m, "height") : 0;
          expect(bottom, `${state}/${m.key}`).toBeLessThanOrEqual(top);
        }
      }
      const all = union();
      const box = (key: string) => {
        const sq = group(all, key);
        return { y0: Math.min(...sq.map((m) => num(m, "y"))), y1: Math.max(...sq.map((m) => num(m, "y") + num(m, "height"))) };
      };
      const [g, b, c] = [box("goal"), box("bonds"), box("giants")];
      // In a wide figure the comparisons stand beside the target, otherwise under it; either way in one
      // place, taking turns.
      const xs = (key: string) => group(all, key).map((m) => num(m, "x"));
      if (layout === "print") {
        // on paper all three at once, one under the other on one left edge, square under square (review 8, item 10)
        expect(b.y0).toBeGreaterThan(g.y1);
        expect(c.y0).toBeGreaterThan(b.y1);
        for (const k of ["bonds", "giants"]) {
          expect(Math.min(...xs(k)), k).toBe(Math.min(...xs("goal")));
          expect(Math.max(...xs(k)), k).toBe(Math.max(...xs("goal")));
        }
        // each group's words right of its squares, level with its first row, opened by its step's numbered key
        const keys = all.filter((m) => /^step-key-(goal|bonds|giants)$/.test(m.key));
        expect(keys.map((m) => m.key.slice(9))).toEqual(["goal", "bonds", "giants"]);
        for (const [i, k] of keys.entries()) {
          const box2 = box(k.key.slice(9));
          expect(num(k, "y")).toBe(box2.y0);
          expect(num(k, "x")).toBeGreaterThan(Math.max(...xs("goal")));
          expect(num(k, "x")).toBe(num(keys[0]!, "x"));
          expect(all.find((m) => m.key === `${k.key}-val-0`)?.text).toBe(String(i + 1));
        }
        return;
      }
      if (!stand) expect(b.y0).toBeGreaterThan(g.y1);
      else expect(Math.min(...xs("bonds"))).toBeGreaterThan(Math.max(...xs("goal")));
      expect(c.y0).toBe(b.y0);
    });

    it("no square moves: a square keeps its place and size in every state that draws it", () => {
      const seen = new Map<string, string>();
      for (const state of trillions.states) {
        for (const m of marks(state).filter((x) => /^(goal|bonds|giants)-\d+$/.test(x.key))) {
          const where = [num(m, "x"), num(m, "y"), num(m, "width")].join();
          expect(seen.get(m.key) ?? where, `${state}/${m.key}`).toBe(where);
          seen.set(m.key, where);
        }
      }
    });

    it("the squares use the room they are given: at least 60 % of the width (wide figures: two columns of 40 %; tall ones 60 % of the height)", () => {
      const goal = group(marks("sum"), "goal");
      const span = (a: "x" | "y") =>
        Math.max(...goal.map((m) => num(m, a))) + num(goal[0]!, "width") - Math.min(...goal.map((m) => num(m, a)));
      if (stand) expect(span("y") / ctx.height).toBeGreaterThan(0.6);
      else expect(span("x") / ctx.width).toBeGreaterThan(layout === "print" ? 0.4 : 0.6);
    });

    it("the bonds' words stand by their own squares: just right of them (standing) or just above them", () => {
      const all = marks("bonds");
      const sq = group(all, "bonds");
      const pitch = num(sq[0]!, "width");
      const words0 = find(all, "bonds-lbl-0")!;
      const right = Math.max(...sq.map((m) => num(m, "x") + num(m, "width")));
      const top = Math.min(...sq.map((m) => num(m, "y")));
      if (stand) {
        expect(num(words0, "x")).toBeGreaterThan(right);
        expect(num(words0, "x") - right).toBeLessThan(pitch * 2);
      } else expect(top - num(words0, "y")).toBeLessThan(pitch * 4);
    });

    it("labels each group with its value and name, the big number above the target", () => {
      const all = [...marks("bonds"), ...marks("giants")];
      expect(find(all, "sum-val-0")?.text).toBe(ctx.fact("total-sum"));
      for (const key of ["goal", "goal-src", "bonds", "bonds-note", "giants"])
        expect(words(labelText(all, `${key}-lbl`)), key).toBe(words(ctx.t(key)));
      expect(labelText(all, "bonds-lbl")).toContain(ctx.fact("bond-issuance"));
      expect(labelText(all, "giants-lbl")).toContain(ctx.fact("giants-value"));
      for (const state of trillions.states) {
        expect(words(labelText(marks(state), "key-lbl")), state).toBe(words(ctx.t(stand ? "key-col" : "key")));
        // The key names only what the state draws: blue with blue squares, grey with the grey shortfall.
        const drawn = marks(state);
        const note = ctx.t(
          drawn.some((m) => cls(m) === "bar bar-short")
            ? "note"
            : drawn.some((m) => cls(m) === "bar bar-compare")
              ? "note-actual"
              : "note-goal",
        );
        expect(words(labelText(drawn, "note")), state).toBe(words(note));
      }
      expect(words(labelText(marks("sum"), "note"))).not.toBe(words(ctx.t("note")));
    });

    it("uses: the target stays one blue block under a brace naming its uses, dotted (not known) lines to each; no split is drawn", () => {
      const all = marks("uses");
      const goal = group(all, "goal");
      expect(new Set(goal.map(cls))).toEqual(new Set(["bar bar-goal"]));
      expect(goal.every((m) => m.attrs.opacity === undefined)).toBe(true);
      expect(all.filter((m) => /^(bonds|giants)-/.test(m.key))).toEqual([]);
      const brace = find(all, "brace")!;
      expect(brace.tag).toBe("path");
      expect(words(labelText(all, "uses-lbl"))).toBe(words(ctx.t("uses")));
      expect(words(labelText(all, "uses-note-lbl"))).toBe(words(ctx.t("uses-note")));
      // The brace spans the target's width, just under its last row (standing: its height, beside its last column).
      const [A, i] = stand ? ([1, "y"] as const) : ([0, "x"] as const);
      const as = coords(brace, A);
      expect(Math.min(...as)).toBeCloseTo(Math.min(...goal.map((m) => num(m, i))), 0);
      expect(Math.max(...as)).toBeCloseTo(Math.max(...goal.map((m) => num(m, i))) + num(goal[0]!, "width"), 0);
      // No other squares than the target's: the figure invents no parts.
      const filled = all.filter((m) => m.tag === "rect" && /bar-(money|goal)/.test(cls(m)) && m.key !== "key-sq");
      expect(filled).toHaveLength(squares(ctx, "total-sum"));
      expect(find(marks("giants"), "brace")).toBeUndefined();
      // Three icons (building, bolt, fab) between the brace and the words, one beside the other.
      const icons = ["use-estate", "use-power", "use-fab"].map((k) => find(all, k)!);
      const tops = icons.map((m) => Math.min(...coords(m, 1)));
      const lefts = icons.map((m) => Math.min(...coords(m, 0)));
      // Past the target (under it, or beside it when it stands), above the words.
      if (stand) for (const left of lefts) expect(left).toBeGreaterThan(Math.max(...goal.map((m) => num(m, "x") + num(m, "width"))));
      else for (const top of tops) expect(top).toBeGreaterThan(Math.max(...goal.map((m) => num(m, "y") + num(m, "height"))));
      for (const top of tops) expect(top).toBeLessThan(num(find(all, "uses-lbl-0")!, "y"));
      expect(lefts[0]!).toBeLessThan(lefts[1]!);
      expect(lefts[1]!).toBeLessThan(lefts[2]!);
      // Each use hangs from the brace's point by a dotted line: how much goes to each is not known.
      const tip = Math.max(...coords(brace, stand ? 0 : 1));
      for (const k of ["use-estate", "use-power", "use-fab"]) {
        const line = find(all, `${k}-link`)!;
        expect(cls(line), k).toContain("arc-dot");
        expect(num(line, stand ? "x1" : "y1"), k).toBeCloseTo(tip, 0);
      }
    });

    it("the $7tn is not OpenAI's hand-over mark: no 'hero' key is drawn", () => {
      for (const state of trillions.states) expect(find(marks(state), "hero"), state).toBeUndefined();
    });
  });

  it.each(LANGS)("the table (%s) lists the groups drawn: name, amount in words, number of squares", (lang) => {
    const ctx = ctxFor("trillions", "print", lang);
    const giants = trillions.table!("giants", ctx)!;
    expect(giants.head).toHaveLength(3);
    // on paper (the static figure) the giants' state draws both yardsticks, and its table lists both
    expect(giants.rows.map((r) => r[1])).toEqual(["total-sum", "bond-issuance", "giants-value"].map((id) => ctx.fact(id, "long")));
    expect(giants.rows.map((r) => r[2])).toEqual(["175", "36", "150"]);
    expect(trillions.table!("giants", ctxFor("trillions", "column", lang))!.rows.map((r) => r[2])).toEqual(["175", "150"]);
    expect(trillions.table!("sum", ctx)!.rows).toHaveLength(1);
    expect(trillions.table!("bonds", ctx)!.rows).toHaveLength(2);
  });
});
