// Scene "unknowns": chapter 9, the plan's three objects again, large, one a row.
// What each state must show, in every layout: the planned chip as chip.ts draws it
// (dashed), the planned racks and the sum as chapter 5's blue squares (as many as
// that chapter draws for it), each with its name and a hatched tag beside it (the
// chip's "apparently not begun", as the article hedges it; the others "open"), in the
// same place in both steps that show them; who said what as one mark per voice beside
// its object, the other voices under (or beside) the rows; Altman's two channels and
// the year with its end marked. Nothing drawn as a "?"; words from the labels.

import { describe, expect, it } from "vitest";
import { KINDS, PARTS, SOURCES, unknowns } from "../../../src/scenes/unknowns.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LANDSCAPE_LAYOUT, LAYOUTS } from "../../../src/story/config.ts";
import { typeOf } from "../../../src/scenes/figure.ts";
import { ctxFor, find, labelText, num, texts, walk } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof unknowns.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const words = (s: string | undefined) => s?.replace(/[\s\u00a0]+/g, " ");
const cy = (m: Mark) => (m.tag === "circle" ? num(m, "cy") : num(m, "y") + num(m, "height") / 2);
const left = (m: Mark) => (m.tag === "circle" ? num(m, "cx") - num(m, "r") : num(m, "x"));

