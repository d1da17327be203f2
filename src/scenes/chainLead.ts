// The page's lead picture (scene "chain", state "lead"; content/story.json `lead`): the story at a
// glance, drawn as none of chapter 1's steps is (graphics reviews 40 and 41, item 3: the lead was the
// second step's picture, so a phone showed it twice in a row). NVIDIA's GPU, the chip in use, and OpenAI's own
// chip, planned (rust, dashed), side by side, both packages drawn the same size: the drawing claims no difference
// of size or power between them (graphics review 48, item 4: the plan at three times the GPU's area read as the
// bigger, stronger chip). Under the plan its new data centres, planned, named beside them. The hook, not the
// reading guide: no part is tagged with the chapter that takes it up, and its key says nothing of numbers; the
// chapters' numbers are chapter 1's last step's alone (graphics review 53, item 2: the lead, tagged and keyed
// like that step, came back almost unchanged as it).
// No quantity: the chips' sizes are the story's chip drawing (src/scenes/chip.ts), not to scale.

import type { Mark, SceneContext } from "../story/types.ts";
import { LINE, captionStrip, typeOf, withoutLineKey, type Box } from "./figure.ts";
import { textWidth } from "./text.ts";
import { r1 } from "./shapes.ts";
import { chipParts, chipTop, floorPlan, racks } from "./chip.ts";

/** The chips' names' widest line across, a share of the chips' side (two chips' names side by side stay apart). */
const NAME_W = 1.05;

/**
 * The root page's lead, in two languages (graphics review 52, item 4: the bilingual front page labelled it in English
 * only): each word in the first language, the second's under it, lighter; every word marked with its language.
 */
export interface Bilingual {
  first: string;
  second: string;
  /** The second language's figure words (its `t`). */
  t: (key: string) => string;
}

/** The key of a second-language word's mark: its first-language twin's, with this before its line number. */
export const SECOND = "-2nd";

