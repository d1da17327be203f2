// The team scene's year axis (src/scenes/teamFrame.ts places it): to scale, a
// tick at the start of every year and the years that something happens in beside
// the middle of their year. What has no date stands above it, off the axis.

import type { Mark, SceneContext } from "../story/types.ts";
import { lines, typeOf, type Box } from "./figure.ts";
import { r1 } from "./shapes.ts";

/** The axis to scale from `datedTop` to `bottom` (years `from` to `to`, placed by `y`), its ticks and the named years. */
export function scaleMarks(
  ctx: SceneContext,
  a: { x: number; datedTop: number; bottom: number; from: number; to: number; y: (v: number) => number; yearIds: string[] },
): { marks: Mark[]; box: Box } {
  const t = typeOf(ctx);
  const small = t.small;
  const aw = Math.max(3, t.label * 0.16);
  const marks: Mark[] = [
    {
      key: "axis",
      tag: "rect",
      attrs: { x: r1(a.x - aw / 2), y: r1(a.datedTop), width: r1(aw), height: r1(a.bottom - a.datedTop), class: "bar bar-past" },
    },
  ];
  for (let v = Math.ceil(a.from); v <= a.to; v++)
    marks.push({
      key: `tick-${v}`,
      tag: "line",
      attrs: { x1: r1(a.x - small * 0.35), y1: r1(a.y(v)), x2: r1(a.x), y2: r1(a.y(v)), class: "tl tl-tick" },
    });
  for (const id of a.yearIds) {
    const yy = a.y(ctx.value(id) + 0.5) + small * 0.35;
    marks.push(...lines(`year-${id}`, [ctx.fact(id)], a.x - small * 0.5, yy, small, "lbl lbl-muted", "end"));
  }
  return { marks, box: { x0: a.x - aw, y0: a.datedTop, x1: a.x + aw, y1: a.bottom } };
}
