// The later steps of scene "hbm" (src/scenes/hbm.ts): an enlarged detail of the
// interposer, its links carrying data; "short supply" notes on the stacks and the
// die (words on leaders, unsized: the article gives no figures) joined by one
// bracket; then, the section gone, the firms: the makers of HBM as grey rings,
// OpenAI's talks with them, and NVIDIA between the makers, tied to them and
// to OpenAI by plain lines (the hand-overs into chapter 8: OpenAI's dot "hero" and
// NVIDIA's "nvidia").

import type { Mark, SceneContext } from "../story/types.ts";
import { arcObstacles, LINE, lines, nameLabel, typeOf, type Box, type PointLabel } from "./figure.ts";
import { dot, link, r1 } from "./shapes.ts";
import { wrapWidth } from "./text.ts";
import { readPath } from "./pathData.ts";
import { LAYERS, rect } from "./chip.ts";
import type { HbmGeo, State } from "./hbm.ts";

const cxOf = (b: Box) => (b.x0 + b.x1) / 2;
type Pt = [number, number];
const clip = (a: Box, b: Box): Box | null => {
  const c = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return c.x1 > c.x0 && c.y1 > c.y0 ? c : null;
};

/**
 * The interposer enlarged: the foot of one HBM stack, the edge of the processor and the links between them, cut
 * from the section (a frame marks where) and drawn large in the detail's box, joined to the frame by two leaders.
 * Two packets ride each link, out of the stack and on into the processor. The left side where the detail lies
 * under the section, the right where it lies beside it.
 */
