// The page's lead picture (scene "chain", state "lead"; content/story.json `lead`): the story at a
// glance, drawn as none of chapter 1's steps is (graphics reviews 40 and 41, item 3: the lead was the
// second step's picture, so a phone showed it twice in a row). A close-up of OpenAI's own chip, planned
// (rust, dashed), set large; NVIDIA's GPU, the chip in use, small beside it (above it on the phone);
// under the plan its new data centres, planned. Each part the story visits carries a numbered tag, the
// chapter that takes it up (the contents' numbers), its name beside the tag and a leader into the part.
// No quantity: the chips' sizes are the story's chip drawing (src/scenes/chip.ts), not to scale.

import type { Mark, SceneContext } from "../story/types.ts";
import { LINE, captionStrip, lines, typeOf, type Box } from "./figure.ts";
import { textWidth } from "./text.ts";
import { r1 } from "./shapes.ts";
import { chipParts, chipTop, floorPlan, racks } from "./chip.ts";

/** The parts the lead tags, from the chip's top to the data centres under it; each tag's number is a label ("lead-ch-<part>"). */
// (Not manufacturing: who would make the chip, the article does not say, and no chapter takes it up: standards review 41.)
export const LEAD_PARTS = ["memory", "design", "packaging", "dc"] as const;
export type LeadPart = (typeof LEAD_PARTS)[number];

