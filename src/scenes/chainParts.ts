// Chapter 1's last step (scene "chain", src/scenes/chain.ts): the planned chip's
// parts keyed to the chapters that look at them. Each part's name and where the
// story takes it up sit in a column beside the chip (left of it on the phone; right
// of it across, on the desktop and on a phone on its side: on the desktop, between
// the two chips, they were squeezed onto the plan's line, graphics review 52), stacked in the
// order the parts are met from the chip's top to its foot. Each leader is a short
// horizontal elbow: level out of its words, a near-vertical jog in a narrow lane
// beside the chip, level again into its part at that part's own height (the
// manufacturing leader over the stacks to the die's top corner; the design's under
// them, then up between stacks and die onto the floor plan): each clear of every
// shape but its own part and those it lies in. The jogs all run between the same two lines, their ends
// in the same order, so no leader crosses another or any block of words
// (tests/unit/scenes/chain.test.ts checks it). The new data centres' words stand
// beside their own shape, next to the racks.
// On the phone (graphics review 48, item 6: four bold names and four italic chapter references beside the chip read
// as a table of contents drawn as a diagram) each part is its name and, between name and chip, only the chapter that
// takes it up, "ch. 7", in the desktop's italic (graphics review 55, item 5: a bare number in a circle, "Memory ⑦",
// read as a count); the step's words carry the rest. The manufacturing's is chapter 2's, the hunt for more capacity
// at chipmakers (graphics review 50, item 9); a short line under its name says this chip's maker is not named, which
// chapter 2 does not tell either. The data centres' stands under their name.

