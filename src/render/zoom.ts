// The phone's stage drawing composed for the room it has (graphics review 38, item 1; the same for the
// phone on its side, `land`, graphics review 41, item 7: ZOOMS): a
// scene whose pictures leave part of the square layout's height empty (a timeline, a table:
// they span the width and end halfway down) is composed in a smaller box of the square's
// shape, with the same type sizes in its units, and drawn back at the square's size. Its
// words and marks thus come out larger and its picture reaches down to its caption, instead
// of a dead band between them (on a 390 × 844 phone about 130 px, above the card). Each step
// as large as it fits (never drawing a shape smaller), but never larger than the step before in its run of one scene when it keeps marks of it: the
// picture draws back as a chapter adds to it, and never swells and shrinks by turns. Pure numbers.

import type { Attrs, Layout, Mark, SceneContext } from "../story/types.ts";
import { isCaption, overlaps, textBox, typeOf } from "../scenes/figure.ts";
import { marksExtent } from "../scenes/extent.ts";
import { mapCoords, movable, movePath } from "./crop.ts";
import { readPath } from "../scenes/pathData.ts";

/** The layout of the phone's stage, held upright: the one composed for its room. */
export const PHONE_LAYOUT: Layout = "square";
/** The largest zoom: the square composed in 480 × 640 units (its labels about 18 px on a phone, its least words 15 px). */
export const MAX_ZOOM = 1.25;
/**
 * The desktop's largest zoom: 1.05 (1.15 until graphics review 46, item 10: its labels came out at 24 px at 1440 × 900
 * and 29 px at 1920 × 1080 beside 19 px prose). The desktop's labels (22 units) stay within 1.1 times the prose's
 * size and its least words (16 units) at 14 px and more (tests/e2e/labelsize.spec.ts), on one stage's scale for
 * every chapter: at 19 px prose the scale times the zoom lies between 14 / 16 and 20.9 / 22, so the zooms may span
 * 0.95 / 0.875, about 1.09 at most. The stage's size (src/styles/global.css, --stage-cap) is set for the largest.
 */
export const COLUMN_ZOOM = 1.05;
/**
 * The layouts composed for their room, each with its largest zoom: the upright phone's, and the short screen's
 * (`land`, a phone on its side; graphics review 41, item 7: drawn for the whole 640 × 480, a figure that ends
 * halfway down left the stage's lower half empty beside the card). `land` at most 1.4: composed in about
 * 457 × 343 units, its least words about 18 px on an 844 × 390 screen (12.7 px at 1), about the prose's size.
 */
export const ZOOMS: Partial<Record<Layout, number>> = { [PHONE_LAYOUT]: MAX_ZOOM, land: 1.4, column: COLUMN_ZOOM };
/**
 * The desktop's stage (`column`; graphics review 42, item 5: at 1920 × 1080 a chapter such as the hunt drew a band
 * across the middle of the stage, its lower and upper thirds empty) is composed for its room too, but each run of
 * one scene at one zoom, the smallest its steps fit at: no mark moves between the steps of a chapter, and the run
 * stays centred as one. At most COLUMN_ZOOM.
 */
export const ONE_ZOOM_PER_RUN: ReadonlySet<Layout> = new Set<Layout>(["column"]);
/** Zooms tried, largest first, down to 1 (the square as it is). */
const STEP = 0.05;

const num = (v: unknown): number => Number(v ?? 0);
const round = (v: number): number => Math.round(v * 100) / 100;

/** Path data scaled by `k` about the origin: every number but an arc's rotation and flags. */
export function scalePath(d: string, k: number): string {
  return d.replace(/([A-Za-z])([^A-Za-z]*)/g, (_whole, letter: string, args: string) => {
    const nums = args.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
    if (!nums.length) return letter;
    const arc = letter.toUpperCase() === "A";
    return `${letter}${nums.map((n, i) => (arc && [2, 3, 4].includes(i % 7) ? n : round(n * k))).join(" ")}`;
  });
}

const LENGTHS = ["x", "y", "width", "height", "rx", "x1", "y1", "x2", "y2", "cx", "cy", "r", "font-size"] as const;

function scaleAttrs<A extends Attrs>(a: A, k: number): A {
  const out: Attrs = { ...a };
  for (const key of LENGTHS) if (out[key] !== undefined) out[key] = round(num(out[key]) * k);
  if (typeof out.d === "string") out.d = scalePath(out.d, k);
  return out as A;
}

/** Marks scaled by `k` about the origin, their entering and leaving attributes with them. */
export const scaleMarks = (marks: Mark[], k: number): Mark[] => (k === 1 ? marks : mapCoords(marks, (a) => scaleAttrs(a, k), "scaleMarks"));

