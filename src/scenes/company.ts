// Scene "company": the data-centre company Altman reportedly plans, as a
// schematic structure chart (nothing here is to scale, and the caption says
// so). A dashed box is the planned company; dashed squares are the data centres
// it would build; dots are the people and institutions around it, with OpenAI
// as the accent dot ("hero", handed over from the map of the chapter before).
// Arrows say who does what, each labelled beside its middle: dashed what is only
// planned or under discussion, solid only what the article reports as done (the
// caption states the rule). Two chapters share
// the scene: the plan and its backers (plan … motives), then OpenAI's board
// (crisis … calm). The picture continues, so every key means the same thing in
// every state: what stays moves, what the step no longer needs fades.

import { withoutClass, type ClassList, type Mark } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, r1 } from "./shapes.ts";
import { arcLabel, arcObstacles, captionStrip, LINE, lines, placeLabels, typeOf, type Box, type PointLabel, type Side } from "./figure.ts";
import { wrapWidth } from "./text.ts";

const STATES = ["plan", "investors", "approval", "motives", "crisis", "stake", "calm"] as const;
type State = (typeof STATES)[number];

/** A dot: a person, a firm, an institution. Position in fractions of the plot (u across, v down). */
interface NodeSpec {
  key: string;
  u: number;
  v: number;
  text: string;
  cls: ClassList;
  prefer?: Side[];
  /** A second label for the same dot (keyed "<key>-val"). */
  val?: string;
  valPrefer?: Side[];
  maxWidth?: number;
  /** Named by a block of text set beside it (the governments and their reasons), not by placeLabels. */
  block?: boolean;
}

interface LinkSpec {
  key: string;
  from: string;
  to: string;
  cls: ClassList;
  text?: string;
  bend?: number;
  head?: boolean;
  prefer?: Side[];
  /** Where along the link its label sits (0…1). */
  at?: number;
}

interface Spec {
  nodes: NodeSpec[];
  /** The company box: centre and width in fractions of the plot; the line under its name. */
  box: { u: number; v: number; w: number; sub: string; subKey: string };
  /** The block of data centres: its centre, and where its name goes. */
  dcs: { u: number; v: number; prefer?: Side[] };
  links: LinkSpec[];
  /** The governments' three reasons: listed under the "gov" dot's name and what they want. */
  reasons?: boolean;
}

type T = (key: string) => string;

const MUTED = "marker marker-muted";
const INK = "marker";
const HERO = "marker marker-hero";
const GOV = "marker marker-gov";
/** Planned or under discussion: dashed (the caption's rule). */
const PLANNED = "arc arc-broken";

/** The plan and its backers: Altman beside the company, money above it, its data centres and OpenAI below. */
function planSpec(state: State, t: T): Spec {
  const u = 0.58;
  const hero: NodeSpec = { key: "hero", u, v: 0.92, text: t("openai"), cls: HERO, prefer: ["right", "left"] };
  const links: LinkSpec[] = [
    { key: "link-found", from: "altman", to: "company", cls: PLANNED, text: t("found"), head: true, prefer: ["above", "below"] },
    { key: "link-build", from: "company", to: "dcs", cls: PLANNED, text: t("build"), head: true, prefer: ["left", "right"] },
    { key: "link-rent", from: "dcs", to: "hero", cls: PLANNED, text: t("rent"), head: true, prefer: ["left", "right"] },
  ];
  if (state === "plan") {
    return {
      nodes: [
        { key: "altman", u: 0.06, v: 0.38, text: t("altman"), cls: INK, prefer: ["above", "below"] },
        { key: "investors", u, v: 0.07, text: t("investors"), cls: INK, prefer: ["right", "left"], maxWidth: 0.38 },
        hero,
      ],
      box: { u, v: 0.38, w: 0.56, sub: t("planned"), subKey: "company-val" },
      dcs: { u, v: 0.66 },
      links: [
        { key: "link-capital", from: "investors", to: "company", cls: PLANNED, text: t("capital"), head: true, prefer: ["right", "left"] },
        ...links,
      ],
    };
  }
  // investors: more money he weighs, and a separate project discussed with SoftBank.
  return {
    nodes: [
      { key: "altman", u: 0.06, v: 0.38, text: t("altman"), cls: INK, prefer: ["above", "below"] },
      {
        key: "softbank",
        u: 0.06,
        v: 0.7,
        text: t("softbank"),
        cls: INK,
        prefer: ["right", "below-right"],
        maxWidth: 0.4,
        val: t("softbank-talk"),
        valPrefer: ["below-right", "below"],
      },
      { key: "investors", u: 0.44, v: 0.07, text: t("investors"), cls: INK, prefer: ["left", "above"], maxWidth: 0.36 },
      { key: "pe", u: 0.64, v: 0.07, text: t("pe"), cls: INK, prefer: ["right", "above"], maxWidth: 0.32 },
      hero,
    ],
    box: { u, v: 0.38, w: 0.56, sub: t("planned"), subKey: "company-val" },
    dcs: { u, v: 0.66 },
    links: [
      { key: "link-capital", from: "investors", to: "company", cls: PLANNED, head: true },
      { key: "link-pe", from: "pe", to: "company", cls: PLANNED, head: true },
      { key: "link-softbank", from: "altman", to: "softbank", cls: PLANNED },
      ...links,
    ],
  };
}

