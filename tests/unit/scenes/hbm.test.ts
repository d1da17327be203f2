// Scene "hbm": chapter 7, the chip cut through. What each state must show, in
// every layout: the top view with its section line A–A and the section below it
// (HBM stacks of memory chips beside the processor, on interposer and substrate);
// data on the links, in an enlarged detail of the interposer (the text's shortage,
// unsized, drawn nowhere); then, the chip gone (section and top view), one supply chain
// (makers → NVIDIA → OpenAI) with OpenAI's talks past NVIDIA, and NVIDIA's
// response, not known. Words are checked against the labels.

import { describe, expect, it } from "vitest";
import { hbm } from "../../../src/scenes/hbm.ts";
import { LAYERS } from "../../../src/scenes/chip.ts";
import type { Lang, Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, texts, walk } from "../support.ts";
import { readPath } from "../../../src/scenes/pathData.ts";
import { textWidth } from "../../../src/scenes/text.ts";
import { boxAround, isCaption, textBox, typeOf, type Box } from "../../../src/scenes/figure.ts";
import { builtMarks, LANGS, pictureShare, realStory } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof hbm.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
/** Wrapped lines are joined with spaces (and compounds may break after a hyphen): compare the letters. */
const letters = (s: string | undefined) => s?.replace(/[\s\u00a0]+/g, "");
const box = (m: Mark) => ({ x0: num(m, "x"), y0: num(m, "y"), x1: num(m, "x") + num(m, "width"), y1: num(m, "y") + num(m, "height") });
const cx = (m: Mark) => num(m, "x") + num(m, "width") / 2;
const cy = (m: Mark) => num(m, "y") + num(m, "height") / 2;
const keys = (marks: Mark[], re: RegExp) => [...walk(marks)].map((w) => w.mark).filter((m) => re.test(m.key));

/** A state's marks as the built stage draws them in a layout (the phone's composed for its room). */
const stageOf = (lang: string, state: State, layout: Layout): Mark[] | undefined => builtMarks("hbm", lang, state, layout);

/** Every layout and language, each read from the scene as drawn and from the built stage. */
const FROM_CASES = LAYOUT_LIST.flatMap((layout) =>
  LANGS.flatMap((lang) => (["scene", "stage"] as const).map((from) => [layout, lang, from] as const)),
);
/** A state's marks from the scene as drawn in a layout, or from the built stage there. */
const marksFrom = (from: "scene" | "stage", lang: Lang, state: State, layout: Layout): Mark[] | undefined =>
  from === "scene" ? hbm.marks(state, ctxFor("hbm", layout, lang)) : stageOf(lang, state, layout);

