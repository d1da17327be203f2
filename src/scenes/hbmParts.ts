// The later steps of scene "hbm" (src/scenes/hbm.ts), around the cut-through
// chip: data packets on the links; the "short supply" tags (hatched, unsized:
// the article gives no figures) joined by one bracket; the makers of HBM as grey
// rings under the stacks, OpenAI's dashed talks with them; NVIDIA between the
// makers, supplied by them and supplying OpenAI (the hand-overs into chapter 8:
// OpenAI's dot "hero" and NVIDIA's "nvidia").

import type { Mark, SceneContext } from "../story/types.ts";
import { arcLabel, arcObstacles, LINE, lines, nameLabel, typeOf, type Box, type PointLabel } from "./figure.ts";
import { dot, link, r1 } from "./shapes.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { readPath } from "./pathData.ts";
import type { SideParts } from "./chip.ts";
import type { HbmGeo, State } from "./hbm.ts";

const cxOf = (b: Box) => (b.x0 + b.x1) / 2;
type Pt = [number, number];

/** Two packets on each link's run under the interposer, coming out of the stack and running on into the die. */
export function packets(side: SideParts, small: number): Mark[] {
  const marks: Mark[] = [];
  const size = Math.max(6, Math.min((side.interposer.y1 - side.interposer.y0) * 0.2, small * 0.6));
  for (const s of ["l", "r"] as const) {
    side.links[s].forEach((d, j) => {
      const pts = readPath(d).flatMap((c) => c.points) as Pt[];
      const [sx, y] = [pts[0]![0], pts[1]![1]];
      const ex = pts[2]![0];
      [0.3, 0.7].forEach((f, k) => {
        const x = sx + (ex - sx) * Math.min(0.9, f + (j - 2) * 0.05);
        marks.push({
          key: `pkt-${s}-${j}-${k}`,
          tag: "rect",
          attrs: { x: r1(x - size / 2), y: r1(y - size / 2), width: r1(size), height: r1(size), rx: 1.5, class: "marker" },
          enter: { x: r1(sx - size / 2), opacity: 0 },
          exit: { x: r1(ex - size / 2), opacity: 0 },
        });
      });
    });
  }
  return marks;
}

