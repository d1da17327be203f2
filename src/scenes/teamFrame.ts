// The team scene's one figure, laid out whole (every step's pieces at once), so
// that no mark or label moves between steps: a horizontal time axis, to scale from
// the first year the article gives to the end of 2026 (production at the earliest),
// cut once in the middle of Ho's Google years, the cut marked by one gap marker at
// one x, on the axis and across Google's (one) bar. Above it two lanes, each named
// at its start: Richard Ho's path (one career bar: Google, grey; OpenAI from
// November, rust; his degrees a note under the name, with no years) and
// OpenAI's chip project (the report, the planned chip, production at the earliest,
// open-ended). A dotted line across both lanes marks when the article appeared
// (2024, our dating). What the article gives no year for (Ho's degrees, Broadcom)
// stands off the axis, at each lane's start: left of the axis where the stage is
// wide, above the lane's dated row on an upright phone (`square`). Every label
// stands beside its mark, on the empty side of its lane: Ho's words left, in the
// years before his move; the project's left of the chip or right of it, never
// across the article's line. Under the axis a panel off the time scale, where the
// last step draws the planned chip large.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { dot, r1, withOpacity } from "./shapes.ts";
import { LINE, lines, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { chipParts, chipTop } from "./chip.ts";
import { gapMark, scaleMarks } from "./teamAxis.ts";

export const STATES = ["ho", "career", "broadcom", "schedule", "open"] as const;
export type State = (typeof STATES)[number];
/** The last step dims the axis and both lanes. */
export type Lane = "axis" | "ho" | "proj";
export interface Piece {
  step: State;
  lane: Lane;
  marks: Mark[];
  /**
   * Drawn already from an earlier step, quieter: the same marks (same keys and places), fainter, with shorter words,
   * until `step` brings them forward (Ho's Google years: review 40, the first step stood nearly empty).
   */
  early?: { from: State; marks: Mark[] };
}
export interface Frame {
  pieces: Piece[];
  /** The project's line (its y) and the chip's centre and side in the schedule. */
  chip: { x: number; y: number; s: number };
  /** The x where the article appeared (2024, our dating): the dotted line across both lanes. */
  articleX: number;
  /** The panel under the axis, off the time scale, where the last step draws the planned chip and its parts. */
  panel: Panel;
}
export interface Panel extends Box {
  /** The chip's centre and side, and where its words start (right of it) and how wide they may run. */
  cx: number;
  cy: number;
  s: number;
  tx: number;
  tw: number;
}

/** The panel's words, top to bottom: the chip's name and its two open parts. */
export const PANEL_WORDS = ["chip", "memory", "package"] as const;

/** The panel's height for a plot `w` wide: a chip, its words right of it; as tall as the taller. */
function panelSize(ctx: SceneContext, w: number): { s: number; h: number; tw: number } {
  const small = typeOf(ctx).small;
  // Larger where the stage is tall (review 36: on a desktop the stage's lower half stood empty under the timeline).
  const s = Math.min(w * 0.18, small * 8, ctx.height * 0.16);
  const tw = w - s - small * 2;
  const wordsH = PANEL_WORDS.reduce((h, k) => h + wrapWidth(ctx.t(k), small, tw, k === "chip").length * small * LINE + small * 0.5, 0);
  return { s, h: Math.max(s, wordsH), tw };
}

/** How faint Ho's Google years stand before the step that tells them. */
export const QUIET = 0.45;

/** November, in the middle of the month; a year given without a month, in its middle. */
const NOV = 10.5 / 12;
const MID = 0.5;

/**
 * OpenAI's planned chip, the shared drawing (src/scenes/chip.ts) exactly as chapters 1 and 9 draw it: the die rust
 * and dashed, the substrate and memory stacks dashed (planned). What is not known about it, memory and packaging, the
 * last step says in words beside those parts, not by a line style of its own. Keys `chip-sub`, `chip-die`,
 * `chip-hbm-…`, so the last step's panel draws the same chip under its own keys.
 */
export const projectChip = (cx: number, cy: number, s: number, key = "chip"): Mark[] => chipTop({ key, cx, cy, size: s, owner: "openai" });

/** Lines of text as marks, the block's top at `top` (the first baseline a cap height below). */
const block = (key: string, words: string[], x: number, top: number, size: number, cls: ClassList, anchor: "start" | "end" = "start") =>
  lines(key, words, x, top + size * 0.8, size, cls, anchor);
const heightOf = (n: number, size: number) => (n - 1) * size * LINE + size;

/**
 * The frame, its dated marks (Ho's bust, the career bar, the report's point, the chip, production's ring) as large as
 * the stage's height allows: drawn once at their base size, then grown by up to 70 % into half the height left over
 * (review 38: on a desktop the stage stood mostly empty round small marks). The words keep their size.
 * `withPanel`: whether the frame leaves room under the axis for the last step's panel. The steps before it take the
 * plot's whole height (review 38 item 1: kept free for the panel, a band of a fifth of the phone's stage stood empty
 * under the axis in four steps of five); the last draws the lanes closer to make room for it.
 */
export function teamFrame(ctx: SceneContext, plot: Box, withPanel = true): Frame {
  // The growth is measured with the panel's room in every step, so no mark changes size when the panel comes.
  const base = frameAt(ctx, plot, 1, true);
  if (base.free <= 0) return frameAt(ctx, plot, 1, withPanel).frame;
  // How much more height the marks take per unit of growth (the layout is linear in it, but for wrapping).
  const per = frameAt(ctx, plot, 2, true).need - base.need;
  const grow = per > 0 ? 1 + Math.min(0.7, (base.free * 0.5) / per) : 1;
  return frameAt(ctx, plot, grow, withPanel).frame;
}

function frameAt(ctx: SceneContext, plot: Box, grow: number, withPanel: boolean): { frame: Frame; free: number; need: number } {
  const t = typeOf(ctx);
  const year = (id: string) => ctx.value(id);
  const small = t.small;
  const L = t.label;
  const pieces: Piece[] = [];
  const add = (step: State, lane: Lane, ...marks: Mark[]) => pieces.push({ step, lane, marks });
  const W = plot.x1 - plot.x0;
  // Where the undated words stand: a column left of the axis, or (upright phone, too narrow for that) above each lane's row.
  const heads: "left" | "top" = ctx.layout === "square" ? "top" : "left";
  // Wider where the stage is short (a phone on its side, print), so the heads wrap less and the lanes keep their height.
  const nameW = Math.max(...["who", "project"].map((k) => textWidth(ctx.t(k), L, true))) + 2;
  let uw = heads === "top" ? W : Math.min(Math.max(W * (ctx.layout === "column" ? 0.25 : 0.3), nameW), W * 0.36);
  const ring = L * 0.42;

  // The time scale: from the first year given to the end of the earliest production year; the middle of the Google
  // years, where nothing happens, cut out, so the years in which both lanes run take the width.
  const from = year("ho-google-start");
  const to = year("production-earliest") + 1;
  const cut: [number, number] = [from + 1, year("ho-google-end") - 1];
  const ax0 = heads === "left" ? plot.x0 + uw + small * 1.4 : plot.x0 + small * 0.4;
  // Room right of the axis for the "or later" arrow, open-ended past the last year.
  const ax1 = plot.x1 - small * 2.4;
  const gapW = small * 1.6;
  const unit = (ax1 - ax0 - gapW) / (cut[0] - from + to - cut[1]);
  const x = (v: number) =>
    v <= cut[0]
      ? ax0 + (v - from) * unit
      : v >= cut[1]
        ? ax0 + (cut[0] - from) * unit + gapW + (v - cut[1]) * unit
        : ax0 + (cut[0] - from) * unit + ((v - cut[0]) / (cut[1] - cut[0])) * gapW;

  // The marks' x: Google's bar, Ho's move (November), the article (its year's middle: no month is given), production
  // (the start of its year: "2026 at the earliest" is no point in 2026, only a bound, the dotted arrow on from it;
  // standards review 41 read a ring at mid-year as a claim of precision).
  const [g0, g1] = [x(from + MID), x(year("ho-google-end") + MID)];
  const xJ = x(year("ho-joined") + NOV);
  const xA = x(year("report-year") + MID);
  const xP = x(year("production-earliest"));
  // The chip on the line stays well smaller than the last step's panel draws it (the panel's is the large one).
  const s = Math.min(unit * 0.78, small * 3.2 * grow, panelSize(ctx, W).s / 1.3);
  const pr = ring * 0.8 * grow;
  const hr = L * 0.3 * grow;
  const gap = small * 0.5;
  // On the upright phone the heads stand above the lanes' rows: their words stop short of the article's line.
  if (heads === "top") uw = xA - s / 2 - gap - plot.x0;

  // The words, wrapped once to the room their side of the mark leaves.
  // Google's words under its bar, from its start (they name Google), up to the article's line; his move's words above
  // his bust, ending at it (review 36: under the bar, beside Google's words, "Ho joined OpenAI" read as the bar's label).
  const barH = Math.max(ring * 1.1, small * 0.6) * grow;
  const googleW = xA - gap - g0;
  const googleLines = wrapWidth(ctx.t("google"), small, googleW);
  const joinsLines = wrapWidth(ctx.t("joins"), small, xJ + hr * 1.4 - ax0);
  const leftW = xA - s / 2 - gap - ax0;
  const reportLines = wrapWidth(ctx.t("report"), small, leftW);
  const chipLines = wrapWidth(ctx.t("chip"), small, leftW);
  const prodLines = wrapWidth(ctx.t("production"), small, plot.x1 - (xA + s / 2 + gap), true);
  const laterW = textWidth(ctx.t("later"), small);
  // Above both lanes where the stage is wide; on the upright phone beside its line's top, in Ho's head (its right
  // half is empty: his words stop short of the line), which saves a row the phone's height cannot spare.
  const articleLines = wrapWidth(ctx.t("article"), small, heads === "left" ? Math.min(W * 0.6, plot.x1 - ax0) : plot.x1 - xA - gap);

  // The undated heads: each lane's name, then what has no year. `w` wide; their height, to lay the lanes out.
  const nameLines = (k: string) => wrapWidth(ctx.t(k), L, uw, true);
  // Ho's degrees, which the article gives no years for: a note under his lane's name, not a row of marks (review 38:
  // beside a "no year given" under the axis they read as a row floating on an undated stretch of it).
  const degreeLines = wrapWidth(ctx.t("degrees"), small, uw);
  const hoHeadH = heightOf(nameLines("who").length, L) + small * 0.4 + heightOf(degreeLines.length, small);
  // The room between the project's name and Broadcom's ring, for the dashed tie (less on a phone: no height to spare).
  const tieH = small * (ctx.layout === "land" || ctx.layout === "square" ? 0.5 : 1.1);
  const bx = plot.x0 + ring * 2 + small * 0.6;
  const partnerLines = wrapWidth(ctx.t("partner"), small, plot.x0 + uw - bx);
  const tpuLines = wrapWidth(ctx.t("tpu"), small, plot.x0 + uw - bx);
  const projHeadH = heightOf(nameLines("project").length, L) + tieH + L * 1.1 + (partnerLines.length + tpuLines.length) * small * LINE;

  // The lanes' dated rows: how far their marks and words reach above and below each lane's line.
  // (a quarter line from the bust's head and the bar's foot: the lane holds the height it had with the words the other way)
  const near = small * 0.25;
  const hoAbove = hr * 1.75 + near + heightOf(joinsLines.length, small);
  const barFoot = Math.max(hr * 1.6, hr * 0.9 + barH / 2);
  const hoBelow = barFoot + near + heightOf(googleLines.length, small);
  const leftH = heightOf(reportLines.length, small) + small * 0.45 + heightOf(chipLines.length, small);
  // The report's point on the article's line above the chip (review 36: under it, the chip hid it), level with its words.
  const rr = Math.max(4, small * 0.32) * Math.sqrt(grow);
  const reportUp = s / 2 + rr + gap;
  const projAbove = Math.max(s / 2, small * 0.3, pr + gap + heightOf(prodLines.length, small), leftH / 2, reportUp + rr);
  // Clear of the axis bar under it, whatever gap the height leaves.
  const projBelow = Math.max(s / 2, leftH / 2, pr + small * 0.4 + small) + small * 0.35;
  const articleH = heads === "left" ? heightOf(articleLines.length, small) : 0;
  const yearsH = small * 1.7;
  const panel0 = panelSize(ctx, W);

  // Top to bottom: the article's words, Ho's lane, the project's, the axis and its years, the panel. What height is
  // left over goes between them (up to a limit), the rest above and below the whole, so the figure stands centred.
  // On the upright phone, between each lane's head and its dated row.
  const headGap = small * 0.4;
  const hoH = heads === "left" ? Math.max(hoHeadH, hoAbove + hoBelow) : hoHeadH + headGap + hoAbove + hoBelow;
  const projH = heads === "left" ? Math.max(projHeadH, projAbove + projBelow) : projHeadH + headGap + projAbove + projBelow;
  // The rule between the lanes keeps this much clear of every word on either side, however short the stage
  // (review 38: on the phone "Chief Engineer" sat on it).
  const ruleClear = small * 0.2;
  const need = articleH + hoH + projH + yearsH + (withPanel ? panel0.h + small * 0.9 : 0) + ruleClear * 2;
  const free = plot.y1 - plot.y0 - need;
  // Half a line between the rows, more (up to five lines) where the stage is tall, less where it is short (land):
  // the lanes take the desktop's height (review 36: in a thin band, the stage's lower half stood empty).
  const g = free >= small * 2 ? small * 0.5 + Math.min((free - small * 2) / 5, small * 5) : Math.max(free / 4, small * 0.15);
  let y = plot.y0 + Math.max(0, (free - g * 4) / 2);

  const articleTop = y;
  if (heads === "left") y += articleH + g;
  const hoTop = y;
  const hL = heads === "left" ? hoTop + hoAbove + Math.max(0, (hoHeadH - hoAbove - hoBelow) / 2) : hoTop + hoHeadH + headGap + hoAbove;
  y += hoH + g + ruleClear * 2;
  const ruleY = y - g / 2 - ruleClear;
  const projTop = y;
  const pL =
    heads === "left"
      ? projTop + projAbove + Math.max(0, (projHeadH - projAbove - projBelow) / 2)
      : projTop + projHeadH + headGap + projAbove;
  y += projH + g;
  const axisY = y;
  y += yearsH + g;
  const panelTop = y;

  // The axis, its ticks and the years named, with one break; the article's dotted line across both lanes, named above.
  const yearIds = ["ho-google-start", "ho-google-end", "report-year", "production-earliest"];
  const scale = scaleMarks(ctx, { y: axisY, x0: ax0, x1: x(to), from, to, x, yearIds, cut });
  add("ho", "axis", ...scale);
  // The cut's marker, on the axis from the first step; the Google bar gets the same marker at the same x when it comes.
  const gapX = (x(cut[0]) + x(cut[1])) / 2;
  // Across the bar and out of it on both sides, but short of Google's words under it (print: it cut their first letter).
  const gapH = Math.min(Math.max(barH, small * 0.5) * 1.9, 2 * (barFoot + near - hr * 0.9) - small * 0.3);
  add("ho", "axis", gapMark("gap", gapX, [axisY], gapH, small));
  const artTop = heads === "left" ? articleTop + articleH + small * 0.35 : hoTop;
  const artW = Math.max(...articleLines.map((l) => textWidth(l, small)));
  const artX = heads === "left" ? Math.min(Math.max(xA, ax0 + artW / 2), plot.x1 - artW / 2) : xA + gap;
  add(
    "ho",
    "axis",
    {
      key: "article",
      tag: "line",
      attrs: { x1: r1(xA), y1: r1(artTop), x2: r1(xA), y2: r1(axisY), class: "tl tl-undated" },
      enter: { opacity: 0 },
    },
    ...lines(
      "article-lbl",
      articleLines,
      artX,
      (heads === "left" ? articleTop : hoTop) + small * 0.8,
      small,
      "lbl lbl-muted",
      heads === "left" ? "middle" : "start",
    ),
  );
  add("ho", "axis", {
    key: "lane-rule",
    tag: "line",
    attrs: { x1: r1(plot.x0), y1: r1(ruleY), x2: r1(plot.x1), y2: r1(ruleY), class: "leader" },
    enter: { opacity: 0 },
  });

  // The lanes' names, at their start.
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
  // stands in the project's head, tied to the lane's name by a short dashed rust line (a partnership under discussion).
  const nameBottom = projTop + heightOf(projNames.length, L);
  const bcY = nameBottom + tieH + L * 0.55;
  const px = plot.x0 + ring;
  add("broadcom", "proj", {
    key: "link-partner",
    tag: "line",
    attrs: { x1: r1(px), y1: r1(nameBottom + small * 0.25), x2: r1(px), y2: r1(bcY - ring - 1), class: "arc", "stroke-dasharray": "4 3" },
    enter: { opacity: 0 },
  });
  add("broadcom", "proj", dot("broadcom", px, bcY, ring * 2, "marker marker-ring"));
  add("broadcom", "proj", ...lines("broadcom-lbl", [ctx.t("broadcom")], bx, bcY + L * 0.35, L, "lbl lbl-strong"));
  const pyTop = bcY + L * 0.55;
  add("broadcom", "proj", ...block("partner-lbl", partnerLines, bx, pyTop, small, "lbl lbl-link"));
  add("broadcom", "proj", ...block("broadcom-val", tpuLines, bx, pyTop + partnerLines.length * small * LINE, small, "lbl lbl-muted"));

  // Ho joins OpenAI: a bust at November of the year before the article, and from it a rust line on to the article's
  // line: by then he had been there for months. His words under him, in the years before, which his lane leaves empty.
  add("ho", "ho", dot("hero", xJ, hL - hr * 0.75, hr * 2, "marker marker-hero"), {
    key: "hero-body",
    tag: "path",
    attrs: {
      d: `M${r1(xJ - hr * 1.4)},${r1(hL + hr * 1.6)} Q${r1(xJ - hr * 1.4)},${r1(hL + hr * 0.35)} ${r1(xJ)},${r1(hL + hr * 0.35)} Q${r1(xJ + hr * 1.4)},${r1(hL + hr * 0.35)} ${r1(xJ + hr * 1.4)},${r1(hL + hr * 1.6)} Z`,
      class: "marker marker-hero",
    },
    enter: { opacity: 0 },
  });
  // His time at OpenAI a bar on the Google bar's line and as thick, in his colour (review 38: one compact career bar),
  // from his bust to the article's line; square at that end: it runs on, the article does not say how long.
  add("ho", "ho", {
    key: "hero-run",
    tag: "rect",
    attrs: {
      x: r1(xJ + hr * 1.4 + 2),
      y: r1(hL + hr * 0.9 - barH / 2),
      width: r1(xA - xJ - hr * 1.4 - 2),
      height: r1(barH),
      class: "marker marker-hero",
    },
    enter: { width: 0, opacity: 0 },
  });
  add(
    "ho",
    "ho",
    ...block("hero-lbl", joinsLines, xJ + hr * 1.4, hL - hr * 1.75 - near - heightOf(joinsLines.length, small), small, "lbl", "end"),
  );

  // Google: one grey bar from the middle of the year he joined to the middle of the year he left (review 38: parted
  // where the axis breaks, it read as two jobs), and one gap marker across it and the axis at the cut, drawn with
  // it; its words under it.
  // Drawn from the first step, quiet (fainter, named only "Google"), so the timeline opens on Ho's path, not on an
  // empty grid (review 40); the career step brings it forward with its words.
  const barY = hL + hr * 0.9;
  const tenure: Mark[] = [
    {
      key: "tenure",
      tag: "rect",
      attrs: { x: r1(g0), y: r1(barY - barH / 2), width: r1(g1 - g0), height: r1(barH), rx: r1(barH / 2), class: "bar" },
      enter: { width: 0, opacity: 0 },
    },
    gapMark("gap-bar", gapX, [barY], gapH, small),
  ];
  const googleTop = hL + barFoot + near;
  pieces.push({
    step: "career",
    lane: "ho",
    marks: [...tenure, ...block("tenure-lbl", googleLines, g0, googleTop, small, "lbl")],
    early: {
      from: "ho",
      marks: [
        ...tenure.map((m) => withOpacity(m, QUIET)),
        ...block("tenure-lbl", wrapWidth(ctx.t("google-short"), small, googleW), g0, googleTop, small, "lbl lbl-muted"),
      ],
    },
  });

  // The project: the report (what the article relays: Ho leads the team) a point on the article's line; the planned
  // chip over it from the schedule on. Their words left of them, in the years before, which the lane leaves empty.
  const reportY = pL - reportUp;
  add("ho", "proj", dot("report", xA, reportY, rr * 2, "marker"));
  const lx = xA - Math.max(s / 2, rr) - gap;
  // The report's words level with its point, the chip's under them.
  const leftTop = Math.min(pL - leftH / 2, reportY - small * 0.5);
  add("ho", "proj", ...block("report-lbl", reportLines, lx, leftTop, small, "lbl lbl-muted", "end"));
  add("schedule", "proj", ...projectChip(xA, pL, s));
  add(
    "schedule",
    "proj",
    ...block("chip-lbl", chipLines, lx, leftTop + heightOf(reportLines.length, small) + small * 0.45, small, "lbl", "end"),
  );
  // Production: a rust ring at the earliest year, reached by the dashed plan; from it the line runs on, dotted (when
  // is not known), past the axis' end to an open arrowhead: or later. The words above the plan, right of the article.
  const sub = chipParts(xA, pL, s).sub;
  add("schedule", "proj", {
    key: "run",
    tag: "line",
    attrs: { x1: r1(sub.x1 + 2), y1: r1(pL), x2: r1(xP - pr), y2: r1(pL), class: "arc", "stroke-dasharray": "8 6" },
  });
  add("schedule", "proj", dot("production", xP, pL, pr * 2, "marker marker-no", { "stroke-dasharray": "4 3" }));
  add(
    "schedule",
    "proj",
    ...block("production-lbl", prodLines, sub.x1 + gap, pL - pr - gap - heightOf(prodLines.length, small), small, "lbl lbl-strong"),
  );
  const tip = plot.x1 - 1;
  const head = small * 0.45;
  add(
    "schedule",
    "proj",
    { key: "later", tag: "line", attrs: { x1: r1(xP + pr + small * 0.2), y1: r1(pL), x2: r1(tip), y2: r1(pL), class: "arc arc-dot" } },
    {
      key: "later-head",
      tag: "path",
      attrs: { d: `M${r1(tip - head)},${r1(pL - head)} L${r1(tip)},${r1(pL)} L${r1(tip - head)},${r1(pL + head)}`, class: "arc" },
      enter: { opacity: 0 },
    },
    ...lines(
      "later-lbl",
      [ctx.t("later")],
      Math.min(tip, xP + pr + small * 0.2 + laterW),
      pL + pr + small * 1.2,
      small,
      "lbl lbl-note",
      "end",
    ),
  );

  const panel: Panel = {
    x0: plot.x0,
    y0: panelTop,
    x1: plot.x1,
    y1: panelTop + panel0.h + small * 0.9,
    cx: plot.x0 + panel0.s / 2,
    cy: panelTop + small * 0.9 + panel0.h / 2,
    s: panel0.s,
    tx: plot.x0 + panel0.s + small * 2,
    tw: panel0.tw,
  };
  return { frame: { pieces, chip: { x: xA, y: pL, s }, articleX: xA, panel }, free, need };
}
