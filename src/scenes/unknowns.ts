// Scene "unknowns" (chapter 9): the plan's anatomy again, with what is not known
// drawn dotted. Above, in every step: OpenAI's planned chip (src/scenes/chip.ts;
// its design planned, dashed; memory and packaging still open, dotted), the
// planned racks in a dotted frame (the company: registered or not, not known)
// and the sum sought as dotted squares (secured or not, not known). Below, by
// step: nothing more ("money", the two open questions labelled above); the
// story's voices as an evidence strip, one mark per voice, grouped as unnamed
// (rings), media (grey) and on the record (ink); Altman's two channels and the
// report's year, the announcement expected at its end (a dashed flag).

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link } from "./shapes.ts";
import {
  arcLabel,
  arcObstacles,
  captionStrip,
  LINE,
  lines,
  nameLabel,
  placeLabels,
  steadyPlot,
  typeOf,
  type Box,
  type PointLabel,
} from "./figure.ts";
import { bust, chipTop, racks, rect } from "./chip.ts";
import { wrapWidth } from "./text.ts";
import { r1 } from "./shapes.ts";

const STATES = ["money", "sources", "announcement"] as const;
type State = (typeof STATES)[number];

/** The story's voices as the article gives them, and what kind each is. */
export const SOURCES = [
  { key: "tsmc", kind: "anon" },
  { key: "industry", kind: "anon" },
  { key: "insiders", kind: "anon" },
  { key: "wsj", kind: "media" },
  { key: "info", kind: "media" },
  { key: "wei", kind: "public" },
] as const;
export const KINDS = ["anon", "media", "public"] as const;
const KIND_CLASS = { anon: "marker marker-ring", media: "marker marker-muted", public: "marker" } as const;

/** The phone's anatomy: its columns' shares of the width, and the chip's side as a share of its column. */
const PHONE_COLS = [0.44, 0.32, 0.24];
const PHONE_SIZE = 0.94;

interface Geo {
  plot: Box;
  wide: boolean;
  /** The anatomy's area and the area under (or beside) it for the step's own picture. */
  top: Box;
  low: Box;
}

export const unknowns = defineScene({
  id: "unknowns",
  states: STATES,
  marks(state, ctx) {
    const { plot, wide } = steadyPlot(
      ctx,
      STATES.map((s) => ctx.t(`note.${s}`)),
    );
    const t = typeOf(ctx);
    const W = plot.x1 - plot.x0;
    const H = plot.y1 - plot.y0;
    // On the phone's tall stage the anatomy is larger and the step's own picture starts just under its
    // short labels (the first step's longer ones reach into that room, empty then).
    const phone = ctx.layout === "square";
    const split = phone ? t.label * 2.2 + W * PHONE_COLS[0]! * PHONE_SIZE + t.small * (1.3 + 2 * LINE) + t.pad * 1.5 : H * 0.5 + t.pad;
    const g: Geo = wide
      ? { plot, wide, top: { ...plot, x1: plot.x0 + W * 0.5 }, low: { ...plot, x0: plot.x0 + W * 0.54 } }
      : { plot, wide, top: { ...plot, y1: plot.y0 + (phone ? split : H * 0.5) }, low: { ...plot, y0: plot.y0 + split } };
    const marks: Mark[] = [];
    const obstacles: Box[] = [];
    const labels: PointLabel[] = [];
    marks.push(...anatomy(state, ctx, g, obstacles, labels));
    if (state === "sources") marks.push(...strip(ctx, g.low, phone));
    if (state === "announcement") marks.push(...announcement(ctx, g.low, obstacles, labels, phone));
    marks.push(...placeLabels(labels, obstacles, plot).marks);
    return [...marks, ...captionStrip(ctx, [{ key: "note", text: ctx.t(`note.${state}`) }]).marks];
  },
});

