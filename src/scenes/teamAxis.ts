// The team scene's time axis (src/scenes/teamFrame.ts places it): horizontal, to
// scale, a tick at the start of every year and the years that something happens
// in under the middle of their year; one bar, with no ticks where years are cut out
// (the frame draws the one gap marker across it and across Ho's Google bar).

import type { Mark, SceneContext } from "../story/types.ts";
import { lines, typeOf } from "./figure.ts";
import { r1 } from "./shapes.ts";

/** The axis to scale at height `y` from `x0` to `x1` (years `from` to `to`, placed by `x`), its ticks and the named years. */
export function scaleMarks(
  ctx: SceneContext,
  a: {
    y: number;
    x0: number;
    x1: number;
    from: number;
    to: number;
    x: (v: number) => number;
    yearIds: string[];
    /** The years cut out (from the first to the second): no ticks between (the frame marks the gap). */
    cut: [number, number];
  },
): Mark[] {
  const small = typeOf(ctx).small;
  const aw = Math.max(3, typeOf(ctx).label * 0.16);
  // One bar, not two pieces: parted, it read as two stretches of time (review 38), as Google's bar did beside it.
  const marks: Mark[] = [
    {
      key: "axis",
      tag: "rect",
      attrs: { x: r1(a.x0), y: r1(a.y - aw / 2), width: r1(a.x1 - a.x0), height: r1(aw), class: "bar bar-past" },
    },
  ];
  for (let v = Math.ceil(a.from); v <= a.to; v++) {
    if (v > a.cut[0] && v < a.cut[1]) continue;
    marks.push({
      key: `tick-${v}`,
      tag: "line",
      attrs: { x1: r1(a.x(v)), y1: r1(a.y), x2: r1(a.x(v)), y2: r1(a.y + small * 0.4), class: "tl tl-tick" },
    });
  }
  for (const id of a.yearIds) {
    marks.push(...lines(`year-${id}`, [ctx.fact(id)], a.x(ctx.value(id) + 0.5), a.y + small * 1.35, small, "lbl lbl-muted", "middle"));
  }
  return marks;
}

/**
 * The scale's one gap marker: at `x`, two parallel slants across each bar it cuts (centred on each of `ys`, `h` high),
 * joined into one mark, so the axis and Ho's Google bar read as broken at one and the same place: one stretch of
 * time, shortened, not two.
 */
export function gapMark(key: string, x: number, ys: number[], h: number, small: number): Mark {
  const w = small * 0.3;
  const d = ys
    .flatMap((y) => [-1, 1].map((k) => `M${r1(x + k * w - w * 0.6)},${r1(y + h / 2)} L${r1(x + k * w + w * 0.6)},${r1(y - h / 2)}`))
    .join(" ");
  return { key, tag: "path", attrs: { d, class: "tl tl-break" }, enter: { opacity: 0 } };
}
