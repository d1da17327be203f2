// Marks → SVG markup, for build time: the first state of the stage, every
// step's static figure (no JavaScript, print, PDF) and the shared symbols.
// The live renderer draws the same marks into the DOM, keyed the same way.

import type { Mark, SymbolDef } from "../story/types.ts";
import { escapeHtml as esc } from "../story/escape.ts";

export function markToSvg(m: Mark, keyed = true): string {
  const attrs = Object.entries(m.attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
  const inner = (m.text !== undefined ? esc(m.text) : "") + marksToSvg(m.children ?? [], keyed);
  const open = `<${m.tag}${keyed ? ` data-key="${esc(m.key)}"` : ""}${attrs}`;
  // An empty SVG element closes itself: HTML parses `<rect …/>` inside `<svg>` as `<rect …></rect>`.
  return inner ? `${open}>${inner}</${m.tag}>` : `${open}/>`;
}

/**
 * Marks as SVG. Unkeyed (a picture only, never animated), a run of sibling squares that
 * differ only in where they stand (money counted in squares: a thousand of them on a
 * page) is written as one path of those squares, with the same class and presentation:
 * it paints the same, and weighs a fifth.
 */
export function marksToSvg(marks: Mark[], keyed = true): string {
  if (keyed) return marks.map((m) => markToSvg(m, true)).join("");
  return drawnRuns(marks)
    .map((run) => (run.length > 1 ? squaresPath(run) : markToSvg(run[0]!, false)))
    .join("");
}

/** Unkeyed marks as the elements that draw them: each a run of one mark, or of squares written as one path. */
export function drawnRuns(marks: Mark[]): Mark[][] {
  const runs: Mark[][] = [];
  for (let i = 0; i < marks.length;) {
    let j = i + 1;
    while (j < marks.length && sameSquare(marks[i]!, marks[j]!)) j++;
    const beforeInsideValue = marks[j]?.attrs.class?.toString().split(" ").includes("val-inside");
    if (j - i < 2 || beforeInsideValue) j = i + 1;
    runs.push(marks.slice(i, j));
    i = j;
  }
  return runs;
}

/** Whether `b` is a plain rectangle like `a` but for its x and y (no rounded corners, no content). */
function sameSquare(a: Mark, b: Mark): boolean {
  if (a.tag !== "rect" || b.tag !== "rect" || a.children || b.children || a.text !== undefined || b.text !== undefined) return false;
  const { x: _ax, y: _ay, ...ra } = a.attrs;
  const { x: _bx, y: _by, ...rb } = b.attrs;
  const ka = Object.keys(ra);
  return (
    !("rx" in ra) &&
    !("ry" in ra) &&
    Number(ra.width) > 0 &&
    Number(ra.height) > 0 &&
    ka.length === Object.keys(rb).length &&
    ka.every((k) => String(ra[k as keyof typeof ra]) === String(rb[k as keyof typeof rb]))
  );
}

/** Rectangles of one size and presentation as one path: each drawn from its top left corner, clockwise, as a rect is. */
function squaresPath(rects: Mark[]): string {
  const { x: _x, y: _y, width, height, ...rest } = rects[0]!.attrs as Record<string, string | number>;
  const d = rects.map((r) => `M${r.attrs.x},${r.attrs.y}h${width}v${height}h-${width}z`).join("");
  return markToSvg({ key: rects[0]!.key, tag: "path", attrs: { d, ...rest } } as Mark, false);
}

export interface SvgOptions {
  width: number;
  height: number;
  /** The viewBox's top (a cropped figure shows the band from `top` to `top + height`). */
  top?: number;
  /** Accessible name and longer description, in the page's language. */
  title: string;
  desc?: string;
  id: string;
  className?: string;
  attrs?: Record<string, string>;
  /**
   * Whether marks carry their keys (data-key): the live stage finds its marks by them. A
   * figure that is only ever a picture (a step's static figure) leaves them out: 2 KB gzip
   * of every story page.
   */
  keys?: boolean;
}

/** A complete, accessible `<svg role="img">` around marks. */
export function svgDocument(marks: Mark[], o: SvgOptions): string {
  const extra = Object.entries(o.attrs ?? {})
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
  const labelled = o.desc ? `${o.id}-t ${o.id}-d` : `${o.id}-t`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 ${o.top ?? 0} ${o.width} ${o.height}" role="img" aria-labelledby="${labelled}"${o.className ? ` class="${esc(o.className)}"` : ""}${extra}>` +
    `<title id="${o.id}-t">${esc(o.title)}</title>${o.desc ? `<desc id="${o.id}-d">${esc(o.desc)}</desc>` : ""}` +
    marksToSvg(marks, o.keys ?? true) +
    `</svg>`
  );
}

/** A fade (a gradient): `fill="url(#id)"` reaches only the page's own document, so fades stay in the page. */
const isShape = (d: SymbolDef): boolean => !d.fade;

function symbolMarkup(d: SymbolDef): string {
  return d.fade
    ? `<linearGradient id="${esc(d.id)}" x1="0" y1="0" ${d.fade === "down" || d.fade === "up" ? 'x2="0" y2="1"' : 'x2="1" y2="0"'}>` +
        `<stop offset="0" class="fade-stop" stop-opacity="${d.fade === "down" || d.fade === "right" ? 1 : 0}"/>` +
        `<stop offset="1" class="fade-stop" stop-opacity="${d.fade === "down" || d.fade === "right" ? 0 : 1}"/></linearGradient>`
    : `<path id="${esc(d.id)}" d="${esc(d.d ?? "")}" vector-effect="non-scaling-stroke"/>`;
}

/**
 * One hidden sprite with shared shapes; marks reference them with `<use href="#id">`.
 * With `shapes: false` only the fades: the story page fetches its shapes (the map's
 * coastline, most of a page's weight) from the geometry file instead (geometrySvg).
 */
export function symbolSprite(defs: SymbolDef[], o: { shapes?: boolean } = {}): string {
  const kept = o.shapes === false ? defs.filter((d) => !isShape(d)) : defs;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="sprite" aria-hidden="true" focusable="false" width="0" height="0"><defs>` +
    kept.map(symbolMarkup).join("") +
    `</defs></svg>`
  );
}

/** The ids of the shapes (not the fades) among `defs`: what the geometry file holds. */
export const shapeIds = (defs: SymbolDef[]): Set<string> => new Set(defs.filter(isShape).map((d) => d.id));

/**
 * The geometry file: the shared shapes as a standalone SVG document, referenced from
 * the page by `<use href="<file>#id">` (same origin). One file for both languages, cached
 * by the browser, instead of 20 KB gzip of coastline in each page's HTML.
 */
export function geometrySvg(defs: SymbolDef[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${defs.filter(isShape).map(symbolMarkup).join("")}</defs></svg>\n`;
}

/** The shared shapes and fades `markup` references (`href="#id"`, `url(#id)`), as `<defs>` for a figure standing alone. */
export function defsFor(defs: SymbolDef[], markup: string): string {
  const used = defs.filter((d) => markup.includes(`"#${d.id}"`) || markup.includes(`url(#${d.id})`));
  return used.length ? `<defs>${used.map(symbolMarkup).join("")}</defs>` : "";
}
