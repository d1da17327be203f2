// The team scene's year axis (src/scenes/teamFrame.ts places it): to scale, a
// tick at the start of every year and the years that something happens in beside
// the middle of their year; broken where years are cut out. What has no date
// stands above it, off the axis.

import type { Mark, SceneContext } from "../story/types.ts";
import { lines, typeOf, type Box } from "./figure.ts";
import { r1 } from "./shapes.ts";

/** The axis to scale from `datedTop` to `bottom` (years `from` to `to`, placed by `y`), its ticks and the named years. */
export function scaleMarks(
  ctx: SceneContext,
  a: {
    x: number;
    datedTop: number;
    bottom: number;
    from: number;
    to: number;
    y: (v: number) => number;
    yearIds: string[];
    /** The years cut out (from the first to the second): the axis breaks there, with no ticks between. */
    cut: [number, number];
  },
): { marks: Mark[]; box: Box } {
  const t = typeOf(ctx);
  const small = t.small;
  const aw = Math.max(3, t.label * 0.16);
  const [c0, c1] = [a.y(a.cut[0]), a.y(a.cut[1])];
  const piece = (key: string, y0: number, y1: number): Mark => ({
    key,
    tag: "rect",
    attrs: { x: r1(a.x - aw / 2), y: r1(y0), width: r1(aw), height: r1(y1 - y0), class: "bar bar-past" },
  });
  const marks: Mark[] = [
    piece("axis", a.datedTop, c0),
    piece("axis-end", c1, a.bottom),
    breakMark("axis-break", a.x, (c0 + c1) / 2, aw * 4, small),
  ];
  for (let v = Math.ceil(a.from); v <= a.to; v++) {
    if (v > a.cut[0] && v < a.cut[1]) continue;
    marks.push({
      key: `tick-${v}`,
      tag: "line",
      attrs: { x1: r1(a.x - small * 0.35), y1: r1(a.y(v)), x2: r1(a.x), y2: r1(a.y(v)), class: "tl tl-tick" },
    });
  }
  for (const id of a.yearIds) {
    const yy = a.y(ctx.value(id) + 0.5) + small * 0.35;
    marks.push(...lines(`year-${id}`, [ctx.fact(id)], a.x - small * 0.5, yy, small, "lbl lbl-muted", "end"));
  }
  return { marks, box: { x0: a.x - aw, y0: a.datedTop, x1: a.x + aw, y1: a.bottom } };
}

/** An axis break: two short parallel slants across a bar, `w` wide, centred on (x, y). */
export function breakMark(key: string, x: number, y: number, w: number, small: number): Mark {
  const h = small * 0.3;
  const d = [-1, 1].map((k) => `M${r1(x - w / 2)},${r1(y + k * h + h * 0.6)} L${r1(x + w / 2)},${r1(y + k * h - h * 0.6)}`).join(" ");
  return { key, tag: "path", attrs: { d, class: "tl tl-break" }, enter: { opacity: 0 } };
}
