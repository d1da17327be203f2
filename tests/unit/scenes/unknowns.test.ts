// Scene "unknowns": what the story cannot say. What each state must show, in
// every layout: an open checklist of two questions; the main claims listed by
// source, with the one public, named source set apart; Altman's private promise
// against his public silence, and the year ending in an open box. Words are
// checked against the labels (ctx.t), never against literals.

import { describe, expect, it } from "vitest";
import { unknowns } from "../../../src/scenes/unknowns.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, texts } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const SOURCES = ["tsmc", "industry", "insiders", "wsj", "info", "wei"] as const;
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
/** Labels keep short quotes together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const ys = (marks: Mark[], prefix: string) =>
  texts(marks)
    .filter((m) => m.key.startsWith(prefix))
    .map((m) => num(m, "y"));

describe("unknowns", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("unknowns", layout, "en");
    const at = (state: (typeof unknowns.states)[number]) => unknowns.marks(state, ctx);

    it("money: two open boxes, each with a question mark, beside its question and what was planned", () => {
      const marks = at("money");
      expect(words(labelText(marks, "head-lbl"))).toBe(words(ctx.t("head")));
      let last = -Infinity;
      for (const q of ["invest", "firms"]) {
        const box = find(marks, `q-${q}`)!;
        expect(box.tag, q).toBe("rect");
        expect(classes(box)).toContain("box-schematic");
        expect(num(box, "width")).toBe(num(box, "height"));
        expect(labelText(marks, `q-${q}-mark`), q).toBe(ctx.t("open"));
        expect(words(labelText(marks, `q-${q}-lbl`)), q).toBe(words(ctx.t(q)));
        expect(words(labelText(marks, `q-${q}-val`)), q).toBe(words(ctx.t(`context.${q}`)));
        // The question starts right of its box; the rows run top to bottom.
        expect(num(find(marks, `q-${q}-lbl-0`)!, "x")).toBeGreaterThan(num(box, "x") + num(box, "width"));
        expect(num(box, "y"), q).toBeGreaterThan(last);
        last = num(box, "y") + num(box, "height");
      }
      // The second question sits in the lower half of the plot: the list fills it.
      const top = num(find(marks, "caption-band")!, "y");
      expect(num(find(marks, "q-firms")!, "y")).toBeGreaterThan(top * 0.5);
    });

    it("sources: one row per source, in order, each named, with its kind and every claim", () => {
      const marks = at("sources");
      let last = -Infinity;
      for (const key of SOURCES) {
        const mark = find(marks, `src-${key}`)!;
        expect(mark.tag, key).toBe("rect");
        expect(words(labelText(marks, `src-${key}-lbl`)), key).toBe(words(ctx.t(`sources.${key}.name`)));
        const claims = ctx.t(`sources.${key}.claims`).split("\n");
        claims.forEach((c, j) => expect(words(labelText(marks, `claim-${key}-${j}`)), `${key} ${j}`).toBe(words(c)));
        // Rows run top to bottom without overlap.
        const rowYs = [...ys(marks, `src-${key}-`), ...ys(marks, `claim-${key}-`)];
        expect(Math.min(...rowYs), key).toBeGreaterThan(last);
        last = Math.max(...rowYs);
      }
      // Unnamed people, media reports and the one public, named voice look different, and say so.
      const kinds = { tsmc: "anon", industry: "anon", insiders: "anon", wsj: "media", info: "media", wei: "public" } as const;
      for (const key of SOURCES) expect(labelText(marks, `src-${key}-val`), key).toBe(ctx.t(`kinds.${kinds[key]}`));
      const cls = (key: string) => String(find(marks, `src-${key}`)!.attrs.class);
      expect(new Set(SOURCES.map(cls)).size).toBe(3);
      expect(SOURCES.filter((k) => cls(k) === cls("wei"))).toEqual(["wei"]);
      // The list fills the plot: its last row ends in the lower quarter.
      const top = num(find(marks, "caption-band")!, "y");
      expect(last).toBeGreaterThan(top * 0.75);
    });

    it("announcement: a broken line to the public, a strong one to the industry manager, the year ending in an open box", () => {
      const marks = at("announcement");
      expect(labelText(marks, "altman-lbl")).toBe(ctx.t("altman"));
      expect(words(labelText(marks, "public-lbl"))).toBe(words(ctx.t("public")));
      expect(words(labelText(marks, "manager-lbl"))).toBe(words(ctx.t("manager")));
      expect(classes(find(marks, "link-public"))).toContain("arc-broken");
      expect(classes(find(marks, "link-manager"))).toContain("arc-strong");
      expect(words(labelText(marks, "link-public-lbl"))).toBe(words(ctx.t("rarely")));
      expect(words(labelText(marks, "link-manager-lbl"))).toBe(words(ctx.t("privately")));
      const year = find(marks, "year")!;
      const box = find(marks, "announce")!;
      expect(labelText(marks, "year-lbl")).toBe(ctx.t("year"));
      expect(labelText(marks, "announce-mark")).toBe(ctx.t("open"));
      expect(words(labelText(marks, "announce-lbl"))).toBe(words(ctx.t("announce")));
      // The box closes the year: right of the strip's end, level with it, at the figure's right margin.
      expect(num(box, "x")).toBeGreaterThan(num(year, "x") + num(year, "width"));
      const mid = num(year, "y") + num(year, "height") / 2;
      expect(Math.abs(num(box, "y") + num(box, "height") / 2 - mid)).toBeLessThan(1);
      expect(num(box, "x") + num(box, "width")).toBeGreaterThan(ctx.width * 0.9);
      // The strip spans most of the width, under the two lines.
      expect(num(year, "width") / ctx.width).toBeGreaterThan(0.75);
      expect(num(year, "y")).toBeGreaterThan(num(find(marks, "manager")!, "y"));
    });

    it("says in each caption that the picture is schematic", () => {
      for (const state of unknowns.states) expect(words(labelText(at(state), "note")), state).toBe(words(ctx.t(`note.${state}`)));
    });
  });

  it("stacks each source's claims under its name on the phone, beside it elsewhere", () => {
    const sq = unknowns.marks("sources", ctxFor("unknowns", "square", "en"));
    const col = unknowns.marks("sources", ctxFor("unknowns", "column", "en"));
    const x = (marks: Mark[], key: string) => num(find(marks, key)!, "x");
    expect(x(sq, "claim-tsmc-0-0")).toBeLessThan(x(sq, "src-tsmc-lbl-0") + 30);
    expect(x(col, "claim-tsmc-0-0")).toBeGreaterThan(LAYOUTS.column.width * 0.3);
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("unknowns", "column", "de");
    const en = ctxFor("unknowns", "column", "en");
    expect(words(labelText(unknowns.marks("money", de), "q-invest-lbl"))).toBe(words(de.t("invest")));
    expect(words(labelText(unknowns.marks("money", en), "q-invest-lbl"))).toBe(words(en.t("invest")));
    expect(de.t("invest")).not.toBe(en.t("invest"));
  });
});
