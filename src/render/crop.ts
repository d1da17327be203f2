// The print figure's crop: the band of the layout's height that its marks
// cover (src/scenes/extent.ts), so a state that shows little takes little room
// on paper. Only the height is cropped: every printed figure keeps the text column's width,
// so type is the same size in all of them.

import type { Attrs, Mark } from "../story/types.ts";
import { isCaption } from "../scenes/figure.ts";
import { marksExtent, type Band } from "../scenes/extent.ts";

export type { Band };

const num = (v: string | number | undefined): number => Number(v ?? 0);

/**
 * The band of a figure `height` high that its marks cover, with `pad` around
 * it, clamped to the frame. A mark whose extent cannot be estimated keeps the
 * whole frame.
 */
export function cropBand(marks: Mark[], height: number, pad: number): Band {
  const frame = { y0: 0, y1: height };
  const b = marksExtent(marks, frame);
  if (!b) return frame;
  const y0 = Math.max(0, Math.floor(b.y0 - pad));
  const y1 = Math.min(height, Math.ceil(b.y1 + pad));
  return { y0, y1 };
}

/** A caption mark moved down by `dy` (negative: up). */
function shifted(m: Mark, dy: number): Mark {
  const a: Attrs = { ...m.attrs };
  for (const k of ["y", "y1", "y2", "cy"] as const) if (a[k] !== undefined) a[k] = Math.round((num(a[k]) + dy) * 10) / 10;
  // The same kind with its vertical coordinates moved: no attribute added or removed.
  return { ...m, attrs: a } as Mark;
}

/**
 * A figure for paper: the caption strip (notes and sources) moved up to sit
 * `gap` under the picture, and the band from the picture's top to the
 * caption's foot. A state that shows little thus takes little room.
 */
export function printCrop(marks: Mark[], height: number, pad: number, gap = pad): { marks: Mark[]; band: Band } {
  const picture = marks.filter((m) => !isCaption(m));
  const caption = marks.filter(isCaption);
  const content = cropBand(picture, height, pad);
  const band = caption.find((m) => m.tag === "rect");
  if (!band || !picture.length) return { marks, band: cropBand(marks, height, pad) };
  const top = num(band.attrs.y);
  const dy = Math.min(0, content.y1 + gap - pad - top);
  const moved = dy ? marks.map((m) => (isCaption(m) ? shifted(m, dy) : m)) : marks;
  const bottom = Math.min(height, top + num(band.attrs.height) + dy);
  return { marks: moved, band: { y0: content.y0, y1: Math.ceil(bottom) } };
}

/** A number moved by `dy`, written as short as it was (at most three decimals). */
const moved = (v: number, dy: number): number => Math.round((v + dy) * 1000) / 1000;

/** How many numbers one use of each path command takes, and which of them are x and y coordinates. */
const PATH_AXES: Record<string, { arity: number; xs: number[]; ys: number[] }> = {
  M: { arity: 2, xs: [0], ys: [1] },
  L: { arity: 2, xs: [0], ys: [1] },
  T: { arity: 2, xs: [0], ys: [1] },
  H: { arity: 1, xs: [0], ys: [] },
  V: { arity: 1, xs: [], ys: [0] },
  Q: { arity: 4, xs: [0, 2], ys: [1, 3] },
  S: { arity: 4, xs: [0, 2], ys: [1, 3] },
  C: { arity: 6, xs: [0, 2, 4], ys: [1, 3, 5] },
  A: { arity: 7, xs: [5], ys: [6] },
  Z: { arity: 0, xs: [], ys: [] },
};

/**
 * Path data moved right by `dx` and down by `dy`: every absolute command's coordinates, and the first pair of
 * a path that opens with a relative move (which SVG reads as absolute); relative commands after it move with
 * their start.
 */
