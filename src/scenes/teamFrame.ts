// The team scene's one figure, laid out whole (every step's pieces at once), so
// that no mark, label, row or axis moves between steps: one timeline. At the top one
// shared year axis, to scale throughout (review 41: cut in Ho's Google years, eight years
// looked like two), from the first year the article gives to the end of the earliest
// production year, its years named above it; under it, with no rule between them
// (graphics review 44: the axis stood in the lower panel, under a divider), two rows
// named at their start: Richard Ho's path (Google, a grey bar over the
// whole years the article gives, its years named under it; OpenAI from November, his rust bust, named; his degrees a note under
// the name, with no years) and OpenAI's chip project (the report that Ho leads the team;
// in the schedule step the plan, dashed, to production: its earliest year as a span,
// opening to the right: or later). A dotted line from the axis down through both rows
// marks when the article appeared; the report on it is named "Article, 2024: …" (graphics
// review 52, item 7: a second label for the line stood stacked on the report's). Ho's degrees,
// which have no year, are a note under his row's name. The axis holds time only (graphics
// review 52, item 7: Broadcom stood under 2014 on the phone): under the rows, under its own
// rule and named as undated, a band off the time scale for the partner and the open questions:
// Broadcom (only likely: a dashed ring) from its step, the planned chip large from the
// schedule step, its open parts named in the last. Side by side where the stage is wide,
// stacked on the phone. Its room is kept from the first step. Google's bar stands faint from
// the first step, named short with its years, and is brought forward in place. The labels
// are short statements; the hedges (inferred years, undated degrees, the insiders' view of
// the design) stand in the figure's one source line (graphics review 52, item 6).

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { dot, r1, withOpacity } from "./shapes.ts";
import { LINE, lines, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { chipParts, chipTop } from "./chip.ts";
import { scaleMarks } from "./teamAxis.ts";

export const STATES = ["ho", "career", "broadcom", "schedule", "open"] as const;
export type State = (typeof STATES)[number];
/** The last step dims the axis, both rows and the partner, not the band's name or the chip. */
export type Lane = "axis" | "ho" | "proj" | "partner" | "panel";
export interface Piece {
  step: State;
  lane: Lane;
  marks: Mark[];
  /**
   * Drawn already from an earlier step, quieter: the same marks (same keys and places), fainter, with shorter words,
   * until `step` brings them forward (review 40: the first step stood nearly empty).
   */
  early?: { from: State; marks: Mark[] };
}
export interface Frame {
  pieces: Piece[];
  /** The x where the article appeared: the dotted line through both rows. */
  articleX: number;
}

/** The band's words, top to bottom: the chip's name and its two open parts. */
export const PANEL_WORDS = ["chip", "memory", "package"] as const;

/**
 * Wrapped to at most `maxWidth`, in as many lines as that takes but as even as they go (graphics review 52, item 7:
 * "OpenAI" stood alone on a second line): the narrowest width that keeps the count.
 */
export function wrapEven(text: string, size: number, maxWidth: number, bold = false): string[] {
  const first = wrapWidth(text, size, maxWidth, bold);
  if (first.length < 2) return first;
  let best = first;
  for (let w = maxWidth * 0.97; w > maxWidth / first.length; w *= 0.97) {
    const next = wrapWidth(text, size, w, bold);
    if (next.length !== first.length) break;
    best = next;
  }
  return best;
}

/** The band off the time scale: its name, the partner's block, the chip's; their sizes for a plot `w` wide. */
interface Band {
  /** The chip's size, its words' width, the chip's block height. */
  s: number;
  tw: number;
  chipH: number;
  /** The partner's block: its width and height, its words. */
  bw: number;
  bH: number;
  partner: string[];
  /** Its name's lines and their height with the gap under them. */
  head: string[];
  headH: number;
  /** Side by side (the partner left, the chip right of it), or stacked (the partner above). */
  side: boolean;
  h: number;
}

function bandSize(ctx: SceneContext, w: number, col: number | null): Band {
  const { small, label: L } = typeOf(ctx);
  const ring = L * 0.42;
  const textX = ring * 2 + small * 0.6;
  // Larger where the stage is tall (review 36: on a desktop the stage's lower half stood empty under the timeline).
  // (On a phone on its side a little less of the height: the chip stood 0.7 units into the caption.)
  // (On the desktop no larger than the partner's block beside it: its room, kept from the second step, stood blank.)
  // (On the desktop up to six and a half: at eight and a half, graphics review 55, item 6, the band's room stood blank
  // under the first steps' timeline, a third of the stage, graphics review 56, item 5; the dated marks take the
  // height, GROW_TALL.)
  const most = small * (ctx.layout === "square" ? 6 : ctx.layout === "column" ? 6.5 : 7);
  const s = Math.min(w * 0.18, most, ctx.height * (ctx.layout === "land" ? 0.16 : 0.2));
  const wordsOf = (k: string, width: number) => wrapEven(ctx.t(k), small, width);
  const chipWords = (tw: number) =>
    PANEL_WORDS.reduce((h, k) => h + wrapEven(ctx.t(k), small, tw, k === "chip").length * small * LINE + small * 0.5, -small * 0.5);
  const blockH = (partner: string[]) => L * 1.1 + partner.length * small * LINE;
  // Side by side (`col`: the partner's column, as wide as the rows' heads where they stand left of the axis): the
  // band's name and the partner in that column, the chip right of it.
  if (col !== null) {
    const head = wrapEven(ctx.t("band"), small, col, true);
    const headH = heightOf(head.length, small) + small * 0.7;
    const partner = wordsOf("partner", col - textX);
    const tw = w - col - small * 1.4 - s - small * 2;
    const chipH = Math.max(s, chipWords(tw));
    const bH = blockH(partner);
    return { s, tw, chipH, bw: col, bH, partner, head, headH, side: true, h: Math.max(headH + bH, chipH) };
  }
  // Stacked (the upright phone), the band's name stands right, level with the partner's name, not on a line of its own
  // (the rows need the height: at least a line between them, graphics review 53, item 8).
  const head = wrapEven(ctx.t("band"), small, w - textX - textWidth(ctx.t("broadcom"), L, true) - small, true);
  const headH = 0;
  const partner = wordsOf("partner", w - textX);
  const tw = w - s - small * 2;
  const chipH = Math.max(s, chipWords(tw));
  const bH = blockH(partner);
  return { s, tw, chipH, bw: w, bH, partner, head, headH, side: false, h: headH + bH + small * 0.6 + chipH };
}

/** How far the dated marks grow at most where the stage is tall (times their base size). */
export const GROW = 2.4;
/**
 * On the desktop (layout "column") further: the rows stood small in a stage 30–40 % empty (graphics review 53, item 6);
 * 4.4 since graphics review 56, item 5 (the first steps' timeline ended 57–59 % of the way down the stage).
 */
export const GROW_TALL = 4.4;

/** The least room between Ho's row and the project's, in lines of small type. */
export const ROW_GAP = 1.1;

/**
 * The most room between the axis and Ho's row and between the rows on the desktop, in lines of small type (graphics
 * review 55, item 6: 110–130 units each; closer, the chapter also draws at the desktop's zoom, 1.05; at four lines and
 * more the English figure no longer fits that zoom). 3.9 since graphics review 56, item 5: about 100 units, the
 * height the band's smaller chip leaves.
 */
export const ROW_GAP_MOST = 3.9;

/** The room between the band's rule and its chip, in small type's size. */
const PANEL_PAD = 0.6;

/** How faint what a later step tells stands before that step. */
export const QUIET = 0.45;

/** November, in the middle of the month; a point in a year given without a month, in its middle. */
const NOV = 10.5 / 12;
const MID = 0.5;

/**
 * OpenAI's planned chip, the shared drawing (src/scenes/chip.ts) exactly as chapters 1 and 9 draw it: the die rust
 * and dashed, the substrate and memory stacks dashed (planned). Keys `pchip-sub`, `pchip-die`, `pchip-hbm-…`.
 */
export const projectChip = (cx: number, cy: number, s: number, key = "pchip"): Mark[] => chipTop({ key, cx, cy, size: s, owner: "openai" });

/** Lines of text as marks, the block's top at `top` (the first baseline a cap height below). */
const block = (key: string, words: string[], x: number, top: number, size: number, cls: ClassList, anchor: "start" | "end" = "start") =>
  lines(key, words, x, top + size * 0.8, size, cls, anchor);
const heightOf = (n: number, size: number) => (n - 1) * size * LINE + size;
const quiet = (marks: Mark[]) => marks.map((m) => withOpacity(m, QUIET));

/**
 * The frame, its dated marks (Ho's bust, the career bar, the report's point, production's mark) as large as the
 * stage's height allows: drawn once at their base size, then grown by up to 70 % into half the height left over
 * (review 38: on a desktop the stage stood mostly empty round small marks). The words keep their size. The same
 * in every step (review 41: the chart shrank when the last step's band came): the band's room under the rows is
 * kept from the first.
 */
export function teamFrame(ctx: SceneContext, plot: Box): Frame {
  const base = frameAt(ctx, plot, 1);
  // How much more height the marks take per unit of growth (the layout is linear in it, but for wrapping).
  const per = frameAt(ctx, plot, 2).need - base.need;
  const most = ctx.layout === "column" ? GROW_TALL : GROW;
  const grow = base.free > 0 && per > 0 ? 1 + Math.min(most - 1, (base.free * 0.6) / per) : 1;
  // One growth for every step (graphics review 52, item 7: Ho's figure shrank to a small icon after the first step).
  return frameAt(ctx, plot, grow).frame;
}

/**
 * Every step, the first too, laid out as the last stands (graphics review 53, item 6: the first step had its own
 * composition, its rows spread over the stage, and the next repacked them, so the layout jumped): the rows at the
 * places they keep, the band's room under them empty until its step, the whole centred in the stage.
 */
function frameAt(ctx: SceneContext, plot: Box, grow: number): { frame: Frame; free: number; need: number } {
  const t = typeOf(ctx);
  const year = (id: string) => ctx.value(id);
  const small = t.small;
  const L = t.label;
  const pieces: Piece[] = [];
  const add = (step: State, lane: Lane, ...marks: Mark[]) => pieces.push({ step, lane, marks });
  const W = plot.x1 - plot.x0;
  // Where the undated words stand: a column left of the axis, or above each row's marks where the stage is tall (the
  // upright phone, too narrow for the column; the desktop, where the rows so fill its height and the axis its width:
  // graphics review 49, item 1: the timeline filled the top 40 % of the stage).
  const heads: "left" | "top" = ctx.layout === "square" || ctx.layout === "column" ? "top" : "left";
  // Wider where the stage is short (a phone on its side, print), so the heads wrap less and the rows keep their height.
  const nameW = Math.max(...["who", "project"].map((k) => textWidth(ctx.t(k), L, true))) + 2;
  let uw = heads === "top" ? W : Math.min(Math.max(W * (ctx.layout === "column" ? 0.25 : 0.3), nameW), W * 0.36);
  const ring = L * 0.42;

  // The time scale, linear: from the first year given to the end of the earliest production year.
  const from = year("ho-google-start");
  const to = year("production-earliest") + 1;
  const ax0 = heads === "left" ? plot.x0 + uw + small * 1.4 : plot.x0 + small * 0.4;
  // Room right of the axis for the "or later" arrow, open-ended past the last year.
  const ax1 = plot.x1 - small * 2.4;
  const unit = (ax1 - ax0) / (to - from);
  const x = (v: number) => ax0 + (v - from) * unit;

  // The marks' x: Google's bar over the whole of its first and last years (the article gives the years only, no
  // months: standards review 48), Ho's move (November), the article (its year's middle: no month is given), and
  // production at the start of its earliest year (from then on, not in its middle).
  const [g0, g1] = [x(from), x(year("ho-google-end") + 1)];
  const xJ = x(year("ho-joined") + NOV);
  const xA = x(year("report-year") + MID);
  const xP = x(year("production-earliest"));
  const xP1 = x(year("production-earliest") + 1);
  // Production's mark: a bar across the row's line, half as tall as this.
  const pr = Math.max(ring * 0.8 * grow, small * 0.7);
  // Ho's bust no wider than the months from his move to the article allow, once grown (844×390: it covered the line).
  // (and clear of that line by a fifth of a line: grown on the desktop it touched it)
  const hr = Math.min(L * 0.3 * grow, Math.max(L * 0.2, (xA - xJ - Math.max(3, small * 0.25)) / 1.4));
  const rr = Math.max(4, small * 0.32) * Math.sqrt(grow);
  const gap = small * 0.5;
  // On the upright phone the heads stand above the rows' marks: their words stop short of the article's line.
  if (heads === "top") uw = xA - rr - gap - plot.x0;

  // The words, wrapped once to the room their side of the mark leaves.
  // Google's words (its years first) under its bar, from its start, up to the article's line; his move's words above
  // his bust, ending at it.
  const barH = Math.max(ring * 1.1, small * 0.6) * grow;
  const googleW = xA - gap - g0;
  const googleLines = wrapEven(ctx.t("google"), small, googleW);
  // His move's words end at his bust, short of the article's line (844×390: they touched it).
  const joinsX = Math.min(xJ + hr * 1.4, xA - gap);
  const joinsLines = wrapEven(ctx.t("joins"), small, joinsX - ax0);
  const reportLines = wrapEven(ctx.t("report"), small, xA - rr - gap - (heads === "top" ? plot.x0 : ax0));
  const prodX = xA + rr + gap;
  // Where its column right of the article's line is narrow (the upright phone), the short words, two lines, the hedge
  // left to the dotted "or later" under them (graphics review 51, item 9: three lines squeezed against the edge).
  const prodFull = wrapWidth(ctx.t("production"), small, plot.x1 - prodX, true);
  // (and where the full words leave one alone on a line, graphics review 52, item 7)
  const lone = (ls: string[]) => ls.length > 1 && ls.some((l) => !l.trim().includes(" "));
  const prodLines = prodFull.length > 2 || lone(prodFull) ? wrapWidth(ctx.t("production-short"), small, plot.x1 - prodX, true) : prodFull;
  const laterW = textWidth(ctx.t("later"), small);

  // The undated heads: each row's name, then what has no year.
  const nameLines = (k: string) => wrapWidth(ctx.t(k), L, uw, true);
  // Ho's degrees, which the article gives no years for: a note under his row's name.
  const degreeLines = wrapEven(ctx.t("degrees"), small, uw);
  const hoHeadH = heightOf(nameLines("who").length, L) + small * 0.4 + heightOf(degreeLines.length, small);
  const projHeadH = heightOf(nameLines("project").length, L);

  // The rows' dated marks: how far they and their words reach above and below each row's line.
  const near = small * 0.25;
  const hoAbove = hr * 1.75 + near + heightOf(joinsLines.length, small);
  const barFoot = Math.max(hr * 1.6, hr * 0.9 + barH / 2);
  const hoBelow = barFoot + near + heightOf(googleLines.length, small);
  const reportH = heightOf(reportLines.length, small);
  // Above the project's line: left of the article's line the report's words, right of it production's.
  const reportAbove = Math.max(small * 0.3, rr, reportH / 2);
  const prodAbove = pr + gap + heightOf(prodLines.length, small);
  const projAbove = Math.max(reportAbove, prodAbove);
  const projBelow = Math.max(rr, reportH / 2, pr + small * 0.4 + small) + small * 0.35;
  // The axis at the top: its years above the bar, its ticks under it.
  const yearsH = small * 1.3;
  const tickH = small * 0.4;
  // The band side by side where the stage is wide: its partner's column under the rows' heads where they stand left of
  // the axis, else a third of the width; on the upright phone stacked, the partner above the chip.
  // (at least two fifths of it where the stage is short: in the heads' narrow column the partner's words took five
  // lines on a phone on its side and ran into the caption)
  const band = bandSize(ctx, W, heads === "left" ? Math.max(uw, W * 0.4) : ctx.layout === "column" ? W * 0.3 : null);
  const panelH = band.h + PANEL_PAD * small;

  // Top to bottom: the axis and its years, Ho's row, the project's, the chip's band. What height is left over goes
  // between them (up to a limit), the rest above and below the whole, so the figure stands centred. On the upright
  // phone, between each row's head and its dated marks.
  const headGap = small * 0.4;
  const hoH = heads === "left" ? Math.max(hoHeadH, hoAbove + hoBelow) : hoHeadH + headGap + hoAbove + hoBelow;
  // The project's line from its row's top: beside its head where the stage is wide; on the upright phone under it,
  // but production's words (right of the article's line, where the head stops) may stand beside the head.
  const pLoff =
    heads === "left"
      ? projAbove + Math.max(0, (projHeadH - projAbove - projBelow) / 2)
      : Math.max(projHeadH + headGap + reportAbove, prodAbove);
  const projH = heads === "left" ? Math.max(projHeadH, projAbove + projBelow) : pLoff + projBelow;
  // The band's words and chip stop half a line and more above the caption's rule (graphics review 53, item 8: on the
  // phone "Packaging" and its leader ran into it).
  // (the caption's own margin, half the pad, counted; a text's box reaches a tenth of its size under the block)
  const foot = Math.max(0, small * LINE * 0.5 + small * 0.15 - t.pad * 0.5);
  // (Between the rows at least a line and a fifth on every stage: Google's words under its bar stood right on the
  // project's name, graphics review 51, item 9, and again with no visible gap in review 53, item 8.)
  const minRow = ROW_GAP * small * LINE;
  const need = yearsH + tickH + hoH + minRow + projH + panelH + foot;
  const free = plot.y1 - plot.y0 - need;
  // What height is left goes evenly between the axis and the two rows, the band a short gap under them (at most a line
  // and a half: the steps before the band stood in the stage's upper half, graphics review 50, item 8), the figure
  // centred in what remains.
  // (On paper at most a line and a half: a printed panel is cropped to what it draws, so the rows stand together
  // rather than spread over a box the page does not need; graphics review 53's Ho panel, a blank band on paper.)
  const cap = ctx.layout === "print" ? small * 1.5 : Infinity;
  const gB = Math.min(Math.max(free / 3, small * 0.15), small * 1.5);
  const rest = free - gB + minRow;
  // (On the desktop at most ROW_GAP_MOST lines: graphics review 55, item 6, the rows stood far apart, over 100 units of empty
  // stage between the axis and Ho's row and between the rows; what that leaves goes round the whole, which the stage
  // centres.)
  const most = ctx.layout === "column" ? small * LINE * ROW_GAP_MOST : Infinity;
  const gR = Math.max(minRow, Math.min(rest / 2, cap, most));
  const gA = Math.min(Math.max(rest - gR, small * 0.15), gR, cap, most);
  let y = plot.y0 + Math.max(0, (free + minRow - gA - gR - gB) / 2);

  const axisY = y + yearsH;
  y = axisY + tickH + gA;
  const hoTop = y;
  const hL = heads === "left" ? hoTop + hoAbove + Math.max(0, (hoH - hoAbove - hoBelow) / 2) : hoTop + hoHeadH + headGap + hoAbove;
  y += hoH + gR;
  const projTop = y;
  const pL = projTop + pLoff;
  y += projH + gB;
  const panelTop = y;

  // The axis, its ticks and the years named above it; the article's dotted line from it down through both rows to
  // just past the report (which names it: "Article, 2024: …").
  add("ho", "axis", ...scaleMarks(ctx, { y: axisY, x0: ax0, x1: x(to), from, to, x }));
  add("ho", "axis", {
    key: "article",
    tag: "line",
    attrs: {
      x1: r1(xA),
      y1: r1(axisY),
      x2: r1(xA),
      y2: r1(pL + rr + small * 0.6),
      class: "tl tl-undated",
    },
    enter: { opacity: 0 },
  });

  // The rows' names, at their start.
  const whoLines = nameLines("who");
  add("ho", "ho", ...block("who-lbl", whoLines, plot.x0, hoTop, L, "lbl lbl-strong"));
  const projNames = nameLines("project");
  add("ho", "proj", ...block("project-lbl", projNames, plot.x0, projTop, L, "lbl lbl-strong"));

  // Ho's head: his degrees, in the order the article tells them, a note in words (no years given: the source line says
  // so, graphics review 52, item 6).
  add(
    "career",
    "ho",
    ...block("degrees-lbl", degreeLines, plot.x0, hoTop + heightOf(whoLines.length, L) + small * 0.4, small, "lbl lbl-muted"),
  );

  // Ho joins OpenAI: a bust at November of the year before the article, his words above him, ending at him. (No bar
  // from him on to the article's line: a small rust block there stood unnamed; graphics review 45, item 8.)
  add("ho", "ho", dot("hero", xJ, hL - hr * 0.75, hr * 2, "marker marker-hero"), {
    key: "hero-body",
    tag: "path",
    attrs: {
      d: `M${r1(xJ - hr * 1.4)},${r1(hL + hr * 1.6)} Q${r1(xJ - hr * 1.4)},${r1(hL + hr * 0.35)} ${r1(xJ)},${r1(hL + hr * 0.35)} Q${r1(xJ + hr * 1.4)},${r1(hL + hr * 0.35)} ${r1(xJ + hr * 1.4)},${r1(hL + hr * 1.6)} Z`,
      class: "marker marker-hero",
    },
    enter: { opacity: 0 },
  });
  add(
    "ho",
    "ho",
    ...block("hero-lbl", joinsLines, joinsX, hL - hr * 1.75 - near - heightOf(joinsLines.length, small), small, "lbl", "end"),
  );

  // Google: one grey bar from the start of the year he joined to the end of the year he left, the years the article
  // gives, whole (drawn from mid-year to mid-year it claimed months the article does not give: standards review 48);
  // its words under it, its years first. Drawn from the first step, quiet (named "Google" and its years); the career
  // step brings it forward with what he did there.
  const barY = hL + hr * 0.9;
  const tenure: Mark = {
    key: "tenure",
    tag: "rect",
    attrs: { x: r1(g0), y: r1(barY - barH / 2), width: r1(g1 - g0), height: r1(barH), rx: r1(barH / 2), class: "bar" },
    enter: { width: 0, opacity: 0 },
  };
  const googleTop = hL + barFoot + near;
  pieces.push({
    step: "career",
    lane: "ho",
    marks: [tenure, ...block("tenure-lbl", googleLines, g0, googleTop, small, "lbl")],
    early: {
      from: "ho",
      marks: [
        ...quiet([tenure]),
        ...block("tenure-lbl", wrapWidth(ctx.t("google-short"), small, googleW), g0, googleTop, small, "lbl lbl-muted"),
      ],
    },
  });

  // The project: the report (what the article relays: Ho leads the team) a point on the article's line, its words
  // left of it. The schedule step adds the plan, dashed, to production: its earliest year as a sand span, from whose
  // end the line runs on, dotted (when is not known), past the axis' end to an open arrowhead: or later.
  add("ho", "proj", dot("report", xA, pL, rr * 2, "marker"));
  add("ho", "proj", ...block("report-lbl", reportLines, xA - rr - gap, pL - reportH / 2, small, "lbl lbl-muted", "end"));
  const tip = plot.x1 - 1;
  const head = small * 0.45;
  const prodTop = pL - pr - gap - heightOf(prodLines.length, small);
  add(
    "schedule",
    "proj",
    {
      key: "run",
      tag: "line",
      attrs: { x1: r1(xA + rr + 2), y1: r1(pL), x2: r1(xP), y2: r1(pL), class: "arc", "stroke-dasharray": "8 6" },
      enter: { opacity: 0 },
    },
    // Production's year as a span, the whole of it under its year on the axis (graphics review 42: a bar at the year's
    // start read as mid-2025): the article gives the year only.
    {
      key: "production",
      tag: "rect",
      attrs: { x: r1(xP), y: r1(pL - pr), width: r1(xP1 - xP), height: r1(pr * 2), class: "tl tl-span" },
      enter: { opacity: 0 },
    },
    { key: "later", tag: "line", attrs: { x1: r1(xP1), y1: r1(pL), x2: r1(tip), y2: r1(pL), class: "arc arc-dot" }, enter: { opacity: 0 } },
    {
      key: "later-head",
      tag: "path",
      attrs: { d: `M${r1(tip - head)},${r1(pL - head)} L${r1(tip)},${r1(pL)} L${r1(tip - head)},${r1(pL + head)}`, class: "arc" },
      enter: { opacity: 0 },
    },
    ...block("production-lbl", prodLines, prodX, prodTop, small, "lbl lbl-strong"),
    ...lines("later-lbl", [ctx.t("later")], Math.min(tip, xP1 + laterW), pL + pr + small * 1.2, small, "lbl lbl-note", "end"),
  );

  // The band under the rows, under its own rule, off the time scale (it spans no years), named as undated: the partner
  // and the open questions (graphics review 52, item 7: Broadcom stood under 2014 on the phone). Its room is
  // kept from the first step; its rule and name come with the partner.
  // Broadcom, the likeliest partner, already in contact (the article dates neither that nor its TPU work with Google):
  // a ring, dashed as the partnership is only likely (standards review 44), named large, its words under the name.
  // The planned chip large, drawn as chapters 1 and 9 draw it, named right of it; under the name its two open parts,
  // each tied by a short leader to the part it names: memory to the upper right stack, packaging to the substrate's
  // edge. Side by side where the stage is wide (the partner left), else the partner above the chip.
  const size = small;
  const inner = panelTop + PANEL_PAD * small;
  add(
    "broadcom",
    "panel",
    {
      key: "panel-rule",
      tag: "line",
      attrs: { x1: r1(plot.x0), y1: r1(panelTop), x2: r1(plot.x1), y2: r1(panelTop), class: "leader" },
      enter: { opacity: 0 },
    },
    ...(band.side
      ? block("panel-head-lbl", band.head, plot.x0, inner, small, "lbl lbl-strong")
      : block("panel-head-lbl", band.head, plot.x1, inner + (L - small) * 0.5, small, "lbl lbl-strong", "end")),
  );
  const bTop = inner + band.headH;
  const bcY = bTop + L * 0.5;
  const bx = plot.x0 + ring * 2 + small * 0.6;
  add("broadcom", "partner", dot("broadcom", plot.x0 + ring, bcY, ring * 2, "marker marker-ring", { "stroke-dasharray": "4 3" }));
  add("broadcom", "partner", ...lines("broadcom-lbl", [ctx.t("broadcom")], bx, bcY + L * 0.35, L, "lbl lbl-strong"));
  const pyTop = bTop + L * 1.1;
  add("broadcom", "partner", ...block("partner-lbl", band.partner, bx, pyTop, small, "lbl"));

  const c0 = band.side ? plot.x0 + band.bw + small * 1.4 : plot.x0;
  const cTop = band.side ? inner : bTop + band.bH + small * 0.6;
  const cx = c0 + band.s / 2;
  const cy = cTop + band.chipH / 2;
  const tx = c0 + band.s + small * 2;
  const chip = projectChip(cx, cy, band.s);
  const parts = chipParts(cx, cy, band.s);
  const blocks = PANEL_WORDS.map((k) => ({ k, words: wrapEven(ctx.t(k), size, band.tw, k === "chip") }));
  const total = blocks.reduce((h, b) => h + b.words.length * size * LINE + size * 0.5, -size * 0.5);
  let wy = cy - total / 2 + size * 0.8;
  const from_: Record<string, [number, number]> = {
    memory: [parts.stacks.r0.x1, (parts.stacks.r0.y0 + parts.stacks.r0.y1) / 2],
    package: [parts.sub.x1, parts.sub.y1 - band.s * 0.12],
  };
  for (const b of blocks) {
    if (b.k === "chip") add("schedule", "panel", ...chip, ...lines("panel-chip-lbl", b.words, tx, wy, size, "lbl lbl-strong"));
    else {
      const f = from_[b.k]!;
      add("open", "panel", ...lines(`panel-${b.k}-lbl`, b.words, tx, wy, size, "lbl"), {
        key: `panel-${b.k}-tie`,
        tag: "path",
        attrs: { d: `M${r1(f[0] + 2)},${r1(f[1])} L${r1(tx - size * 0.4)},${r1(wy - size * 0.35)}`, class: "leader", fill: "none" },
        enter: { opacity: 0 },
      });
    }
    wy += b.words.length * size * LINE + size * 0.5;
  }
  return { frame: { pieces, articleX: xA }, free, need };
}
