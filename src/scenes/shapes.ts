// Small mark builders shared by scenes: dots and curved links (labels: figure.ts and text.ts).
// They only compute numbers and strings; words come in from the caller.

import type { ClassList, Mark, PathMark, RectAttrs, RectMark } from "../story/types.ts";

export const r1 = (v: number): number => Math.round(v * 10) / 10;

/** A mark that steps back (context for what a step is about): the same shape in its own hue, only fainter. */
export const withOpacity = (m: Mark, opacity: number): Mark => ({ ...m, attrs: { ...m.attrs, opacity } }) as Mark;

/** A label that steps back turns the muted grey (a colour, not opacity, so it keeps its contrast); a strong one stays strong. */
export const mutedClass = (cls: string): ClassList => (cls.includes("lbl-strong") ? "lbl lbl-strong lbl-muted" : "lbl lbl-muted");

/** A round dot drawn as a rect, so it can grow into a bar in another scene. */
export function dot(key: string, x: number, y: number, size: number, cls: ClassList, extra: Partial<RectAttrs> = {}): RectMark {
  return {
    key,
    tag: "rect",
    attrs: { x: r1(x - size / 2), y: r1(y - size / 2), width: r1(size), height: r1(size), rx: r1(size / 2), class: cls, ...extra },
    enter: { width: 0, height: 0, x: r1(x), y: r1(y), opacity: 0 },
  };
}

/** A curved link from a to b; `bend` lifts the curve (fraction of its length). */
export function link(key: string, a: [number, number], b: [number, number], cls: ClassList, bend = 0.25): PathMark {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const cx = mx + dy * bend;
  const cy = my - dx * bend;
  return {
    key,
    tag: "path",
    attrs: { d: `M${r1(x1)},${r1(y1)} Q${r1(cx)},${r1(cy)} ${r1(x2)},${r1(y2)}`, class: cls, fill: "none" },
    enter: { opacity: 0 },
  };
}

/** Point on the quadratic link at t (0…1), for placing a label along it. */
export function linkPoint(a: [number, number], b: [number, number], bend: number, t: number): [number, number] {
  const cx = (a[0] + b[0]) / 2 + (b[1] - a[1]) * bend;
  const cy = (a[1] + b[1]) / 2 - (b[0] - a[0]) * bend;
  const u = 1 - t;
  return [u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]];
}

/** An open arrowhead with its tip at `tip`, pointing away from `from` (drawn solid whatever its line's dash). */
export function arrowHead(key: string, tip: [number, number], from: [number, number], size: number, cls: ClassList): PathMark {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const p = (da: number): string => `${r1(tip[0] - size * Math.cos(a + da))},${r1(tip[1] - size * Math.sin(a + da))}`;
  return {
    key,
    tag: "path",
    attrs: { d: `M${p(0.5)} L${r1(tip[0])},${r1(tip[1])} L${p(-0.5)}`, class: cls, fill: "none" },
    enter: { opacity: 0 },
  };
}
