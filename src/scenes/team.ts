// Scene "team": OpenAI's chip team and the man who leads it. States one and two
// draw Richard Ho's path on a vertical time axis: years the facts give are placed
// to scale, the two undated stations (his degrees) sit on a dashed, schematic
// stretch before it. State three is the team with its likely partner: Broadcom,
// which made TPUs with Google, where Ho worked on them (a schematic network).
// State four turns the same axis to the project: from the report's year to the
// earliest year of production, the rest left open. State five is a schematic
// chip package whose memory and packaging are still open slots. The OpenAI mark
// ("hero") stays throughout: a station on the axis, the team, finally the chip.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, r1 } from "./shapes.ts";
import { arcLabel, arcObstacles, captionStrip, LINE, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["ho", "career", "broadcom", "schedule", "open"] as const;
type State = (typeof STATES)[number];
type TimeState = "ho" | "career" | "schedule";

/** A year without a month is drawn in its middle; November in the middle of that month. */
const MID = 0.5;
const NOV = 10.5 / 12;

export const team = defineScene({
  id: "team",
  states: STATES,
  // The timeline's dates and what happened then; the network and the chip hold no numbers.
  table(state, ctx) {
    const y = (id: string) => ctx.fact(id);
    const rows: Record<State, string[][] | null> = {
      ho: [
        [ctx.t("nov"), ctx.t("joins")],
        [y("report-year"), ctx.t("report")],
      ],
      career: [
        [ctx.t("undated"), ctx.t("manchester")],
        [ctx.t("undated"), ctx.t("stanford")],
        [ctx.t("tenure-years"), ctx.t("google")],
        [y("ho-google-end"), ctx.t("google-end")],
        [ctx.t("nov"), ctx.t("openai")],
      ],
      schedule: [
        [y("report-year"), ctx.t("now")],
        [y("production-earliest"), `${ctx.t("production")} (${ctx.t("later")})`],
      ],
      broadcom: null,
      open: null,
    };
    const r = rows[state];
    return r && { head: [ctx.t("table.value"), ctx.t("table.what")], rows: r };
  },
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(`notes.${state}`) }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const marks = state === "broadcom" ? partners(ctx, plot) : state === "open" ? chip(ctx, plot) : timeline(state as TimeState, ctx, plot);
    return [...marks, ...caption.marks];
  },
});

interface Station {
  key: string;
  /** Its place on the axis, in years. */
  y: number;
  /** The label's key in the label file; the hero's label key carries it, so a new text enters instead of replacing the old. */
  tk: string;
  val: string;
  cls: ClassList;
  big?: boolean;
  /** Known only to the year: drawn as a band over the whole year from `y`, not as a dot at a month. */
  year?: boolean;
}

/**
 * The time axis: Ho's path (ho, career) or the project's schedule, top to bottom.
 * Dates left of the axis, words right of it; the block is centred in the plot.
 * States with two stations set their words larger, so the figure stays full.
 */
