// Composition for every scene: a type scale per layout, the caption strip (notes
// and sources in one band under the figure, never over it), the plot area above
// it, and direct labelling: each label beside its mark, on the first side where
// it hits no other label, no mark and no edge. Pure numbers, like the scenes.

import type { Layout } from "../story/config.ts";
import type { Attrs, ClassList, LineKeyWords, Mark, SceneContext, TextMark } from "../story/types.ts";
import { linkPoint, r1 } from "./shapes.ts";
import { textInk, textWidth, wrapWidth } from "./text.ts";

export interface TypeScale {
  /** Names beside marks. */
  label: number;
  /** Secondary words (link labels, values). */
  small: number;
  /** Notes set small inside a drawing. */
  note: number;
  /** The caption strip (the figure's note under the drawing). */
  caption: number;
  /** Headline numbers. */
  big: number;
  /** The smallest words a figure sets (a map's country names): at the size the layout is shown, 14 px on a desktop, 13 px on a phone. */
  least: number;
  /** Margin inside the figure. */
  pad: number;
}

/**
 * Sizes in user units, chosen so that each layout, at the size it is shown, reads at about 14–15 px
 * on a 390 × 844 phone (the square drawn at about 0.59), 19 px on a 1440 × 900 desktop (the column
 * at about 0.87); no text under 13 px on the phone, 14 px on the desktop (tests/e2e/labelsize.spec.ts).
 * The phone's square cannot take larger type: at `small` 24 the team's schedule and the company's
 * motives collide (tests/unit/scenes/composition.test.ts).
 */
const TYPE: Record<Layout, TypeScale> = {
  // The phone’s caption, notes and least words 22 (13.1 px at 390 × 844, the square drawn at 0.595; graphics review 44,
  // item 8: at 20.2–20.5, 12 px, the notes and the caption read as too small; review 34: at 19, 11 px). A scene with
  // room to spare is drawn larger still (src/render/zoom.ts).
  square: { label: 24, small: 22, note: 22, caption: 22, big: 36, least: 22, pad: 18 },
  column: { label: 22, small: 20, note: 16.5, caption: 16.5, big: 34, least: 16, pad: 24 },
  // Printed 174–180 mm wide (A4 and Letter text width): labels 9.2 pt and more, the rest 8.2 pt and more.
  print: { label: 18, small: 16, note: 16, caption: 16, big: 28, least: 12.8, pad: 4 },
  // A phone on its side: drawn about 480 px wide on 844 × 390 (0.75), 418 px on 740 × 360 (0.65): the
  // least words 12.75 px and 11 px there (tests/e2e/labelsize.spec.ts).
  land: { label: 20, small: 18, note: 17, caption: 17, big: 30, least: 17, pad: 8 },
};
export const typeOf = (ctx: Pick<SceneContext, "layout">): TypeScale => TYPE[ctx.layout];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export const LINE = 1.22;

const hasClass = (cls: string, names: RegExp): boolean => cls.split(/\s+/).some((c) => names.test(c));
/** Whether a text mark is set bold: the classes the figure styles give font-weight 700 (src/scenes/figure.css). */
export const isBold = (m: { attrs: { class?: string | undefined } }): boolean =>
  hasClass(String(m.attrs.class ?? ""), /^(?:lbl-strong|lbl-hero|val)$/);
/** Whether a text mark is set italic (.lbl-link, a link's label; .lbl-quote, a quotation). */
export const isItalic = (m: { attrs: { class?: string | undefined } }): boolean =>
  hasClass(String(m.attrs.class ?? ""), /^lbl-(?:link|quote)$/);

/**
 * The box a text mark covers as drawn (src/fonts/metrics.ts): from where its anchor sets it to the
 * right of its advance or its ink, whichever reaches further; its ink above and below the baseline.
 */
export function textBox(m: Pick<Mark, "attrs" | "text">): Box {
  const size = Number(m.attrs["font-size"]);
  const bold = isBold(m);
  const text = m.text ?? "";
  const w = textWidth(text, size, bold);
  const x = Number(m.attrs.x);
  const anchor = m.attrs["text-anchor"];
  const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
  const y = Number(m.attrs.y);
  const ink = textInk(text, size, bold, isItalic(m));
  return { x0, x1: x0 + Math.max(w, ink.right), y0: y - ink.top, y1: y + ink.bottom };
}