describe("unknowns", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("unknowns", layout, "en");
    const at = (state: State) => unknowns.marks(state, ctx);

    it("draws the three objects in both first steps, in one place, one a row, each with its name and a hatched tag beside it: the chip planned, the racks planned, the sum as chapter 5's squares; no question mark anywhere", () => {
      const first = at("money");
      const goal = [...walk(first)].map((w) => w.mark).filter((m) => /^goal-\d+$/.test(m.key));
      // As many squares as chapter 5 draws for the sum ($40bn each), outlined in blue as there: money sought, not raised.
      expect(goal.length).toBe(Math.round(ctx.value("total-sum") / 40e9));
      for (const m of goal) expect(classes(m)).toContain("bar-goal");
      for (const state of ["money", "sources"] as const) {
        const marks = at(state);
        for (const key of ["chip-sub", "chip-die", "chip-hbm-l0", "racks-0", "goal-0", "goal-174", "chip-tag", "company-tag", "money-tag"])
          expect(find(marks, key)!.attrs, `${state} ${key}`).toEqual(find(first, key)!.attrs);
        expect(classes(find(marks, "chip-die"))).toContain("die-plan");
        expect(classes(find(marks, "chip-sub"))).toContain("sub-plan");
        expect(classes(find(marks, "racks-0"))).toContain("rack-plan");
        for (const k of PARTS) {
          expect(classes(find(marks, `${k}-tag`)), `${state} ${k}`).toContain("tag");
          expect(classes(find(marks, `${k}-tag-hatch`))).toContain("hatch");
          expect(labelText(marks, `${k}-tag-lbl`)).toBe(ctx.t(k === "chip" ? "chip-tag" : "not-known"));
        }
        // No empty dotted outlines left: nothing in the objects is drawn "unknown".
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
      // One a row, top to bottom, each object's words right of it and starting level with its top; the
      // squares large enough to read as squares (at least a third of a small label's size each).
      const box = (keys: string[]) => {
        const ms = keys.map((k) => find(first, k)!);
        return {
          x1: Math.max(...ms.map((m) => num(m, "x") + num(m, "width"))),
          y0: Math.min(...ms.map((m) => num(m, "y"))),
          y1: Math.max(...ms.map((m) => num(m, "y") + num(m, "height"))),
        };
      };
      const objs = { chip: box(["chip-sub"]), company: box(["racks-0", "racks-2"]), money: box(["goal-0", "goal-174"]) };
      expect(objs.chip.y1).toBeLessThanOrEqual(objs.company.y0);
      expect(objs.company.y1).toBeLessThanOrEqual(objs.money.y0);
      for (const k of PARTS) {
        const tag = find(first, `${k}-tag`)!;
        expect(num(tag, "x"), k).toBeGreaterThan(objs[k].x1);
        expect(num(tag, "y"), k).toBeGreaterThan(objs[k].y0);
        expect(num(tag, "y"), k).toBeLessThan(objs[k].y1 + typeOf(ctx).label * 3);
      }
      if (layout === LANDSCAPE_LAYOUT) {
        // A phone on its side: the print figure's rows at a type larger for the width (the figure drawn about 480 px
        // wide on 844 × 390), so the squares and the chip are smaller beside the words: still seen as squares (4 px)
        // and as a chip (75 px) there.
        const px = 480 / ctx.width;
        expect(num(find(first, "goal-0")!, "width") * px).toBeGreaterThanOrEqual(3.9);
        expect(num(find(first, "chip-sub")!, "width") * px).toBeGreaterThanOrEqual(75);
      } else {
        expect(num(find(first, "goal-0")!, "width")).toBeGreaterThan(typeOf(ctx).small / 3);
        expect(num(find(first, "chip-sub")!, "width")).toBeGreaterThan(Math.min(ctx.width, ctx.height) / 4);
      }
    });

    it("money: says under each tag which question is open", () => {
      const marks = at("money");
      for (const k of PARTS) {
        expect(words(labelText(marks, `${k}-q-lbl`)), k).toBe(words(ctx.t(`q-${k}`)));
        // Under its own tag, aligned with it, above the next row's name.
        const tag = find(marks, `${k}-tag`)!;
        expect(num(find(marks, `${k}-q-lbl-0`)!, "y")).toBeGreaterThan(num(tag, "y") + num(tag, "height"));
        expect(Math.abs(num(find(marks, `${k}-q-lbl-0`)!, "x") - num(tag, "x"))).toBeLessThan(1);
      }
      const y = (key: string) => num(find(marks, key)!, "y");
      expect(y("chip-q-lbl-0")).toBeLessThan(y("company-name-lbl-0"));
      expect(y("company-q-lbl-0")).toBeLessThan(y("money-name-lbl-0"));
      expect(find(marks, "src-wei")).toBeUndefined();
      expect(find(at("sources"), "chip-q-lbl-0")).toBeUndefined();
    });

    it("sources: one mark per voice; beside each object the voice that reported it, the others apart; rings unnamed, grey dots media, a grey person the one by name", () => {
      const marks = at("sources");
      for (const s of SOURCES) {
        expect(words(labelText(marks, `src-${s.key}-lbl`)), s.key).toBe(words(ctx.t(`sources.${s.key}`)));
        expect(words(labelText(marks, `src-${s.key}-kind-lbl`)), s.key).toBe(words(ctx.t(`kinds.${s.kind}`)));
        const mark = find(marks, `src-${s.key}`) ?? find(marks, `src-${s.key}-head`);
        expect(mark, s.key).toBeDefined();
        if (s.kind === "public") expect(classes(mark)).toEqual(["bust", "bust-grey"]);
        else expect(classes(mark)).toContain(s.kind === "anon" ? "marker-ring" : "marker-muted");
        // Never ink (NVIDIA) nor rust (OpenAI): a voice is someone else.
        expect(classes(mark)).not.toContain("marker-hero");
        if (s.about) {
          // In its object's row: under its tag, level with the object.
          const tag = find(marks, `${s.about}-tag`)!;
          expect(cy(mark!), s.key).toBeGreaterThan(num(tag, "y") + num(tag, "height"));
          expect(Math.abs(left(mark!) - num(tag, "x")), s.key).toBeLessThan(typeOf(ctx).small);
        } else {
          // Apart, under the "other voices" heading.
          expect(cy(mark!), s.key).toBeGreaterThan(num(find(marks, "others-lbl-0")!, "y"));
        }
      }
      expect(words(labelText(marks, "others-lbl"))).toBe(words(ctx.t("others")));
      expect(KINDS.every((k) => SOURCES.some((s) => s.kind === k))).toBe(true);
      expect(SOURCES.filter((s) => s.kind === "public").map((s) => s.key)).toEqual(["wei"]);
      expect(find(marks, "chip-q-lbl-0")).toBeUndefined();
    });

    it("announcement: the story's last picture sums up what is open: the three objects with their tags and questions stay, and the announcement joins them, the year's end a dashed tick on a time arrow, what Altman said of it beside", () => {
      const first = at("money");
      const marks = at("announcement");
      for (const key of ["chip-sub", "chip-die", "racks-0", "goal-0", "goal-174", "chip-tag", "company-tag", "money-tag"])
        expect(find(marks, key)!.attrs, key).toEqual(find(first, key)!.attrs);
      for (const p of PARTS) expect(words(labelText(marks, `${p}-q-lbl`)), p).toBe(words(ctx.t(`q-${p}`)));
      // The year a hairline, not a bar: nothing about it is measured.
      const year = find(marks, "year")!;
      expect(year.tag).toBe("line");
      expect(num(year, "y1")).toBe(num(year, "y2"));
      expect(labelText(marks, "year-lbl")).toBe(ctx.t("year"));
      const end = find(marks, "year-end")!;
      expect(classes(end)).toContain("arc-dash");
      const [ex, ey0, ey1] = String(end.attrs.d)
        .match(/-?[\d.]+/g)!
        .map(Number) as [number, number, number];
      expect(ex).toBeGreaterThan(num(year, "x1"));
      expect(ex).toBeLessThanOrEqual(num(year, "x2"));
      expect(ey0).toBeLessThan(num(year, "y1"));
      expect(ey1).toBeGreaterThan(num(year, "y1"));
      // The announcement below the objects (or beside them on a wide figure), never on them.
      const money = find(marks, "goal-174")!;
      if (layout === "column" || layout === "square") expect(num(year, "y1")).toBeGreaterThan(num(money, "y"));
      expect(words(labelText(marks, "announce-lbl"))).toBe(words(ctx.t("announce-end")));
      expect(words(labelText(marks, "link-manager-lbl"))).toBe(words(ctx.t("privately")));
      expect(words(labelText(marks, "link-public-lbl"))).toBe(words(`${ctx.t("public")}: ${ctx.t("rarely")}`));
      // Who is not named here is not drawn: no voices' marks of the step before.
      expect(find(marks, "src-wei-head")).toBeUndefined();
    });

    it("says in each caption what the marks mean", () => {
      // The last step draws the first step's marks again: the first step's key.
      for (const state of unknowns.states)
        expect(words(labelText(at(state), "note")), state).toBe(words(ctx.t(`note.${state === "announcement" ? "money" : state}`)));
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
