// The print figure's crop: the band of the layout's height that its marks
// cover, so a state that shows little takes little room on paper. Estimated
// from the marks alone (pure numbers, like the scenes): text from its font
// size and an estimated width, paths from their points (a curve's control
// points bound it), shared shapes (`<use>`, the map) as the whole frame. Only
// the height is cropped: every printed figure keeps the text column's width,
// so type is the same size in all of them.

import type { Mark } from "../story/types.ts";
import { textBox } from "../scenes/figure.ts";

export interface Band {
  y0: number;
  y1: number;
}

const num = (v: string | number | undefined): number => Number(v ?? 0);

/** The vertical extent of one mark, in the coordinates of its parent, or null if it draws nothing. */
function extentOf(m: Mark, frame: Band): Band | null {
  const a = m.attrs;
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
    case "path": {
      // A path whose points cannot be read (relative commands) may reach anywhere: the whole frame.
      const d = String(a.d ?? "");
      return d ? (pathExtent(d) ?? frame) : null;
    }
    case "use":
      return frame;
    case "g": {
      // A transformed group (the map's zoom) may reach anywhere: the whole frame.
      if (a.transform) return frame;
      return union((m.children ?? []).map((c) => extentOf(c, frame)));
    }
  }
}

/** The y range of a path's points: every coordinate pair after M, L, Q, C, S, T; arcs by their end points. */
export function pathExtent(d: string): Band | null {
  const ys: number[] = [];
  for (const [, cmd, args] of d.matchAll(/([MLQCSTAHVZmlqcstahvz])([^MLQCSTAHVZmlqcstahvz]*)/g)) {
    const n = (args!.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
    if (cmd === "Z" || cmd === "z" || cmd === "H" || cmd === "h") continue;
    if (cmd !== cmd!.toUpperCase()) return null; // relative paths are not drawn by the scenes; no guess
    if (cmd === "V") ys.push(...n);
    else if (cmd === "A") for (let i = 6; i < n.length; i += 7) ys.push(n[i]!);
    else for (let i = 1; i < n.length; i += 2) ys.push(n[i]!);
  }
  return ys.length ? { y0: Math.min(...ys), y1: Math.max(...ys) } : null;
}

function union(bands: (Band | null)[]): Band | null {
  const b = bands.filter((x): x is Band => x !== null);
  return b.length ? { y0: Math.min(...b.map((x) => x.y0)), y1: Math.max(...b.map((x) => x.y1)) } : null;
}

/**
 * The band of a figure `height` high that its marks cover, with `pad` around
 * it, clamped to the frame. A mark whose extent cannot be estimated keeps the
 * whole frame.
 */
export function cropBand(marks: Mark[], height: number, pad: number): Band {
  const frame = { y0: 0, y1: height };
  const b = union(marks.map((m) => extentOf(m, frame)));
  if (!b) return frame;
  const y0 = Math.max(0, Math.floor(b.y0 - pad));
  const y1 = Math.min(height, Math.ceil(b.y1 + pad));
  return { y0, y1 };
}

const CAPTION = /(?:^|\s)(?:caption-band|caption-rule|note)(?:\s|$)/;
const isCaption = (m: Mark): boolean => CAPTION.test(String(m.attrs.class ?? ""));

/** A caption mark moved down by `dy` (negative: up). */
function shifted(m: Mark, dy: number): Mark {
  const a = { ...m.attrs };
  for (const k of ["y", "y1", "y2", "cy"]) if (a[k] !== undefined) a[k] = Math.round((num(a[k]) + dy) * 10) / 10;
  return { ...m, attrs: a };
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