export const overlaps = (a: Box, b: Box, slack = 0): boolean =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > slack && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > slack;
export const inside = (a: Box, b: Box): boolean => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
/** The smallest box around all of `bs` (at least one). */
export const boxAround = (bs: readonly Box[]): Box => ({
  x0: Math.min(...bs.map((b) => b.x0)),
  y0: Math.min(...bs.map((b) => b.y0)),
  x1: Math.max(...bs.map((b) => b.x1)),
  y1: Math.max(...bs.map((b) => b.y1)),
});
export const grow = (b: Box, by: number): Box => ({ x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by });

/** Lines of text as keyed marks, the first baseline at `y`. */
export function lines(
  key: string,
  texts: string[],
  x: number,
  y: number,
  size: number,
  cls: ClassList,
  anchor: "start" | "middle" | "end" = "start",
): TextMark[] {
  return texts.map((text, i) => ({
    key: `${key}-${i}`,
    tag: "text",
    text,
    attrs: { x: r1(x), y: r1(y + i * size * LINE), "font-size": size, "text-anchor": anchor, class: cls },
  }));
}

/**
 * The caption strip: an opaque band at the foot of the figure holding its notes,
 * wrapped to the figure's width. Returns its marks and the y where it begins, so
 * the picture above can fill the rest. A note left empty in the labels is no
 * note: with none, there is no strip (what is schematic and what is to scale the
 * page says once, under its lead picture: content/page/<lang>.md).
 */
export function captionStrip(
  ctx: SceneContext,
  all: { key: string; text: string }[],
  /** Its type size (the page's lead picture, drawn smaller than the stage, sets its key larger). */
  size = typeOf(ctx).caption,
): { marks: Mark[]; top: number } {
  const t = { ...typeOf(ctx), caption: size };
  const wrap = (text: string) => wrapWidth(text, t.caption, ctx.width - 2 * t.pad);
  const room = all.map((n) => n.text).filter((text) => text.trim() !== "");
  // The drawn line-style key (ctx.lineKey), its rows at the strip's head: room kept in every step of the scene, so the
  // picture above keeps its place; drawn only where the step draws a status by line style (withLineKey).
  const key = ctx.lineKey ? keyRows(ctx.lineKey, t.caption, ctx.width - 2 * t.pad) : [];
  if (room.length === 0 && key.length === 0) return { marks: [], top: ctx.height };
  const count = room.reduce((n, text) => n + wrap(text).length, 0) + key.length;
  const height = count * t.caption * LINE + t.pad * 0.9;
  const top = ctx.height - height;
  const band: Mark = {
    key: "caption-band",
    tag: "rect",
    attrs: { x: 0, y: r1(top), width: ctx.width, height: r1(height), class: "caption-band" },
  };
  const marks: Mark[] = [
    band,
    { key: "caption-rule", tag: "line", attrs: { x1: t.pad, y1: r1(top), x2: ctx.width - t.pad, y2: r1(top), class: "caption-rule" } },
  ];
  let y = top + t.pad * 0.35 + t.caption;
  if (key.length > 0) {
    marks.push(keyMark(key, t.pad, y, t.caption));
    y += key.length * t.caption * LINE;
  }
  for (const n of all.filter((n) => n.text.trim() !== "")) {
    const w = wrap(n.text);
    marks.push(...lines(n.key, w, t.pad, y, t.caption, "note"));
    y += w.length * t.caption * LINE;
  }
  return { marks, top };
}

/** The drawn key's swatch: a short line this many type sizes long, and the gaps after it and after its word. */
const SWATCH = 1.8;
const SWATCH_GAP = 0.4;
const ITEM_GAP = 1.1;
/** The three line styles, drawn as the figures' lines are (figure.css .line-key: ink, so no colour's meaning is borrowed). */
const STYLES = [
  { style: "solid", cls: "line-key" },
  { style: "dashed", cls: "line-key line-key-dash" },
  { style: "dotted", cls: "line-key line-key-dot" },
] as const;
type KeyItem = { style: (typeof STYLES)[number]["style"]; cls: ClassList; word: string; x: number };