function timeline(state: TimeState, ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const sparse = state !== "career";
  const size = sparse ? t.label * 1.2 : t.label;
  const valSize = sparse ? t.big : t.label;
  const r = t.label * 0.36;
  const year = (id: string) => ctx.value(id);
  const plotW = plot.x1 - plot.x0;
  const plotH = plot.y1 - plot.y0;

  const stations: Station[] = [];
  let from: number;
  let to: number;
  if (state === "ho") {
    [from, to] = [year("prev-year") + 0.6, year("report-year") + 1.1];
    stations.push(
      { key: "hero", y: year("prev-year") + NOV, tk: "joins", val: ctx.t("nov"), cls: "marker marker-hero", big: true },
      // The article gives no date for The Information's report: on an axis to scale it covers its whole year.
      { key: "report", y: year("report-year"), tk: "report", val: ctx.fact("report-year"), cls: "marker marker-muted", year: true },
    );
  } else if (state === "career") {
    [from, to] = [year("ho-google-start"), year("prev-year") + 1.3];
    stations.push({ key: "hero", y: year("prev-year") + NOV, tk: "openai", val: ctx.t("nov"), cls: "marker marker-hero", big: true });
  } else {
    [from, to] = [year("report-year") + 0.1, year("production-earliest") + 1.4];
    stations.push(
      { key: "hero", y: year("report-year") + MID, tk: "now", val: ctx.fact("report-year"), cls: "marker marker-hero", big: true },
      // The earliest year of production, a filled dot: the open ring means "unnamed" elsewhere.
      {
        key: "production",
        y: year("production-earliest") + MID,
        tk: "production",
        val: ctx.fact("production-earliest"),
        cls: "marker",
      },
    );
  }
  const early = state === "career" ? ["manchester", "stanford"] : [];
  const tenure = state === "career" ? ctx.t("google") : null;
  // The schedule: the chip still to be designed, an empty dashed outline beside the report's year.
  const bp = state === "schedule" ? Math.min(plotH * 0.24, plotW * 0.24) : 0;

  // Widths: the date column fits the longest date; the words take what is left, and the whole block is centred.
  const vals = [...stations.map((s) => s.val), ...(tenure ? [ctx.fact("ho-google-start"), ctx.fact("ho-google-end")] : [])];
  const valW = Math.max(...vals.map((v) => textWidth(v, valSize, true)));
  const gap = Math.max(size, valSize) * 0.35 + r * 1.35;
  const textMax = plotW - valW - 2 * gap - t.pad * 0.5;
  const widest = (s: string, bold: boolean, max: number) => Math.max(...wrapWidth(s, size, max, bold).map((l) => textWidth(l, size, bold)));
  const rightW = Math.max(
    ...stations.map((s) =>
      bp && s.key === "hero" ? bp + gap + widest(ctx.t(s.tk), true, textMax - bp - gap) : widest(ctx.t(s.tk), !!s.big, textMax),
    ),
    ...early.map((k) => widest(ctx.t(k), false, textMax)),
    ...(tenure ? [tenure, ctx.t("google-end")].map((x) => widest(x, false, textMax)) : []),
  );
  const axisX = plot.x0 + Math.max(0, (plotW - valW - 2 * gap - rightW) / 2) + valW + gap;

  const head = state === "schedule" ? ctx.t("project") : ctx.t("who");
  const top = plot.y0 + (sparse ? valSize : size) * 1.7;
  const bottom = plot.y1 - size * 0.7;
  const marks: Mark[] = [];
  const obstacles: Box[] = [];
  const labels: PointLabel[] = [];
  const right: PointLabel["prefer"] = ["right", "below-right", "above-right"];
  const left: PointLabel["prefer"] = ["left", "above-left", "below-left"];
  const words = (key: string, s: string, y: number, rr: number, cls: ClassList, x = axisX, max = textMax): PointLabel => ({
    key,
    text: s,
    x,
    y,
    r: rr,
    size,
    cls,
    prefer: right,
    maxWidth: max,
  });
  const date = (key: string, s: string, y: number, rr: number, cls: ClassList = "lbl lbl-strong"): PointLabel => ({
    key,
    text: s,
    x: axisX,
    y,
    r: rr,
    size: valSize,
    cls,
    prefer: left,
    maxWidth: valW * 1.05,
  });

  // The heading names whose path the axis is.
  const headKey = state === "schedule" ? "project-lbl" : "who-lbl";
  const headSize = sparse ? valSize : size;
  marks.push(...lines(headKey, [head], axisX - r, plot.y0 + headSize * 0.9, headSize, "lbl lbl-strong"));
  obstacles.push({ x0: axisX - r, y0: plot.y0, x1: axisX - r + textWidth(head, headSize, true), y1: plot.y0 + headSize * 1.2 });

  // The undated stretch (career): its stations stacked as closely as their labels allow, then the scale begins.
  const halves = early.map((k) => (wrapWidth(ctx.t(k), size, textMax).length * size * LINE) / 2);
  const ys: number[] = [];
  // The two are at least as far apart as the note "undated" between them is tall.
  const undatedH = wrapWidth(ctx.t("undated"), valSize, valW * 1.05).length * valSize * LINE;
  halves.forEach((half, i) =>
    ys.push(i === 0 ? top + Math.max(half, r) : ys[i - 1]! + Math.max(halves[i - 1]! + size * 0.5 + half, undatedH + size * 0.8)),
  );
  // In the schedule the chip's outline hangs beside the first station: leave it room under the heading.
  const datedTop = early.length ? ys[ys.length - 1]! + halves[halves.length - 1]! + size * 0.9 : top + bp * 0.4;
  const y = (v: number) => datedTop + ((v - from) / (to - from)) * (bottom - datedTop);

  // The axis: solid where years are placed to scale (in the schedule, up to the earliest year of production).
  const axisW = Math.max(3, t.label * 0.16);
  const axisEnd = state === "schedule" ? y(year("production-earliest") + MID) : bottom;
  marks.push({
    key: "axis",
    tag: "rect",
    attrs: { x: r1(axisX - axisW / 2), y: r1(datedTop), width: r1(axisW), height: r1(axisEnd - datedTop), class: "bar bar-past" },
  });
  obstacles.push({ x0: axisX - axisW / 2, y0: datedTop, x1: axisX + axisW / 2, y1: axisEnd });

  if (early.length) {
    // Degrees without years: a dashed stretch before the scale begins, its stations evenly spaced.
    marks.push({ key: "early", tag: "line", attrs: { x1: r1(axisX), y1: r1(top), x2: r1(axisX), y2: r1(datedTop), class: "ref-line" } });
    obstacles.push({ x0: axisX - 2, y0: top, x1: axisX + 2, y1: datedTop });
    early.forEach((k, i) => {
      marks.push(dot(k, axisX, ys[i]!, r * 2, "marker"));
      obstacles.push({ x0: axisX - r, y0: ys[i]! - r, x1: axisX + r, y1: ys[i]! + r });
      labels.push(words(`${k}-lbl`, ctx.t(k), ys[i]!, r, "lbl"));
    });
    labels.push(date("early-val", ctx.t("undated"), (ys[0]! + ys[1]!) / 2, 2, "lbl lbl-note"));
  }
  if (tenure) {
    // Google: a span from the year he joined to the year he left.
    const spanW = r * 1.5;
    const [g0, g1] = [y(year("ho-google-start") + MID), y(year("ho-google-end") + MID)];
    marks.push({
      key: "tenure",
      tag: "rect",
      attrs: { x: r1(axisX - spanW / 2), y: r1(g0), width: r1(spanW), height: r1(g1 - g0), rx: r1(spanW / 2), class: "bar" },
      enter: { height: 0, opacity: 0 },
    });
    obstacles.push({ x0: axisX - spanW / 2, y0: g0, x1: axisX + spanW / 2, y1: g1 });
    // What he did there, told along the span: how he started at its top, how he rose and left at its foot.
    labels.push({ ...words("tenure-lbl", tenure, g0, spanW / 2, "lbl"), prefer: ["below-right", "right"] });
    labels.push({ ...words("tenure-end-lbl", ctx.t("google-end"), g1, spanW / 2, "lbl"), prefer: ["above-right", "right"] });
    labels.push(date("tenure-val", ctx.fact("ho-google-start"), g0 + size * 0.3, spanW / 2));
    labels.push(date("tenure-end-val", ctx.fact("ho-google-end"), g1 - size * 0.3, spanW / 2));
  }
  if (state === "schedule") {
    // After the earliest year: dashed, as production may come later.
    marks.push({ key: "later", tag: "line", attrs: { x1: r1(axisX), y1: r1(axisEnd), x2: r1(axisX), y2: r1(bottom), class: "ref-line" } });
    obstacles.push({ x0: axisX - 2, y0: axisEnd, x1: axisX + 2, y1: bottom });
    labels.push(words("later-lbl", ctx.t("later"), bottom - size * 0.2, 2, "lbl lbl-note"));
  }
  for (const s of stations) {
    const rr = s.big ? r * 1.35 : r;
    const cy = s.year ? (y(s.y) + y(s.y + 1)) / 2 : y(s.y);
    if (s.year) {
      const [y0, y1] = [y(s.y), y(s.y + 1)];
      marks.push({
        key: s.key,
        tag: "rect",
        attrs: { x: r1(axisX - rr), y: r1(y0), width: r1(rr * 2), height: r1(y1 - y0), rx: r1(rr * 0.5), class: s.cls },
        enter: { opacity: 0 },
      });
      obstacles.push({ x0: axisX - rr, y0, x1: axisX + rr, y1 });
    } else {
      marks.push(dot(s.key, axisX, cy, rr * 2, s.cls));
      obstacles.push({ x0: axisX - rr, y0: cy - rr, x1: axisX + rr, y1: cy + rr });
    }
    const key = s.key === "hero" ? `hero-${s.tk}-lbl` : `${s.key}-lbl`;
    const cls = s.cls.includes("muted") ? "lbl lbl-muted" : s.big ? "lbl lbl-strong" : "lbl";
    if (bp && s.key === "hero") {
      // The design not yet begun: the outline the chip would fill, its words beside it.
      const x0 = axisX + gap;
      marks.push(blueprint(x0, cy - bp / 2, bp));
      obstacles.push({ x0, y0: cy - bp / 2, x1: x0 + bp, y1: cy + bp / 2 });
      labels.push(words(key, ctx.t(s.tk), cy, bp / 2, cls, x0 + bp / 2, textMax - bp - gap));
    } else labels.push(words(key, ctx.t(s.tk), cy, rr, cls));
    labels.push(date(`${s.key}-val`, s.val, cy, rr, s.cls.includes("muted") ? "lbl lbl-strong lbl-muted" : "lbl lbl-strong"));
  }
  marks.push(...placeLabels(labels, obstacles, plot).marks);
  return marks;
}

