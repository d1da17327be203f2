// Scene "unknowns" (chapter 9): the open questions. In the first two steps the
// plan's three objects, large, one a row, drawn as the story drew them: OpenAI's
// planned chip (src/scenes/chip.ts, dashed), the planned racks (a data centre) and
// the sum sought as chapter 5's blue squares (25 a row, a row $1tn); beside each its
// name and a hatched tag saying how far it is known (the chip's as the article hedges
// it: apparently not begun). First step: the open question under the tag. Second: who
// said it, one mark per voice (rings unnamed, grey dots media), and under the rows the
// story's other voices, the one by name drawn as a person. Third: Altman's two
// channels (both reported, so solid: thin to the public, strong to the executive) and the
// end of the report's year (the announcement expected) as a rust dashed tick on a time arrow.

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
import { bust, chipTop, racks } from "./chip.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { grid, PER_ROW, rowsOf, squares } from "./unitGrid.ts";
import { r1 } from "./shapes.ts";

const STATES = ["money", "sources", "announcement"] as const;
type State = (typeof STATES)[number];

/** The story's voices as the article gives them (SIFMA, the source of chapter 5's bond figure, gave data, not a view: the prose names it, the chart does not), what kind each is, and the object it speaks about here (if any). */
export const SOURCES = [
  { key: "insiders", kind: "anon", about: "chip" },
  { key: "industry", kind: "anon", about: "company" },
  { key: "wsj", kind: "media", about: "money" },
  { key: "tsmc", kind: "anon", about: null },
  { key: "info", kind: "media", about: null },
  { key: "wei", kind: "public", about: null },
] as const;
export const KINDS = ["anon", "media", "public"] as const;
type Kind = (typeof KINDS)[number];
/** The three objects, top to bottom. */
export const PARTS = ["chip", "company", "money"] as const;
type Part = (typeof PARTS)[number];

/** One object's row: where its object stands (left) and where its words start (right). */
interface Row {
  part: Part;
  obj: Box;
  tx: number;
  ty: number;
  tw: number;
  /** The open question's width: in the wide figure it may run on into the room the other voices take in the next step. */
  qw: number;
}

interface Geo {
  rows: Row[];
  /** Under (phone, column) or beside (wide) the rows: the story's other voices in the second step. */
  rest: Box;
}

export const unknowns = defineScene({
  id: "unknowns",
  states: STATES,
  marks(state, ctx) {
    const { plot, wide } = steadyPlot(
      ctx,
      STATES.map((s) => ctx.t(`note.${s}`)),
    );
    const marks: Mark[] = [];
    if (state === "announcement") {
      const obstacles: Box[] = [];
      const labels: PointLabel[] = [];
      marks.push(...announcement(ctx, plot, obstacles, labels, ctx.layout === "square"));
      marks.push(...placeLabels(labels, obstacles, plot).marks);
    } else {
      const g = geometry(ctx, plot, wide);
      for (const row of g.rows) marks.push(...part(state, ctx, row));
      if (state === "sources") marks.push(...others(ctx, g.rest, wide));
    }
    return [...marks, ...captionStrip(ctx, [{ key: "note", text: ctx.t(`note.${state}`) }]).marks];
  },
});

/** The words beside an object, by step: its name, then its tag, then the question (first step) or its voice (second). */
function words(
  ctx: SceneContext,
  p: Part,
  w: number,
): { name: string[]; tag: string; question: string[]; voice: string[]; kind: string[] } {
  const t = typeOf(ctx);
  const v = SOURCES.find((s) => s.about === p)!;
  const name = { chip: ctx.t("chip"), company: ctx.t("company-name"), money: ctx.t("sum") }[p];
  const inner = w - t.small * 1.6;
  return {
    name: wrapWidth(name, t.label, w, true),
    tag: p === "chip" ? ctx.t("chip-tag") : ctx.t("not-known"),
    question: wrapWidth(ctx.t(`q-${p}`), t.small, w),
    voice: wrapWidth(ctx.t(`sources.${v.key}`), t.small, inner),
    kind: wrapWidth(ctx.t(`kinds.${v.kind}`), t.small, inner),
  };
}

