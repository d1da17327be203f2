// Path data of the shared shapes (the coastlines) in fewer bytes. d3-geo writes
// every point absolute ("L543.1,308.7"); most of the page's map bytes are those
// points. Written relative to the point before ("l.7-.6"), the same points take
// about six tenths of the characters, and the whole page a tenth fewer bytes after gzip.
// Lossless: the points are counted in tenths (d3-geo's `digits(1)`), so every
// difference is exact and the browser lands on the very same points.

/** A command letter and what follows it, up to the next command. */
const COMMANDS = /([A-Za-z])([^A-Za-z]*)/g;
/** A number in path data. */
const NUMBER = /-?\d*\.?\d+(?:e[-+]?\d+)?/gi;

/** Tenths, written as short as SVG path data allows: "-.5", "3", "12.4". */
function tenths(v: number): string {
  const sign = v < 0 ? "-" : "";
  const a = Math.abs(v);
  const whole = Math.floor(a / 10);
  const frac = a % 10;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? "" : whole}.${frac}`;
}

/** A pair, with no separator where the second number's sign already separates them. */
function pair(x: number, y: number): string {
  const b = tenths(y);
  return `${tenths(x)}${b.startsWith("-") ? "" : ","}${b}`;
}

/**
 * Absolute path data made of M, L and Z only (as d3-geo writes polygons), with at
 * most one decimal, rewritten with each line relative to the point before. Throws
 * on any other command or on finer coordinates: those would not survive unchanged.
 */
export function compactPath(d: string): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  let drawing = false;
  for (const [, cmd, args] of d.matchAll(COMMANDS)) {
    if (cmd === "Z" || cmd === "z") {
      out.push("z");
      drawing = false;
      continue;
    }
    if (cmd !== "M" && cmd !== "L") throw new Error(`compactPath: "${cmd}" in path data; only absolute M, L and Z are rewritten`);
    const nums = (args!.match(NUMBER) ?? []).map((s) => {
      const t = Number(s) * 10;
      if (Math.abs(t - Math.round(t)) > 1e-6) throw new Error(`compactPath: ${s} has more than one decimal`);
      return Math.round(t);
    });
    if (nums.length === 0 || nums.length % 2 !== 0) throw new Error(`compactPath: "${cmd}${args}" is not a list of points`);
    for (let i = 0; i < nums.length; i += 2) {
      const nx = nums[i]!;
      const ny = nums[i + 1]!;
      if (cmd === "M" && i === 0) {
        out.push(`M${pair(nx, ny)}`);
        drawing = false;
      } else {
        const p = pair(nx - x, ny - y);
        if (drawing) out.push(p.startsWith("-") ? p : ` ${p}`);
        else out.push(`l${p}`);
        drawing = true;
      }
      x = nx;
      y = ny;
    }
  }
  return out.join("");
}

type Point = [number, number];

/** One command of path data with its points made absolute: a move or line's end; a curve's control points, then its end. */
export interface PathCommand {
  /** "M", "L", "Q" (quadratic), "C" (cubic), "A" (arc, only its end point) or "Z" (back to the subpath's start). */
  cmd: "M" | "L" | "Q" | "C" | "A" | "Z";
  points: Point[];
}

/** How many numbers one use of each command takes. */
const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, Q: 4, T: 2, C: 6, S: 4, A: 7, Z: 0 };

/**
 * The one reader of SVG path data: every command (absolute or relative, with
 * repeated argument lists and the shorthands H, V, S, T) as absolute points.
 * Throws on a letter that is not a path command or on a short argument list.
 */
export function readPath(d: string): PathCommand[] {
  const out: PathCommand[] = [];
  let [x, y] = [0, 0];
  let start: Point = [0, 0];
  // The last curve's second control point, for the reflected shorthands S and T.
  let lastCtrl: { kind: "Q" | "C"; at: Point } | null = null;
  for (const [, letter, args] of d.matchAll(COMMANDS)) {
    const upper = letter!.toUpperCase();
    const arity = ARITY[upper];
    if (arity === undefined) throw new Error(`readPath: "${letter}" is not a path command`);
    const rel = letter !== upper;
    const nums = (args!.match(NUMBER) ?? []).map(Number);
    if (arity === 0) {
      out.push({ cmd: "Z", points: [start] });
      [x, y] = start;
      lastCtrl = null;
      continue;
    }
    if (nums.length === 0 || nums.length % arity !== 0)
      throw new Error(`readPath: "${letter}${args}" does not hold ${arity} numbers per use`);
    for (let i = 0; i < nums.length; i += arity) {
      const n = nums.slice(i, i + arity);
      const at = (k: number): Point => [rel ? x + n[k]! : n[k]!, rel ? y + n[k + 1]! : n[k + 1]!];
      const reflect = (kind: "Q" | "C"): Point => (lastCtrl?.kind === kind ? [2 * x - lastCtrl.at[0], 2 * y - lastCtrl.at[1]] : [x, y]);
      let c: PathCommand;
      if (upper === "M") c = { cmd: i === 0 ? "M" : "L", points: [at(0)] };
      else if (upper === "L" || upper === "T")
        c = upper === "T" ? { cmd: "Q", points: [reflect("Q"), at(0)] } : { cmd: "L", points: [at(0)] };
      else if (upper === "H") c = { cmd: "L", points: [[rel ? x + n[0]! : n[0]!, y]] };
      else if (upper === "V") c = { cmd: "L", points: [[x, rel ? y + n[0]! : n[0]!]] };
      else if (upper === "Q") c = { cmd: "Q", points: [at(0), at(2)] };
      else if (upper === "S") c = { cmd: "C", points: [reflect("C"), at(0), at(2)] };
      else if (upper === "C") c = { cmd: "C", points: [at(0), at(2), at(4)] };
      else c = { cmd: "A", points: [at(5)] };
      out.push(c);
      lastCtrl = c.cmd === "Q" || c.cmd === "C" ? { kind: c.cmd, at: c.points.at(-2)! } : null;
      [x, y] = c.points.at(-1)!;
      if (c.cmd === "M") start = [x, y];
    }
  }
  return out;
}

/** The points a path passes through (every command's end, to the tenth): to measure a shape in tests and tools whichever way its data is written. */
export function pathPoints(d: string): Point[] {
  return readPath(d)
    .filter((c) => c.cmd !== "Z")
    .map((c) => c.points.at(-1)!)
    .map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
}
