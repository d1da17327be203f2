// The later steps of scene "hbm" (src/scenes/hbm.ts): an enlarged detail of the
// interposer, its links carrying data; the shortage of HBM as one note, a bracket
// from both stacks to the words (unsized: the article gives no figures). (The firms' steps that follow: src/scenes/hbmChain.ts.)

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { LINE, lines, typeOf, type Box } from "./figure.ts";
import { r1 } from "./shapes.ts";
import { wrapWidth } from "./text.ts";
import { readPath } from "./pathData.ts";
import { LAYERS, rect, type SideParts } from "./chip.ts";
import type { HbmGeo } from "./hbm.ts";

const cxOf = (b: Box) => (b.x0 + b.x1) / 2;
type Pt = [number, number];
const clip = (a: Box, b: Box): Box | null => {
  const c = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return c.x1 > c.x0 && c.y1 > c.y0 ? c : null;
};

/**
 * The interposer enlarged: the foot of one HBM stack, the edge of the processor and the links between them, cut
 * from the section (a frame marks where) and drawn large in the detail's box, joined to the frame by two leaders.
 * The links are one neat bundle of short wires, side by side through the interposer from the stack's edge to the
 * processor's, none crossing another (graphics review 52, item 8: crossing wires spread under the whole stack, with
 * unlabelled packets riding them, read as a knot). Under the detail, its words, then for contrast ordinary memory
 * farther off: a few longer links side by side to the processor, labelled above it (nothing drawn to a scale; not
 * from the article. Standards review 53, item 4: it was one long link, but ordinary GPU memory runs on buses many
 * bits wide too; the honest contrast is fewer, longer links over the board).
 * The left side where the detail lies under the section, the right in the wide layouts (beside it on paper, under
 * it on a phone on its side).
 */
