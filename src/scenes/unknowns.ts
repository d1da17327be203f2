// Scene "unknowns" (chapter 9): the open questions. Above, in every step, the
// story's recurring objects drawn as the story drew them: OpenAI's planned chip
// (src/scenes/chip.ts, dashed), the planned racks (a data centre) and the sum
// sought as chapter 5's blue squares in small; each carries a hatched "not known"
// tag (as chapter 7's short-supply tags), and in the first step the open question
// in words under it. Below, by step: the story's voices as an evidence strip, one
// mark per voice, grouped as unnamed (rings), media (grey) and on the record (ink);
// Altman's two channels and the report's year as a band, its end (the announcement
// expected) marked by a rust dashed line.

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
import { textWidth, wrapWidth } from "./text.ts";
import { grid, PER_ROW, rowsOf, squares } from "./unitGrid.ts";
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
const PHONE_COLS = [0.36, 0.34, 0.3];
const PHONE_SIZE = 0.72;

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
    const split = phone
      ? t.label * 2.2 + W * PHONE_COLS[0]! * PHONE_SIZE + t.small * (1.3 + 2 * LINE + 2.4) + t.pad * 1.5
      : H * 0.5 + t.pad;
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

/**
 * The plan's three objects side by side, drawn as the story drew them: OpenAI's
 * planned chip (chip.ts, dashed), the planned racks (a data centre), the sum
 * sought as chapter 5's grid in small (one square $40bn, solid blue: the sum is
 * reported, only whether it was secured is not). Under each, its name and a
 * hatched "not known" tag; in the first step, the open question in words under it.
 */
function anatomy(state: State, ctx: SceneContext, g: Geo, obstacles: Box[], labels: PointLabel[]): Mark[] {
  const t = typeOf(ctx);
  const b = g.top;
  const W = b.x1 - b.x0;
  const H = b.y1 - b.y0;
  const phone = ctx.layout === "square";
  const cols = (phone ? PHONE_COLS : [0.36, 0.32, 0.32]).map((f) => f * W);
  const below = t.small * LINE * 2.4 + t.small * 2;
  const size = phone ? cols[0]! * PHONE_SIZE : Math.min(cols[0]! * 0.72, H - t.label * 2.4 - below);
  const cy = b.y0 + t.label * 2.2 + size / 2;
  const cx = b.x0 + cols[0]! / 2;
  const marks: Mark[] = [...chipTop({ key: "chip", cx, cy, size, owner: "openai" })];
  obstacles.push({ x0: cx - size / 2, y0: cy - size / 2, x1: cx + size / 2, y1: cy + size / 2 });
  labels.push(nameLabel(ctx, "chip", ctx.t("chip"), [cx, cy - size / 2], 0, ["above"], W * 0.7));
  // The data centre: planned racks, as high as the chip's die is wide and a little more.
  const rx = b.x0 + cols[0]! + cols[1]! / 2;
  const rw = Math.min(size * 0.62, cols[1]! * 0.7);
  const rk: Box = { x0: rx - rw / 2, y0: cy - size * 0.36, x1: rx + rw / 2, y1: cy + size / 2 };
  marks.push(...racks("racks", rk, true));
  obstacles.push(rk);
  // The sum sought: chapter 5's squares, 25 to a row (a row is $1tn), in small.
  const mx = b.x0 + cols[0]! + cols[1]! + cols[2]! / 2;
  const n = squares(ctx, "total-sum");
  const pitch = Math.min((cols[2]! * 0.86) / PER_ROW, size / rowsOf(n));
  const gw = pitch * PER_ROW;
  const gh = pitch * rowsOf(n);
  marks.push(...grid("goal", n, [mx - gw / 2, cy + size / 2 - gh], pitch));
  obstacles.push({ x0: mx - gw / 2, y0: cy + size / 2 - gh, x1: mx + gw / 2, y1: cy + size / 2 });
  // Under each: its name (the chip's is above it), then the tag, then (first step) the open question.
  const word = ctx.t("not-known");
  const parts = [
    { key: "chip", x: cx, w: cols[0]!, name: [] as string[], question: "q-chip" },
    {
      key: "company",
      x: rx,
      w: cols[1]!,
      name: wrapWidth(ctx.t("company-name"), t.small, cols[1]! - t.small * 0.6),
      question: "q-company",
    },
    { key: "money", x: mx, w: cols[2]!, name: wrapWidth(ctx.t("sum"), t.small, cols[2]! - t.small * 0.6), question: "q-money" },
  ];
  const names = Math.max(...parts.map((p) => p.name.length));
  const first = cy + size / 2 + t.small * 1.3;
  for (const p of parts) {
    marks.push(...lines(`${p.key}-name-lbl`, p.name, p.x, first, t.small, "lbl", "middle"));
    const w = Math.max(0, ...p.name.map((l) => textWidth(l, t.small))) / 2;
    if (w)
      obstacles.push({ x0: p.x - w, y0: first - t.small, x1: p.x + w, y1: first + (p.name.length - 1) * t.small * LINE + t.small * 0.3 });
  }
  const y = first + (names - 1) * t.small * LINE + t.small * 0.7;
  for (const p of parts) {
    marks.push(...unknownTag(ctx, `${p.key}-tag`, p.x, y, word));
    if (state === "money") {
      const q = wrapWidth(ctx.t(p.question), t.small, p.w - t.small * 0.6);
      marks.push(...lines(`${p.key}-q-lbl`, q, p.x, y + t.small * 2.6, t.small, "lbl lbl-note", "middle"));
    }
  }
  return marks;
}

