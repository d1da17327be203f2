// Scene "trillions": the $7 trillion Altman is said to seek, as a unit grid. One
// square stands for $40bn (a unit chosen for this figure, and its key says so),
// 25 to a row, so a row is $1tn and the target is seven rows. The article's two
// yardsticks are drawn in the same unit as outlined squares: all bonds US
// companies issued in a year (about a fifth) and Microsoft plus Apple (a row
// short, the missing row drawn dashed). The layout of the last state is
// computed for every state, so no square moves between steps: a step only adds
// squares. The uses step draws no split (the article gives none): the target
// stays one colour under a brace that names what the money is for; the
// comparisons fade (stacked, the bonds leave to make room for the brace's words).
//
// Colour: the palette has no colour for money, so the target takes the accent
// (Altman's plan, as in the other chapters) and the comparisons are grey outlines.

import type { Mark, RectMark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { r1 } from "./shapes.ts";
import { FILL, GROUPS, ICON, PER_ROW, USES, bracePath, grid, icon, rowsOf, squares, type GroupKey } from "./unitGrid.ts";

export { GROUPS, PER_ROW, UNIT, squares } from "./unitGrid.ts";
import { captionStrip, LINE, lines, typeOf, type TypeScale } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["sum", "bonds", "giants", "uses"] as const;
type State = (typeof STATES)[number];

/** Which groups each layout mode draws in each state (Mode, below). */
const SHARES: Record<Mode, Record<State, GroupKey[]>> = {
  beside: { sum: ["goal"], bonds: ["goal", "bonds"], giants: ["goal", "bonds", "giants"], uses: ["goal", "bonds", "giants"] },
  stack: { sum: ["goal"], bonds: ["goal", "bonds"], giants: ["goal", "bonds", "giants"], uses: ["goal", "giants"] },
  shared: { sum: ["goal"], bonds: ["goal", "bonds"], giants: ["goal", "giants"], uses: ["goal"] },
};

/** Words wrapped to a width, with their size and class. */
interface Block {
  key: string;
  lines: string[];
  size: number;
  cls: "lbl lbl-strong" | "lbl lbl-note";
}
const blockH = (b: Block) => b.lines.length * b.size * LINE;
const stackH = (bs: Block[]) => bs.reduce((h, b) => h + blockH(b), 0);

/** Where everything sits, computed once per layout for the last state. */
interface Plan {
  pitch: number;
  /** Top-left corner of each grid. */
  grid: Record<GroupKey, [number, number]>;
  /** Word blocks and their first baselines' top. */
  text: { block: Block; x: number; y: number }[];
  /** The big number. */
  big: { x: number; y: number; size: number };
  /** The key's square and words. */
  key: { x: number; y: number; block: Block };
  /** The brace under the target, and the words under it (uses). */
  brace: { x0: number; x1: number; y: number; h: number };
  /** The uses' words: left edge and width of their column, first line's top. */
  uses: { x: number; width: number; y: number; icon: number; blocks: Block[] };
  mode: Mode;
}

/**
 * beside: the comparisons right of the target (wide figures), all staying in the uses step;
 * stack: both under it, the bonds leaving in the uses step to make room for the brace's words;
 * shared: under it in one place, one at a time, and the uses' words there in the last step.
 */
type Mode = "beside" | "stack" | "shared";

function plan(ctx: SceneContext, t: TypeScale, top: number, bottom: number): Plan {
  const x0 = t.pad;
  const plotW = ctx.width - 2 * t.pad;
  const beside = ctx.width / ctx.height > 1.8;
  const gutter = t.label * 2;
  const colW = beside ? (plotW - gutter) / 2 : plotW;
  const gap = t.label * 0.7;
  const wrap = (key: string, size: number, cls: Block["cls"], width = colW): Block => ({
    key,
    size,
    cls,
    lines: wrapWidth(ctx.t(key), size, width, cls === "lbl lbl-strong"),
  });

  const bigSize = r1(t.big * 1.35);
  const bigText = ctx.fact("total-sum");
  const bigW = textWidth(bigText, bigSize, true);
  const nameW = colW - bigW - t.label;
  const goalName = [wrap("goal", t.label, "lbl lbl-strong", nameW), wrap("goal-src", t.small, "lbl lbl-note", nameW)];
  const headH = Math.max(bigSize * 1.05, stackH(goalName));
  const keySq = t.small * 0.8;
  const keyBlock = wrap("key", t.small, "lbl lbl-note", colW - keySq * 1.6);
  const bonds = [wrap("bonds", t.label, "lbl lbl-strong"), wrap("bonds-note", t.small, "lbl lbl-note")];
  const giants = [wrap("giants", t.label, "lbl lbl-strong")];
  const shortB = wrap("short", t.small, "lbl lbl-note");
  const braceH = t.small * 0.9;
  const uses = [wrap("uses", t.small, "lbl lbl-strong"), wrap("uses-note", t.small, "lbl lbl-note")];
  const usesH = braceH + t.small * 0.5 + ICON * t.small * 1.3 + stackH(uses);
  const gRows = rowsOf(squares(ctx, "total-sum"));
  const bRows = rowsOf(squares(ctx, "bond-issuance"));
  // The comparison of the giants is drawn with the row it lacks to reach the target.
  const cRows = Math.max(rowsOf(squares(ctx, "giants-value")), gRows);
  const room = bottom - top;
  const keyH = blockH(keyBlock);

  // Text heights do not depend on the squares' size, so the pitch is what the height leaves.
  const headTop = headH + gap + keyH + gap;
  let mode: Mode = beside ? "beside" : "stack";
  let pitch: number;
  let extra = 0;
  if (beside) {
    const fixedL = headTop + gap + usesH;
    const fixedR = stackH(bonds) + gap * 0.5 + gap * 2 + stackH(giants) + gap * 0.5 + shortB.size * 1.4;
    pitch = Math.min(colW / PER_ROW, (room - fixedL) / gRows, (room - fixedR) / (bRows + cRows));
  } else {
    // Stacked: in the uses step the bonds leave and the brace and its words take their place,
    // so their room is the bonds' (words and two rows) unless the words need more.
    const rest = headTop + gap * 2 + stackH(bonds) + gap * 0.5 + gap * 2 + stackH(giants) + gap * 0.5 + shortB.size * 1.4;
    pitch = Math.min(colW / PER_ROW, (room - rest) / (gRows + bRows + cRows));
    extra = Math.max(0, usesH - (stackH(bonds) + gap * 0.5 + bRows * pitch));
    if (extra > 0) pitch = Math.min(pitch, (room - rest - extra) / (gRows + bRows + cRows));
    if (pitch * PER_ROW < colW * 0.62) {
      // Too little height for both comparisons under the target (the phone's square): they take
      // turns in one place under it, and the uses' words take that place in the last step.
      mode = "shared";
      const slot = Math.max(stackH(bonds), stackH(giants));
      const fixed = headTop + gap * 2 + slot + gap * 0.5 + shortB.size * 1.4;
      pitch = Math.min(colW / PER_ROW, (room - fixed) / (gRows + cRows), (room - headTop - gap * 0.5 - usesH) / gRows);
      extra = slot;
    }
  }
  pitch = Math.floor(pitch * 10) / 10;
  const gridW = pitch * PER_ROW;
  const left = x0;
  const text: Plan["text"] = [];
  const put = (bs: Block[], x: number, y: number): number => {
    for (const b of bs) {
      text.push({ block: b, x, y });
      y += blockH(b);
    }
    return y;
  };

  let y = top;
  const big = { x: left, y: y + bigSize * 0.8, size: bigSize };
  put(goalName, left + bigW + t.label * 0.6, y + Math.max(0, (bigSize * 1.05 - stackH(goalName)) / 2));
  y += headH + gap;
  const key = { x: left, y, block: keyBlock };
  y += keyH + gap;
  const goalAt: [number, number] = [left, y];
  y += gRows * pitch;
  const brace = { x0: left, x1: left + gridW - pitch * (1 - FILL), y: y + gap * 0.5, h: braceH };
  const usesAt = { x: left, width: colW, y: brace.y + braceH + t.small * 0.5, icon: ICON * t.small, blocks: uses };
  let bondsAt: [number, number];
  let giantsAt: [number, number];
  if (mode === "shared") {
    // Each comparison's words end where its squares begin.
    y += gap * 2;
    put(bonds, left, y + extra - stackH(bonds));
    put(giants, left, y + extra - stackH(giants));
    y += extra + gap * 0.5;
    bondsAt = [left, y];
    giantsAt = [left, y];
    put([shortB], left, y + cRows * pitch + shortB.size * 0.3);
  } else {
    // One under the other: beside the target from the top, or under it (after room for the uses' words).
    const [cx, cy] = mode === "beside" ? [x0 + colW + gutter, top] : [left, y + gap * 2 + extra];
    let ry = put(bonds, cx, cy) + gap * 0.5;
    bondsAt = [cx, ry];
    ry = put(giants, cx, ry + bRows * pitch + gap * 2) + gap * 0.5;
    giantsAt = [cx, ry];
    put([shortB], cx, ry + cRows * pitch + shortB.size * 0.3);
  }
  return { pitch, grid: { goal: goalAt, bonds: bondsAt, giants: giantsAt }, text, big, key, brace, uses: usesAt, mode };
}

/** A block's lines, keyed `<key>-lbl-<i>` (the squares take `<group>-<i>`). */
const textOf = (b: Block, x: number, y: number): Mark[] => lines(`${b.key}-lbl`, b.lines, x, y + b.size * 0.8, b.size, b.cls);

export const trillions = defineScene({
  id: "trillions",
  states: STATES,
  table(state, ctx) {
    return {
      head: [ctx.t("table.what"), ctx.t("table.value"), ctx.t("table.squares")],
      // The table reads the static figure, where every group stays (beside).
      rows: GROUPS.filter((g) => SHARES.beside[state].includes(g.key)).map((g) => [
        ctx.t(`${g.key}-table`),
        ctx.fact(g.fact, "long"),
        String(squares(ctx, g.fact)),
      ]),
    };
  },
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const p = plan(ctx, t, t.pad * 1.2, caption.top - t.pad);
    const uses = state === "uses";
    const shown: readonly GroupKey[] = SHARES[p.mode][state];
    const marks: Mark[] = [];

    marks.push(...lines("sum-val", [ctx.fact("total-sum")], p.big.x, p.big.y, p.big.size, "val"));
    for (const { block, x, y } of p.text) {
      const group = block.key.replace(/-note$/, "") as GroupKey | "goal-src" | "short";
      const owner = group === "short" ? "giants" : group === "goal-src" ? "goal" : group;
      if (!shown.includes(owner)) continue;
      const faded = uses && owner !== "goal";
      marks.push(...textOf(faded ? { ...block, cls: "lbl lbl-note" } : block, x, y));
    }

    // The key: one square as drawn, what it stands for.
    const size = r1(p.pitch * FILL);
    const line0 = p.key.y + p.key.block.size * 0.8;
    marks.push({
      key: "key-sq",
      tag: "rect",
      attrs: { x: r1(p.key.x), y: r1(line0 - size * 0.85), width: size, height: size, class: "bar bar-hero" },
    });
    marks.push(...textOf(p.key.block, p.key.x + size + t.small * 0.4, p.key.y));

    for (const g of GROUPS) {
      if (!shown.includes(g.key)) continue;
      marks.push(...grid(g.key, squares(ctx, g.fact), p.grid[g.key], p.pitch, uses && g.key !== "goal"));
    }

    if (shown.includes("giants")) {
      // The row the giants lack to reach the target: drawn, empty, dashed.
      const [gx, gy] = p.grid.giants;
      const have = rowsOf(squares(ctx, "giants-value"));
      const want = rowsOf(squares(ctx, "total-sum"));
      if (want > have) {
        marks.push({
          key: "short-row",
          tag: "rect",
          attrs: {
            x: r1(gx),
            y: r1(gy + have * p.pitch),
            width: r1((PER_ROW - 1) * p.pitch + size),
            height: r1((want - have - 1) * p.pitch + size),
            class: "ref-line",
            fill: "none",
            ...(uses ? { opacity: 0.25 } : {}),
          },
          enter: { opacity: 0 },
        });
      }
    }

    if (uses) {
      // What the sum is for: one brace over the whole target, no split drawn.
      marks.push({
        key: "brace",
        tag: "path",
        attrs: { d: bracePath(p.brace.x0, p.brace.x1, p.brace.y, p.brace.h), class: "brace", fill: "none" },
        enter: { opacity: 0 },
      });
      // The words centred under the brace's point, as far as their column lets them.
      const mid = (p.brace.x0 + p.brace.x1) / 2;
      const w = Math.max(...p.uses.blocks.flatMap((b) => b.lines.map((l) => textWidth(l, b.size, b.cls === "lbl lbl-strong"))));
      const x = Math.min(Math.max(mid, p.uses.x + w / 2), p.uses.x + p.uses.width - w / 2);
      // Real estate, electricity, chip manufacturing: a building, a bolt, a fab, side by side (no sizes).
      const s = p.uses.icon;
      USES.forEach((use, i) => {
        const ix = x + (i - 1) * s * 1.8 - s / 2;
        marks.push({
          key: `use-${use.key}`,
          tag: "path",
          attrs: { d: icon(use.shape, ix, p.uses.y, s), class: "brace", fill: "none" },
          enter: { opacity: 0 },
        });
      });
      let y = p.uses.y + s * 1.3;
      for (const b of p.uses.blocks) {
        marks.push(...lines(`${b.key}-lbl`, b.lines, x, y + b.size * 0.8, b.size, b.cls, "middle"));
        y += blockH(b);
      }
    }
    marks.push(...caption.marks);
    return marks;
  },
});
