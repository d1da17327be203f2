// Scene "trillions": the $7 trillion Altman is said to seek, as a unit grid. One
// square stands for $40bn (a unit chosen for this figure, and its key says so),
// 25 to a row, so a row is $1tn and the target is seven rows of rust
// squares (money sought, not raised). The bonds all US companies issued in a year
// (about a fifth), money that exists, are drawn in the same unit as filled blue
// squares under it, on one left edge, row for row (review 38, item 5), and kept once
// drawn. Microsoft's and Apple's market value is another kind of number than a need
// or a year's borrowing: drawn in the same squares under the sums, it read as a
// like-for-like amount (graphics review 51, item 10b), and a framed panel of words
// broke the squares' language (graphics review 54): its words, headed "Market value
// (another kind of number)", stand as the groups' words do, and an ink frame round the
// target's first six rows of seven outlines the squares it fills in the unit (graphics
// review 57, item 3): the article's own comparison (about a seventh short of the top),
// like with like, with no squares of its own. The layout of the last state is computed for every state, so no square
// moves between steps; on the upright phone the squares are as large as the width
// lets them at every zoom the phone's stage draws a step at, and the first steps,
// which draw less, are drawn larger (graphics review 51, item 3). The uses step draws
// no split (the article gives none): the target stays one block under a brace, and
// dotted lines (not known) lead to what the money is for. The Journal gave a range,
// not one sum (its low end is our knowledge, not the article's): the target's squares
// in it, from the low end up, are a paler shade of the same rust, with a bracket
// outside the grid and its words under the target at the bracket; nothing is drawn
// across the squares (graphics reviews 48 and 49). On the upright phone the head is
// stacked and the range's words broken before their parenthesis in every language,
// so the grid has one width in all of them (graphics review 50, item 3); the uses'
// icons and words stand in the comparisons' room.

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { r1 } from "./shapes.ts";
import { FILL, GROUPS, ICON, LOW, PER_ROW, USES, bracePath, grid, icon, rowsOf, squares, type GroupKey } from "./unitGrid.ts";

export { GROUPS, LOW, PER_ROW, UNIT, squares } from "./unitGrid.ts";
import { captionStrip, LINE, lines, typeOf, type TypeScale } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { LAYOUTS } from "../story/config.ts";
import { ZOOMS } from "../render/zoom.ts";

const STATES = ["sum", "bonds", "giants", "uses"] as const;
type State = (typeof STATES)[number];

/**
 * The groups each state draws: the target, then the bonds, then the giants with the bonds kept as the
 * reference they are (review 38: the bonds vanished when the giants came, and the comparison with them).
 * The uses step is about the target alone.
 */
const SHOWN: Record<State, readonly GroupKey[]> = {
  sum: ["goal"],
  bonds: ["goal", "bonds"],
  giants: ["goal", "bonds", "giants"],
  uses: ["goal"],
};

/** The figure's keys: the target alone; with a comparison (blue). The market value draws no squares. */
const NOTES = ["note-goal", "note-actual"] as const;
const noteOf = (shown: readonly GroupKey[]): (typeof NOTES)[number] => (shown.includes("bonds") ? "note-actual" : "note-goal");

/** Words wrapped to a width, with their size and class. */
interface Block {
  key: string;
  lines: string[];
  size: number;
  cls: "lbl lbl-strong" | "lbl lbl-note";
}
const blockH = (b: Block) => b.lines.length * b.size * LINE;
const stackH = (bs: Block[]) => bs.reduce((h, b) => h + blockH(b), 0);

/**
 * A note's lines within `width`: one where it fits; else broken where its sense breaks, before its last
 * parenthesis or else after its first colon, each part wrapped on its own, unless that takes more lines than a plain
 * wrap (graphics review 49: a wrap at 844 × 390 left "article)" alone on a line).
 */
