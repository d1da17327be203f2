// OpenAI's planned chip as a small top-down package (STORYBOARD §1.5): a sand
// substrate of side S, the die (0.46 S) in rust and dashed because it is only
// planned, two memory stacks on each side of it, dotted because the supplier is
// not known; the substrate's edge dotted too, as the packaging is not chosen.
// The team scene draws it at two sizes; the keys stay, so it grows in place.
// A stand-in for the shared chip drawing (src/scenes/chip.ts, chapters 1, 7, 9):
// swap `plannedChip` for it when that lands; callers only pass a centre and S.

import type { RectMark } from "../story/types.ts";
import type { Box } from "./figure.ts";
import { r1 } from "./shapes.ts";

export interface PlannedChip {
  marks: RectMark[];
  /** The substrate, the die and the memory stacks (for labels that name them). */
  sub: Box;
  die: Box;
  mem: Box[];
}

const rect = (key: string, b: Box, rx: number, cls: RectMark["attrs"]["class"]): RectMark => ({
  key,
  tag: "rect",
  attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx: r1(rx), class: cls },
  enter: { opacity: 0 },
});

/** The package centred on (cx, cy), side `s`; every key begins with `key`. */
export function plannedChip(key: string, cx: number, cy: number, s: number): PlannedChip {
  const sub: Box = { x0: cx - s / 2, y0: cy - s / 2, x1: cx + s / 2, y1: cy + s / 2 };
  const d = s * 0.46;
  const die: Box = { x0: cx - d / 2, y0: cy - d / 2, x1: cx + d / 2, y1: cy + d / 2 };
  // Memory stacks: between the die and the substrate's edge, two a side, as tall as half the die less a gap.
  const mw = s * 0.14;
  const mh = d * 0.44;
  const gap = (s / 2 - d / 2 - mw) / 2;
  const mem: Box[] = [];
  for (const side of [-1, 1])
    for (const row of [0, 1]) {
      const x0 = side < 0 ? die.x0 - gap - mw : die.x1 + gap;
      const y0 = row === 0 ? die.y0 : die.y1 - mh;
      mem.push({ x0, y0, x1: x0 + mw, y1: y0 + mh });
    }
  const marks: RectMark[] = [
    rect(`${key}-sub`, sub, s * 0.04, "pkg pkg-sub"),
    rect(`${key}-die`, die, s * 0.02, "pkg pkg-die"),
    ...mem.map((b, i) => rect(`${key}-mem-${i}`, b, s * 0.015, "pkg pkg-mem")),
  ];
  return { marks, sub, die, mem };
}