/** The planned chip, the racks in the company's dotted frame, the sum's dotted squares, side by side; each labelled under itself in the first step. */
function anatomy(state: State, ctx: SceneContext, g: Geo, obstacles: Box[], labels: PointLabel[]): Mark[] {
  const t = typeOf(ctx);
  const b = g.top;
  const W = b.x1 - b.x0;
  const H = b.y1 - b.y0;
  // Three columns: the chip, the company, the money; under each, room for three lines.
  const phone = ctx.layout === "square";
  const cols = (phone ? PHONE_COLS : [0.4, 0.34, 0.26]).map((f) => f * W);
  const below = t.small * LINE * 2.4;
  const size = phone ? cols[0]! * PHONE_SIZE : Math.min(cols[0]! * 0.8, H - t.label * 2.4 - below);
  const cy = b.y0 + t.label * 2.2 + size / 2;
  const cx = b.x0 + cols[0]! / 2;
  const marks: Mark[] = [...chipTop({ key: "chip", cx, cy, size, owner: "openai", unknown: ["sub", "hbm"] })];
  obstacles.push({ x0: cx - size / 2, y0: cy - size / 2, x1: cx + size / 2, y1: cy + size / 2 });
  labels.push(nameLabel(ctx, "chip", ctx.t("chip"), [cx, cy - size / 2], 0, ["above"], W * 0.7));
  // The company: a dotted frame around planned racks.
  const rx = b.x0 + cols[0]! + cols[1]! / 2;
  const rw = Math.min(size * 0.5, cols[1]! * 0.6);
  const rk: Box = { x0: rx - rw / 2, y0: cy - size * 0.3, x1: rx + rw / 2, y1: cy + size * 0.3 };
  const pad = size * 0.1;
  const frame: Box = { x0: rk.x0 - pad, y0: rk.y0 - pad, x1: rk.x1 + pad, y1: rk.y1 + pad };
  marks.push(...racks("racks", rk, true), rect("company", frame, "sub sub-unknown", 4));
  obstacles.push(frame);
  // The sum sought: three dotted squares (a sign for money, not a quantity).
  const mx = b.x0 + cols[0]! + cols[1]! + cols[2]! / 2;
  const sq = Math.min(size * 0.16, cols[2]! * 0.3);
  for (let i = 0; i < 3; i++) {
    const y = cy - sq * 1.6 + i * sq * 1.1;
    marks.push(rect(`money-${i}`, { x0: mx - sq / 2, y0: y, x1: mx + sq / 2, y1: y + sq }, "stack stack-unknown", 1));
  }
  // Under each: what is not known about it (first step); later the company's name alone.
  const under = (key: string, text: string, x: number, w: number) =>
    lines(key, wrapWidth(text, t.small, w - t.small * 0.6), x, cy + size / 2 + t.small * 1.3, t.small, "lbl lbl-note", "middle");
  if (state === "money")
    marks.push(
      ...under("open-lbl", ctx.t("open-parts"), cx, cols[0]!),
      ...under("company-lbl", ctx.t("company"), rx, cols[1]!),
      ...under("money-lbl", ctx.t("money"), mx, cols[2]!),
    );
  else marks.push(...under("company-name-lbl", ctx.t("company-name"), rx, cols[1]!), ...under("sum-lbl", ctx.t("sum"), mx, cols[2]!));
  return marks;
}

/** The story's voices in three groups, one mark each with its name, the group's kind above it. */
function strip(ctx: SceneContext, b: Box, spread = false): Mark[] {
  const t = typeOf(ctx);
  const marks: Mark[] = [];
  const colW = (b.x1 - b.x0) / KINDS.length;
  const r = t.small * 0.42;
  // On the phone the voices spread down the room under the anatomy (at most a line apart), not bunched at its top.
  const most = Math.max(...KINDS.map((k) => SOURCES.filter((v) => v.kind === k).length));
  const step = spread ? Math.min(t.small * LINE, (b.y1 - b.y0 - t.label * 4 - most * t.small * LINE * 2) / most) : 0;
  KINDS.forEach((kind, i) => {
    const x = b.x0 + i * colW;
    const head = wrapWidth(ctx.t(`kinds.${kind}`), t.label, colW - t.pad * 0.5, true);
    marks.push(...lines(`kind-${kind}-lbl`, head, x, b.y0 + t.label, t.label, "lbl lbl-strong"));
    let y = b.y0 + t.label * 1.4 + head.length * t.label * LINE;
    for (const s of SOURCES.filter((v) => v.kind === kind)) {
      const name = wrapWidth(ctx.t(`sources.${s.key}`), t.small, colW - r * 2 - t.small * 1.2);
      marks.push(dot(`src-${s.key}`, x + r + 2, y, r * 2, KIND_CLASS[kind]));
      marks.push(...lines(`src-${s.key}-lbl`, name, x + r * 2 + t.small * 0.6, y + t.small * 0.35, t.small, "lbl"));
      y += name.length * t.small * LINE + t.small * 0.7 + Math.max(0, step);
    }
  });
  return marks;
}

