// Text metrics from the font files the page ships, shaped by HarfBuzz (the
// shaper Chromium itself uses): advance widths with kerning and the standard
// ligatures, and the ink above and below the baseline, of the exact face and
// weight figure labels are drawn in (svg text: Source Sans 3, src/styles).
//
// Node only. Scenes run at build (src/story/compile.ts) and in the tests, never
// in the reader's browser (the runtime gets compiled marks as JSON), so the
// font files are read here directly rather than through a committed table
// that could drift from them.
//
// On screen the figures use the variable face at wght 400 and 700; in print
// (the PDF) the static Regular and Bold. Their advances differ by at most a
// few thousandths of an em (tests/unit/scenes/text.test.ts holds them within
// 0.3 px at every label), so the screen face is measured for both.

import { Blob, Buffer, Face, Font, Variation, shape } from "harfbuzzjs";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type Weight = 400 | 700;

/** The files src/styles/fonts.css serves for "Source Sans 3", as paths inside the `source-sans` package. */
export const FACES = {
  screen: "VF/SourceSans3VF-Upright.ttf",
  print: { 400: "TTF/SourceSans3-Regular.ttf", 700: "TTF/SourceSans3-Bold.ttf" },
} as const;

const root = dirname(createRequire(import.meta.url).resolve("source-sans/package.json"));
const faces = new Map<string, Face>();
function face(file: string): Face {
  let f = faces.get(file);
  if (!f) faces.set(file, (f = new Face(new Blob(readFileSync(join(root, file))))));
  return f;
}

/** A face at a weight (a variable font at that `wght`). */
export function fontOf(file: string, weight?: Weight): { font: Font; upem: number } {
  const f = face(file);
  const font = new Font(f);
  if (weight) font.setVariations([new Variation("wght", weight)]);
  return { font, upem: f.upem };
}

/**
 * The slant of the italic the browser makes up: the figures' italic labels (.lbl-link) ask for an
 * italic Source Sans 3 the page does not ship, so Chromium leans the upright glyphs by a quarter
 * of their height (Skia's synthetic italic), and their ink reaches past the advance on the right.
 */
export const SYNTHETIC_SLANT = 0.25;

/**
 * One string's shape in em: its advance (kerning and ligatures applied); how far its ink reaches
 * right of its start, upright and slanted; and its ink above (top) and below (bottom) the baseline.
 */
export interface Shape {
  width: number;
  right: number;
  slantedRight: number;
  top: number;
  bottom: number;
}

/** How far right a glyph's outline reaches once slanted: the most of x + slant·y over its points (font units; a curve stays within its control points). */
const slanted = new WeakMap<Font, Map<number, number>>();
function slantedReach(font: Font, glyph: number): number {
  let reach = slanted.get(font);
  if (!reach) slanted.set(font, (reach = new Map()));
  let r = reach.get(glyph);
  if (r === undefined) {
    r = -Infinity;
    for (const c of font.glyphToJson(glyph))
      for (let i = 0; i + 1 < c.values.length; i += 2) r = Math.max(r, c.values[i]! + SYNTHETIC_SLANT * c.values[i + 1]!);
    reach.set(glyph, r);
  }
  return r;
}

export function shapeText(f: { font: Font; upem: number }, text: string): Shape {
  const buf = new Buffer();
  buf.addText(text);
  buf.guessSegmentProperties();
  shape(f.font, buf);
  const infos = buf.getGlyphInfos();
  const positions = buf.getGlyphPositions();
  const s = { width: 0, right: 0, slantedRight: 0, top: 0, bottom: 0 };
  infos.forEach((g, i) => {
    const p = positions[i]!;
    const e = f.font.glyphExtents(g.codepoint);
    // Spaces have no ink (zero extents).
    if (e && e.height !== 0) {
      const x = s.width + p.xOffset + e.xBearing + e.width;
      const top = e.yBearing + p.yOffset;
      s.right = Math.max(s.right, x);
      s.slantedRight = Math.max(s.slantedRight, s.width + p.xOffset + slantedReach(f.font, g.codepoint) + SYNTHETIC_SLANT * p.yOffset);
      s.top = Math.max(s.top, top);
      s.bottom = Math.max(s.bottom, -(top + e.height));
    }
    s.width += p.xAdvance;
  });
  const em = (v: number) => v / f.upem;
  return { width: em(s.width), right: em(s.right), slantedRight: em(s.slantedRight), top: em(s.top), bottom: em(s.bottom) };
}

const screen = { 400: fontOf(FACES.screen, 400), 700: fontOf(FACES.screen, 700) };
const cache = new Map<string, Shape>();

/** A label's shape in em, in the face it is drawn in. */
export function measure(text: string, weight: Weight): Shape {
  const key = `${weight}|${text}`;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = shapeText(screen[weight], text)));
  return s;
}

/** The font's line box in em (ascender and descender, as the browser reports a text element's box). */
export const LINE_BOX = (() => {
  const e = screen[400].font.hExtents();
  return { ascent: e.ascender / screen[400].upem, descent: -e.descender / screen[400].upem };
})();
