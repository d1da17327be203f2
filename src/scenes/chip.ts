// The chip, the story's recurring object (STORYBOARD §1.5), drawn at any size:
// seen from above, a package (sand substrate of side S, the die 0.46 S in its
// middle, two HBM stacks on either side); cut through (chapter 7), substrate,
// interposer, die and the stacks' memory chips. The die is coloured by its
// owner: ink for NVIDIA, rust dashed for OpenAI's planned chip, grey for others.
// Beside it, the other objects the chip chapters share: racks (a data centre)
// and a bust (a person). Pure geometry; words come from the scene that calls.
// The one drawing of the chip: stakes, team, memory, rivals and unknowns all
// draw it (rivals' own-chip icons too, at the smallest size that keeps the
// stacks legible, about 2.5 label heights).

import type { ClassList, Mark } from "../story/types.ts";
import type { Box } from "./figure.ts";
import { r1 } from "./shapes.ts";

export type Owner = "nvidia" | "openai" | "other";
/** How far a part is known: drawn (solid or, for the plan, dashed) or not known (dotted). */
export type Known = "drawn" | "unknown";

/** The die's share of the substrate's side, and the stacks' size and place (fractions of S from the centre). */
export const DIE = 0.46;
const STACK_W = 0.15;
const STACK_H = 0.2;
const STACK_X = 0.385;
const STACK_Y = 0.12;
export const STACKS = ["l0", "l1", "r0", "r1"] as const;
export type StackId = (typeof STACKS)[number];

export interface ChipParts {
  sub: Box;
  die: Box;
  stacks: Record<StackId, Box>;
}

const box = (cx: number, cy: number, w: number, h: number): Box => ({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 });
export const mid = (b: Box): [number, number] => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];

/** Where the parts of a chip of side `size` centred on (cx, cy) lie. */
export function chipParts(cx: number, cy: number, size: number): ChipParts {
  const s = size;
  const stacks = {} as Record<StackId, Box>;
  for (const id of STACKS) {
    const sx = id.startsWith("l") ? -1 : 1;
    const sy = id.endsWith("0") ? -1 : 1;
    stacks[id] = box(cx + sx * STACK_X * s, cy + sy * STACK_Y * s, STACK_W * s, STACK_H * s);
  }
  return { sub: box(cx, cy, s, s), die: box(cx, cy, DIE * s, DIE * s), stacks };
}

export const rect = (key: string, b: Box, cls: ClassList, rx = 2): Mark => ({
  key,
  tag: "rect",
  attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx, class: cls },
});

/** The planned die's floor plan (its design): a square inset in the die, quartered; the chapters that name the design draw it. */
export function floorPlan(key: string, die: Box): { box: Box; marks: Mark[] } {
  const inset = (die.x1 - die.x0) * 0.24;
  const b: Box = { x0: die.x0 + inset, y0: die.y0 + inset, x1: die.x1 - inset, y1: die.y1 - inset };
  const [mx, my] = mid(b);
  const grid: Mark = {
    key: `${key}-grid`,
    tag: "path",
    attrs: { d: `M${r1(mx)},${r1(b.y0)} V${r1(b.y1)} M${r1(b.x0)},${r1(my)} H${r1(b.x1)}`, class: "stack stack-plan", fill: "none" },
  };
  return { box: b, marks: [rect(key, b, "stack stack-plan", 1), grid] };
}

const DIE_CLASS: Record<Owner, ClassList> = { nvidia: "die die-ink", openai: "die die-plan", other: "die" };

export interface ChipOptions {
  /** Key prefix: `${key}-sub`, `${key}-die`, `${key}-hbm-l0`… */
  key: string;
  cx: number;
  cy: number;
  size: number;
  owner: Owner;
  /** Parts drawn dotted, as not known (the die too, where even the chip's own state is not reported). */
  unknown?: readonly ("sub" | "hbm" | "die")[];
  /** The die's own key instead of `${key}-die`, when the die is a mark another chapter hands over ("nvidia"). */
  dieKey?: string;
}

/** The package seen from above. */
export function chipTop(o: ChipOptions): Mark[] {
  const p = chipParts(o.cx, o.cy, o.size);
  const plan = o.owner === "openai";
  const unknown = new Set(o.unknown ?? []);
  const rx = Math.max(1, o.size * 0.02);
  const sub: ClassList = unknown.has("sub") ? "sub sub-unknown" : plan ? "sub sub-plan" : "sub";
  const stack: ClassList = unknown.has("hbm") ? "stack stack-unknown" : plan ? "stack stack-plan" : "stack";
  return [
    rect(`${o.key}-sub`, p.sub, sub, rx * 2),
    ...STACKS.map((id) => rect(`${o.key}-hbm-${id}`, p.stacks[id], stack, rx)),
    rect(o.dieKey ?? `${o.key}-die`, p.die, unknown.has("die") ? "die die-unknown" : DIE_CLASS[o.owner], rx),
  ];
}

