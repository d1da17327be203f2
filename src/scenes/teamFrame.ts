// The team scene's one figure, laid out whole (every step's pieces at once), so
// that no mark or label moves between steps: a year axis on the left, to scale
// from the first year the article gives; above it, after a break, the stretch
// with no years (Ho's degrees). Right of it two lanes: Richard Ho's (his
// degrees, Google, the move to OpenAI) and the project's (the report's year as
// a sand band, Broadcom, the planned chip, production). Each piece names the
// step it enters at; labels are placed once, against every mark of every step.

import type { Mark, SceneContext } from "../story/types.ts";
import { dot, link, r1 } from "./shapes.ts";
import { arcLabel, arcObstacles, grow, LINE, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { chipParts, chipTop } from "./chip.ts";
import { axisMarks, scaleMarks } from "./teamAxis.ts";

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
  /** The project's lane (the last step's chip fills it) and the chip's centre and side in the schedule. */
  proj: Box;
  chip: { x: number; y: number; s: number };
}

/** November, in the middle of the month; a year given without a month, in its middle. */
const NOV = 10.5 / 12;
const MID = 0.5;
/** The partnership runs down the project's lane, bowing slightly towards Ho's. */
const PARTNER_BEND = -0.08;

/**
 * OpenAI's planned chip, the shared drawing (src/scenes/chip.ts): the die rust and
 * dashed, the memory stacks and the packaging dotted, as the article names neither
 * the supplier nor the packaging. Keys `chip-sub`, `chip-die`, `chip-hbm-…`, so the
 * last step grows the schedule's chip in place.
 */
export const projectChip = (cx: number, cy: number, s: number): Mark[] =>
  chipTop({ key: "chip", cx, cy, size: s, owner: "openai", unknown: ["sub", "hbm"] });

