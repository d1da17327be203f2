// Marks → SVG markup, for build time: the first state of the stage, every
// step's static figure (no JavaScript, print, PDF) and the shared symbols.
// The live renderer draws the same marks into the DOM, keyed the same way.

import type { Mark, SymbolDef } from "../story/types.ts";
import { escapeHtml as esc } from "../story/escape.ts";

export function markToSvg(m: Mark, keyed = true): string {
  const attrs = Object.entries(m.attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
  const inner = (m.text !== undefined ? esc(m.text) : "") + (m.children ?? []).map((c) => markToSvg(c, keyed)).join("");
  const open = `<${m.tag}${keyed ? ` data-key="${esc(m.key)}"` : ""}${attrs}`;
  // An empty SVG element closes itself: HTML parses `<rect …/>` inside `<svg>` as `<rect …></rect>`.
  return inner ? `${open}>${inner}</${m.tag}>` : `${open}/>`;
}

export function marksToSvg(marks: Mark[], keyed = true): string {
  return marks.map((m) => markToSvg(m, keyed)).join("");
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