describe("hbm", () => {
  // Graphics review 45, item 4: on the phone "…(not in the article)" stood flush on "likely NVIDIA's upstream
  // suppliers", and the two asides read as one block. Between any two labels that stand over each other, half a line.
  it.each(FROM_CASES)("(%s, %s, %s) the chain's words keep half a line between one label and the next", (layout, lang, from) => {
    for (const state of ["talks", "nvidia"] as const) {
      const marks = marksFrom(from, lang, state, layout);
      if (!marks) continue;
      const blocks = new Map<string, { box: Box; size: number }>();
      for (const m of texts(marks).filter((t) => !isCaption(t))) {
        const id = m.key.replace(/-\d+$/, "");
        const b = textBox(m);
        const was = blocks.get(id);
        blocks.set(id, {
          size: num(m, "font-size"),
          box: was
            ? {
                x0: Math.min(was.box.x0, b.x0),
                y0: Math.min(was.box.y0, b.y0),
                x1: Math.max(was.box.x1, b.x1),
                y1: Math.max(was.box.y1, b.y1),
              }
            : b,
        });
      }
      const list = [...blocks.entries()];
      for (const [i, [ka, a]] of list.entries())
        for (const [kb, b] of list.slice(i + 1)) {
          if (a.box.x1 <= b.box.x0 || b.box.x1 <= a.box.x0) continue;
          const gap = Math.max(a.box.y0 - b.box.y1, b.box.y0 - a.box.y1);
          expect(gap, `${state}: ${ka} and ${kb}`).toBeGreaterThanOrEqual(Math.min(a.size, b.size) * 0.5);
        }
    }
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("hbm", layout, "en");
    const at = (state: State) => hbm.marks(state, ctx);

    const PARTS: State[] = ["package", "data"];
    const FIRMS: State[] = ["talks", "nvidia"];

    it("keeps the top view in the parts' steps, in the same place; the firms' steps drop the chip: section, line and top view", () => {
      const first = at("package");
      for (const state of PARTS) {
        const marks = at(state);
        for (const key of ["top-sub", "top-die", "top-hbm-l0"])
          expect(find(marks, key)!.attrs, `${state} ${key}`).toEqual(find(first, key)!.attrs);
      }
      for (const state of FIRMS) {
        const marks = at(state);
        expect(
          keys(marks, /^(sec-|cut)/).map((m) => m.key),
          state,
        ).toEqual([]);
        expect(
          keys(marks, /^(hbm-[lr]|die)-lbl/).map((m) => m.key),
          state,
        ).toEqual([]);
        // No chip left above a network it does not belong to.
        expect(
          keys(marks, /^top-/).map((m) => m.key),
          state,
        ).toEqual([]);
      }
    });

    it("draws in the parts' steps, in the same place, the section line and the section: stacks of memory chips beside the processor, on interposer and substrate", () => {
      const first = at("package");
      for (const state of PARTS) {
        const marks = at(state);
        for (const key of ["top-sub", "top-die", "cut", "sec-side-sub", "sec-side-int", "sec-side-die"])
          expect(find(marks, key)!.attrs, `${state} ${key}`).toEqual(find(first, key)!.attrs);
        // The section line crosses the top view, lettered at both ends.
        const cut = readPath(String(find(marks, "cut")!.attrs.d)).flatMap((c) => c.points);
        const top = box(find(marks, "top-sub")!);
        expect(Math.min(...cut.map((p) => p[0]!))).toBeLessThan(top.x0);
        expect(Math.max(...cut.map((p) => p[0]!))).toBeGreaterThan(top.x1);
        expect(labelText(marks, "cut-0-lbl")).toBe(ctx.t("section"));
        expect(labelText(marks, "cut-1-lbl")).toBe(ctx.t("section"));
        const sub = box(find(marks, "sec-side-sub")!);
        const int = box(find(marks, "sec-side-int")!);
        const die = box(find(marks, "sec-side-die")!);
        expect(sub.y1, "the section lies below the top view").toBeGreaterThan(top.y1);
        // (y and height are each rounded to a tenth: their sum may miss by one)
        expect(Math.abs(int.y1 - sub.y0)).toBeLessThanOrEqual(0.11);
        expect(die.y1).toBeLessThanOrEqual(int.y0);
        expect(classes(find(marks, "sec-side-die"))).toContain("die-ink");
        // Cut open, the processor (the section, its enlarged detail) takes the dark scheme's light fill (graphics review
        // 57, item 10: black, it read as a hollow outline there); the top view keeps the dark die, the story's motif.
        expect(classes(find(marks, "sec-side-die"))).toContain("die-cut");
        if (find(marks, "zoom-die")) expect(classes(find(marks, "zoom-die"))).toContain("die-cut");
        expect(classes(find(marks, "top-die"))).not.toContain("die-cut");
        for (const side of ["l", "r"] as const) {
          const chips = keys(marks, new RegExp(`^sec-side-hbm-${side}-\\d+$`)).map(box);
          expect(chips.length, `${state}: memory chips per stack`).toBe(LAYERS);
          // Stacked: each chip above the one before, the stack standing on the interposer beside the die.
          chips.slice(1).forEach((c, i) => expect(c.y1).toBeLessThanOrEqual(chips[i]!.y0 + 0.5));
          expect(chips[0]!.y1).toBeLessThanOrEqual(int.y0);
          if (side === "l") expect(chips[0]!.x1).toBeLessThan(die.x0);
          else expect(chips[0]!.x0).toBeGreaterThan(die.x1);
          expect(Math.min(...chips.map((c) => c.y0)), "a stack stands taller than the die").toBeLessThan(die.y0);
          expect(letters(labelText(marks, `hbm-${side}-lbl`))).toBe(letters(ctx.t("hbm")));
          expect(keys(marks, new RegExp(`^sec-link-${side}-\\d+$`)).length).toBeGreaterThan(2);
        }
        expect(letters(labelText(marks, "die-lbl"))).toBe(letters(ctx.t("die")));
      }
      expect(letters(labelText(first, "layers-lbl"))).toBe(letters(ctx.t("layers")));
    });

    it("the top view's words say where the section is drawn: below it, or at its right on paper", () => {
      for (const state of PARTS) {
        const marks = at(state);
        const top = box(find(marks, "top-sub")!);
        // beside: the section right of the top view, its stacks rising level with it (not under its foot)
        const sub = box(find(marks, "sec-side-sub")!);
        const stackTop = Math.min(...keys(marks, /^sec-side-hbm-/).map((m) => box(m).y0));
        const beside = sub.x0 > top.x1 && stackTop < top.y1;
        // (on a phone on its side the top view stands above the section, as on the upright phone: graphics review 47, item 7)
        expect(beside, `${state}: the section beside the top view`).toBe(layout === "print");
        expect(letters(labelText(marks, "top-lbl")), state).toBe(letters(ctx.t(beside ? "top-wide" : "top")));
      }
      expect(ctx.t("top-wide")).not.toBe(ctx.t("top"));
    });

    // Graphics review 52, item 8: the enlarged view was a knot of five wires spread under the whole stack, with ten
    // unlabelled white squares (packets) riding them, so "many links at once" did not read. Now: one neat bundle of
    // short wires side by side, none crossing, every mark in the detail a named part; under it, for contrast, memory
    // farther off on fewer, longer links (standards review 53, item 4: "one long link" was false, ordinary GPU memory
    // runs on wide buses too), each labelled beside it.
    it("data: the links turn to ink; the detail draws a bundle of short wires side by side, none crossing, from the stack into the processor", () => {
      const marks = at("data");
      for (const m of keys(marks, /^sec-link-/)) expect(classes(m), m.key).toContain("arc-ink");
      for (const m of keys(at("package"), /^sec-link-/)) expect(classes(m), m.key).not.toContain("arc-ink");
      // The detail, drawn at least twice the size of the piece it marks (in print, where it shares the figure's width
      // with the section, at least 1.5 times; on a phone on its side, under the section, three times: review 38 item 8,
      // beside it there it pressed against the right stack at 1.6).
      const src = box(find(marks, "zoom-src")!);
      const detail = box(find(marks, "zoom-frame")!);
      expect((detail.x1 - detail.x0) / (src.x1 - src.x0)).toBeGreaterThan(layout === "print" ? 1.5 : layout === "land" ? 3 : 2);
      // (on paper too: beside the section it stood against the right stack; graphics review 55, item 10)
      const sub = box(find(marks, "sec-side-sub")!);
      expect(detail.y0, "the detail lies under the section").toBeGreaterThan(sub.y1);
      expect((detail.y1 - detail.y0) / (src.y1 - src.y0)).toBeCloseTo((detail.x1 - detail.x0) / (src.x1 - src.x0), 1);
      // No unlabelled marks: nothing rides the wires, and every shape in the detail is a part the section names.
      expect(keys(marks, /^pkt-/).map((m) => m.key)).toEqual([]);
      const inside = [...walk(marks)]
        .map((w) => w.mark)
        .filter((m) => m.tag === "rect" && m.key !== "zoom-frame")
        .filter((m) => {
          const b = box(m);
          return b.x0 >= detail.x0 - 0.5 && b.x1 <= detail.x1 + 0.5 && b.y0 >= detail.y0 - 0.5 && b.y1 <= detail.y1 + 0.5;
        });
      for (const m of inside) expect(m.key).toMatch(/^zoom-(sub|int|die|hbm-\d+)$/);
      const stack = box(find(marks, "zoom-hbm-0")!);
      const die = box(find(marks, "zoom-die")!);
      const int = box(find(marks, "zoom-int")!);
      const wires = keys(marks, /^zoom-link-/).map((m) => ({
        key: m.key,
        cls: classes(m),
        pts: readPath(String(m.attrs.d)).flatMap((c) => c.points) as [number, number][],
      }));
      expect(wires.length, "many wires").toBeGreaterThanOrEqual(5);
      // the section's own links, enlarged
      expect(wires.length).toBe(keys(marks, new RegExp(`^sec-link-${stack.x0 < die.x0 ? "l" : "r"}-`)).length);
      const runs: number[] = [];
      for (const { key, cls, pts } of wires) {
        expect(cls, key).toContain("arc-ink");
        expect(pts.length, key).toBe(4);
        const [a, b, c, d] = pts as [[number, number], [number, number], [number, number], [number, number]];
        // down from the stack's foot, across the interposer, up into the processor's foot
        expect(a[0], key).toBeGreaterThanOrEqual(stack.x0);
        expect(a[0], key).toBeLessThanOrEqual(stack.x1);
        expect(Math.abs(a[1] - stack.y1), key).toBeLessThan(1);
        expect(d[0], key).toBeGreaterThanOrEqual(die.x0);
        expect(d[0], key).toBeLessThanOrEqual(die.x1);
        expect(Math.abs(d[1] - die.y1), key).toBeLessThan(1);
        expect([a[0], b[1]], key).toEqual([b[0], c[1]]);
        expect(c[0], key).toBe(d[0]);
        expect(b[1], key).toBeGreaterThan(int.y0);
        expect(b[1], key).toBeLessThan(int.y1);
        runs.push(Math.abs(c[0] - b[0]));
      }
      // Side by side: the runs at distinct levels, evenly spaced, at least 3 px apart; short: none over half the detail.
      const levels = wires.map((w) => w.pts[1]![1]).sort((p, q) => p - q);
      const steps = levels.slice(1).map((l, i) => l - levels[i]!);
      for (const st of steps) {
        expect(st).toBeGreaterThanOrEqual(3);
        expect(st).toBeCloseTo(steps[0]!, 0);
      }
      for (const r of runs) expect(r).toBeLessThan((detail.x1 - detail.x0) / 2);
      // None crosses another, in the detail or in the section: no wire's upright passes through another's run.
      const section = (side: "l" | "r") =>
        keys(marks, new RegExp(`^sec-link-${side}-`)).map((m) => ({
          key: m.key,
          pts: readPath(String(m.attrs.d)).flatMap((c) => c.points) as [number, number][],
        }));
      for (const set of [wires, section("l"), section("r")])
        for (const v of set)
          for (const h of set) {
            if (v === h) continue;
            const [hx0, hx1] = [Math.min(h.pts[1]![0], h.pts[2]![0]), Math.max(h.pts[1]![0], h.pts[2]![0])];
            const hy = h.pts[1]![1];
            for (const [p, q] of [
              [v.pts[0]!, v.pts[1]!],
              [v.pts[2]!, v.pts[3]!],
            ] as const) {
              const crosses = p[0] > hx0 && p[0] < hx1 && hy > Math.min(p[1], q[1]) && hy < Math.max(p[1], q[1]);
              expect(crosses, `${v.key} crosses ${h.key}`).toBe(false);
            }
          }
      expect(letters(labelText(marks, "flow-lbl"))).toBe(letters(ctx.t("flow")));
      expect(letters(labelText(marks, "zoom-lbl"))).toBe(letters(ctx.t("zoom")));
      // The contrast: fewer, longer links than the bundle's, side by side, memory at their ends on the stack's side,
      // the processor at the other, labelled above them.
      const far = keys(marks, /^far-link/).map((m) => readPath(String(m.attrs.d)).flatMap((c) => c.points) as [number, number][]);
      expect(far.length, "more than one link: ordinary memory too runs on a bus").toBeGreaterThanOrEqual(2);
      expect(far.length, "fewer links than the bundle's").toBeLessThan(wires.length);
      const mem = box(find(marks, "far-mem")!);
      const proc = box(find(marks, "far-die")!);
      expect(classes(find(marks, "far-mem"))).toContain("stack");
      expect(classes(find(marks, "far-die"))).toContain("die-ink");
      expect(classes(find(marks, "far-die"))).toContain("die-cut");
      expect(Math.sign(cx(find(marks, "far-die")!) - cx(find(marks, "far-mem")!))).toBe(
        Math.sign((die.x0 + die.x1) / 2 - (stack.x0 + stack.x1) / 2),
      );
      let [lx0, lx1] = [Infinity, -Infinity];
      for (const link of far) {
        // straight across, parallel: none crosses another
        expect(link.length).toBe(2);
        expect(link[0]![1]).toBe(link[1]![1]);
        const [a, b] = [Math.min(link[0]![0], link[1]![0]), Math.max(link[0]![0], link[1]![0])];
        [lx0, lx1] = [Math.min(lx0, a), Math.max(lx1, b)];
        expect(b - a, "each link twice the bundle's shortest wire").toBeGreaterThan(2 * Math.min(...runs));
        // (on a phone on its side the contrast stands in the words' column beside a detail three times its piece: 1.25)
        expect(b - a, "each link well over the bundle's longest wire").toBeGreaterThan(
          (layout === "land" ? 1.25 : 1.5) * Math.max(...runs),
        );
        for (const m of [mem, proc]) {
          expect(Math.min(Math.abs(m.x1 - a), Math.abs(m.x0 - b))).toBeLessThan(1);
          expect(link[0]![1]).toBeGreaterThan(m.y0);
          expect(link[0]![1]).toBeLessThan(m.y1);
        }
      }
      const farLevels = far.map((l) => l[0]![1]).sort((p, q) => p - q);
      for (const [i, l] of farLevels.slice(1).entries()) expect(l - farLevels[i]!, "side by side, apart").toBeGreaterThanOrEqual(3);
      expect(letters(labelText(marks, "far-lbl"))).toBe(letters(ctx.t("far")));
      const words = texts(marks)
        .filter((m) => /^far-lbl-\d+$/.test(m.key))
        .map(textBox);
      const last = words.at(-1)!;
      expect(last.y1, "the contrast's words above it").toBeLessThanOrEqual(Math.min(mem.y0, proc.y0) + 1);
      expect(Math.min(mem.y0, proc.y0) - last.y1, "right above it").toBeLessThan(num(find(marks, "far-lbl-0")!, "font-size"));
      expect(last.x1).toBeGreaterThan(lx0);
      expect(last.x0).toBeLessThan(lx1);
      expect(lx1 - lx0 + (mem.x1 - mem.x0) * 2).toBeLessThanOrEqual(Math.max(detail.x1 - detail.x0, last.x1 - last.x0) + 40);
      // Only while data flows.
      expect(find(at("package"), "zoom-frame")).toBeUndefined();
      expect(keys(at("package"), /^far-/).map((m) => m.key)).toEqual([]);
    });

    // Graphics review 44, item 4: a bracket with "no figures given" under the section showed nothing scarce; the
    // article gives no amount, and a part's drawing cannot show a shortage without one. The data step's text says HBM
    // was scarce, and its picture draws nothing for it: no bracket, no tag, no words that read as an amount.
    it("data: the shortage its text tells is not drawn (no bracket or tag, no number in the figure's words)", () => {
      const marks = at("data");
      expect(keys(marks, /scarce|short|bracket|supply/).map((m) => m.key)).toEqual([]);
      for (const m of texts(marks)) expect(m.text ?? "", m.key).not.toMatch(/\d/);
    });

    // Graphics reviews 44 to 47, item 1: a step of its own for the shortage ("scarce") drew the data step's picture
    // again, mark for mark, and the stage stood still. Each step's picture differs from the one before.
    it("no step repeats the picture of the step before", () => {
      hbm.states.slice(1).forEach((state, i) => expect(at(state), state).not.toEqual(at(hbm.states[i]!)));
    });

    it("talks: one supply chain, makers → NVIDIA's GPU → OpenAI, and OpenAI's talks going past NVIDIA to both makers", () => {
      const marks = at("talks");
      const hero = find(marks, "hero")!;
      const nv = find(marks, "nvidia")!;
      expect(classes(hero)).toContain("marker-hero");
      // NVIDIA as the chapter's chip: the ink die (the hand-over into chapter 8) on its package.
      expect(classes(nv)).toEqual(["die", "die-ink"]);
      expect(find(marks, "nvidia-sub")).toBeDefined();
      expect(cy(nv)).toBeLessThan(cy(hero));
      for (const [key, side] of [
        ["samsung", -1],
        ["sk-hynix", 1],
      ] as const) {
        const firm = find(marks, key)!;
        expect(classes(firm)).toContain("marker-ring");
        expect(Math.sign(cx(firm) - cx(hero))).toBe(side);
        expect(cy(firm)).toBeLessThan(cy(nv));
        expect(labelText(marks, `${key}-lbl`)).toBe(ctx.t(key));
        // Supply: dotted ink (standards reviews 57 and 58: the article speaks of "upstream suppliers" but never says the
        // two supply NVIDIA; solid, the link read as reported), arrowed at NVIDIA; talks: solid rust, bowed round NVIDIA's chip.
        expect(classes(find(marks, `supply-${key}`))).toEqual(["arc", "arc-ink", "arc-dot"]);
        expect(find(marks, `supply-${key}-head`)).toBeDefined();
        expect(classes(find(marks, `talk-${key}`))).toEqual(["arc"]);
        const pts = readPath(String(find(marks, `talk-${key}`)!.attrs.d)).flatMap((c) => c.points);
        const chip = box(find(marks, "nvidia-sub")!);
        // Its control point lies on the far side of the chip from the chip's middle: the curve passes it by.
        expect(Math.sign(pts[1]![0]! - cx(nv)), key).toBe(side);
        expect(side < 0 ? pts[1]![0]! < chip.x0 : pts[1]![0]! > chip.x1, key).toBe(true);
      }
      expect(classes(find(marks, "dependence"))).toEqual(["arc", "arc-ink", "arc-strong"]);
      expect(find(marks, "dependence-head")).toBeDefined();
      expect(letters(labelText(marks, "dependence-lbl"))).toBe(letters(ctx.t("dep")));
      expect(letters(labelText(marks, "talk-lbl"))).toBe(letters(ctx.t("talks")));
      expect(letters(labelText(marks, "makers-lbl"))).toBe(letters(ctx.t("makers")));
      expect(letters(labelText(marks, "makers-nv-lbl"))).toBe(letters(ctx.t("makers-nv")));
      expect(find(marks, "response")).toBeUndefined();
      expect(labelText(marks, "impact-lbl")).toBeUndefined();
    });

    // Graphics review 55, item 9: a dotted arrow ran from NVIDIA to the words "NVIDIA's response: not known" and read
    // as a link to an actor missing from the picture. The response is a note beside NVIDIA's chip, level with it, with
    // no line: the step adds words only (every line, arrowhead and shape is the step before's).
    it("nvidia: the same chain, nothing moved; it adds, as words beside NVIDIA's chip with no line to them, that its response is not known, and its stake in the direct talks", () => {
      const talks = at("talks");
      const marks = at("nvidia");
      for (const m of talks.filter((m) => !/^(note|caption)/.test(m.key))) expect(find(marks, m.key)?.attrs, m.key).toEqual(m.attrs);
      expect(find(marks, "response")).toBeUndefined();
      expect(find(marks, "response-head")).toBeUndefined();
      const added = marks.filter((m) => !/^(note|caption)/.test(m.key) && !find(talks, m.key));
      expect(added.filter((m) => m.tag !== "text").map((m) => m.key)).toEqual([]);
      expect(letters(labelText(marks, "response-lbl"))).toBe(letters(ctx.t("response")));
      const lines = texts(marks)
        .filter((m) => /^response-lbl-\d+$/.test(m.key))
        .map(textBox);
      const words = boxAround(lines);
      const chip = box(find(marks, "nvidia-sub")!);
      // Left of the chip, level with it (the chip's middle within the words' height, or the words within the chip's).
      expect(words.x1, "left of NVIDIA's chip").toBeLessThan(chip.x0);
      const cy = (chip.y0 + chip.y1) / 2;
      expect((words.y0 <= cy && cy <= words.y1) || (words.y0 >= chip.y0 && words.y1 <= chip.y1), "level with NVIDIA's chip").toBe(true);
      // Where the stage is wide (the desktop), right beside the chip, inside the talks curve that passes it by.
      if (layout === "column") expect(chip.x0 - words.x1, "beside the chip").toBeLessThan(typeOf(ctx).small * 1.5);
      expect(letters(labelText(marks, "impact-lbl"))).toBe(letters(ctx.t("impact")));
    });

    it("says in every state that the picture is a diagram (the caption comes from the labels)", () => {
      const note: Record<State, string> = {
        package: "note",
        data: "note",
        talks: "note-chain",
        nvidia: "note-response",
      };
      for (const state of hbm.states) expect(letters(labelText(at(state), "note")), state).toBe(letters(ctx.t(note[state])));
    });
  });

  // Review 10, item 2: a cross-section must not stretch (on a wide screen the stacks stood far from the processor).
  it("the section keeps one shape in every layout: the processor's height to its width, and the gap to a stack", () => {
    const shape = LAYOUT_LIST.map((layout) => {
      const marks = hbm.marks("package", ctxFor("hbm", layout, "en"));
      const die = box(find(marks, "sec-side-die")!);
      const stack = box(find(marks, "sec-side-hbm-r-0")!);
      const w = die.x1 - die.x0;
      return [(die.y1 - die.y0) / w, (stack.x0 - die.x1) / w];
    });
    for (const [k, [ratio, gap]] of shape.entries()) {
      expect(ratio, LAYOUT_LIST[k]).toBeCloseTo(shape[0]![0]!, 1);
      expect(gap, LAYOUT_LIST[k]).toBeCloseTo(shape[0]![1]!, 1);
    }
  });

  // Review 10, item 3: on a phone on its side the section line's letter A ran into the stacks' names.
  it.each(LAYOUT_LIST.flatMap((layout) => (["en", "de"] as const).map((lang) => [layout, lang] as const)))(
    "%s %s: the section line's letters and the processor's name stand clear of the stacks' names",
    (layout, lang) => {
      const marks = hbm.marks("package", ctxFor("hbm", layout, lang));
      const boxes = (re: RegExp) =>
        [...walk(marks)]
          .map((w) => w.mark)
          .filter((m) => re.test(m.key))
          .map((m) => {
            const [x, y, size] = [num(m, "x"), num(m, "y"), num(m, "font-size")];
            const w = textWidth(m.text ?? "", size, true);
            const anchor = m.attrs["text-anchor"];
            const x0 = anchor === "end" ? x - w : anchor === "middle" ? x - w / 2 : x;
            return { key: m.key, x0, x1: x0 + w, y0: y - size * 0.75, y1: y + size * 0.25 };
          });
      const apart = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) =>
        a.x1 < b.x0 || b.x1 < a.x0 || a.y1 < b.y0 || b.y1 < a.y0;
      for (const a of boxes(/^cut-[01]-lbl-\d+$/))
        for (const b of boxes(/^hbm-[lr]-lbl-\d+$/)) expect(apart(a, b), `${a.key} × ${b.key}`).toBe(true);
      // Nor does the processor's name run into the stacks' names or their chips (as it did once the section shrank).
      const chips = [...walk(marks)].map((w) => w.mark).filter((m) => /^sec-side-hbm-/.test(m.key));
      for (const a of boxes(/^die-lbl-\d+$/)) {
        for (const b of boxes(/^hbm-[lr]-lbl-\d+$/)) expect(apart(a, b), `${a.key} × ${b.key}`).toBe(true);
        for (const c of chips) expect(apart(a, box(c)), `${a.key} × ${c.key}`).toBe(true);
      }
    },
  );

  // Review 10, item 1: on the phone the dependence's words ran a word a line down over NVIDIA's chip.
  it.each(LAYOUT_LIST.flatMap((layout) => (["en", "de"] as const).map((lang) => [layout, lang] as const)))(
    "%s %s: NVIDIA's name beside its chip; the dependence's words beside its arrow, under the chip, two or three lines, clear of the talks' curves",
    (layout, lang) => {
      const c = ctxFor("hbm", layout, lang);
      const marks = hbm.marks("nvidia", c);
      const chip = box(find(marks, "nvidia-sub")!);
      const size = num(find(marks, "dependence-lbl-0")!, "font-size");
      const rows = [...walk(marks)].map((w) => w.mark).filter((m) => /^dependence-lbl-\d+$/.test(m.key));
      // NVIDIA's name beside its chip, not on the package's edge.
      const name = find(marks, "nvidia-lbl-0")!;
      expect(num(name, "x"), "NVIDIA's name").toBeGreaterThan(chip.x1);
      expect(num(name, "y"), "NVIDIA's name").toBeGreaterThan(chip.y0 + num(name, "font-size") * 0.75);
      expect(num(name, "y"), "NVIDIA's name").toBeLessThan(chip.y1);
      expect(rows.length, "lines").toBeGreaterThanOrEqual(2);
      expect(rows.length, "lines").toBeLessThanOrEqual(3);
      const arrow = readPath(String(find(marks, "dependence")!.attrs.d)).flatMap((p) => p.points);
      const lineX = arrow[0]![0]!;
      for (const row of rows) {
        const [x, y] = [num(row, "x"), num(row, "y")];
        const w = textWidth(row.text ?? "", size);
        const [x0, x1] = row.attrs["text-anchor"] === "end" ? [x - w, x] : [x, x + w];
        // Below the chip (its top, a cap height over the baseline), on one side of the arrow.
        expect(y - size * 0.75, row.key).toBeGreaterThan(chip.y1);
        expect(x0 > lineX || x1 < lineX, row.key).toBe(true);
        // No talks curve crosses the line's words (sampled along each curve).
        for (const key of ["talk-samsung", "talk-sk-hynix"]) {
          const [[ax, ay], [qx, qy], [bx, by]] = readPath(String(find(marks, key)!.attrs.d)).flatMap((p) => p.points) as [
            [number, number],
            [number, number],
            [number, number],
          ];
          for (let k = 0; k <= 100; k++) {
            const u = k / 100;
            const px = (1 - u) ** 2 * ax + 2 * (1 - u) * u * qx + u * u * bx;
            const py = (1 - u) ** 2 * ay + 2 * (1 - u) * u * qy + u * u * by;
            const inside = px > x0 - 2 && px < x1 + 2 && py > y - size * 0.75 && py < y + size * 0.25;
            expect(inside, `${row.key} × ${key}`).toBe(false);
          }
        }
      }
    },
  );

  // Graphics reviews 48 and 49, item 5: on a phone on its side "processor (GPU)", in two lines as wide as the die,
  // stood between the stacks' names, 13 units under them and overlapping them sideways. On every stage the processor's
  // name keeps a full line of its type clear of each stack's name, and stands over the die, between the stacks.
  it.each(FROM_CASES)(
    "(%s, %s, %s) the processor's name stays a line clear of the stacks' names, between the stacks",
    (layout, lang, from) => {
      for (const state of ["package", "data"] as const) {
        const marks = marksFrom(from, lang, state, layout);
        if (!marks) continue;
        const rows = (re: RegExp) => texts(marks).filter((m) => re.test(m.key));
        const union = (list: Box[]): Box => ({
          x0: Math.min(...list.map((b) => b.x0)),
          y0: Math.min(...list.map((b) => b.y0)),
          x1: Math.max(...list.map((b) => b.x1)),
          y1: Math.max(...list.map((b) => b.y1)),
        });
        const die = rows(/^die-lbl-\d+$/);
        expect(die.length, state).toBeGreaterThan(0);
        const name = union(die.map(textBox));
        const size = num(die[0]!, "font-size");
        for (const s of ["l", "r"] as const) {
          const other = union(rows(new RegExp(`^hbm-${s}-lbl-\\d+$`)).map(textBox));
          const gap = Math.max(name.x0 - other.x1, other.x0 - name.x1, name.y0 - other.y1, other.y0 - name.y1);
          expect(gap, `${state}: the processor's name and stack ${s}'s`).toBeGreaterThanOrEqual(size);
        }
        const l = box(find(marks, "sec-side-hbm-l-0")!);
        const r = box(find(marks, "sec-side-hbm-r-0")!);
        expect(name.x0, `${state}: clear of the left stack`).toBeGreaterThan(l.x1);
        expect(name.x1, `${state}: clear of the right stack`).toBeLessThan(r.x0);
      }
    },
  );

  // Graphics review 54, item 5: the enlarged detail filled the stage's foot, its title ("enlarged: …") a muted line under
  // it, and the contrast with ordinary memory pressed on the caption rule. Now the title heads the detail (above it; on
  // a phone on its side first beside it), and the contrast, the detail's last mark, keeps a full line of its words'
  // type clear of the caption rule.
  it.each(FROM_CASES)(
    "(%s, %s, %s) data: the detail's title at its head; the contrast a line clear of the caption",
    (layout, lang, from) => {
      const marks = marksFrom(from, lang, "data", layout);
      if (!marks) return;
      const detail = box(find(marks, "zoom-frame")!);
      const rows = texts(marks).filter((m) => /^zoom-lbl-\d+$/.test(m.key));
      expect(rows.length).toBeGreaterThan(0);
      const size = num(rows[0]!, "font-size");
      const title = rows.map(textBox);
      const words = texts(marks)
        .filter((m) => /^(flow|far)-lbl-\d+$/.test(m.key))
        .map(textBox);
      expect(classes(rows[0])).toContain("lbl-strong");
      if (layout === "land" || layout === "print") {
        // beside the detail, its first words, above what the bundle is and the contrast (on paper too: graphics review
        // 55, item 10, the detail under the section, its words at its right)
        for (const b of title) expect(b.x0).toBeGreaterThan(detail.x1);
        for (const w of words) expect(w.y0).toBeGreaterThanOrEqual(Math.max(...title.map((b) => b.y1)));
      } else {
        // (under the section no larger than three times its piece: as wide as the stage, it filled the desktop's foot)
        const src = box(find(marks, "zoom-src")!);
        expect((detail.x1 - detail.x0) / (src.x1 - src.x0)).toBeLessThanOrEqual(3.05);
        const last = title.at(-1)!;
        expect(last.y1, "above the detail").toBeLessThanOrEqual(detail.y0);
        expect(detail.y0 - last.y1, "right at its head").toBeLessThan(size);
        for (const b of title) {
          expect(b.x0).toBeGreaterThanOrEqual(detail.x0 - 1);
          expect(b.x1).toBeLessThanOrEqual(detail.x1 + 1);
        }
      }
      const rule = find(marks, "caption-rule")!;
      const contrast = [...keys(marks, /^far-(mem|die)$/).map(box)];
      expect(contrast.length).toBe(2);
      const foot = Math.max(
        ...contrast.map((b) => b.y1),
        ...keys(marks, /^far-link-/).flatMap((m) => readPath(String(m.attrs.d)).flatMap((c) => c.points.map((p) => p[1]!))),
      );
      expect(num(rule, "y1") - foot, "the contrast clear of the caption rule").toBeGreaterThanOrEqual(size * 1.22);
    },
  );

  // Graphics review 55, item 10: on paper the detail stood beside the section, its box against the right stack (its frame
  // meeting the marked piece's), and its two lines of words squeezed under it. Now it lies under the section, clear of it
  // by more than a line, its two leaders apart and down from the piece's foot, its words at its right, each in at most
  // two lines, apart from the next, clear of the detail by half a line.
  it.each(LANGS.flatMap((lang) => (["scene", "stage"] as const).map((from) => [lang, from] as const)))(
    "print %s (%s) data: the detail under the section, clear of it; its words at its right with room",
    (lang, from) => {
      const marks = marksFrom(from, lang, "data", "print")!;
      const detail = box(find(marks, "zoom-frame")!);
      const src = box(find(marks, "zoom-src")!);
      const rows = texts(marks).filter((m) => /^(zoom|flow|far)-lbl-\d+$/.test(m.key));
      const size = num(rows[0]!, "font-size");
      const section = keys(marks, /^sec-side-/).map(box);
      for (const b of section) expect(detail.y0 - b.y1, "a line and more under the section").toBeGreaterThan(size * 1.2);
      expect(detail.y0 - src.y1).toBeGreaterThan(size * 1.2);
      // the leaders: from the piece's foot to the detail's head, one each side, apart all the way
      const leaders = keys(marks, /^zoom-leader-/).map((m) => ({ x1: num(m, "x1"), y1: num(m, "y1"), x2: num(m, "x2"), y2: num(m, "y2") }));
      expect(leaders.length).toBe(2);
      const [a, b] = leaders.sort((p, q) => p.x1 - q.x1) as [(typeof leaders)[0], (typeof leaders)[0]];
      for (const l of [a, b]) {
        expect(l.y1).toBeCloseTo(src.y1, 0);
        expect(l.y2).toBeCloseTo(detail.y0, 0);
      }
      expect(b.x1 - a.x1).toBeGreaterThan(size);
      expect(b.x2 - a.x2).toBeGreaterThan(b.x1 - a.x1);
      // its words at its right, clear of it by half a line; each block in at most two lines, half a line from the next
      const blocks = (["zoom", "flow", "far"] as const).map((k) => rows.filter((m) => m.key.startsWith(`${k}-lbl-`)).map(textBox));
      for (const [i, list] of blocks.entries()) {
        expect(list.length, `block ${i}`).toBeGreaterThan(0);
        expect(list.length, `block ${i}`).toBeLessThanOrEqual(2);
        for (const w of list) expect(w.x0 - detail.x1, `block ${i}`).toBeGreaterThanOrEqual(size * 0.5);
        if (i) expect(list[0]!.y0 - blocks[i - 1]!.at(-1)!.y1, `block ${i}`).toBeGreaterThanOrEqual(size * 0.2);
      }
      // none of the words over the section
      for (const w of blocks.flat()) for (const s of section) expect(w.x0 > s.x1 || w.y0 > s.y1, "clear of the section").toBe(true);
    },
  );

  // Review 34: on a phone on its side "HBM: stacked memory chips" ran to four lines over its stack.
  it.each(["de", "en"] as const)("%s land: each stack's name in at most two lines, in the section's steps", (lang) => {
    const ctx = ctxFor("hbm", "land", lang);
    for (const state of ["package", "data"] as const) {
      const marks = hbm.marks(state, ctx);
      for (const side of ["l", "r"]) {
        const rows = [...walk(marks)].map((w) => w.mark).filter((m) => new RegExp(`^hbm-${side}-lbl-\\d+$`).test(m.key));
        expect(rows.length, `${state} ${side}`).toBeGreaterThan(0);
        expect(rows.length, `${state} ${side}`).toBeLessThanOrEqual(2);
      }
    }
  });

  // Graphics review 47, item 7: on a phone on its side the top view stood against the left stack, the section line's
  // right letter A at it, the left stack's name hanging over the top view, and the top view's words ran to five lines.
  describe.each(LANGS.flatMap((lang) => (["scene", "stage"] as const).map((from) => [lang, from] as const)))(
    "land %s (%s)",
    (lang, from) => {
      const ctx = ctxFor("hbm", "land", lang);
      const small = 18; // land's small type, in the layout's units (src/scenes/figure.ts)
      const marksOf = (state: "package" | "data") => (from === "scene" ? hbm.marks(state, ctx) : stageOf(lang, state, "land")!);
      const union = (list: Box[]): Box => ({
        x0: Math.min(...list.map((b) => b.x0)),
        y0: Math.min(...list.map((b) => b.y0)),
        x1: Math.max(...list.map((b) => b.x1)),
        y1: Math.max(...list.map((b) => b.y1)),
      });
      /** The gap between two boxes: the larger of their horizontal and vertical gaps (negative: they overlap). */
      const gapOf = (a: Box, b: Box) => Math.max(a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1);
      const textsOf = (marks: Mark[], re: RegExp) => texts(marks).filter((m) => re.test(m.key));
      /** The top view with its section line and the line's letters. */
      const topView = (marks: Mark[]) => {
        const cut = readPath(String(find(marks, "cut")!.attrs.d)).flatMap((c) => c.points);
        const line = { x0: Math.min(...cut.map((p) => p[0]!)), x1: Math.max(...cut.map((p) => p[0]!)), y0: cut[0]![1]!, y1: cut[0]![1]! };
        return union([box(find(marks, "top-sub")!), line, ...textsOf(marks, /^cut-[01]-lbl-\d+$/).map(textBox)]);
      };

      it.each(["package", "data"] as const)("%s: a clear gap between the top view (its line and letters A) and the section", (state) => {
        const marks = marksOf(state);
        const section = union(keys(marks, /^sec-side-/).map(box));
        expect(gapOf(topView(marks), section)).toBeGreaterThanOrEqual(small * 1.5);
        // nor does any other word come near the top view and its letters
        for (const m of texts(marks).filter((m) => !isCaption(m) && !/^(cut-[01]|top)-lbl-/.test(m.key)))
          expect(gapOf(topView(marks), textBox(m)), m.key).toBeGreaterThanOrEqual(small * 0.5);
      });

      it.each(["package", "data"] as const)("%s: the top view's words in at most two lines, beside it, clear of its letters A", (state) => {
        const marks = marksOf(state);
        const rows = textsOf(marks, /^top-lbl-\d+$/);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.length).toBeLessThanOrEqual(2);
        const words = union(rows.map(textBox));
        const top = box(find(marks, "top-sub")!);
        expect(words.y0, "level with the top view").toBeLessThan(top.y1);
        expect(words.y1, "level with the top view").toBeGreaterThan(top.y0);
        for (const a of textsOf(marks, /^cut-[01]-lbl-\d+$/)) expect(gapOf(words, textBox(a)), a.key).toBeGreaterThanOrEqual(small * 0.5);
      });

      it.each(["package", "data"] as const)("%s: each stack's name over its own stack, nearer it than the top view", (state) => {
        const marks = marksOf(state);
        const top = topView(marks);
        for (const s of ["l", "r"] as const) {
          const name = union(textsOf(marks, new RegExp(`^hbm-${s}-lbl-\\d+$`)).map(textBox));
          const stack = union(keys(marks, new RegExp(`^sec-side-hbm-${s}-\\d+$`)).map(box));
          // centred over the stack, above it
          expect(Math.abs((name.x0 + name.x1) / 2 - (stack.x0 + stack.x1) / 2), s).toBeLessThan((stack.x1 - stack.x0) / 2);
          expect(name.y1, s).toBeLessThanOrEqual(stack.y0);
          expect(gapOf(name, stack) * 1.5, s).toBeLessThan(gapOf(name, top));
        }
      });

      it("data: the detail's words beside it, at its right, not under the section's foot over the caption", () => {
        const marks = marksOf("data");
        const detail = box(find(marks, "zoom-frame")!);
        for (const m of textsOf(marks, /^(flow|zoom)-lbl-\d+$/)) {
          const b = textBox(m);
          expect(b.x0, m.key).toBeGreaterThan(detail.x1);
          expect(b.y1, m.key).toBeLessThanOrEqual(detail.y1 + small);
        }
      });
    },
  );

  // Standards review 44: the article's "upstream suppliers" follow its Samsung and SK Hynix paragraph, so the chain
  // names those two as them, in the article's word; TSMC makes no HBM and has no place in this figure. Standards
  // review 53, item 3: the article itself calls them upstream suppliers, so the words credit it, never "our inference".
  it("the makers are the article's upstream suppliers, credited to it; no TSMC", () => {
    const en = ctxFor("hbm", "column", "en");
    const de = ctxFor("hbm", "column", "de");
    expect(en.t("makers-nv")).toMatch(/^upstream suppliers, the article says$/);
    expect(en.t("impact")).toMatch(/upstream suppliers/);
    expect(de.t("makers-nv")).toMatch(/^laut Artikel vorgelagerte Zulieferer$/);
    expect(de.t("impact")).toMatch(/Zulieferern/);
    for (const [ctx, ours] of [
      [en, /our inference|inferred by us|our reading/i],
      [de, /unser Schluss|von uns gefolgert|unsere Lesart/i],
    ] as const)
      for (const key of ["alt.talks", "alt.nvidia", "makers-nv"]) expect(ctx.t(key), key).not.toMatch(ours);
    // Standards review 56, item 1.1: not "what they deliver is unknown", nor NVIDIA's use of HBM outside the article;
    // reviews 57 and 58: the link to NVIDIA is drawn dotted and said to be read from the article's words, not reported.
    for (const key of ["alt.talks", "alt.nvidia"]) {
      expect(en.t(key), key).toMatch(/Dotted lines join (the two|them) to NVIDIA/);
      expect(en.t(key), key).not.toMatch(/Solid lines join|deliver|not from the article/i);
      expect(de.t(key), key).toMatch(/Gepunktete Linien verbinden sie mit NVIDIA/);
      expect(de.t(key), key).not.toMatch(/Durchgezogene Linien verbinden|nicht im Artikel/i);
    }
    for (const ctx of [en, de])
      for (const state of hbm.states)
        expect(
          texts(hbm.marks(state, ctx))
            .map((m) => m.text ?? "")
            .join(" "),
          state,
        ).not.toMatch(/TSMC/);
  });

  // Graphics reviews 44 to 47, item 1: the shortage's step merged into the data step. Its text says, in both
  // languages, that HBM was as scarce as GPUs and that the article gives no size for it; its description says the
  // picture draws nothing for it.
  it("data: the text tells the shortage, hedged (no size given), and the figure's description says it is not drawn", () => {
    const said = {
      en: [/Demand for HBM outran supply/, /GPU/, /by how much is not said/],
      // (standards review 53: the German sentence no longer follows the article's wording)
      // (standards review 54: no more "nennt der Artikel nicht", a tic)
      de: [/reichte auch bei HBM die Liefermenge nicht/, /GPUs/, /wie groß die Lücke war, bleibt offen/],
    };
    for (const lang of LANGS) {
      const steps = realStory().chapters[lang]!.find((c) => c.scene === "hbm")!.steps;
      expect(steps.map((st) => st.state)).toEqual([...hbm.states]);
      const data = steps.find((st) => st.state === "data")!.html;
      for (const re of said[lang as "en" | "de"]) expect(data, lang).toMatch(re);
      expect(ctxFor("hbm", "column", lang).t("alt.data"), lang).toMatch(lang === "de" ? /nicht gezeichnet/ : /not drawn/);
    }
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("hbm", "column", "de");
    const en = ctxFor("hbm", "column", "en");
    expect(letters(labelText(hbm.marks("talks", de), "talk-lbl"))).toBe(letters(de.t("talks")));
    expect(letters(labelText(hbm.marks("talks", en), "talk-lbl"))).toBe(letters(en.t("talks")));
    expect(de.t("talks")).not.toBe(en.t("talks"));
  });

  // Graphics review 56, item 5: on the desktop the package step's section ended 57 % of the way down the stage, the
  // rest blank until the data step's enlarged detail came under it. The section larger there (SECTION_H), so each
  // step's picture spans at least 60 % of the stage's height; the data step's, with its detail, still fills it.
  it("on the desktop every step's picture spans at least 60 % of the stage's height, the data step's at least 85 %", () => {
    for (const lang of LANGS)
      for (const state of hbm.states) {
        const share = pictureShare(builtMarks("hbm", lang, state, "column")!, LAYOUTS.column.height);
        expect(share, `${lang} ${state}`).toBeGreaterThanOrEqual(state === "data" ? 0.85 : 0.6);
      }
  });
});