/** The lead's marks in the layout of `ctx`, with its one-line key in the caption strip; with `two`, in both languages. */
export function leadMarks(ctx: SceneContext, two?: Bilingual): Mark[] {
  const t = typeOf(ctx);
  /** A word in each language the picture is drawn in: the first's, then the second's. */
  const both = (k: string): string[] => (two && two.t(k) !== ctx.t(k) ? [ctx.t(k), two.t(k)] : [ctx.t(k)]);
  // Its key at the picture's small type, not the stage's caption size: the opening draws it smaller than the stage
  // (a phone: 350 px for the square's 600; the caption read at 11.7 px there).
  // (its key in words, as it was: the drawn key is chapter 1's, which teaches it; the lead draws no dotted line)
  const strip = captionStrip(
    withoutLineKey(ctx),
    both("note-lead").map((text, i) => ({ key: i ? `note${SECOND}` : "note", text })),
    t.small,
  );
  const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: strip.top - t.pad * 0.5 };
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const nameH = t.label * LINE;
  const gap = t.pad * 1.6;
  // The new data centres' row under the plan: a gap, then the racks (fractions of the chips' side).
  const DC_GAP = 0.14;
  const DC_H = 0.3;
  /** How many lines a chip's names take at `max` across (each language's in one line, or two where wider). */
  const nameLines = (k: string, max: number) => both(k).reduce((n, name, i) => n + (textWidth(name, t.label, i === 0) <= max ? 1 : 2), 0);
  // Both packages at one side S in a row, each named above, on every screen and the cover: with no column of tagged
  // parts beside the plan, the two chips take the width (no wider than two fifths of it each: the picture a hook,
  // not a poster).
  const fits = (s: number) => Math.max(nameLines("lead-gpu", s * NAME_W), nameLines("plan", s * NAME_W));
  const wide = Math.min((W - gap) / 2, W * 0.4);
  const band = nameH * (fits(wide) + 0.6);
  const S = Math.min(wide, (H - band) / (1 + DC_GAP + DC_H));
  const x = plot.x0 + (W - (S * 2 + gap)) / 2;
  const cy = plot.y0 + band + S / 2;
  const gpu = { cx: x + S / 2, cy };
  const plan = { cx: x + S + gap + S / 2, cy };
  const p = chipParts(plan.cx, plan.cy, S);
  const g = chipParts(gpu.cx, gpu.cy, S);
  const marks: Mark[] = [];
  // NVIDIA's GPU, solid ink: the chip in use, named above.
  marks.push(...chipTop({ key: "lead-gpu", cx: gpu.cx, cy: gpu.cy, size: S, owner: "nvidia" }));
  marks.push(...names("lead-gpu-lbl", both("lead-gpu"), gpu.cx, g.sub.y0 - t.label * 0.45, t.label, "middle", S * NAME_W, "above"));
  // OpenAI's own chip, planned: the GPU's size, named above; the die's floor plan (its design) drawn in.
  marks.push(...chipTop({ key: "lead-plan", cx: plan.cx, cy: plan.cy, size: S, owner: "openai" }));
  marks.push(...names("lead-plan-lbl", both("plan"), plan.cx, p.sub.y0 - t.label * 0.45, t.label, "middle", S * NAME_W, "above"));
  marks.push(...floorPlan("lead-design", p.die).marks);
  // The new data centres, planned: dashed racks under the plan, named left of them, under the gap between the chips.
  const rw = S * 0.42;
  const dc: Box = { x0: plan.cx - rw / 2, y0: p.sub.y1 + S * DC_GAP, x1: plan.cx + rw / 2, y1: p.sub.y1 + S * (DC_GAP + DC_H) };
  marks.push(...racks("lead-dc", dc, true));
  const dcX = dc.x0 - t.label * 0.8;
  marks.push(...names("lead-dc-lbl", both("lead-dc"), dcX, (dc.y0 + dc.y1) / 2, t.label, "end", dcX - plot.x0, "centred"));
  const all = [...marks, ...strip.marks];
  if (!two) return all;
  // Every word marked with its language (the second's by its key).
  return all.map((m) => (m.tag !== "text" ? m : { ...m, attrs: { ...m.attrs, lang: m.key.includes(SECOND) ? two.second : two.first } }));
}

/**
 * A chip's names, one a language (the first bold, a second under it lighter), each in up to two lines (wrapped at a
 * word near its middle when wider than `max`): `above`, the last line's baseline at `y`; `centred`, the lines' middle
 * at `y`. The second's lines keyed with SECOND.
 */
function names(
  key: string,
  texts: string[],
  x: number,
  y: number,
  size: number,
  anchor: "start" | "middle" | "end",
  max: number,
  at: "above" | "centred",
): Mark[] {
  const split = (text: string, bold: boolean): string[] => {
    if (textWidth(text, size, bold) <= max) return [text];
    const cut = [...text.matchAll(/[ ,]\s*/g)]
      .map((m) => m.index! + m[0].length)
      .sort((a, b) => Math.abs(a - text.length / 2) - Math.abs(b - text.length / 2))[0];
    return cut ? [text.slice(0, cut).trim(), text.slice(cut).trim()] : [text];
  };
  const rows = texts.flatMap((text, n) => split(text, n === 0).map((line, i) => ({ line, n, i })));
  const h = (rows.length - 1) * size * LINE;
  const y0 = at === "centred" ? y - h / 2 + size * 0.35 : y - h;
  return rows.map(({ line, n, i }, k) => ({
    key: `${key}${n ? SECOND : ""}-${i}`,
    tag: "text",
    text: line,
    attrs: {
      x: r1(x),
      y: r1(y0 + k * size * LINE),
      "font-size": size,
      "text-anchor": anchor,
      class: n ? "lbl lbl-muted" : "lbl lbl-strong",
    },
  }));
}