/** Governments: the company, its data centres and OpenAI move left; the states come in on the right. */
function stateSpec(state: State, t: T): Spec {
  const u = 0.2;
  const nodes: NodeSpec[] = [
    { key: "altman", u, v: 0.06, text: t("altman"), cls: state === "approval" ? INK : MUTED, prefer: ["right", "left"] },
    { key: "hero", u, v: 0.92, text: t("openai"), cls: HERO, prefer: ["right", "left"] },
  ];
  const links: LinkSpec[] = [
    { key: "link-found", from: "altman", to: "company", cls: PLANNED, head: true },
    { key: "link-build", from: "company", to: "dcs", cls: PLANNED, head: true },
    { key: "link-rent", from: "dcs", to: "hero", cls: PLANNED, head: true },
  ];
  const box = { u, v: 0.38, w: 0.38, sub: t("planned"), subKey: "company-val" };
  const dcs = { u, v: 0.67 };
  if (state === "approval") {
    return {
      nodes: [
        ...nodes,
        { key: "commerce", u: 0.86, v: 0.12, text: t("commerce"), cls: GOV, prefer: ["above", "left", "below"], maxWidth: 0.62 },
        { key: "gov", u: 0.8, v: 0.64, text: t("gov"), cls: GOV, prefer: ["below", "above", "left"], maxWidth: 0.4 },
      ],
      box,
      dcs,
      links: [
        ...links,
        {
          key: "link-approval",
          from: "commerce",
          to: "company",
          cls: "arc arc-strong",
          text: t("approval"),
          head: true,
          bend: 0.08,
          prefer: ["below", "above"],
        },
        { key: "link-talks", from: "company", to: "gov", cls: PLANNED, text: t("talks"), bend: 0.08, prefer: ["above", "below"] },
      ],
    };
  }
  // motives: several governments, the UAE among them, and their three reasons, as a list on the right. OpenAI
  // steps out for this one step, so the data centres they want can be named below their block. No line joins
  // them to the plan: the article says only that they want data centres, not that Altman talks to them.
  return {
    nodes: [nodes[0]!, { key: "gov", u: 0.46, v: 0.06, text: t("gov-uae"), cls: GOV, block: true }],
    box: { ...box, v: 0.42 },
    dcs: { u, v: 0.74, prefer: ["below", "below-right"] },
    links: [links[0]!, links[1]!],
    reasons: true,
  };
}

/** OpenAI's board: board, Altman and OpenAI down the left, the project on the right. The article names no
 * investors for 2023, so they join only in 2024, with the plan as it then stood. */
