// Scene "team": one figure across the chapter's five steps (src/scenes/teamFrame.ts
// lays it out whole). A year axis, to scale from the first year the article gives;
// Richard Ho's lane (Google, the move to OpenAI in November) and the project's lane
// (the report as a point in its year, the planned chip, production at the earliest, open-ended);
// what has no date (Ho's degrees, Broadcom) in the lanes' heads, off the axis. Each step
// adds its pieces and moves nothing; the last grows the chip in the project's lane
// and dims the rest, to show what was still open: memory and packaging.

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { captionStrip, LINE, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { wrapWidth } from "./text.ts";
import { chipParts } from "./chip.ts";
import { projectChip, STATES, teamFrame, type Frame, type State } from "./teamFrame.ts";

/** How far the last step dims the axis and Ho's lane. */
const DIM = 0.3;

export const team = defineScene({
  id: "team",
  states: STATES,
  // The dates on the axis and what happened then; the partner and the open parts hold no dates.
  table(state, ctx) {
    const rows: Record<State, string[][] | null> = {
      ho: [
        [ctx.t("nov"), ctx.t("joins")],
        [ctx.fact("report-year"), ctx.t("report")],
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
    const frame = teamFrame(ctx, plot);
    const at = STATES.indexOf(state);
    const marks: Mark[] = [];
    for (const p of frame.pieces) {
      if (STATES.indexOf(p.step) > at) continue;
      if (state !== "open") marks.push(...p.marks);
      else if (p.lane !== "proj") marks.push(...p.marks.map(dim));
      else marks.push(...p.marks.filter((m) => m.key.startsWith("project-lbl")));
    }
    if (state === "open") marks.push(...openChip(ctx, frame, plot));
    return [...marks, ...caption.marks];
  },
});

/**
 * The axis steps back in the last step: shapes fade, words turn the muted grey (a
 * colour, not opacity, so they keep their contrast).
 */
function dim(m: Mark): Mark {
  if (m.tag !== "text") return { ...m, attrs: { ...m.attrs, opacity: DIM } } as Mark;
  const strong = m.attrs.class?.includes("lbl-strong");
  return { ...m, attrs: { ...m.attrs, class: strong ? "lbl lbl-strong lbl-muted" : "lbl lbl-muted" } } as Mark;
}

/**
 * The last step: the same chip, grown to fill the project's lane, named above and
 * its open parts below: memory (dotted stacks) and packaging (the dotted edge).
 */
function openChip(ctx: SceneContext, frame: Frame, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const { proj } = frame;
  const pw = proj.x1 - proj.x0;
  const size = t.small;
  const h = (k: string) => wrapWidth(ctx.t(k), size, pw, k === "chip").length * size * LINE + size * 0.8;
  const words = h("chip") + h("memory") + h("package") + size;
  // The chip and its words centred in the lane under the heads' rule (the heads hold nothing of the project now).
  const y0 = frame.ruleY + size * 0.6;
  const room = plot.y1 - y0 - words;
  const s = Math.min(pw * 0.9, room);
  const top = y0 + Math.max(0, (room - s) / 2);
  const cx = proj.x0 + pw / 2;
  const cy = top + h("chip") + size * 0.3 + s / 2;
  const sub = chipParts(cx, cy, s).sub;
  const it = (key: string, text: string, x: number, y: number, r: number, prefer: PointLabel["prefer"], bold = false): PointLabel => ({
    key,
    text,
    x,
    y,
    r,
    size,
    cls: bold ? "lbl lbl-strong" : "lbl",
    prefer,
    maxWidth: pw,
  });
  const bounds: Box = { ...proj, y0: top - size, y1: plot.y1 };
  const placed = placeLabels(
    [
      it("chip-lbl", ctx.t("chip"), cx, sub.y0, 2, ["above"], true),
      it("mem-lbl", ctx.t("memory"), cx, sub.y1, 2, ["below"]),
      it("package-lbl", ctx.t("package"), cx, sub.y1 + h("memory"), 2, ["below"]),
    ],
    [sub],
    bounds,
  );
  return [...projectChip(cx, cy, s), ...placed.marks];
}