/** How tall an object's words stand in either of the two steps that show it (the rows are the same in both). */
function wordsHeight(ctx: SceneContext, p: Part, w: number): number {
  const t = typeOf(ctx);
  const x = words(ctx, p, w);
  const head = x.name.length * t.label * LINE + t.small * 1.9;
  const money = x.question.length * t.small * LINE;
  const sources = (x.voice.length + x.kind.length) * t.small * LINE;
  return head + t.small * 0.4 + Math.max(money, sources);
}

/**
 * The rows: the chip a square, the racks a little lower, the squares 25 a row; each object
 * left, its words right. On the phone and the column the rows fill the top and the rest
 * lies under them; in the wide print figure the rows take the left 60 % and the rest the right.
 */
function geometry(ctx: SceneContext, plot: Box, wide: boolean): Geo {
  const t = typeOf(ctx);
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const area: Box = wide ? { ...plot, x1: plot.x0 + W * 0.6 } : plot;
  const AW = area.x1 - area.x0;
  const gap = t.pad * (wide ? 3 : 1);
  const objW = AW * (wide ? 0.3 : 0.34);
  const gridW = AW * (wide ? 0.42 : 0.52);
  const restH = wide ? 0 : t.label * LINE * 2 + t.small * LINE * 2 + t.label * 3.2;
  // The chip as large as the room allows, the racks 0.8 of it; the squares as wide as their column.
  const textOf = (w: number) => AW - w - gap;
  const hText = PARTS.map((p) => wordsHeight(ctx, p, textOf(p === "money" ? gridW : objW)));
  const n = squares(ctx, "total-sum");
  const pitchMax = gridW / PER_ROW;
  // On paper the rows stay about as tall as the figure they replaced (the printed pages are paginated by hand).
  // (A phone on its side, `land`, is no page: its rows take the figure's height.)
  const room = ctx.layout === "land" ? H : wide ? H * 0.78 : H - restH - gap * 2;
  let size = Math.min(objW * 0.9, room * 0.45);
  const rowH = (p: number, objH: number) => Math.max(objH, hText[p]!);
  const heights = () => [rowH(0, size), rowH(1, size * 0.8), rowH(2, pitchMax * rowsOf(n))];
  while (heights().reduce((a, b) => a + b, 0) > room && size > t.label * 2) size -= 2;
  const [h0, h1, h2] = heights() as [number, number, number];
  // What the rows leave of their room goes between them (up to two and a half pads each), not all under them.
  const between = gap + (wide ? 0 : Math.max(0, Math.min(t.pad * 1.5, (room - h0 - h1 - h2) / 2)));
  const rows: Row[] = [];
  let y = area.y0;
  for (const [i, p, h] of [
    [0, "chip", h0],
    [1, "company", h1],
    [2, "money", h2],
  ] as const) {
    const w = p === "money" ? gridW : objW;
    const oh = p === "chip" ? size : p === "company" ? size * 0.8 : pitchMax * rowsOf(n);
    const ow = p === "chip" ? size : p === "company" ? Math.min(size * 0.7, w) : gridW;
    const cx = area.x0 + w / 2;
    rows.push({
      part: p,
      obj: { x0: cx - ow / 2, y0: y, x1: cx + ow / 2, y1: y + oh },
      tx: area.x0 + w + gap,
      ty: y,
      tw: textOf(w),
      qw: wide ? plot.x1 - (area.x0 + w + gap) : textOf(w),
    });
    y += h + (i < 2 ? between : 0);
  }
  const rest: Box = wide ? { ...plot, x0: area.x1 + t.pad * 4 } : { ...plot, y0: y + gap * 1.5 };
  return { rows, rest };
}

