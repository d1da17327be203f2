// The trillions chapter's unit grid and its small drawings: the unit (one square
// is $40bn, 25 to a row, so a row is $1tn), the groups the article compares, a
// group's squares, the icons for what the money is for, and the brace over the
// target. Pure: marks and path data, no layout decisions (those are trillions.ts's).

import type { RectMark, SceneContext } from "../story/types.ts";
import { r1 } from "./shapes.ts";

/** Dollars per square: a design choice (the key says so), picked so that a row of 25 is $1tn. */
export const UNIT = 40e9;
export const PER_ROW = 25;
/** The square's share of its pitch; the rest is the gap. */
export const FILL = 0.84;
export const GROUPS = [
  { key: "goal", fact: "total-sum" },
  { key: "bonds", fact: "bond-issuance" },
  { key: "giants", fact: "giants-value" },
] as const;
/** The low end of the Journal’s range (our knowledge, not the article’s): the target’s squares from it up are a paler shade. */
export const LOW = "wsj-range-low";
export type GroupKey = (typeof GROUPS)[number]["key"];

export const squares = (ctx: Pick<SceneContext, "value">, fact: string): number => Math.round(ctx.value(fact) / UNIT);
export const rowsOf = (n: number) => Math.ceil(n / PER_ROW);

/**
 * A group's squares, the target outlined in rust (money sought, not raised: the plan), the comparisons pale solid
 * blue (money that exists): row by row from the top left. `at` is the top-left corner.
 */
export function grid(key: GroupKey, n: number, at: [number, number], pitch: number): RectMark[] {
  const size = r1(pitch * FILL);
  return Array.from({ length: n }, (_, i) => ({
    key: `${key}-${i}`,
    tag: "rect" as const,
    attrs: {
      x: r1(at[0] + (i % PER_ROW) * pitch),
      y: r1(at[1] + Math.floor(i / PER_ROW) * pitch),
      width: size,
      height: size,
      class: key === "goal" ? ("bar bar-goal" as const) : ("bar bar-compare" as const),
    },
    enter: { opacity: 0 },
  }));
}

/** Icons for the uses, in a unit square: points of closed outlines, then open strokes. */
export const USES = [
  // In the prose's order (chip manufacturing, electricity and real estate; graphics review 53): left to right.
  // A fab: the sawtooth roof of a factory hall (as the chapters draw fabs).
  {
    key: "fab",
    shape: [
      [
        [0, 1],
        [0, 0.4],
        [0.33, 0.15],
        [0.33, 0.4],
        [0.66, 0.15],
        [0.66, 0.4],
        [1, 0.15],
        [1, 1],
        [0, 1],
      ],
    ],
  },
  // A lightning bolt.
  {
    key: "power",
    shape: [
      [
        [0.6, 0],
        [0.25, 0.55],
        [0.5, 0.55],
        [0.4, 1],
        [0.78, 0.4],
        [0.53, 0.4],
        [0.68, 0],
        [0.6, 0],
      ],
    ],
  },
  // An office block with two rows of windows.
  {
    key: "estate",
    shape: [
      [
        [0.2, 1],
        [0.2, 0],
        [0.8, 0],
        [0.8, 1],
      ],
      [
        [0.35, 0.25],
        [0.45, 0.25],
      ],
      [
        [0.55, 0.25],
        [0.65, 0.25],
      ],
      [
        [0.35, 0.5],
        [0.45, 0.5],
      ],
      [
        [0.55, 0.5],
        [0.65, 0.5],
      ],
      [
        [0.05, 1],
        [0.95, 1],
      ],
    ],
  },
] as const;
export const ICON = 1.3;

export function icon(shape: readonly (readonly (readonly [number, number])[])[], x: number, y: number, s: number): string {
  return shape.map((pts) => pts.map(([u, v], i) => `${i ? "L" : "M"}${r1(x + u * s)},${r1(y + v * s)}`).join(" ")).join(" ");
}

/** A curly brace along the bottom of a span, its point downwards in the middle. */
export function bracePath(x0: number, x1: number, y: number, h: number): string {
  const m = (x0 + x1) / 2;
  const q = Math.min(h, (x1 - x0) / 8);
  const mid = y + h / 2;
  const p = (x: number, yy: number) => `${r1(x)},${r1(yy)}`;
  return (
    `M${p(x0, y)} Q${p(x0, mid)} ${p(x0 + q, mid)} L${p(m - q, mid)} Q${p(m, mid)} ${p(m, y + h)} ` +
    `Q${p(m, mid)} ${p(m + q, mid)} L${p(x1 - q, mid)} Q${p(x1, mid)} ${p(x1, y)}`
  );
}
