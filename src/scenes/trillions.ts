// Scene "trillions": the $7 trillion Altman is said to seek, as a unit grid. One
// square stands for $40bn (a unit chosen for this figure, and its key says so),
// 25 to a row, so a row is $1tn and the target is seven rows of blue outlined
// squares (money sought, not raised). The article's two yardsticks are drawn in
// the same unit as filled blue squares (money that exists), one at a time in one
// place: all bonds US companies issued in a year (about a fifth), then Microsoft
// plus Apple (grey empty outlines mark the row they lack); on paper, where one figure stands for
// the chapter, the two together: the bonds beside the target, the giants under it,
// square under square. The layout of the last state is
// computed for every state, so no square moves between steps. The uses step
// draws no split (the article gives none): the target stays one block under a
// brace, and dotted lines (not known) lead to what the money is for.

import type { Mark, RectMark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { r1 } from "./shapes.ts";
import { FILL, GROUPS, ICON, PER_ROW, SHORT_GAP, USES, bracePath, grid, icon, rowsOf, squares, type GroupKey } from "./unitGrid.ts";

export { GROUPS, PER_ROW, UNIT, squares } from "./unitGrid.ts";
import { captionStrip, LINE, lines, typeOf, type TypeScale } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["sum", "bonds", "giants", "uses"] as const;
type State = (typeof STATES)[number];

/** The groups each state draws: the target, and one comparison at a time beside or under it. */
const SHOWN: Record<State, GroupKey[]> = { sum: ["goal"], bonds: ["goal", "bonds"], giants: ["goal", "giants"], uses: ["goal"] };
/**
 * On paper one figure stands for the chapter (its `print:`, the giants): the target with both
 * yardsticks at once (plan: the bonds beside it, the giants under it), as a page can show what
 * the stage shows in turn.
 */
const BOTH = (ctx: SceneContext) => ctx.layout === "print";
const shownIn = (state: State, ctx: SceneContext): readonly GroupKey[] =>
  BOTH(ctx) && state === "giants" ? ["goal", "bonds", "giants"] : SHOWN[state];

/** The figure's keys: the target alone; with a comparison (blue); with the giants' shortfall (blue and grey). */
const NOTES = ["note-goal", "note-actual", "note"] as const;
const noteOf = (shown: readonly GroupKey[]): (typeof NOTES)[number] =>
  shown.includes("giants") ? "note" : shown.includes("bonds") ? "note-actual" : "note-goal";

/** Words wrapped to a width, with their size and class. */
interface Block {
  key: string;
  lines: string[];
  size: number;
  cls: "lbl lbl-strong" | "lbl lbl-note";
}
const blockH = (b: Block) => b.lines.length * b.size * LINE;
const stackH = (bs: Block[]) => bs.reduce((h, b) => h + blockH(b), 0);

/** Puts word blocks one under the other from (x, y) into `text`; returns the y under the last. */
const placer =
  (text: { block: Block; x: number; y: number }[]) =>
  (bs: Block[], x: number, y: number): number => {
    for (const b of bs) {
      text.push({ block: b, x, y });
      y += blockH(b);
    }
    return y;
  };

/**
 * The head: the big number and, beside it, the target's name and source, within `width`; where the name would
 * not fit beside the number on one line (German's long "7 Bio. Dollar" left it a one-word column), under it.
 * `nameDx`, `nameTop`: where the name's block starts, from the number's left edge and the head's top.
 */
function head(ctx: SceneContext, t: TypeScale, width: number) {
  const bigSize = r1(t.big * 1.35);
  const bigW = textWidth(ctx.fact("total-sum"), bigSize, true);
  const bigH = bigSize * 1.05;
  const besideW = width - bigW - t.label;
  const under = wrapWidth(ctx.t("goal"), t.label, besideW, true).length > 1;
  const nameW = under ? width : besideW;
  const name = (key: string, size: number, cls: Block["cls"]): Block => ({
    key,
    size,
    cls,
    lines: wrapWidth(ctx.t(key), size, nameW, cls === "lbl lbl-strong"),
  });
  const goalName = [name("goal", t.label, "lbl lbl-strong"), name("goal-src", t.small, "lbl lbl-note")];
  if (under) return { bigSize, goalName, headH: bigH + stackH(goalName), nameDx: 0, nameTop: bigH };
  const headH = Math.max(bigH, stackH(goalName));
  return { bigSize, goalName, headH, nameDx: bigW + t.label * 0.6, nameTop: Math.max(0, (bigH - stackH(goalName)) / 2) };
}

/** The groups' words wrapped to a column `width` wide: the head, the unit's key, the comparisons' names, the shortfall. */
function words(ctx: SceneContext, t: TypeScale, width: number) {
  const wrap = (key: string, size: number, cls: Block["cls"], w = width): Block => ({
    key,
    size,
    cls,
    lines: wrapWidth(ctx.t(key), size, w, cls === "lbl lbl-strong"),
  });
  const keySq = t.small * 0.8;
  return {
    wrap,
    ...head(ctx, t, width),
    keyBlock: wrap("key", t.small, "lbl lbl-note", width - keySq * 1.6),
    bonds: [wrap("bonds", t.label, "lbl lbl-strong"), wrap("bonds-note", t.small, "lbl lbl-note")],
    giants: [wrap("giants", t.label, "lbl lbl-strong")],
    shortB: wrap("short", t.small, "lbl lbl-note"),
  };
}

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
  /** On paper: each group's step number, in a key beside its words (the number its step's text carries). */
  keys?: { group: GroupKey; n: number; x: number; y: number; size: number }[];
}