/** One object, its name and tag beside it, and under the tag its question (first step) or who said it (second). */
function part(state: State, ctx: SceneContext, row: Row): Mark[] {
  const t = typeOf(ctx);
  const { obj, part: p } = row;
  const marks: Mark[] = [];
  if (p === "chip")
    marks.push(...chipTop({ key: "chip", cx: (obj.x0 + obj.x1) / 2, cy: (obj.y0 + obj.y1) / 2, size: obj.x1 - obj.x0, owner: "openai" }));
  if (p === "company") marks.push(...racks("racks", obj, true));
  if (p === "money") marks.push(...grid("goal", squares(ctx, "total-sum"), [obj.x0, obj.y0], (obj.x1 - obj.x0) / PER_ROW));
  const x = words(ctx, p, row.tw);
  const key = p === "chip" ? "chip" : `${p}-name`;
  let y = row.ty + t.label * 0.85;
  marks.push(...lines(`${key}-lbl`, x.name, row.tx, y, t.label, "lbl lbl-strong"));
  y += (x.name.length - 1) * t.label * LINE + t.small * 0.6;
  marks.push(...unknownTag(ctx, `${p}-tag`, row.tx, y, x.tag));
  y += t.small * 1.5 + t.small * 0.4 + t.small * 0.9;
  if (state === "money") marks.push(...lines(`${p}-q-lbl`, wrapWidth(ctx.t(`q-${p}`), t.small, row.qw), row.tx, y, t.small, "lbl"));
  if (state === "sources") {
    const v = SOURCES.find((s) => s.about === p)!;
    marks.push(...voice(ctx, v.key, v.kind, row.tx, y - t.small * 0.35, x.voice, x.kind));
  }
  return marks;
}

/** A voice: its mark (a grey ring unnamed, a grey dot media, a grey person the one by name), its name and kind beside it. */
function voice(ctx: SceneContext, key: string, kind: Kind, x: number, cy: number, name: string[], kindWords: string[]): Mark[] {
  const t = typeOf(ctx);
  const r = t.small * 0.45;
  const marks: Mark[] =
    kind === "public"
      ? bust(`src-${key}`, x + r, cy + r * 0.4, r * 2.2, true).marks
      : [dot(`src-${key}`, x + r, cy, r * 2, kind === "anon" ? "marker marker-ring" : "marker marker-muted")];
  const lx = x + r * 2 + t.small * 0.6;
  marks.push(...lines(`src-${key}-lbl`, name, lx, cy + t.small * 0.35, t.small, "lbl"));
  marks.push(...lines(`src-${key}-kind-lbl`, kindWords, lx, cy + t.small * 0.35 + name.length * t.small * LINE, t.small, "lbl lbl-note"));
  return marks;
}

/** The story's other voices, not about these three objects: a heading, then one voice each (across on the phone, down in the wide figure). */
function others(ctx: SceneContext, b: Box, wide: boolean): Mark[] {
  const t = typeOf(ctx);
  const rest = SOURCES.filter((s) => s.about === null);
  const W = b.x1 - b.x0;
  const heading = wrapWidth(ctx.t("others"), t.label, W, true);
  const marks: Mark[] = [...lines("others-lbl", heading, b.x0, b.y0 + t.label * 0.85, t.label, "lbl lbl-strong")];
  const colW = wide ? W : W / rest.length;
  // The voices under every line of the heading (in the narrow column beside the rows, `land`, it takes two).
  let y = b.y0 + t.label * 0.85 + heading.length * t.label * LINE + t.small * 0.6;
  rest.forEach((s, i) => {
    const x = wide ? b.x0 : b.x0 + i * colW;
    const inner = colW - t.small * 2.2;
    const name = wrapWidth(ctx.t(`sources.${s.key}`), t.small, inner);
    const kind = wrapWidth(ctx.t(`kinds.${s.kind}`), t.small, inner);
    marks.push(...voice(ctx, s.key, s.kind, x, y, name, kind));
    if (wide) y += (name.length + kind.length) * t.small * LINE + t.small * 0.8;
  });
  return marks;
}

