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

/**
 * The points of path data made of M/m, L/l and Z/z, absolute: to measure a shape in
 * tests and tools whichever way its data is written.
 */
export function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const [, cmd, args] of d.matchAll(COMMANDS)) {
    if (cmd === "Z" || cmd === "z") {
      x = startX;
      y = startY;
      continue;
    }
    if (!/^[MmLl]$/.test(cmd!)) throw new Error(`pathPoints: "${cmd}" in path data; only M, L and Z are read`);
    const nums = (args!.match(NUMBER) ?? []).map(Number);
    const relative = cmd === "m" || cmd === "l";
    for (let i = 0; i + 1 < nums.length; i += 2) {
      x = relative ? x + nums[i]! : nums[i]!;
      y = relative ? y + nums[i + 1]! : nums[i + 1]!;
      if (i === 0 && (cmd === "M" || cmd === "m")) {
        startX = x;
        startY = y;
      }
      points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
    }
  }
  return points;
}
