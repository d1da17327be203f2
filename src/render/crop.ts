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
