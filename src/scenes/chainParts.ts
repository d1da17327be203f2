// Chapter 1's last step (scene "chain", src/scenes/chain.ts): the planned chip's
// parts keyed to the chapters that look at them. Each part's name and where the
// story takes it up sit in a column left of the chip, joined to the part by a
// grey leader; the new data centres' beside their own shape, next to the racks. Blocks keep their parts'
// order from top to bottom and are pushed apart, never onto each other. On the desktop the column stands under
// the chip instead (NVIDIA's faded GPU keeps its place left of it).

import type { Mark, SceneContext } from "../story/types.ts";
import { LINE, lines, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { r1 } from "./shapes.ts";
import type { ChainGeo } from "./chain.ts";

/** The chip's parts the chapters ahead look at, in the order they sit from top to bottom. */
export const PARTS = ["fab", "memory", "design", "packaging"] as const;

interface Block {
  key: string;
  anchor: [number, number];
  name: string[];
  note: string[];
  h: number;
  y: number;
}

/** Where the parts' words stand: right of the chip (across), under it (the desktop, NVIDIA's faded GPU left of it), left of it (the phone). */
export type PartsSide = "right" | "below" | "left";

export function partLabels(ctx: SceneContext, g: ChainGeo, obstacles: Box[], side: PartsSide = g.wide ? "right" : "left"): Mark[] {
  const t = typeOf(ctx);
  const size = t.small;
  const gap = t.pad * 0.7;
  const p = g.plan;
  const s = g.size;
  const cy = (p.sub.y0 + p.sub.y1) / 2;
  // The column: right of the chip in the wide layouts, where the chip's right side faces it; under it on the desktop,
  // right of its line to the racks, NVIDIA's faded GPU keeping its place on the left; left of it on the phone.
  const right = side !== "left";
  const below = side === "below";
  const sd = p.stacks[right ? "r0" : "l0"];
  const dw = p.die.x1 - p.die.x0;
  const anchors: Record<(typeof PARTS)[number], [number, number]> = below
    ? {
        // Leaders come up from the left of the words under the chip, each ending low on its part: the memory's up
        // to the left (its lower left stack), the others up to the right, further right as the blocks go down,
        // so that no leader crosses another.
        fab: [p.die.x0 + dw * 0.2, p.die.y1 - dw * 0.12],
        memory: [p.stacks.l1.x1 - (p.stacks.l1.x1 - p.stacks.l1.x0) * 0.3, p.stacks.l1.y1 - 2],
        design: [p.die.x0 + dw * 0.55, p.die.y1 - 2],
        packaging: [p.sub.x1 - s * 0.04, p.sub.y1],
      }
    : right
      ? {
          fab: [p.die.x1 - s * 0.06, p.die.y0 + s * 0.04],
          memory: [sd.x1, (sd.y0 + sd.y1) / 2],
          design: [p.die.x1, cy],
          packaging: [p.sub.x1, cy + s * 0.4],
        }
      : {
          // Tall layouts: the blocks are pushed down below their parts, so the lower two end low on theirs (the die's
          // lower edge, the substrate's bottom edge), and no leader crosses another.
          fab: [p.die.x0 + s * 0.06, p.die.y0 + s * 0.04],
          memory: [sd.x0, (sd.y0 + sd.y1) / 2],
          design: [p.die.x0 + s * 0.06, p.die.y1],
          packaging: [p.sub.x0 + s * 0.12, p.sub.y1],
        };
  const x1 = right ? g.plot.x1 : p.sub.x0 - gap * 1.6;
  const x0 = below ? p.sub.x0 + s * 0.22 : right ? p.sub.x1 + gap * 1.6 : g.plot.x0;
  const block = (key: string, anchor: [number, number], w: number): Block => {
    const name = wrapWidth(ctx.t(`part-${key}`), size, w, true);
    const note = wrapWidth(ctx.t(`part-${key}-to`), size, w);
    return { key, anchor, name, note, h: (name.length + note.length) * size * LINE, y: 0 };
  };
  const blocks = PARTS.map((k) => block(k, anchors[k], x1 - x0));
  // Centred on their anchors, then pushed down past each other, then up from the plot's foot if need be.
  const sep = size * 0.55;
  let floor = below ? p.sub.y1 + gap * 2.2 : g.plot.y0;
  for (const b of blocks) {
    b.y = Math.max(b.anchor[1] - b.h / 2, floor);
    floor = b.y + b.h + sep;
  }
  let ceiling = g.wide ? g.plot.y1 : g.racks.y0 - sep;
  for (const b of [...blocks].reverse()) {
    b.y = Math.min(b.y, ceiling - b.h);
    ceiling = b.y - sep;
  }
  const marks: Mark[] = [];
  // A block's words end at `edge` (or start there, `start`); its leader runs from that edge to the part.
  const draw = (b: Block, edge: number, start: boolean) => {
    const anchor = start ? "start" : "end";
    const y = b.y + size * 0.8;
    marks.push(...lines(`part-${b.key}-lbl`, b.name, edge, y, size, "lbl lbl-strong", anchor));
    marks.push(...lines(`part-${b.key}-to-lbl`, b.note, edge, y + b.name.length * size * LINE, size, "lbl lbl-link", anchor));
    const w = Math.max(...[...b.name, ...b.note].map((l) => textWidth(l, size, true)));
    obstacles.push(start ? { x0: edge, y0: b.y, x1: edge + w, y1: b.y + b.h } : { x0: edge - w, y0: b.y, x1: edge, y1: b.y + b.h });
    const dir = start ? -1 : 1;
    const ly = b.y + size * 0.45;
    marks.push({
      key: `part-${b.key}-leader`,
      tag: "path",
      attrs: {
        d: `M${r1(edge + dir * size * 0.3)},${r1(ly)} H${r1(edge + dir * gap * 0.8)} L${r1(b.anchor[0])},${r1(b.anchor[1])}`,
        class: "leader",
        fill: "none",
      },
      enter: { opacity: 0 },
    });
  };
  for (const b of blocks) draw(b, right ? x0 : x1, right);
  // The new data centres (planned, a shape of their own beside the racks): their words left, right or above them.
  const nr = g.newRacks;
  const mid = (nr.y0 + nr.y1) / 2;
  if (g.dcSide === "above") {
    const dc = block("dc", [(nr.x0 + nr.x1) / 2, nr.y0], g.plot.x1 - nr.x0);
    dc.y = nr.y0 - gap * 1.4 - dc.h;
    const y = dc.y + size * 0.8;
    marks.push(...lines("part-dc-lbl", dc.name, nr.x0, y, size, "lbl lbl-strong", "start"));
    marks.push(...lines("part-dc-to-lbl", dc.note, nr.x0, y + dc.name.length * size * LINE, size, "lbl lbl-link", "start"));
    obstacles.push({ x0: nr.x0, y0: dc.y, x1: g.plot.x1, y1: dc.y + dc.h });
    marks.push({
      key: "part-dc-leader",
      tag: "path",
      attrs: { d: `M${r1(dc.anchor[0])},${r1(dc.y + dc.h + size * 0.1)} V${r1(nr.y0)}`, class: "leader", fill: "none" },
      enter: { opacity: 0 },
    });
  } else if (g.dcSide === "left") {
    const dcRight = nr.x0 - gap * 2.2;
    const dc = block("dc", [nr.x0, mid], dcRight - g.plot.x0);
    dc.y = Math.max(dc.anchor[1] - dc.h / 2, g.plot.y0);
    draw(dc, dcRight, false);
  } else {
    const dcLeft = nr.x1 + gap * 1.6;
    const dc = block("dc", [nr.x1, mid], g.plot.x1 - dcLeft);
    dc.y = Math.max(dc.anchor[1] - dc.h / 2, nr.y0);
    draw(dc, dcLeft, true);
  }
  return marks;
}