/**
 * beside: the comparison right of the target (wide figures); under: the comparison under the target, the uses'
 * words taking its place in the last step; stand (tall figures, the phone): the grids turned upright, a $1tn
 * column for each row, the comparison's columns beside the target's and its words beside them, so the squares
 * fill the frame's height from the first step on. Either way one comparison at a time, in one place.
 */
type Mode = "beside" | "under" | "stand";

/** A figure this much taller than wide stands its grids upright. */
const STAND = 1.2;

function plan(ctx: SceneContext, t: TypeScale, top: number, bottom: number): Plan {
  if (ctx.height / ctx.width >= STAND) return planStand(ctx, t, top, bottom);
  if (BOTH(ctx)) return planPaper(ctx, t, top, bottom);
  const x0 = t.pad;
  const plotW = ctx.width - 2 * t.pad;
  const beside = ctx.width / ctx.height > 1.8;
  const gutter = t.label * 2;
  const colW = beside ? (plotW - gutter) / 2 : plotW;
  const gap = t.label * 0.7;
  const { wrap, bigSize, goalName, headH, nameDx, nameTop, keyBlock, bonds, giants, shortB } = words(ctx, t, colW);
  const braceH = t.small * 0.9;
  const uses = [wrap("uses", t.small, "lbl lbl-strong"), wrap("uses-note", t.small, "lbl lbl-note")];
  const usesH = braceH + t.small * 0.5 + ICON * t.small * 1.3 + stackH(uses);
  const gRows = rowsOf(squares(ctx, "total-sum"));
  // The comparison of the giants is drawn with the row it lacks to reach the target.
  // (and the gap that sets that row apart).
  const cRows = Math.max(rowsOf(squares(ctx, "giants-value")), gRows) + SHORT_GAP;
  const room = bottom - top;
  const keyH = blockH(keyBlock);

  // Text heights do not depend on the squares' size, so the pitch is what the height leaves.
  const headTop = headH + gap + keyH + gap;
  const mode: Mode = beside ? "beside" : "under";
  // The comparisons take turns in one slot: words (the taller of the two), then their squares, then the shortfall.
  const slot = Math.max(stackH(bonds), stackH(giants));
  const compH = slot + gap * 0.5 + shortB.size * 1.4;
  const pitch0 = beside
    ? Math.min(colW / PER_ROW, (room - headTop - gap - usesH) / gRows, (room - compH) / cRows)
    : Math.min(colW / PER_ROW, (room - headTop - gap * 2 - compH) / (gRows + cRows), (room - headTop - gap * 0.5 - usesH) / gRows);
  const pitch = Math.floor(pitch0 * 10) / 10;
  const gridW = pitch * PER_ROW;
  const left = x0;
  const text: Plan["text"] = [];
  const put = placer(text);

  let y = top;
  const big = { x: left, y: y + bigSize * 0.8, size: bigSize };
  put(goalName, left + nameDx, y + nameTop);
  y += headH + gap;
  const key = { x: left, y, block: keyBlock };
  y += keyH + gap;
  const goalAt: [number, number] = [left, y];
  y += gRows * pitch;
  const brace = { x0: left, x1: left + gridW - pitch * (1 - FILL), y: y + gap * 0.5, h: braceH };
  const usesAt = { x: left, width: colW, y: brace.y + braceH + t.small * 0.5, icon: ICON * t.small, blocks: uses };
  // Each comparison's words end where its squares begin; beside the target from the top, or under it.
  const [cx, cy] = beside ? [x0 + colW + gutter, top] : [left, y + gap * 2];
  put(bonds, cx, cy + slot - stackH(bonds));
  put(giants, cx, cy + slot - stackH(giants));
  const compAt: [number, number] = [cx, cy + slot + gap * 0.5];
  put([shortB], cx, compAt[1] + cRows * pitch + shortB.size * 0.3);
  const [bondsAt, giantsAt] = [compAt, compAt];
  return { pitch, grid: { goal: goalAt, bonds: bondsAt, giants: giantsAt }, text, big, key, brace, uses: usesAt, mode };
}

