// The figure files' fonts (src/render/figureFile.ts): an SVG shown as an image loads
// nothing, so each file carries its own Source Sans 3, subset to the characters its
// labels set in each weight (400; 700 for the classes figure.css sets bold, isBold),
// as WOFF2 in a data: address. The static faces, as the print CSS uses, so the PDF
// embeds them as fonts and keeps every label in its text layer (outlined text would
// drop it). Without hinting (half the bytes; paper and today's screens ignore it). A label whose character the font lacks stops the build, naming the file.

import subsetFont from "subset-font";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isBold } from "../src/scenes/figure.ts";
import { cmap, codePoint, decodeHtml, drawn, missingGlyphs } from "./fonts.ts";

const FACES = {
  400: "node_modules/source-sans/TTF/SourceSans3-Regular.ttf",
  700: "node_modules/source-sans/TTF/SourceSans3-Bold.ttf",
} as const;

/**
 * Kerning only: no ligatures. Chromium prints an image's text with no way back from a ligature's
 * glyph to its letters, so "offen" would read "oen" in the PDF's text layer (pdf.spec.ts).
 */
const FEATURES = ["kern"];

/** The figure files of a built site: `<lang>/fig/*.svg`. */
export function figureFilesIn(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".svg") && d.parentPath.endsWith("/fig"))
    .map((d) => join(d.parentPath, d.name));
}

/** The text a figure sets in each weight. */
export function textByWeight(svg: string): Record<keyof typeof FACES, string> {
  const out = { 400: "", 700: "" };
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const cls = /\bclass="([^"]*)"/.exec(m[1]!)?.[1];
    out[isBold({ attrs: { class: cls } }) ? 700 : 400] += decodeHtml(m[2]!);
  }
  return out;
}

/**
 * Subsets are cached on disk by face, features and characters (`.build/cache/fonts`): the test run builds
 * the story twice (at the root and under a sub-path) with the same figures, and a rebuild repeats most of them.
 */
const CACHE = join(process.cwd(), ".build", "cache", "fonts");
async function subsetOf(face: Buffer, chars: string): Promise<Uint8Array> {
  const key = createHash("sha256")
    .update(face)
    .update(`\0${FEATURES.join(",")}\0${chars}`)
    .digest("hex");
  const file = join(CACHE, `${key}.woff2`);
  if (existsSync(file)) return readFileSync(file);
  const subset = await subsetFont(face, chars, { targetFormat: "woff2", keepFeatures: FEATURES, noHinting: true });
  mkdirSync(CACHE, { recursive: true });
  // Written whole under a name of its own, then renamed: the test run's builds run side by side and share
  // this cache, and one must never read a file another is still writing (CI once did: "Unknown font format").
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, subset);
  renameSync(part, file);
  return subset;
}

/** Embeds each figure file's fonts; returns the files and their bytes. Throws if a label has a character the font lacks. */
export async function embedFigureFonts(root: string): Promise<{ files: number; bytes: number }> {
  const faces = Object.fromEntries(Object.entries(FACES).map(([w, f]) => [w, readFileSync(join(process.cwd(), f))]));
  const files = figureFilesIn(root);
  let bytes = 0;
  for (const file of files) {
    const svg = readFileSync(file, "utf8");
    const rules: string[] = [];
    for (const [weight, text] of Object.entries(textByWeight(svg))) {
      const chars = drawn(text).join("");
      if (!chars) continue;
      const subset = await subsetOf(faces[weight]!, chars);
      const missing = missingGlyphs(cmap(subset), chars);
      if (missing.length)
        throw new Error(
          `${relative(root, file)}: Source Sans 3 (${weight}) has no glyph for ${missing.map(codePoint).join(", ")}: change the label`,
        );
      rules.push(
        `@font-face{font-family:"Source Sans 3";font-weight:${weight};src:url(data:font/woff2;base64,${Buffer.from(subset).toString("base64")})format("woff2")}`,
      );
    }
    if (!svg.includes("<style>")) throw new Error(`${relative(root, file)}: a figure file without its <style> (src/render/figureFile.ts)`);
    const out = svg.replace("<style>", `<style>${rules.join("")}`);
    writeFileSync(file, out);
    bytes += Buffer.byteLength(out);
  }
  return { files: files.length, bytes };
}

/**
 * The build's check: every figure a page shows (an <img> or <source> of a figure file) exists, carries
 * its fonts, and is named once per step. Returns the problems, one line each, or [].
 */
export function missingFigures(root: string, pages: string[], base: string): string[] {
  const problems: string[] = [];
  for (const page of pages) {
    const html = readFileSync(join(root, page), "utf8");
    // An <img>'s file, and a <picture>'s other file (a short screen's: src/components/Chapter.astro).
    for (const m of html.matchAll(/<(?:img\b[^>]*\bsrc|source\b[^>]*\bsrcset)="([^"]+\/fig\/[^"]+\.svg)"/g)) {
      const path = m[1]!.startsWith(base) ? m[1]!.slice(base.length) : m[1]!;
      let svg: string;
      try {
        svg = readFileSync(join(root, path), "utf8");
      } catch {
        problems.push(`${page} shows ${m[1]}, which the build did not write`);
        continue;
      }
      if (/<text\b/.test(svg) && !svg.includes("@font-face")) problems.push(`${path} carries no font for its labels`);
    }
  }
  return problems;
}
