// Scene "unknowns": chapter 9, the plan's anatomy again with what is not known
// drawn dotted. What each state must show, in every layout: the planned chip
// (dashed die, dotted memory and packaging), the planned racks in the company's
// dotted frame and the sum's dotted squares, in the same place in every step;
// the voices as one mark each, grouped by kind; Altman's two channels and the
// year ending in a dashed flag. Nothing drawn as a "?"; words from the labels.

import { describe, expect, it } from "vitest";
import { KINDS, SOURCES, unknowns } from "../../../src/scenes/unknowns.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
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

    it("draws the anatomy in every step, in one place: the chip planned with memory and packaging dotted, the company's frame and the money dotted; no question mark anywhere", () => {
      const first = at("money");
      for (const state of unknowns.states) {
        const marks = at(state);
        for (const key of ["chip-sub", "chip-die", "chip-hbm-l0", "company", "racks-0", "money-0"])
          expect(find(marks, key)!.attrs, `${state} ${key}`).toEqual(find(first, key)!.attrs);
        expect(classes(find(marks, "chip-die"))).toContain("die-plan");
        expect(classes(find(marks, "chip-sub"))).toContain("sub-unknown");
        for (const id of ["l0", "l1", "r0", "r1"]) expect(classes(find(marks, `chip-hbm-${id}`))).toContain("stack-unknown");
        expect(classes(find(marks, "company"))).toContain("sub-unknown");
        expect(classes(find(marks, "racks-0"))).toContain("rack-plan");
        for (const i of [0, 1, 2]) expect(classes(find(marks, `money-${i}`))).toContain("stack-unknown");
        expect(labelText(marks, "chip-lbl")).toBe(ctx.t("chip"));
        for (const m of texts(marks)) expect(m.text, `${state} ${m.key}`).not.toMatch(/\?/);
      }
    });

    it("money: says under each part what is not known", () => {
      const marks = at("money");
      for (const [key, label] of [
        ["open-lbl", "open-parts"],
        ["company-lbl", "company"],
        ["money-lbl", "money"],
      ] as const)
        expect(words(labelText(marks, key)), key).toBe(words(ctx.t(label)));
      // Each under its own part: the chip's words left of the company's, the company's left of the money's.
      const x = (key: string) => num(find(marks, `${key}-0`)!, "x");
      expect(x("open-lbl")).toBeLessThan(x("company-lbl"));
      expect(x("company-lbl")).toBeLessThan(x("money-lbl"));
      expect(find(marks, "src-wei")).toBeUndefined();
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
      // The anatomy's parts keep their names once the open questions are gone.
      expect(words(labelText(marks, "sum-lbl"))).toBe(words(ctx.t("sum")));
      expect(words(labelText(marks, "company-name-lbl"))).toBe(words(ctx.t("company-name")));
      const cls = (key: string) => String(find(marks, `src-${key}`)!.attrs.class);
      expect(new Set(SOURCES.map((s) => cls(s.key))).size).toBe(3);
      expect(SOURCES.filter((s) => cls(s.key) === cls("wei")).map((s) => s.key)).toEqual(["wei"]);
    });

    it("announcement: a dotted line to the public, a solid one to the industry executive, the year ending in a dashed flag", () => {
      const marks = at("announcement");
      expect(classes(find(marks, "link-public"))).toContain("arc-unknown");
      expect(classes(find(marks, "link-manager"))).toContain("arc-strong");
      expect(words(labelText(marks, "link-public-lbl"))).toBe(words(ctx.t("rarely")));
      expect(words(labelText(marks, "link-manager-lbl"))).toBe(words(ctx.t("privately")));
      for (const k of ["altman", "public", "manager"]) expect(words(labelText(marks, `${k}-lbl`))).toBe(words(ctx.t(k)));
      expect(classes(find(marks, "altman-body"))).toEqual(["bust"]);
      const year = find(marks, "year")!;
      expect(labelText(marks, "year-lbl")).toBe(ctx.t("year"));
      expect(classes(find(marks, "flag"))).toContain("die-plan");
      expect(words(labelText(marks, "announce-lbl"))).toBe(words(ctx.t("announce")));
      expect(num(year, "y")).toBeGreaterThan(num(find(marks, "manager-head")!, "cy"));
    });

    it("says in each caption what the marks mean", () => {
      for (const state of unknowns.states) expect(words(labelText(at(state), "note")), state).toBe(words(ctx.t(`note.${state}`)));
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("unknowns", "column", "de");
    const en = ctxFor("unknowns", "column", "en");
    expect(words(labelText(unknowns.marks("money", de), "money-lbl"))).toBe(words(de.t("money")));
    expect(words(labelText(unknowns.marks("money", en), "money-lbl"))).toBe(words(en.t("money")));
    expect(de.t("money")).not.toBe(en.t("money"));
  });
});
