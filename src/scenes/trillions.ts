// Scene "trillions": the $7 trillion Altman is said to seek, set against two
// sums the article gives. Bars share one baseline and one linear scale (values
// from the facts file, so this part is to scale), with a reference line at the
// $7 trillion so the gap to each comparison shows. When the story moves on to
// what the money would pay for, the comparisons stay, greyed; the article gives
// no split, so the goal stays one bar, marked "split unknown".

import { scaleLinear } from "d3-scale";
import type { Mark } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { r1 } from "./shapes.ts";
import { captionStrip, LINE, lines, typeOf } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["sum", "bonds", "giants", "uses"] as const;
type State = (typeof STATES)[number];

const ROWS = [
  { key: "hero", fact: "total-sum", text: "goal" },
  { key: "bonds", fact: "bond-issuance", text: "bonds" },
  { key: "giants", fact: "giants-value", text: "giants" },
] as const;

const SHOWN: Record<State, number> = { sum: 1, bonds: 2, giants: 3, uses: 3 };

export const trillions = defineScene({
  id: "trillions",
  states: STATES,
  table(state, ctx) {
    return {
      head: [ctx.t("table.what"), ctx.t("table.value")],
      rows: ROWS.slice(0, SHOWN[state]).map((row) => [ctx.t(row.text), ctx.fact(row.fact, "long")]),
    };
  },
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const x0 = t.pad;
    const x1 = ctx.width - t.pad;
    const top = t.pad * 1.5;
    const bottom = caption.top - t.pad * 1.5;
    const x = scaleLinear()
      .domain([0, ctx.value("total-sum")])
      .range([x0, x1]);
    const rows = ROWS.slice(0, SHOWN[state]);
    const past = state === "uses";

    // Each row: its name above, then its bar. Rows share the height; bars are thick but never heavy.
    const nameLines = rows.map((row) => wrapWidth(ctx.t(row.text), t.label, x1 - x0, true));
    const usesLines = past ? wrapWidth(ctx.t("uses"), t.small, x1 - x0) : [];
    const textH = nameLines.reduce((n, l) => n + l.length * t.label * LINE, 0) + usesLines.length * t.small * LINE;
    const plotH = bottom - top;
    const extra = past ? t.small : 0;
    const barH = Math.min(
      (plotH - textH - extra - t.label * 1.4 * (rows.length - 1)) / rows.length,
      plotH * (rows.length === 1 ? 0.4 : 0.14),
    );
    // Spread the rows over the plot: the gaps take what the bars leave, within reason.
    const rest = plotH - textH - extra - barH * rows.length;
    const gapH = rows.length > 1 ? Math.min(Math.max(rest / (rows.length + 1), t.label * 1.4), t.label * 3.5) : 0;
    const blockH = textH + extra + barH * rows.length + gapH * (rows.length - 1);
    let y = top + Math.max(0, (plotH - blockH) / 2);

    const marks: Mark[] = [];
    let firstBar = 0;
    let lastBar = 0;
    rows.forEach((row, i) => {
      const grey = past && row.key !== "hero";
      const names = nameLines[i]!;
      marks.push(...lines(`${row.key}-lbl`, names, x0, y + t.label * 0.8, t.label, grey ? "lbl lbl-muted" : "lbl lbl-strong"));
      y += names.length * t.label * LINE;
      const w = r1(x(ctx.value(row.fact)) - x0);
      if (i === 0) firstBar = y;
      marks.push({
        key: row.key,
        tag: "rect",
        attrs: {
          x: x0,
          y: r1(y),
          width: w,
          height: r1(barH),
          rx: 3,
          class: row.key === "hero" ? "bar bar-hero" : grey ? "bar bar-past" : "bar",
        },
        enter: { width: 0, opacity: 1 },
      });
      // The value inside the bar when it fits there, else just past its end.
      const value = ctx.fact(row.fact);
      const size = row.key === "hero" && rows.length === 1 ? t.big * 1.8 : t.big * 0.8;
      // Its room from the bar's end scales with the type, not the margin (thin on paper).
      const gap = Math.max(t.pad * 0.6, size * 0.4);
      const inside = textWidth(value, size, true) + gap * 3 < w;
      marks.push(
        ...lines(
          `${row.key}-val`,
          [value],
          inside ? x0 + w - gap : x0 + w + gap * 0.8,
          y + barH / 2 + size * 0.35,
          size,
          inside ? (grey ? "val val-past-inside" : "val val-inside") : grey ? "val val-past" : "val",
          inside ? "end" : "start",
        ),
      );
      if (row.key === "hero" && past) {
        // What the sum covers, and that its split is unknown: one bar, not made-up parts.
        y += barH + t.small * 0.4;
        marks.push(...lines("uses", usesLines, x0, y + t.small * 0.8, t.small, "lbl lbl-note"));
        y += usesLines.length * t.small * LINE;
      }
      lastBar = y + (row.key === "hero" && past ? 0 : barH);
      y += (row.key === "hero" && past ? 0 : barH) + gapH;
    });

    // The reference line: the goal's end, carried down through every row.
    if (rows.length > 1) {
      const rx = r1(x(ctx.value("total-sum")));
      marks.push({
        key: "ref",
        tag: "line",
        attrs: { x1: rx, y1: r1(firstBar), x2: rx, y2: r1(lastBar + t.small * 0.2), class: "ref-line" },
        enter: { opacity: 0 },
      });
      marks.push(...lines("ref-lbl", [ctx.t("ref")], rx, lastBar + t.small * 1.3, t.small, "lbl lbl-note", "end"));
    }
    marks.push(...caption.marks);
    return marks;
  },
});