/** The key's items laid out in rows no wider than `max`: as many on a row as fit, in the order solid, dashed, dotted. */
function keyRows(words: LineKeyWords, size: number, max: number): KeyItem[][] {
  const rows: KeyItem[][] = [[]];
  let x = 0;
  for (const s of STYLES) {
    const w = size * (SWATCH + SWATCH_GAP) + textWidth(words[s.style], size);
    if (x > 0 && x + w > max) {
      rows.push([]);
      x = 0;
    }
    rows.at(-1)!.push({ style: s.style, cls: s.cls, word: words[s.style], x });
    x += w + size * ITEM_GAP;
  }
  return rows;
}

/** The drawn key: one group ("line-key"), each style's swatch and word on its row, the first baseline at `y`. */
function keyMark(rows: KeyItem[][], x0: number, y: number, size: number): Mark {
  const children: Mark[] = rows.flatMap((row, i) =>
    row.flatMap((it): Mark[] => {
      const base = y + i * size * LINE;
      const mid = base - size * 0.32;
      return [
        {
          key: `${LINE_KEY_MARK}-${it.style}`,
          tag: "line",
          attrs: { x1: r1(x0 + it.x), y1: r1(mid), x2: r1(x0 + it.x + size * SWATCH), y2: r1(mid), class: it.cls },
        },
        ...lines(`${LINE_KEY_MARK}-${it.style}-word`, [it.word], x0 + it.x + size * (SWATCH + SWATCH_GAP), base, size, "note"),
      ];
    }),
  );
  return { key: LINE_KEY_MARK, tag: "g", attrs: { class: "note" }, children };
}

/** A context whose caption strip keeps no room for the drawn key: for a figure that never draws a status by line style. */
export const withoutLineKey = (ctx: SceneContext): SceneContext => {
  const { lineKey: _drawn, ...plain } = ctx;
  return plain;
};