/** A context of the same layout in a box `zoom` times smaller (the same type sizes in its units). */
export const zoomed = (ctx: SceneContext, zoom: number): SceneContext =>
  zoom === 1 ? ctx : { ...ctx, width: round(ctx.width / zoom), height: round(ctx.height / zoom) };

/** The room a figure's picture has: from its pad to half a pad above its highest caption strip. */
function room(states: Mark[][], ctx: SceneContext): { y0: number; y1: number } {
  const pad = typeOf(ctx).pad;
  const bands = states
    .flat()
    .filter((m) => m.tag === "rect" && isCaption(m))
    .map((m) => num(m.attrs.y));
  return { y0: 0, y1: Math.min(ctx.height, ...bands) - pad * 0.5 };
}

/** Whether every state's picture stands inside the box and above its caption, every word inside the box's width and clear of every other. */
function fits(states: Mark[][], ctx: SceneContext): boolean {
  const r = room(states, ctx);
  for (const marks of states) {
    const picture = marks.filter((m) => !isCaption(m));
    const b = marksExtent(picture, { y0: 0, y1: ctx.height });
    if (b && (b.y0 < r.y0 || b.y1 > r.y1)) return false;
    // words inside the width, none on other words (a composition for more room may not survive less)
    const boxes = marks.filter((m) => m.tag === "text").map(textBox);
    if (boxes.some((t) => t.x0 < 0 || t.x1 > ctx.width)) return false;
    if (boxes.some((a, i) => boxes.some((b, j) => j > i && overlaps(a, b)))) return false;
    // nor on a line or a curve (sampled): where a smaller box brings them together, the zoom is not taken
    const pts = marks.filter((m) => !isCaption(m)).flatMap(linePoints);
    if (boxes.some((b) => pts.some(([x, y]) => x > b.x0 + 1 && x < b.x1 - 1 && y > b.y0 + 1 && y < b.y1 - 1))) return false;
  }
  return true;
}