export function zoom(ctx: SceneContext, g: HbmGeo): Mark[] {
  const t = typeOf(ctx);
  const { side } = g;
  const s = g.wide ? "r" : "l";
  const st = side.stacks[s];
  const pitch = (st.y1 - st.y0) / LAYERS;
  const R = piece(side, s);
  // The detail's title at its head (graphics review 54, item 5: it stood under the detail as a muted second line); under
  // the detail what the bundle is, then the contrast. On a phone on its side all three beside it, the title first.
  const zw = g.zoom.x1 - g.zoom.x0;
  const head = g.zoomBeside ? [] : wrapWidth(ctx.t("zoom"), t.small, zw);
  const rows = (["flow", "far"] as const).reduce((n, k) => n + wrapWidth(ctx.t(k), t.small, zw).length, 0);
  const room: Box = g.zoomBeside
    ? g.zoom
    : {
        ...g.zoom,
        y0: g.zoom.y0 + head.length * t.small * LINE + t.small * 0.2,
        y1: g.zoom.y1 - rows * t.small * LINE - t.small * 1.7,
      };
  // The detail under the section (every stage but paper's wide figure) or beside it.
  const below = g.zoom.y0 >= side.sub.y1;
  // (under the section at most MAX_ZOOM times its piece: on a desktop, as wide as the stage allowed, it filled the
  // stage's foot; graphics review 54, item 5)
  const k = Math.min(
    (room.x1 - room.x0) / (R.x1 - R.x0),
    (room.y1 - room.y0) / (R.y1 - R.y0),
    below && !g.zoomBeside ? MAX_ZOOM : Infinity,
  );
  // (under the section, the room the cap leaves shared above the title and under the contrast, not all at the foot)
  const drop = below && !g.zoomBeside ? (room.y1 - room.y0 - (R.y1 - R.y0) * k) / 2 : 0;
  const I: Box = {
    x0: (room.x0 + room.x1) / 2 - ((R.x1 - R.x0) * k) / 2,
    y0: room.y0 + drop,
    x1: (room.x0 + room.x1) / 2 + ((R.x1 - R.x0) * k) / 2,
    y1: room.y0 + drop + (R.y1 - R.y0) * k,
  };
  const ww = g.zoomBeside ? g.plot.x1 - I.x1 - t.small : zw;
  const X = (x: number) => I.x0 + (x - R.x0) * k;
  const Y = (y: number) => I.y0 + (y - R.y0) * k;
  const map = (b: Box): Box => ({ x0: X(b.x0), y0: Y(b.y0), x1: X(b.x1), y1: Y(b.y1) });
  const marks: Mark[] = [];
  const frame = (key: string, b: Box): Mark => ({
    key,
    tag: "rect",
    attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx: 2, class: "leader", fill: "none" },
  });
  marks.push(frame("zoom-src", R));
  const c = clip(side.sub, R);
  if (c) marks.push(rect("zoom-sub", map(c), "sub", 0));
  const ci = clip(side.interposer, R);
  if (ci) marks.push(rect("zoom-int", map(ci), "interposer", 0));
  for (let i = 0; i < LAYERS; i++) {
    const chip = clip({ x0: st.x0, y0: st.y1 - (i + 1) * pitch + pitch * 0.14, x1: st.x1, y1: st.y1 - i * pitch }, R);
    if (chip) marks.push(rect(`zoom-hbm-${i}`, map(chip), "stack", 2));
  }
  const cd = clip(side.die, R);
  if (cd) marks.push(rect("zoom-die", map(cd), "die die-ink die-cut", 2));
  // The section's own links, enlarged: one bundle, none crossing another (src/scenes/chip.ts sideParts).
  side.links[s].forEach((d, j) => {
    const pts = (readPath(d).flatMap((p) => p.points) as Pt[]).map(([x, y]) => [X(x), Y(y)] as Pt);
    marks.push({
      key: `zoom-link-${j}`,
      tag: "path",
      attrs: { d: pts.map(([x, y], i) => `${i ? "L" : "M"}${r1(x)},${r1(y)}`).join(" "), class: "arc arc-ink", fill: "none" },
      enter: { opacity: 0 },
    });
  });
  marks.push(frame("zoom-frame", I));
  // Leaders from the marked piece to the detail: from its foot down (under the section) or its side across (beside it).
  const ends: [Pt, Pt][] = !below
    ? [
        [
          [R.x1, R.y0],
          [I.x0, I.y0],
        ],
        [
          [R.x1, R.y1],
          [I.x0, I.y1],
        ],
      ]
    : [
        [
          [R.x0, R.y1],
          [I.x0, I.y0],
        ],
        [
          [R.x1, R.y1],
          [I.x1, I.y0],
        ],
      ];
  ends.forEach(([a, b], i) =>
    marks.push({
      key: `zoom-leader-${i}`,
      tag: "line",
      attrs: { x1: r1(a[0]), y1: r1(a[1]), x2: r1(b[0]), y2: r1(b[1]), class: "leader" },
    }),
  );
  // The words under the detail, centred; beside it (g.zoomBeside), from its top; on paper under it from its left.
  const wx = g.zoomBeside ? I.x1 + t.small : below ? (I.x0 + I.x1) / 2 : I.x0;
  const anchor = below && !g.zoomBeside ? "middle" : "start";
  // (the title above the detail: centred on it where the words under it are, from its left on paper)
  if (!g.zoomBeside)
    marks.push(...lines("zoom-lbl", head, wx, I.y0 - t.small * 0.45 - (head.length - 1) * t.small * LINE, t.small, TITLE, anchor));
  const title: Block = { key: "zoom", cls: TITLE, gap: t.small * 0.3 };
  const blocks: Block[] = [
    ...(g.zoomBeside ? [title] : []),
    { key: "flow", cls: "lbl", gap: t.small * 0.4 },
    { key: "far", cls: "lbl", gap: 0 },
  ];
  const wrapped = blocks.map((b) => wrapWidth(ctx.t(b.key), t.small, ww));
  // (beside the detail, on a phone on its side, the block ends level with the detail's foot and may rise past its top
  // into the room right of the section, which holds no words in this step, as far as the stacks' top)
  const tall = wrapped.reduce((h, w, i) => h + w.length * t.small * LINE + blocks[i]!.gap, 0);
  let y = g.zoomBeside
    ? Math.max(st.y0 + t.small * 0.8, Math.min(I.y0 + t.small * 0.8, I.y1 - t.small * 0.05 - tall))
    : I.y1 + t.small * 1.2;
  blocks.forEach((b, i) => {
    marks.push(...lines(`${b.key}-lbl`, wrapped[i]!, wx, y, t.small, b.cls, anchor));
    y += wrapped[i]!.length * t.small * LINE + b.gap;
  });
  // The contrast as wide as the detail (beside it, as its words): memory on the stack's side, the processor on the die's.
  const [x0, x1] = g.zoomBeside ? [wx, wx + ww] : [I.x0, I.x1];
  // (its level just under the words' last line: the drawing ends above where a next line's baseline would be)
  marks.push(...farLink(s, x0, x1, y - t.small * 0.55, t.small));
  return marks;
}

