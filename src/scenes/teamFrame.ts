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
// marks when the article appeared, named beside its top (where the heads stand on top of
// the rows, beside its foot): the one place the figure says a
// date is inferred. What the article gives no year for (Ho's degrees, Broadcom) stands off
// the axis, at each row's start: left of the axis where the stage is wide, above the row's
// dated marks on an upright phone (`square`). Broadcom's contact, reported, is a solid tie;
// the partnership, only likely, a dashed ring. Under the rows, off the time scale, the
// planned chip large, with its rule: room kept from the first step, drawn only from the
// schedule step on (graphics review 44: a faint box and an orphan "Production" stood in
// the first step), its open parts named in the last. Google's bar stands faint from the
// first step, named short with its years, and is brought forward in place.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { dot, r1, withOpacity } from "./shapes.ts";
import { LINE, lines, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { chipParts, chipTop } from "./chip.ts";
import { scaleMarks } from "./teamAxis.ts";

export const STATES = ["ho", "career", "broadcom", "schedule", "open"] as const;
export type State = (typeof STATES)[number];
/** The last step dims the axis and both rows, not the chip's band. */
export type Lane = "axis" | "ho" | "proj" | "panel";
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

/** The band's height for a plot `w` wide: a chip, its words right of it; as tall as the taller. */
function panelSize(ctx: SceneContext, w: number): { s: number; h: number; tw: number } {
  const small = typeOf(ctx).small;
  // Larger where the stage is tall (review 36: on a desktop the stage's lower half stood empty under the timeline).
  // (On a phone on its side a little less of the height: with the inferred years named in words, "(erschlossen)", the
  // German rows grew a line and the chip stood 0.7 units into the caption.)
  const s = Math.min(w * 0.18, small * 9, ctx.height * (ctx.layout === "land" ? 0.18 : 0.2));
  const tw = w - s - small * 2;
  const wordsH = PANEL_WORDS.reduce((h, k) => h + wrapWidth(ctx.t(k), small, tw, k === "chip").length * small * LINE + small * 0.5, 0);
  return { s, h: Math.max(s, wordsH), tw };
}

/** How far the dated marks grow at most where the stage is tall (times their base size). */
export const GROW = 2.4;

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
export function teamFrame(ctx: SceneContext, plot: Box, first = false): Frame {
  const grown = (only: boolean) => {
    const base = frameAt(ctx, plot, 1, only);
    if (base.free <= 0) return { grow: 1, frame: base.frame };
    // How much more height the marks take per unit of growth (the layout is linear in it, but for wrapping).
    const per = frameAt(ctx, plot, 2, only).need - base.need;
    const grow = per > 0 ? 1 + Math.min(GROW - 1, (base.free * 0.6) / per) : 1;
    return { grow, frame: frameAt(ctx, plot, grow, only).frame };
  };
  return grown(first).frame;
}

/**
 * `first`: the first step's own composition (graphics review 51, item 3: under the project's name the room kept for
 * Broadcom, and under the rows the chip's band, stood empty, the row's middle blank, ~40 % of the stage): only what
 * that step draws, the two rows and the axis, laid out to fill the stage; the same axis (every x as in the later
 * steps), so the next step only carries the rows down to make room for the degrees, Broadcom and the band.
 */
function frameAt(ctx: SceneContext, plot: Box, grow: number, first = false): { frame: Frame; free: number; need: number } {
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
  const hr = Math.min(L * 0.3 * grow, Math.max(L * 0.2, (xA - xJ - 3) / 1.4));
  const rr = Math.max(4, small * 0.32) * Math.sqrt(grow);
  const gap = small * 0.5;
  // On the upright phone the heads stand above the rows' marks: their words stop short of the article's line.
  if (heads === "top") uw = xA - rr - gap - plot.x0;

  // The words, wrapped once to the room their side of the mark leaves.
  // Google's words (its years first) under its bar, from its start, up to the article's line; his move's words above
  // his bust, ending at it.
  const barH = Math.max(ring * 1.1, small * 0.6) * grow;
  const googleW = xA - gap - g0;
  const googleLines = wrapWidth(ctx.t("google"), small, googleW);
  // His move's words end at his bust, short of the article's line (844×390: they touched it).
  const joinsX = Math.min(xJ + hr * 1.4, xA - gap);
  const joinsLines = wrapWidth(ctx.t("joins"), small, joinsX - ax0);
  const reportLines = wrapWidth(ctx.t("report"), small, xA - rr - gap - ax0);
  const prodX = xA + rr + gap;
  // Where its column right of the article's line is narrow (the upright phone), the short words, two lines, the hedge
  // left to the dotted "or later" under them (graphics review 51, item 9: three lines squeezed against the edge).
  const prodFull = wrapWidth(ctx.t("production"), small, plot.x1 - prodX, true);
  const prodLines = prodFull.length > 2 ? wrapWidth(ctx.t("production-short"), small, plot.x1 - prodX, true) : prodFull;
  const laterW = textWidth(ctx.t("later"), small);
  // The article's words right of its line's top, in Ho's row (right of the line it holds nothing else).
  // (Where the heads stand on top, at its foot instead, left of it under the report's words, where the room is
  // wide: right of the line, a narrow column, its words stood stacked over production's; graphics review 49, item 6.)
  // (A phone on its side, 844×390: right of the line the column was a few words wide, the words four lines there;
  // graphics review 50, item 9. Where the top's column would take more than two lines and the foot, left of the line
  // and right of the heads' column, takes them in two or fewer, at the foot there too.)
  const footLines = wrapWidth(ctx.t("article"), small, xA - gap - (heads === "top" ? plot.x0 : ax0));
  const sideLines = wrapWidth(ctx.t("article"), small, plot.x1 - xA - gap);
  const foot = heads === "top" || (sideLines.length > 2 && footLines.length <= 2);
  const articleLines = foot ? footLines : sideLines;
  const articleH = heightOf(articleLines.length, small);

  // The undated heads: each row's name, then what has no year.
  const nameLines = (k: string) => wrapWidth(ctx.t(k), L, uw, true);
  // Ho's degrees, which the article gives no years for: a note under his row's name.
  const degreeLines = wrapWidth(ctx.t("degrees"), small, uw);
  const hoHeadH = heightOf(nameLines("who").length, L) + (first ? 0 : small * 0.4 + heightOf(degreeLines.length, small));
  // Broadcom under the project's name, tied to it by a short solid line (the contact), its words beside the tie.
  const bx = plot.x0 + ring * 2 + small * 0.6;
  const contactLines = wrapWidth(ctx.t("contact"), small, plot.x0 + uw - bx);
  const tieH = heightOf(contactLines.length, small) + small * 0.5;
  const partnerLines = wrapWidth(ctx.t("partner"), small, plot.x0 + uw - bx);
  const tpuLines = wrapWidth(ctx.t("tpu"), small, plot.x0 + uw - bx);
  const projHeadH =
    heightOf(nameLines("project").length, L) + (first ? 0 : tieH + L * 1.1 + (partnerLines.length + tpuLines.length) * small * LINE);

  // The rows' dated marks: how far they and their words reach above and below each row's line.
  const near = small * 0.25;
  const hoAbove = hr * 1.75 + near + heightOf(joinsLines.length, small);
  const barFoot = Math.max(hr * 1.6, hr * 0.9 + barH / 2);
  const hoBelow = barFoot + near + heightOf(googleLines.length, small);
  const reportH = heightOf(reportLines.length, small);
  // Above the project's line: left of the article's line the report's words, right of it production's.
  const reportAbove = Math.max(small * 0.3, rr, reportH / 2);
  const prodAbove = first ? 0 : pr + gap + heightOf(prodLines.length, small);
  const projAbove = Math.max(reportAbove, prodAbove);
  // The article's words at the line's foot: their top this far under the project's line.
  const articleOff = Math.max(rr, reportH / 2) + small * 0.45;
  const projBelow = Math.max(rr, reportH / 2, first ? 0 : pr + small * 0.4 + small, foot ? articleOff + articleH : 0) + small * 0.35;
  // The axis at the top: its years above the bar, its ticks under it.
  const yearsH = small * 1.3;
  const tickH = small * 0.4;
  const panel0 = panelSize(ctx, W);
  const panelH = first ? 0 : panel0.h + PANEL_PAD * small;

  // Top to bottom: the axis and its years, Ho's row, the project's, the chip's band. What height is left over goes
  // between them (up to a limit), the rest above and below the whole, so the figure stands centred. On the upright
  // phone, between each row's head and its dated marks.
  const headGap = small * 0.4;
  const hoH = Math.max(
    foot ? 0 : articleH,
    heads === "left" ? Math.max(hoHeadH, hoAbove + hoBelow) : hoHeadH + headGap + hoAbove + hoBelow,
  );
  // The project's line from its row's top: beside its head where the stage is wide; on the upright phone under it,
  // but production's words (right of the article's line, where the head stops) may stand beside the head.
  const pLoff =
    heads === "left"
      ? projAbove + Math.max(0, (projHeadH - projAbove - projBelow) / 2)
      : Math.max(projHeadH + headGap + reportAbove, prodAbove);
  const projH = heads === "left" ? Math.max(projHeadH, projAbove + projBelow) : pLoff + projBelow;
  const need = yearsH + tickH + hoH + projH + panelH;
  const free = plot.y1 - plot.y0 - need;
  // What height is left goes between the rows and the band (up to a limit) and, less, between the axis and the first
  // row (it heads them all), the rest above and below the whole.
  const g = free >= small * 2 ? small * 0.5 + Math.min((free - small * 2) / 3, small * (first ? 6 : 4)) : Math.max(free / 3, small * 0.15);
  // (on the desktop a little more under the axis, which heads the rows spread below it)
  const gA = Math.min(g, small * (ctx.layout === "column" ? 1.4 : 0.8));
  // The desktop (graphics review 50, item 8: until the band came, the steps filled its upper half): the figure from the
  // plot's top, the band a short gap under the project's row, all the rest between the two rows, so the timeline
  // alone spans most of the stage from the first step.
  // (not in the first step, whose two rows alone spread so stood far apart: they stand centred, gaps between them)
  const spread = ctx.layout === "column" && free >= small * 2 && !first;
  // (the first step draws no band: nothing under the project's row)
  const gB = first ? 0 : spread ? Math.min(g, small * 1.6) : g;
  // (On the upright phone, where the heads stand on top, at least 0.6 of a line between the rows: Google's words under
  // its bar ran straight into the project's name, graphics review 51, item 9. Elsewhere the heads stand beside the rows.)
  // (In the first step, its two rows alone, most of what is left between them, so that the timeline spans most of the
  // stage as in the later steps, and the rest above and below: graphics review 51, item 3.)
  const gRow = heads === "top" ? Math.max(g, small * 0.6) : g;
  const gR = spread ? free - gA - gB - small * 0.6 : first ? Math.max(gRow, (free - gA) * 0.6) : gRow;
  let y = spread ? plot.y0 : plot.y0 + Math.max(0, (free - gA - gR - gB) / 2);

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
  // just past the report, named beside its top (or, heads on top, down to its words beside its foot).
  add("ho", "axis", ...scaleMarks(ctx, { y: axisY, x0: ax0, x1: x(to), from, to, x }));
  add(
    "ho",
    "axis",
    {
      key: "article",
      tag: "line",
      attrs: {
        x1: r1(xA),
        y1: r1(axisY),
        x2: r1(xA),
        y2: r1(pL + (foot ? articleOff + small * 0.6 : rr + small * 0.6)),
        class: "tl tl-undated",
      },
      enter: { opacity: 0 },
    },
    ...(foot
      ? block("article-lbl", articleLines, xA - gap, pL + articleOff, small, "lbl lbl-muted", "end")
      : block("article-lbl", articleLines, xA + gap, hoTop, small, "lbl lbl-muted")),
  );

  // The rows' names, at their start.
  const whoLines = nameLines("who");
  add("ho", "ho", ...block("who-lbl", whoLines, plot.x0, hoTop, L, "lbl lbl-strong"));
  const projNames = nameLines("project");
  add("ho", "proj", ...block("project-lbl", projNames, plot.x0, projTop, L, "lbl lbl-strong"));

  // Ho's head: his degrees, in the order the article tells them, a note in words (no years given, the note says so).
  add(
    "career",
    "ho",
    ...block("degrees-lbl", degreeLines, plot.x0, hoTop + heightOf(whoLines.length, L) + small * 0.4, small, "lbl lbl-muted"),
  );

  // Broadcom, the likeliest partner: the article dates neither its TPU work with Google nor its first contact, so it
  // stands in the project's head. Its contact with the team, which the article reports as fact, a short solid rust
  // tie to the row's name, named beside it; the partnership, only likely (standards review 44), a dashed ring.
  const nameBottom = projTop + heightOf(projNames.length, L);
  const tie0 = nameBottom + small * 0.25;
  const bcY = nameBottom + tieH + L * 0.55;
  const px = plot.x0 + ring;
  add(
    "broadcom",
    "proj",
    {
      key: "link-contact",
      tag: "line",
      attrs: { x1: r1(px), y1: r1(tie0), x2: r1(px), y2: r1(bcY - ring - 1), class: "arc" },
      enter: { opacity: 0 },
    },
    ...block(
      "contact-lbl",
      contactLines,
      bx,
      (tie0 + bcY - ring - 1) / 2 - heightOf(contactLines.length, small) / 2,
      small,
      "lbl lbl-link",
    ),
  );
  add("broadcom", "proj", dot("broadcom", px, bcY, ring * 2, "marker marker-ring", { "stroke-dasharray": "4 3" }));
  add("broadcom", "proj", ...lines("broadcom-lbl", [ctx.t("broadcom")], bx, bcY + L * 0.35, L, "lbl lbl-strong"));
  const pyTop = bcY + L * 0.55;
  add("broadcom", "proj", ...block("partner-lbl", partnerLines, bx, pyTop, small, "lbl lbl-link"));
  add("broadcom", "proj", ...block("broadcom-val", tpuLines, bx, pyTop + partnerLines.length * small * LINE, small, "lbl lbl-muted"));

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

  // The band under the rows, under its own rule, off the time scale (it spans no years): the planned chip large, drawn
  // as chapters 1 and 9 draw it, named right of it; under the name its two open parts, each tied by a short leader to
  // the part it names: memory to the upper right stack, packaging to the substrate's edge. Its room is kept from the
  // first step; it is drawn from the schedule step, which tells of the chip.
  const size = small;
  const cx = plot.x0 + panel0.s / 2;
  const cy = panelTop + PANEL_PAD * small + panel0.h / 2;
  const tx = plot.x0 + panel0.s + small * 2;
  add("schedule", "panel", {
    key: "panel-rule",
    tag: "line",
    attrs: { x1: r1(plot.x0), y1: r1(panelTop), x2: r1(plot.x1), y2: r1(panelTop), class: "leader" },
    enter: { opacity: 0 },
  });
  const chip = projectChip(cx, cy, panel0.s);
  const parts = chipParts(cx, cy, panel0.s);
  const blocks = PANEL_WORDS.map((k) => ({ k, words: wrapWidth(ctx.t(k), size, panel0.tw, k === "chip") }));
  const total = blocks.reduce((h, b) => h + b.words.length * size * LINE + size * 0.5, -size * 0.5);
  let wy = cy - total / 2 + size * 0.8;
  const from_: Record<string, [number, number]> = {
    memory: [parts.stacks.r0.x1, (parts.stacks.r0.y0 + parts.stacks.r0.y1) / 2],
    package: [parts.sub.x1, parts.sub.y1 - panel0.s * 0.12],
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
