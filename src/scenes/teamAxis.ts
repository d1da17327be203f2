// The team scene's time axis (src/scenes/teamFrame.ts places it at the top of the figure, one
// axis for both rows): horizontal, to scale throughout (review 41: cut in Ho's Google years, eight
// years read as two), a tick at the start of every year, pointing down to the rows, and the years
// that something happens in above the middle of their year.

import type { Mark, SceneContext } from "../story/types.ts";
import { lines, typeOf } from "./figure.ts";
import { r1 } from "./shapes.ts";

/** The axis to scale at height `y` from `x0` to `x1` (years `from` to `to`, placed by `x`), its ticks under it and the named years above. */
export function scaleMarks(
  ctx: SceneContext,
  a: { y: number; x0: number; x1: number; from: number; to: number; x: (v: number) => number; yearIds: string[] },
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
  for (const id of a.yearIds) {
    marks.push(
      ...lines(`year-${id}`, [ctx.fact(id)], a.x(ctx.value(id) + 0.5), a.y - aw / 2 - small * 0.35, small, "lbl lbl-muted", "middle"),
    );
  }
  return marks;
}
