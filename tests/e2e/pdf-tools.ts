// Reading the print edition's PDFs with poppler-utils (pdftotext, pdffonts,
// pdftoppm; scripts/setup.sh installs them): text per page, fonts, and pages as
// greyscale pixels (PGM), which need no image library to compare.

import { execFileSync } from "node:child_process";
import { gunzipSync, gzipSync } from "node:zlib";

function run(cmd: string, args: string[]): Buffer {
  try {
    return execFileSync(cmd, args, { maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${cmd} is missing: install poppler-utils (scripts/setup.sh does it with apt-get; brew install poppler on a Mac)`);
    }
    throw e;
  }
}

/** The text of every page, in content-stream order (each text run stays whole). */
export function pageTexts(file: string): string[] {
  return run("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"]).toString("utf8").split("\f").slice(0, pageCount(file));
}

/** pdfinfo's report of a file (read once per file and worker). */
const infos = new Map<string, string>();
function info(file: string): string {
  let text = infos.get(file);
  if (text === undefined) {
    text = run("pdfinfo", [file]).toString("utf8");
    infos.set(file, text);
  }
  return text;
}

export function pageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(info(file));
  if (!m) throw new Error(`pdfinfo found no page count in ${file}`);
  return Number(m[1]);
}

/** Page size in points, of the first page. */
export function pageSize(file: string): { width: number; height: number } {
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info(file));
  if (!m) throw new Error(`pdfinfo found no page size in ${file}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** Every font of the PDF (pdffonts' table). */
export function fonts(file: string): PdfFont[] {
  const lines = run("pdffonts", [file]).toString("utf8").split("\n").slice(2).filter(Boolean);
  return lines.map((line) => {
    // name, type (may hold spaces: "CID TrueType", "Type 3"), encoding, emb, sub, uni, object, gen
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`cannot read pdffonts line: ${line}`);
    return { name: m[1]!, type: m[2]!.trim(), embedded: m[4] === "yes" };
  });
}

/** A greyscale image: 0 black … 255 white. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

function parsePgm(buf: Buffer): Grey {
  // "P5\n<w> <h>\n<max>\n" then bytes.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    let start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    fields.push(buf.subarray(start, pos).toString("latin1"));
  }
  pos++;
  const [magic, w, h] = fields;
  if (magic !== "P5") throw new Error(`not a binary PGM (${magic})`);
  return { width: Number(w), height: Number(h), data: new Uint8Array(buf.subarray(pos, pos + Number(w) * Number(h))) };
}

/** Pages `first`..`last` (1-based) rendered in grey at `dpi`. */
export function renderPages(file: string, dpi: number, first = 1, last = pageCount(file)): Grey[] {
  const out: Grey[] = [];
  for (let p = first; p <= last; p++) {
    out.push(parsePgm(run("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(p), "-l", String(p), file])));
  }
  return out;
}

/** How far down the page's ink reaches, as a share of the area between `top` and `bottom` (shares of the height). */
export function fillRatio(g: Grey, top: number, bottom: number): number {
  const y0 = Math.round(g.height * top);
  const y1 = Math.round(g.height * bottom);
  let last = y0;
  for (let y = y0; y < y1; y++) {
    const row = g.data.subarray(y * g.width, (y + 1) * g.width);
    if (row.some((v) => v < 200)) last = y;
  }
  return (last - y0) / (y1 - y0);
}

/**
 * The blank bands taller than `least` between two inked rows of the area between `top` and `bottom` (all shares of the
 * page's height): where each starts and ends. A page's foot (after its last ink) is not a band.
 */
export function blankBands(g: Grey, top: number, bottom: number, least: number, right = 1): { from: number; to: number }[] {
  const y0 = Math.round(g.height * top);
  const y1 = Math.round(g.height * bottom);
  const x1 = Math.round(g.width * right);
  let last = -1;
  const out: { from: number; to: number }[] = [];
  for (let y = y0; y < y1; y++) {
    const row = g.data.subarray(y * g.width, y * g.width + x1);
    if (!row.some((v) => v < 200)) continue;
    if (last >= 0 && y - last - 1 > least * g.height) out.push({ from: (last + 1) / g.height, to: y / g.height });
    last = y;
  }
  return out;
}

/** Share of pixels that differ by more than `tolerance` grey levels; images of other sizes differ entirely. */
export function differingShare(a: Grey, b: Grey, tolerance = 48): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i]! - b.data[i]!) > tolerance) n++;
  return n / a.data.length;
}

/** A grey image as a small gzipped PGM (the committed reference), and back. */
export const packGrey = (g: Grey): Buffer =>
  gzipSync(Buffer.concat([Buffer.from(`P5\n${g.width} ${g.height}\n255\n`, "latin1"), Buffer.from(g.data)]));
export const unpackGrey = (b: Buffer): Grey => parsePgm(gunzipSync(b));

/**
 * Text compared without any white space (line breaks, hyphenation spaces,
 * NBSP), without quotation marks (a <q> prints them, its text does not hold
 * them) and in NFKC (ligatures).
 */
export const squeeze = (s: string): string => s.normalize("NFKC").replace(/[\s\u00ad\u2060"'„“”‚‘’«»‹›]+/g, "");

/** Each word of a PDF's text layer (pdftotext's boxes): its page (1-based), its text and its box's height in pt. */
export function wordBoxes(file: string): { page: number; text: string; height: number }[] {
  const xml = run("pdftotext", ["-bbox", file, "-"]).toString("utf8");
  return xml
    .split(/<page /)
    .slice(1)
    .flatMap((pg, i) =>
      [...pg.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        page: i + 1,
        text: m[3]!,
        height: Number(m[2]) - Number(m[1]),
      })),
    );
}

/** Each page's text lines (pdftotext's layout boxes, in reading order): left edge, top, foot (pt) and words, squeezed. */
export function lineBoxes(file: string): { xMin: number; xMax: number; yMin: number; yMax: number; text: string }[][] {
  const xml = run("pdftotext", ["-bbox-layout", file, "-"]).toString("utf8");
  const decode = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!);
  return xml
    .split(/<page /)
    .slice(1)
    .map((pg) =>
      [...pg.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: squeeze([...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(" ")),
      })),
    );
}
