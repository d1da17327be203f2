// The page's lead picture (scene "chain", state "lead"; content/story.json `lead`): the story at a
// glance, drawn as none of chapter 1's steps is (graphics reviews 40 and 41, item 3: the lead was the
// second step's picture, so a phone showed it twice in a row). NVIDIA's GPU, the chip in use, and OpenAI's own
// chip, planned (rust, dashed), side by side across (the GPU above the plan on the phone), both packages drawn
// the same size: the drawing claims no difference of size or power between them (graphics review 48, item 4: the
// plan at three times the GPU's area read as the bigger, stronger chip). Under the plan its new data centres,
// planned. Each part of the plan the story visits (its manufacturing too: chapter 2's hunt for capacity) carries a numbered tag, the chapter that takes it up (the
// contents' numbers), its name beside the tag and a leader into the part.
// No quantity: the chips' sizes are the story's chip drawing (src/scenes/chip.ts), not to scale.

import type { Mark, SceneContext } from "../story/types.ts";
import { LINE, captionStrip, lines, numberTag, typeOf, type Box } from "./figure.ts";
import { textWidth } from "./text.ts";
import { r1 } from "./shapes.ts";
import { chipParts, chipTop, floorPlan, racks } from "./chip.ts";

/** The chips' names' widest line across, a share of the chips' side (two chips' names side by side stay apart). */
const NAME_W = 1.05;

/**
 * The parts the lead tags, from the chip's top to the data centres under it; each tag's number is a label ("lead-ch-<part>").
 * Every part chapter 1's last step keys to a chapter (chainParts.ts PARTS, and the data centres): the key says "each
 * number: the chapter that takes up the part". The manufacturing's is chapter 2's, the hunt for more capacity at
 * chipmakers (graphics review 52, item 4: left out, the key was half true; who would make this chip stays unnamed,
 * which the tag does not claim).
 */
export const LEAD_PARTS = ["fab", "memory", "design", "packaging", "dc"] as const;
export type LeadPart = (typeof LEAD_PARTS)[number];

