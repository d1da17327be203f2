// Text metrics for figure labels, without a DOM: an estimate of each glyph's
// advance in Source Sans 3 (in em), good to a few per cent for the words of
// this story. Scenes use it to place and wrap labels; the tests use the same
// estimate to prove that no label collides with another or leaves the figure.

const SPACE = /[ \u00a0]/;
const NBSP = String.fromCharCode(0xa0);
const NARROW = /[il.,:;'|!’‘ı·]/;
const SLIM = /[fjrt()\-/[\]]/;

function advance(ch: string): number {
  if (SPACE.test(ch)) return 0.2;
  if (NARROW.test(ch)) return 0.24;
  if (SLIM.test(ch)) return 0.33;
  if (ch === "m" || ch === "w") return 0.78;
  if (ch === "M" || ch === "W") return 0.86;
  if (ch === "I") return 0.26;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[A-ZÄÖÜ]/.test(ch)) return 0.6;
  // Quotation marks, dashes and currency signs; the em dash (U+2014) is wide.
  if (/[\u201e\u201c\u201d"\u00ab\u00bb\u2013\u2014$\u20ac\u2248]/.test(ch)) return ch.codePointAt(0) === 0x2014 ? 0.9 : 0.52;
  return 0.5;
}

/** Measured against Chromium's rendering of every label: the table runs up to 4 % short, so add 5 %. */
const SAFETY = 1.05;

/** Estimated width of `text` at `size` (user units); bold runs about 5 % wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * size * (bold ? 1.05 : 1) * SAFETY;
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
