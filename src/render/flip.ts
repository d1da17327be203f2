// How the live stage moves a mark without tweening its geometry: a change of a
// mark's geometry attributes (a rect's x/y/width/height, a text's x/y and size, a
// line or path moved as a whole, a group's transform) is expressed as one affine
// matrix that maps the drawing it has to the drawing it gets. The renderer tweens
// that matrix as the element's CSS transform (and its opacity as CSS opacity),
// which Blink repaints without restyling or re-laying out the stage, and writes
// the new attributes once, when the mark settles. Pure: no DOM.

/** Attribute values by name, as the renderer reads them off the DOM as well as off marks. */
export type Values = Record<string, string | number>;

/** A CSS/SVG matrix(a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` after `n`: the matrix that applies n first, then m. */
export function compose(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

/** The matrix `p` of the way from m to n (each entry on its own: exact for translations and scales). */
export function lerp(m: Matrix, n: Matrix, p: number): Matrix {
  return m.map((v, i) => v + (n[i]! - v) * p) as unknown as Matrix;
}

export const sameMatrix = (m: Matrix, n: Matrix): boolean => m.every((v, i) => Math.abs(v - n[i]!) < 1e-6);

/** As a CSS transform value. */
export const cssMatrix = (m: Matrix): string => `matrix(${m.map((v) => +v.toFixed(5)).join(",")})`;

const NUMBER = /-?\d*\.?\d+(?:e[-+]?\d+)?/gi;
const numbers = (v: string): number[] => (v.match(NUMBER) ?? []).map(Number);

/** A transform attribute as one matrix (the functions the scenes write: translate, scale, matrix), or null. */
export function parseTransform(value: string | number | undefined | null): Matrix | null {
  if (value === undefined || value === null || String(value).trim() === "") return IDENTITY;
  let m: Matrix = IDENTITY;
  for (const [, fn, args] of String(value).matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const n = numbers(args!);
    if (fn === "translate") m = compose(m, [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (fn === "scale") m = compose(m, [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
    else if (fn === "matrix" && n.length === 6) m = compose(m, n as unknown as Matrix);
    else return null;
  }
  return m;
}

const num = (a: Values, k: string, fallback = 0): number => (a[k] === undefined ? fallback : Number(a[k]));
const same = (a: Values, b: Values, keys: readonly string[]): boolean => keys.every((k) => String(a[k] ?? "") === String(b[k] ?? ""));

/** The attributes that are a mark's geometry, per tag: what a matrix can stand in for. */
export const GEOMETRY: Record<string, readonly string[]> = {
  rect: ["x", "y", "width", "height"],
  use: ["x", "y", "width", "height"],
  text: ["x", "y", "font-size"],
  line: ["x1", "y1", "x2", "y2"],
  circle: ["cx", "cy", "r"],
  path: ["d"],
  g: [],
};

/** An axis-aligned box to box: scale, then translate. Null where `from` has no extent to scale. */
function boxToBox(x0: number, y0: number, w0: number, h0: number, x1: number, y1: number, w1: number, h1: number): Matrix | null {
  if ((w0 === 0 && w1 !== 0) || (h0 === 0 && h1 !== 0)) return null;
  const sx = w0 === 0 ? 1 : w1 / w0;
  const sy = h0 === 0 ? 1 : h1 / h0;
  return [sx, 0, 0, sy, x1 - sx * x0, y1 - sy * y0];
}

/** A path's absolute points (uppercase commands; the relative ones after the first move do not move with it). */
function shiftPath(d: string, dx: number, dy: number): string | null {
  let first = true;
  let ok = true;
  const out = d.replace(/([A-Za-z])([^A-Za-z]*)/g, (_, cmd: string, args: string) => {
    const n = numbers(args);
    const abs = cmd === cmd.toUpperCase() || first;
    first = false;
    if (!abs || cmd.toUpperCase() === "Z") return cmd + args;
    if (cmd === "A") ok = false;
    const moved = n.map((v, i) => (cmd === "H" ? v + dx : cmd === "V" ? v + dy : i % 2 === 0 ? v + dx : v + dy));
    return cmd + moved.join(",");
  });
  return ok ? out : null;
}

/** Whether two path data strings draw the same points (numbers within 0.05). */
function samePath(a: string, b: string): boolean {
  const x = numbers(a);
  const y = numbers(b);
  const commands = (d: string) => d.replace(/[^A-Za-z]/g, "");
  return commands(a) === commands(b) && x.length === y.length && x.every((v, i) => Math.abs(v - y[i]!) < 0.05);
}

/**
 * The matrix that draws a mark's `from` geometry where its `to` geometry is, or:
 * null when it has no such matrix from this side (a box of no width growing), and
 * "morph" when no matrix does it (a link whose two ends move apart differently,
 * a path that changes shape: the stage's named exception, tweened as geometry).
 * Only the tag's geometry attributes count (GEOMETRY); a transform attribute is the caller's.
 */
export function mapping(tag: string, from: Values, to: Values): Matrix | null | "morph" {
  const keys = GEOMETRY[tag];
  if (!keys) return "morph";
  if (same(from, to, keys)) return IDENTITY;
  switch (tag) {
    case "rect":
    case "use":
      return boxToBox(
        num(from, "x"),
        num(from, "y"),
        num(from, "width"),
        num(from, "height"),
        num(to, "x"),
        num(to, "y"),
        num(to, "width"),
        num(to, "height"),
      );
    case "circle": {
      const r0 = num(from, "r");
      const r1 = num(to, "r");
      return boxToBox(num(from, "cx"), num(from, "cy"), r0, r0, num(to, "cx"), num(to, "cy"), r1, r1);
    }
    case "text": {
      // A label keeps its anchor point: move it there and scale its type about it.
      const f0 = num(from, "font-size", 16);
      const f1 = num(to, "font-size", 16);
      if (f0 === 0) return null;
      const s = f1 / f0;
      return [s, 0, 0, s, num(to, "x") - s * num(from, "x"), num(to, "y") - s * num(from, "y")];
    }
    case "line": {
      const dx = num(to, "x1") - num(from, "x1");
      const dy = num(to, "y1") - num(from, "y1");
      const whole = Math.abs(num(to, "x2") - num(from, "x2") - dx) < 0.05 && Math.abs(num(to, "y2") - num(from, "y2") - dy) < 0.05;
      return whole ? [1, 0, 0, 1, dx, dy] : "morph";
    }
    case "path": {
      const a = String(from.d ?? "");
      const b = String(to.d ?? "");
      const p = numbers(a);
      const q = numbers(b);
      if (p.length < 2 || q.length < 2) return "morph";
      const dx = q[0]! - p[0]!;
      const dy = q[1]! - p[1]!;
      const moved = shiftPath(a, dx, dy);
      return moved !== null && samePath(moved, b) ? [1, 0, 0, 1, dx, dy] : "morph";
    }
    default:
      return IDENTITY;
  }
}