/** Hatched "short supply" tags under both stacks and the die, one bracket under them, and what they share. */
export function scarcity(ctx: SceneContext, g: HbmGeo): Mark[] {
  const t = typeOf(ctx);
  const { side } = g;
  const word = ctx.t("scarce-tag");
  const sw = t.small * 0.9;
  const pad = t.small * 0.35;
  const tw = r1(pad + sw + pad + textWidth(word, t.small) + pad);
  const th = r1(t.small * 1.5);
  const tagTop = side.sub.y1 + t.small * 0.9;
  const parts = [
    { key: "l", x: cxOf(side.stacks.l) },
    { key: "die", x: cxOf(side.die) },
    { key: "r", x: cxOf(side.stacks.r) },
  ];
  const marks: Mark[] = [];
  for (const part of parts) {
    const x0 = part.x - tw / 2;
    marks.push(
      {
        key: `scarce-${part.key}-line`,
        tag: "line",
        attrs: { x1: r1(part.x), y1: r1(side.sub.y1 + 1), x2: r1(part.x), y2: r1(tagTop), class: "leader" },
      },
      {
        key: `scarce-${part.key}`,
        tag: "rect",
        attrs: { x: r1(x0), y: r1(tagTop), width: tw, height: th, rx: 3, class: "tag" },
        enter: { opacity: 0 },
      },
    );
    // The hatched swatch: diagonal strokes clipped to a square by hand.
    const sx = x0 + pad;
    const sy = tagTop + (th - sw) / 2;
    const d: string[] = [];
    for (let k = 1; k < 8; k++) {
      const o = (k * sw) / 4;
      const [ax, ay] = o <= sw ? [sx + o, sy] : [sx + sw, sy + o - sw];
      const [bx, by] = o <= sw ? [sx, sy + o] : [sx + o - sw, sy + sw];
      d.push(`M${r1(ax)},${r1(ay)} L${r1(bx)},${r1(by)}`);
    }
    d.push(`M${r1(sx)},${r1(sy)} h${r1(sw)} v${r1(sw)} h${r1(-sw)} Z`);
    marks.push({ key: `scarce-${part.key}-hatch`, tag: "path", attrs: { d: d.join(" "), class: "hatch" }, enter: { opacity: 0 } });
    marks.push(...lines(`scarce-${part.key}-lbl`, [word], sx + sw + pad, tagTop + th / 2 + t.small * 0.35, t.small, "lbl"));
  }
  const by = tagTop + th + t.small * 0.5;
  const bh = t.small * 0.6;
  const [lx, rx, cx] = [parts[0]!.x, parts[2]!.x, parts[1]!.x];
  marks.push({
    key: "scarce-bracket",
    tag: "path",
    attrs: {
      d: `M${r1(lx)},${r1(by)} V${r1(by + bh)} H${r1(rx)} V${r1(by)} M${r1(cx)},${r1(by + bh)} V${r1(by + bh * 2)}`,
      class: "brace",
    },
    enter: { opacity: 0 },
  });
  const width = g.wide ? side.sub.x1 - side.sub.x0 : g.plot.x1 - g.plot.x0;
  const head = wrapWidth(ctx.t("scarce"), t.label, width, true);
  const tail = wrapWidth(ctx.t("scarce-note"), t.small, width);
  let y = by + bh * 2 + t.label * 1.05;
  marks.push(...lines("scarce-lbl", head, cx, y, t.label, "lbl lbl-strong", "middle"));
  y += head.length * t.label * LINE + t.small * 0.1;
  marks.push(...lines("scarce-note-lbl", tail, cx, y, t.small, "lbl lbl-note", "middle"));
  return marks;
}

/** A small open arrowhead at `to`, pointing away from `from`. */
function head(key: string, from: Pt, to: Pt, size: number): Mark {
  const a = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const p = (da: number): string => `${r1(to[0] - size * Math.cos(a + da))},${r1(to[1] - size * Math.sin(a + da))}`;
  return { key, tag: "path", attrs: { d: `M${p(0.5)} L${r1(to[0])},${r1(to[1])} L${p(-0.5)}`, class: "brace" } };
}

