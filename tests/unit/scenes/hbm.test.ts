// Scene "hbm": the memory bottleneck. What each state must show, in every
// layout; words are checked against the labels (ctx.t), never against literals,
// and no fact value is pinned.

import { describe, expect, it } from "vitest";
import { hbm } from "../../../src/scenes/hbm.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, walk } from "../support.ts";
import { readPath } from "../../../src/scenes/pathData.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof hbm.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
/** Wrapped lines are joined with spaces (and compounds may break after a hyphen): compare the letters. */
const letters = (s: string | undefined) => s?.replace(/[\s\u00a0]+/g, "");
const box = (m: Mark) => ({ x0: num(m, "x"), y0: num(m, "y"), x1: num(m, "x") + num(m, "width"), y1: num(m, "y") + num(m, "height") });
const cx = (m: Mark) => num(m, "x") + num(m, "width") / 2;
const cy = (m: Mark) => num(m, "y") + num(m, "height") / 2;
const keys = (marks: Mark[], prefix: string) => [...walk(marks)].map((w) => w.mark).filter((m) => m.key.startsWith(prefix));
const LAYERS_OF = (marks: Mark[], side: "l" | "r") => keys(marks, `hbm-${side}-`).filter((m) => m.tag === "rect");

describe("hbm", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("hbm", layout, "en");
    const at = (state: State) => hbm.marks(state, ctx);

    it("draws the package in every state: a base, a processor between two HBM stacks on it, links through the base", () => {
      for (const state of hbm.states) {
        const marks = at(state);
        const base = box(find(marks, "base")!);
        const die = box(find(marks, "die")!);
        const left = LAYERS_OF(marks, "l").map(box);
        const right = LAYERS_OF(marks, "r").map(box);
        expect(left.length, state).toBeGreaterThan(2);
        expect(right.length).toBe(left.length);
        // Every chip of a stack has the same size; stacks stand on the base, left and right of the processor.
        for (const l of [...left, ...right]) {
          expect(l.x1 - l.x0).toBeCloseTo(left[0]!.x1 - left[0]!.x0, 0);
          expect(l.y1).toBeLessThanOrEqual(base.y0);
          expect(l.x0).toBeGreaterThanOrEqual(base.x0);
          expect(l.x1).toBeLessThanOrEqual(base.x1);
        }
        expect(Math.max(...left.map((l) => l.x1))).toBeLessThan(die.x0);
        expect(Math.min(...right.map((l) => l.x0))).toBeGreaterThan(die.x1);
        expect(die.y1).toBeLessThanOrEqual(base.y0);
        // A stack stands taller than the processor, and both stacks are labelled, the processor too.
        expect(Math.min(...left.map((l) => l.y0))).toBeLessThan(die.y0);
        expect(labelText(marks, "hbm-l-lbl"), state).toBe(ctx.t("hbm"));
        expect(labelText(marks, "hbm-r-lbl")).toBe(ctx.t("hbm"));
        expect(letters(labelText(marks, "die-lbl"))).toBe(letters(ctx.t("die")));
        // Links run from under each stack to under the processor.
        const links = keys(marks, "link-").filter((m) => m.tag === "path");
        expect(links.length).toBeGreaterThanOrEqual(2);
        expect(links.some((m) => m.key.startsWith("link-l-"))).toBe(true);
        expect(links.some((m) => m.key.startsWith("link-r-"))).toBe(true);
        for (const m of links) expect(classes(m)).toContain("arc");
      }
    });

    it("package and data: the package is big and centred, filling most of the figure's width", () => {
      for (const state of ["package", "data"] as const) {
        const base = box(find(at(state), "base")!);
        expect((base.x1 - base.x0) / ctx.width, state).toBeGreaterThan(0.85);
        expect(Math.abs((base.x0 + base.x1) / 2 - ctx.width / 2)).toBeLessThan(ctx.width * 0.01);
      }
      expect(find(at("data"), "base")!.attrs).toEqual(find(at("package"), "base")!.attrs);
      expect(labelText(at("package"), "base-lbl")).toBe(ctx.t("base"));
    });

    it("data: packets sit on the links inside the base, and enter from the stacks' side", () => {
      expect(keys(at("package"), "pkt-")).toEqual([]);
      const marks = at("data");
      const base = box(find(marks, "base")!);
      const die = box(find(marks, "die")!);
      const packets = keys(marks, "pkt-");
      expect(packets.length).toBeGreaterThanOrEqual(4);
      for (const p of packets) {
        expect(cy(p)).toBeGreaterThan(base.y0);
        expect(cy(p)).toBeLessThan(base.y1);
        // They come from the stack (further from the processor's middle) and move in.
        const mid = (die.x0 + die.x1) / 2;
        expect(Math.abs(Number(p.enter!.x) - mid)).toBeGreaterThan(Math.abs(num(p, "x") - mid));
      }
      expect(letters(labelText(marks, "flow-lbl"))).toBe(letters(ctx.t("flow")));
      expect(classes(find(marks, "link-l-0"))).toContain("arc-strong");
    });

    it("from scarce on: the package is smaller, at the top, and stays in the same place", () => {
      const big = box(find(at("package"), "base")!);
      const small = find(at("scarce"), "base")!;
      expect(box(small).x1 - box(small).x0).toBeLessThan(big.x1 - big.x0);
      for (const state of ["talks", "nvidia"] as const) expect(find(at(state), "base")!.attrs, state).toEqual(small.attrs);
      expect(box(small).y1).toBeLessThan(ctx.height * 0.6);
    });

    it("scarce: no quantity; a hatched tag hangs under each stack and the processor, one bracket joins them, one label", () => {
      const marks = at("scarce");
      const base = box(find(marks, "base")!);
      const die = box(find(marks, "die")!);
      const stacks = (["l", "r"] as const).map((side) => LAYERS_OF(marks, side).map(box));
      const parts = {
        l: (stacks[0]![0]!.x0 + stacks[0]![0]!.x1) / 2,
        die: (die.x0 + die.x1) / 2,
        r: (stacks[1]![0]!.x0 + stacks[1]![0]!.x1) / 2,
      };
      const tags = Object.entries(parts).map(([key, x]) => {
        const tag = find(marks, `scarce-${key}`)!;
        expect(classes(tag), key).toEqual(["tag"]);
        // Under its part, hung from it by a line from the base.
        expect(cx(tag), key).toBeCloseTo(x, 0);
        expect(num(tag, "y"), key).toBeGreaterThan(base.y1);
        const string = find(marks, `scarce-${key}-line`)!;
        expect(num(string, "x1"), key).toBeCloseTo(x, 0);
        expect(num(string, "y2"), key).toBeCloseTo(num(tag, "y"), 0);
        // Hatched: strokes inside the tag.
        const hatch = find(marks, `scarce-${key}-hatch`)!;
        expect(classes(hatch)).toEqual(["hatch"]);
        const points = readPath(String(hatch.attrs.d)).flatMap((c) => c.points);
        expect(points.length, key).toBeGreaterThan(8);
        for (const [x, y] of points) {
          expect(x!, key).toBeGreaterThanOrEqual(num(tag, "x"));
          expect(x!, key).toBeLessThanOrEqual(num(tag, "x") + num(tag, "width"));
          expect(y!, key).toBeGreaterThanOrEqual(num(tag, "y"));
          expect(y!, key).toBeLessThanOrEqual(num(tag, "y") + num(tag, "height"));
        }
        expect(letters(labelText(marks, `scarce-${key}-lbl`))).toBe(letters(ctx.t("scarce-tag")));
        return box(tag);
      });
      // One bracket from the first tag's middle to the last's, below them all.
      const d = String(find(marks, "scarce-bracket")!.attrs.d);
      const path = readPath(d);
      const [x0, y0] = path[0]!.points[0]!;
      const x1 = Math.max(...path.flatMap((c) => c.points.map((pt) => pt[0])));
      expect(x0).toBeCloseTo(parts.l, 0);
      expect(x1).toBeCloseTo(parts.r, 0);
      expect(y0).toBeGreaterThan(Math.max(...tags.map((b) => b.y1)));
      expect(letters(labelText(marks, "scarce-lbl"))).toBe(letters(ctx.t("scarce")));
      expect(letters(labelText(marks, "scarce-note-lbl"))).toBe(letters(ctx.t("scarce-note")));
      // Nothing that could be read as an amount: no bars beyond the package's own chips, no supply or demand rows.
      const rects = marks.filter((m) => m.tag === "rect" && !/caption/.test(String(m.attrs.class)));
      const own = new Set([
        "base",
        "die",
        ...rects.filter((m) => /^hbm-[lr]-\d+$/.test(m.key)).map((m) => m.key),
        "scarce-l",
        "scarce-die",
        "scarce-r",
      ]);
      expect(rects.map((m) => m.key).filter((k) => !own.has(k))).toEqual([]);
      expect(letters(labelText(marks, "note"))).toBe(letters(ctx.t("note-scarce")));
    });

    it("talks: Samsung and SK Hynix under the stacks, OpenAI below linked to both, dated by the label", () => {
      const marks = at("talks");
      const l = LAYERS_OF(marks, "l").map(box);
      const r = LAYERS_OF(marks, "r").map(box);
      const base = box(find(marks, "base")!);
      for (const [key, stack] of [
        ["samsung", l],
        ["sk-hynix", r],
      ] as const) {
        const firm = find(marks, key)!;
        expect(cx(firm)).toBeGreaterThan(stack[0]!.x0);
        expect(cx(firm)).toBeLessThan(stack[0]!.x1);
        expect(cy(firm)).toBeGreaterThan(base.y1);
        expect(labelText(marks, `${key}-lbl`)).toBe(ctx.t(key));
        expect(find(marks, `talk-${key}`)?.tag).toBe("path");
      }
      const hero = find(marks, "hero")!;
      expect(classes(hero)).toContain("marker-hero");
      expect(cy(hero)).toBeGreaterThan(cy(find(marks, "samsung")!));
      expect(labelText(marks, "hero-lbl")).toBe(ctx.t("openai"));
      expect(letters(labelText(marks, "talk-lbl"))).toBe(letters(ctx.t("talks")));
      expect(letters(labelText(marks, "makers-lbl"))).toBe(letters(ctx.t("makers")));
      expect(find(marks, "nvidia")).toBeUndefined();
    });

    it("nvidia: NVIDIA above the package it buys HBM for; OpenAI, the makers and the links stay where they were", () => {
      const talks = at("talks");
      const marks = at("nvidia");
      const nv = find(marks, "nvidia")!;
      expect(cy(nv)).toBeLessThan(num(find(marks, "die")!, "y"));
      expect(labelText(marks, "nvidia-lbl")).toBe(ctx.t("nvidia"));
      expect(labelText(marks, "nvidia-role-lbl")).toBe(ctx.t("nvidia-role"));
      expect(letters(labelText(marks, "direct-lbl"))).toBe(letters(ctx.t("direct")));
      for (const key of ["hero", "samsung", "sk-hynix", "talk-samsung", "talk-sk-hynix"]) {
        expect(find(marks, key)!.attrs, key).toEqual(find(talks, key)!.attrs);
      }
    });

    it("takes every state's caption from the labels, and draws none where the label is empty", () => {
      const note: Record<State, string> = {
        package: "note",
        data: "note",
        scarce: "note-scarce",
        talks: "note-firms",
        nvidia: "note-firms",
      };
      for (const state of hbm.states) expect(letters(labelText(at(state), "note") ?? ""), state).toBe(letters(ctx.t(note[state])));
      expect(hbm.states.filter((s) => find(at(s), "caption-band") === undefined)).toEqual(hbm.states.filter((s) => ctx.t(note[s]) === ""));
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("hbm", "column", "de");
    const en = ctxFor("hbm", "column", "en");
    expect(letters(labelText(hbm.marks("talks", de), "talk-lbl"))).toBe(letters(de.t("talks")));
    expect(letters(labelText(hbm.marks("talks", en), "talk-lbl"))).toBe(letters(en.t("talks")));
    expect(de.t("talks")).not.toBe(en.t("talks"));
    expect(labelText(hbm.marks("package", de), "hbm-l-lbl")).not.toBe(labelText(hbm.marks("package", en), "hbm-l-lbl"));
  });
});
