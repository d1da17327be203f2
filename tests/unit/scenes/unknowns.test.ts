// Scene "unknowns": chapter 9, the plan's three objects again, large, one a row.
// What each state must show, in every layout: the planned chip as chip.ts draws it
// (dashed), the planned company's box and the sum as chapter 5's blue squares (as many as
// that chapter draws for it), each with its name and a hatched tag beside it (the
// chip's "apparently not begun", as the article hedges it; the others "open"), in the
// same place in the steps that show them; who said what as a sourcing table, the voices
// one a line, grouped by kind, at the largest type that fits and spread over the plot; last, a
// recap: what was reported (solid swatches) and what stayed open (hatched), then the
// announcement, the year with its end marked and named, Altman's two channels under it.
// Nothing drawn as a "?"; words from the labels.

import { describe, expect, it } from "vitest";
import { KINDS, PARTS, REPORTED, SOURCES, unknowns } from "../../../src/scenes/unknowns.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LANDSCAPE_LAYOUT, LAYOUTS } from "../../../src/story/config.ts";
import { isCaption, typeOf } from "../../../src/scenes/figure.ts";
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

    it("sets the recap's words no larger than the sources table's before it: one type scale for the last two pictures", () => {
      const largest = (state: State) =>
        Math.max(
          ...[...walk(at(state))]
            .map((w) => w.mark)
            .filter((m) => m.tag === "text" && !isCaption(m))
            .map((m) => num(m, "font-size")),
        );
      expect(largest("announcement")).toBeLessThanOrEqual(largest("sources") + 0.01);
    });

    it("draws the three objects in the first step, one a row, each with its name and a hatched tag beside it: the chip planned, the company's box planned, the sum as chapter 5's squares; no question mark anywhere", () => {
      const first = at("money");
      const goal = [...walk(first)].map((w) => w.mark).filter((m) => /^goal-\d+$/.test(m.key));
      // As many squares as chapter 5 draws for the sum ($40bn each), outlined in blue as there: money sought, not raised.
      expect(goal.length).toBe(Math.round(ctx.value("total-sum") / 40e9));
      for (const m of goal) expect(classes(m)).toContain("bar-goal");
      for (const state of ["money"] as const) {
        const marks = at(state);
        expect(classes(find(marks, "chip-die"))).toContain("die-plan");
        expect(classes(find(marks, "chip-sub"))).toContain("sub-plan");
        // The planned company as chapters 3 and 4 draw it (graphics review 42, item 10): their rust dashed box with
        // round corners, "planned" inside it; no server racks.
        const co = find(marks, "company-box")!;
        expect(co.tag).toBe("rect");
        expect(classes(co)).toEqual(["box-schematic"]);
        expect(num(co, "rx")).toBeGreaterThan(0);
        expect(num(co, "width")).toBeGreaterThan(num(co, "height"));
        expect(labelText(marks, "company-planned")).toBe(ctx.t("planned"));
        const inside = find(marks, "company-planned-0")!;
        expect(num(inside, "x")).toBeGreaterThan(num(co, "x"));
        expect(num(inside, "x")).toBeLessThan(num(co, "x") + num(co, "width"));
        expect(num(inside, "y")).toBeGreaterThan(num(co, "y"));
        expect(num(inside, "y")).toBeLessThan(num(co, "y") + num(co, "height"));
        for (const { mark } of walk(marks)) expect(mark.key, "no racks").not.toMatch(/^racks/);
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
      const objs = { chip: box(["chip-sub"]), company: box(["company-box"]), money: box(["goal-0", "goal-174"]) };
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
        // wide on 844 × 390), so the chip is smaller beside the words: still seen as a chip (75 px) there; the
        // squares, last row, run on under the announcement, half the figure wide, so each reads as chapter 5's
        // square, 6 px or more (graphics review 38: 3 px).
        const px = 480 / ctx.width;
        expect(num(find(first, "goal-0")!, "width") * px).toBeGreaterThanOrEqual(6);
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

    it("sources: a sourcing table in place of the objects: every voice one entry, under its kind's heading and hairline, the one by name first, then unnamed, media and data; a kind marker before each voice (a grey person, a ring, a grey dot, a blue square: never OpenAI's rust or NVIDIA's ink); what each is the source for beside it in a column of its own (on the phone, one line a voice, only the chapters that rely on it, in a column at the right); each group with its count; all inside the plot", () => {
      const marks = at("sources");
      const t = typeOf(ctx);
      // The objects give way to the table (they return in the last step).
      for (const key of ["chip-sub", "company-box", "goal-0", "chip-tag", "chip-q-lbl-0"]) expect(find(marks, key), key).toBeUndefined();
      // Two columns under their heads, each a column head of one word or two (no head that reads as a sentence); in a
      // narrow plot (the phone) the second is the chapters only.
      expect(labelText(marks, "th-voice-lbl")).toBe(ctx.t("table.voice"));
      const compact = labelText(marks, "th-for-lbl") === ctx.t("table.chapters");
      // (What each is the source for, in full, where the plot is wide: the desktop and the page.)
      if (layout === "column" || layout === "print") expect(compact).toBe(false);
      if (!compact) expect(labelText(marks, "th-for-lbl")).toBe(ctx.t("table.for"));
      // On the phone, no word of the table under the label size.
      if (layout === "square")
        for (const m of texts(marks).filter((m) => m.key.startsWith("src-")))
          expect(num(m, "font-size"), m.key).toBeGreaterThanOrEqual(t.label);
      // On the desktop the table stands over the plot (graphics review 38: small type, half the stage empty): its
      // voices at the label size (no larger: graphics review 46, item 10, the desktop's words near the prose's size; it was
      // 1.2 times it), its last line in the plot's lowest fifth.
      const size = num(find(marks, "src-wei-lbl-0")!, "font-size");
      if (layout === "column") {
        expect(size).toBeCloseTo(t.label, 2);
        const plotBottom = num(find(marks, "caption-rule")!, "y1");
        expect(
          Math.max(
            ...texts(marks)
              .filter((m) => m.key.startsWith("src-"))
              .map((m) => num(m, "y")),
          ),
        ).toBeGreaterThan(t.pad + (plotBottom - t.pad) * 0.8);
      }
      const y = (key: string) => num(find(marks, key)!, "y");
      const x = (key: string) => num(find(marks, key)!, "x");
      // The groups in order, each headed by its kind's word under a hairline that spans the table.
      const rules = KINDS.map((k) => find(marks, `rule-${k}`)!);
      KINDS.forEach((k, i) => {
        // The kind's word, and how many of the story's voices are of that kind.
        expect(labelText(marks, `kind-${k}-lbl`), k).toBe(ctx.t(`kinds.${k}`));
        expect(labelText(marks, `kind-${k}-n-lbl`), k).toBe(String(SOURCES.filter((s) => s.kind === k).length));
        expect(y(`kind-${k}-n-lbl-0`), k).toBe(y(`kind-${k}-lbl-0`));
        expect(x(`kind-${k}-n-lbl-0`), k).toBeGreaterThan(x(`kind-${k}-lbl-0`));
        expect(num(rules[i]!, "y1"), k).toBe(num(rules[i]!, "y2"));
        // Part of the picture, not of the caption strip (the printed figure sets its caption apart and would move it).
        expect(isCaption(rules[i]!), k).toBe(false);
        expect(num(rules[i]!, "y1"), k).toBeLessThan(y(`kind-${k}-lbl-0`));
        expect(num(rules[i]!, "x2") - num(rules[i]!, "x1"), k).toBeGreaterThan(t.label * 12);
        // Below the group before, or (where the plot is too short for one table: a phone on its side) at the top of a
        // second table to its right.
        if (i > 0) {
          const prev = `kind-${KINDS[i - 1]}-lbl-0`;
          if (x(`kind-${k}-lbl-0`) === x(prev)) expect(num(rules[i]!, "y1"), k).toBeGreaterThan(y(prev));
          else expect(num(rules[i]!, "x1"), k).toBeGreaterThan(x(`src-${SOURCES.find((s) => s.kind === KINDS[i - 1])!.key}-for-lbl-0`));
        }
      });
      expect(SOURCES.map((s) => s.kind)).toEqual([...SOURCES.map((s) => s.kind)].sort((a, b) => KINDS.indexOf(a) - KINDS.indexOf(b)));
      expect(SOURCES.filter((s) => s.kind === "public").map((s) => s.key)).toEqual(["wei"]);
      expect(SOURCES.filter((s) => s.kind === "data").map((s) => s.key)).toEqual(["sifma"]);
      let last = -Infinity;
      let column = -Infinity;
      const forX = new Map<number, Set<number>>();
      for (const s of SOURCES) {
        expect(words(labelText(marks, `src-${s.key}-lbl`)), s.key).toBe(words(ctx.t(`sources.${s.key}`)));
        const what = ctx.t(`for.${s.key}`);
        // Each says where the story relies on it; on the phone only that, the chapters' numbers.
        expect(what, s.key).toMatch(/\((ch|Kap)\. \d/);
        const chapters = what.match(/\((?:ch|Kap)\. ([\d, ]+)\)$/)![1]!;
        expect(words(labelText(marks, `src-${s.key}-for-lbl`)), s.key).toBe(words(compact ? chapters : what));
        // Under its kind's heading, below the voice before it; the two columns side by side on one line.
        const top = y(`src-${s.key}-lbl-0`);
        expect(top, s.key).toBeGreaterThan(y(`kind-${s.kind}-lbl-0`));
        const col = x(`kind-${s.kind}-lbl-0`);
        if (col !== column) [column, last] = [col, -Infinity];
        expect(top, s.key).toBeGreaterThan(last);
        expect(y(`src-${s.key}-for-lbl-0`), s.key).toBe(top);
        expect(x(`src-${s.key}-for-lbl-0`), s.key).toBeGreaterThan(x(`src-${s.key}-lbl-0`));
        // On the phone one line a voice.
        if (layout === "square") expect(find(marks, `src-${s.key}-lbl-1`), s.key).toBeUndefined();
        forX.set(col, (forX.get(col) ?? new Set()).add(x(`src-${s.key}-for-lbl-0`)));
        last = Math.max(
          ...texts(marks)
            .filter((m) => m.key.startsWith(`src-${s.key}-`))
            .map((m) => num(m, "y")),
        );
        const mark = find(marks, `src-${s.key}`) ?? find(marks, `src-${s.key}-head`);
        expect(mark, s.key).toBeDefined();
        const cls = classes(mark);
        const want = {
          public: ["bust", "bust-grey"],
          anon: ["marker", "marker-ring"],
          media: ["marker", "marker-muted"],
          data: ["bar", "bar-money"],
        };
        expect(cls, s.key).toEqual(want[s.kind]);
        // The marker before the voice's words, level with its first line.
        expect(left(mark!), s.key).toBeLessThan(x(`src-${s.key}-lbl-0`));
        expect(Math.abs(cy(mark!) - (top - size * 0.35)), s.key).toBeLessThan(size * 0.8);
      }
      // One column of "source for" per table; one table where the plot is tall enough (all but a phone on its side).
      for (const xs of forX.values()) expect(xs.size).toBe(1);
      if (layout !== LANDSCAPE_LAYOUT) expect(forX.size).toBe(1);
      // All inside the plot, above the caption's rule.
      const rule = find(marks, "caption-rule");
      for (const m of texts(marks).filter((m) => !m.key.startsWith("note"))) {
        expect(num(m, "y"), m.key).toBeLessThan(rule ? num(rule, "y1") : ctx.height);
        expect(num(m, "x"), m.key).toBeGreaterThanOrEqual(0);
      }
      // Who is not in this step: the announcement's words.
      expect(find(marks, "year")).toBeUndefined();
    });

    it("announcement: the story's last picture is a recap: what was reported, each with a solid swatch, under a tag with a solid swatch; what stayed open (the plan's three parts and their questions), each with a hatched swatch, under the hatched \"open\" tag; under both the announcement, the year a hairline named at its start, its end a dashed tick named as the headline's expectation, what Altman said of it under it; every mark labelled, all inside the plot", () => {
      const marks = at("announcement");
      const t = typeOf(ctx);
      const y = (key: string) => num(find(marks, key)!, "y");
      const x = (key: string) => num(find(marks, key)!, "x");
      // The first step's objects give way to the recap.
      for (const key of ["chip-sub", "company-box", "goal-0", "chip-tag", "src-wei-lbl-0"]) expect(find(marks, key), key).toBeUndefined();
      // The two heads: the same framed tag, its swatch solid (reported) or hatched (open).
      expect(classes(find(marks, "reported-tag"))).toContain("tag");
      expect(classes(find(marks, "reported-tag-solid"))).toContain("swatch-solid");
      expect(labelText(marks, "reported-tag-lbl")).toBe(ctx.t("recap.reported"));
      expect(classes(find(marks, "open-tag"))).toContain("tag");
      expect(classes(find(marks, "open-tag-hatch"))).toContain("hatch");
      expect(labelText(marks, "open-tag-lbl")).toBe(ctx.t("recap.open"));
      // Every item its swatch, left of its words and level with their first line; solid for reported, hatched for open.
      const items = [
        ...REPORTED.map((k) => ({ key: `rep-${k}`, cls: "swatch-solid", head: "reported-tag" })),
        ...PARTS.map((p) => ({ key: `open-${p}`, cls: "hatch", head: "open-tag" })),
      ];
      for (const { key, cls, head } of items) {
        const sw = find(marks, `${key}-sw`)!;
        expect(classes(sw), key).toContain(cls);
        const first = find(marks, `${key}-name-lbl-0`) ?? find(marks, `${key}-lbl-0`)!;
        // (A hatched swatch's outline is the last of its path: "M x,y h… v… h… Z".)
        const [sx, sy] =
          sw.tag === "rect"
            ? [num(sw, "x"), num(sw, "y")]
            : (String(sw.attrs.d)
                .match(/-?[\d.]+/g)!
                .slice(-5, -3)
                .map(Number) as [number, number]);
        expect(sx, key).toBeLessThan(num(first, "x"));
        expect(Math.abs(sy - (num(first, "y") - num(first, "font-size"))), key).toBeLessThan(num(first, "font-size") * 0.6);
        expect(num(first, "y"), key).toBeGreaterThan(y(head) + num(find(marks, head)!, "height"));
        // Legible: no item's words under the small size.
        expect(num(first, "font-size"), key).toBeGreaterThanOrEqual(t.small);
      }
      for (const k of REPORTED) expect(words(labelText(marks, `rep-${k}-lbl`)), k).toBe(words(ctx.t(`recap.${k}`)));
      for (const p of PARTS) {
        const name = { chip: ctx.t("chip"), company: ctx.t("company-name"), money: ctx.t("sum") }[p];
        expect(words(labelText(marks, `open-${p}-name-lbl`)), p).toBe(words(name));
        expect(words(labelText(marks, `open-${p}-lbl`)), p).toBe(words(ctx.t(`q-${p}`)));
      }
      // Side by side where the plot is wide (desktop, print, a phone on its side); one under the other on the phone.
      if (layout === "square") expect(y("open-tag")).toBeGreaterThan(y("rep-sum-lbl-0"));
      else {
        expect(y("open-tag")).toBe(y("reported-tag"));
        expect(x("open-tag")).toBeGreaterThan(Math.max(...REPORTED.map((k) => x(`rep-${k}-lbl-0`))));
      }
      // The year a hairline, not a bar (nothing about it is measured), under both lists.
      const year = find(marks, "year")!;
      expect(year.tag).toBe("line");
      expect(num(year, "y1")).toBe(num(year, "y2"));
      const lists = texts(marks).filter((m) => /^(rep|open)-/.test(m.key));
      expect(num(year, "y1")).toBeGreaterThan(Math.max(...lists.map((m) => num(m, "y"))));
      // Named at its start, above it.
      expect(labelText(marks, "year-lbl")).toBe(ctx.t("year"));
      expect(x("year-lbl-0")).toBe(num(year, "x1"));
      expect(y("year-lbl-0")).toBeLessThan(num(year, "y1"));
      // Its end a dashed tick across it, named by the words that end at it, above the line.
      const end = find(marks, "year-end")!;
      expect(classes(end)).toContain("arc-dash");
      const [ex, ey0, ey1] = String(end.attrs.d)
        .match(/-?[\d.]+/g)!
        .map(Number) as [number, number, number];
      expect(ex).toBeGreaterThan(num(year, "x1"));
      expect(ex).toBeLessThanOrEqual(num(year, "x2"));
      expect(ey0).toBeLessThan(num(year, "y1"));
      expect(ey1).toBeGreaterThan(num(year, "y1"));
      expect(words(labelText(marks, "announce-lbl"))).toBe(words(ctx.t("announce-end")));
      const announce = find(marks, "announce-lbl-0")!;
      expect(announce.attrs["text-anchor"]).toBe("end");
      expect(num(announce, "x")).toBe(ex);
      for (const m of texts(marks).filter((m) => m.key.startsWith("announce-lbl"))) expect(num(m, "y")).toBeLessThan(ey0);
      // What Altman said of it, under the line.
      expect(words(labelText(marks, "link-manager-lbl"))).toBe(words(ctx.t("privately")));
      expect(words(labelText(marks, "link-public-lbl"))).toBe(words(`${ctx.t("public")}: ${ctx.t("rarely")}`));
      expect(y("link-manager-lbl-0")).toBeGreaterThan(ey1);
      expect(y("link-public-lbl-0")).toBeGreaterThan(y("link-manager-lbl-0"));
      // All inside the plot, above the caption's rule.
      const rule = find(marks, "caption-rule");
      for (const m of texts(marks).filter((m) => !m.key.startsWith("note"))) {
        expect(num(m, "y"), m.key).toBeLessThan(rule ? num(rule, "y1") : ctx.height);
        expect(num(m, "x"), m.key).toBeGreaterThanOrEqual(0);
      }
    });

    it("says in each caption what the marks mean", () => {
      const key = (state: string) => (state === "money" ? "note.objects" : `note.${state}`);
      for (const state of unknowns.states) expect(words(labelText(at(state), "note")), state).toBe(words(ctx.t(key(state))));
      // The first step's squares are drawn smaller than chapter 5's (graphics review 42, item 6): its key gives their
      // value and claims no sameness with chapter 5 (readers compare areas, not captions).
      for (const lang of ["en", "de"] as const) {
        const note = ctxFor("unknowns", layout, lang).t("note.objects");
        expect(note).toMatch(/40/);
        expect(note, lang).not.toMatch(/chapter 5|Kapitel 5|same unit|dieselbe Einheit/i);
      }
      // The recap's key names all three of its marks' meanings.
      expect(ctx.t("note.announcement")).toMatch(/^Solid: reported; hatched tag: open; dashed: expected\./);
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