export function teamFrame(ctx: SceneContext, plot: Box): Frame {
  const t = typeOf(ctx);
  const year = (id: string) => ctx.value(id);
  const small = t.small;
  const pieces: Piece[] = [];
  const labels: { step: State; lane: Lane; it: PointLabel }[] = [];
  const obstacles: Box[] = [];
  const add = (step: State, lane: Lane, ...marks: Mark[]) => pieces.push({ step, lane, marks });
  const label = (step: State, lane: Lane, it: PointLabel) => labels.push({ step, lane, it });
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
  const ring = t.label * 0.42;
  const hoX = ho.x0 + ring;
  const textW = ho.x1 - hoX - ring - small * 0.4;

  // Lane headings.
  const headY = plot.y0 + t.label * 0.85;
  add("ho", "ho", ...lines("who-lbl", [ctx.t("who")], hoX - ring, headY, t.label, "lbl lbl-strong"));
  add("ho", "proj", ...lines("project-lbl", [ctx.t("project")], proj.x0, headY, t.label, "lbl lbl-strong"));
  block({ x0: plot.x0, y0: plot.y0, x1: plot.x1, y1: headY + t.label * 0.3 });

  // The stretch without years: Ho's two degrees, in the order the article tells them, then the break.
  const top = headY + t.label * 0.6;
  const half = (k: string) => Math.max(ring, (wrapWidth(ctx.t(k), small, textW).length * small * LINE) / 2);
  const yM = top + half("manchester") + small * 0.2;
  const yS = yM + half("manchester") + half("stanford") + small * 0.4;
  const zz = small * 0.35;
  // Broadcom's frame "no date" (drawn below) sits beside the degrees; the scale begins under both.
  const fy0 = top - small * 0.2;
  const hdrY = fy0 + small * 1.25;
  const bc: [number, number] = [proj.x0 + ring + small * 0.8, hdrY + small * 0.45 + t.label * 0.75];
  const bx = bc[0] + ring + small * 0.4;
  const tpuLines = wrapWidth(ctx.t("tpu"), small, proj.x1 - bx - small * 0.5);
  const nodate: Box = {
    x0: proj.x0,
    y0: fy0,
    x1: proj.x1,
    y1: bc[1] + t.label * 0.35 + small * (0.3 + tpuLines.length * LINE) + small * 0.3,
  };
  const breakY = Math.max(yS + half("stanford") + small * 0.9, nodate.y1 + small * 0.3 - zz);
  const datedTop = breakY + zz + small * 0.2;
  const ax = axisMarks(ctx, { x: axisX, top, breakY, zz, datedTop });
  add("career", "axis", ...ax.undated);
  block(ax.undatedBox);
  for (const [k, y] of [
    ["manchester", yM],
    ["stanford", yS],
  ] as const) {
    add("career", "ho", dot(k, hoX, y, ring * 2, "marker marker-ring"));
    block({ x0: hoX - ring, y0: y - ring, x1: hoX + ring, y1: y + ring });
    label("career", "ho", {
      key: `${k}-lbl`,
      text: ctx.t(k),
      x: hoX,
      y,
      r: ring,
      size: small,
      cls: "lbl",
      prefer: ["right"],
      maxWidth: textW,
    });
  }

  // The axis to scale: from the first year given to two years after the earliest production (room for "or later").
  const from = year("ho-google-start");
  const to = year("production-earliest") + 2;
  const bottom = plot.y1 - small * 0.2;
  const y = (v: number) => datedTop + ((v - from) / (to - from)) * (bottom - datedTop);
  const scale = scaleMarks(ctx, { x: axisX, datedTop, bottom, from, to, y, yearIds });
  add("ho", "axis", ...scale.marks);
  block(scale.box);

  // Ho joins OpenAI: a bust at November of the year before the report, tied to the axis.
  const yJ = y(year("prev-year") + NOV);
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
  label("ho", "ho", {
    key: "hero-lbl",
    text: ctx.t("joins"),
    x: hoX,
    y: yJ,
    r: hr * 1.5,
    size: small,
    cls: "lbl",
    prefer: ["right", "below-right"],
    maxWidth: textW,
  });

  // The report: only its year is known, so a sand band over the whole year in the project's lane.
  const [b0, b1] = [y(year("report-year")), y(year("report-year") + 1)];
  const band: Box = { x0: proj.x0, y0: b0, x1: proj.x1, y1: b1 };
  add("ho", "proj", {
    key: "report",
    tag: "rect",
    attrs: { x: r1(band.x0), y: r1(b0), width: r1(band.x1 - band.x0), height: r1(b1 - b0), class: "year-band" },
    enter: { opacity: 0 },
  });
  const pw = proj.x1 - proj.x0;
  // Its words inside the band where one line fits its height and the lane beside the chip; else under the band,
  // tied to it by a short leader.
  const reportW = pw * 0.7;
  const inBand = wrapWidth(ctx.t("report"), small, reportW).length === 1 && small * 1.3 <= b1 - b0;
  if (inBand)
    label("ho", "proj", {
      key: "report-lbl",
      text: ctx.t("report"),
      x: proj.x0,
      y: (b0 + b1) / 2,
      r: 0,
      size: small,
      cls: "lbl lbl-muted",
      prefer: ["right", "above-right", "below-right"],
      maxWidth: reportW,
    });
  else {
    const lx = proj.x0 + small * 0.6;
    const words = wrapWidth(ctx.t("report"), small, reportW);
    const ly = b1 + small * 1.3;
    add("ho", "proj", {
      key: "report-leader",
      tag: "line",
      attrs: { x1: r1(lx), y1: r1(b1), x2: r1(lx), y2: r1(ly + (words.length - 1) * small * LINE + small * 0.2), class: "leader" },
    });
    add("ho", "proj", ...lines("report-lbl", words, lx + small * 0.4, ly, small, "lbl lbl-muted"));
    block({ x0: lx - 2, y0: b1, x1: lx + small * 0.4 + reportW, y1: ly + (words.length - 1) * small * LINE + small * 0.4 });
  }

  // Google: a grey bar from the year he joined to the year he left.
  const barW = ring * 1.2;
  const [g0, g1] = [y(year("ho-google-start") + MID), y(year("ho-google-end") + MID)];
  add("career", "ho", {
    key: "tenure",
    tag: "rect",
    attrs: { x: r1(hoX - barW / 2), y: r1(g0), width: r1(barW), height: r1(g1 - g0), rx: r1(barW / 2), class: "bar" },
    enter: { height: 0, opacity: 0 },
  });
  block({ x0: hoX - barW / 2, y0: g0, x1: hoX + barW / 2, y1: g1 });
  label("career", "ho", {
    key: "tenure-lbl",
    text: ctx.t("google"),
    x: hoX,
    y: g0 + (g1 - g0) * 0.45,
    r: barW / 2,
    size: small,
    cls: "lbl",
    prefer: ["right"],
    maxWidth: textW,
  });

  // Broadcom: the article dates neither its TPU work with Google nor its first contact, so it stands off the time
  // scale, in a dotted frame headed "no date" (dotted as the axis's stretch without years) at the top of the project's
  // lane; a dashed rust arc (a relation, not a span of years) runs from the frame to the project in the report's year.
  add("broadcom", "proj", {
    key: "nodate",
    tag: "rect",
    attrs: {
      x: r1(nodate.x0),
      y: r1(nodate.y0),
      width: r1(nodate.x1 - nodate.x0),
      height: r1(nodate.y1 - nodate.y0),
      rx: 4,
      class: "tl tl-undated",
    },
    enter: { opacity: 0 },
  });
  add("broadcom", "proj", ...lines("nodate-lbl", [ctx.t("nodate")], proj.x0 + small * 0.5, hdrY, small, "lbl lbl-note"));
  add("broadcom", "proj", dot("broadcom", bc[0], bc[1], ring * 2, "marker marker-ring"));
  add("broadcom", "proj", ...lines("broadcom-lbl", [ctx.t("broadcom")], bx, bc[1] + t.label * 0.35, t.label, "lbl lbl-strong"));
  add("broadcom", "proj", ...lines("broadcom-val", tpuLines, bx, bc[1] + t.label * 0.35 + small * 1.25, small, "lbl lbl-muted"));
  block(nodate);
  // Links weigh as much as marks for the labels (arcObstacles' small boxes alone would let a label cross them).
  const along = (a: [number, number], b: [number, number], bend: number) => {
    const pts: Box[] = [];
    arcObstacles(a, b, bend, pts);
    obstacles.push(...pts.map((p) => grow(p, 3)));
  };
  const partFrom: [number, number] = [bc[0], nodate.y1 + small * 0.2];
  const partTo: [number, number] = [proj.x0 + small * 0.3, b0];
  const partner = link("link-partner", partFrom, partTo, "arc", PARTNER_BEND);
  partner.attrs["stroke-dasharray"] = "8 6";
  along(partFrom, partTo, PARTNER_BEND);
  add("broadcom", "proj", partner);
  label(
    "broadcom",
    "proj",
    arcLabel(ctx, "link-partner", ctx.t("partner"), partFrom, partTo, PARTNER_BEND, ["below-right", "right"], {
      at: 0.7,
      maxWidth: pw * 0.7,
    }),
  );

  // The plan: the chip in the report's year, production the earliest year expected, then perhaps later.
  const s = Math.min(Math.max((b1 - b0) * 1.8, small * 2.4), pw * 0.28);
  const chipX = proj.x1 - s / 2 - small * 0.2;
  const chipY = (b0 + b1) / 2;
  add("schedule", "proj", ...projectChip(chipX, chipY, s));
  block(chipParts(chipX, chipY, s).sub);
  label("schedule", "proj", {
    key: "chip-lbl",
    text: ctx.t("chip"),
    x: chipX,
    y: chipY,
    r: s / 2,
    size: small,
    cls: "lbl",
    prefer: ["above-left", "above", "left"],
    maxWidth: pw * 0.75,
  });
  const yP = y(year("production-earliest") + MID);
  const pr = ring * 0.8;
  const runFrom: [number, number] = [chipX, chipY + s / 2 + small * 0.2];
  add("schedule", "proj", {
    key: "run",
    tag: "line",
    attrs: { x1: r1(chipX), y1: r1(runFrom[1]), x2: r1(chipX), y2: r1(yP - pr), class: "arc", "stroke-dasharray": "8 6" },
  });
  add("schedule", "proj", dot("production", chipX, yP, pr * 2, "marker marker-no", { "stroke-dasharray": "4 3" }));
  add("schedule", "proj", {
    key: "later",
    tag: "line",
    attrs: { x1: r1(chipX), y1: r1(yP + pr), x2: r1(chipX), y2: r1(bottom), class: "tl tl-undated" },
  });
  block({ x0: chipX - pr, y0: runFrom[1], x1: chipX + pr, y1: bottom });
  label("schedule", "proj", {
    key: "production-lbl",
    text: ctx.t("production"),
    x: chipX,
    y: yP,
    r: pr,
    size: small,
    cls: "lbl lbl-strong",
    prefer: ["left", "below-left"],
    maxWidth: chipX - l0 - small * 2,
  });
  label("schedule", "proj", {
    key: "later-lbl",
    text: ctx.t("later"),
    x: chipX,
    y: Math.max(bottom - small * 0.45, yP + pr + small * 0.9),
    r: 2,
    size: small,
    cls: "lbl lbl-note",
    prefer: ["left", "right"],
  });

  const placed = placeLabels(
    labels.map((l) => l.it),
    obstacles,
    plot,
  );
  for (const l of labels) {
    const own = placed.marks.filter((m) => m.key.startsWith(`${l.it.key}-`) && /^\d+$/.test(m.key.slice(l.it.key.length + 1)));
    add(l.step, l.lane, ...own);
  }
  return { pieces, proj, chip: { x: chipX, y: chipY, s } };
}