/**
 * The paper plan (review 8, item 10): the three grids one under the other on one left edge, square for square
 * to scale (the target, the bonds, the giants with the row they lack), each one's words right of its first row,
 * set the same way: its step's number in a key (the number the step's text carries on paper), then its name.
 * The big number heads the target's words; the key to the unit stands under them.
 */
function planPaper(ctx: SceneContext, t: TypeScale, top: number, bottom: number): Plan {
  const left = t.pad;
  const plotW = ctx.width - 2 * t.pad;
  const gap = t.label * 0.7;
  const gutter = t.label * 1.2;
  const keyS = r1(t.small * 1.4);
  // The words' column: at least this share of the width; the grids take the rest, or what the height lets them.
  const wordsMin = plotW * 0.36;
  const wordsIn = wordsMin - keyS - t.small * 0.5;
  const { wrap, bigSize, goalName, headH, nameDx, nameTop, keyBlock, bonds, giants, shortB } = words(ctx, t, wordsIn);
  const gRows = rowsOf(squares(ctx, "total-sum"));
  const bRows = rowsOf(squares(ctx, "bond-issuance"));
  const cRows = Math.max(rowsOf(squares(ctx, "giants-value")), gRows) + SHORT_GAP;
  const rowGap = gap * 1.6;
  // Each band is as tall as its squares or its words, whichever is more; the squares share what the words leave.
  const goalWords = headH + gap + blockH(keyBlock);
  const byWidth = (plotW - wordsMin - gutter) / PER_ROW;
  const fits = (p: number) =>
    Math.max(gRows * p, goalWords) + rowGap + Math.max(bRows * p, stackH(bonds)) + rowGap + cRows * p <= bottom - top;
  let pitch = Math.floor(byWidth * 10) / 10;
  while (pitch > 4 && !fits(pitch)) pitch = r1(pitch - 0.1);
  const gridW = pitch * PER_ROW;
  const wx = left + gridW + gutter;
  const tx = wx + keyS + t.small * 0.5;
  const text: Plan["text"] = [];
  const put = placer(text);
  const keys: NonNullable<Plan["keys"]> = [];
  // The scene's states are the chapter's steps in order (content/*/05-*.md): sum 1, bonds 2, giants 3.
  const number = (group: GroupKey, state: State, y: number) => keys.push({ group, n: STATES.indexOf(state) + 1, x: wx, y, size: keyS });

  let y = top;
  const goalAt: [number, number] = [left, y];
  number("goal", "sum", y);
  const big = { x: tx, y: y + bigSize * 0.8, size: bigSize };
  put(goalName, tx + nameDx, y + nameTop);
  const key = { x: tx, y: y + headH + gap, block: keyBlock };
  const goalH = Math.max(gRows * pitch, goalWords);
  const brace = { x0: left, x1: left + gridW - pitch * (1 - FILL), y: y + gRows * pitch + gap * 0.5, h: t.small * 0.9 };
  const usesAt = {
    x: left,
    width: gridW,
    y: brace.y + brace.h + t.small * 0.5,
    icon: ICON * t.small,
    blocks: [wrap("uses", t.small, "lbl lbl-strong", gridW), wrap("uses-note", t.small, "lbl lbl-note", gridW)],
  };
  y += goalH + rowGap;
  const bondsAt: [number, number] = [left, y];
  number("bonds", "bonds", y);
  put(bonds, tx, y);
  y += Math.max(bRows * pitch, stackH(bonds)) + rowGap;
  const giantsAt: [number, number] = [left, y];
  number("giants", "giants", y);
  put(giants, tx, y);
  // The shortfall's words level with the row the giants lack.
  put([shortB], tx, Math.max(y + (cRows - 1) * pitch, y + stackH(giants) + gap));
  return { pitch, grid: { goal: goalAt, bonds: bondsAt, giants: giantsAt }, text, big, key, brace, uses: usesAt, mode: "beside", keys };
}