/** The y of the section line A–A across a top view: through the upper stacks and the die. */
export const sectionY = (cy: number, size: number): number => cy - STACK_Y * size;

/** The section line across a top view, a little past the substrate's edges. */
export function sectionLine(key: string, cx: number, cy: number, size: number): { mark: Mark; ends: [[number, number], [number, number]] } {
  const y = sectionY(cy, size);
  const reach = size * 0.62;
  const ends: [[number, number], [number, number]] = [
    [cx - reach, y],
    [cx + reach, y],
  ];
  return {
    mark: {
      key,
      tag: "path",
      attrs: { d: `M${r1(ends[0][0])},${r1(y)} H${r1(ends[1][0])}`, class: "section-line" },
      enter: { opacity: 0 },
    },
    ends,
  };
}

export interface SideParts {
  sub: Box;
  interposer: Box;
  die: Box;
  /** Each side's stack as a whole (its chips are drawn one by one). */
  stacks: { l: Box; r: Box };
  /** The links through the interposer, per side: from under a stack to under the die. */
  links: { l: string[]; r: string[] };
}

/** Memory chips per stack in the section (schematic), and links per side. */
export const LAYERS = 8;
const LINKS = 6;

/** The package cut along A–A, `w` wide and `h` high, standing on `bottom`, centred on cx: the top view's proportions across. */
export function sideParts(cx: number, bottom: number, w: number, h: number): SideParts {
  const ts = h * 0.16;
  const ti = h * 0.11;
  const sub = { x0: cx - w / 2, y0: bottom - ts, x1: cx + w / 2, y1: bottom };
  const interposer = { x0: cx - w * 0.47, y0: sub.y0 - ti, x1: cx + w * 0.47, y1: sub.y0 };
  const top = interposer.y0 - h * 0.015;
  const die = { x0: cx - (DIE / 2) * w, y0: top - h * 0.36, x1: cx + (DIE / 2) * w, y1: top };
  const sw = STACK_W * w * 1.15;
  const sh = h * 0.7;
  const stack = (sx: number): Box => box(cx + sx * STACK_X * w, top - sh / 2, sw, sh);
  const l = stack(-1);
  const r = stack(1);
  // One bundle a side, nested so that none crosses another (graphics review 52, item 8: the links crossed, a knot):
  // the link from nearest the stack's edge runs highest and shortest, into the die nearest its edge; each next one
  // from a little further under the stack, a little deeper, a little further into the die.
  const y = (j: number) => interposer.y0 + ti * (0.18 + (0.64 * j) / (LINKS - 1));
  const link = (from: Box, side: 1 | -1, j: number) => {
    const sx = side < 0 ? from.x1 - (sw * 0.4 * (j + 0.5)) / LINKS : from.x0 + (sw * 0.4 * (j + 0.5)) / LINKS;
    const ex = side < 0 ? die.x0 + (DIE * w * 0.12 * (j + 0.5)) / LINKS : die.x1 - (DIE * w * 0.12 * (j + 0.5)) / LINKS;
    return `M${r1(sx)},${r1(top)} V${r1(y(j))} H${r1(ex)} V${r1(top)}`;
  };
  const js = [...Array(LINKS).keys()];
  return { sub, interposer, die, stacks: { l, r }, links: { l: js.map((j) => link(l, -1, j)), r: js.map((j) => link(r, 1, j)) } };
}

/** The section's marks: substrate, interposer, each stack's memory chips, the die, the links (strong while data flows). */
export function chipSide(key: string, p: SideParts, owner: Owner, flowing: boolean): Mark[] {
  const marks: Mark[] = [rect(`${key}-side-sub`, p.sub, "sub", 2), rect(`${key}-side-int`, p.interposer, "interposer", 1)];
  for (const side of ["l", "r"] as const) {
    const s = p.stacks[side];
    const pitch = (s.y1 - s.y0) / LAYERS;
    for (let i = 0; i < LAYERS; i++)
      marks.push(
        rect(
          `${key}-side-hbm-${side}-${i}`,
          { x0: s.x0, y0: s.y1 - (i + 1) * pitch + pitch * 0.14, x1: s.x1, y1: s.y1 - i * pitch },
          "stack",
          1,
        ),
      );
    p.links[side].forEach((d, j) =>
      marks.push({
        key: `${key}-link-${side}-${j}`,
        tag: "path",
        attrs: { d, class: flowing ? "arc arc-ink" : "slot", fill: "none" },
        enter: { opacity: 0 },
      }),
    );
  }
  // (NVIDIA's `die-cut`: drawn cut open, the dark scheme gives the processor a light fill of its own: theme.css.)
  marks.push(rect(`${key}-side-die`, p.die, owner === "nvidia" ? "die die-ink die-cut" : DIE_CLASS[owner], 2));
  return marks;
}

