// The team scene's time axis (src/scenes/teamFrame.ts places it at the top of the figure, one
// axis for both rows): horizontal, to scale throughout (review 41: cut in Ho's Google years, eight
// years read as two), a short tick at the start of every year, pointing down to the rows, and every
// second year named above the middle of its year, from the first (graphics review 45, item 8: only
// the years something happens in, 2014, 2022, 2024, 2026, read as an uneven scale).

import type { Mark, SceneContext } from "../story/types.ts";
import { lines, typeOf } from "./figure.ts";
import { r1 } from "./shapes.ts";

/** Every how many years the axis names one. */
export const YEAR_EVERY = 2;

/** The axis to scale at height `y` from `x0` to `x1` (years `from` to `to`, placed by `x`), its ticks under it and every second year named above. */
export function scaleMarks(
  ctx: SceneContext,
  a: { y: number; x0: number; x1: number; from: number; to: number; x: (v: number) => number },
): Mark[] {
  const small = typeOf(ctx).small;
  const aw = Math.max(3, typeOf(ctx).label * 0.16);
  const marks: Mark[] = [
    {
      key: "axis",
      tag: "rect",
      attrs: { x: r1(a.x0), y: r1(a.y - aw / 2), width: r1(a.x1 - a.x0), height: r1(aw), class: "bar bar-past" },
    },
  ];
  for (let v = Math.ceil(a.from); v <= a.to; v++) {
    marks.push({
      key: `tick-${v}`,
      tag: "line",
      attrs: { x1: r1(a.x(v)), y1: r1(a.y), x2: r1(a.x(v)), y2: r1(a.y + small * 0.4), class: "tl tl-tick" },
    });
  }
  // (the last year on the axis is the end of the earliest production year: named up to the year before it)
  for (let v = Math.ceil(a.from); v < a.to; v += YEAR_EVERY) {
    marks.push(...lines(`year-${v}`, [String(v)], a.x(v + 0.5), a.y - aw / 2 - small * 0.35, small, "lbl lbl-muted", "middle"));
  }
  return marks;
}