/**
 * The upright plan: the big number and the key on top; under them the target's seven columns at the left, the
 * comparison's beside them, its words right of those. The giants' missing column is braced where it would stand,
 * its words at the brace's point; the uses' brace runs down the target's right side, pointing at the icons and
 * words in the comparison's place.
 */
function planStand(ctx: SceneContext, t: TypeScale, top: number, bottom: number): Plan {
  const left = t.pad;
  const plotW = ctx.width - 2 * t.pad;
  const gap = t.label * 0.7;
  const gutter = t.label * 1.5;
  const wrap = (key: string, size: number, cls: Block["cls"], width: number, text = ctx.t(key)): Block => ({
    key,
    size,
    cls,
    lines: wrapWidth(text, size, width, cls === "lbl lbl-strong"),
  });
  const { bigSize, goalName, headH, nameDx, nameTop } = head(ctx, t, plotW);
  const keySq = t.small * 0.8;
  const keyBlock = wrap("key", t.small, "lbl lbl-note", plotW - keySq * 1.6, ctx.t("key-col"));
  const gRows = rowsOf(squares(ctx, "total-sum"));
  const cRows = Math.max(rowsOf(squares(ctx, "giants-value")), gRows) + SHORT_GAP;
  const gridTop = top + headH + gap + blockH(keyBlock) + gap;
  // The words beside the comparison get at least a third of the width; the squares the rest, or the height.
  const wordsMin = plotW * 0.34;
  const pitch0 = Math.min((bottom - gridTop) / PER_ROW, (plotW - wordsMin - gutter - gap) / (gRows + cRows));
  const pitch = Math.floor(pitch0 * 10) / 10;
  const cx = left + gRows * pitch + gutter;
  const wx = cx + cRows * pitch + gap * 0.6;
  const wordsW = left + plotW - wx;
  const text: Plan["text"] = [];
  const put = placer(text);
  put(goalName, left + nameDx, top + nameTop);
  const big = { x: left, y: top + bigSize * 0.8, size: bigSize };
  const key = { x: left, y: top + headH + gap, block: keyBlock };
  const gridH = PER_ROW * pitch - pitch * (1 - FILL);
  const mid = gridTop + gridH / 2;
  // Beside the comparison: its words from the top, right beside its own columns (the bonds fill two of the seven
  // the giants' slot holds); the shortfall's words level with the brace's point.
  const bx = cx + rowsOf(squares(ctx, "bond-issuance")) * pitch + gap * 0.6;
  const bondsW = left + plotW - bx;
  put([wrap("bonds", t.label, "lbl lbl-strong", bondsW), wrap("bonds-note", t.small, "lbl lbl-note", bondsW)], bx, gridTop);
  put([wrap("giants", t.label, "lbl lbl-strong", wordsW)], wx, gridTop);
  const shortB = wrap("short", t.small, "lbl lbl-note", wordsW, ctx.t("short-col"));
  put([shortB], wx, Math.max(mid - blockH(shortB) / 2, gridTop + blockH(wrap("giants", t.label, "lbl lbl-strong", wordsW)) + gap));
  const braceH = t.small * 0.9;
  const uses = [wrap("uses", t.small, "lbl lbl-strong", left + plotW - cx), wrap("uses-note", t.small, "lbl lbl-note", left + plotW - cx)];
  return {
    pitch,
    grid: { goal: [left, gridTop], bonds: [cx, gridTop], giants: [cx, gridTop] },
    text,
    big,
    key,
    // Down the target's right side, its point towards the uses.
    brace: { x0: gridTop, x1: gridTop + gridH, y: left + gRows * pitch - pitch * (1 - FILL) + gap * 0.4, h: braceH },
    uses: { x: cx, width: left + plotW - cx, y: mid - ICON * t.label * 1.25 - t.label * 1.8, icon: ICON * t.label * 1.25, blocks: uses },
    mode: "stand",
  };
}