/** A "not known" tag centred on x, its top at y: a hatched swatch and the word, framed (as chapter 7's short-supply tags). */
function unknownTag(ctx: SceneContext, key: string, x: number, y: number, word: string): Mark[] {
  const t = typeOf(ctx);
  const sw = t.small * 0.9;
  const pad = t.small * 0.35;
  const w = pad * 3 + sw + textWidth(word, t.small);
  const h = t.small * 1.5;
  const x0 = x - w / 2;
  const sx = x0 + pad;
  const sy = y + (h - sw) / 2;
  // Diagonals across the swatch, a quarter of its side apart, then its outline.
  const d = [1, 2, 3, 4, 5, 6, 7].map((k) => {
    const o = (k * sw) / 4;
    const a = o <= sw ? [sx + o, sy] : [sx + sw, sy + o - sw];
    const c = o <= sw ? [sx, sy + o] : [sx + o - sw, sy + sw];
    return `M${r1(a[0]!)},${r1(a[1]!)} L${r1(c[0]!)},${r1(c[1]!)}`;
  });
  d.push(`M${r1(sx)},${r1(sy)} h${r1(sw)} v${r1(sw)} h${r1(-sw)} Z`);
  return [
    { key, tag: "rect", attrs: { x: r1(x0), y: r1(y), width: r1(w), height: r1(h), rx: 3, class: "tag" } },
    { key: `${key}-hatch`, tag: "path", attrs: { d: d.join(" "), class: "hatch" } },
    ...lines(`${key}-lbl`, [word], sx + sw + pad, y + h / 2 + t.small * 0.35, t.small, "lbl"),
  ];
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
  const at = phone ? { x: 0.42, pub: 0.06, alt: 0.3, mgr: 0.54, year: 0.72 } : { x: 0.55, pub: 0.1, alt: 0.3, mgr: 0.5, year: 0.7 };
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
  // The year: a sand band (the report's month not known); its end, 31 December, marked by a rust dashed
  // line across it and past it (the announcement expected, planned), named under the band, clear of the listeners.
  const bandH = t.label * 1.1;
  const by = b.y0 + H * at.year;
  const end = b.x1 - t.pad;
  const band: Box = { x0: b.x0, y0: by - bandH / 2, x1: end, y1: by + bandH / 2 };
  marks.push(rect("year", band, "sub", 3));
  marks.push(...lines("year-lbl", [ctx.t("year")], b.x0, band.y0 - t.small * 0.4, t.label, "lbl lbl-strong"));
  const reach = t.small * 0.6;
  marks.push({
    key: "year-end",
    tag: "path",
    attrs: { d: `M${r1(end)},${r1(band.y0 - reach)} V${r1(band.y1 + reach)}`, class: "arc arc-strong arc-dash" },
    enter: { opacity: 0 },
  });
  obstacles.push({ ...band, x1: end + 3, y0: band.y0 - reach, y1: band.y1 + reach });
  // Its name under the band, right-aligned on the marker, set by hand (nothing else lives down there).
  const say = wrapWidth(ctx.t("announce"), t.small, W * 0.8);
  const ly = band.y1 + reach + t.small * 1.1;
  marks.push(...lines("announce-lbl", say, end, ly, t.small, "lbl lbl-link", "end"));
  return marks;
}