export function movePath(d: string, dx: number, dy: number): string {
  let first = true;
  return d.replace(/([A-Za-z])([^A-Za-z]*)/g, (whole, letter: string, args: string) => {
    const upper = letter.toUpperCase();
    const spec = PATH_AXES[upper];
    if (!spec) throw new Error(`movePath: "${letter}" is not a path command`);
    const rel = letter !== upper;
    const opening = first && upper === "M";
    first = false;
    if (spec.arity === 0 || (rel && !opening)) return whole;
    const nums = args.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
    if (nums.length === 0 || nums.length % spec.arity !== 0)
      throw new Error(`movePath: "${whole}" does not hold ${spec.arity} numbers per use`);
    const out = nums.map((n, i) => {
      const [isX, isY] = rel ? [i === 0, i === 1] : [spec.xs.includes(i % spec.arity), spec.ys.includes(i % spec.arity)];
      return isX && dx ? moved(n, dx) : isY && dy ? moved(n, dy) : n;
    });
    return `${letter}${out.join(" ")}`;
  });
}

/** Path data moved down by `dy` (movePath). */
export const shiftPath = (d: string, dy: number): string => movePath(d, 0, dy);

/** Attributes moved down by `dy`: the vertical coordinates each kind of mark has. */
function shiftAttrs<A extends Attrs>(a: A, dy: number): A {
  const out: Attrs = { ...a };
  for (const k of ["y", "y1", "y2", "cy"] as const) if (out[k] !== undefined) out[k] = moved(num(out[k]), dy);
  if (typeof out.d === "string") out.d = shiftPath(out.d, dy);
  return out as A;
}

/** Whether a mark can be moved by its coordinates: a shared shape (`<use>`) or a transformed group (the map's zoom) cannot. */
export const movable = (m: Mark): boolean => m.tag !== "use" && !(m.tag === "g" && m.attrs.transform) && (m.children ?? []).every(movable);

/** Marks with their coordinates rewritten by `f` (`what` names the rewrite in the error for a mark that cannot be), their entering and leaving attributes and their children with them. */
export function mapCoords(marks: Mark[], f: <A extends Attrs>(a: A) => A, what: string): Mark[] {
  return marks.map((m) => {
    if (!movable(m)) throw new Error(`${what}: mark "${m.key}" (${m.tag}) cannot be moved by its coordinates`);
    const out = { ...m, attrs: f(m.attrs) } as Mark;
    if (m.enter) out.enter = f(m.enter as Attrs) as never;
    if (m.exit) out.exit = f(m.exit as Attrs) as never;
    if (m.children) (out as { children: Mark[] }).children = mapCoords(m.children, f, what);
    return out;
  });
}

/** Marks moved down by `dy` (negative: up), their entering and leaving attributes with them. */
export const shiftMarks = (marks: Mark[], dy: number): Mark[] => (dy ? mapCoords(marks, (a) => shiftAttrs(a, dy), "shiftMarks") : marks);

/** A figure's picture moved down by `dy`, its caption strip left at the foot. */
export const shiftPicture = (marks: Mark[], dy: number): Mark[] =>
  dy ? marks.map((m) => (isCaption(m) ? m : shiftMarks([m], dy)[0]!)) : marks;

/**
 * How far to move a chapter's picture so that it stands centred in the room above its caption
 * (issue 18: figures drawn from the top left the lower half of the stage empty). One shift for
 * all the chapter's states, from the union of what they draw, so no mark moves between its steps
 * and a chapter that builds up is balanced over all of them. The room is the frame less `pad`
 * at the top and above the highest caption strip. A chapter whose picture cannot be moved (a map,
 * a shared shape), or fills the room already, keeps its place: 0.
 */
export function centringShift(states: Mark[][], height: number, pad: number): number {
  const all = states.flat();
  const picture = all.filter((m) => !isCaption(m));
  if (!picture.length || !picture.every(movable)) return 0;
  const frame = { y0: 0, y1: height };
  const b = marksExtent(picture, frame);
  if (!b) return 0;
  const bands = all.filter((m) => m.tag === "rect" && isCaption(m)).map((m) => num(m.attrs.y));
  const room = { y0: pad, y1: Math.min(height, ...bands) - pad };
  if (b.y1 - b.y0 >= room.y1 - room.y0) return 0;
  return Math.round((room.y0 + room.y1) / 2 - (b.y0 + b.y1) / 2);
}