/** Points along a line or a path's straight and quadratic pieces (the scenes' links and leaders). */
function linePoints(m: Mark): [number, number][] {
  const a = m.attrs as Record<string, unknown>;
  const along = (p: [number, number], q: [number, number], c?: [number, number]): [number, number][] =>
    Array.from({ length: 19 }, (_, i) => {
      const t = (i + 1) / 20;
      const u = 1 - t;
      return c
        ? [u * u * p[0] + 2 * u * t * c[0] + t * t * q[0], u * u * p[1] + 2 * u * t * c[1] + t * t * q[1]]
        : [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
    });
  if (m.tag === "line") return along([num(a.x1), num(a.y1)], [num(a.x2), num(a.y2)]);
  if (m.tag !== "path" || typeof a.d !== "string") return [];
  const out: [number, number][] = [];
  let at: [number, number] = [0, 0];
  for (const c of readPath(a.d)) {
    const p = c.points as [number, number][];
    if (c.cmd === "L") out.push(...along(at, p[0]!));
    if (c.cmd === "Q") out.push(...along(at, p[1]!, p[0]!));
    if (p.length) at = p.at(-1)!;
  }
  return out;
}

/**
 * A state's own zoom on the phone's stage: as much as its picture's height leaves room for above its caption, at
 * most MAX_ZOOM, and only where the state composed in the smaller box still fits it (its picture above its
 * caption, its words inside). 1 for a state that fills its height already, or whose marks cannot be scaled (the map).
 */
export function stateZoom(compose: (ctx: SceneContext) => Mark[], ctx: SceneContext, max = MAX_ZOOM): number {
  const plain = compose(ctx);
  if (!plain.every(movable)) return 1;
  const b = marksExtent(
    plain.filter((m) => !isCaption(m)),
    { y0: 0, y1: ctx.height },
  );
  const r = room([plain], ctx);
  if (!b || b.y1 <= b.y0) return 1;
  const wanted = Math.min(max, (r.y1 - typeOf(ctx).pad) / (b.y1 - b.y0));
  return fitting(compose, ctx, wanted);
}

/** The largest zoom of the steps (0.05 apart) from `from` down to 1 at which a state composed in the smaller box fits it. */
export function fitting(compose: (ctx: SceneContext) => Mark[], ctx: SceneContext, from: number): number {
  const base = compose(ctx);
  const plain = sizes(base, 1);
  const covered = new Set(onShapes(base));
  const sides = anchors(base);
  for (let z = Math.floor(from / STEP + 1e-9) * STEP; z > 1 + 1e-9; z -= STEP) {
    const zoom = Math.round(z * 100) / 100;
    const marks = compose(zoomed(ctx, zoom));
    // no word on a shape it was clear of at the square's own size
    if (onShapes(marks).some((pair) => !covered.has(pair))) continue;
    // nor a word set to another side of its mark (a name that moves above its dot where a narrower box leaves it
    // no room beside it: graphics review 41, the customers' Microsoft in the short screen's drawing)
    if ([...anchors(marks)].some(([key, a]) => sides.has(key) && sides.get(key) !== a)) continue;
    // larger, never smaller: no shape drawn smaller than at the square's own size (a composition that gives its words
    // the room shrinks its pictures: review of this change, the open chip of chapter 9 at a third of its size)
    const shrunk = [...sizes(marks, zoom)].some(([key, w]) => w < (plain.get(key) ?? 0) * 0.98);
    if (!shrunk && fits([marks], zoomed(ctx, zoom))) return zoom;
  }
  return 1;
}

/** Each word's key with the key of each shape (rect) it stands on, "word|shape". */
function onShapes(marks: Mark[]): string[] {
  const rects = marks.filter((m) => m.tag === "rect" && !isCaption(m));
  return marks
    .filter((m) => m.tag === "text" && !isCaption(m))
    .flatMap((t) => {
      const b = textBox(t);
      return rects
        .filter((r) =>
          overlaps(
            b,
            { x0: num(r.attrs.x), y0: num(r.attrs.y), x1: num(r.attrs.x) + num(r.attrs.width), y1: num(r.attrs.y) + num(r.attrs.height) },
            1,
          ),
        )
        .map((r) => `${t.key}|${r.key}`);
    });
}

/** Each word's key with its anchor ("start", "middle", "end"): the side of its mark it stands on. */
const anchors = (marks: Mark[]): Map<string, string> =>
  new Map(marks.filter((m) => m.tag === "text" && !isCaption(m)).map((m) => [m.key, String(m.attrs["text-anchor"] ?? "start")]));

/** The width of each keyed shape (rect), as drawn at `zoom`. */
const sizes = (marks: Mark[], zoom: number): Map<string, number> =>
  new Map(marks.filter((m) => m.tag === "rect" && !isCaption(m)).map((m) => [m.key, num(m.attrs.width) * zoom]));

/**
 * The zooms of a run of steps of one scene, in reading order: each step's own zoom, but never more than the step
 * before's, so the picture only ever draws back as a chapter adds to it (a timeline that makes room for a chip
 * under it), never swells and shrinks by turns; the first step of a run, and a step that keeps no mark of the one
 * before (a new picture), as large as it fits.
 */
export function runZooms(steps: number, compose: (step: number, ctx: SceneContext) => Mark[], ctx: SceneContext, max = MAX_ZOOM): number[] {
  const out: number[] = [];
  let last = max;
  let before = new Set<string>();
  for (let i = 0; i < steps; i++) {
    // a step that keeps nothing of the picture before it (a table after a diagram) starts afresh
    const keys = new Set(
      compose(i, ctx)
        .filter((m) => !isCaption(m))
        .map((m) => m.key),
    );
    if (![...keys].some((k) => before.has(k))) last = max;
    before = keys;
    const own = stateZoom((c) => compose(i, c), ctx, max);
    // (at most its own zoom, which fits; a smaller one is checked again)
    last = own <= last ? own : fitting((c) => compose(i, c), ctx, last);
    out.push(last);
  }
  return out;
}

/**
 * One zoom for a whole run of steps of one scene (ONE_ZOOM_PER_RUN): the largest, to `max`, at which every step
 * fits (fitting), found by lowering it until no step asks for less. Nothing moves between the run's steps.
 */
export function oneZoom(steps: number, compose: (step: number, ctx: SceneContext) => Mark[], ctx: SceneContext, max = MAX_ZOOM): number[] {
  let z = Math.min(max, ...Array.from({ length: steps }, (_, i) => stateZoom((c) => compose(i, c), ctx, max)));
  for (let changed = true; changed && z > 1;) {
    changed = false;
    for (let i = 0; i < steps; i++) {
      const f = fitting((c) => compose(i, c), ctx, z);
      if (f < z) [z, changed] = [f, true];
    }
  }
  return Array.from({ length: steps }, () => z);
}

/**
 * The short screen's stage (`land`, a phone on its side; graphics review 46, item 10, its landscape score 6): many
 * pictures stood small in the middle of the stage, an empty band round them, their words about 13 px. Each step of a
 * run of one scene, as composed (zoomed and centred), is drawn larger as it stands, as far as what it draws fits the
 * room (the frame less its pad, above the highest caption strip), its words at most `most` times the layout's sizes
 * (ZOOMS.land: the zoom and this together). As the zoom (runZooms), never larger than the step before when it keeps
 * marks of it, so a picture only draws back as a chapter adds to it; steps drawn at one factor share one placing
 * (from what they draw together), so nothing moves between them. Magnified as it is, not composed again: words keep
 * their places beside their marks, none on another; the caption strip stays at the foot at its size. A run that
 * cannot be moved by its coordinates (the map) or fills its room already keeps its size.
 */
export const FILL_LAYOUTS: ReadonlySet<Layout> = new Set<Layout>(["land"]);
export function fillRoom(states: Mark[][], width: number, height: number, pad: number, zooms: number[], most: number): Mark[][] {
  const pictures = states.map((marks) => marks.filter((m) => !isCaption(m)));
  if (!pictures.flat().length || !pictures.flat().every(movable)) return states;
  const bands = states
    .flat()
    .filter((m) => m.tag === "rect" && isCaption(m))
    .map((m) => num(m.attrs.y));
  const room = { x0: pad, x1: width - pad, y0: pad, y1: Math.min(height, ...bands) - pad };
  const box = (marks: Mark[]) => {
    const y = marksExtent(marks, { y0: 0, y1: height });
    const x = xExtent(marks);
    return y && x && y.y1 > y.y0 && x.x1 > x.x0 ? { ...x, ...y } : null;
  };
  const fit = (marks: Mark[], i: number): number => {
    const b = box(marks);
    if (!b) return 1;
    const k = Math.min((room.x1 - room.x0) / (b.x1 - b.x0), (room.y1 - room.y0) / (b.y1 - b.y0), most / (zooms[i] ?? 1));
    return Math.max(1, Math.floor(k / STEP + 1e-9) * STEP);
  };
  const keeps = (i: number): boolean => i > 0 && pictures[i]!.some((m) => pictures[i - 1]!.some((p) => p.key === m.key));
  // each step's factor: its own, never more than the step before's when it keeps marks of it
  const factor: number[] = [];
  pictures.forEach((p, i) => factor.push(keeps(i) ? Math.min(fit(p, i), factor[i - 1]!) : fit(p, i)));
  // stretches at one factor and one zoom share one placing; where what they draw together needs less, all of them less
  const out = states.slice();
  for (let i = 0; i < states.length;) {
    let j = i + 1;
    while (j < states.length && keeps(j) && factor[j] === factor[i] && zooms[j] === zooms[i]) j++;
    const together = pictures.slice(i, j).flat();
    const f = Math.min(factor[i]!, fit(together, i), i > 0 && keeps(i) ? (factor[i - 1] ?? Infinity) : Infinity);
    for (let n = i; n < j; n++) factor[n] = f;
    const b = box(together);
    if (b && f > 1 + 1e-9) {
      // about the picture's centre, kept where it stood as far as the room lets it
      const at = (c: number, half: number, lo: number, hi: number): number => Math.min(hi - half, Math.max(lo + half, c));
      const cx = (b.x0 + b.x1) / 2;
      const cy = (b.y0 + b.y1) / 2;
      const dx = round(at(cx, ((b.x1 - b.x0) * f) / 2, room.x0, room.x1) - cx * f);
      const dy = round(at(cy, ((b.y1 - b.y0) * f) / 2, room.y0, room.y1) - cy * f);
      for (let n = i; n < j; n++)
        out[n] = states[n]!.map((m) => (isCaption(m) ? m : mapCoords([m], (a) => placeAttrs(a, f, dx, dy), "fillRoom")[0]!));
    }
    i = j;
  }
  return out;
}

/** The horizontal extent of marks (paths by their points, control points included: never less than they draw). */
function xExtent(marks: Mark[]): { x0: number; x1: number } | null {
  const xs: number[] = [];
  const add = (m: Mark): void => {
    const a = m.attrs as Record<string, unknown>;
    if (Number(a.opacity ?? 1) === 0) return;
    if (m.tag === "rect") xs.push(num(a.x), num(a.x) + num(a.width));
    else if (m.tag === "circle") xs.push(num(a.cx) - num(a.r), num(a.cx) + num(a.r));
    else if (m.tag === "line") xs.push(num(a.x1), num(a.x2));
    else if (m.tag === "text") {
      const b = textBox(m);
      xs.push(b.x0, b.x1);
    } else if (m.tag === "path" && typeof a.d === "string") for (const c of readPath(a.d)) xs.push(...c.points.map((p) => p[0]));
    for (const c of m.children ?? []) add(c);
  };
  marks.forEach(add);
  return xs.length ? { x0: Math.min(...xs), x1: Math.max(...xs) } : null;
}

const XS = ["x", "x1", "x2", "cx"] as const;
const YS = ["y", "y1", "y2", "cy"] as const;

/** Attributes scaled by `k` about the origin and moved by (dx, dy). */
function placeAttrs<A extends Attrs>(a: A, k: number, dx: number, dy: number): A {
  const out: Attrs = scaleAttrs(a, k);
  if (typeof out.d === "string") out.d = movePath(out.d, dx, dy);
  for (const key of XS) if (out[key] !== undefined) out[key] = round(num(out[key]) + dx);
  for (const key of YS) if (out[key] !== undefined) out[key] = round(num(out[key]) + dy);
  return out as A;
}