/** Racks (a data centre): `n` cabinets with slot lines, planned ones dashed. */
export function racks(key: string, b: Box, planned: boolean, n = 3): Mark[] {
  const gap = (b.x1 - b.x0) * 0.08;
  const w = (b.x1 - b.x0 - gap * (n - 1)) / n;
  const marks: Mark[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = b.x0 + i * (w + gap);
    marks.push(rect(`${key}-${i}`, { x0, y0: b.y0, x1: x0 + w, y1: b.y1 }, planned ? "rack rack-plan" : "rack", 2));
    const slots = 6;
    const d = [...Array(slots).keys()]
      .map((k) => {
        const y = b.y0 + ((b.y1 - b.y0) * (k + 1)) / (slots + 1);
        return `M${r1(x0 + w * 0.2)},${r1(y)} H${r1(x0 + w * 0.8)}`;
      })
      .join(" ");
    marks.push({ key: `${key}-${i}-slots`, tag: "path", attrs: { d, class: "slot" } });
  }
  return marks;
}

/** A person: head and shoulders, `size` the shoulders' width (rust for Altman and Ho, grey for others). Returns its box too. */
export function bust(key: string, cx: number, cy: number, size: number, grey = false): { marks: Mark[]; box: Box } {
  const hr = size * 0.3;
  const sh = size * 0.5;
  const cls: ClassList = grey ? "bust bust-grey" : "bust";
  const top = cy - sh / 2 - hr * 2.1;
  const d = `M${r1(cx - size / 2)},${r1(cy + sh / 2)} V${r1(cy)} Q${r1(cx - size / 2)},${r1(cy - sh / 2)} ${r1(cx)},${r1(cy - sh / 2)} Q${r1(cx + size / 2)},${r1(cy - sh / 2)} ${r1(cx + size / 2)},${r1(cy)} V${r1(cy + sh / 2)} Z`;
  return {
    marks: [
      { key: `${key}-head`, tag: "circle", attrs: { cx: r1(cx), cy: r1(top + hr), r: r1(hr), class: cls } },
      { key: `${key}-body`, tag: "path", attrs: { d, class: cls } },
    ],
    box: { x0: cx - size / 2, y0: top, x1: cx + size / 2, y1: cy + sh / 2 },
  };
}

/**
 * Another firm's own chip (rivals: Meta's, Microsoft's, Google's, Amazon's), a plain package seen from above: the
 * substrate of side `size`, one grey die in its middle and a row of pins inside each edge. No memory stacks and no
 * ink: NVIDIA's GPU (chipTop) is the one chip drawn with them, so that the customers' chips read as theirs, not as
 * more of NVIDIA's (graphics review 51, item 5). Keys: `${key}-sub`, `${key}-die`, `${key}-pins`. One only announced, not
 * yet in use, has the planned chip's dashed outline (`planned`; standards review 55: Maia drawn as solid as chips in use).
 */
export const CUSTOM_DIE = 0.5;
export function customChip(key: string, cx: number, cy: number, size: number, planned = false): Mark[] {
  const s = size;
  const rx = Math.max(1, s * 0.02);
  const pin = s * 0.1;
  const d = [-0.25, 0, 0.25]
    .flatMap((u) => [
      `M${r1(cx + u * s)},${r1(cy - s / 2)} v${r1(pin)}`,
      `M${r1(cx + u * s)},${r1(cy + s / 2)} v${r1(-pin)}`,
      `M${r1(cx - s / 2)},${r1(cy + u * s)} h${r1(pin)}`,
      `M${r1(cx + s / 2)},${r1(cy + u * s)} h${r1(-pin)}`,
    ])
    .join(" ");
  return [
    rect(`${key}-sub`, box(cx, cy, s, s), planned ? "sub sub-plan" : "sub", rx * 2),
    { key: `${key}-pins`, tag: "path", attrs: { d, class: "slot", fill: "none" } },
    rect(`${key}-die`, box(cx, cy, CUSTOM_DIE * s, CUSTOM_DIE * s), "die", rx),
  ];
}
