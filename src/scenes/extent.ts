// How far marks reach up and down, from the marks alone (pure numbers, like the
// scenes): the print crop (src/render/crop.ts) and scenes that centre what they
// draw (chain) ask this one function. Text from its font size (figure.ts
// textBox), paths from their curves' true extremes, shared shapes (`<use>`, the
// map) and transformed groups as the whole frame.

import type { Mark } from "../story/types.ts";
import { textBox } from "./figure.ts";
import { readPath } from "./pathData.ts";

export interface Band {
  y0: number;
  y1: number;
}

const num = (v: unknown): number => Number(v ?? 0);

/** The extremes of one coordinate along a quadratic (3 values) or cubic (4) Bézier: its ends and where its derivative is zero. */
function bezierRange(v: number[]): number[] {
  const at = (t: number): number => {
    const u = 1 - t;
    return v.length === 3
      ? u * u * v[0]! + 2 * u * t * v[1]! + t * t * v[2]!
      : u ** 3 * v[0]! + 3 * u * u * t * v[1]! + 3 * u * t * t * v[2]! + t ** 3 * v[3]!;
  };
  const roots: number[] = [];
  if (v.length === 3) {
    const den = v[0]! - 2 * v[1]! + v[2]!;
    if (den !== 0) roots.push((v[0]! - v[1]!) / den);
  } else {
    // Derivative a t² + b t + c (divided by 3).
    const a = -v[0]! + 3 * v[1]! - 3 * v[2]! + v[3]!;
    const b = 2 * (v[0]! - 2 * v[1]! + v[2]!);
    const c = v[1]! - v[0]!;
    if (Math.abs(a) < 1e-12) {
      if (b !== 0) roots.push(-c / b);
    } else {
      const disc = b * b - 4 * a * c;
      if (disc >= 0) roots.push((-b + Math.sqrt(disc)) / (2 * a), (-b - Math.sqrt(disc)) / (2 * a));
    }
  }
  return [v[0]!, v.at(-1)!, ...roots.filter((t) => t > 0 && t < 1).map(at)];
}

/** The y range a path covers: lines by their points, curves by their true extremes, arcs by their end points. */
export function pathExtent(d: string): Band | null {
  const ys: number[] = [];
  let y = 0;
  for (const c of readPath(d)) {
    const pts = c.points.map((p) => p[1]);
    if (c.cmd === "Q" || c.cmd === "C") ys.push(...bezierRange([y, ...pts]));
    else ys.push(...pts);
    y = pts.at(-1)!;
  }
  return ys.length ? { y0: Math.min(...ys), y1: Math.max(...ys) } : null;
}

export function union(bands: (Band | null)[]): Band | null {
  const b = bands.filter((x): x is Band => x !== null);
  return b.length ? { y0: Math.min(...b.map((x) => x.y0)), y1: Math.max(...b.map((x) => x.y1)) } : null;
}

/** The vertical extent of one mark, in the coordinates of its parent, or null if it draws nothing. */
export function markExtent(m: Mark, frame: Band): Band | null {
  const a = m.attrs as Record<string, unknown>;
  if (Number(a.opacity ?? 1) === 0) return null;
  switch (m.tag) {
    case "rect":
      return { y0: num(a.y), y1: num(a.y) + num(a.height) };
    case "circle":
      return { y0: num(a.cy) - num(a.r), y1: num(a.cy) + num(a.r) };
    case "line":
      return { y0: Math.min(num(a.y1), num(a.y2)), y1: Math.max(num(a.y1), num(a.y2)) };
    case "text": {
      const b = textBox(m);
      return { y0: b.y0, y1: b.y1 };
    }
    case "path":
      return a.d ? pathExtent(String(a.d)) : null;
    case "use":
      return frame;
    case "svg":
      // A window (the map's locator): counted as the map group in it was, the whole frame (the print crop as before).
      return frame;
    case "g":
      // A transformed group (the map's zoom) may reach anywhere: the whole frame.
      return a.transform ? frame : union((m.children ?? []).map((c) => markExtent(c, frame)));
  }
}

/** The band marks cover together, or null if they draw nothing. */
export const marksExtent = (marks: Mark[], frame: Band): Band | null => union(marks.map((m) => markExtent(m, frame)));