/** The lead's marks in the layout of `ctx`, with its one-line key in the caption strip. */
export function leadMarks(ctx: SceneContext): Mark[] {
  const t = typeOf(ctx);
  const key = ctx.t("note-lead");
  // Its key at the picture's small type, not the stage's caption size: the opening draws it smaller than the stage
  // (a phone: 350 px for the square's 600; the caption read at 11.7 px there).
  const strip = captionStrip(ctx, [{ key: "note", text: key }], t.small);
  const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: strip.top - t.pad * 0.5 };
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const size = t.small;
  const r = size * 0.72;
  // The tags' column beside the plan: a tag, then the part's name, as wide as the widest name.
  const colW = r * 2 + size * 0.5 + Math.max(...LEAD_PARTS.map((p) => textWidth(ctx.t(`part-${p}`), size, true)));
  const across = W > H * 1.05;
  const nameH = t.label * LINE;
  const gap = t.pad * 1.6;
  // Across: the GPU at a little under half the plan's side, left of it; on the phone: above it, its name beside it.
  const ratio = 0.42;
  let S: number;
  let plan: { cx: number; cy: number };
  let gpu: { cx: number; cy: number; s: number };
  // Across, the left column (as wide as the tags' column) holds the GPU at the plan's top and the new data centres at
  // its foot, their tag under them: the picture no taller than the plan (the printed cover runs it across the page).
  let left = { x: 0, w: 0 };
  if (across) {
    // Room above for the GPU's name, in two lines where it is wider than the column.
    const band = nameH * ((textWidth(ctx.t("lead-gpu"), t.label, true) > colW ? 2 : 1) + 0.6);
    S = Math.min(W - colW * 2 - gap * 2.2, H - band);
    const s = Math.min(S * ratio, colW);
    const x = plot.x0 + (W - (colW + gap + S + gap * 1.2 + colW)) / 2;
    const cy = plot.y0 + band + S / 2;
    left = { x, w: colW };
    gpu = { cx: x + colW / 2, cy: cy - S / 2 + s / 2, s };
    plan = { cx: x + colW + gap + S / 2, cy };
  } else {
    S = Math.min(W - colW - gap * 1.2, (H - nameH * 1.6) / (1.45 + ratio * 0.8));
    const s = S * ratio * 0.8;
    const x = plot.x0 + (W - (S + gap * 1.2 + colW)) / 2;
    gpu = { cx: x + s / 2, cy: plot.y0 + s / 2, s };
    plan = { cx: x + S / 2, cy: plot.y0 + s + gap * 0.6 + nameH * 1.4 + S / 2 };
  }
  const p = chipParts(plan.cx, plan.cy, S);
  const marks: Mark[] = [];
  // NVIDIA's GPU, solid ink: the chip in use. Its name above it across, right of it on the phone.
  const g = chipParts(gpu.cx, gpu.cy, gpu.s);
  marks.push(...chipTop({ key: "lead-gpu", cx: gpu.cx, cy: gpu.cy, size: gpu.s, owner: "nvidia" }));
  const gpuName = ctx.t("lead-gpu");
  // (across, within the left column: wider, the German name ran off the cover's left edge)
  if (across) marks.push(...words("lead-gpu-lbl", gpuName, gpu.cx, g.sub.y0 - t.label * 0.45, t.label, "middle", left.w, true));
  else
    marks.push(...words("lead-gpu-lbl", gpuName, g.sub.x1 + size * 0.8, gpu.cy, t.label, "start", plot.x1 - g.sub.x1 - size, true, true));
  // OpenAI's own chip, planned: large, named above; the die's floor plan (its design) drawn in.
  marks.push(...chipTop({ key: "lead-plan", cx: plan.cx, cy: plan.cy, size: S, owner: "openai" }));
  marks.push(...words("lead-plan-lbl", ctx.t("plan"), plan.cx, p.sub.y0 - t.label * 0.45, t.label, "middle", S * 1.2, true));
  const { box: fp, marks: design } = floorPlan("lead-design", p.die);
  marks.push(...design);
  // The new data centres, planned: dashed racks under the plan (across: under the GPU, their foot a tag's row above the plan's).
  const rw = S * 0.42;
  const dc: Box = across
    ? { x0: gpu.cx - rw / 2, y0: p.sub.y1 - r * 3 - S * 0.3, x1: gpu.cx + rw / 2, y1: p.sub.y1 - r * 3 }
    : { x0: plan.cx - rw / 2, y0: p.sub.y1 + S * 0.12, x1: plan.cx + rw / 2, y1: p.sub.y1 + S * 0.42 };
  marks.push(...racks("lead-dc", dc, true));
  // Each part's tag and name in a column right of the plan, level with the part; a leader from the tag into it.
  const colX = p.sub.x1 + gap * 1.2;
  const cy = plan.cy;
  const stack = p.stacks.r0;
  const rows: Record<LeadPart, { y: number; d: (x: number) => string }> = {
    // Manufacturing: the die itself, over the top band to its corner.${r1(cy - S * 0.38)} H${r1(p.die.x1 - S * 0.05)} V${r1(p.die.y0 + S * 0.03)}` },
    memory: { y: (stack.y0 + stack.y1) / 2, d: (x) => `M${r1(x)},${r1((stack.y0 + stack.y1) / 2)} H${r1(stack.x1 - S * 0.03)}` },
    // Design: the floor plan, through the gap between the stacks.
    design: { y: cy, d: (x) => `M${r1(x)},${r1(cy)} H${r1(fp.x1 - S * 0.02)}` },
    // Packaging: the package itself, its substrate's edge, the leader ending on it in a dot (graphics review 45, item 7:
    // it ended a little inside, in the substrate's empty sand, and read as pointing at nothing).
    packaging: { y: cy + S * 0.38, d: (x) => `M${r1(x)},${r1(cy + S * 0.38)} H${r1(p.sub.x1)}` },
    dc: { y: (dc.y0 + dc.y1) / 2, d: (x) => `M${r1(x)},${r1((dc.y0 + dc.y1) / 2)} H${r1(dc.x1 + S * 0.02)}` },
  };
  for (const part of LEAD_PARTS) {
    // Across, the data centres' tag stands under them, at the left column's edge, a short leader up into them.
    const under = across && part === "dc";
    const x = under ? Math.max(left.x, dc.x0 + r * 0.2) : colX;
    const y = under ? p.sub.y1 - r : rows[part].y;
    const d = under ? `M${r1(x + r)},${r1(y - r)} V${r1(dc.y1)}` : rows[part].d(colX - size * 0.2);
    marks.push({ key: `lead-${part}-leader`, tag: "path", attrs: { d, class: "leader", fill: "none" } });
    if (part === "packaging")
      marks.push({
        key: "lead-packaging-end",
        tag: "circle",
        attrs: { cx: r1(p.sub.x1), cy: r1(y), r: r1(r * 0.34), class: "marker marker-muted" },
      });
    marks.push({ key: `lead-${part}-tag`, tag: "circle", attrs: { cx: r1(x + r), cy: r1(y), r: r1(r), class: "tag" } });
    const base = y + size * 0.35;
    marks.push(...lines(`lead-${part}-no`, [ctx.t(`lead-ch-${part}`)], x + r, base, size, "lbl lbl-strong", "middle"));
    marks.push(...lines(`lead-${part}-lbl`, [ctx.t(`part-${part}`)], x + r * 2 + size * 0.5, base, size, "lbl lbl-strong"));
  }
  return [...marks, ...strip.marks];
}

/** A name in up to two lines (wrapped at a word near its middle when wider than `max`), its first baseline at `y`
 * (`above`: its last line's baseline there) or, `centred`, its lines' middle at `y`. */
function words(
  key: string,
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: "start" | "middle",
  max: number,
  above: boolean,
  centred = false,
): Mark[] {
  let parts = [text];
  if (textWidth(text, size, true) > max) {
    const cut = [...text.matchAll(/[ ,]\s*/g)]
      .map((m) => m.index! + m[0].length)
      .sort((a, b) => Math.abs(a - text.length / 2) - Math.abs(b - text.length / 2))[0];
    if (cut) parts = [text.slice(0, cut).trim(), text.slice(cut).trim()];
  }
  const h = (parts.length - 1) * size * LINE;
  const y0 = centred ? y - h / 2 + size * 0.35 : above ? y - h : y;
  return parts.map((line, i) => ({
    key: `${key}-${i}`,
    tag: "text",
    text: line,
    attrs: { x: r1(x), y: r1(y0 + i * size * LINE), "font-size": size, "text-anchor": anchor, class: "lbl lbl-strong" },
  }));
}
