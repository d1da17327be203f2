// Scene "trillions": the $7 trillion Altman is said to seek, set against two
// sums the article gives. Bars share one linear scale (values from the facts
// file, so this part is to scale). The last state lists what the money would pay
// for; the article gives no split, so those boxes are equal and marked schematic.

import { scaleLinear } from "d3-scale";
import type { Mark } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { label, r1 } from "./shapes.ts";

const STATES = ["sum", "bonds", "giants", "uses"] as const;

const ROWS = [
  { key: "hero", fact: "total-sum", text: "goal", cls: "bar bar-hero" },
  { key: "bonds", fact: "bond-issuance", text: "bonds", cls: "bar" },
  { key: "giants", fact: "giants-value", text: "giants", cls: "bar" },
] as const;

const SHOWN: Record<(typeof STATES)[number], number> = { sum: 1, bonds: 2, giants: 3, uses: 1 };

export const trillions = defineScene({
  id: "trillions",
  states: STATES,
  // The previous chapter's OpenAI dot grows into the first bar.
  receives: ["hero"],
  marks(state, ctx) {
    const wide = ctx.layout === "wide";
    const size = wide ? 24 : 26;
    const pad = wide ? 40 : 24;
    const barH = wide ? 54 : 50;
    const gap = wide ? 150 : 160;
    const top = wide ? 130 : 120;
    const x = scaleLinear()
      .domain([0, ctx.value("total-sum")])
      .range([pad, ctx.width - pad]);
    const marks: Mark[] = [];

    ROWS.slice(0, SHOWN[state]).forEach((row, i) => {
      const y = top + i * gap;
      const w = r1(x(ctx.value(row.fact)) - x(0));
      marks.push({
        key: row.key,
        tag: "rect",
        attrs: { x: pad, y, width: w, height: barH, rx: 3, class: row.cls },
        enter: { width: 0, opacity: 1 },
      });
      marks.push(
        ...label(`${row.key}-lbl`, ctx.t(row.text), pad, y - size * 0.7, {
          size,
          cls: "lbl lbl-strong",
          maxChars: wide ? 70 : 40,
          growUp: true,
        }),
      );
      const inside = w > ctx.width * 0.45;
      marks.push(
        ...label(`${row.key}-val`, ctx.fact(row.fact), inside ? pad + w - 12 : pad + w + 10, y + barH / 2 + size * 0.35, {
          size: size * 1.1,
          anchor: inside ? "end" : "start",
          cls: inside ? "val val-inside" : "val",
        }),
      );
    });

    if (state === "uses") {
      const y = top + barH + (wide ? 90 : 110);
      const parts = ["realestate", "power", "chips"] as const;
      const span = ctx.width - pad * 2;
      const boxW = (span - 2 * 16) / 3;
      marks.push(
        ...label("uses-title", ctx.t("uses"), pad, y - size * 0.6, { size, cls: "lbl lbl-strong", maxChars: wide ? 70 : 40, growUp: true }),
      );
      parts.forEach((part, i) => {
        const bx = pad + i * (boxW + 16);
        marks.push({
          key: `use-${part}`,
          tag: "rect",
          attrs: { x: r1(bx), y, width: r1(boxW), height: barH * 2, rx: 3, class: "box-schematic" },
        });
        marks.push(
          ...label(`use-${part}-lbl`, ctx.t(part), bx + boxW / 2, y + barH + size * 0.35, {
            size: size * 0.9,
            anchor: "middle",
            maxChars: wide ? 24 : 10,
            centre: true,
          }),
        );
      });
      marks.push(
        ...label("uses-note", ctx.t("uses-note"), pad, y + barH * 2 + size * 1.6, {
          size: size * 0.8,
          cls: "note",
          maxChars: wide ? 80 : 48,
        }),
      );
    }

    marks.push(...label("note", ctx.t(state === "uses" ? "note-uses" : "note"), 12, ctx.height - 14, { size: size * 0.75, cls: "note" }));
    return marks;
  },
});