/**
 * The root page's lead, in two languages (graphics review 52, item 4: the bilingual front page labelled it in English
 * only): each word in the first language, the second's beside it (the parts) or under it (the chips' names, the key),
 * lighter; every word marked with its language, the tags' numbers with none.
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
  // (A word the same in both, "Packaging", drawn once.)
  const both = (k: string): string[] => (two && two.t(k) !== ctx.t(k) ? [ctx.t(k), two.t(k)] : [ctx.t(k)]);
  // Its key at the picture's small type, not the stage's caption size: the opening draws it smaller than the stage
  // (a phone: 350 px for the square's 600; the caption read at 11.7 px there).
  const strip = captionStrip(
    ctx,
    both("note-lead").map((text, i) => ({ key: i ? `note${SECOND}` : "note", text })),
    t.small,
  );
  const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: strip.top - t.pad * 0.5 };
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const size = t.small;
  const r = size * 0.72;
  // A part's second name stands after its first, a space of the small type between.
  const nameW = (p: LeadPart) =>
    textWidth(ctx.t(`part-${p}`), size, true) + (both(`part-${p}`)[1] ? size * 0.5 + textWidth(two!.t(`part-${p}`), size) : 0);
  // The tags' column beside the plan: a tag, then the part's name, as wide as the widest name.
  const colW = r * 2 + size * 0.5 + Math.max(...LEAD_PARTS.map(nameW));
  const across = W > H * 1.05;
  const nameH = t.label * LINE;
  const gap = t.pad * 1.6;
  // The new data centres' row under the plan: a gap, then the racks (fractions of the chips' side).
  const DC_GAP = 0.12;
  const DC_H = 0.3;
  /** How many lines a chip's names take at `max` across (each language's in one line, or two where wider). */
  const nameLines = (k: string, max: number) => both(k).reduce((n, name, i) => n + (textWidth(name, t.label, i === 0) <= max ? 1 : 2), 0);
  // Both packages at one side S: across, the GPU and the plan in a row, the tags' column right of the plan, each
  // named above; on the phone, the GPU above the plan, named beside it, the plan named above, the tags right of it.
  let S: number;
  let plan: { cx: number; cy: number };
  let gpu: { cx: number; cy: number };
  if (across) {
    const fits = (s: number) => Math.max(nameLines("lead-gpu", s * NAME_W), nameLines("plan", s * NAME_W));
    const wide = (W - colW - gap * 2.2) / 2;
    // Room above for the chips' names, in two lines where one is wider than the chip.
    const band = nameH * (fits(wide) + 0.6);
    S = Math.min(wide, (H - band) / (1 + DC_GAP + DC_H));
    const x = plot.x0 + (W - (S * 2 + gap + gap * 1.2 + colW)) / 2;
    const cy = plot.y0 + band + S / 2;
    gpu = { cx: x + S / 2, cy };
    plan = { cx: x + S + gap + S / 2, cy };
  } else {
    // The plan's names above it, each language's in up to two lines.
    const above = nameH * ((two ? 4 : 2) - 0.6);
    S = Math.min(W - colW - gap * 1.2, (H - above - gap * 0.6) / (2 + DC_GAP + DC_H));
    const x = plot.x0 + (W - (S + gap * 1.2 + colW)) / 2;
    gpu = { cx: x + S / 2, cy: plot.y0 + S / 2 };
    plan = { cx: x + S / 2, cy: plot.y0 + S + gap * 0.6 + above + S / 2 };
  }
  const p = chipParts(plan.cx, plan.cy, S);
  const marks: Mark[] = [];
  // NVIDIA's GPU, solid ink: the chip in use. Its name above it across, right of it on the phone.
  const g = chipParts(gpu.cx, gpu.cy, S);
  marks.push(...chipTop({ key: "lead-gpu", cx: gpu.cx, cy: gpu.cy, size: S, owner: "nvidia" }));
  if (across)
    marks.push(...names("lead-gpu-lbl", both("lead-gpu"), gpu.cx, g.sub.y0 - t.label * 0.45, t.label, "middle", S * NAME_W, "above"));
  else
    marks.push(
      ...names("lead-gpu-lbl", both("lead-gpu"), g.sub.x1 + size * 0.8, gpu.cy, t.label, "start", plot.x1 - g.sub.x1 - size, "centred"),
    );
  // OpenAI's own chip, planned: the GPU's size, named above; the die's floor plan (its design) drawn in.
  marks.push(...chipTop({ key: "lead-plan", cx: plan.cx, cy: plan.cy, size: S, owner: "openai" }));
  marks.push(
    ...names("lead-plan-lbl", both("plan"), plan.cx, p.sub.y0 - t.label * 0.45, t.label, "middle", S * (across ? NAME_W : 1.2), "above"),
  );
  const { box: fp, marks: design } = floorPlan("lead-design", p.die);
  marks.push(...design);
  // The new data centres, planned: dashed racks under the plan.
  const rw = S * 0.42;
  const dc: Box = { x0: plan.cx - rw / 2, y0: p.sub.y1 + S * DC_GAP, x1: plan.cx + rw / 2, y1: p.sub.y1 + S * (DC_GAP + DC_H) };
  marks.push(...racks("lead-dc", dc, true));
  // Each part's tag and name in a column right of the plan, level with the part; a leader from the tag into it.
  const colX = p.sub.x1 + gap * 1.2;
  const cy = plan.cy;
  const stack = p.stacks.r0;
  const memY = stack.y0 + (stack.y1 - stack.y0) * 0.3;
  // Manufacturing: the die itself, over the upper stack (level above it) and down onto the die's top corner.
  const fabY = cy - S * 0.38;
  const fabX = p.die.x1 - S * 0.06;
  const rows: Record<LeadPart, { y: number; d: (x: number) => string }> = {
    fab: { y: fabY, d: (x) => `M${r1(x)},${r1(fabY)} H${r1(fabX)} V${r1(p.die.y0 + S * 0.04)}` },
    // Memory: the upper stack, a little above its middle (clear of the design's tag at the chip's middle).
    memory: { y: memY, d: (x) => `M${r1(x)},${r1(memY)} H${r1(stack.x1 - S * 0.03)}` },
    // Design: the floor plan, through the gap between the stacks.
    design: { y: cy, d: (x) => `M${r1(x)},${r1(cy)} H${r1(fp.x1 - S * 0.02)}` },
    // Packaging: the package itself, its substrate's edge, the leader ending on it in a dot (graphics review 45, item 7:
    // it ended a little inside, in the substrate's empty sand, and read as pointing at nothing).
    packaging: { y: cy + S * 0.38, d: (x) => `M${r1(x)},${r1(cy + S * 0.38)} H${r1(p.sub.x1)}` },
    dc: { y: (dc.y0 + dc.y1) / 2, d: (x) => `M${r1(x)},${r1((dc.y0 + dc.y1) / 2)} H${r1(dc.x1 + S * 0.02)}` },
  };
  for (const part of LEAD_PARTS) {
    const x = colX;
    const y = rows[part].y;
    const d = rows[part].d(colX - size * 0.2);
    marks.push({ key: `lead-${part}-leader`, tag: "path", attrs: { d, class: "leader", fill: "none" } });
    if (part === "packaging")
      marks.push({
        key: "lead-packaging-end",
        tag: "circle",
        attrs: { cx: r1(p.sub.x1), cy: r1(y), r: r1(r * 0.34), class: "marker marker-muted" },
      });
    marks.push(...numberTag(`lead-${part}-tag`, `lead-${part}-no`, ctx.t(`lead-ch-${part}`), x + r, y, r, size));
    const nx = x + r * 2 + size * 0.5;
    marks.push(...lines(`lead-${part}-lbl`, [ctx.t(`part-${part}`)], nx, y + size * 0.35, size, "lbl lbl-strong"));
    if (two && both(`part-${part}`)[1]) {
      const sx = nx + textWidth(ctx.t(`part-${part}`), size, true) + size * 0.5;
      marks.push(...lines(`lead-${part}-lbl${SECOND}`, [two.t(`part-${part}`)], sx, y + size * 0.35, size, "lbl lbl-muted"));
    }
  }
  const all = [...marks, ...strip.marks];
  if (!two) return all;
  // Every word marked with its language (the second's by its key); the tags' numbers, in neither, with none.
  return all.map((m) =>
    m.tag !== "text" || /-no-\d+$/.test(m.key) ? m : { ...m, attrs: { ...m.attrs, lang: m.key.includes(SECOND) ? two.second : two.first } },
  );
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
  anchor: "start" | "middle",
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
