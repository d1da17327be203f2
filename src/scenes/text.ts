// Label widths and line breaks for the figures, from the font the labels are
// drawn in (src/fonts/metrics.ts: the shipped Source Sans 3, shaped with its
// kerning). Scenes place and wrap labels with these; the composition tests and
// the browser test (tests/e2e/labels.spec.ts) hold them to what is drawn.

import { measure, type Weight } from "../fonts/metrics.ts";

const NBSP = String.fromCharCode(0xa0);
const weightOf = (bold: boolean): Weight => (bold ? 700 : 400);

/** Width of `text` at `size` (user units) in the regular or bold face: its advance, kerning included. */
export function textWidth(text: string, size: number, bold = false): number {
  return measure(text, weightOf(bold)).width * size;
}

/**
 * Where the ink of `text` at `size` reaches: above and below its baseline (accents, ascenders,
 * descenders), and right of its start (past the advance where a glyph overhangs, more so in the
 * browser's slanted italic).
 */
export function textInk(text: string, size: number, bold = false, italic = false): { top: number; bottom: number; right: number } {
  const s = measure(text, weightOf(bold));
  return { top: s.top * size, bottom: s.bottom * size, right: (italic ? s.slantedRight : s.right) * size };
}

/** Spaces inside a quotation („…“, “…”) become non-breaking, so a short quote never breaks. */
export function keepQuotesTogether(text: string): string {
  return text.replace(/([„“"«])([^„“”"«»]{1,40})([“”"»])/g, (_, a: string, inner: string, b: string) => a + inner.replace(/ /g, NBSP) + b);
}

/**
 * Greedy word wrap to a width in user units. Breaks only at plain spaces (never
 * at non-breaking ones, so names, quotes and numbers with units hold), and
 * leaves no short word alone on a last line when its neighbour fits beside it.
 */
export function wrapWidth(text: string, size: number, maxWidth: number, bold = false): string[] {
  return keepQuotesTogether(text)
    .split("\n")
    .flatMap((para) => {
      const lines: string[] = [];
      let line = "";
      // A compound too wide for a line may break after its hyphen ("US-" / "Handelsministerium").
      const words = para
        .split(/ +/)
        .filter(Boolean)
        .flatMap((w) =>
          (textWidth(w, size, bold) > maxWidth && /\p{L}-\p{L}/u.test(w) ? w.split(/(?<=\p{L}-)(?=\p{L})/u) : [w]).map((text, i) => ({
            text,
            glue: i > 0,
          })),
        );
      for (const { text: word, glue } of words) {
        const next = line ? `${line}${glue ? "" : " "}${word}` : word;
        if (line && textWidth(next, size, bold) > maxWidth) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
      const last = lines.length - 1;
      if (last > 0 && !lines[last]!.includes(" ") && lines[last]!.length <= 5) {
        const cut = lines[last - 1]!.lastIndexOf(" ");
        const moved = `${lines[last - 1]!.slice(cut + 1)} ${lines[last]}`;
        if (cut > 0 && textWidth(moved, size, bold) <= maxWidth) {
          lines[last] = moved;
          lines[last - 1] = lines[last - 1]!.slice(0, cut);
        }
      }
      return lines;
    });
}