export function zoom(ctx: SceneContext, g: HbmGeo): Mark[] {
  const t = typeOf(ctx);
  const { side } = g;
  const s = g.wide ? "r" : "l";
  const st = side.stacks[s];
  const pitch = (st.y1 - st.y0) / LAYERS;
  const dieW = side.die.x1 - side.die.x0;
  // What the detail shows, in the section's units: the stack's lowest chips to a third into the die, the interposer
  // and a strip of the substrate under it.
  const [ax, bx] = s === "l" ? [st.x0 - pitch * 0.6, side.die.x0 + dieW * 0.36] : [side.die.x1 - dieW * 0.36, st.x1 + pitch * 0.6];
  const R: Box = { x0: ax, y0: st.y1 - pitch * 0.95, x1: bx, y1: side.sub.y0 + (side.sub.y1 - side.sub.y0) * 0.2 };
  // Under the detail, what runs through the links, then what the detail is.
  const zw = g.zoom.x1 - g.zoom.x0;
  const flow = wrapWidth(ctx.t("flow"), t.small, zw);
  const words = wrapWidth(ctx.t("zoom"), t.small, zw);
  const room: Box = { ...g.zoom, y1: g.zoom.y1 - (flow.length + words.length) * t.small * LINE - t.small * 0.6 };
  const k = Math.min((room.x1 - room.x0) / (R.x1 - R.x0), (room.y1 - room.y0) / (R.y1 - R.y0));
  const I: Box = {
    x0: (room.x0 + room.x1) / 2 - ((R.x1 - R.x0) * k) / 2,
    y0: room.y0,
    x1: (room.x0 + room.x1) / 2 + ((R.x1 - R.x0) * k) / 2,
    y1: room.y0 + (R.y1 - R.y0) * k,
  };
  const X = (x: number) => I.x0 + (x - R.x0) * k;
  const Y = (y: number) => I.y0 + (y - R.y0) * k;
  const map = (b: Box): Box => ({ x0: X(b.x0), y0: Y(b.y0), x1: X(b.x1), y1: Y(b.y1) });
  const marks: Mark[] = [];
  const frame = (key: string, b: Box): Mark => ({
    key,
    tag: "rect",
    attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx: 2, class: "leader", fill: "none" },
  });
  marks.push(frame("zoom-src", R));
  const c = clip(side.sub, R);
  if (c) marks.push(rect("zoom-sub", map(c), "sub", 0));
  const ci = clip(side.interposer, R);
  if (ci) marks.push(rect("zoom-int", map(ci), "interposer", 0));
  for (let i = 0; i < LAYERS; i++) {
    const chip = clip({ x0: st.x0, y0: st.y1 - (i + 1) * pitch + pitch * 0.14, x1: st.x1, y1: st.y1 - i * pitch }, R);
    if (chip) marks.push(rect(`zoom-hbm-${i}`, map(chip), "stack", 2));
  }
  const cd = clip(side.die, R);
  if (cd) marks.push(rect("zoom-die", map(cd), "die die-ink", 2));
  // The links, and two packets on each one's run through the interposer.
  const size = Math.max(6, Math.min(((side.interposer.y1 - side.interposer.y0) * k) / 9, t.small * 0.55));
  side.links[s].forEach((d, j) => {
    const pts = (readPath(d).flatMap((p) => p.points) as Pt[]).map(([x, y]) => [X(x), Y(y)] as Pt);
    marks.push({
      key: `zoom-link-${j}`,
      tag: "path",
      attrs: { d: pts.map(([x, y], i) => `${i ? "L" : "M"}${r1(x)},${r1(y)}`).join(" "), class: "arc arc-ink", fill: "none" },
      enter: { opacity: 0 },
    });
    const [sx, y] = [pts[0]![0], pts[1]![1]];
    const ex = pts[2]![0];
    [0.3, 0.68].forEach((f, n) => {
      const x = sx + (ex - sx) * Math.min(0.9, f + (j - 2) * 0.04);
      marks.push({
        key: `pkt-${s}-${j}-${n}`,
        tag: "rect",
        attrs: { x: r1(x - size / 2), y: r1(y - size / 2), width: r1(size), height: r1(size), rx: 1.5, class: "marker" },
        enter: { x: r1(sx - size / 2), opacity: 0 },
        exit: { x: r1(ex - size / 2), opacity: 0 },
      });
    });
  });
  marks.push(frame("zoom-frame", I));
  // Leaders from the marked piece to the detail: from its foot down (under the section) or its side across (beside it).
  const ends: [Pt, Pt][] = g.wide
    ? [
        [
          [R.x1, R.y0],
          [I.x0, I.y0],
        ],
        [
          [R.x1, R.y1],
          [I.x0, I.y1],
        ],
      ]
    : [
        [
          [R.x0, R.y1],
          [I.x0, I.y0],
        ],
        [
          [R.x1, R.y1],
          [I.x1, I.y0],
        ],
      ];
  ends.forEach(([a, b], i) =>
    marks.push({
      key: `zoom-leader-${i}`,
      tag: "line",
      attrs: { x1: r1(a[0]), y1: r1(a[1]), x2: r1(b[0]), y2: r1(b[1]), class: "leader" },
    }),
  );
  const wx = g.wide ? I.x0 : (I.x0 + I.x1) / 2;
  const anchor = g.wide ? "start" : "middle";
  const fy = I.y1 + t.small * 1.2;
  marks.push(...lines("flow-lbl", flow, wx, fy, t.small, "lbl", anchor));
  marks.push(...lines("zoom-lbl", words, wx, fy + flow.length * t.small * LINE + t.small * 0.2, t.small, "lbl lbl-note", anchor));
  return marks;
}

/**
 * "Short supply" said as notes, not parts: under each stack and the die a leader down from the package to the
 * words, one bracket joining the three, and what they share under it.
 */
