// Scene "rivals": NVIDIA and its biggest customers, as a schematic ring. NVIDIA
// sits in the middle as a chip; OpenAI (the hero dot) and Meta, Microsoft,
// Google and Amazon sit around it, each with an arrow from NVIDIA (it supplies
// their AI chips). Then each customer gets a chip of its own beside it (the AI
// accelerators they develop), and finally an arrow runs back from each own chip
// to NVIDIA: the customers turn rivals, while the supply arrows stay, greyed.
// OpenAI's own chip is only planned (design apparently not begun): an outline,
// its arrow dashed, as the caption says.
// Nothing is sized: the article gives no shares, and the caption says so.

import type { ClassList, Mark } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, linkPoint, r1 } from "./shapes.ts";
import { captionStrip, nameLabel, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { textWidth } from "./text.ts";

const STATES = ["customers", "own", "rivals"] as const;

/** Clockwise from the top: OpenAI first (the story's hero), then the others in the article's order. */
const CUSTOMERS = [
  { key: "hero", text: "openai" },
  { key: "meta", text: "meta" },
  { key: "microsoft", text: "microsoft" },
  { key: "google", text: "google" },
  { key: "amazon", text: "amazon" },
] as const;

type Pt = [number, number];

/** An open arrowhead (a chevron) with its tip at `tip`, pointing along `dir`. */
function head(key: string, tip: Pt, dir: Pt, size: number, cls: ClassList): Mark {
  const [ux, uy] = dir;
  const b1: Pt = [tip[0] - ux * size - uy * size * 0.6, tip[1] - uy * size + ux * size * 0.6];
  const b2: Pt = [tip[0] - ux * size + uy * size * 0.6, tip[1] - uy * size - ux * size * 0.6];
  return {
    key,
    tag: "path",
    attrs: { d: `M${r1(b1[0])},${r1(b1[1])} L${r1(tip[0])},${r1(tip[1])} L${r1(b2[0])},${r1(b2[1])}`, class: cls, fill: "none" },
    enter: { opacity: 0 },
  };
}

/** Names sit above the upper marks and below the lower ones, so the ring can reach the figure's sides. */
const above = ([, uy]: Pt): boolean => uy < 0.2;

export const rivals = defineScene({
  id: "rivals",
  states: STATES,
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const r = t.label * 0.45;
    const chip = t.label * 0.95;
    const offset = r + chip / 2 + t.label * 0.55;

    // NVIDIA: a chip in the middle, its name inside, sized to the plot.
    const nvSize = Math.min(t.big * 1.1, Math.min(plot.x1 - plot.x0, plot.y1 - plot.y0) * 0.055);
    const nvW = textWidth(ctx.t("nvidia"), nvSize, true) + t.pad * 2;
    const nvH = nvW * 0.72;

    // The ring: an ellipse filling the plot, less room for the names above and below the marks.
    const nameW = Math.max(...CUSTOMERS.map((c) => textWidth(ctx.t(c.text), t.label, true)));
    const rx = (plot.x1 - plot.x0) / 2 - Math.max(nameW / 2, offset + chip / 2) - t.label * 0.3;
    const margin = r + t.label * 1.45;
    // The pentagon reaches up to its top vertex (1) and down to 0.81 of the radius.
    const ry = (plot.y1 - plot.y0 - 2 * margin) / 1.81;
    const cx = (plot.x0 + plot.x1) / 2;
    const cy = plot.y0 + margin + ry;
    const nv: Box = { x0: cx - nvW / 2, y0: cy - nvH / 2, x1: cx + nvW / 2, y1: cy + nvH / 2 };

    /** Where a line from `p` along `-u` (towards the middle) meets NVIDIA's chip, with a gap. */
    const toNvidia = (p: Pt, u: Pt): Pt => {
      const gap = t.label * 0.35;
      const hx = nvW / 2 + gap;
      const hy = nvH / 2 + gap;
      // Distance from the centre line along u at which the parallel line leaves the box.
      const ox = p[0] - cx;
      const oy = p[1] - cy;
      const along = ox * u[0] + oy * u[1];
      const q: Pt = [ox - along * u[0], oy - along * u[1]];
      const sx = Math.abs(u[0]) > 1e-6 ? (hx - Math.sign(u[0]) * q[0]) / Math.abs(u[0]) : Infinity;
      const sy = Math.abs(u[1]) > 1e-6 ? (hy - Math.sign(u[1]) * q[1]) / Math.abs(u[1]) : Infinity;
      const s = Math.min(sx, sy);
      return [cx + q[0] + u[0] * s, cy + q[1] + u[1] * s];
    };

    const own = state !== "customers";
    const turned = state === "rivals";
    const marks: Mark[] = [];
    const obstacles: Box[] = [nv];
    const sample = (a: Pt, b: Pt) => {
      for (let i = 0; i <= 24; i++) {
        const x = a[0] + ((b[0] - a[0]) * i) / 24;
        const y = a[1] + ((b[1] - a[1]) * i) / 24;
        obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
      }
    };
    const nodes: { key: string; text: string; p: Pt; u: Pt; c: Pt }[] = CUSTOMERS.map((c, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / CUSTOMERS.length;
      const p: Pt = [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
      const len = Math.hypot(p[0] - cx, p[1] - cy);
      const u: Pt = [(p[0] - cx) / len, (p[1] - cy) / len];
      // The own chip sits beside the customer along the ring, on the side away from its name
      // (below an upper mark, above a lower one; right of the top one).
      const cw: Pt = [-u[1], u[0]];
      const down = cw[1] > 1e-6 || (Math.abs(cw[1]) <= 1e-6 && cw[0] > 0);
      const tan: Pt = above(u) === down ? cw : [-cw[0], -cw[1]];
      const c2: Pt = [p[0] + tan[0] * offset, p[1] + tan[1] * offset];
      return { key: c.key, text: ctx.t(c.text), p, u, c: c2 };
    });

    const lineLabels: PointLabel[] = [];
    const arrow = t.label * 0.5;
    for (const n of nodes) {
      // Supply: from NVIDIA out to the customer.
      const from = toNvidia(n.p, n.u);
      const to: Pt = [n.p[0] - n.u[0] * (r + t.label * 0.3), n.p[1] - n.u[1] * (r + t.label * 0.3)];
      const cls = turned ? "leader" : "arc";
      marks.push(link(`sup-${n.key}`, from, to, cls, 0), head(`sup-${n.key}-head`, to, n.u, arrow, cls));
      sample(from, to);
      // Rivalry: from the customer's own chip back to NVIDIA (room kept in every state, so labels stay put).
      const rFrom: Pt = [n.c[0] - n.u[0] * (chip / 2 + t.label * 0.3), n.c[1] - n.u[1] * (chip / 2 + t.label * 0.3)];
      const rTo = toNvidia(n.c, n.u);
      sample(rFrom, rTo);
      if (turned) {
        const back: Pt = [-n.u[0], -n.u[1]];
        // OpenAI's chip is only planned (design apparently not begun): its rivalry is dashed, as the caption's
        // rule says; the others' arrows are the article's "becoming competitors": solid, but not bold, since how
        // far their chips are is open.
        const planned = n.key === "hero";
        marks.push(
          link(`riv-${n.key}`, rFrom, rTo, planned ? "arc arc-broken" : "arc", 0),
          head(`riv-${n.key}-head`, rTo, back, arrow * 1.15, "arc"),
        );
      }
      if (n.key === "hero") {
        const mid = linkPoint(from, to, 0, 0.5);
        lineLabels.push({
          key: "sup-hero-lbl",
          text: turned ? ctx.t("still") : ctx.t("buys"),
          x: mid[0],
          y: mid[1],
          r: 3,
          size: t.small,
          cls: turned ? "lbl lbl-note" : "lbl lbl-link",
          prefer: ["left", "above-left", "below-left"],
          maxWidth: (plot.x1 - plot.x0) * 0.3,
        });
        if (turned) {
          const rmid = linkPoint(rFrom, rTo, 0, 0.5);
          lineLabels.push({
            key: "riv-hero-lbl",
            text: ctx.t("rival"),
            x: rmid[0],
            y: rmid[1],
            r: 3,
            size: t.small,
            cls: "lbl lbl-link",
            prefer: ["right", "above-right", "below-right"],
            maxWidth: (plot.x1 - plot.x0) * 0.36,
          });
        }
      }
    }

    // NVIDIA's chip over the lines' ends, its name inside.
    marks.push({
      key: "nvidia",
      tag: "rect",
      attrs: { x: r1(nv.x0), y: r1(nv.y0), width: r1(nvW), height: r1(nvH), rx: r1(t.label * 0.3), class: "marker" },
    });
    marks.push(...lines("nvidia-lbl", [ctx.t("nvidia")], cx, cy + nvSize * 0.35, nvSize, "val val-inside", "middle"));

    const nameLabels: PointLabel[] = [];
    for (const n of nodes) {
      marks.push(dot(n.key, n.p[0], n.p[1], r * 2, n.key === "hero" ? "marker marker-hero" : "marker"));
      obstacles.push({ x0: n.p[0] - r, y0: n.p[1] - r, x1: n.p[0] + r, y1: n.p[1] + r });
      const half = chip / 2;
      obstacles.push({ x0: n.c[0] - half, y0: n.c[1] - half, x1: n.c[0] + half, y1: n.c[1] + half });
      if (own) {
        marks.push({
          key: `chip-${n.key}`,
          tag: "rect",
          attrs: {
            x: r1(n.c[0] - half),
            y: r1(n.c[1] - half),
            width: r1(chip),
            height: r1(chip),
            rx: 2,
            // The others' accelerators are in development (A77), not finished: a solid outline, not filled.
            class: n.key === "hero" ? "fab fab-new" : "fab fab-dev",
          },
          enter: { opacity: 0 },
        });
      }
      nameLabels.push(
        nameLabel(ctx, n.key, n.text, n.p, r, above(n.u) ? ["above", "above-right", "above-left"] : ["below", "below-right", "below-left"]),
      );
    }
    const hero = nodes[0]!;
    const chipLabels: PointLabel[] = own
      ? [
          {
            key: "chip-hero-lbl",
            text: ctx.t("chip"),
            x: hero.c[0],
            y: hero.c[1],
            r: chip / 2,
            size: t.small,
            cls: "lbl lbl-note",
            prefer: ["right", "above-right", "below-right"],
            maxWidth: (plot.x1 - plot.x0) * 0.3,
          },
        ]
      : [];
    marks.push(...placeLabels([...nameLabels, ...chipLabels, ...lineLabels], obstacles, plot).marks);
    marks.push(...caption.marks);
    return marks;
  },
});
