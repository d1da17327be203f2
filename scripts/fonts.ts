// Font subsetting, run by the build on the built site before the PDFs are
// printed: every font the built CSS names (the complete Source Sans 3 and Source
// Serif 4 of src/styles/fonts.css) is replaced by a WOFF2 holding only the
// glyphs the site shows (every page, figure and stage drawing, in every
// language) plus a safe set, under a new content-hashed name. Then every
// character a page or a stage drawing shows is looked up in every subset: a
// missing glyph stops the build, naming the character and the file it is in,
// so neither the screen nor the PDF ever falls back to another font.

import { SITE } from "../src/story/site.ts";
import { create } from "fontkitten";
import subsetFont from "subset-font";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";

/**
 * Kept in every subset even when no page uses it yet: ASCII, German letters, typographic
 * quotes and dashes, the signs and arrows figures use. Small on purpose: each glyph costs
 * every reader bytes, and the build's check catches whatever a page adds beyond it.
 */
export const SAFE_TEXT =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("") + "\u00a0\u202fÄÖÜäöüßẞ„“”‚‘’–—…€×−≈←↑→↓";

/**
 * Kerning and the standard ligatures (fi, fl), as a browser sets text by default; the rest
 * (small caps, fractions, old-style figures, case forms …) go with their glyphs.
 */
const FEATURES = ["kern", "liga"];

/** Characters no font needs to draw: controls, soft hyphen, zero-width marks. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/u;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad" };
export const decodeHtml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => NAMED[n] ?? m);
const decodeJs = (s: string) =>
  s
    .replace(/\\u\{([0-9a-f]+)\}/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const decodeCss = (s: string) => s.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => join(d.parentPath, d.name));
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** What the site shows, by file (relative to root): all text of every HTML page and every string of the JSON data. */
export function shownText(root: string): Map<string, string> {
  const shown = new Map<string, string>();
  for (const f of files(root, ".html")) shown.set(relative(root, f), decodeHtml(readFileSync(f, "utf8")));
  for (const f of files(root, ".json")) shown.set(relative(root, f), strings(JSON.parse(readFileSync(f, "utf8"))).join("\n"));
  return shown;
}

/** The characters of `text` that a font must draw, each once, sorted. */
export function drawn(text: string): string[] {
  return [...new Set(text)].filter((c) => !INVISIBLE.test(c)).sort();
}

/** The code points a font (TTF, OTF, WOFF or WOFF2 bytes) maps to a glyph, and its glyph count. */
export function cmap(font: Uint8Array): { codePoints: Set<number>; glyphs: number } {
  const f = create(Buffer.from(font));
  if (!("characterSet" in f)) throw new Error("font collections are not supported");
  return { codePoints: new Set(f.characterSet), glyphs: f.numGlyphs };
}

/** Characters of `text` the font has no glyph for. */
export const missingGlyphs = (font: { codePoints: Set<number> }, text: string) =>
  drawn(text).filter((c) => !font.codePoints.has(c.codePointAt(0)!));

export const codePoint = (c: string) => `“${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;

export interface Subset {
  from: string;
  to: string;
  bytesBefore: number;
  bytesAfter: number;
  glyphs: number;
}

/** Subsets every font the built CSS references, rewrites the CSS, deletes the originals. Throws if a shown character lacks a glyph. */
/** The built file a site path names: the path without the site's base path (src/story/site.ts), under `root`. */
function fileOf(root: string, url: string): string {
  return join(root, url.startsWith(SITE.base) ? url.slice(SITE.base.length) : url);
}

export async function subsetSiteFonts(root: string): Promise<Subset[]> {
  const shown = shownText(root);
  // Scripts and styles may put words on the page too (escaped in the bundle): keep what they name, but only
  // what the page text itself shows must be drawable.
  const extra = [
    ...files(root, ".js").map((f) => decodeJs(readFileSync(f, "utf8"))),
    ...files(root, ".css").map((f) => decodeCss(readFileSync(f, "utf8"))),
  ];
  const text = drawn(SAFE_TEXT + [...shown.values()].join("") + extra.join("")).join("");

  const sheets = files(root, ".css");
  // Each font file with the weights its @font-face rule asks for ("400 700" keeps that range of a variable font).
  const urls = new Map<string, { wght?: { min: number; max: number } }>();
  for (const sheet of sheets) {
    for (const m of readFileSync(sheet, "utf8").matchAll(/@font-face\s*\{[^}]*\}/g)) {
      const range = /font-weight:\s*(\d+)\s+(\d+)/.exec(m[0]);
      for (const u of m[0].matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g))
        urls.set(u[1]!, range ? { wght: { min: Number(range[1]), max: Number(range[2]) } } : {});
    }
  }
  const done: Subset[] = [];
  const renamed = new Map<string, string>();
  for (const [url, variationAxes] of urls) {
    if (!url.startsWith("/")) throw new Error(`font ${url} is not a site path; cannot subset it`);
    const file = fileOf(root, url);
    const original = readFileSync(file);
    const subset = await subsetFont(original, text, { targetFormat: "woff2", keepFeatures: FEATURES, variationAxes });
    const name = basename(url, extname(url)).replace(/\.[\w-]{8}$/, "");
    const hash = createHash("sha256").update(subset).digest("base64url").slice(0, 8);
    const to = `${dirname(url)}/${name}.${hash}.woff2`;
    writeFileSync(fileOf(root, to), subset);
    rmSync(file);
    renamed.set(url, to);
    const font = cmap(subset);
    const missing = [...shown].flatMap(([where, t]) => missingGlyphs(font, t).map((c) => `${codePoint(c)} in ${where}`));
    if (missing.length) throw new Error(`font ${name} has no glyph for ${missing.slice(0, 10).join(", ")}`);
    done.push({ from: url, to, bytesBefore: original.length, bytesAfter: subset.length, glyphs: font.glyphs });
  }
  // Pages that preload a font name its new file.
  const pages = [...files(root, ".html"), ...files(root, ".js")];
  for (const page of pages) {
    const before = readFileSync(page, "utf8");
    let after = before;
    for (const [from, to] of renamed) after = after.replaceAll(`"${from}"`, `"${to}"`);
    if (after !== before) writeFileSync(page, after);
  }
  // The style sheets now name other files: give each a new content-hashed name, so no cache serves the old one.
  for (const sheet of sheets) {
    const before = readFileSync(sheet, "utf8");
    const after = before.replace(/url\(\s*["']?([^"')]+)["']?\s*\)(\s*format\([^)]*\))?/g, (m, u: string) =>
      renamed.has(u) ? `url(${renamed.get(u)})format("woff2")` : m,
    );
    if (after === before) continue;
    const hash = createHash("sha256").update(after).digest("base64url").slice(0, 8);
    const renamedSheet = join(dirname(sheet), basename(sheet, ".css").replace(/\.[\w-]{8}$/, "") + `.${hash}.css`);
    writeFileSync(renamedSheet, after);
    rmSync(sheet);
    const [from, to] = [`/${relative(root, sheet)}`, `/${relative(root, renamedSheet)}`];
    for (const page of pages) {
      const text = readFileSync(page, "utf8");
      if (text.includes(from)) writeFileSync(page, text.replaceAll(from, to));
    }
  }
  return done;
}
