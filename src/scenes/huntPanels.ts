// The hunt's answers (src/scenes/hunt.ts): the words of TSMC's two answers, its
// chief's remark in public over the row and its offer in private on the arrow back
// to OpenAI under it. Each is a few words led by its kind ("In public …:", "In
// private:", bold, on the same line), then who said so, small and grey, under
// them (graphics review 44, item 3: the answers had stood as sentences in two
// boxes, IN PUBLIC and IN PRIVATE, beside the picture, not in it). C. C. Wei's
// remark is the article's words, in quotation marks, set as a quotation (italic):
// the article quotes him directly (standards review 46, item 1: a paraphrase,
// "overblown and hard to credit", had dropped "aggressive").

import type { Mark, SceneContext } from "../story/types.ts";
import { lines, LINE, typeOf } from "./figure.ts";
import { keepQuotesTogether, textWidth } from "./text.ts";

/** An answer's words: its head (bold) and text, wrapped into `width`, the head on the first line; then its source. */
export interface Answer {
  key: string;
  head: string;
  text: string;
  /** Who said so (none where the article names no one). */
  source?: string;
  /** Its text is someone's words, quoted: set as a quotation (.lbl-quote). */
  quote?: boolean;
}

/** Greedy wrap at plain spaces (never at non-breaking ones), the first line `first` wide, the others `width`. */
export function wrapFrom(text: string, size: number, first: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (!line || textWidth(next, size) <= (out.length ? width : first)) {
      // a first line with no room for even its first word stays empty (the head stands alone)
      if (!line && !out.length && textWidth(word, size) > first) out.push("");
      line = next;
    } else {
      out.push(line);
      line = word;
    }
  }
  out.push(line);
  return out;
}

/** The words' sizes: the answer at the names' size, its source at the small size (on the desktop's large stage larger). */
const sizes = (ctx: Pick<SceneContext, "layout">) => {
  // (as large as the prose beside the stage allows them: tests/e2e/labelsize.spec.ts, 1.1 times its size at most; the
  // chapter draws at the desktop's zoom, 1.05, since its chip is an icon, so its words no larger than the names there)
  const big = ctx.layout === "column";
  return { size: typeOf(ctx).label, src: typeOf(ctx).small * (big ? 1.1 : 1) };
};

function compose(ctx: SceneContext, a: Answer, width: number) {
  const { size, src } = sizes(ctx);
  const headW = textWidth(a.head, size, true) + size * 0.3;
  // (a quotation whole on a line where it fits one: its spaces kept, it breaks only where the width makes it)
  const text = a.quote && textWidth(a.text, size) <= width ? keepQuotesTogether(a.text) : a.text;
  const body = wrapFrom(text, size, width - headW, width);
  const source = a.source ? wrapFrom(a.source, src, width, width) : [];
  return { size, src, headW, body, source };
}

/** How tall an answer's words stand, from the top of its first line to the foot of its source. */
export function answerHeight(ctx: SceneContext, a: Answer, width: number): number {
  const { size, src, body, source } = compose(ctx, a, width);
  const foot = source.length ? src * 1.25 + (source.length - 1) * src * LINE : size * 0.25;
  return size * 0.8 + (body.length - 1) * size * LINE + foot + src * 0.3;
}

/** An answer's marks: its head and words from (x, top), `width` wide, its source under them. */
export function answerMarks(ctx: SceneContext, a: Answer, x: number, top: number, width: number): Mark[] {
  const { size, src, headW, body, source } = compose(ctx, a, width);
  const y = top + size * 0.8;
  const marks: Mark[] = [...lines(`${a.key}-head`, [a.head], x, y, size, "lbl lbl-strong")];
  const cls = a.quote ? "lbl lbl-quote" : "lbl";
  if (body[0]) marks.push(...lines(`${a.key}-first`, [body[0]], x + headW, y, size, cls));
  marks.push(...lines(`${a.key}-text`, body.slice(1), x, y + size * LINE, size, cls));
  const sy = y + (body.length - 1) * size * LINE + src * 1.25;
  if (source.length) marks.push(...lines(`${a.key}-source`, source, x, sy, src, "lbl lbl-muted"));
  return marks;
}
