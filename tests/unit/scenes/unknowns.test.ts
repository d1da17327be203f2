// Scene "unknowns": chapter 9, the plan's three objects again, each tagged "not
// known". What each state must show, in every layout: the planned chip as chip.ts
// draws it (dashed), the planned racks and the sum as chapter 5's blue squares
// (as many as that chapter draws for it), each with a hatched "not known" tag, in
// the same place in every step; the voices as one mark each, grouped by kind;
// Altman's two channels and the year with its end marked. Nothing drawn as a "?";
// words from the labels.

import { describe, expect, it } from "vitest";
import { KINDS, SOURCES, unknowns } from "../../../src/scenes/unknowns.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { typeOf } from "../../../src/scenes/figure.ts";
import { ctxFor, find, labelText, num, texts, walk } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof unknowns.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const words = (s: string | undefined) => s?.replace(/[\s\u00a0]+/g, " ");
const cy = (m: Mark) => num(m, "y") + num(m, "height") / 2;

describe("unknowns", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("unknowns", layout, "en");
    const at = (state: State) => unknowns.marks(state, ctx);

    it("draws the three objects in every step, in one place, each with a hatched 'not known' tag: the chip planned, the racks planned, the sum as chapter 5's squares; no question mark anywhere", () => {
      const first = at("money");
      const goal = [...walk(first)].map((w) => w.mark).filter((m) => /^goal-\d+$/.test(m.key));
      // As many squares as chapter 5 draws for the sum ($40bn each), solid blue: the sum is reported, not invented.
      expect(goal.length).toBe(Math.round(ctx.value("total-sum") / 40e9));
      for (const m of goal) expect(classes(m)).toContain("bar-money");
      for (const state of unknowns.states) {
        const marks = at(state);
        for (const key of ["chip-sub", "chip-die", "chip-hbm-l0", "racks-0", "goal-0", "goal-174", "chip-tag", "company-tag", "money-tag"])
          expect(find(marks, key)!.attrs, `${state} ${key}`).toEqual(find(first, key)!.attrs);
        expect(classes(find(marks, "chip-die"))).toContain("die-plan");
        expect(classes(find(marks, "chip-sub"))).toContain("sub-plan");
        expect(classes(find(marks, "racks-0"))).toContain("rack-plan");
        for (const k of ["chip", "company", "money"]) {
          expect(classes(find(marks, `${k}-tag`)), `${state} ${k}`).toContain("tag");
          expect(classes(find(marks, `${k}-tag-hatch`))).toContain("hatch");
          expect(labelText(marks, `${k}-tag-lbl`)).toBe(ctx.t("not-known"));
        }
        // No empty dotted outlines left: nothing in the anatomy is drawn "unknown".
        for (const m of [...walk(marks)].map((w) => w.mark))
          expect(
            classes(m).some((c) => /-unknown$/.test(c) && !/^arc/.test(c)),
            m.key,
          ).toBe(false);
        expect(labelText(marks, "chip-lbl")).toBe(ctx.t("chip"));
        expect(words(labelText(marks, "company-name-lbl"))).toBe(words(ctx.t("company-name")));
        expect(words(labelText(marks, "money-name-lbl"))).toBe(words(ctx.t("sum")));
        for (const m of texts(marks)) expect(m.text, `${state} ${m.key}`).not.toMatch(/\?/);
      }
    });

    it("money: says under each tag which question is open", () => {
      const marks = at("money");
      for (const k of ["chip", "company", "money"]) {
        expect(words(labelText(marks, `${k}-q-lbl`)), k).toBe(words(ctx.t(`q-${k}`)));
        // Under its own tag.
        expect(num(find(marks, `${k}-q-lbl-0`)!, "y")).toBeGreaterThan(num(find(marks, `${k}-tag`)!, "y"));
        expect(
          Math.abs(
            num(find(marks, `${k}-q-lbl-0`)!, "x") - (num(find(marks, `${k}-tag`)!, "x") + num(find(marks, `${k}-tag`)!, "width") / 2),
          ),
        ).toBeLessThan(1);
      }
      // Each under its own part: the chip's words left of the company's, the company's left of the money's.
      const x = (key: string) => num(find(marks, `${key}-0`)!, "x");
      expect(x("chip-q-lbl")).toBeLessThan(x("company-q-lbl"));
      expect(x("company-q-lbl")).toBeLessThan(x("money-q-lbl"));
      expect(find(marks, "src-wei")).toBeUndefined();
      expect(find(at("sources"), "chip-q-lbl-0")).toBeUndefined();
    });

    it("sources: one mark per voice, grouped under its kind; the kinds look different and only C. C. Wei is on the record", () => {
      const marks = at("sources");
      for (const kind of KINDS) expect(words(labelText(marks, `kind-${kind}-lbl`))).toBe(words(ctx.t(`kinds.${kind}`)));
      const dots = [...walk(marks)].map((w) => w.mark).filter((m) => m.key.startsWith("src-") && m.tag === "rect");
      expect(dots.map((m) => m.key.slice(4)).sort()).toEqual(SOURCES.map((s) => s.key).sort());
      for (const s of SOURCES) {
        expect(words(labelText(marks, `src-${s.key}-lbl`)), s.key).toBe(words(ctx.t(`sources.${s.key}`)));
        // Under its kind's heading, in its kind's column.
        const head = find(marks, `kind-${s.kind}-lbl-0`)!;
        const dot = find(marks, `src-${s.key}`)!;
        expect(cy(dot)).toBeGreaterThan(num(head, "y"));
        expect(Math.abs(num(dot, "x") - num(head, "x"))).toBeLessThan(ctx.width / KINDS.length / 2);
      }
      const cls = (key: string) => String(find(marks, `src-${key}`)!.attrs.class);
      expect(new Set(SOURCES.map((s) => cls(s.key))).size).toBe(3);
      expect(SOURCES.filter((s) => cls(s.key) === cls("wei")).map((s) => s.key)).toEqual(["wei"]);
    });

    it("announcement: a dotted line to the public, a solid one to the industry executive, the year with its end marked and the announcement named under it, clear of the band", () => {
      const marks = at("announcement");
      expect(classes(find(marks, "link-public"))).toContain("arc-unknown");
      expect(classes(find(marks, "link-manager"))).toContain("arc-strong");
      expect(words(labelText(marks, "link-public-lbl"))).toBe(words(ctx.t("rarely")));
      expect(words(labelText(marks, "link-manager-lbl"))).toBe(words(ctx.t("privately")));
      for (const k of ["altman", "public", "manager"]) expect(words(labelText(marks, `${k}-lbl`))).toBe(words(ctx.t(k)));
      expect(classes(find(marks, "altman-body"))).toEqual(["bust"]);
      const year = find(marks, "year")!;
      expect(labelText(marks, "year-lbl")).toBe(ctx.t("year"));
      const end = find(marks, "year-end")!;
      expect(classes(end)).toContain("arc-dash");
      // The marker sits on the band's end and crosses it.
      const [ex, ey0, ey1] = String(end.attrs.d)
        .match(/-?[\d.]+/g)!
        .map(Number) as [number, number, number];
      expect(Math.abs(ex - (num(year, "x") + num(year, "width")))).toBeLessThan(1);
      expect(ey0).toBeLessThan(num(year, "y"));
      expect(ey1).toBeGreaterThan(num(year, "y") + num(year, "height"));
      expect(words(labelText(marks, "announce-lbl"))).toBe(words(ctx.t("announce")));
      // Its words under the band, not on it, and below the listener's name.
      expect(num(find(marks, "announce-lbl-0")!, "y") - typeOf(ctx).small).toBeGreaterThan(num(year, "y") + num(year, "height"));
      expect(num(year, "y")).toBeGreaterThan(num(find(marks, "manager-head")!, "cy"));
    });

    it("says in each caption what the marks mean", () => {
      for (const state of unknowns.states) expect(words(labelText(at(state), "note")), state).toBe(words(ctx.t(`note.${state}`)));
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("unknowns", "column", "de");
    const en = ctxFor("unknowns", "column", "en");
    expect(words(labelText(unknowns.marks("money", de), "money-q-lbl"))).toBe(words(de.t("q-money")));
    expect(words(labelText(unknowns.marks("money", en), "money-q-lbl"))).toBe(words(en.t("q-money")));
    expect(de.t("q-money")).not.toBe(en.t("q-money"));
  });
});