export function scarcity(ctx: SceneContext, g: HbmGeo): Mark[] {
  const t = typeOf(ctx);
  const { side } = g;
  const word = ctx.t("scarce-tag");
  const wordY = side.sub.y1 + t.small * 2.1;
  const parts = [
    { key: "l", x: cxOf(side.stacks.l) },
    { key: "die", x: cxOf(side.die) },
    { key: "r", x: cxOf(side.stacks.r) },
  ];
  const marks: Mark[] = [];
  for (const part of parts) {
    marks.push({
      key: `scarce-${part.key}-line`,
      tag: "line",
      attrs: { x1: r1(part.x), y1: r1(side.sub.y1 + 2), x2: r1(part.x), y2: r1(wordY - t.small * 0.95), class: "leader" },
    });
    marks.push(...lines(`scarce-${part.key}-lbl`, [word], part.x, wordY, t.small, "lbl", "middle"));
  }
  const by = wordY + t.small * 0.55;
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

/**
 * The firms, on the stage the section left: the makers a row near the top, OpenAI at the foot with its talks to
 * both; in the last step NVIDIA between the makers, plain ink lines to each (the article calls them its upstream
 * suppliers, nothing about what flows) and down to OpenAI.
 */
export function firms(ctx: SceneContext, g: HbmGeo, state: State, obstacles: Box[], labels: PointLabel[]): Mark[] {
  const t = typeOf(ctx);
  const { r, firms: box } = g;
  const fw = box.x1 - box.x0;
  const marks: Mark[] = [];
  const makers = [
    { key: "samsung", at: [box.x0 + fw * 0.2, g.makersY] as Pt },
    { key: "sk-hynix", at: [box.x1 - fw * 0.2, g.makersY] as Pt },
  ];
  const nv: Pt = [cxOf(box), g.makersY];
  const addLink = (key: string, from: Pt, to: Pt, cls: "arc" | "arc arc-ink" | "arc arc-ink arc-dash") => {
    marks.push(link(key, from, to, cls, 0));
    arcObstacles(from, to, 0, obstacles);
  };
  // OpenAI's talks: solid rust lines from its dot to each maker (they took place, insiders say: drawn as chapter 2's talks with TSMC).
  makers.forEach((m, i) => addLink(`talk-${m.key}`, [g.hero[0] + (i ? r : -r), g.hero[1] - r], [m.at[0], m.at[1] + r * 1.4], "arc"));
  if (state === "nvidia") {
    // The makers as NVIDIA's suppliers is our reading of the article's "upstream suppliers": dashed, not reported.
    makers.forEach((m, i) =>
      addLink(
        `supply-${m.key}`,
        [m.at[0] + (i ? -r * 1.6 : r * 1.6), m.at[1]],
        [nv[0] + (i ? r * 1.6 : -r * 1.6), nv[1]],
        "arc arc-ink arc-dash",
      ),
    );
    addLink("dependence", [nv[0], nv[1] + r * 1.6], [g.hero[0], g.hero[1] - r * 1.6], "arc arc-ink");
    labels.push(nameLabel(ctx, "nvidia", ctx.t("nvidia"), nv, r, ["below-right", "above-right", "below-left"]));
  }
  for (const m of makers) {
    marks.push(dot(m.key, m.at[0], m.at[1], r * 2, "marker marker-ring"));
    obstacles.push({ x0: m.at[0] - r, y0: m.at[1] - r, x1: m.at[0] + r, y1: m.at[1] + r });
  }
  if (state === "nvidia") {
    marks.push(dot("nvidia", nv[0], nv[1], r * 2, "marker"));
    obstacles.push({ x0: nv[0] - r, y0: nv[1] - r, x1: nv[0] + r, y1: nv[1] + r });
  }
  marks.push(dot("hero", g.hero[0], g.hero[1], r * 2, "marker marker-hero"));
  obstacles.push({ x0: g.hero[0] - r, y0: g.hero[1] - r, x1: g.hero[0] + r, y1: g.hero[1] + r });
  const gapW = makers[1]!.at[0] - makers[0]!.at[0];
  labels.push(
    nameLabel(ctx, "samsung", ctx.t("samsung"), makers[0]!.at, r, ["above", "left", "below"]),
    nameLabel(ctx, "sk-hynix", ctx.t("sk-hynix"), makers[1]!.at, r, ["above", "right", "below"]),
    {
      // In the last step the same words and what the makers are to NVIDIA: another label, so one fades as the other comes.
      key: state === "nvidia" ? "makers-nv-lbl" : "makers-lbl",
      text: ctx.t(state === "nvidia" ? "makers-nv" : "makers"),
      x: nv[0],
      y: g.makersY - r - t.label * 1.6,
      r: 0,
      size: t.small,
      cls: "lbl lbl-note",
      prefer: ["above"],
      maxWidth: gapW * 0.62,
    },
    nameLabel(ctx, "hero", ctx.t("openai"), g.hero, r, ["below"]),
  );
  // Under OpenAI's name, the step's sentence: two sentences, two keys (one fades out as the other comes in).
  const key = state === "nvidia" ? "direct" : "talk";
  const words = wrapWidth(ctx.t(state === "nvidia" ? "direct" : "talks"), t.small, fw);
  const y = g.hero[1] + r + t.label * 1.15 + t.small * 1.05;
  marks.push(...lines(`${key}-lbl`, words, g.hero[0], y, t.small, "lbl lbl-link", "middle"));
  return marks;
}