function boardSpec(state: State, t: T): Spec {
  const crisis = state === "crisis";
  const nodes: NodeSpec[] = [
    {
      key: "board",
      u: 0.06,
      v: 0.1,
      text: crisis ? t("board") : t("new-board"),
      cls: INK,
      prefer: ["above-right", "right", "below-right"],
      maxWidth: 0.42,
      val: crisis ? t("crisis") : undefined,
      valPrefer: ["below-right", "right"],
    },
    { key: "altman", u: 0.06, v: 0.47, text: t("altman"), cls: crisis ? INK : MUTED, prefer: ["below-right", "below", "above-right"] },
    { key: "hero", u: 0.06, v: 0.9, text: t("openai"), cls: HERO, prefer: ["right", "above-right"] },
  ];
  if (!crisis) {
    nodes.push({
      key: "investors",
      u: 0.9,
      v: 0.1,
      text: t("investors"),
      cls: MUTED,
      prefer: ["above", "above-left", "left"],
      maxWidth: 0.46,
    });
  }
  const links: LinkSpec[] = [
    { key: "link-found", from: "altman", to: "company", cls: PLANNED, head: true },
    { key: "link-build", from: "company", to: "dcs", cls: PLANNED, head: true },
  ];
  if (crisis) {
    links.push({
      key: "link-worry",
      from: "board",
      to: "altman",
      // The board's worry is reported as fact: drawn through.
      cls: "arc",
      text: t("worry"),
      bend: -0.1,
      prefer: ["right", "below-right"],
      at: 0.6,
    });
  } else {
    links.push(
      { key: "link-capital", from: "investors", to: "company", cls: PLANNED, head: true },
      {
        key: "link-stake",
        from: "hero",
        to: "company",
        // A proposal under review.
        cls: PLANNED,
        text: t("stake"),
        head: true,
        bend: -0.1,
        prefer: ["right", "below-right", "above-left"],
        at: 0.36,
      },
      {
        key: "link-review",
        from: "board",
        to: "company",
        // Still reviewing in both states: the article reports no decision.
        cls: PLANNED,
        text: t("review"),
        head: true,
        bend: 0.08,
        prefer: ["above-right", "right", "below-left"],
      },
    );
  }
  return {
    nodes,
    // The staff's mood, not the board's: told in the company's box, away from the board's link.
    box: {
      u: 0.64,
      v: 0.42,
      w: 0.56,
      sub: crisis ? t("independent") : state === "calm" ? t("calm") : t("planned"),
      subKey: crisis ? "company-idea" : state === "calm" ? "company-calm" : "company-val",
    },
    dcs: { u: 0.74, v: 0.78, prefer: ["below", "left"] },
    links,
  };
}

function specOf(state: State, t: T): Spec {
  if (state === "plan" || state === "investors") return planSpec(state, t);
  if (state === "approval" || state === "motives") return stateSpec(state, t);
  return boardSpec(state, t);
}

type Shape = { kind: "dot"; x: number; y: number; r: number } | { kind: "box"; box: Box };

/** The centre of a shape. */
const centreOf = (s: Shape): [number, number] => (s.kind === "dot" ? [s.x, s.y] : [(s.box.x0 + s.box.x1) / 2, (s.box.y0 + s.box.y1) / 2]);

/** Where the line from a shape's centre towards `to` leaves the shape, `gap` beyond its edge. */
function edgeOf(s: Shape, to: [number, number], gap: number): [number, number] {
  const [cx, cy] = centreOf(s);
  const dx = to[0] - cx;
  const dy = to[1] - cy;
  const len = Math.hypot(dx, dy) || 1;
  if (s.kind === "dot") return [cx + (dx / len) * (s.r + gap), cy + (dy / len) * (s.r + gap)];
  const hw = (s.box.x1 - s.box.x0) / 2 + gap;
  const hh = (s.box.y1 - s.box.y0) / 2 + gap;
  const k = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return [cx + dx * k, cy + dy * k];
}

/** An open arrowhead at `tip`, pointing away from `from` (the curve's control point). */
function head(key: string, tip: [number, number], from: [number, number], size: number, cls: ClassList): Mark {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const p = (da: number): string => `${r1(tip[0] - size * Math.cos(a + da))},${r1(tip[1] - size * Math.sin(a + da))}`;
  return {
    key,
    tag: "path",
    attrs: { d: `M${p(0.5)} L${r1(tip[0])},${r1(tip[1])} L${p(-0.5)}`, class: cls, fill: "none" },
    enter: { opacity: 0 },
  };
}

