// The team scene's one figure, laid out whole (every step's pieces at once), so
// that no mark or label moves between steps: a year axis on the left, to scale
// from the first year the article gives. Right of it two lanes: Richard Ho's (the
// Google years, the move to OpenAI) and the project's (the report as a point in its
// year, the planned chip on it, production at the earliest with an open end). What the article gives no date for stands
// off the axis, in each lane's head above a rule: Ho's degrees, and Broadcom, the
// likeliest partner. Each piece names the step it enters at; labels are placed
// once, against every mark of every step. On a phone (`square` upright, `land` on
// its side) the dated part is one timeline: both lanes' marks on two lines beside the axis, every
// dated word in one column right of them, tied to its mark (stackColumn).

import type { Mark, SceneContext } from "../story/types.ts";
import { dot, r1 } from "./shapes.ts";
import { isBold, LINE, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { chipParts, chipTop } from "./chip.ts";
import { breakMark, scaleMarks } from "./teamAxis.ts";

export const STATES = ["ho", "career", "broadcom", "schedule", "open"] as const;
export type State = (typeof STATES)[number];
/** The last step dims the axis and Ho's lane and clears the project's for the chip. */
export type Lane = "axis" | "ho" | "proj";
export interface Piece {
  step: State;
  lane: Lane;
  marks: Mark[];
}
export interface Frame {
  pieces: Piece[];
  /** The project's lane (the last step's chip fills it, under the heads' rule at `ruleY`) and the chip's centre and side in the schedule. */
  proj: Box;
  ruleY: number;
  chip: { x: number; y: number; s: number };
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

/** The panel under the axis: a chip from `x0`, its words right of it; as tall as the taller. */
function chipPanel(ctx: SceneContext, plot: Box, x0: number): Panel {
  const t = typeOf(ctx);
  const small = t.small;
  const w = plot.x1 - x0;
  // Smaller where the stage is short or narrow (phone, land), so the words wrap less and the axis keeps its height.
  const s = Math.min(w * (ctx.layout === "square" || ctx.layout === "land" ? 0.22 : 0.3), (plot.y1 - plot.y0) * 0.16, small * 8);
  const tx = x0 + s + small * 0.8;
  const tw = plot.x1 - tx;
  const wordsH = PANEL_WORDS.reduce((h, k) => h + wrapWidth(ctx.t(k), small, tw, k === "chip").length * small * LINE + small * 0.4, 0);
  const h = Math.max(s, wordsH);
  const y1 = plot.y1 - small * 0.2;
  const y0 = y1 - h - small * 0.8;
  return { x0: plot.x0, y0, x1: plot.x1, y1, cx: x0 + s / 2, cy: y0 + small * 0.8 + h / 2, s, tx, tw };
}

/** November, in the middle of the month; a year given without a month, in its middle. */
const NOV = 10.5 / 12;
const MID = 0.5;

/**
 * OpenAI's planned chip, the shared drawing (src/scenes/chip.ts): the die rust and
 * dashed, the memory stacks and the packaging dotted, as the article names neither
 * the supplier nor the packaging. Keys `chip-sub`, `chip-die`, `chip-hbm-…`, so the
 * last step's panel draws the same chip under its own keys.
 */
export const projectChip = (cx: number, cy: number, s: number, key = "chip"): Mark[] =>
  chipTop({ key, cx, cy, size: s, owner: "openai", unknown: ["sub", "hbm"] });

/**
 * A dated label in the one-column timeline: its words, and the mark it is tied to (`below`: the lowest its words
 * may reach; `rise`: the tie leaves the mark upwards, then runs across, over what stands beside the mark).
 */
interface ColumnItem {
  step: State;
  lane: Lane;
  it: PointLabel;
  at: { x: number; y: number; below?: number; rise?: boolean };
}

/**
 * The one-column timeline's words: each block wrapped to the column, as near its mark's height as the blocks above
 * and below it let it stand (in time order, never crossing), within `top` and `bottom`, and tied to its mark by a
 * grey leader. Placed once for every step, so no word moves when a later step adds its own.
 */
function stackColumn(
  items: ColumnItem[],
  x: number,
  width: number,
  top: number,
  bottom: number,
): { step: State; lane: Lane; marks: Mark[] }[] {
  const gap = (it: PointLabel) => it.size * 0.45;
  const blocks = items.map((c) => {
    const words = wrapWidth(c.it.text, c.it.size, width, isBold({ attrs: { class: c.it.cls } }));
    const h = (words.length - 1) * c.it.size * LINE + c.it.size * 1.1;
    return { c, words, h, y0: c.at.y - h / 2 };
  });
  // Blocks that would overlap join into a run, set where its blocks' wishes average out (the least total shift),
  // inside the bounds and above each block's own limit; runs that then touch join in turn.
  type Run = { from: number; to: number; y0: number; h: number };
  const runs: Run[] = [];
  const offset = (r: Run, i: number) => blocks.slice(r.from, i).reduce((o, b) => o + b.h + gap(b.c.it), 0);
  const settle = (r: Run) => {
    const idx = Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k);
    let y0 = idx.reduce((sum, i) => sum + blocks[i]!.y0 - offset(r, i), 0) / idx.length;
    for (const i of idx) y0 = Math.min(y0, (blocks[i]!.c.at.below ?? Infinity) - offset(r, i) - blocks[i]!.h);
    r.y0 = Math.max(top, Math.min(y0, bottom - r.h));
  };
  blocks.forEach((b, i) => {
    const run: Run = { from: i, to: i, y0: b.y0, h: b.h };
    settle(run);
    runs.push(run);
    for (
      let last = runs.at(-1)!, prev = runs.at(-2);
      prev && prev.y0 + prev.h + gap(blocks[prev.to]!.c.it) > last.y0;
      last = runs.at(-1)!, prev = runs.at(-2)
    ) {
      runs.splice(-2, 2, { from: prev.from, to: last.to, y0: 0, h: prev.h + gap(blocks[prev.to]!.c.it) + last.h });
      settle(runs.at(-1)!);
    }
  });
  for (const r of runs) for (let i = r.from; i <= r.to; i++) blocks[i]!.y0 = r.y0 + offset(r, i);
  return blocks.map(({ c, words, h, y0 }) => {
    const size = c.it.size;
    const mid = y0 + h / 2;
    const [ax, ay, ex] = [r1(c.at.x + (c.at.rise ? 0 : size * 0.2)), r1(c.at.y), r1(x - size * 0.3)];
    const d = c.at.rise
      ? `M${r1(ax - size * 0.3)},${ay} L${ax},${ay} L${ax},${r1(mid)} L${ex},${r1(mid)}`
      : `M${ax},${ay} L${ex},${r1(mid)}`;
    const leader: Mark = { key: `${c.it.key}-tie`, tag: "path", attrs: { d, class: "leader", fill: "none" }, enter: { opacity: 0 } };
    return { step: c.step, lane: c.lane, marks: [leader, ...lines(c.it.key, words, x, y0 + size * 0.85, size, c.it.cls)] };
  });
}

export function teamFrame(ctx: SceneContext, plot: Box): Frame {
  const t = typeOf(ctx);
  const year = (id: string) => ctx.value(id);
  const small = t.small;
  const pieces: Piece[] = [];
  const labels: { step: State; lane: Lane; it: PointLabel }[] = [];
  const obstacles: Box[] = [];
  const add = (step: State, lane: Lane, ...marks: Mark[]) => pieces.push({ step, lane, marks });
  // On a phone (the `square` stage upright, `land` on its side) the two lanes below the rule are too narrow: their
  // words wrapped to four lines and crowded the axis' break (review item 6). There the dated part is one timeline: Ho's marks and
  // the project's on two lines beside the axis, every dated word in one column right of them, each tied to its mark.
  const single = ctx.layout === "square" || ctx.layout === "land";
  const column: ColumnItem[] = [];
  const label = (step: State, lane: Lane, it: PointLabel, at?: ColumnItem["at"]) =>
    single && at ? column.push({ step, lane, it, at }) : labels.push({ step, lane, it });
  const block = (b: Box) => obstacles.push(b);

  // Columns: the years left of the axis, then Ho's lane and the project's.
  // The year before the report goes unnamed: Ho's move names it ("November 2023"), and three years in a row would crowd.
  const yearIds = ["ho-google-start", "ho-google-end", "report-year", "production-earliest"];
  const yw = Math.max(...yearIds.map((id) => textWidth(ctx.fact(id), small, true)));
  const axisX = plot.x0 + yw + small * 0.7;
  const l0 = axisX + t.label * 0.9;
  const split = l0 + (plot.x1 - l0) * 0.48;
  const ho = { x0: l0, x1: split - t.pad * 0.5 };
  const proj: Box = { x0: split + t.pad * 0.5, y0: plot.y0, x1: plot.x1, y1: plot.y1 };
  const pw = proj.x1 - proj.x0;
  const ring = t.label * 0.42;
  const hoX = ho.x0 + ring;
  const textW = ho.x1 - hoX - ring - small * 0.4;

  // Lane headings, each with the first words under it (review 33: the first step opened on two headings over an
  // empty band): Ho's with his degrees, the project's with its partner. Until then the dated marks carry the names.
  const headY = plot.y0 + t.label * 0.85;
  add("career", "ho", ...lines("who-lbl", [ctx.t("who")], hoX - ring, headY, t.label, "lbl lbl-strong"));
  add("broadcom", "proj", ...lines("project-lbl", [ctx.t("project")], proj.x0, headY, t.label, "lbl lbl-strong"));
  block({ x0: plot.x0, y0: plot.y0, x1: plot.x1, y1: headY + t.label * 0.3 });

  // The lanes' heads: what has no date. Ho's two degrees, in the order the article tells them.
  const top = headY + t.label * 0.55;
  const half = (k: string) => Math.max(ring, (wrapWidth(ctx.t(k), small, textW).length * small * LINE) / 2);
  const yM = top + half("manchester") + small * 0.2;
  const yS = yM + half("manchester") + half("stanford") + small * 0.3;
  for (const [k, y] of [
    ["manchester", yM],
    ["stanford", yS],
  ] as const) {
    add("career", "ho", dot(k, hoX, y, ring * 2, "marker marker-ring"));
    block({ x0: hoX - ring, y0: y - ring, x1: hoX + ring, y1: y + ring });
    const words = wrapWidth(ctx.t(k), small, textW);
    const ly = y + small * 0.35 - ((words.length - 1) * small * LINE) / 2;
    add("career", "ho", ...lines(`${k}-lbl`, words, hoX + ring + small * 0.4, ly, small, "lbl"));
  }
  const hoHead = yS + half("stanford");
  // Broadcom, the likeliest partner: the article dates neither its TPU work with Google nor its first contact, so it
  // stands in the project's head, tied to the heading by a short dashed rust line (a partnership under discussion).
  const px = proj.x0 + ring;
  const partnerW = pw - ring * 2 - small * 0.6;
  const partnerLines = wrapWidth(ctx.t("partner"), small, partnerW);
  const py = top + small * 0.75;
  add("broadcom", "proj", ...lines("partner-lbl", partnerLines, px + ring + small * 0.6, py, small, "lbl lbl-link"));
  const bcY = py + (partnerLines.length - 1) * small * LINE + small * 0.5 + t.label * 0.95;
  add("broadcom", "proj", {
    key: "link-partner",
    tag: "line",
    attrs: { x1: r1(px), y1: r1(top - small * 0.15), x2: r1(px), y2: r1(bcY - ring - 2), class: "arc", "stroke-dasharray": "6 5" },
    enter: { opacity: 0 },
  });
  add("broadcom", "proj", dot("broadcom", px, bcY, ring * 2, "marker marker-ring"));
  const bx = px + ring + small * 0.6;
  add("broadcom", "proj", ...lines("broadcom-lbl", [ctx.t("broadcom")], bx, bcY + t.label * 0.35, t.label, "lbl lbl-strong"));
  const tpuLines = wrapWidth(ctx.t("tpu"), small, proj.x1 - bx);
  add("broadcom", "proj", ...lines("broadcom-val", tpuLines, bx, bcY + t.label * 0.35 + small * 1.25, small, "lbl lbl-muted"));
  const projHead = bcY + t.label * 0.35 + small * (0.3 + tpuLines.length * LINE);
  // A rule under both heads: above it nothing is dated; below it, the axis. With the first head's words.
  const ruleY = Math.max(hoHead, projHead) + small * 0.5;
  add("career", "axis", {
    key: "head-rule",
    tag: "line",
    attrs: { x1: r1(plot.x0), y1: r1(ruleY), x2: r1(plot.x1), y2: r1(ruleY), class: "leader" },
    enter: { opacity: 0 },
  });
  block({ x0: plot.x0, y0: top - small * 0.3, x1: plot.x1, y1: ruleY + 1 });

  // The axis to scale: from the first year given to three years after the earliest production (room for "or later"),
  // with one break: the middle of the Google years, where nothing else happens, is cut out, so the years in which
  // both lanes run (his move, the report, the schedule) take the height, a year the same height everywhere.
  const datedTop = ruleY + small * 1.1;
  const from = year("ho-google-start");
  const to = year("production-earliest") + 3;
  // Under the axis a panel off the time scale, as the heads are: the last step draws the planned chip and its open
  // parts there, so the chip never stands across years. Its height is laid out now, so the axis keeps its scale.
  const panel = chipPanel(ctx, plot, plot.x0);
  const bottom = panel.y0 - small * 0.9;
  const cut: [number, number] = [from + 1, year("ho-google-end") - 1];
  const years = cut[0] - from + to - cut[1];
  // The break at most a year and a half high, however short the axis (land's), so the years named stand close.
  const gapH = Math.min(small * 1.6, ((bottom - datedTop) * 1.5) / (years + 1.5));
  const unit = (bottom - datedTop - gapH) / years;
  const afterCut = datedTop + (cut[0] - from) * unit + gapH;
  const y = (v: number) =>
    v <= cut[0]
      ? datedTop + (v - from) * unit
      : v >= cut[1]
        ? afterCut + (v - cut[1]) * unit
        : afterCut - gapH + ((v - cut[0]) / (cut[1] - cut[0])) * gapH;
  const scale = scaleMarks(ctx, { x: axisX, datedTop, bottom, from, to, y, yearIds, cut });
  add("ho", "axis", ...scale.marks);
  block(scale.box);

  // Ho joins OpenAI: a bust at November of the year before the report, tied to the axis.
  const yJ = y(year("ho-joined") + NOV);
  const hr = t.label * 0.3;
  add("ho", "ho", { key: "hero-tie", tag: "line", attrs: { x1: r1(axisX), y1: r1(yJ), x2: r1(hoX - hr * 1.4), y2: r1(yJ), class: "arc" } });
  add("ho", "ho", dot("hero", hoX, yJ - hr * 0.75, hr * 2, "marker marker-hero"), {
    key: "hero-body",
    tag: "path",
    attrs: {
      d: `M${r1(hoX - hr * 1.4)},${r1(yJ + hr * 1.6)} Q${r1(hoX - hr * 1.4)},${r1(yJ + hr * 0.35)} ${r1(hoX)},${r1(yJ + hr * 0.35)} Q${r1(hoX + hr * 1.4)},${r1(yJ + hr * 0.35)} ${r1(hoX + hr * 1.4)},${r1(yJ + hr * 1.6)} Z`,
      class: "marker marker-hero",
    },
    enter: { opacity: 0 },
  });
  const bust: Box = { x0: hoX - hr * 1.4, y0: yJ - hr * 1.75, x1: hoX + hr * 1.4, y1: yJ + hr * 1.6 };
  block(bust);
  // His words right of the bust, rising from its shoulders into the empty years above (the years below belong to production's words).
  const joinsH = (wrapWidth(ctx.t("joins"), small, textW).length - 1) * small * LINE;
  const joins: PointLabel = {
    key: "hero-lbl",
    text: ctx.t("joins"),
    x: hoX + hr * 0.6,
    y: yJ + hr * 0.6 - joinsH / 2,
    r: hr * 0.8,
    size: small,
    cls: "lbl",
    prefer: ["right"],
    maxWidth: textW,
  };

  // Google: a grey bar from the year he joined to the year he left, broken where the axis is.
  const barW = ring * 1.2;
  const [g0, g1] = [y(year("ho-google-start") + MID), y(year("ho-google-end") + MID)];
  const [c0, c1] = [y(cut[0]), y(cut[1])];
  add(
    "career",
    "ho",
    {
      key: "tenure",
      tag: "rect",
      attrs: { x: r1(hoX - barW / 2), y: r1(g0), width: r1(barW), height: r1(c0 - g0), rx: r1(barW / 2), class: "bar" },
      enter: { height: 0, opacity: 0 },
    },
    {
      key: "tenure-end",
      tag: "rect",
      attrs: { x: r1(hoX - barW / 2), y: r1(c1), width: r1(barW), height: r1(g1 - c1), rx: r1(barW / 2), class: "bar" },
      enter: { height: 0, opacity: 0 },
    },
    breakMark("tenure-break", hoX, (c0 + c1) / 2, barW * 1.6, small),
  );
  block({ x0: hoX - barW / 2, y0: g0, x1: hoX + barW / 2, y1: g1 });
  label(
    "career",
    "ho",
    {
      key: "tenure-lbl",
      text: ctx.t("google"),
      x: hoX,
      y: (c0 + c1) / 2,
      // Clear of the break's slants (wider than the bar), which the words stood against (review item 6).
      r: barW * 0.8,
      size: small,
      cls: "lbl",
      prefer: ["right"],
      maxWidth: textW,
    },
    // Tied beside the bar's first part, above the break, in the empty years at the axis' top (the column's words below
    // it need the later years' height).
    { x: hoX + barW, y: (g0 + c0) / 2 },
  );

  // The plan, on one line down the project's lane, left of its words. The report: only its year is known, so a
  // point in the middle of that year, a moment, not a span (it stands under the chip once the chip appears).
  const yR = y(year("report-year") + MID);
  const yearH = y(from + 1) - y(from);
  const s = Math.min(Math.max(yearH * 1.1, small * (ctx.layout === "land" ? 2.2 : 2.4)), pw * 0.28);
  // One timeline: the project's line just right of Ho's, clear of his bust.
  const chipX = single ? hoX + hr * 1.4 + small * 0.9 + s / 2 : proj.x0 + s / 2 + small * 0.3;
  const chipY = yR;
  const rr = Math.max(4, small * 0.32);
  add("ho", "proj", dot("report", chipX, yR, rr * 2, "marker"));
  add("schedule", "proj", ...projectChip(chipX, chipY, s));
  const chipBox = chipParts(chipX, chipY, s).sub;
  block({ x0: chipBox.x0, y0: Math.min(chipBox.y0, yR - rr), x1: chipBox.x1, y1: Math.max(chipBox.y1, yR + rr) });
  // His words: in one column, above the chip's top; their tie leaves his head sideways, rises between his lane and
  // the chip (clear of the Google bar), then runs over the chip, not through it.
  label("ho", "ho", joins, { x: hoX + hr * 1.4 + small * 0.4, y: yJ - hr * 0.75, below: chipBox.y0 - small * 0.3, rise: true });
  // No arrow from Ho to the project: on a vertical time axis a line across reads as a span. His words say he leads its team.
  // The report's words right of the point, clear of the chip that covers it later; the chip's words above it, in
  // the lane's empty upper years (words, not a mark: nothing is dated there).
  // Both tied from the chip's right edge (before the chip comes, a short way right of the report's point).
  const edge = { x: chipX + Math.max(rr, s / 2), y: yR };
  label(
    "ho",
    "proj",
    {
      key: "report-lbl",
      text: ctx.t("report"),
      x: chipX,
      y: yR,
      r: Math.max(rr, s / 2) + small * 0.2,
      size: small,
      cls: "lbl lbl-muted",
      prefer: ["right"],
      maxWidth: proj.x1 - chipX - s / 2 - small * 0.6,
    },
    edge,
  );
  label(
    "schedule",
    "proj",
    {
      key: "chip-lbl",
      text: ctx.t("chip"),
      x: chipX,
      y: chipY,
      // Clear of the chip's corner, so the words can stand above and right of it, away from Ho's lane.
      r: s / 2 + small * 0.3,
      size: small,
      cls: "lbl",
      prefer: ["above-right", "above"],
      maxWidth: proj.x1 - chipX - s * 0.6 - small * 1.2,
    },
    edge,
  );
  // Production: a rust ring on the lane's line at the earliest year, reached by the dashed plan; from it the line
  // runs on, dotted (when is not known), to an open arrowhead at the axis' end: or later.
  const yP = y(year("production-earliest") + MID);
  const pr = ring * 0.8;
  const runFrom = chipY + s / 2 + small * 0.2;
  add("schedule", "proj", {
    key: "run",
    tag: "line",
    attrs: { x1: r1(chipX), y1: r1(runFrom), x2: r1(chipX), y2: r1(yP - pr), class: "arc", "stroke-dasharray": "8 6" },
  });
  add("schedule", "proj", dot("production", chipX, yP, pr * 2, "marker marker-no", { "stroke-dasharray": "4 3" }));
  const head = small * 0.45;
  add("schedule", "proj", {
    key: "later",
    tag: "line",
    attrs: { x1: r1(chipX), y1: r1(yP + pr + small * 0.2), x2: r1(chipX), y2: r1(bottom - 1), class: "arc arc-dot" },
  });
  add("schedule", "proj", {
    key: "later-head",
    tag: "path",
    attrs: {
      d: `M${r1(chipX - head)},${r1(bottom - head)} L${r1(chipX)},${r1(bottom)} L${r1(chipX + head)},${r1(bottom - head)}`,
      class: "arc",
    },
    enter: { opacity: 0 },
  });
  block({ x0: chipX - pr, y0: runFrom, x1: chipX + pr, y1: bottom });
  label(
    "schedule",
    "proj",
    {
      key: "production-lbl",
      text: ctx.t("production"),
      x: chipX,
      y: yP,
      r: pr,
      size: small,
      cls: "lbl lbl-strong",
      prefer: ["right", "left"],
      maxWidth: Math.max(proj.x1 - chipX - pr - small, chipX - axisX - pr - small),
    },
    { x: chipX + pr, y: yP },
  );
  label(
    "schedule",
    "proj",
    {
      key: "later-lbl",
      text: ctx.t("later"),
      x: chipX,
      y: bottom - head,
      r: head + 2,
      size: small,
      cls: "lbl lbl-note",
      prefer: ["right"],
    },
    { x: chipX + head, y: bottom - head },
  );
  if (single) {
    // The column starts right of the widest mark on the two lines (the chip) and runs to the plot's edge.
    const x = chipX + Math.max(s / 2, pr) + small * 0.9;
    // Top to bottom in time; of the report's year, the report's words (the step before) first, then the chip's.
    const order = ["tenure-lbl", "hero-lbl", "report-lbl", "chip-lbl", "production-lbl", "later-lbl"];
    column.sort((a, b) => order.indexOf(a.it.key) - order.indexOf(b.it.key));
    for (const c of stackColumn(column, x, plot.x1 - x, datedTop - small * 0.6, bottom + small * 0.5)) add(c.step, c.lane, ...c.marks);
  }

  const placed = placeLabels(
    labels.map((l) => l.it),
    obstacles,
    plot,
  );
  for (const l of labels) {
    const own = placed.marks.filter((m) => m.key.startsWith(`${l.it.key}-`) && /^\d+$/.test(m.key.slice(l.it.key.length + 1)));
    add(l.step, l.lane, ...own);
  }
  return { pieces, proj, ruleY, chip: { x: chipX, y: chipY, s }, panel };
}
