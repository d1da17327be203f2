// Scene "team": one figure across the chapter's five steps (src/scenes/teamFrame.ts
// lays it out whole). A horizontal time axis ending with 2026, two lanes named at their
// start (Richard Ho's path; OpenAI's chip project) and a dotted line across both for when
// the article appeared (2024, our dating). What has no date (Ho's degrees, Broadcom) stands
// at the lanes' start, off the axis. Ho's Google years stand quiet from the first step (named
// only "Google"), and the second brings them forward with their words; otherwise each step
// adds its pieces, and nothing moves; the last
// dims the rest and draws the planned chip large in a panel under the axis (off the time
// scale), its open parts, memory and packaging, named beside them.

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { captionStrip, LINE, lines, typeOf, type Box } from "./figure.ts";
import { mutedClass, r1, withOpacity } from "./shapes.ts";
import { chipParts } from "./chip.ts";
import { wrapWidth } from "./text.ts";
import { PANEL_WORDS, projectChip, STATES, teamFrame, type Frame, type State } from "./teamFrame.ts";

/** How far the last step dims the axis and Ho's lane. */
const DIM = 0.3;

export const team = defineScene({
  id: "team",
  states: STATES,
  // The dates on the axis and what happened then; the partner and the open parts hold no dates.
  table(state, ctx) {
    const rows: Record<State, string[][] | null> = {
      ho: [
        [ctx.t("tenure-years"), ctx.t("google-short")],
        [ctx.t("nov"), ctx.t("joins")],
        [ctx.fact("report-year"), `${ctx.t("article")}: ${ctx.t("report")}`],
      ],
      career: [
        [ctx.t("undated"), ctx.t("manchester")],
        [ctx.t("undated"), ctx.t("stanford")],
        [ctx.t("tenure-years"), ctx.t("google")],
        [ctx.t("nov"), ctx.t("joins")],
      ],
      schedule: [
        [ctx.fact("report-year"), ctx.t("chip")],
        [ctx.fact("production-earliest"), `${ctx.t("production")} (${ctx.t("later")})`],
      ],
      broadcom: null,
      open: null,
    };
    const r = rows[state];
    return r && { head: [ctx.t("table.value"), ctx.t("table.what")], rows: r };
  },
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(`notes.${state}`) }]);
    // The plot ends above the tallest of the five notes, so the axis keeps its scale from step to step.
    const top = Math.min(...STATES.map((s) => captionStrip(ctx, [{ key: "note", text: ctx.t(`notes.${s}`) }]).top));
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: top - t.pad * 0.5 };
    // The panel's room only where it is drawn (on paper, cropped to what it draws, the figure keeps its lanes close).
    const frame = teamFrame(ctx, plot, state === "open" || ctx.layout === "print");
    const at = STATES.indexOf(state);
    const marks: Mark[] = [];
    for (const p of frame.pieces) {
      if (STATES.indexOf(p.step) > at) {
        // Drawn already, quieter, before the step that brings it forward.
        if (p.early && STATES.indexOf(p.early.from) <= at) marks.push(...p.early.marks);
        continue;
      }
      // The last step keeps everything (fainter, in its own hue) but the lanes' names.
      if (state !== "open" || p.marks.every((m) => /^(project|who)-lbl/.test(m.key))) marks.push(...p.marks);
      // The schedule's chip words go: the panel names the chip with the same words, and once is enough.
      else marks.push(...p.marks.filter((m) => !m.key.startsWith("chip-lbl")).map(dim));
    }
    if (state === "open") marks.push(...openChip(ctx, frame));
    return [...marks, ...caption.marks];
  },
});

/**
 * What steps back in the last step keeps its hue, only fainter: shapes by opacity; plain words turn the muted
 * grey (a colour, not opacity, so they keep their contrast); coloured words (the partner's rust line) stay as
 * they are: faded by opacity they fell under 4.5:1 (theme.spec), and a muted grey would change their hue.
 */
function dim(m: Mark): Mark {
  const cls = m.attrs.class ?? "";
  if (m.tag === "text" && cls.includes("lbl-link")) return m;
  if (m.tag !== "text") return withOpacity(m, DIM);
  return { ...m, attrs: { ...m.attrs, class: mutedClass(cls) } } as Mark;
}

/**
 * The last step: the planned chip large in the panel under the axis (off the time scale, so it spans no years), drawn
 * as chapters 1 and 9 draw it, named right of it; under the name its two open parts, each tied by a short leader to
 * the part it names: memory to the upper right stack, packaging to the substrate's edge.
 */
function openChip(ctx: SceneContext, frame: Frame): Mark[] {
  const t = typeOf(ctx);
  const p = frame.panel;
  const size = t.small;
  const marks: Mark[] = [
    {
      key: "panel-rule",
      tag: "line",
      attrs: { x1: r1(p.x0), y1: r1(p.y0), x2: r1(p.x1), y2: r1(p.y0), class: "leader" },
      enter: { opacity: 0 },
    },
    ...projectChip(p.cx, p.cy, p.s, "pchip"),
  ];
  const parts = chipParts(p.cx, p.cy, p.s);
  const blocks = PANEL_WORDS.map((k) => ({ k, words: wrapWidth(ctx.t(k), size, p.tw, k === "chip") }));
  const total = blocks.reduce((h, b) => h + b.words.length * size * LINE + size * 0.5, -size * 0.5);
  let y = p.cy - total / 2 + size * 0.8;
  // Where each part's leader leaves the chip: the upper right stack's edge, the substrate's lower right edge.
  const from: Record<string, [number, number] | null> = {
    chip: null,
    memory: [parts.stacks.r0.x1, (parts.stacks.r0.y0 + parts.stacks.r0.y1) / 2],
    package: [parts.sub.x1, parts.sub.y1 - p.s * 0.12],
  };
  for (const b of blocks) {
    marks.push(...lines(`panel-${b.k}-lbl`, b.words, p.tx, y, size, b.k === "chip" ? "lbl lbl-strong" : "lbl"));
    const f = from[b.k];
    if (f)
      marks.push({
        key: `panel-${b.k}-tie`,
        tag: "path",
        attrs: { d: `M${r1(f[0] + 2)},${r1(f[1])} L${r1(p.tx - size * 0.4)},${r1(y - size * 0.35)}`, class: "leader", fill: "none" },
        enter: { opacity: 0 },
      });
    y += b.words.length * size * LINE + size * 0.5;
  }
  return marks;
}
