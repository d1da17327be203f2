// The hunt's two answers (src/scenes/hunt.ts), the chapter's main graphic: over
// the row of who talked to whom, TSMC in public (C. C. Wei's verdict, a paraphrase marked as one:
// the facts file holds no quotation of his, so no quotation marks and no italics);
// under it, out of sight, in private (the offer and its condition drawn as structure: OpenAI's firm
// orders, dashed while only asked for, into an existing fab; the new fabs it would
// spare struck through), never as a count the article does not give.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { r1 } from "./shapes.ts";
import { lines, LINE, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

/** Whether the answers are set small: on the phone's stage, in print, on a phone on its side (all but the desktop's). */
const small = (ctx: Pick<SceneContext, "layout">): boolean => ctx.layout !== "column";

/** A panel's head: grey caps over a hairline, and after them who said so (`source`). */
function panelHead(ctx: SceneContext, key: string, text: string, box: Box, source?: string): Mark[] {
  const t = typeOf(ctx);
  // The two heads carry the contrast the later steps draw (in public / in private): set at the names' size where
  // the answers stand side by side on a wide stage, else at the small size (never under the caption's type: in
  // print that would be under 8 pt; on the phone's stage the note's comes out under 12 px at 390 px wide).
  const size = small(ctx) ? t.small : t.label;
  const y = box.y0 + t.small * 1.25;
  return [
    { key: `${key}-rule`, tag: "line", attrs: { x1: r1(box.x0), y1: r1(box.y0), x2: r1(box.x1), y2: r1(box.y0), class: "table-rule" } },
    ...lines(`${key}-head`, [text], box.x0, y, size, "lbl lbl-muted lbl-strong"),
    ...(source ? lines(`${key}-source`, [source], box.x0 + textWidth(text, size, true) + size * 0.3, y, size, "lbl lbl-muted") : []),
  ];
}

/** The public answer's words, wrapped beside the bust in a panel from x0 to x1: the verdict, then who gave it (paraphrased). */
function publicWords(ctx: SceneContext, x0: number, x1: number) {
  const t = typeOf(ctx);
  // Side by side on the desktop's stage, the verdict is the figure's headline: a little larger than a name, no more
  // (graphics review 43, item 5: at 1.4 times a name, zoomed with the chapter, it stood at twice the type of the
  // chapters around it).
  const size = small(ctx) ? t.label : t.label * 1.15;
  const s = t.label * 0.6;
  const x = x0 + s * 3.6;
  return { s, x, size, quote: wrapWidth(ctx.t("verdict"), size, x1 - x), who: wrapWidth(ctx.t("speaker"), t.small, x1 - x) };
}

/** The first baseline under a panel's head. */
const firstLine = (ctx: SceneContext) => typeOf(ctx).small * 2.1 + typeOf(ctx).label * 0.8;

/** How tall the public answer's panel is from its rule to the foot of its last line (the speaker may wrap), the bust's foot at least. */
export function publicHeight(ctx: SceneContext, x0: number, x1: number): number {
  const t = typeOf(ctx);
  const { s, size, quote, who } = publicWords(ctx, x0, x1);
  const words = firstLine(ctx) + (size - t.label) * 0.8 + quote.length * size * LINE + (who.length - 1) * t.small * LINE + t.small * 0.3;
  return Math.max(words, t.small * 2.3 + s * 2.6);
}

/**
 * In public: C. C. Wei (a grey bust) and his verdict, with its speaker and the mark that it is paraphrased; with
 * `full`, under them the note on the other executives. Returns the marks and the foot of its last words.
 */
export function publicPanel(ctx: SceneContext, box: Box, full: boolean): { marks: Mark[]; foot: number } {
  const t = typeOf(ctx);
  const marks = panelHead(ctx, "public", ctx.t("public"), box);
  const { s, x, size, quote, who } = publicWords(ctx, box.x0, box.x1);
  marks.push(...bust("wei", box.x0 + s * 1.6, box.y0 + t.small * 2.3 + s, s));
  let y = box.y0 + firstLine(ctx) + (size - t.label) * 0.8;
  marks.push(...lines("verdict", quote, x, y, size, "lbl"));
  y += quote.length * size * LINE;
  marks.push(...lines("speaker", who, x, y, t.small, "lbl lbl-muted"));
  let foot = Math.max(y + (who.length - 1) * t.small * LINE, box.y0 + publicHeight(ctx, box.x0, box.x1)) + t.small * 0.3;
  if (full) {
    const most = wrapWidth(ctx.t("most"), t.small, box.x1 - x);
    const top = foot + t.small * 1.2;
    marks.push(...lines("most", most, x, top, t.small, "lbl lbl-note"));
    foot = top + (most.length - 1) * t.small * LINE + t.small * 0.3;
  }
  return { marks, foot };
}

/** A person: a head over shoulders, grey (someone other than OpenAI's people). */
function bust(key: string, x: number, y: number, s: number): Mark[] {
  const head = s * 0.55;
  const sh = s * 1.3;
  return [
    { key: `${key}-head`, tag: "circle", attrs: { cx: r1(x), cy: r1(y - s * 0.6), r: r1(head), class: "marker marker-muted" } },
    {
      key: `${key}-body`,
      tag: "path",
      attrs: {
        d: `M${r1(x - sh)},${r1(y + s * 1.35)} Q${r1(x - sh)},${r1(y + s * 0.1)} ${r1(x)},${r1(y + s * 0.1)} Q${r1(x + sh)},${r1(y + s * 0.1)} ${r1(x + sh)},${r1(y + s * 1.35)}Z`,
        class: "marker marker-muted",
      },
    },
  ];
}

/** A fab: a block under a sawtooth roof, `w` wide, its foot at y. */
function fab(key: string, x: number, y: number, w: number, cls: ClassList): Mark {
  const h = w * 0.5;
  const teeth = 3;
  const tw = w / teeth;
  let d = `M${r1(x)},${r1(y)} V${r1(y - h)}`;
  for (let i = 0; i < teeth; i++) d += ` L${r1(x + tw * (i + 1))},${r1(y - h - tw * 0.5)} V${r1(y - h)}`;
  d += ` V${r1(y)} Z`;
  return { key, tag: "path", attrs: { d, class: cls } };
}

/**
 * In private: OpenAI's firm orders (a rust dashed arrow) into TSMC's existing
 * fabs (one solid fab, standing for all of them), and the new fabs it would not
 * have to build (one fab outline, struck through): the deal's structure, not a count.
 */
function privateWords(ctx: SceneContext, x0: number, x1: number) {
  const t = typeOf(ctx);
  // Side by side on the desktop's stage, the offer's words at the names' size (one type scale across the chapters).
  const ws = small(ctx) ? t.small : t.label;
  const fw = t.label * (small(ctx) ? 1.5 : 2.4);
  const ix = x0 + fw * 0.9;
  const x = ix + fw + ws * 0.6;
  const existing = wrapWidth(ctx.t("existing"), ws, x1 - x);
  // The first answer's room: its words, or its fab, whichever is taller.
  const gap = Math.max(existing.length * ws * LINE, fw * 0.9) + ws * 0.7;
  return { ws, fw, ix, x, existing, gap, fresh: wrapWidth(ctx.t("new"), ws, x1 - x) };
}

/** How tall the private answer's panel is from its rule to the foot of its last line. */
export function privateHeight(ctx: SceneContext, x0: number, x1: number): number {
  const { ws, gap, fresh } = privateWords(ctx, x0, x1);
  return firstLine(ctx) + gap + (fresh.length - 1) * ws * LINE + ws * 0.3;
}

export function privatePanel(ctx: SceneContext, box: Box): Mark[] {
  const t = typeOf(ctx);
  const marks = panelHead(ctx, "private", ctx.t("private"), box, ctx.t("manager"));
  const { ws, fw, ix, x, existing, gap, fresh } = privateWords(ctx, box.x0, box.x1);
  let y = box.y0 + firstLine(ctx);
  const foot = y + fw * 0.3;
  // OpenAI's orders come in from the left, dashed: offered, not placed.
  const ay = foot - fw * 0.25;
  const tip = ix - t.small * 0.25;
  marks.push({
    key: "order",
    tag: "path",
    attrs: {
      d: `M${r1(box.x0)},${r1(ay)} H${r1(tip)} M${r1(tip - fw * 0.22)},${r1(ay - fw * 0.18)} L${r1(tip)},${r1(ay)} L${r1(tip - fw * 0.22)},${r1(ay + fw * 0.18)}`,
      class: "arc arc-dashed",
      fill: "none",
    },
  });
  marks.push(fab("fab-existing", ix, foot, fw, "fab fab-other"));
  marks.push(...lines("existing", existing, x, y, ws, "lbl"));
  y += gap;
  // A fab that will not be built: its outline struck through (dashed would read as planned).
  const spared = y + fw * 0.1;
  marks.push(fab("fab-new", ix, spared, fw, "fab fab-spared"));
  marks.push({
    key: "fab-new-strike",
    tag: "path",
    attrs: { d: `M${r1(ix - fw * 0.1)},${r1(spared + fw * 0.05)} L${r1(ix + fw * 1.1)},${r1(spared - fw * 0.8)}`, class: "fab fab-spared" },
  });
  marks.push(...lines("new", fresh, x, y, ws, "lbl lbl-note"));
  return marks;
}
