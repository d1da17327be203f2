// Scene "chain": the opening map, a schematic chain of five stages. What each
// state must show, in every layout: the stages in order with arrows between
// them, NVIDIA at the design stage, OpenAI first in the data centre and then in
// a dashed planned box beside the design stage, the time line, the tags of the
// chapters ahead. Words are checked against the labels (ctx.t), never literals;
// no fact value is pinned.

import { describe, expect, it } from "vitest";
import { chain } from "../../../src/scenes/chain.ts";
import { inside, isCaption, textBox, type Box } from "../../../src/scenes/figure.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, texts } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const STAGES = ["design", "fab", "memory", "packaging", "dc"] as const;
type State = (typeof chain.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const boxOf = (m: Mark): Box => ({
  x0: num(m, "x"),
  y0: num(m, "y"),
  x1: num(m, "x") + num(m, "width"),
  y1: num(m, "y") + num(m, "height"),
});
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
/** The lines of a label ("key-0", "key-1"…) as marks. */
const lineMarks = (marks: Mark[], key: string) => texts(marks).filter((m) => m.key.replace(/-\d+$/, "") === key);
/** The box a whole (wrapped) label covers. */
function labelBox(marks: Mark[], key: string): Box {
  const bs = lineMarks(marks, key).map(textBox);
  expect(bs.length, `label ${key}`).toBeGreaterThan(0);
  return {
    x0: Math.min(...bs.map((b) => b.x0)),
    y0: Math.min(...bs.map((b) => b.y0)),
    x1: Math.max(...bs.map((b) => b.x1)),
    y1: Math.max(...bs.map((b) => b.y1)),
  };
}
const within = (p: [number, number], b: Box) => p[0] > b.x0 && p[0] < b.x1 && p[1] > b.y0 && p[1] < b.y1;

describe("chain", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("chain", layout, "en");
    const at = (state: State) => chain.marks(state, ctx);
    const tall = ctx.height >= ctx.width;

    it("draws the five stages in every state, named, in chain order (down in tall layouts, across in wide), with an arrow between each pair", () => {
      for (const state of chain.states) {
        const marks = at(state);
        const boxes = STAGES.map((s) => find(marks, `stage-${s}`)!);
        boxes.forEach((b, i) => {
          expect(b.tag, `${state} ${STAGES[i]}`).toBe("rect");
          expect(labelText(marks, `stage-${STAGES[i]}-lbl`)).toBe(ctx.t(`stage-${STAGES[i]}`));
          if (i === 0) return;
          const [px, py] = centre(boxes[i - 1]!);
          const [x, y] = centre(b);
          if (tall) {
            expect(y, `${state}: ${STAGES[i]} below ${STAGES[i - 1]}`).toBeGreaterThan(py);
            expect(x).toBeCloseTo(px, 5);
          } else {
            expect(x, `${state}: ${STAGES[i]} right of ${STAGES[i - 1]}`).toBeGreaterThan(px);
            expect(y).toBeCloseTo(py, 5);
          }
          expect(find(marks, `link-${STAGES[i - 1]}`)?.tag, `${state}: arrow into ${STAGES[i]}`).toBe("path");
        });
      }
    });

    it("keeps every word of a box inside its box", () => {
      for (const state of chain.states) {
        const marks = at(state);
        const check = (box: string, label: string) => {
          for (const line of lineMarks(marks, label))
            expect(inside(textBox(line), boxOf(find(marks, box)!)), `${state}: ${line.key} in ${box}`).toBe(true);
        };
        for (const s of STAGES) check(`stage-${s}`, `stage-${s}-lbl`);
        check("stage-design", "nvidia-lbl");
        check(state === "dependence" ? "stage-dc" : "plan", "hero-lbl");
        if (state !== "dependence") check("plan", "plan-lbl");
      }
    });

    it("puts NVIDIA in the design stage in every state; OpenAI, the hero dot, first in the data centre, then in the planned box", () => {
      for (const state of chain.states) {
        const marks = at(state);
        const nvidia = find(marks, "nvidia")!;
        expect(within(centre(nvidia), boxOf(find(marks, "stage-design")!)), state).toBe(true);
        expect(labelText(marks, "nvidia-lbl")).toBe(ctx.t("nvidia"));
        const hero = find(marks, "hero")!;
        expect(hero.tag).toBe("rect");
        expect(num(hero, "width")).toBe(num(hero, "height"));
        expect(Math.abs(num(hero, "rx") - num(hero, "width") / 2)).toBeLessThanOrEqual(0.1);
        expect(classes(hero)).toContain("marker-hero");
        const home = state === "dependence" ? "stage-dc" : "plan";
        expect(within(centre(hero), boxOf(find(marks, home)!)), `${state}: hero in ${home}`).toBe(true);
        expect(labelText(marks, "hero-lbl"), state).toBe(ctx.t("openai"));
      }
    });

    it("dependence: highlights the design and data-centre stages and links them with a strong, labelled arc; no plan yet", () => {
      const marks = at("dependence");
      expect(classes(find(marks, "stage-design"))).toContain("land-hi");
      expect(classes(find(marks, "stage-dc"))).toContain("land-hi");
      expect(classes(find(marks, "stage-fab"))).not.toContain("land-hi");
      expect(classes(find(marks, "dependence"))).toEqual(expect.arrayContaining(["arc", "arc-strong"]));
      expect(words(labelText(marks, "dependence-lbl"))).toBe(words(ctx.t("dependence")));
      expect(find(marks, "plan")).toBeUndefined();
    });

    it("own-chips: a dashed planned box beside the design stage (right of it in tall layouts, above it in wide), a dashed line on to manufacturing, and the search since last year", () => {
      const marks = at("own-chips");
      const plan = find(marks, "plan")!;
      const design = boxOf(find(marks, "stage-design")!);
      expect(classes(plan)).toContain("box-schematic");
      expect(classes(find(marks, "plan-link"))).toContain("box-schematic");
      const p = boxOf(plan);
      if (tall) {
        expect(p.x0).toBeGreaterThan(design.x1);
        expect(p.y0).toBeCloseTo(design.y0, 5);
      } else {
        expect(p.y1).toBeLessThan(design.y0);
        expect(p.x0).toBeCloseTo(design.x0, 5);
      }
      expect(words(labelText(marks, "plan-lbl"))).toBe(words(ctx.t("plan")));
      expect(words(labelText(marks, "t-start-lbl"))).toBe(words(ctx.t("since")));
      expect(find(marks, "t-now")).toBeUndefined();
      expect(find(marks, "dependence")).toBeUndefined();
    });

    it("breakthrough: the time line runs solid from the start to the report and dashed to the expected announcement, each labelled, in reading order", () => {
      const marks = at("breakthrough");
      expect(classes(find(marks, "t-past"))).toContain("arc");
      expect(classes(find(marks, "t-future"))).toContain("box-schematic");
      expect(words(labelText(marks, "t-start-lbl"))).toBe(words(ctx.t("since")));
      expect(words(labelText(marks, "t-now-lbl"))).toBe(words(ctx.t("report")));
      expect(words(labelText(marks, "t-end-lbl"))).toBe(words(ctx.t("announce")));
      const order = ["t-start-lbl", "t-now-lbl", "t-end-lbl"].map((k) => labelBox(marks, k));
      for (let i = 1; i < order.length; i++) {
        if (tall) expect(order[i]!.y0).toBeGreaterThan(order[i - 1]!.y1);
        else expect(order[i]!.x0).toBeGreaterThan(order[i - 1]!.x1);
      }
      expect(find(marks, "plan")).toBeDefined();
    });

    it("roadmap: tags each link a chapter ahead looks at beside its stage, the plan's beside the plan, and names the sum sought with the article's uses, unbracketed", () => {
      const marks = at("roadmap");
      for (const [stage, key] of [
        ["fab", "tag-fab"],
        ["memory", "tag-memory"],
        ["dc", "tag-dc"],
      ] as const) {
        expect(words(labelText(marks, `${key}-lbl`))).toBe(words(ctx.t(key)));
        const b = boxOf(find(marks, `stage-${stage}`)!);
        const l = labelBox(marks, `${key}-lbl`);
        if (tall) {
          expect(l.x0, key).toBeGreaterThan(b.x1);
          expect((l.y0 + l.y1) / 2, key).toBeGreaterThan(b.y0);
          expect((l.y0 + l.y1) / 2, key).toBeLessThan(b.y1);
        } else {
          expect(l.y0, key).toBeGreaterThan(b.y1);
          expect(l.x0, key).toBeGreaterThanOrEqual(b.x0 - 1);
          expect(l.x1, key).toBeLessThanOrEqual(b.x1 + 1);
        }
      }
      const plan = boxOf(find(marks, "plan")!);
      for (const key of ["tag-team", "tag-rivals"]) {
        expect(words(labelText(marks, `${key}-lbl`))).toBe(words(ctx.t(key)));
        const l = labelBox(marks, `${key}-lbl`);
        expect(l.x0, key).toBeGreaterThan(plan.x1);
        expect(l.y0, key).toBeLessThan(plan.y1);
      }
      // No bracket over the chain: the article's uses of the sum (real estate, electricity, chip
      // manufacturing) are not the chain's stages, so the label names them instead.
      expect(find(marks, "money")).toBeUndefined();
      expect(ctx.t("money")).toMatch(/real estate, electricity and chip manufacturing|Immobilien, Strom und Chipbau/);
      expect(words(labelText(marks, "money-lbl"))).toBe(words(ctx.t("money")));
      expect(find(marks, "t-now")).toBeUndefined();
    });

    it("draws its caption from the labels: none before the last step, whose caption explains the tags", () => {
      for (const state of chain.states) {
        expect(
          words(
            lineMarks(at(state), "note")
              .map((m) => m.text)
              .join(" "),
          ),
          state,
        ).toBe(words(ctx.t(state === "roadmap" ? "note-tags" : "note")));
      }
    });

    it("fills its layout: what it draws spans most of the width and of the height above the caption", () => {
      // Every step keeps room for the chapter's caption (only the last step has one: its tags' key).
      const band = chain.states.map((s) => find(at(s), "caption-band")).find((m) => m !== undefined);
      const top = band ? num(band, "y") : ctx.height;
      for (const state of chain.states) {
        const marks = at(state);
        const content = marks.filter((m) => !isCaption(m));
        const bs = [...content.filter((m) => m.tag === "rect").map(boxOf), ...content.filter((m) => m.tag === "text").map(textBox)];
        const w = Math.max(...bs.map((b) => b.x1)) - Math.min(...bs.map((b) => b.x0));
        const h = Math.max(...bs.map((b) => b.y1)) - Math.min(...bs.map((b) => b.y0));
        expect(w / ctx.width, `${state} width`).toBeGreaterThan(tall && state === "dependence" ? 0.35 : 0.75);
        expect(h / top, `${state} height`).toBeGreaterThan(tall ? 0.85 : 0.5);
      }
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("chain", "column", "de");
    const en = ctxFor("chain", "column", "en");
    expect(labelText(chain.marks("dependence", de), "dependence-lbl")).toBe(de.t("dependence"));
    expect(labelText(chain.marks("dependence", en), "dependence-lbl")).toBe(en.t("dependence"));
    expect(de.t("dependence")).not.toBe(en.t("dependence"));
  });
});