/** A block's lines, keyed `<key>-lbl-<i>` (the squares take `<group>-<i>`). */
const textOf = (b: Block, x: number, y: number): Mark[] => lines(`${b.key}-lbl`, b.lines, x, y + b.size * 0.8, b.size, b.cls);

export const trillions = defineScene({
  id: "trillions",
  states: STATES,
  table(state, ctx) {
    return {
      head: [ctx.t("table.what"), ctx.t("table.value"), ctx.t("table.squares")],
      // The groups the figure draws in this state.
      rows: GROUPS.filter((g) => shownIn(state, ctx).includes(g.key)).map((g) => [
        ctx.t(`${g.key}-table`),
        ctx.fact(g.fact, "long"),
        String(squares(ctx, g.fact)),
      ]),
    };
  },
  marks(state, ctx) {
    const t = typeOf(ctx);
    const shown: readonly GroupKey[] = shownIn(state, ctx);
    // The key names only what the state draws (review 34: blue and grey were keyed before either was drawn); the
    // plot ends above the tallest of the keys, so the squares keep their place from step to step.
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(noteOf(shown)) }]);
    const top = Math.min(...NOTES.map((k) => captionStrip(ctx, [{ key: "note", text: ctx.t(k) }]).top));
    const p = plan(ctx, t, t.pad * 1.2, top - t.pad);
    const uses = state === "uses";
    const marks: Mark[] = [];

    marks.push(...lines("sum-val", [ctx.fact("total-sum")], p.big.x, p.big.y, p.big.size, "val"));
    for (const { block, x, y } of p.text) {
      const group = block.key.replace(/-note$/, "") as GroupKey | "goal-src" | "short";
      const owner = group === "short" ? "giants" : group === "goal-src" ? "goal" : group;
      if (!shown.includes(owner)) continue;
      marks.push(...textOf(block, x, y));
    }

    // The key: one square as drawn, what it stands for.
    const size = r1(p.pitch * FILL);
    const line0 = p.key.y + p.key.block.size * 0.8;
    marks.push({
      key: "key-sq",
      tag: "rect",
      attrs: { x: r1(p.key.x), y: r1(line0 - size * 0.85), width: size, height: size, class: "bar bar-goal" },
    });
    marks.push(...textOf(p.key.block, p.key.x + size + t.small * 0.4, p.key.y));
    const stand = p.mode === "stand";
    // On paper, where one figure holds all three groups, each group's words open with its step's number, as the
    // step's text does: an ink key (the print edition's step numbers are ink), the number white in it.
    if (p.keys && shown.length > 2)
      for (const k of p.keys.filter((k) => shown.includes(k.group)))
        marks.push(
          {
            key: `step-key-${k.group}`,
            tag: "rect",
            attrs: { x: r1(k.x), y: r1(k.y), width: k.size, height: k.size, rx: 2, class: "fab" },
          },
          ...lines(`step-key-${k.group}-val`, [String(k.n)], k.x + k.size / 2, k.y + k.size * 0.76, t.small, "val val-inside", "middle"),
        );

    for (const g of GROUPS) {
      if (!shown.includes(g.key)) continue;
      marks.push(...grid(g.key, squares(ctx, g.fact), p.grid[g.key], p.pitch, stand));
    }

    if (shown.includes("giants")) {
      // The row the giants lack to reach the target, drawn where their seventh row would be (standing, their
      // seventh column): the target's squares they do not cover, solid grey (review 26: a brace there read as
      // marking the giants' own block; the last review: empty grey-edged squares read as white, not grey).
      const goalN = squares(ctx, "total-sum");
      const giantsN = squares(ctx, "giants-value");
      if (goalN > giantsN) {
        // Set apart from the blue block by SHORT_GAP pitches, so the block reads as the giants' value alone.
        const d = SHORT_GAP * p.pitch;
        const at: [number, number] = stand ? [p.grid.giants[0] + d, p.grid.giants[1]] : [p.grid.giants[0], p.grid.giants[1] + d];
        const gap = grid("giants", giantsN + Math.min(PER_ROW, goalN - giantsN), at, p.pitch, stand).slice(giantsN);
        gap.forEach((m, i) => marks.push({ ...m, key: `short-row-${i}`, attrs: { ...m.attrs, class: "bar bar-short" } }));
      }
    }

    if (uses && stand) marks.push(...usesStanding(p, t));
    else if (uses) {
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
      // Each joined to the brace's point by a dotted line: how much goes to each is not known.
      const s = p.uses.icon;
      USES.forEach((use, i) => {
        const ix = x + (i - 1) * s * 1.8 - s / 2;
        marks.push(
          {
            key: `use-${use.key}`,
            tag: "path",
            attrs: { d: icon(use.shape, ix, p.uses.y, s), class: "brace", fill: "none" },
            enter: { opacity: 0 },
          },
          {
            key: `use-${use.key}-link`,
            tag: "line",
            attrs: {
              x1: r1(mid),
              y1: r1(p.brace.y + p.brace.h),
              x2: r1(ix + s / 2),
              y2: r1(p.uses.y - s * 0.1),
              class: "arc arc-grey arc-dot",
            },
            enter: { opacity: 0 },
          },
        );
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

/**
 * The uses beside the upright target: one brace down its right side, its point joined by dotted lines (not known)
 * to a building, a bolt and a fab side by side, the words under them.
 */
function usesStanding(p: Plan, t: TypeScale): Mark[] {
  const marks: Mark[] = [];
  const { brace, uses } = p;
  marks.push({
    key: "brace",
    tag: "path",
    attrs: { d: bracePath(brace.x0, brace.x1, brace.y, brace.h, true), class: "brace", fill: "none" },
    enter: { opacity: 0 },
  });
  const tip: [number, number] = [brace.y + brace.h, (brace.x0 + brace.x1) / 2];
  const s = uses.icon;
  USES.forEach((use, i) => {
    const ix = uses.x + s * 0.4 + i * s * 1.8;
    marks.push(
      {
        key: `use-${use.key}`,
        tag: "path",
        attrs: { d: icon(use.shape, ix, uses.y, s), class: "brace", fill: "none" },
        enter: { opacity: 0 },
      },
      {
        key: `use-${use.key}-link`,
        tag: "line",
        attrs: { x1: r1(tip[0]), y1: r1(tip[1]), x2: r1(ix + s / 2), y2: r1(uses.y + s * 1.15), class: "arc arc-grey arc-dot" },
        enter: { opacity: 0 },
      },
    );
  });
  let y = tip[1] + t.label * 0.6;
  for (const b of uses.blocks) {
    marks.push(...lines(`${b.key}-lbl`, b.lines, uses.x, y + b.size * 0.8, b.size, b.cls));
    y += blockH(b);
  }
  return marks;
}