/** The chip still to be designed: an empty dashed square (in the last state, the die of the package). */
function blueprint(x: number, y: number, side: number): Mark {
  return {
    key: "blueprint",
    tag: "rect",
    attrs: { x: r1(x), y: r1(y), width: r1(side), height: r1(side), rx: 6, class: "fab fab-new" },
  };
}

/**
 * The team, Broadcom and Google (schematic): Broadcom on the right, between the
 * precedent above (it made TPUs with Google, where Ho worked on them) and the
 * likely partnership below.
 */
function partners(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const w = plot.x1 - plot.x0;
  const h = plot.y1 - plot.y0;
  const r = t.label * 0.5;
  const tall = h > w;
  const at = (fx: number, fy: number): [number, number] => [plot.x0 + fx * w, plot.y0 + fy * h];
  const nodes = [
    { key: "google", p: at(0.3, tall ? 0.1 : 0.14), text: ctx.t("google-node"), cls: "marker", prefer: ["above", "left"] },
    {
      key: "hero",
      p: at(0.3, tall ? 0.82 : 0.78),
      text: ctx.t("team"),
      cls: "marker marker-hero",
      prefer: ["below", "below-right", "left"],
    },
    { key: "broadcom", p: at(0.8, 0.46), text: ctx.t("broadcom"), cls: "marker", prefer: ["below", "above", "right"] },
  ] as const;
  const pos = Object.fromEntries(nodes.map((n) => [n.key, n.p])) as Record<(typeof nodes)[number]["key"], [number, number]>;
  const arcs = [
    {
      key: "link-ho",
      from: pos.google,
      to: pos.hero,
      bend: 0.12,
      cls: "arc arc-broken",
      text: ctx.t("ho-google"),
      prefer: ["left", "above-left"],
    },
    {
      key: "link-tpu",
      from: pos.google,
      to: pos.broadcom,
      bend: 0.12,
      cls: "arc",
      text: ctx.t("tpu"),
      prefer: ["above-right", "above", "right"],
    },
    {
      key: "link-partner",
      from: pos.hero,
      to: pos.broadcom,
      bend: -0.12,
      cls: "arc arc-strong",
      text: ctx.t("partner"),
      prefer: ["below-right", "below", "right"],
    },
  ] as const;
  const marks: Mark[] = [];
  const obstacles: Box[] = [];
  const labels: PointLabel[] = [];
  for (const a of arcs) {
    const m = link(a.key, a.from, a.to, a.cls, a.bend);
    // The likely partnership is not settled: dashed. The TPU precedent is history: grey and solid.
    if (a.key === "link-partner") m.attrs["stroke-dasharray"] = "12 8";
    if (a.key === "link-tpu") m.attrs.class = `${a.cls} arc-grey`;
    marks.push(m);
    arcObstacles(a.from, a.to, a.bend, obstacles);
    labels.push(arcLabel(ctx, a.key, a.text, a.from, a.to, a.bend, [...a.prefer], { maxWidth: w * 0.34 }));
  }
  for (const n of nodes) {
    const [x, y] = n.p;
    marks.push(dot(n.key, x, y, r * 2, n.cls));
    obstacles.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
    // The hero's label is keyed by its words, so the new text enters instead of replacing the old one mid-move.
    const key = n.key === "hero" ? "hero-team-lbl" : `${n.key}-lbl`;
    labels.push({ key, text: n.text, x, y, r, size: t.label, cls: "lbl lbl-strong", prefer: [...n.prefer], maxWidth: w * 0.42 });
  }
  marks.push(...placeLabels(labels, obstacles, plot).marks);
  return marks;
}

