// The printed cover's QR code: drawn at build time as SVG from the `qrcode`
// package's matrix (no network, no script on the page). Each dark module is one
// unit square of a single path, inside the four-module quiet zone the standard asks for.
import QRCode from "qrcode";

const QUIET = 4;

/** The code's modules, row by row (true = dark), as the encoder builds them. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, y) => Array.from({ length: modules.size }, (_, x) => Boolean(modules.get(x, y))));
}

/** The QR code of `text` as an SVG document, `label` its text alternative. */
export function qrSvg(text: string, label: string): string {
  const m = qrMatrix(text);
  const side = m.length + 2 * QUIET;
  const d = m.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x + QUIET} ${y + QUIET}h1v1h-1z`] : []))).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${side} ${side}" role="img" aria-label="${label.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

/** Reads an SVG drawn by qrSvg back into its modules (for the tests' round trip). */
export function qrModulesOf(svg: string): boolean[][] {
  const side = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
  const n = side - 2 * QUIET;
  const m = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) m[Number(y) - QUIET]![Number(x) - QUIET] = true;
  return m;
}
