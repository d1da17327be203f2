// Scene "team": one figure across the chapter's five steps (src/scenes/teamFrame.ts
// lays it out whole, the same in every step: graphics review 53, item 6): A shared time axis to scale
// at the top, from 2014 to the end of 2026, and under it two rows named at their start
// (Richard Ho's path; OpenAI's chip project), a dotted line from the axis through both for
// when the article appeared. Under the rows, under its own rule and off the time scale, a band
// for what holds no date: the partner, Broadcom, and the planned chip large with its open parts
// (graphics review 52, item 7: the axis holds time only). Ho's degrees a note under his row's name.
// Google's bar, which the next step tells, stands faint from the first, named with its
// years, and is brought forward in place; everything else comes in the step that tells it
// (the plan to production and the chip with the schedule: graphics review 44), and
// nothing moves. The last dims the timeline and names the chip's open parts, memory and
// packaging, beside them.

import type { Mark } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { captionStrip, typeOf, type Box } from "./figure.ts";
import { withOpacity } from "./shapes.ts";
import { STATES, teamFrame, type State } from "./teamFrame.ts";

/**
 * How far the last step dims the axis and the lanes' marks. Their words turn the muted grey, which on the dark page
 * stays bright (it keeps 4.5:1): at 0.3 the marks all but vanished there beside words still clear (graphics review
 * 45, item 8), so the marks step back as far as their words, not further.
 */
export const DIM = 0.55;

export const team = defineScene({
  id: "team",
  states: STATES,
  // The dates on the axis and what happened then; the partner and the open parts hold no dates.
  table(state, ctx) {
    // An inferred year says so in words at the year here, where no source line stands beside it (in the figure the
    // source line says it: graphics review 52, item 6; standards review 51: a "°" mark read oddly).
    const rows: Record<State, string[][] | null> = {
      ho: [
        [ctx.t("tenure-years"), ctx.t("employer")],
        [ctx.t("nov"), ctx.t("joins")],
        [ctx.fact("report-year"), `${ctx.t("article")}: ${ctx.t("lead")}`],
      ],
      career: [
        [ctx.t("undated"), ctx.t("manchester")],
        [ctx.t("undated"), ctx.t("stanford")],
        [ctx.t("tenure-years"), `${ctx.t("employer")}: ${ctx.t("google-did")}`],
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
    // One short source line, the same in every step (review 41: the hedges stay in the prose).
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    // One layout for every step, the first too (graphics review 53, item 6: the first step's own composition jumped).
    const frame = teamFrame(ctx, plot);
    const at = STATES.indexOf(state);
    const marks: Mark[] = [];
    for (const p of frame.pieces) {
      if (STATES.indexOf(p.step) > at) {
        // Drawn already, quieter, before the step that brings it forward.
        if (p.early && STATES.indexOf(p.early.from) <= at) marks.push(...p.early.marks);
        continue;
      }
      // The last step keeps the timeline and the partner (fainter, in their own hue) but the rows' names, and the band's
      // name and chip whole.
      if (state !== "open" || p.lane === "panel" || p.marks.every((m) => /^(project|who)-lbl/.test(m.key))) marks.push(...p.marks);
      else marks.push(...p.marks.map(dim));
    }
    return [...marks, ...caption.marks];
  },
});

/**
 * What steps back in the last step keeps its hue, only fainter: shapes by opacity; plain words turn a dimmer grey
 * (`lbl-dim`, team.css: a colour, not opacity, so they keep their contrast, and on the dark page dimmer than the
 * muted grey, as their marks are); coloured words (the partner's rust line) stay as
 * they are: faded by opacity they fell under 4.5:1 (theme.spec), and a muted grey would change their hue.
 */
function dim(m: Mark): Mark {
  const cls = m.attrs.class ?? "";
  if (m.tag === "text" && cls.includes("lbl-link")) return m;
  if (m.tag !== "text") return withOpacity(m, DIM);
  return { ...m, attrs: { ...m.attrs, class: cls.includes("lbl-strong") ? "lbl lbl-strong lbl-dim" : "lbl lbl-dim" } } as Mark;
}