/** The detail's largest scale under the section: three times the piece it enlarges (at least twice: its test). */
const MAX_ZOOM = 3;

/** A block of the detail's words: its label's key, its classes, the room after it. */
type Block = { key: "zoom" | "flow" | "far"; cls: ClassList; gap: number };

/** The detail's title: a name, as strong as the section's names (not a muted aside). */
const TITLE: ClassList = "lbl lbl-strong";

/** How many links the contrast draws: fewer than the bundle's (src/scenes/chip.ts sideParts), and each longer. */
const FAR_LINKS = 3;

/**
 * The contrast under the detail's words: ordinary memory farther off, a few longer links side by side to the
 * processor (`y`: the level the drawing's top hangs from, as the single link's once did), the memory on the stack's
 * side. Its label stands right above it.
 */
function farLink(s: "l" | "r", x0: number, x1: number, y: number, size: number): Mark[] {
  const w = size * 1.4;
  const h = size * 0.9;
  const gap = size * 0.28;
  // (the top where the single link's blocks had theirs, 0.3 of a line above its level: the words above keep their room)
  const mid = y - size * 0.3 + h / 2;
  const [mem, die] = s === "l" ? [x0, x1 - w] : [x1 - w, x0];
  const links: Mark[] = Array.from({ length: FAR_LINKS }, (_, i) => {
    const ly = mid + (i - (FAR_LINKS - 1) / 2) * gap;
    return {
      key: `far-link-${i}`,
      tag: "path",
      attrs: { d: `M${r1(x0 + w)},${r1(ly)} L${r1(x1 - w)},${r1(ly)}`, class: "arc arc-ink", fill: "none" },
      enter: { opacity: 0 },
    };
  });
  return [
    { ...rect("far-mem", { x0: mem, y0: mid - h / 2, x1: mem + w, y1: mid + h / 2 }, "stack", 1.5), enter: { opacity: 0 } },
    { ...rect("far-die", { x0: die, y0: mid - h / 2, x1: die + w, y1: mid + h / 2 }, "die die-ink die-cut", 1.5), enter: { opacity: 0 } },
    ...links,
  ];
}

/**
 * What the detail shows, in the section's units: the stack's lowest chips to a third into the die, the interposer
 * and a strip of the substrate under it (`s`: the left or the right stack's side).
 */
export function piece(side: SideParts, s: "l" | "r"): Box {
  const st = side.stacks[s];
  const pitch = (st.y1 - st.y0) / LAYERS;
  const dieW = side.die.x1 - side.die.x0;
  const [ax, bx] = s === "l" ? [st.x0 - pitch * 0.6, side.die.x0 + dieW * 0.36] : [side.die.x1 - dieW * 0.36, st.x1 + pitch * 0.6];
  return { x0: ax, y0: st.y1 - pitch * 0.95, x1: bx, y1: side.sub.y0 + (side.sub.y1 - side.sub.y0) * 0.2 };
}