/** The makers under the stacks; OpenAI's talks with them; in the last step NVIDIA between them. */
export function firms(ctx: SceneContext, g: HbmGeo, state: State, obstacles: Box[], labels: PointLabel[]): Mark[] {
  const t = typeOf(ctx);
  const { side, r } = g;
  const marks: Mark[] = [];
  const makers = [
    { key: "samsung", at: [cxOf(side.stacks.l), g.makersY] as Pt },
    { key: "sk-hynix", at: [cxOf(side.stacks.r), g.makersY] as Pt },
  ];
  const nv: Pt = [cxOf(side.die), g.makersY];
  const addLink = (key: string, from: Pt, to: Pt, cls: "arc arc-plan" | "arc arc-ink", bend: number) => {
    marks.push(link(key, from, to, cls, bend));
    arcObstacles(from, to, bend, obstacles);
  };
  // OpenAI's talks: dashed rust lines from its dot to each maker.
  makers.forEach((m, i) =>
    addLink(`talk-${m.key}`, [g.hero[0] + (i ? r : -r), g.hero[1] - r], [m.at[0], m.at[1] + r * 1.6], "arc arc-plan", 0),
  );
  if (state === "nvidia") {
    // Supplied by the makers (ink arrows in), supplying OpenAI (the dependence, ink, down to its dot).
    makers.forEach((m, i) => {
      const from: Pt = [m.at[0] + (i ? -r * 1.8 : r * 1.8), m.at[1]];
      const to: Pt = [nv[0] + (i ? r * 1.8 : -r * 1.8), nv[1]];
      addLink(`supply-${m.key}`, from, to, "arc arc-ink", 0);
      marks.push(head(`supply-${m.key}-head`, from, to, t.small * 0.55));
    });
    addLink("dependence", [nv[0], nv[1] + r * 1.6], [g.hero[0], g.hero[1] - r * 1.6], "arc arc-ink", 0);
    labels.push(nameLabel(ctx, "nvidia", ctx.t("nvidia"), nv, r, ["below-right", "above-right", "below-left"]));
  }
  for (const m of makers) {
    // A thin line up to the substrate: these firms make the stacks.
    marks.push({
      key: `${m.key}-line`,
      tag: "line",
      attrs: { x1: r1(m.at[0]), y1: r1(side.sub.y1 + 2), x2: r1(m.at[0]), y2: r1(m.at[1] - r - 3), class: "leader" },
    });
    obstacles.push({ x0: m.at[0] - 2, y0: side.sub.y1, x1: m.at[0] + 2, y1: m.at[1] });
    marks.push(dot(m.key, m.at[0], m.at[1], r * 2, "marker marker-ring"));
    obstacles.push({ x0: m.at[0] - r, y0: m.at[1] - r, x1: m.at[0] + r, y1: m.at[1] + r });
  }
  if (state === "nvidia") marks.push(dot("nvidia", nv[0], nv[1], r * 2, "marker"));
  marks.push(dot("hero", g.hero[0], g.hero[1], r * 2, "marker marker-hero"));
  obstacles.push({ x0: g.hero[0] - r, y0: g.hero[1] - r, x1: g.hero[0] + r, y1: g.hero[1] + r });
  const gapW = makers[1]!.at[0] - makers[0]!.at[0];
  labels.push(
    nameLabel(ctx, "samsung", ctx.t("samsung"), makers[0]!.at, r, ["left", "below-left", "below"]),
    nameLabel(ctx, "sk-hynix", ctx.t("sk-hynix"), makers[1]!.at, r, g.wide ? ["above-right", "right"] : ["right", "below-right", "below"]),
    {
      // In the last step the same words and what the makers are to NVIDIA: another label, so one fades as the other comes.
      key: state === "nvidia" ? "makers-nv-lbl" : "makers-lbl",
      text: ctx.t(state === "nvidia" ? "makers-nv" : "makers"),
      x: nv[0],
      y: g.makersY - r * 4,
      r: 0,
      size: t.small,
      cls: "lbl lbl-note",
      prefer: ["above"],
      maxWidth: gapW * 0.9,
    },
    nameLabel(ctx, "hero", ctx.t("openai"), g.hero, r, g.wide ? ["left", "right"] : ["below"]),
  );
  if (g.wide) {
    // Right of the section: the talks beside SK Hynix, what they could mean for NVIDIA beside OpenAI.
    labels.push({
      key: "talk-lbl",
      text: ctx.t("talks"),
      x: makers[1]!.at[0],
      y: makers[1]!.at[1],
      r,
      size: t.small,
      cls: "lbl lbl-link",
      prefer: ["below-right", "right"],
      maxWidth: g.plot.x1 - makers[1]!.at[0] - r * 2,
    });
    if (state === "nvidia")
      labels.push({
        key: "direct-lbl",
        text: ctx.t("direct"),
        x: g.hero[0],
        y: g.hero[1],
        r,
        size: t.small,
        cls: "lbl lbl-link",
        prefer: ["right", "below-right"],
        maxWidth: g.plot.x1 - g.hero[0] - r * 3,
      });
  } else {
    // Under OpenAI's name, the step's sentence: two sentences, two keys (one fades out as the other comes in).
    const key = state === "nvidia" ? "direct" : "talk";
    const words = wrapWidth(ctx.t(state === "nvidia" ? "direct" : "talks"), t.small, g.plot.x1 - g.plot.x0);
    const y = g.hero[1] + r + t.label * 1.15 + t.small * 1.05;
    marks.push(...lines(`${key}-lbl`, words, g.hero[0], y, t.small, "lbl lbl-link", "middle"));
  }
  return marks;
}