/**
 * A schematic chip package, every part of it still open: the chip to be designed
 * (the dashed outline from the schedule, now the die, with the OpenAI dot in it),
 * two memory slots beside it, the package around both.
 * Tall plots stack die and memory; wide ones set them side by side.
 */
function chip(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const w = plot.x1 - plot.x0;
  const h = plot.y1 - plot.y0;
  const tall = h > w;
  const headLines = wrapWidth(ctx.t("package"), t.label, w, true);
  const headH = headLines.length * t.label * LINE + t.label * 0.5;
  const inset = t.pad * 1.4;
  const g = t.pad * 0.8;
  const memSize = t.label;
  const r = t.label * 0.36 * 1.35;
  // The die's side d sets everything else; memory slots are about half of it deep, their label beside or below them.
  let d: number;
  let pw: number;
  let ph: number;
  let memW = 0;
  if (tall) {
    const memH = wrapWidth(ctx.t("memory"), memSize, w * 0.8).length * memSize * LINE;
    d = Math.min(w * 0.5, (h - headH - 2 * inset - 2 * g - memH) / 1.5);
    pw = Math.min(w, d + 2 * inset + w * 0.3);
    ph = d * 1.5 + 2 * g + memH + 2 * inset;
  } else {
    memW = Math.max(...wrapWidth(ctx.t("memory"), memSize, w * 0.26).map((l) => textWidth(l, memSize)));
    ph = h - headH - t.pad * 0.5;
    d = Math.min(ph - 2 * inset, (w - 2 * inset - memW - 2 * g - memSize) / 1.5);
    pw = Math.min(w, 2 * inset + d * 1.5 + 2 * g + memSize * 0.5 + memW);
  }
  const px = plot.x0 + (w - pw) / 2;
  const py = plot.y0 + headH + Math.max(0, (h - headH - ph) / 2);
  const marks: Mark[] = [];
  marks.push(
    ...lines("package-lbl", headLines, px, py - t.label * 0.5 - (headLines.length - 1) * t.label * LINE, t.label, "lbl lbl-strong"),
  );
  marks.push({
    key: "package",
    tag: "rect",
    attrs: { x: r1(px), y: r1(py), width: r1(pw), height: r1(ph), rx: 10, class: "box-schematic" },
  });

  const dx = tall ? px + (pw - d) / 2 : px + inset;
  const dy = tall ? py + inset : py + (ph - d) / 2;
  marks.push(blueprint(dx, dy, d));
  // OpenAI's dot sits in the die, the die's name under it.
  const chipLines = wrapWidth(ctx.t("chip"), t.label, d - t.pad, true);
  const blockH = r * 2 + t.label * 0.6 + chipLines.length * t.label * LINE;
  const hy = dy + (d - blockH) / 2 + r;
  marks.push(dot("hero", dx + d / 2, hy, r * 2, "marker marker-hero"));
  marks.push(...lines("blueprint-lbl", chipLines, dx + d / 2, hy + r + t.label * 1.3, t.label, "lbl lbl-strong", "middle"));

  // Two memory slots, each marked open.
  const slots: Box[] = tall
    ? [0, 1].map((i) => {
        const sw = (d - g) / 2;
        return { x0: dx + i * (sw + g), y0: dy + d + g, x1: dx + i * (sw + g) + sw, y1: dy + d + g + d * 0.5 };
      })
    : [0, 1].map((i) => {
        const sh = (d - g) / 2;
        const x0 = dx + d + g;
        return { x0, y0: dy + i * (sh + g), x1: x0 + d * 0.5, y1: dy + i * (sh + g) + sh };
      });
  slots.forEach((b, i) => {
    const key = `mem-${"ab"[i]}`;
    marks.push({
      key,
      tag: "rect",
      attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx: 4, class: "fab fab-new" },
    });
    marks.push(
      ...lines(`${key}-lbl`, [ctx.t("open-mark")], (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2 + t.big * 0.35, t.big, "lbl lbl-muted", "middle"),
    );
  });
  if (tall) {
    const memLines = wrapWidth(ctx.t("memory"), memSize, pw - 2 * inset);
    marks.push(...lines("mem-lbl", memLines, px + pw / 2, slots[0]!.y1 + g + memSize * 0.8, memSize, "lbl", "middle"));
  } else {
    const lx = slots[0]!.x1 + memSize * 0.5;
    const memLines = wrapWidth(ctx.t("memory"), memSize, px + pw - inset * 0.5 - lx);
    marks.push(
      ...lines("mem-lbl", memLines, lx, dy + d / 2 - ((memLines.length - 1) * memSize * LINE) / 2 + memSize * 0.35, memSize, "lbl"),
    );
  }
  return marks;
}