export function wrapNote(text: string, size: number, width: number): string[] {
  const lines = wrapWidth(text, size, width);
  if (lines.length === 1) return lines;
  const paren = text.lastIndexOf(" (");
  const colon = text.indexOf(": ");
  const at = paren > 0 ? paren : colon > 0 ? colon + 1 : -1;
  if (at < 0) return lines;
  const broken = [text.slice(0, at), text.slice(at + 1)].flatMap((part) => wrapWidth(part, size, width));
  // (where breaking there would cost a line, the plain wrap)
  return broken.length <= lines.length ? broken : lines;
}

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
 * The big number: the target in its short form ("$7T"), unless that form abbreviates a word with a point ("7 Bio.
 * Dollar", easily misread, graphics review 48), then in words ("7 Billionen Dollar").
 */
export const bigNumber = (ctx: SceneContext): string => {
  const short = ctx.fact("total-sum");
  return /\p{L}\./u.test(short) ? ctx.fact("total-sum", "long") : short;
};

/**
 * The head: the big number and, beside it, the target's name and source, within `width`; where the name or the
 * source would not fit beside the number on one line (German's long "7 Billionen Dollar" left it a one-word column), under it.
 * `nameDx`, `nameTop`: where the name's block starts, from the number's left edge and the head's top.
 */
function head(ctx: SceneContext, t: TypeScale, width: number, stacked = false) {
  // (as large as the head's width lets the number in words stand on one line)
  // (stacked, on the upright phone, a little smaller: the room it takes is the grid's, graphics review 50, item 3)
  const bigSize = r1(Math.min(t.big * (stacked ? 1.15 : 1.35), (t.big * width) / textWidth(bigNumber(ctx), t.big, true)));
  const bigW = textWidth(bigNumber(ctx), bigSize, true);
  const bigH = bigSize * 1.05;
  const besideW = width - bigW - t.label;
  // (and where the source would break beside it: "Wall Street / Journal" split a name)
  const under =
    stacked || wrapWidth(ctx.t("goal"), t.label, besideW, true).length > 1 || wrapWidth(ctx.t("goal-src"), t.small, besideW).length > 1;
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

/** The groups' words wrapped to a column `width` wide: the head, the unit's key, the bonds' names, the market value's. */
function words(ctx: SceneContext, t: TypeScale, width: number, stacked = false) {
  const wrap = (key: string, size: number, cls: Block["cls"], w = width): Block => ({
    key,
    size,
    cls,
    lines: cls === "lbl lbl-strong" ? wrapWidth(ctx.t(key), size, w, true) : wrapNote(ctx.t(key), size, w),
  });
  const keySq = t.small * 0.8;
  return {
    wrap,
    ...head(ctx, t, width, stacked),
    keyBlock: wrap("key", t.small, "lbl lbl-note", width - keySq * 1.6),
    bonds: [wrap("bonds", t.label, "lbl lbl-strong"), wrap("bonds-note", t.small, "lbl lbl-note")],
  };
}

/**
 * The market value's mark: an ink frame round the first six of the target's seven rows, the squares the market value
 * fills in the one unit (graphics review 57, item 3: a grey bracket beside the grid, the earlier mark, was barely seen,
 * while the bonds had squares of their own). The same squares, so like is compared with like in the one unit: the
 * article's own comparison (about a seventh short of the top), with no squares of its own (graphics review 51, item
 * 10b: a block of its own read as a sum to raise or spend; graphics review 55: a grid of its own cost the phone's
 * squares a third of their size). The frame runs in the gaps between the squares, round the grid's outer edge and
 * between its sixth and seventh rows; the range's band is a tint behind the squares, the frame a line on top. Its words
 * stand under the target, as the groups' words do, joined to the frame's foot by a short leader left of the grid.
 * `left`, `top`: the grid's top-left corner.
 */
interface Value {
  /** The frame round the rows the market value fills. */
  frame: { x0: number; y0: number; x1: number; y1: number };
  /** The leader's upright, left of the grid. */
  x: number;
}
/** Room left of the grid for the market value's leader, clear of the squares. */
const valueRoom = (t: TypeScale) => Math.round(t.small * 0.6);
function valueAt(ctx: SceneContext, t: TypeScale, left: number, top: number, pitch: number): Value {
  const n = squares(ctx, "giants-value");
  // (whole rows only: a frame ending inside a row would say more than "about")
  if (n % PER_ROW !== 0) throw new Error(`trillions: giants-value is ${n} squares, not whole rows of ${PER_ROW}`);
  const gapW = pitch * (1 - FILL);
  return {
    frame: { x0: left - gapW / 2, y0: top - gapW / 2, x1: left + PER_ROW * pitch - gapW / 2, y1: top + (n / PER_ROW) * pitch - gapW / 2 },
    x: left - valueRoom(t) * 0.8,
  };
}

/** Where everything sits, computed once per layout for the last state. */
interface Plan {
  pitch: number;
  /** Top-left corner of each grid (the target's and the bonds', on one left edge). */
  grid: Record<"goal" | "bonds", [number, number]>;
  /** Word blocks and their first baselines' top. */
  text: { block: Block; x: number; y: number }[];
  /** The big number. */
  big: { x: number; y: number; size: number };
  /** The key's square and words. */
  key: { x: number; y: number; block: Block };
  /** The Journal's range: its bracket outside the target, its words under the target. */
  low: Low;
  /** The market value's frame round the target's rows it fills (its words are in `text`). */
  value: Value;
  /** The brace under the target, and the words under it (uses). */
  brace: { x0: number; x1: number; y: number; h: number };
  /** The uses' words: left edge and width of their column, first line's top. `beside`: on paper, the words left-aligned
   * right of the icons (a row of its own across the plot), opened by their step's key at `key`. */
  uses: { x: number; width: number; y: number; icon: number; blocks: Block[]; beside?: { key: number } };
  /** On paper: each group's step number, in a key beside its words (the number its step's text carries). */
  keys?: { group: GroupKey; n: number; x: number; y: number; size: number }[];
}

/** Room kept right of the grid (the range's bracket stood there, half a pitch out, before graphics review 56). */
const BRACKET_STROKE = 2;

/** A figure this much taller than wide (the phone) sets each group's words above its squares, not beside them. */
const TALL = 1.2;

/**
 * The Journal's range on the target's grid at (left, top): its rows (whole rows of $1tn, from the low end up to the
 * target's last) one tinted band behind the squares, which are outlined there, not filled (graphics review 56, items 2
 * and 8: a second bracket beside the market value's collided with it, and in the dark scheme the range's filled rows
 * read as a second series); nothing drawn across the squares (graphics reviews 48 and 49). Its words, said once, under
 * the band at its right end, clear of it, broken before "(not in the article)" (never inside it: at 844 × 390 a wrap
 * left "article)" alone). Beside them, from the grid's left edge, the market value's words, at the foot of its frame
 * (graphics review 56, item 1: they stood far below, under the bonds). `under`: the height both add under the rows.
 */
interface Low {
  /** The band behind the range's rows. */
  band: { x0: number; y0: number; x1: number; y1: number };
  block: Block;
  /** Where the words' first line's top is, and their right end (the band's). */
  top: number;
  x: number;
  /** The market value's words, left of the range's, and their left edge. */
  value: Block[];
  valueX: number;
  valueTop: number;
  under: number;
}
/**
 * A range with its unit once: "$5 trillion–$7 trillion" or "$5–$7 trillion" (the low end bare, as the labels write it)
 * as "$5–7 trillion" ("5–7 Billionen Dollar"); as written where the two ends differ in anything but the number.
 */
export const collapseRange = (text: string): string =>
  text
    .replace(/(\$?)(\d[\d.,]*)([^\u2013\d]+)(\u2013)\1(\d[\d.,]*)\3/u, (_, pre: string, a: string, unit: string, dash: string, b: string) =>
      [pre, a, dash, b, unit].join(""),
    )
    .replace(/(\$\d[\d.,]*\u2013)\$(?=\d)/u, "$1");
/** Clearance between the range's band and its words under it, in small lines (graphics review 56, item 2: they touched). */
export const BAND_CLEAR = 0.35;
function lowEnd(ctx: SceneContext, t: TypeScale, left: number, top: number, pitch: number, keyW = 0, reach = 0, apart = false): Low {
  const n = squares(ctx, LOW);
  // The band marks whole rows only; a low end inside a row would need a step the figure does not draw.
  if (n % PER_ROW !== 0) throw new Error(`trillions: ${LOW} is ${n} squares, not whole rows of ${PER_ROW}`);
  const gapW = pitch * (1 - FILL);
  const right = left + PER_ROW * pitch - gapW;
  const rows = rowsOf(squares(ctx, "total-sum"));
  const bottom = top + rows * pitch - gapW;
  // (on the right it reaches half a pitch out, where the range's bracket stood, a tab its words hang from, or to `reach`
  // (the plot's right edge, where the words stand above the grid): every step then spans the plot's width, and the short
  // stage, which draws each step as large as it fits, draws the first, narrower, no larger than the rest; on the left it
  // stops at the squares, clear of the market value's leader)
  const band = {
    x0: left - gapW / 2,
    y0: top + (n / PER_ROW) * pitch - gapW / 2,
    x1: Math.max(right + pitch * 0.5, reach),
    y1: bottom + gapW / 2,
  };
  // (the range's words broken before the parenthesis in every layout and language, so they take one narrow column
  // and leave the rest of the width to the market value's words beside them)
  const head = collapseRange(ctx.t("low"));
  const note = ctx.t("low-note");
  const width = band.x1 - left;
  const lines = [head, note].flatMap((part) => wrapWidth(part, t.small, width));
  const block: Block = { key: "low", size: t.small, cls: "lbl lbl-note", lines };
  const rangeW = Math.max(...lines.map((l) => textWidth(l, t.small)));
  const valueX = left + keyW;
  // (the market value's words in one block, "(no date given)" in it: a line of its own cost the short stages a tenth of
  // their squares' size)
  const valueOf = (w: number): Block[] => [
    {
      key: "giants",
      size: t.small,
      cls: "lbl lbl-strong",
      lines: wrapWidth(ctx.t("giants"), t.small, w, true),
    },
  ];
  const count = (bs: Block[]) => bs.reduce((k, b) => k + b.lines.length, 0);
  const labelTop = band.y1 + t.small * BAND_CLEAR;
  // The market value's words beside the range's, or under them, as wide as the grid, half a line apart, whichever
  // takes less height (on the phone, beside, they broke into a word or two a line).
  const beside = valueOf(band.x1 - rangeW - t.small - valueX);
  const below = valueOf(band.x1 - valueX);
  const under = (lines.length - 1) * LINE + 1.6;
  const side = !apart && Math.max(lines.length, count(beside)) <= under + count(below);
  // (apart, on paper, under the bonds' words: the width of the figure is theirs)
  const value = apart ? valueOf(ctx.width - t.pad - valueX) : side ? beside : below;
  const valueTop = side ? labelTop : labelTop + under * t.small;
  const foot = (top: number, k: number) => top + (k - 1) * t.small * LINE + t.small;
  return {
    band,
    block,
    top: labelTop,
    x: band.x1,
    value,
    valueX,
    valueTop,
    // (to the last line's foot, not its leading: what follows keeps its own gap; `apart`, the market value's words
    // placed by the caller, the range's alone)
    under: Math.max(foot(labelTop, lines.length), apart ? 0 : foot(valueTop, count(value))) - (top + rows * pitch),
  };
}

/** The rows each grid takes. */
function rowCounts(ctx: SceneContext) {
  return { goal: rowsOf(squares(ctx, "total-sum")), bonds: rowsOf(squares(ctx, "bond-issuance")) };
}

/** The brace under the target's last row and the uses' icons and words under it, in a column `width` wide. */
function usesUnder(
  ctx: SceneContext,
  t: TypeScale,
  wrap: ReturnType<typeof words>["wrap"],
  left: number,
  gridW: number,
  pitch: number,
  y: number,
  width: number,
) {
  const brace = { x0: left, x1: left + gridW - pitch * (1 - FILL), y, h: t.small * 0.9 };
  const uses = {
    x: left,
    width,
    y: brace.y + brace.h + t.small * 0.5,
    icon: ICON * t.small,
    blocks: [wrap("uses", t.small, "lbl lbl-strong", width), wrap("uses-note", t.small, "lbl lbl-note", width)],
  };
  return { brace, uses, height: brace.h + t.small * 0.5 + ICON * t.small * 1.3 + stackH(uses.blocks) };
}

/**
 * On paper, where the giants' figure stands for the whole chapter (graphics review 54, item 2: a second printed figure
 * of the uses repeated the head, key and grid, the same chart twice): the brace spanning the target, last, under the
 * comparisons (graphics review 57, item 4: the steps' order) and, in a row of its own across the plot, the icons under the brace's point and the uses' words right of them, opened by their step's key
 * (`keyW` wide). `under`: the screen's arrangement (usesUnder), whose brace it keeps. Returns the brace, the words,
 * the band's height.
 */
function usesBeside(
  { brace }: ReturnType<typeof usesUnder>,
  ctx: SceneContext,
  t: TypeScale,
  wrap: ReturnType<typeof words>["wrap"],
  keyW: number,
) {
  const s = ICON * t.small;
  const x = (brace.x0 + brace.x1) / 2 + s * 2.3 + t.small * 0.8 + keyW;
  const width = ctx.width - t.pad - x;
  const blocks = [wrap("uses", t.small, "lbl lbl-strong", width), wrap("uses-note", t.small, "lbl lbl-note", width)];
  const top = brace.y + brace.h + t.small * 0.5;
  const uses = { x, width, y: top, icon: s, blocks, beside: { key: x - keyW } };
  return { brace, uses, height: brace.h + t.small * 0.5 + Math.max(s * 1.2, stackH(blocks)) };
}

/** The shares of the width the wide plan tries for its words' column: the one that leaves the largest squares. */
const WORD_SHARES = [0.36, 0.42, 0.45, 0.48, 0.51, 0.54, 0.57, 0.6];

/**
 * The plan with the larger squares: a tall figure's always sets the words above; a wide one sets them beside the
 * squares unless, on screen, setting them above gives squares a fifth larger (the desktop's column, whose height
 * the side plan left empty). Paper keeps the side plan: its step keys stand beside the squares.
 */
function plan(ctx: SceneContext, t: TypeScale, top: number, bottom: number): Plan {
  if (ctx.height / ctx.width >= TALL) return planTall(ctx, t, top, bottom);
  const side = WORD_SHARES.map((share) => planSide(ctx, t, top, bottom, share)).reduce((a, b) => (b.pitch > a.pitch ? b : a));
  if (ctx.layout === "print") return side;
  const tall = planTall(ctx, t, top, bottom);
  return tall.pitch > side.pitch * 1.2 ? tall : side;
}

/**
 * The wide plan (desktop, a phone on its side, paper): the two grids one under the other on one left edge, square
 * under square to scale (the target, the bonds), each one's words right of its first row; the market value's words
 * under the bonds' squares, in the room the bonds' words beside them leave (graphics review 54, item 6: the panel across
 * the plot took a third of a short stage's height, its squares about 6 px), its frame round the target's rows it fills. The big
 * number heads the target's words; the key to the unit stands under them. On paper each group's words open with its step's number, in a key (the number the step's text carries).
 */
function planSide(ctx: SceneContext, t: TypeScale, top: number, bottom: number, share: number): Plan {
  const paper = ctx.layout === "print";
  // (the grids from the market value's leader's room on)
  const left = t.pad + valueRoom(t);
  const plotW = ctx.width - t.pad - left;
  const gap = t.label * 0.7;
  const gutter = t.label * 1.2;
  const keyS = paper ? r1(t.small * 1.4) : 0;
  const keyW = paper ? keyS + t.small * 0.5 : 0;
  // The words' column: at least `share` of the width; the grids take the rest, or what the height lets them.
  const wordsMin = plotW * share;
  const wordsIn = wordsMin - keyW;
  const { wrap, bigSize, goalName, headH, nameDx, nameTop, keyBlock, bonds } = words(ctx, t, wordsIn);
  const rows = rowCounts(ctx);
  const rowGap = gap;
  // Each band is as tall as its squares or its words, whichever is more; the squares share what the words leave.
  const goalWords = headH + gap + blockH(keyBlock);
  // The bonds' band: their squares or their words beside, whichever is taller.
  const bondsBand = (p: number) => Math.max(rows.bonds * p, stackH(bonds));
  // The target's band: its squares and the range's and the market value's words under them, or its words beside,
  // whichever is taller.
  // (on paper the market value's words stand apart, under the bonds: see below)
  const goalBand = (p: number) => Math.max(rows.goal * p + lowEnd(ctx, t, left, top, p, keyW, 0, paper).under + gap * 0.3, goalWords);
  const byWidth = (plotW - wordsMin - gutter) / PER_ROW;
  // (on paper the market value's words and then the uses' row under the bonds: see usesBeside)
  const valueBand = (p: number) => (paper ? stackH(lowEnd(ctx, t, left, top, p, keyW, 0, true).value) + gap : 0);
  const usesBand = (p: number) =>
    paper ? usesBeside(usesUnder(ctx, t, wrap, left, p * PER_ROW, p, 0, p * PER_ROW), ctx, t, wrap, keyW).height + gap * 0.6 : 0;
  const fits = (p: number) => goalBand(p) + rowGap + bondsBand(p) + valueBand(p) + usesBand(p) <= bottom - top;
  let pitch = Math.floor(byWidth * 10) / 10;
  while (pitch > 4 && !fits(pitch)) pitch = r1(pitch - 0.1);
  const gridW = pitch * PER_ROW;
  const wx = left + gridW + gutter;
  const tx = wx + keyW;
  const text: Plan["text"] = [];
  const put = placer(text);
  const keys: NonNullable<Plan["keys"]> = [];
  // The scene's states are the chapter's steps in order (content/*/05-*.md): sum 1, bonds 2, giants 3.
  const number = (group: GroupKey, state: State, y: number) => {
    if (paper) keys.push({ group, n: STATES.indexOf(state) + 1, x: wx, y, size: keyS });
  };

  let y = top;
  const goalAt: [number, number] = [left, y];
  number("goal", "sum", y);
  const big = { x: tx, y: y + bigSize * 0.8, size: bigSize };
  put(goalName, tx + nameDx, y + nameTop);
  const key = { x: tx, y: y + headH + gap, block: keyBlock };
  const low = lowEnd(ctx, t, left, y, pitch, keyW, 0, paper);
  let under = usesUnder(ctx, t, wrap, left, gridW, pitch, y + rows.goal * pitch + low.under + gap * 0.6, gridW);
  y += goalBand(pitch) + rowGap;
  const bondsAt: [number, number] = [left, y];
  number("bonds", "bonds", y);
  put(bonds, tx, y);
  // The market value, no squares of its own (graphics review 51, item 10b): on screen its words under the target at the
  // foot of its frame (see lowEnd). On paper, where each block carries its step's number, the blocks stand in the
  // steps' order, top to bottom as the text reads (graphics review 57, item 4: the keys ran 1, 3, 4, 2): the market
  // value's words, opened by their key, under the bonds, its leader running down from the frame's foot; the uses' row
  // last, under them.
  if (paper) {
    low.valueTop = y + bondsBand(pitch) + gap;
    under = usesUnder(ctx, t, wrap, left, gridW, pitch, low.valueTop + stackH(low.value) + gap * 0.6, gridW);
  }
  const { brace, uses } = paper ? usesBeside(under, ctx, t, wrap, keyW) : under;
  number("giants", "giants", low.valueTop);
  if (paper) keys.at(-1)!.x = left;
  put(low.value, low.valueX, low.valueTop);
  const value = valueAt(ctx, t, left, top, pitch);
  const grid = { goal: goalAt, bonds: bondsAt };
  return { pitch, grid, text, big, key, low, value, brace, uses, keys };
}

/**
 * The tall plan (the phone): the big number and the key on top; under them the target's and the bonds' grids at the
 * full width, one under the other on one left edge, the bonds' words just above their squares; under them the market
 * value's words (its frame round the target's rows); the uses under the target, in the comparisons' place. The squares' pitch is the one the
 * groups `shown` leave room for (the width binds on the phone's own stage, so no square moves there): composed in the
 * phone's smaller boxes (src/render/zoom.ts), the first steps, which draw less, are drawn larger and fill the stage
 * (graphics review 51, item 3: the target alone left about 40 % of it empty), the picture drawing back as the
 * comparisons come.
 */
function planTall(ctx: SceneContext, t: TypeScale, top: number, bottom: number): Plan {
  // (the grids and their words from the market value's leader's room on)
  const room = valueRoom(t);
  const left = t.pad + room;
  const plotW = ctx.width - t.pad - left;
  const gap = t.label * 0.6;
  // (on the upright phone the head stacked in every language, the target's name under the number, not beside it: the
  // German "7 Billionen Dollar" takes the line, and a head of one height in both leaves the grid one width; review 50,
  // item 3)
  const upright = ctx.height / ctx.width >= TALL;
  const { wrap, bigSize, goalName, headH, nameDx, nameTop, keyBlock, bonds } = words(ctx, t, plotW, upright);
  const rows = rowCounts(ctx);
  const band = gap * 1.4;
  // (the head's and the key's gaps tighter on the upright phone, where every unit of height is the grid's)
  const headGap = upright ? gap * 0.7 : gap;
  // The range's words clear of the bonds' name under them (review 50, item 10: they all but touched on the phone); on
  // the desktop, where the bonds' name runs on under them, a line's room (graphics review 53, item 4: at 1440 and 1920
  // they were jammed against it).
  const lowGap = t.small * (upright ? 0.65 : 1);
  const textH =
    headH +
    headGap +
    blockH(keyBlock) +
    headGap +
    // (the bonds' words counted in every state: on the short stages, where the height binds, a pitch for the groups
    // shown moved the squares between steps once the market value's words left the room under the bonds)
    stackH(bonds) +
    gap * 0.4 +
    // (room for the uses' icons and words in the comparisons' place, which the market value's words under the bonds
    // once made: without it, on the short stage, the uses' note ran into the caption)
    band +
    t.small * LINE * 2;
  const all = rows.goal + rows.bonds;
  // The low end's words under the target: their lines depend on the grid's width, the grid's on the room they leave.
  // The widest pitch: the width's; on the upright phone, composed in a box `zoom` times smaller and drawn back at the
  // stage's size (src/render/zoom.ts), one that comes out the same at every zoom up to the largest, so the grid is one
  // width in every step and language whatever zoom each is drawn at (graphics review 50, item 3).
  const most = ZOOMS[ctx.layout] ?? 1;
  const zoom = LAYOUTS[ctx.layout].width / ctx.width;
  const widest = upright
    ? Math.min(plotW, (LAYOUTS[ctx.layout].width - most * (2 * t.pad + room)) / zoom) / PER_ROW
    : // (the range's bracket, half a pitch right of the grid, inside the margin too: graphics review 53, item 4)
      Math.floor(((plotW - BRACKET_STROKE) / (PER_ROW - (1 - FILL) + 0.5)) * 10) / 10;
  const pitchFor = (under: number) => Math.min(widest, Math.floor(((bottom - top - textH - under) / all) * 10) / 10);
  // (the largest pitch whose words leave room for it: a wrap that flips with the width must not leave the grid at a
  // pitch the room would not need)
  let pitch = pitchFor(0);
  while (pitch > 4 && pitchFor(lowEnd(ctx, t, left, 0, pitch, 0, left + plotW).under + lowGap) < pitch) pitch = r1(pitch - 0.1);
  const gridW = pitch * PER_ROW;
  const text: Plan["text"] = [];
  const put = placer(text);
  let y = top;
  const big = { x: left, y: y + bigSize * 0.8, size: bigSize };
  put(goalName, left + nameDx, y + nameTop);
  y += headH + headGap;
  const key = { x: left, y, block: keyBlock };
  y += blockH(keyBlock) + headGap;
  const goalAt: [number, number] = [left, y];
  const low = lowEnd(ctx, t, left, y, pitch, 0, left + plotW);
  put(low.value, low.valueX, low.valueTop);
  const { brace, uses } = usesUnder(ctx, t, wrap, left, gridW, pitch, y + rows.goal * pitch + low.under + gap * 0.6, plotW);
  // (the low end's words part the target from the bonds' words, as the band does where they are not)
  y += rows.goal * pitch + low.under + lowGap;
  y = put(bonds, left, y) + gap * 0.4;
  const bondsAt: [number, number] = [left, y];
  y += rows.bonds * pitch - pitch * (1 - FILL) + band;
  // The uses step draws the target alone: its icons, larger, and words stand in the middle of the comparisons' room
  // under the brace, not just under it with the lower half of the stage left empty (graphics review 50, item 8).
  uses.icon = ICON * t.small * 1.6;
  const usesH = uses.icon * 1.3 + stackH(uses.blocks);
  const from = brace.y + brace.h + t.small * 0.5;
  uses.y = from + Math.max(0, (y - from - usesH) / 2);
  return {
    pitch,
    grid: { goal: goalAt, bonds: bondsAt },
    text,
    big,
    key,
    low,
    value: valueAt(ctx, t, left, goalAt[1], pitch),
    brace,
    uses,
  };
}

/** A block's lines, keyed `<key>-lbl-<i>` (the squares take `<group>-<i>`). */
const textOf = (b: Block, x: number, y: number): Mark[] => lines(`${b.key}-lbl`, b.lines, x, y + b.size * 0.8, b.size, b.cls);

export const trillions = defineScene({
  id: "trillions",
  states: STATES,
  // (one zoom for all four steps on every screen: on the phone the squares shrank as the market value's words came,
  // graphics review 52, item 5, under a note that says one unit for all)
  toScale: true,
  table(state, ctx) {
    return {
      head: [ctx.t("table.what"), ctx.t("table.value"), ctx.t("table.squares")],
      // The groups the figure draws in this state; after the target, the range's low end (its paler squares start there).
      rows: GROUPS.filter((g) => SHOWN[state].includes(g.key)).flatMap((g) => [
        // (the market value no squares of its own: a frame round as many of the target's, "150 of the 175 (framed)")
        [
          ctx.t(`${g.key}-table`),
          ctx.fact(g.fact, "long"),
          g.key === "giants"
            ? `${squares(ctx, g.fact)} ${ctx.t("table.of")} ${squares(ctx, "total-sum")} (${ctx.t("table.framed")})`
            : String(squares(ctx, g.fact)),
        ],
        ...(g.key === "goal" ? [[ctx.t("low-table"), ctx.fact(LOW, "long"), String(squares(ctx, LOW))]] : []),
      ]),
    };
  },
  marks(state, ctx) {
    const t = typeOf(ctx);
    const shown = SHOWN[state];
    // The key names only what the state draws (review 34: blue and grey were keyed before either was drawn); the
    // plot ends above the tallest of the keys, so the squares keep their place from step to step.
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(noteOf(shown)) }]);
    const top = Math.min(...NOTES.map((k) => captionStrip(ctx, [{ key: "note", text: ctx.t(k) }]).top));
    const p = plan(ctx, t, t.pad * 1.2, top - t.pad);
    // (on paper the giants' figure, the chapter's one, draws the uses too: see usesBeside)
    const uses = state === "uses" || (p.uses.beside !== undefined && state === "giants");
    const marks: Mark[] = [];

    marks.push(...lines("sum-val", [bigNumber(ctx)], p.big.x, p.big.y, p.big.size, "val"));
    for (const { block, x, y } of p.text) {
      const group = block.key.replace(/-note$/, "") as GroupKey | "goal-src";
      const owner = group === "goal-src" ? "goal" : group;
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
    // On paper, where the giants' figure stands for the chapter, each group's words open with its step's number, as
    // the step's text does: an ink key (the print edition's step numbers are ink), the number white in it.
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

    // The Journal's range, in every state (each draws the target): one tinted band behind its rows, said once in words
    // under it, at its right end; no bracket of its own (graphics review 56, item 2).
    const lo = p.low;
    marks.push(
      {
        key: "low-band",
        tag: "rect",
        attrs: {
          x: r1(lo.band.x0),
          y: r1(lo.band.y0),
          width: r1(lo.band.x1 - lo.band.x0),
          height: r1(lo.band.y1 - lo.band.y0),
          class: "range-band",
        },
        enter: { opacity: 0 },
      },
      ...lines("low-lbl", lo.block.lines, lo.x, lo.top + lo.block.size * 0.8, lo.block.size, lo.block.cls, "end"),
    );
    for (const g of GROUPS) {
      if (g.key === "giants" || !shown.includes(g.key)) continue;
      const sq = grid(g.key, squares(ctx, g.fact), p.grid[g.key], p.pitch);
      // The target's squares in the Journal's range (from its low end up) in a second, paler shade of the same rust.
      if (g.key === "goal") for (const m of sq.slice(squares(ctx, LOW))) m.attrs.class = "bar bar-goal bar-range";
      marks.push(...sq);
    }

    if (shown.includes("giants")) {
      // The market value's frame round the target's rows it fills, over the squares and the range's band; a short
      // leader from its foot, left of the grid, down to its words under the target (drawn above with the others).
      const f = p.value.frame;
      const mid = lo.valueTop + lo.block.size * 0.45;
      marks.push(
        {
          key: "value-frame",
          tag: "rect",
          attrs: { x: r1(f.x0), y: r1(f.y0), width: r1(f.x1 - f.x0), height: r1(f.y1 - f.y0), class: "value-frame", fill: "none" },
          enter: { opacity: 0 },
        },
        {
          key: "value-leader",
          tag: "path",
          attrs: {
            d: `M${r1(f.x0)},${r1(f.y1)} L${r1(p.value.x)},${r1(f.y1)} L${r1(p.value.x)},${r1(mid)} L${r1(p.grid.goal[0] - t.small * 0.2)},${r1(mid)}`,
            class: "value-leader",
            fill: "none",
          },
          enter: { opacity: 0 },
        },
      );
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
      const beside = p.uses.beside;
      const x = beside ? mid : Math.min(Math.max(mid, p.uses.x + w / 2), p.uses.x + p.uses.width - w / 2);
      // Chip manufacturing, electricity, real estate (the prose's order): a fab, a bolt, a building, side by side (no sizes).
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
      let y = beside ? p.uses.y : p.uses.y + s * 1.3;
      if (beside) {
        // On paper the words right of the icons, left-aligned, opened by their step's key (the number its text carries).
        const ks = r1(t.small * 1.4);
        const n = String(STATES.indexOf("uses") + 1);
        const ky = r1(y + t.small * 0.8 - ks * 0.76);
        marks.push(
          { key: "step-key-uses", tag: "rect", attrs: { x: r1(beside.key), y: ky, width: ks, height: ks, rx: 2, class: "fab" } },
          ...lines("step-key-uses-val", [n], beside.key + ks / 2, ky + ks * 0.76, t.small, "val val-inside", "middle"),
        );
      }
      for (const b of p.uses.blocks) {
        if (beside) marks.push(...lines(`${b.key}-lbl`, b.lines, p.uses.x, y + b.size * 0.8, b.size, b.cls));
        else marks.push(...lines(`${b.key}-lbl`, b.lines, x, y + b.size * 0.8, b.size, b.cls, "middle"));
        y += blockH(b);
      }
    }
    marks.push(...caption.marks);
    return marks;
  },
});