/** The drawn key's group mark's key. */
export const LINE_KEY_MARK = "line-legend";
/** (a compiled mark's key is scoped: "scene/key", "~…" after it) */
const hasKey = (m: Mark): boolean => m.key.replace(/^[^/]*\//, "").replace(/~.*$/, "") === LINE_KEY_MARK || (m.children ?? []).some(hasKey);
/** Whether marks, a scene's or compiled, hold the drawn line-style key. */
export const showsLineKey = (marks: readonly Mark[]): boolean => marks.some(hasKey);

/**
 * A step's marks with the drawn key where it draws a status by line style, and without it (its room kept, blank)
 * where it does not: every scene's drawing passes through this (src/scenes/index.ts).
 */
export function withLineKey(marks: Mark[]): Mark[] {
  if (drawsStatus(marks) || !showsLineKey(marks)) return marks;
  // (a strip left with no words loses its rule too: the band alone, blank, the room the stage's zoom keeps clear)
  const words = marks.some((m) => m.key !== LINE_KEY_MARK && isCaption(m) && m.tag === "text");
  const drop = (ms: Mark[]): Mark[] =>
    ms
      .filter((m) => m.key !== LINE_KEY_MARK && (words || m.key !== "caption-rule"))
      .map((m) => (m.children ? ({ ...m, children: drop(m.children) } as Mark) : m));
  return drop(marks);
}

/** The caption strip's classes (captionStrip above): the one rule for what belongs to a figure's caption rather than its picture. */
const CAPTION_CLASSES = new Set(["caption-band", "caption-rule", "note", "line-key"]);
export const isCaption = (m: Pick<Mark, "attrs">): boolean =>
  String(m.attrs.class ?? "")
    .split(/\s+/)
    .some((c) => CAPTION_CLASSES.has(c));

/**
 * The classes that draw a status by line style, the piece's one key (solid reported, dashed planned or unsettled,
 * dotted inferred or not known): chip.css, figure.css, team.css, world.css; the phone's heavier dashes and dots
 * (figure.css) style each of them.
 */
export const STATUS_CLASSES: ReadonlySet<string> = new Set([
  ...["arc-dash", "arc-dashed", "arc-plan", "arc-broken", "sub-plan", "die-plan", "stack-plan", "rack-plan"],
  ...["fab-new", "box-schematic", "tl-span", "arc-dot", "arc-unknown", "sub-unknown", "die-unknown", "stack-unknown"],
  "tl-undated",
]);
/** Whether marks draw a status by line style: a shown mark (nested ones too) of a status class, or dashed on itself; the drawn key not counted. */
export const drawsStatus = (marks: readonly Mark[]): boolean =>
  marks.some(
    (m) =>
      m.key !== LINE_KEY_MARK &&
      ((Number(m.attrs.opacity ?? 1) > 0 &&
        (m.attrs["stroke-dasharray"] !== undefined ||
          String(m.attrs.class ?? "")
            .split(/\s+/)
            .some((c) => STATUS_CLASSES.has(c)))) ||
        drawsStatus(m.children ?? [])),
  );

export type Side = "right" | "left" | "above" | "below" | "above-right" | "below-right" | "above-left" | "below-left";
const SIDES: Side[] = ["right", "left", "above", "below", "above-right", "below-right", "above-left", "below-left"];

export interface PointLabel {
  key: string;
  text: string;
  /** The mark it names: its centre and radius. */
  x: number;
  y: number;
  r: number;
  size: number;
  cls: ClassList;
  /** Sides to try first, in order; the rest follow. */
  prefer?: Side[];
  maxWidth?: number;
}

/**
 * Direct labels: each label takes the first side of its mark where its box stays
 * inside `bounds` and touches no label placed before, no obstacle (marks,
 * lines' boxes) and no other mark. Deterministic; labels are placed in order.
 */
export function placeLabels(items: PointLabel[], obstacles: Box[], bounds: Box): { marks: Mark[]; boxes: Box[] } {
  // What a candidate may hit, by how bad it is: another label, a mark, a line (sampled), the edge.
  const taken: { box: Box; weight: number }[] = obstacles.map((box) => ({
    box,
    weight: box.x1 - box.x0 <= 8 && box.y1 - box.y0 <= 8 ? 20 : 50,
  }));
  const marks: Mark[] = [];
  const boxes: Box[] = [];
  const own = (it: PointLabel): Box => ({ x0: it.x - it.r, y0: it.y - it.r, x1: it.x + it.r, y1: it.y + it.r });
  // The longest labels have the fewest places to go: they choose first. Marks keep the given order.
  const placed = new Map<PointLabel, { marks: Mark[]; box: Box }>();
  const styleOf = (it: PointLabel) => ({ attrs: { class: it.cls } });
  const widthOf = (it: PointLabel) => textWidth(it.text, it.size, isBold(styleOf(it)));
  const byLength = [...items].sort((a, b) => widthOf(b) - widthOf(a));
  for (const it of byLength) {
    const [bold, italic] = [isBold(styleOf(it)), isItalic(styleOf(it))];
    const text = wrapWidth(it.text, it.size, it.maxWidth ?? (bounds.x1 - bounds.x0) * 0.42, bold);
    const w = Math.max(...text.map((l) => textWidth(l, it.size, bold)));
    // The block as drawn: its widest ink (a slanted line may lean past its advance), above its first line, below its last.
    const ink = {
      right: Math.max(...text.map((l) => textInk(l, it.size, bold, italic).right)),
      top: textInk(text[0]!, it.size, bold).top,
      bottom: textInk(text.at(-1)!, it.size, bold).bottom,
    };
    const h = (text.length - 1) * it.size * LINE;
    const gap = it.size * 0.35 + it.r;
    const order = [...(it.prefer ?? []), ...SIDES.filter((s) => !(it.prefer ?? []).includes(s))];
    let best: { marks: Mark[]; box: Box; cost: number } | null = null;
    for (const side of order) {
      const [dx, dy] = [
        side.includes("right") ? 1 : side.includes("left") ? -1 : 0,
        side.includes("above") ? -1 : side.includes("below") ? 1 : 0,
      ];
      const anchor = dx > 0 ? "start" : dx < 0 ? "end" : "middle";
      // Centred above or below, but slid sideways (never off its mark) to stay inside the bounds.
      const slide = (cx: number) => Math.min(Math.max(cx, bounds.x0 + w / 2), bounds.x1 - w / 2);
      const x = dx === 0 ? (Math.abs(slide(it.x) - it.x) < w / 2 - it.r ? slide(it.x) : it.x) : it.x + dx * (dy === 0 ? gap : gap * 0.8);
      // First baseline: beside the mark the block is centred on it; above it ends there, below it starts there.
      const y =
        dy === 0
          ? it.y - h / 2 + it.size * 0.35
          : dy < 0
            ? it.y - (dx === 0 ? gap : gap * 0.8) - h - it.size * 0.2
            : it.y + (dx === 0 ? gap : gap * 0.8) + it.size * 0.75;
      const m = lines(it.key, text, x, y, it.size, it.cls, anchor);
      const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
      const box: Box = { x0, x1: x0 + Math.max(w, ink.right), y0: y - ink.top, y1: y + h + ink.bottom };
      const hits = taken.reduce((n, t) => n + (overlaps(grow(box, 2), t.box) ? t.weight : 0), 0) + (inside(box, bounds) ? 0 : 1000);
      const cost = hits + order.indexOf(side) * 0.01;
      if (process.env.DBG_LABELS) console.log(it.key, side, hits, JSON.stringify(box));
      if (!best || cost < best.cost) best = { marks: m, box, cost };
      if (hits === 0) break;
    }
    placed.set(it, best!);
    taken.push({ box: best!.box, weight: 100 }, { box: own(it), weight: 50 });
  }
  for (const it of items) {
    marks.push(...placed.get(it)!.marks);
    boxes.push(placed.get(it)!.box);
  }
  return { marks, boxes };
}

type Point = [number, number];

/** Points along a link (see shapes.ts `link`) as small obstacles, so no label is set on the line. */
export function arcObstacles(from: Point, to: Point, bend: number, obstacles: Box[], steps = 24): void {
  for (let i = 1; i < steps; i++) {
    const [x, y] = linkPoint(from, to, bend, i / steps);
    obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
  }
}

/** A link's label (small, italic, in the link colour) at a point along it, `at` from 0 to 1. */
export function arcLabel(
  ctx: Pick<SceneContext, "layout">,
  key: string,
  text: string,
  from: Point,
  to: Point,
  bend: number,
  prefer: Side[],
  o: { at?: number; maxWidth?: number } = {},
): PointLabel {
  const t = typeOf(ctx);
  const [x, y] = linkPoint(from, to, bend, o.at ?? 0.5);
  return {
    key: `${key}-lbl`,
    text,
    x,
    y,
    r: t.small * 0.3,
    size: t.small,
    cls: "lbl lbl-link",
    prefer,
    ...(o.maxWidth ? { maxWidth: o.maxWidth } : {}),
  };
}

/** A name set beside its dot (bold label type). */
export function nameLabel(
  ctx: Pick<SceneContext, "layout">,
  key: string,
  text: string,
  at: Point,
  r: number,
  prefer: Side[],
  maxWidth?: number,
): PointLabel {
  const t = typeOf(ctx);
  return {
    key: `${key}-lbl`,
    text,
    x: at[0],
    y: at[1],
    r,
    size: t.label,
    cls: "lbl lbl-strong",
    prefer,
    ...(maxWidth ? { maxWidth } : {}),
  };
}

/**
 * The plot area above the tallest of a scene's captions (each a note's text), so the picture
 * keeps its place from step to step whatever the step's caption; and whether it is wide.
 */
export function steadyPlot(ctx: SceneContext, notes: string[]): { plot: Box; wide: boolean } {
  const t = typeOf(ctx);
  const top = Math.min(...notes.map((text) => captionStrip(ctx, [{ key: "note", text }]).top));
  const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: top - t.pad * 0.5 };
  return { plot, wide: plot.x1 - plot.x0 > (plot.y1 - plot.y0) * 1.4 };
}
