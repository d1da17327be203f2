// Small mark builders shared by scenes: labels that wrap, dots, curved links.
// They only compute numbers and strings; words come in from the caller.

import type { Attrs, Mark } from "../story/types.ts";

export const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Greedy word wrap by character count (figures use one font; good enough at these sizes). */
export function wrap(text: string, maxChars: number): string[] {
  return text.split("\n").flatMap((para) => {
    const lines: string[] = [];
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && (line + " " + word).length > maxChars) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    // No orphan: a lone short word ending a paragraph takes its neighbour with it, if that fits.
    const last = lines.length - 1;
    const cut = last > 0 ? lines[last - 1]!.lastIndexOf(" ") : -1;
    if (
      cut > 0 &&
      !lines[last]!.includes(" ") &&
      lines[last]!.length <= 5 &&
      lines[last - 1]!.length - cut + lines[last]!.length <= maxChars
    ) {
      lines[last] = `${lines[last - 1]!.slice(cut + 1)} ${lines[last]}`;
      lines[last - 1] = lines[last - 1]!.slice(0, cut);
    }
    return lines;
  });
}

/** A label of one or more lines; each line is its own keyed text mark. */
export function label(
  key: string,
  text: string,
  x: number,
  y: number,
  opts: {
    size: number;
    maxChars?: number;
    anchor?: "start" | "middle" | "end";
    cls?: string;
    lineHeight?: number;
    growUp?: boolean;
    centre?: boolean;
  },
): Mark[] {
  const lines = opts.maxChars ? wrap(text, opts.maxChars) : text.split("\n");
  const lh = (opts.lineHeight ?? 1.25) * opts.size;
  // growUp: `y` is the baseline of the last line, so extra lines stack upwards.
  if (opts.growUp) y -= (lines.length - 1) * lh;
  // centre: `y` is the middle baseline, so the block is centred vertically on it.
  if (opts.centre) y -= ((lines.length - 1) * lh) / 2;
  return lines.map((line, i) => ({
    key: `${key}-${i}`,
    tag: "text",
    text: line,
    attrs: { x: r1(x), y: r1(y + i * lh), "font-size": opts.size, "text-anchor": opts.anchor ?? "start", class: opts.cls ?? "lbl" },
  }));
}

/** A round dot drawn as a rect, so it can grow into a bar in another scene. */
export function dot(key: string, x: number, y: number, size: number, cls: string, extra: Attrs = {}): Mark {
  return {
    key,
    tag: "rect",
    attrs: { x: r1(x - size / 2), y: r1(y - size / 2), width: r1(size), height: r1(size), rx: r1(size / 2), class: cls, ...extra },
    enter: { width: 0, height: 0, x: r1(x), y: r1(y), opacity: 0 },
  };
}

/** A curved link from a to b; `bend` lifts the curve (fraction of its length). */
export function link(key: string, a: [number, number], b: [number, number], cls: string, bend = 0.25): Mark {
  const [x1, y1] = a;
  const [x2, y2] = b;
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const cx = mx + dy * bend;
  const cy = my - dx * bend;
  return {
    key,
    tag: "path",
    attrs: { d: `M${r1(x1)},${r1(y1)} Q${r1(cx)},${r1(cy)} ${r1(x2)},${r1(y2)}`, class: cls, fill: "none" },
    enter: { opacity: 0 },
  };
}

/** Point on the quadratic link at t (0…1), for placing a label along it. */
export function linkPoint(a: [number, number], b: [number, number], bend: number, t: number): [number, number] {
  const cx = (a[0] + b[0]) / 2 + (b[1] - a[1]) * bend;
  const cy = (a[1] + b[1]) / 2 - (b[0] - a[0]) * bend;
  const u = 1 - t;
  return [u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]];
}