/** A "not known" tag, its left edge at x, its top at y: a hatched swatch and the word, framed (as chapter 7's short-supply tags). */
function unknownTag(ctx: SceneContext, key: string, x0: number, y: number, word: string): Mark[] {
  const t = typeOf(ctx);
  const sw = t.small * 0.9;
  const pad = t.small * 0.35;
  const w = pad * 3 + sw + textWidth(word, t.small);
  const h = t.small * 1.5;
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

/**
 * Altman's two channels, both solid (both reported): a thin line to the public (rarely any details), a strong one to
 * the industry manager; and on a time arrow the end of the report's year, a dashed tick.
 */
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
      cls: "arc" as const,
      text: ctx.t("rarely"),
      prefer: phone ? (["below-right", "below"] as const) : (["above-left", "above"] as const),
      at: 0.5,
    },
    {
      key: "link-manager",
      to: [m.box.x0 - 4, mgr[1]] as [number, number],
      cls: "arc arc-strong" as const,
      text: ctx.t("privately"),
      prefer: phone ? (["above-right", "right"] as const) : (["below-right", "below"] as const),
      at: phone ? 0.6 : 0.5,
    },
  ];
  for (const c of channels) {
    marks.push(link(c.key, from, c.to, c.cls, 0));
    arcObstacles(from, c.to, 0, obstacles);
    labels.push(arcLabel(ctx, c.key, c.text, from, c.to, 0, [...c.prefer], { at: c.at, maxWidth: W * 0.6 }));
  }
  labels.push(
    nameLabel(ctx, "altman", ctx.t("altman"), [altman[0], a.box.y0], 0, ["above", "below"]),
    nameLabel(ctx, "public", ctx.t("public"), [p.box.x1, pub[1]], 0, ["right", "below"], W * 0.4),
    nameLabel(ctx, "manager", ctx.t("manager"), [m.box.x1, mgr[1]], 0, ["right", "below"], W * 0.4),
  );
  // Time as a plain arrow (a hairline, not a bar: nothing here is measured); on it one moment, the year's end:
  // a rust dashed tick (the announcement expected, planned), its year above it.
  const by = b.y0 + H * at.year;
  const end = b.x1 - Math.max(t.pad * 2, t.label * 2);
  const reach = t.small * 0.9;
  const tip = t.small * 0.45;
  marks.push({
    key: "year",
    tag: "line",
    attrs: { x1: r1(b.x0), y1: r1(by), x2: r1(b.x1), y2: r1(by), class: "tl" },
    enter: { opacity: 0 },
  });
  marks.push({
    key: "year-head",
    tag: "path",
    attrs: { d: `M${r1(b.x1 - tip)},${r1(by - tip)} L${r1(b.x1)},${r1(by)} L${r1(b.x1 - tip)},${r1(by + tip)}`, class: "tl", fill: "none" },
    enter: { opacity: 0 },
  });
  marks.push(...lines("year-lbl", [ctx.t("year")], end, by - reach - t.small * 0.4, t.label, "lbl lbl-strong", "middle"));
  marks.push({
    key: "year-end",
    tag: "path",
    attrs: { d: `M${r1(end)},${r1(by - reach)} V${r1(by + reach)}`, class: "arc arc-strong arc-dash" },
    enter: { opacity: 0 },
  });
  const band: Box = { x0: b.x0, y0: by - reach, x1: b.x1, y1: by + reach };
  obstacles.push(band);
  // Its name under the band, right-aligned on the marker, set by hand (nothing else lives down there).
  const say = wrapWidth(ctx.t("announce"), t.small, W * 0.8);
  const ly = band.y1 + t.small * 1.1;
  marks.push(...lines("announce-lbl", say, end, ly, t.small, "lbl lbl-link", "end"));
  return marks;
}
