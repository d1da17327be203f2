// Scene "unknowns": chapter 9, the plan's three objects again, large, one a row.
// What each state must show, in every layout: the planned chip as chip.ts draws it
// (dashed), the planned company's box and the sum as chapter 5's blue squares (as many as
// that chapter draws for it), each with its name and a hatched tag beside it (the
// chip's "apparently not begun", as the article hedges it; the others "open"), in the
// same place in the steps that show them; who said what as a sourcing table, the voices
// one a line, grouped by kind, at the largest type that fits and spread over the plot; last, the
// story's opening picture again, chapter 1's roadmap chip, each part keyed to what was reported
// (solid swatches) and what stayed open (hatched), and the announcement a large dashed diamond.
// Nothing drawn as a "?"; words from the labels.

import { describe, expect, it } from "vitest";
import { CLOSE_PARTS, PARTS, SOURCE_KIND, STATUS, unknowns, type ClosePart } from "../../../src/scenes/unknowns.ts";
import { chain } from "../../../src/scenes/chain.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LANDSCAPE_LAYOUT, LAYOUTS } from "../../../src/story/config.ts";
import { isCaption, overlaps, steadyPlot, textBox, typeOf, type Box } from "../../../src/scenes/figure.ts";
import { builtMarks, ctxFor, find, LANGS, labelText, num, texts, walk } from "../support.ts";
import { LINE_STYLE } from "./key.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof unknowns.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const words = (s: string | undefined) => s?.replace(/[\s\u00a0]+/g, " ");
const cy = (m: Mark) => (m.tag === "circle" ? num(m, "cy") : num(m, "y") + num(m, "height") / 2);
const boxOf = (m: Mark): Box => ({
  x0: num(m, "x"),
  y0: num(m, "y"),
  x1: num(m, "x") + num(m, "width"),
  y1: num(m, "y") + num(m, "height"),
});
/** A path's points, as written or as the build minifies it (M, L, H, V, h, v, Z; "M1,2 L3,4" or "M1 2L3 4"). */
function pathPoints(d: string): [number, number][] {
  const pts: [number, number][] = [];
  let cmd = "M";
  const tokens = d.match(/[MLHVZhvz]|-?\d*\.?\d+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (/[A-Za-z]/.test(tok)) {
      cmd = tok;
      continue;
    }
    const last = pts[pts.length - 1] ?? [0, 0];
    const n = Number(tok);
    if (cmd === "H") pts.push([n, last[1]]);
    else if (cmd === "V") pts.push([last[0], n]);
    else if (cmd === "h") pts.push([last[0] + n, last[1]]);
    else if (cmd === "v") pts.push([last[0], last[1] + n]);
    else pts.push([n, Number(tokens[++i])]);
  }
  return pts;
}
const pathBox = (d: string): Box => {
  const pts = pathPoints(d);
  return {
    x0: Math.min(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    x1: Math.max(...pts.map((p) => p[0])),
    y1: Math.max(...pts.map((p) => p[1])),
  };
};
type Pt = readonly [number, number];
/** Whether two segments cross or come within `gap` of each other (sampled: leaders are a few straight runs). */
function segmentsMeet(a: readonly [Pt, Pt], b: readonly [Pt, Pt], gap: number): boolean {
  const at = (s: readonly [Pt, Pt], k: number): Pt => [s[0][0] + (s[1][0] - s[0][0]) * k, s[0][1] + (s[1][1] - s[0][1]) * k];
  const o = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const [p1, p2] = a;
  const [q1, q2] = b;
  if (o(p1, p2, q1) * o(p1, p2, q2) < 0 && o(q1, q2, p1) * o(q1, q2, p2) < 0) return true;
  // (Touching or running alongside: the nearest of sampled points.)
  for (let i = 0; i <= 60; i++)
    for (let j = 0; j <= 60; j++) {
      const u = at(a, i / 60);
      const v = at(b, j / 60);
      if (Math.hypot(u[0] - v[0], u[1] - v[1]) <= gap) return true;
    }
  return false;
}
/** A box's four sides, as segments. */
const sidesOf = (b: Box): [Pt, Pt][] => {
  const corners: Pt[] = [b.x0, b.x1, b.x1, b.x0].map((x, k) => [x, k < 2 ? b.y0 : b.y1] as const);
  return corners.map((c, k) => [c, corners[(k + 1) % 4]!]);
};
/**
 * What a glyph looks like, as a reader tells glyphs apart: its outline (a box, whatever its proportions; a circle; a
 * polygon by its corners) and its paint (filled, outlined, hatched).
 */
function glyphLook(m: Mark): string {
  const c = classes(m);
  const paint = c.includes("hatch")
    ? "hatched"
    : c.some((k) => ["swatch-open", "marker-ring", "marker-no", "tag", "box-schematic"].includes(k))
      ? "outlined"
      : "filled";
  const shape =
    m.tag === "rect"
      ? "box"
      : m.tag === "circle"
        ? "circle"
        : c.includes("hatch")
          ? "box"
          : `polygon of ${pathPoints(String(m.attrs.d)).length}`;
  return `${paint} ${shape}`;
}
/** What a glyph of the chapter stands for, by its key; undefined for what is no glyph (a chip's part, a word, a square of money). */
function glyphMeaning(key: string): string | undefined {
  const src = /^close-(\w+)-src-mark$/.exec(key);
  if (src) return `source: ${SOURCE_KIND[src[1] as ClosePart]}`;
  const keyed = /^source-key-(\w+)-mark$/.exec(key);
  if (keyed) return `source: ${keyed[1]}`;
  if (/-rep-sw$/.test(key)) return "reported";
  if (/-(open-sw|tag-sw|tag-hatch)$/.test(key)) return "open";
  if (/^close-\w+-(no|pin)$/.test(key)) return "a part's number";
  if (/-end$/.test(key)) return "a leader's end";
  if (key === "announce-mark") return "the announcement";
  return undefined;
}

describe("unknowns", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("unknowns", layout, "en");
    const at = (state: State) => unknowns.marks(state, ctx);

    it("sets the last picture's words no larger than the sources table's before it: one type scale for the last two pictures", () => {
      const largest = (state: State) =>
        Math.max(
          ...[...walk(at(state))]
            .map((w) => w.mark)
            .filter((m) => m.tag === "text" && !isCaption(m))
            .map((m) => num(m, "font-size")),
        );
      expect(largest("announcement")).toBeLessThanOrEqual(largest("sources") + 0.01);
    });

    it("draws the three objects in the first step, one a row, each with its name and an open tag beside it (its square empty, as the last step draws what is open): the chip planned, the company's box planned, the sum as chapter 5's squares; no question mark anywhere", () => {
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
          expect(classes(find(marks, `${k}-tag-sw`))).toEqual(["swatch-open"]);
          expect(find(marks, `${k}-tag-hatch`)).toBeUndefined();
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
        // (a quarter of the figure's short side, less the key sentence's caption line on paper, graphics review 54 item 9)
        expect(num(find(first, "chip-sub")!, "width")).toBeGreaterThan(Math.min(ctx.width, ctx.height) / 4.1);
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

    it.each(["en", "de"] as const)(
      "sources (%s): no table (graphics review 51, item 2: it read as small print): the closing picture's chip, each part's name, numbered, with a small source badge under it (grey, filled, told apart by shape: a triangle for the unnamed, a plus for a media report, a star for the article itself) and its word; no block over three lines, no voice list, no diamond yet",
      (lang) => {
        const c = ctxFor("unknowns", layout, lang);
        const t = typeOf(c);
        const marks = unknowns.marks("sources", c);
        // The table is gone: no heads, no hairlines, no voice rows, no group counts.
        for (const m of [...walk(marks)].map((w) => w.mark)) expect(/^(th-|rule-|kind-|src-)/.test(m.key), m.key).toBe(false);
        // The same chip as the last step's, in the same place (carried, not morphed).
        const last = unknowns.marks("announcement", c);
        const sub = boxOf(find(marks, "chip-sub")!);
        for (const k of ["chip-sub", "chip-die", "close-design", "close-dc-0"]) expect(find(last, k), k).toBeDefined();
        // (Corners: a triangle 3, a plus 12, a star 10; none a square, a circle or a diamond, which say other things here.)
        const kinds = { anon: 3, media: 12, article: 10 } as const;
        const corners = (m: Mark) => (m.tag === "path" ? pathPoints(String(m.attrs.d)).length : 0);
        for (const p of CLOSE_PARTS) {
          expect(words(labelText(marks, `close-${p}-lbl`)), p).toBe(words(c.t(`close.${p}.name`)));
          expect(words(labelText(marks, `close-${p}-src-lbl`)), p).toBe(words(c.t(`close.${p}.src`)));
          const badge = find(marks, `close-${p}-src-mark`)!;
          expect(badge.tag, p).toBe("path");
          expect(classes(badge), p).toEqual(["marker", "marker-muted"]);
          expect(corners(badge), p).toBe(kinds[SOURCE_KIND[p]]);
          const first = find(marks, `close-${p}-src-lbl-0`)!;
          expect(pathBox(String(badge.attrs.d)).x1, p).toBeLessThan(num(first, "x"));
          expect(num(first, "font-size"), p).toBeGreaterThanOrEqual(t.least);
          // No block of small print: the name and its badge's word, three lines at most.
          const lines = texts(marks).filter((m) => m.key.startsWith(`close-${p}-`) && !/-(no|pin)-lbl-0$/.test(m.key));
          expect(lines.length, p).toBeLessThanOrEqual(3);
          expect(num(find(marks, `close-${p}-lbl-0`)!, "x"), p).toBeGreaterThan(sub.x1);
          // No fact's words in this step: those are the last step's.
          expect(find(marks, `close-${p}-rep-lbl-0`), p).toBeUndefined();
        }
        // Whose word: insiders for the memory talks and the approval, The Information for the design, the Journal for
        // the sum, the article itself where nothing was named (the maker, the packaging).
        expect(SOURCE_KIND).toEqual({ fab: "article", memory: "anon", design: "media", packaging: "article", dc: "anon", money: "media" });
        expect(c.t("close.design.src")).toBe("The Information");
        expect(c.t("close.money.src")).toBe("Wall Street Journal");
        // Standards review 52, item 8: the data-centre company itself is the industry executive's word, not the insiders'.
        expect(c.t("close.dc.src")).toMatch(/^(an industry executive|ein Manager der Branche)$/);
        // All of the story's voices are still named, in the step's words (content/<lang>/09-*.md) and the page's sources.
        const alt = c.t("alt.sources");
        for (const v of ["Insider", "The Information", "Wall Street Journal"]) expect(alt, v).toContain(v);
        expect(find(marks, "announce-mark")).toBeUndefined();
        expect(find(marks, "announce-lbl-0")).toBeUndefined();
        // The badges' key drawn, not only named (graphics review 52, item 1: the marks had been only named): across the
        // plot's foot, each marker as the badges draw it, its word right of it, under every block; the note no longer
        // spells the marks out.
        const blocksFoot = Math.max(
          ...texts(marks)
            .filter((m) => m.key.startsWith("close-"))
            .map((m) => textBox(m).y1),
        );
        for (const kind of ["anon", "media", "article"] as const) {
          const mark = find(marks, `source-key-${kind}-mark`)!;
          expect(corners(mark), kind).toBe(kinds[kind]);
          const badge = find(marks, `close-${CLOSE_PARTS.find((p) => SOURCE_KIND[p] === kind)!}-src-mark`)!;
          const wOf = (m: Mark) => pathBox(String(m.attrs.d)).x1 - pathBox(String(m.attrs.d)).x0;
          expect(wOf(mark), kind).toBeCloseTo(wOf(badge), 0);
          const word = find(marks, `source-key-${kind}-lbl-0`)!;
          expect(words(labelText(marks, `source-key-${kind}-lbl`)), kind).toBe(words(c.t(`source-key.${kind}`)));
          expect(num(word, "x"), kind).toBeGreaterThan(pathBox(String(mark.attrs.d)).x1);
          expect(num(word, "font-size"), kind).toBeGreaterThanOrEqual(t.least);
          expect(textBox(word).y0, kind).toBeGreaterThan(blocksFoot);
        }
        expect(c.t("note.sources"), lang).not.toMatch(/\b(ring|dot|page|triangle|plus|star|Punkt|Blatt|Dreieck|Stern)\b/i);
      },
    );

    it.each(
      (["en", "de"] as const).flatMap((lang) =>
        (layout === "square" ? ["scene", "stage"] : ["scene"]).map((from) => [lang, from] as const),
      ),
    )(
      "announcement (%s, %s): the story's last picture is its first one, the roadmap chip (graphics review 46, item 9: it was a text list): OpenAI's planned chip as chapter 1 draws it, its floor plan and the new data centres under it, dashed; each part a leader to its words, what was reported beside a solid swatch, what stayed open beside an empty one, the money last; the announcement a large dashed diamond, named, tied to the chip; nothing off the plot",
      (lang, from) => {
        const c = ctxFor("unknowns", layout, lang);
        const marks = from === "scene" ? unknowns.marks("announcement", c) : builtMarks("unknowns", lang, "announcement", layout)!;
        const t = typeOf(c);
        // The old list figure is gone: no heads over two lists, no year's hairline with its one tick.
        for (const key of [
          "reported-tag",
          "open-tag",
          "year",
          "year-end",
          "rep-sum-lbl-0",
          "open-chip-sw",
          "company-box",
          "goal-0",
          "src-wei-lbl-0",
        ])
          expect(find(marks, key), key).toBeUndefined();
        // The chip as chapter 1's roadmap draws the planned chip: part for part the same classes (rust die, dashed).
        const roadmap = chain.marks("roadmap", ctxFor("chain", layout, lang));
        for (const part of ["sub", "die", "hbm-l0", "hbm-l1", "hbm-r0", "hbm-r1"])
          expect(classes(find(marks, `chip-${part}`)), part).toEqual(classes(find(roadmap, `plan-${part}`)));
        expect(words(labelText(marks, "chip-lbl"))).toBe(words(c.t("chip")));
        const sub = boxOf(find(marks, "chip-sub")!);
        const die = boxOf(find(marks, "chip-die")!);
        // Its design drawn in, as the lead picture draws it: a dashed floor plan inside the die.
        const fp = boxOf(find(marks, "close-design")!);
        expect(classes(find(marks, "close-design"))).toEqual(["stack", "stack-plan"]);
        expect(fp.x0 > die.x0 && fp.x1 < die.x1 && fp.y0 > die.y0 && fp.y1 < die.y1).toBe(true);
        // The new data centres: dashed racks (as chapter 1's), under the chip.
        const racks = [0, 1, 2].map((i) => find(marks, `close-dc-${i}`)!);
        for (const r of racks) expect(classes(r)).toEqual(classes(find(roadmap, "new-racks-0")));
        const dc = { x0: num(racks[0]!, "x"), y0: num(racks[0]!, "y"), x1: boxOf(racks[2]!).x1, y1: boxOf(racks[0]!).y1 };
        expect(dc.y0).toBeGreaterThan(sub.y1);
        // Each part its block: its name, then each of its statuses, a swatch left of the words and level with their
        // first line, solid where the article reports it, empty where it stayed open; every word from the labels.
        const blocks = CLOSE_PARTS.map((p) => {
          expect(words(labelText(marks, `close-${p}-lbl`)), p).toBe(words(c.t(`close.${p}.name`)));
          const name = find(marks, `close-${p}-lbl-0`)!;
          // (On the phone too: graphics review 52, item 1, its swatches alone had said nothing there.)
          for (const kind of STATUS[p]) {
            const key = `close-${p}-${kind}`;
            expect(words(labelText(marks, `${key}-lbl`)), key).toBe(words(c.t(`close.${p}.${kind}`)));
            const sw = find(marks, `${key}-sw`)!;
            expect(classes(sw), key).toEqual([kind === "rep" ? "swatch-solid" : "swatch-open"]);
            // One code, solid or empty (graphics review 55, item 4: hatched squares of 6 pt read as solid in print), as
            // large as a capital of its words or more, both the same size.
            expect(sw.tag, key).toBe("rect");
            expect(num(sw, "width"), key).toBeGreaterThanOrEqual(num(name, "font-size") * 0.78);
            expect(num(sw, "height"), key).toBeCloseTo(num(sw, "width"), 5);
            const first = find(marks, `${key}-lbl-0`)!;
            const box = sw.tag === "rect" ? boxOf(sw) : pathBox(String(sw.attrs.d));
            expect(box.x1, key).toBeLessThan(num(first, "x"));
            expect(box.x0, key).toBeCloseTo(num(name, "x"), 5);
            expect(Math.abs((box.y0 + box.y1) / 2 - (num(first, "y") - num(first, "font-size") * 0.35)), key).toBeLessThan(
              num(first, "font-size") * 0.4,
            );
          }
          const all = texts(marks).filter((m) => m.key.startsWith(`close-${p}-`) && !m.key.startsWith(`close-${p}-pin`));
          return { p, y0: Math.min(...all.map((m) => textBox(m).y0)), y1: Math.max(...all.map((m) => textBox(m).y1)), name };
        });
        // The reported and the open as the brief of the closing picture gives them: reported, Ho's team and Broadcom,
        // the memory talks, the approval, the sum; open, who makes it, how far the work got, packaging, registration, the money.
        expect(CLOSE_PARTS.filter((p) => STATUS[p].includes("rep"))).toEqual(["memory", "design", "dc", "money"]);
        expect(CLOSE_PARTS.filter((p) => STATUS[p].includes("open"))).toEqual(["fab", "design", "packaging", "dc", "money"]);
        // The blocks one under the other in the parts' order (chip top to data centres, then the money), in one column
        // right of the chip, none overlapping the next; on the phone the money, which no leader joins to a part, across
        // the foot from the plot's left edge, under the data centres and the column (graphics review 49, item 6).
        // (The phone's numbered parts under the chip: the test of graphics review 50, item 2, below.)
        for (const [i, b] of blocks.entries()) {
          expect(num(b.name, "x"), b.p).toBeGreaterThan(sub.x1);
          if (i) expect(b.y0, b.p).toBeGreaterThan(blocks[i - 1]!.y1);
        }
        // No leaders from the words to the parts (graphics review 56, item 4: on the phone they tangled, Design's across
        // Memory's, Data centers' past Packaging): each part but the money numbered, the number in a small circle on its
        // part and again beside its name, in the gutter left of it and level with its first line; the money no number.
        for (const m of [...walk(marks)].map((w) => w.mark))
          expect(/^close-.*-(leader|end)$/.test(m.key), `${m.key}: a part's leader`).toBe(false);
        expect(find(marks, "close-money-no")).toBeUndefined();
        expect(find(marks, "close-money-pin")).toBeUndefined();
        const racksBox = { x0: dc.x0, y0: dc.y0, x1: dc.x1, y1: dc.y1 };
        const stacksR: Box = {
          ...boxOf(find(marks, "chip-hbm-r0")!),
          y1: boxOf(find(marks, "chip-hbm-r1")!).y1,
        };
        const near = (c: Mark, b: Box, by: number) =>
          num(c, "cx") >= b.x0 - by && num(c, "cx") <= b.x1 + by && num(c, "cy") >= b.y0 - by && num(c, "cy") <= b.y1 + by;
        const parts: Record<string, (c: Mark) => boolean> = {
          // on the die's top edge, inside its width
          fab: (c) => Math.abs(num(c, "cy") - die.y0) < 0.5 && num(c, "cx") > die.x0 && num(c, "cx") < die.x1,
          // astride the right stacks
          memory: (c) => near(c, stacksR, 0),
          // on the floor plan
          design: (c) => near(c, fp, 0),
          // in the substrate, clear of the die and of every stack
          packaging: (c) =>
            near(c, sub, 0) &&
            [die, ...(["l0", "l1", "r0", "r1"] as const).map((k) => boxOf(find(marks, `chip-hbm-${k}`)!))].every(
              (b) =>
                !overlaps(
                  {
                    x0: num(c, "cx") - num(c, "r"),
                    y0: num(c, "cy") - num(c, "r"),
                    x1: num(c, "cx") + num(c, "r"),
                    y1: num(c, "cy") + num(c, "r"),
                  },
                  b,
                  0,
                ),
            ),
          // beside the racks, right of them, level with their middle
          dc: (c) =>
            num(c, "cx") - num(c, "r") > racksBox.x1 &&
            num(c, "cx") - num(c, "r") < racksBox.x1 + t.label * 1.5 &&
            near(c, racksBox, num(c, "r") * 3),
        };
        const circles: Box[] = [];
        for (const [i, p] of CLOSE_PARTS.filter((q) => q !== "money").entries()) {
          const no = String(i + 1);
          const name = find(marks, `close-${p}-lbl-0`)!;
          for (const where of ["no", "pin"] as const) {
            const c = find(marks, `close-${p}-${where}`)!;
            expect(c.tag, `${p} ${where}`).toBe("circle");
            expect(labelText(marks, `close-${p}-${where}-lbl`), `${p} ${where}`).toBe(no);
            const n = find(marks, `close-${p}-${where}-lbl-0`)!;
            expect(num(n, "font-size"), `${p} ${where}`).toBeGreaterThanOrEqual(t.least);
            expect(Math.abs(num(n, "x") - num(c, "cx")), `${p} ${where}`).toBeLessThan(0.5);
            expect(num(c, "r"), `${p} ${where}`).toBeLessThan(num(n, "font-size"));
            circles.push({
              x0: num(c, "cx") - num(c, "r"),
              y0: num(c, "cy") - num(c, "r"),
              x1: num(c, "cx") + num(c, "r"),
              y1: num(c, "cy") + num(c, "r"),
            });
          }
          const gut = find(marks, `close-${p}-no`)!;
          expect(num(gut, "cx") + num(gut, "r"), p).toBeLessThan(num(name, "x"));
          expect(num(gut, "cx") - num(gut, "r"), p).toBeGreaterThan(sub.x1);
          expect(Math.abs(num(gut, "cy") - (num(name, "y") - num(name, "font-size") * 0.35)), p).toBeLessThan(num(name, "font-size") * 0.3);
          expect(parts[p]!(find(marks, `close-${p}-pin`)!), `${p}'s number on its part`).toBe(true);
        }
        // No number on another, nor on any words but its own.
        for (const [i, a] of circles.entries()) for (const b of circles.slice(i + 1)) expect(overlaps(a, b, 0)).toBe(false);
        for (const m of texts(marks).filter((m) => !/-(no|pin)-lbl-0$/.test(m.key) && !isCaption(m)))
          for (const c of circles) expect(overlaps(textBox(m), c, 0), `${m.key} under a number`).toBe(false);
        // What leaders are left (the announcement's) cross no other leader, no words, no number.
        const segs = (pts: [number, number][]) => pts.slice(1).map((q, i) => [pts[i]!, q] as const);
        const leaders = [...walk(marks)]
          .map((w) => w.mark)
          .filter((m) => classes(m).includes("leader"))
          .map((m) => ({ p: m.key, pts: pathPoints(String(m.attrs.d)) }));
        expect(leaders.map((l) => l.p)).toEqual(["announce-leader"]);
        for (const { p, pts } of leaders)
          for (const sgm of segs(pts)) {
            for (const m of texts(marks).filter((m) => !isCaption(m)))
              for (const side of sidesOf(textBox(m))) expect(segmentsMeet(sgm, side, 0), `${p} through ${m.key}`).toBe(false);
            for (const c of circles) for (const side of sidesOf(c)) expect(segmentsMeet(sgm, side, 0), `${p} through a number`).toBe(false);
          }
        // The announcement: a dashed diamond (expected, as planned things are drawn), no tiny stroke: at least twice
        // its words' size; its name beside it, level, with the year.
        const mark = find(marks, "announce-mark")!;
        expect(classes(mark)).toContain("box-schematic");
        const corners = pathPoints(String(mark.attrs.d));
        expect(corners).toHaveLength(4);
        const dm = pathBox(String(mark.attrs.d));
        const first = find(marks, "announce-lbl-0")!;
        expect(dm.x1 - dm.x0).toBeGreaterThanOrEqual(num(first, "font-size") * 2);
        expect(corners[0]![0]).toBeCloseTo(corners[2]![0], 5);
        expect(corners[1]![1]).toBeCloseTo(corners[3]![1], 5);
        expect(words(labelText(marks, "announce-lbl"))).toBe(words(c.t("close.announce")));
        expect(c.t("close.announce")).toContain("2024");
        expect(num(first, "x")).toBeGreaterThan(dm.x1);
        expect(textBox(first).y0).toBeLessThan((dm.y0 + dm.y1) / 2);
        // The announcement tied to the chip it would announce (graphics review 55, item 4: the diamond stood alone): a
        // leader from its top corner up to the package's foot, a dot there, past the racks, crossing no other leader.
        const link = pathPoints(String(find(marks, "announce-leader")!.attrs.d));
        expect(link[0]![0]).toBeCloseTo(corners[0]![0], 0);
        expect(link[0]![1]).toBeCloseTo(dm.y0, 0);
        const tip = link[link.length - 1]!;
        expect(tip[1]).toBeCloseTo(sub.y1, 0);
        expect(tip[0]).toBeGreaterThan(sub.x0);
        expect(tip[0]).toBeLessThan(sub.x1);
        expect(num(find(marks, "announce-end")!, "cy")).toBeCloseTo(sub.y1, 0);
        for (const s of segs(link)) {
          for (const r of racks) {
            const b = boxOf(r);
            const sides = sidesOf(b);
            for (const side of sides) expect(segmentsMeet(s, side, 1), `announcement's leader across ${r.key}`).toBe(false);
          }
        }
        // Legible and inside the plot: no words under the layout's least size, none past the plot's edges, none on another.
        const { plot } = steadyPlot(
          c,
          ["money", "sources", "announcement"].map((s) => c.t(s === "money" ? "note.objects" : `note.${s}`)),
        );
        const rule = find(marks, "caption-rule");
        const own = texts(marks).filter((m) => !m.key.startsWith("note") && !isCaption(m));
        for (const m of own) {
          const b = textBox(m);
          expect(num(m, "font-size"), m.key).toBeGreaterThanOrEqual(t.least);
          expect(b.x0, m.key).toBeGreaterThanOrEqual(plot.x0 - 0.5);
          expect(b.x1, m.key).toBeLessThanOrEqual(plot.x1 + 0.5);
          expect(b.y0, m.key).toBeGreaterThanOrEqual(plot.y0 - 0.5);
          expect(b.y1, m.key).toBeLessThan(rule ? num(rule, "y1") : c.height);
        }
        for (const [i, a] of own.entries())
          for (const b of own.slice(i + 1)) expect(overlaps(textBox(a), textBox(b), 0.5), `${a.key} on ${b.key}`).toBe(false);
      },
    );

    it.each(["en", "de"] as const)(
      "one glyph, one meaning, in all three steps (%s; graphics review 56, item 3: the outlined box had meant the article, then open; the grey dot a media report, then a leader's end)",
      (lang) => {
        const c = ctxFor("unknowns", layout, lang);
        const looks = new Map<string, Set<string>>();
        const meanings = new Map<string, Set<string>>();
        for (const state of unknowns.states)
          for (const { mark } of walk(unknowns.marks(state, c))) {
            const meaning = glyphMeaning(mark.key);
            if (!meaning) continue;
            const look = glyphLook(mark);
            looks.set(look, (looks.get(look) ?? new Set()).add(meaning));
            meanings.set(meaning, (meanings.get(meaning) ?? new Set()).add(look));
          }
        for (const [look, m] of looks) expect([...m], `${look} means`).toHaveLength(1);
        for (const [meaning, l] of meanings) expect([...l], `${meaning} drawn as`).toHaveLength(1);
        // Every source kind, both states and the numbers drawn somewhere (the test would pass on a chapter that drew none).
        expect([...meanings.keys()].sort()).toEqual(
          expect.arrayContaining(["a part's number", "open", "reported", "source: anon", "source: article", "source: media"]),
        );
        // Reported filled, open outlined: the story's solid for reported (the key at the caption's head).
        expect([...meanings.get("reported")!][0]).toBe("filled box");
        expect([...meanings.get("open")!][0]).toBe("outlined box");
      },
    );

    it("says in each caption what the marks mean", () => {
      const key = (state: string) => (state === "money" ? "note.objects" : `note.${state}`);
      for (const state of unknowns.states) expect(words(labelText(at(state), "note") ?? ""), state).toBe(words(ctx.t(key(state))));
      // The first step's squares are drawn smaller than chapter 5's (graphics review 42, item 6): its key gives their
      // value and claims no sameness with chapter 5 (readers compare areas, not captions).
      for (const lang of ["en", "de"] as const) {
        const note = ctxFor("unknowns", layout, lang).t("note.objects");
        expect(note).toMatch(/40/);
        expect(note, lang).not.toMatch(/chapter 5|Kapitel 5|same unit|dieselbe Einheit/i);
      }
      // The last picture's key: the piece's one key of line styles (solid, the swatches too: reported; dashed: planned),
      // then the filled and the hatched swatch (graphics review 52, item 1: the key is said once per chapter, so on the
      // stage this step's own words must say what ■ means) and, where the line has room (German), the diamond, which its
      // own callout names beside it anyway (graphics review 50, item 5; English print: the longer line cost the first
      // step's chip its size).
      for (const lang of ["en", "de"] as const) {
        const note = ctxFor("unknowns", layout, lang).t("note.announcement");
        // (the line styles are the drawn key's, src/scenes/figure.ts captionStrip)
        expect(note, lang).not.toMatch(LINE_STYLE[lang]);
        expect(note, lang).toMatch(
          lang === "en" ? /filled: reported; empty: open; 2024 inferred/i : /gefüllt: berichtet; leer: offen; raute: ankündigung/i,
        );
      }
    });
  });

  it('keeps the article\'s hedges in the last picture\'s words, and writes the sum out (standards review 46: "$7T", "7 Bio. Dollar" were headline-ese)', () => {
    // Graphics review 52, item 6: each statement leads with whose word it is ("insiders: …"), not a trailing footnote.
    const hedges = {
      en: {
        memory: /^insiders: talks/,
        design: /^The\sInformation: .*likeliest/,
        // Standards review 55, item 1: the German keeps the article's "eingeholt" (Duden: erbitten [und erhalten]);
        // the English gives its usual reading, "obtained", never "sought", with the insiders' name.
        dc: /^insiders: US approval obtained$/,
        money: /^WSJ: up to .* could be needed$/,
      },
      de: {
        memory: /^Insider: Gespräche/,
        design: /^The\sInformation: .*wohl/,
        dc: /^Insider: US-Genehmigung eingeholt$/,
        money: /^WSJ: womöglich bis zu /,
      },
    } as const;
    for (const lang of ["en", "de"] as const) {
      const c = ctxFor("unknowns", "column", lang);
      for (const [part, hedge] of Object.entries(hedges[lang])) expect(c.t(`close.${part}.rep`), `${lang} ${part}`).toMatch(hedge);
      const filed = lang === "en" ? /sought|request|our reading|eingeholt/i : /erhalten|Antrag|beantragt|unserer Lesart/;
      for (const key of ["close.dc.rep", "alt.sources", "alt.announcement"]) expect(c.t(key), `${lang} ${key}`).not.toMatch(filed);
      const sum = lang === "en" ? "$7 trillion" : "7 Billionen Dollar";
      for (const key of ["close.money.rep", "sum"]) {
        expect(words(c.t(key)), `${lang} ${key}`).toContain(sum);
        expect(c.t(key), `${lang} ${key}`).not.toMatch(/\$7T|Bio\./);
      }
    }
  });

  // Graphics review 51, item 2: on the phone the last picture's words stood under the chip as a numbered legend list, and
  // the announcement's name ran to two lines. Graphics review 52, item 1: its answer, each part's name with only its ■/▨
  // swatches, said nothing of what was known or open, and its key never said what ■ meant. On the phone each part's
  // block is its name, then each of its statements beside its swatch, in the larger layouts' words (wrapped), no
  // numbers and no source badges (the sources step's point); every swatch its statement, the key naming both swatches.
  it.each(LANGS.flatMap((lang) => (["scene", "stage"] as const).map((from) => [lang, from] as const)))(
    "announcement (square, %s, %s): on the phone each part says what is known and what is open, beside its swatches, decodable on its own; no legend list, no source badges",
    (lang, from) => {
      const c = ctxFor("unknowns", "square", lang);
      const t = typeOf(c);
      const marks = from === "scene" ? unknowns.marks("announcement", c) : builtMarks("unknowns", lang, "announcement", "square")!;
      const { plot } = steadyPlot(
        c,
        ["money", "sources", "announcement"].map((s) => c.t(s === "money" ? "note.objects" : `note.${s}`)),
      );
      const sub = boxOf(find(marks, "chip-sub")!);
      // Still the picture's main object: a third of the plot's width or more.
      expect((sub.x1 - sub.x0) / (plot.x1 - plot.x0)).toBeGreaterThan(0.33);
      // No numbered legend, no source badges here.
      for (const m of [...walk(marks)].map((w) => w.mark)) expect(/-(badge|key|src)(-|$)/.test(m.key), m.key).toBe(false);
      const all = [...walk(marks)].map((w) => w.mark);
      for (const p of CLOSE_PARTS) {
        const name = find(marks, `close-${p}-lbl-0`)!;
        for (const kind of STATUS[p]) {
          // Its statement, the larger layouts' words, under its name, at the least size or larger.
          expect(words(labelText(marks, `close-${p}-${kind}-lbl`)), `${p} ${kind}`).toBe(words(c.t(`close.${p}.${kind}`)));
          const first = find(marks, `close-${p}-${kind}-lbl-0`)!;
          expect(num(first, "y"), `${p} ${kind}`).toBeGreaterThan(num(name, "y"));
          expect(num(first, "font-size"), `${p} ${kind}`).toBeGreaterThanOrEqual(t.least);
          const sw = find(marks, `close-${p}-${kind}-sw`)!;
          expect(classes(sw), `${p} ${kind}`).toEqual([kind === "rep" ? "swatch-solid" : "swatch-open"]);
          const box = sw.tag === "rect" ? boxOf(sw) : pathBox(String(sw.attrs.d));
          expect(box.x1, `${p} ${kind}`).toBeLessThan(num(first, "x"));
          expect(box.x1 - box.x0, `${p} ${kind}`).toBeGreaterThanOrEqual(t.least * 0.6);
        }
      }
      // Every swatch drawn is a statement's: none stands alone beside a name.
      const swatches = all.filter((m) => /^close-.*-sw$/.test(m.key));
      expect(swatches.length).toBe(CLOSE_PARTS.reduce((n, p) => n + STATUS[p].length, 0));
      for (const sw of swatches) expect(find(marks, sw.key.replace(/-sw$/, "-lbl-0")), sw.key).toBeDefined();
      // Its key names both swatches.
      expect(c.t("note.announcement"), lang).toMatch(lang === "en" ? /filled: reported; empty: open/i : /gefüllt: berichtet; leer: offen/i);
      expect(c.t("close.announce").split(/\s+/).length).toBeLessThanOrEqual(5);
    },
  );

  it("labels come from the language's label file", () => {
    const de = ctxFor("unknowns", "column", "de");
    const en = ctxFor("unknowns", "column", "en");
    expect(words(labelText(unknowns.marks("money", de), "money-q-lbl"))).toBe(words(de.t("q-money")));
    expect(words(labelText(unknowns.marks("money", en), "money-q-lbl"))).toBe(words(en.t("q-money")));
    expect(de.t("q-money")).not.toBe(en.t("q-money"));
  });
});