export const company = defineScene({
  id: "company",
  states: STATES,
  marks(state, ctx) {
    const ty = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: ty.pad, y0: ty.pad, x1: ctx.width - ty.pad, y1: caption.top - ty.pad * 0.5 };
    const W = plot.x1 - plot.x0;
    const H = plot.y1 - plot.y0;
    const spec = specOf(state, ctx.t);
    const X = (u: number) => plot.x0 + u * W;
    const Y = (v: number) => plot.y0 + v * H;
    const r = ty.label * 0.45;

    const marks: Mark[] = [];
    const obstacles: Box[] = [];
    const shapes = new Map<string, Shape>();
    const labels: PointLabel[] = [];

    // The company: a dashed box (planned), its name inside, and one line on what it is.
    const bw = spec.box.w * W;
    const inner = bw - ty.pad * 1.4;
    const name = wrapWidth(ctx.t("company"), ty.label, inner, true);
    const sub = wrapWidth(spec.box.sub, ty.small, inner);
    const bh = name.length * ty.label * LINE + sub.length * ty.small * LINE + ty.pad * 1.1;
    const bx = X(spec.box.u) - bw / 2;
    const by = Y(spec.box.v) - bh / 2;
    const box: Box = { x0: bx, y0: by, x1: bx + bw, y1: by + bh };
    marks.push({
      key: "company",
      tag: "rect",
      attrs: { x: r1(bx), y: r1(by), width: r1(bw), height: r1(bh), rx: 6, class: "box-schematic" },
      enter: { opacity: 0 },
    });
    const textTop = by + ty.pad * 0.55 + ty.label * 0.8;
    marks.push(...lines("company-lbl", name, X(spec.box.u), textTop, ty.label, "lbl lbl-strong", "middle"));
    // Keyed by what it says, so a new line fades in rather than replacing the old one mid-move.
    marks.push(...lines(spec.box.subKey, sub, X(spec.box.u), textTop + name.length * ty.label * LINE, ty.small, "lbl lbl-note", "middle"));
    obstacles.push(box);
    shapes.set("company", { kind: "box", box });

    // The data centres it would build: four dashed squares (planned, not built) with server racks
    // drawn in, as a block named beside it.
    const s = Math.min(W * 0.07, H * 0.08);
    const step = s * 1.35;
    const block = step + s;
    const gx0 = X(spec.dcs.u) - block / 2;
    const gy0 = Y(spec.dcs.v) - block / 2;
    for (let i = 0; i < 4; i++) {
      const x = gx0 + (i % 2) * step;
      const y = gy0 + Math.floor(i / 2) * step;
      marks.push({
        key: `dc-${i}`,
        tag: "rect",
        attrs: { x: r1(x), y: r1(y), width: r1(s), height: r1(s), class: "fab fab-new" },
        enter: { opacity: 0 },
      });
      for (let j = 0; j < 3; j++) {
        const ly = y + s * (0.3 + j * 0.2);
        marks.push({
          key: `dc-${i}-rack-${j}`,
          tag: "line",
          attrs: { x1: r1(x + s * 0.25), y1: r1(ly), x2: r1(x + s * 0.75), y2: r1(ly), class: "leader" },
          enter: { opacity: 0 },
        });
      }
    }
    const grid: Box = { x0: gx0, y0: gy0, x1: gx0 + block, y1: gy0 + block };
    obstacles.push(grid);
    shapes.set("dcs", { kind: "box", box: grid });
    labels.push({
      key: "dcs-lbl",
      text: ctx.t("dcs"),
      x: gx0 + block / 2,
      y: gy0 + block / 2,
      r: block / 2,
      size: ty.label,
      cls: "lbl",
      prefer: spec.dcs.prefer ?? ["right", "left"],
      maxWidth: W * 0.3,
    });

    // Dots: people, firms, institutions.
    for (const nd of spec.nodes) {
      if (nd.block) continue;
      const x = X(nd.u);
      const y = Y(nd.v);
      marks.push(dot(nd.key, x, y, r * 2, nd.cls));
      obstacles.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
      shapes.set(nd.key, { kind: "dot", x, y, r });
      const muted = nd.cls.includes("muted");
      labels.push({
        key: `${nd.key}-lbl`,
        text: nd.text,
        x,
        y,
        r,
        size: ty.label,
        cls: muted ? "lbl lbl-muted" : "lbl lbl-strong",
        prefer: nd.prefer,
        maxWidth: W * (nd.maxWidth ?? 0.36),
      });
      if (nd.val) {
        labels.push({
          key: `${nd.key}-val`,
          text: nd.val,
          x,
          y,
          r,
          size: ty.small,
          cls: "lbl lbl-note",
          prefer: nd.valPrefer,
          maxWidth: W * 0.5,
        });
      }
    }

    // The governments: their name beside the dot, what they want under it, then their three reasons as a
    // list; the whole block centred on the right of the plot.
    const gov = spec.nodes.find((nd) => nd.block);
    if (gov && spec.reasons) {
      const x = X(gov.u);
      const tx = x + r + ty.label * 0.4;
      const width = plot.x1 - tx;
      const rs = ty.label * 0.45;
      const lx = tx + rs + ty.label * 0.45;
      const name = wrapWidth(gov.text, ty.label, width, true);
      const want = wrapWidth(ctx.t("want"), ty.label, width);
      const items = [1, 2, 3].map((i) => wrapWidth(ctx.t(`reason-${i}`), ty.label, plot.x1 - lx));
      const lead = ty.label * LINE * 1.5;
      const gapY = ty.label * LINE * 1.8;
      const count = (ls: string[]) => (ls.length - 1) * ty.label * LINE;
      const blockH = count(name) + ty.label * LINE + count(want) + lead + items.reduce((h, w) => h + count(w), 0) + 2 * gapY;
      const top = Math.max(plot.y0 + ty.label, Y(0.46) - blockH / 2);
      const y0 = top - ty.label * 0.35;
      marks.push(dot(gov.key, x, y0, r * 2, gov.cls));
      obstacles.push({ x0: x - r, y0: y0 - r, x1: x + r, y1: y0 + r });
      shapes.set(gov.key, { kind: "dot", x, y: y0, r });
      let y = top;
      marks.push(...lines(`${gov.key}-lbl`, name, tx, y, ty.label, "lbl lbl-strong"));
      y += count(name) + ty.label * LINE;
      marks.push(...lines(`${gov.key}-val`, want, tx, y, ty.label, "lbl lbl-muted"));
      y += count(want) + lead;
      items.forEach((words, i) => {
        const cy = y - ty.label * 0.32;
        marks.push({
          key: `reason-${i}`,
          tag: "rect",
          attrs: { x: r1(tx), y: r1(cy - rs / 2), width: r1(rs), height: r1(rs), class: "marker marker-gov" },
          enter: { opacity: 0 },
        });
        marks.push(...lines(`reason-${i}-lbl`, words, lx, y, ty.label, "lbl"));
        y += count(words) + gapY;
      });
      obstacles.push({ x0: tx, y0: top - ty.label, x1: plot.x1, y1: y - gapY + ty.label * 0.3 });
    }

    // Links, under the dots: curved, ending short of their shapes, arrowed where they have a direction.
    const gap = ty.label * 0.3;
    const linkMarks: Mark[] = [];
    for (const l of spec.links) {
      const a = shapes.get(l.from)!;
      const b = shapes.get(l.to)!;
      const p = edgeOf(a, centreOf(b), gap);
      const q = edgeOf(b, centreOf(a), gap * (l.head ? 1.2 : 1));
      const bend = l.bend ?? 0;
      linkMarks.push(link(l.key, p, q, l.cls, bend));
      if (l.head) {
        const ctrl: [number, number] = [(p[0] + q[0]) / 2 + (q[1] - p[1]) * bend, (p[1] + q[1]) / 2 - (q[0] - p[0]) * bend];
        linkMarks.push(head(`${l.key}-head`, q, ctrl, ty.label * 0.55, withoutClass(l.cls, "arc-broken")));
      }
      arcObstacles(p, q, bend, obstacles);
      if (l.text) labels.push(arcLabel(ctx, l.key, l.text, p, q, bend, l.prefer ?? ["right", "left"], { at: l.at, maxWidth: W * 0.34 }));
    }

    marks.unshift(...linkMarks);
    marks.push(...placeLabels(labels, obstacles, plot).marks);
    marks.push(...caption.marks);
    return marks;
  },
});