import type { Mark, SceneContext } from "../story/types.ts";
import { LINE, lines, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { r1 } from "./shapes.ts";
import type { ChainGeo } from "./chain.ts";

/** The chip's parts the chapters ahead look at, in the order they sit from top to bottom. */
export const PARTS = ["fab", "memory", "design", "packaging"] as const;
type Part = (typeof PARTS)[number];

interface Block {
  key: string;
  /** The chapter that takes the part up, on the phone ("ch. 7"), beside its name. */
  no?: string;
  /** Where its leader meets the chip's side (its height), and where it ends on the part. */
  entry: number;
  end: [number, number];
  name: string[];
  note: string[];
  h: number;
  y: number;
}

/** Where the plan's line meets the new data centres on the phone: the first of their three racks' middle (chip.ts racks). */
export const dcLinkX = (nr: Box): number => nr.x0 + (nr.x1 - nr.x0) * 0.14;

/** Where the parts' words stand: right of the chip (across, the desktop, a phone on its side), left of it (the phone). */
export type PartsSide = "right" | "left";

/**
 * The parts' blocks and leaders: on `side` of the planned chip, the words' column from `from` (left of the chip) or
 * to the stage's edge (right of it), the column's top no higher than `top` (under the plan's name, where it stands above).
 */
export function partLabels(ctx: SceneContext, g: ChainGeo, obstacles: Box[], side: PartsSide, from: number, top: number): Mark[] {
  const t = typeOf(ctx);
  const size = t.small;
  const gap = t.pad * 0.7;
  const p = g.plan;
  const s = g.size;
  const right = side === "right";
  const dir = right ? 1 : -1;
  // The chip's side the leaders come in from, and the stacks on it.
  const edgeX = right ? p.sub.x1 : p.sub.x0;
  const upper = p.stacks[right ? "r0" : "l0"];
  const lower = p.stacks[right ? "r1" : "l1"];
  const dieEdge = right ? p.die.x1 : p.die.x0;
  const inward = (x: number, d: number) => x - dir * d;
  // The design, drawn: the die's floor plan, a dashed block in its middle parted in four (graphics review 40: with
  // the die alone for both, "Design" and "Manufacturing" pointed at one part, and on the phone "Design" seemed to
  // end on the bare substrate with "Packaging").
  const dw = p.die.x1 - p.die.x0;
  const plan: Box = { x0: p.die.x0 + dw * 0.24, y0: p.die.y0 + dw * 0.24, x1: p.die.x1 - dw * 0.24, y1: p.die.y1 - dw * 0.24 };
  const [px, py] = [(plan.x0 + plan.x1) / 2, (plan.y0 + plan.y1) / 2];
  const marks: Mark[] = [
    {
      key: "plan-design",
      tag: "rect",
      attrs: { x: r1(plan.x0), y: r1(plan.y0), width: r1(plan.x1 - plan.x0), height: r1(plan.y1 - plan.y0), class: "stack stack-plan" },
      enter: { opacity: 0 },
    },
    {
      key: "plan-design-grid",
      tag: "path",
      attrs: {
        d: `M${r1(px)},${r1(plan.y0)} V${r1(plan.y1)} M${r1(plan.x0)},${r1(py)} H${r1(plan.x1)}`,
        class: "stack stack-plan",
        fill: "none",
      },
      enter: { opacity: 0 },
    },
  ];
  // The floor plan's leader comes in under the lower stack, turns up between the stacks and the die and ends on the
  // plan's lower outer corner: through the narrow gap between the stacks it ran against the memory (graphics review 41).
  // The manufacturing's runs level over the upper stack to the same turn, then down onto the die's top corner (straight
  // from the chip's edge, it cut the stack's corner where it met the chip low).
  const designY = lower.y1 + s * 0.06;
  const turn = inward(dieEdge, -s * 0.04);
  // Each part's height on the chip's side and its leader's end: the die's top corner (over the upper stack), the
  // upper stack's outer edge, the floor plan (from under the lower stack), the substrate under that.
  const at: Record<Part, { entry: number; end: [number, number] }> = {
    fab: { entry: p.sub.y0 + s * 0.12, end: [inward(dieEdge, s * 0.05), p.die.y0 + s * 0.05] },
    memory: { entry: (upper.y0 + upper.y1) / 2, end: [inward(right ? upper.x1 : upper.x0, s * 0.02), (upper.y0 + upper.y1) / 2] },
    design: { entry: designY, end: [inward(right ? plan.x1 : plan.x0, s * 0.03), plan.y1 - s * 0.03] },
    packaging: { entry: (designY + p.sub.y1) / 2, end: [inward(edgeX, s * 0.06), (designY + p.sub.y1) / 2] },
  };
  // The lane the jogs run in, beside the chip; the words' edge beyond it.
  const laneIn = edgeX + dir * size * 0.2;
  const laneOut = edgeX + dir * size * 0.6;
  const wordsEdge = edgeX + dir * size * 1.1;
  // The phone: the chapter beside the words, between them and the chip, the widest one's room for each (italic, as
  // the desktop's chapter words).
  const compact = g.phone;
  const refW = Math.max(...[...PARTS, "dc"].map((k) => textWidth(ctx.t(`lead-ch-${k}`), size)));
  const tagW = compact ? refW + size * 0.6 : 0;
  const textEdge = wordsEdge + dir * tagW;
  const x0 = right ? textEdge : from;
  const x1 = right ? g.plot.x1 : textEdge;
  const block = (key: string, entry: number, end: [number, number], w: number): Block => {
    const name = wrapWidth(ctx.t(`part-${key}`), size, w, true);
    const no = compact ? ctx.t(`lead-ch-${key}`) : undefined;
    // (the manufacturing's tag keeps its short line: chapter 2 takes up the hunt for capacity, not who would make this chip)
    const note = compact
      ? key === "fab"
        ? wrapWidth(ctx.t(`part-${key}-short`), size, w)
        : []
      : wrapWidth(ctx.t(`part-${key}-to`), size, w);
    return { key, no, entry, end, name, note, h: (name.length + note.length) * size * LINE, y: 0 };
  };
  /** A part's chapter, its line's middle at height `cy`, its end nearer the chip at `x`. */
  const tag = (b: Block, x: number, cy: number): Mark[] =>
    b.no ? lines(`part-${b.key}-no`, [b.no], x, cy + size * 0.35, size, "lbl lbl-link", right ? "start" : "end") : [];
  const blocks = PARTS.map((k) => block(k, at[k].entry, at[k].end, x1 - x0));
  // The leader leaves a block level with its name's middle.
  const lead = size * 0.45;
  // Each name level with its part where it can be, then pushed down past the block above; the stack then lifted by
  // the mean push (so the jogs run up as well as down, each as short as the stack allows; none above `top`), then
  // pushed up from the foot if need be.
  const sep = size * 0.55;
  let floor = g.plot.y0;
  for (const b of blocks) {
    b.y = Math.max(b.entry - lead, floor);
    floor = b.y + b.h + sep;
  }
  const lift = Math.max(0, Math.min(blocks.reduce((sum, b) => sum + b.y - (b.entry - lead), 0) / blocks.length, blocks[0]!.y - top));
  for (const b of blocks) b.y -= lift;
  let ceiling = g.wide ? g.plot.y1 : g.racks.y0 - sep;
  for (const b of [...blocks].reverse()) {
    b.y = Math.min(b.y, ceiling - b.h);
    ceiling = b.y - sep;
  }
  // Each leader then meets the chip as near level with its words as its part allows (anywhere along the top band,
  // the upper stack, the bottom band; the floor plan only through the gap between the stacks), its end at that
  // height: a leader that met the chip level with another block's name read as that block's (graphics review 40).
  const range: Record<Part, [number, number]> = {
    fab: [p.sub.y0 + s * 0.06, upper.y0 - s * 0.04],
    memory: [upper.y0 + s * 0.03, upper.y1 - s * 0.03],
    design: [designY, designY],
    packaging: [designY + s * 0.06, p.sub.y1 - s * 0.05],
  };
  // The floor plan's leader meets the chip at one height: no other name may stand there. Where one does, the stack
  // moves up past it (up to the stage's top; or down, where that leaves no room).
  const nameH = (b: Block) => b.name.length * size * LINE;
  const onMiddle = blocks.find((b) => b.key !== "design" && b.y - 2 <= designY && designY <= b.y + nameH(b) + 2);
  if (onMiddle) {
    const up = onMiddle.y + nameH(onMiddle) + 3 - designY;
    const down = designY + 3 - onMiddle.y;
    const shift = blocks[0]!.y - up >= g.plot.y0 ? -up : down;
    for (const b of blocks) b.y += shift;
  }
  // Nor may any other leader meet it level with another block's name: off it, within its part, nearest its words.
  const free = (b: Block, y: number) => blocks.every((o) => o === b || y < o.y - 2 || y > o.y + nameH(o) + 2);
  for (const b of blocks) {
    const [lo, hi] = range[b.key as Part];
    const want = Math.min(hi, Math.max(lo, b.y + lead));
    const spots = [want, lo, hi, ...blocks.flatMap((o) => [o.y - 3, o.y + nameH(o) + 3])].filter((y) => y >= lo && y <= hi && free(b, y));
    b.entry = spots.length ? spots.reduce((best, y) => (Math.abs(y - want) < Math.abs(best - want) ? y : best)) : want;
    if (b.key === "memory" || b.key === "packaging") b.end = [b.end[0], b.entry];
  }
  const words = (b: Block, edge: number, start: boolean) => {
    const anchor = start ? "start" : "end";
    const y = b.y + size * 0.8;
    marks.push(...lines(`part-${b.key}-lbl`, b.name, edge, y, size, "lbl lbl-strong", anchor));
    marks.push(...lines(`part-${b.key}-to-lbl`, b.note, edge, y + b.name.length * size * LINE, size, "lbl lbl-link", anchor));
    const w = Math.max(...[...b.name, ...b.note].map((l) => textWidth(l, size, true)));
    obstacles.push(start ? { x0: edge, y0: b.y, x1: edge + w, y1: b.y + b.h } : { x0: edge - w, y0: b.y, x1: edge, y1: b.y + b.h });
  };
  const leader = (key: string, d: string): Mark => ({
    key: `part-${key}-leader`,
    tag: "path",
    attrs: { d, class: "leader", fill: "none" },
    enter: { opacity: 0 },
  });
  for (const b of blocks) {
    words(b, textEdge, right);
    const ly = b.y + lead;
    // (The phone: its chapter between the words and the leader, the leader from the chapter; else from the words.)
    marks.push(...tag(b, wordsEdge + dir * size * 0.2, ly));
    const start = b.no ? wordsEdge : textEdge - dir * size * 0.2;
    if (compact)
      obstacles.push({ x0: Math.min(wordsEdge, textEdge), y0: ly - size * 0.6, x1: Math.max(wordsEdge, textEdge), y1: ly + size * 0.6 });
    // Level out of the words, the jog in the lane, level into the chip at the part's height, on to the part.
    const d =
      `M${r1(start)},${r1(ly)} H${r1(laneOut)} L${r1(laneIn)},${r1(b.entry)}` +
      (b.key === "fab" || b.key === "design" ? ` H${r1(turn)} L${r1(b.end[0])},${r1(b.end[1])}` : ` H${r1(b.end[0])}`);
    marks.push(leader(b.key, d));
  }
  // The new data centres (planned, a shape of their own beside the racks): their words left, right or above them.
  const nr = g.newRacks;
  const mid = (nr.y0 + nr.y1) / 2;
  if (g.dcSide === "above") {
    // Right of the plan's line down onto their first rack (chain.ts dcLinkX).
    // (Compact: its chapter under its name, as the desktop's words stand, the leader from under them into the racks.)
    const x = dcLinkX(nr) + size * 0.5;
    const dc = block("dc", nr.y0, [(nr.x0 + nr.x1) / 2 + size * 0.4, nr.y0], g.plot.x1 - x);
    if (dc.no) dc.h += size * LINE;
    dc.y = nr.y0 - gap * 1.4 - dc.h;
    const y = dc.y + size * 0.8;
    const below = y + dc.name.length * size * LINE;
    marks.push(...lines("part-dc-lbl", dc.name, x, y, size, "lbl lbl-strong", "start"));
    marks.push(...lines("part-dc-to-lbl", dc.note, x, below, size, "lbl lbl-link", "start"));
    if (dc.no) marks.push(...lines("part-dc-no", [dc.no], x, below, size, "lbl lbl-link", "start"));
    obstacles.push({ x0: x, y0: dc.y, x1: g.plot.x1, y1: dc.y + dc.h });
    marks.push(leader("dc", `M${r1(dc.end[0])},${r1(dc.y + dc.h + size * 0.1)} V${r1(nr.y0)}`));
  } else {
    const start = g.dcSide === "right";
    // Far enough from the racks for a leader to show between (graphics review 53, item 9: on a phone on its side,
    // at 9 units, "Data centers" seemed to touch them).
    const off = Math.max(gap * 1.6, size);
    const edge = start ? nr.x1 + off : nr.x0 - off;
    const dc = block("dc", mid, [start ? nr.x1 : nr.x0, mid], start ? g.plot.x1 - edge : edge - g.plot.x0);
    dc.y = Math.max(mid - lead, start ? nr.y0 : g.plot.y0);
    words(dc, edge, start);
    const k = start ? 1 : -1;
    const ly = dc.y + lead;
    marks.push(leader("dc", `M${r1(edge - k * size * 0.3)},${r1(ly)} H${r1(edge - k * gap * 0.8)} L${r1(dc.end[0])},${r1(dc.end[1])}`));
  }
  return marks;
}