/** Altman's two channels (solid to the industry manager, dotted to the public), and the report's year ending in a dashed flag. */
function announcement(ctx: SceneContext, b: Box, obstacles: Box[], labels: PointLabel[], phone = false): Mark[] {
  const t = typeOf(ctx);
  const W = b.x1 - b.x0;
  const H = b.y1 - b.y0;
  const s = t.label * 1.3;
  const marks: Mark[] = [];
  // On the phone the two channels open wider and their words sit inside the angle, each against its own line;
  // the listeners stand left of the flag, so their names stay clear of it.
  const at = phone ? { x: 0.42, pub: 0.06, alt: 0.32, mgr: 0.58, year: 0.76 } : { x: 0.55, pub: 0.1, alt: 0.3, mgr: 0.5, year: 0.7 };
  const altman: [number, number] = [b.x0 + s, b.y0 + H * at.alt];
  const pub: [number, number] = [b.x0 + W * at.x, b.y0 + H * at.pub];
  const mgr: [number, number] = [b.x0 + W * at.x, b.y0 + H * at.mgr];
  const a = bust("altman", altman[0], altman[1], s);
  const p = bust("public", pub[0], pub[1], s, true);
  const m = bust("manager", mgr[0], mgr[1], s, true);
  marks.push(...a.marks, ...p.marks, ...m.marks);
  obstacles.push(a.box, p.box, m.box);
  const from: [number, number] = [a.box.x1 + 4, altman[1]];
  const channels = [
    {
      key: "link-public",
      to: [p.box.x0 - 4, pub[1]] as [number, number],
      cls: "arc arc-unknown" as const,
      text: ctx.t("rarely"),
      prefer: phone ? (["below-right", "below"] as const) : (["above", "above-left"] as const),
      at: 0.5,
    },
    {
      key: "link-manager",
      to: [m.box.x0 - 4, mgr[1]] as [number, number],
      cls: "arc arc-strong" as const,
      text: ctx.t("privately"),
      prefer: phone ? (["above-right", "right"] as const) : (["below", "below-left"] as const),
      at: phone ? 0.6 : 0.4,
    },
  ];
  for (const c of channels) {
    marks.push(link(c.key, from, c.to, c.cls, 0));
    arcObstacles(from, c.to, 0, obstacles);
    labels.push(arcLabel(ctx, c.key, c.text, from, c.to, 0, [...c.prefer], { at: phone ? c.at : 0.4, maxWidth: W * 0.6 }));
  }
  labels.push(
    nameLabel(ctx, "altman", ctx.t("altman"), [altman[0], a.box.y1], 0, ["below"]),
    nameLabel(ctx, "public", ctx.t("public"), [p.box.x1, pub[1]], 0, ["right", "below"], W * 0.4),
    nameLabel(ctx, "manager", ctx.t("manager"), [m.box.x1, mgr[1]], 0, ["right", "below"], W * 0.4),
  );
  // The year: a sand band, its month unknown; at its end the announcement expected, a dashed flag.
  const bandH = t.label * 1.1;
  const by = b.y0 + H * at.year;
  const end = b.x1 - t.pad;
  marks.push(rect("year", { x0: b.x0, y0: by - bandH / 2, x1: end, y1: by + bandH / 2 }, "sub", 3));
  obstacles.push({ x0: b.x0, y0: by - bandH / 2, x1: end, y1: by + bandH / 2 });
  marks.push(...lines("year-lbl", [ctx.t("year")], b.x0, by - bandH / 2 - t.small * 0.4, t.label, "lbl lbl-strong"));
  const fh = bandH * 2.2;
  const flag = `M${r1(end)},${r1(by + bandH / 2)} V${r1(by - bandH / 2 - fh)} L${r1(end - fh * 0.9)},${r1(by - bandH / 2 - fh * 0.75)} L${r1(end)},${r1(by - bandH / 2 - fh * 0.5)}`;
  marks.push({ key: "flag", tag: "path", attrs: { d: flag, class: "die die-plan" } });
  obstacles.push({ x0: end - fh, y0: by - bandH / 2 - fh, x1: end + 2, y1: by + bandH / 2 });
  labels.push({
    key: "announce-lbl",
    text: ctx.t("announce"),
    x: end,
    y: by + bandH / 2,
    r: 2,
    size: t.small,
    cls: "lbl lbl-link",
    prefer: ["below-left", "below"],
    maxWidth: W * 0.8,
  });
  return marks;
}
