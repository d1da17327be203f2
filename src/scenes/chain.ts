// Scene "chain": the opening map of the story. A schematic chain of five linked
// stages an AI chip passes through (design → manufacturing → memory → packaging
// → data centre), drawn as boxes with block-arrow connectors, each named inside
// its box. NVIDIA sits in the design box (its GPUs); OpenAI first sits in the data
// centre as a customer, then, from the second step on, in a dashed box beside the
// design stage: its own chips, planned. The third step adds a schematic time line
// (no scale: since last year → the report → the announcement expected by the end
// of the year); the last step tags the links the chapters ahead look at, and
// names the sought sum with what it would pay for, unbracketed: the article's
// uses (real estate, electricity, chip manufacturing) are not the chain's stages. In tall layouts the chain runs
// down the left side with everything else to its right; in the wide layout it
// runs across the middle, the planned box above it, the rest below. Nothing is
// drawn to scale, and the caption says so.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, linkPoint, r1 } from "./shapes.ts";
import { captionStrip, isCaption, LINE, lines, placeLabels, typeOf, type Box, type TypeScale } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { marksExtent } from "./extent.ts";

const STATES = ["dependence", "own-chips", "breakthrough", "roadmap"] as const;
type State = (typeof STATES)[number];

const STAGES = ["design", "fab", "memory", "packaging", "dc"] as const;
type Stage = (typeof STAGES)[number];

/** State "roadmap": the label tagging each link with what a chapter ahead looks at there. */
const TAGS: [Stage, string][] = [
  ["fab", "tag-fab"],
  ["memory", "tag-memory"],
  ["dc", "tag-dc"],
];
/** …and the tags beside OpenAI's planned design box. */
const PLAN_TAGS = ["tag-team", "tag-rivals"] as const;

type Pt = [number, number];

/** How far the wide layout's dependence arc bows below the chain (a fraction of its length). */
const DEPENDENCE_BEND = 0.4;

interface Geo {
  vertical: boolean;
  box: Record<Stage, Box>;
  /** OpenAI's planned design box (states 2–4), beside the design stage. */
  plan: Box;
  /** Type size of the words inside the boxes (shrunk if a word would not fit). */
  size: number;
  inner: number;
  /** Marker radius. */
  r: number;
  /** Free area beside the chain (right of it, or below it): time line, tags. */
  zone: Box;
  /** Free area beside the planned box (right of it): its notes and tags. */
  side: Box;
}

export const chain = defineScene({
  id: "chain",
  states: STATES,
  marks(state, ctx) {
    // The wide layout is only ever a still (print, no JavaScript), so each step's picture is centred on its own:
    // drawn once, measured, and drawn again moved by what it lacks to sit in the middle.
    const first = draw(state, ctx, 0);
    if (ctx.height >= ctx.width) return first;
    const plot = plotOf(ctx);
    const { y0, y1 } = marksExtent(
      first.filter((m) => !isCaption(m)),
      { y0: 0, y1: ctx.height },
    )!;
    return draw(state, ctx, r1((plot.y0 + plot.y1) / 2 - (y0 + y1) / 2));
  },
});

/** The picture of a step; in the wide layout everything but the caption moved down by `shift`. */
function draw(state: State, ctx: SceneContext, shift: number): Mark[] {
  const t = typeOf(ctx);
  const caption = captionStrip(ctx, notes(ctx, state));
  const plot = plotOf(ctx);
  const geo = layout(ctx, t, plot, state, shift);
  const planned = state !== "dependence";
  const marks: Mark[] = [];
  const obstacles: Box[] = [];

  // The stages and the block arrows between them.
  STAGES.forEach((stage, i) => {
    const b = geo.box[stage];
    const hi = state === "dependence" && (stage === "design" || stage === "dc");
    marks.push(rect(`stage-${stage}`, b, hi ? "land land-hi" : "land"));
    obstacles.push(b);
    const next = STAGES[i + 1];
    if (next) marks.push(connector(`link-${stage}`, b, geo.box[next], geo.vertical));
  });

  // OpenAI's own design, planned: a dashed box beside the design stage, a dashed line on to manufacturing.
  if (planned) {
    marks.push(rect("plan", geo.plan, "box-schematic"));
    obstacles.push(geo.plan);
    const [a, b] = planLink(geo);
    marks.push(segment("plan-link", a, b, "box-schematic"));
    obstacles.push(...along(a, b));
  }

  // Words inside the boxes: the stage's name, then who sits there (a dot and its name).
  for (const stage of STAGES) {
    const occupant =
      stage === "design"
        ? { key: "nvidia", text: ctx.t("nvidia"), cls: "marker" as const }
        : stage === "dc" && !planned
          ? { key: "hero", text: ctx.t("openai"), cls: "marker marker-hero" as const }
          : undefined;
    marks.push(...boxWords(geo, geo.box[stage], `stage-${stage}`, ctx.t(`stage-${stage}`), occupant));
  }
  if (planned)
    marks.push(...boxWords(geo, geo.plan, "plan", ctx.t("plan"), { key: "hero", text: ctx.t("openai"), cls: "marker marker-hero" }));

  if (state === "dependence") marks.push(...dependence(ctx, t, geo, obstacles, plot));
  if (state === "own-chips" || state === "breakthrough") marks.push(...timeline(state, ctx, t, geo));
  if (state === "roadmap") marks.push(...roadmap(ctx, t, geo));
  marks.push(...caption.marks);
  return marks;
}

/** The caption's words: the last step also explains its tags. */
const notes = (ctx: SceneContext, state: State) => [{ key: "note", text: ctx.t(state === "roadmap" ? "note-tags" : "note") }];

/** The area above the caption strip, the same for every step (the taller of the two captions). */
function plotOf(ctx: SceneContext): Box {
  const t = typeOf(ctx);
  const top = Math.min(captionStrip(ctx, notes(ctx, "dependence")).top, captionStrip(ctx, notes(ctx, "roadmap")).top);
  return { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: top - t.pad * 0.5 };
}

/** Where everything goes: the chain down the left (tall layouts) or across the middle (wide). */
function layout(ctx: SceneContext, t: TypeScale, plot: Box, state: State, shift: number): Geo {
  const vertical = ctx.height >= ctx.width;
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const inner = t.pad * 0.5;
  const r = t.label * 0.36;
  // The largest size, up to a little above the layout's label size, at which every word fits a box of width w (occupants beside a dot).
  const names = [...STAGES.map((s) => ctx.t(`stage-${s}`)), ctx.t("plan")];
  const occupants = [ctx.t("nvidia"), ctx.t("openai")];
  const widest = (texts: string[]) => Math.max(...texts.flatMap((n) => n.split(/ +/)).map((w) => textWidth(w, t.label, true)));
  const fit = (w: number) =>
    Math.min(
      t.big * 0.72,
      (t.label * (w - inner * 2)) / widest(names),
      (t.label * (w - inner * 2 - r * 2 - t.label * 0.4)) / widest(occupants),
    );
  const box = {} as Record<Stage, Box>;
  // The tallest box's words (the stages', or also the planned box's), padded.
  const contentH = (size: number, w: number, withPlan: boolean) =>
    Math.max(
      ...[
        ...STAGES.map((s) => [ctx.t(`stage-${s}`), s === "design" ? ctx.t("nvidia") : ctx.t("openai")]),
        ...(withPlan ? [[ctx.t("plan"), ctx.t("openai")]] : []),
      ].map(([name, occ]) => boxLines(name!, occ!, size, w, inner, r).height),
    ) +
    inner * 2;
  if (vertical) {
    const bw = W * 0.36;
    // Rows share the height, with room for the arrows between them; the words shrink until they fit a row.
    const most = (H - 4 * t.label * 1.8) / 5;
    let size = fit(bw);
    while (size > t.small * 0.8 && contentH(size, bw, false) > most) size -= 0.5;
    const bh = Math.min(most, contentH(size, bw, false) * 1.5);
    const gap = (H - 5 * bh) / 4;
    STAGES.forEach((s, i) => {
      const y0 = plot.y0 + i * (bh + gap);
      box[s] = { x0: plot.x0, y0, x1: plot.x0 + bw, y1: y0 + bh };
    });
    const x0 = plot.x0 + bw + t.pad * 1.2;
    // The planned box: as narrow as its words allow, so its tags have room beside it.
    const planLines = boxLines(ctx.t("plan"), ctx.t("openai"), size, (plot.x1 - x0) * 0.6, inner, r);
    const pw =
      Math.max(
        ...planLines.name.map((l) => textWidth(l, size, true)),
        ...planLines.occupant.map((l) => textWidth(l, size) + r * 2 + size * 0.4),
      ) +
      inner * 2 +
      2;
    const ph = Math.max(bh, planLines.height + inner * 2);
    const plan: Box = { x0, y0: plot.y0, x1: x0 + pw, y1: plot.y0 + ph };
    return {
      vertical,
      box,
      plan,
      size,
      inner,
      r,
      zone: { x0, y0: Math.max(box.fab.y0, plan.y1 + gap * 0.6), x1: plot.x1, y1: plot.y1 },
      side: { x0: plan.x1 + t.pad * 0.6, y0: plot.y0, x1: plot.x1, y1: plan.y1 },
    };
  }
  const gap = t.label * 1.5;
  const bw = (W - gap * 4) / 5;
  const size = fit(bw);
  // (Taller stages in the first step, which has nothing above the chain.)
  const bh = Math.max(contentH(size, bw, true), H * (state === "dependence" ? 0.28 : 0.2));
  const plan: Box = { x0: plot.x0, y0: plot.y0 + shift, x1: plot.x0 + bw, y1: plot.y0 + shift + bh };
  const y0 = plan.y1 + t.label * 2.6;
  STAGES.forEach((s, i) => {
    const x0 = plot.x0 + i * (bw + gap);
    box[s] = { x0, y0, x1: x0 + bw, y1: y0 + bh };
  });
  return {
    vertical,
    box,
    plan,
    size,
    inner,
    r,
    zone: { x0: plot.x0, y0: y0 + bh, x1: plot.x1, y1: plot.y1 },
    side: { x0: plan.x1 + t.pad, y0: plan.y0, x1: plot.x1, y1: plan.y1 },
  };
}

/** A box's words wrapped to its width: the name, then the occupant's name beside its dot. */
function boxLines(name: string, occupant: string | undefined, size: number, w: number, inner: number, r: number) {
  const n = wrapWidth(name, size, w - inner * 2, true);
  const o = occupant ? wrapWidth(occupant, size, w - inner * 2 - r * 2 - size * 0.4) : [];
  return { name: n, occupant: o, height: (n.length + o.length) * size * LINE };
}

function boxWords(geo: Geo, box: Box, key: string, name: string, occupant?: { key: string; text: string; cls: ClassList }): Mark[] {
  const { size, inner, r } = geo;
  const l = boxLines(name, occupant?.text, size, box.x1 - box.x0, inner, r);
  let y = (box.y0 + box.y1) / 2 - l.height / 2 + size * 0.8;
  const marks: Mark[] = lines(`${key}-lbl`, l.name, box.x0 + inner, y, size, "lbl lbl-strong");
  y += l.name.length * size * LINE;
  if (occupant) {
    const cx = box.x0 + inner + r;
    const cy = y - size * 0.32 + ((l.occupant.length - 1) * size * LINE) / 2;
    marks.push(dot(occupant.key, cx, cy, r * 2, occupant.cls));
    marks.push(...lines(`${occupant.key}-lbl`, l.occupant, cx + r + size * 0.4, y, size, "lbl"));
  }
  return marks;
}

const rect = (key: string, b: Box, cls: ClassList): Mark => ({
  key,
  tag: "rect",
  attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx: 4, class: cls },
});

const segment = (key: string, a: Pt, b: Pt, cls: ClassList): Mark => ({
  key,
  tag: "path",
  attrs: { d: `M${r1(a[0])},${r1(a[1])} L${r1(b[0])},${r1(b[1])}`, class: cls, fill: "none" },
  enter: { opacity: 0 },
});

/** A block arrow in the gap between two stages, pointing along the chain. */
function connector(key: string, a: Box, b: Box, vertical: boolean): Mark {
  let d: string;
  if (vertical) {
    const cx = (a.x0 + a.x1) / 2;
    const g = b.y0 - a.y1;
    const w = Math.min(g * 0.36, (a.x1 - a.x0) * 0.08);
    d = `M${r1(cx - w)},${r1(a.y1 + g * 0.22)} L${r1(cx + w)},${r1(a.y1 + g * 0.22)} L${r1(cx)},${r1(b.y0 - g * 0.22)} Z`;
  } else {
    const cy = (a.y0 + a.y1) / 2;
    const g = b.x0 - a.x1;
    const w = g * 0.45;
    d = `M${r1(a.x1 + g * 0.22)},${r1(cy - w)} L${r1(a.x1 + g * 0.22)},${r1(cy + w)} L${r1(b.x0 - g * 0.22)},${r1(cy)} Z`;
  }
  return { key, tag: "path", attrs: { d, class: "land land-hi" } };
}

/** The dashed line from OpenAI's planned box on to manufacturing. */
function planLink(geo: Geo): [Pt, Pt] {
  const p = geo.plan;
  const f = geo.box.fab;
  return geo.vertical
    ? [
        [p.x0 + geo.inner * 2, p.y1],
        [f.x1, f.y0 + (f.y1 - f.y0) * 0.25],
      ]
    : [
        [p.x0 + (p.x1 - p.x0) * 0.7, p.y1],
        [f.x0 + (f.x1 - f.x0) * 0.3, f.y0],
      ];
}

/** Small boxes along a straight line, so labels keep off it. */
function along(a: Pt, b: Pt, n = 24): Box[] {
  const out: Box[] = [];
  for (let i = 0; i <= n; i++) {
    const x = a[0] + ((b[0] - a[0]) * i) / n;
    const y = a[1] + ((b[1] - a[1]) * i) / n;
    out.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
  }
  return out;
}

/** State 1: the dependence, an arc from NVIDIA's stage to OpenAI's, labelled beside its middle. */
function dependence(ctx: SceneContext, t: TypeScale, geo: Geo, obstacles: Box[], plot: Box): Mark[] {
  const d = geo.box.design;
  const c = geo.box.dc;
  const [a, b, bend]: [Pt, Pt, number] = geo.vertical
    ? [[d.x1, (d.y0 + d.y1) / 2], [c.x1, (c.y0 + c.y1) / 2], 0.3]
    : [[(d.x0 + d.x1) / 2, d.y1], [(c.x0 + c.x1) / 2, c.y1], -DEPENDENCE_BEND];
  for (let i = 1; i < 30; i++) {
    const [x, y] = linkPoint(a, b, bend, i / 30);
    obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
  }
  const [mx, my] = linkPoint(a, b, bend, 0.5);
  const label = placeLabels(
    [
      {
        key: "dependence-lbl",
        text: ctx.t("dependence"),
        x: mx,
        y: my,
        r: 3,
        size: t.small,
        cls: "lbl lbl-link",
        prefer: geo.vertical ? ["right"] : ["below"],
        maxWidth: geo.vertical ? plot.x1 - mx - t.small : (plot.x1 - plot.x0) * 0.6,
      },
    ],
    obstacles,
    plot,
  );
  return [link("dependence", a, b, "arc arc-strong", bend), ...label.marks];
}

/**
 * The schematic time line, beside the chain. State 2: since last year, the
 * search for money and partners (a solid line, still running). State 3: it
 * runs on to the report (a tick) and, dashed, to the announcement expected by
 * the end of the year.
 */
function timeline(state: State, ctx: SceneContext, t: TypeScale, geo: Geo): Mark[] {
  const z = geo.zone;
  const size = t.small;
  const tick = size * 0.5;
  const full = state === "breakthrough";
  // Start, the report, the expected announcement: evenly spaced, as the line has no scale.
  const marks: Mark[] = [];
  const pts: Pt[] = geo.vertical
    ? [0, 0.5, 1].map((f) => [z.x0 + tick, z.y0 + size * 0.5 + f * (z.y1 - z.y0 - size * 3.4)])
    : [0, 0.5, 1].map((f) => [z.x0 + tick + f * (z.x1 - z.x0 - tick * 2), z.y0 + t.label * 2.6]);
  const [p0, p1, p2] = pts as [Pt, Pt, Pt];
  const tickMark = (key: string, [x, y]: Pt, cls: ClassList): Mark =>
    segment(key, geo.vertical ? [x - tick, y] : [x, y - tick], geo.vertical ? [x + tick, y] : [x, y + tick], cls);
  marks.push(segment("t-past", p0, p1, "arc"), tickMark("t-start", p0, "arc"));
  if (full)
    marks.push(
      segment("t-future", p1, p2, "box-schematic"),
      tickMark("t-now", p1, "arc arc-strong"),
      tickMark("t-end", p2, "box-schematic"),
    );
  const items: [string, string, Pt, ClassList][] = [["t-start-lbl", ctx.t("since"), p0, "lbl"]];
  if (full) items.push(["t-now-lbl", ctx.t("report"), p1, "lbl lbl-strong"], ["t-end-lbl", ctx.t("announce"), p2, "lbl"]);
  items.forEach(([key, text, [x, y], cls], i) => {
    const bold = cls.includes("strong");
    if (geo.vertical) {
      // Right of the line: the first label hangs from its tick, the last stands on it, the middle one is centred.
      const ls = wrapWidth(text, size, z.x1 - x - tick * 2.5, bold);
      const h = (ls.length - 1) * size * LINE;
      const top = i === 0 ? y : i === 2 ? y - h : y - h / 2;
      marks.push(...lines(key, ls, x + tick * 2.5, top + size * 0.35, size, cls));
    } else {
      // Below the line: the first label starts at its tick, the last ends at it, the middle one is centred.
      const ls = wrapWidth(text, size, (z.x1 - z.x0) * 0.3, bold);
      const anchor = i === 0 ? "start" : i === 2 ? "end" : "middle";
      marks.push(...lines(key, ls, i === 0 ? x - tick : i === 2 ? x + tick : x, y + tick + size * 1.2, size, cls, anchor));
    }
  });
  return marks;
}

/** State 4: a tag beside each link a chapter ahead looks at; the sum sought, with its uses in words. */
function roadmap(ctx: SceneContext, t: TypeScale, geo: Geo): Mark[] {
  const marks: Mark[] = [];
  const size = t.small;
  const gap = t.pad * 0.6;
  const z = geo.zone;
  const f = geo.box.fab;
  const d = geo.box.dc;
  const money = ctx.t("money");
  if (geo.vertical) {
    // Tags right of their stages; the sum right of the tags.
    const x = z.x0 + gap * 0.5;
    const moneyW = Math.max(...money.split(/ +/).map((w) => textWidth(w, size))) + size * 0.3;
    const tagW = Math.min((z.x1 - z.x0) * 0.6, z.x1 - x - moneyW - gap * 3);
    const tags = TAGS.map(([stage, key]) => ({ stage, key, ls: wrapWidth(ctx.t(key), size, tagW) }));
    const widest = Math.max(...tags.flatMap((g) => g.ls.map((l) => textWidth(l, size))));
    for (const { stage, key, ls } of tags) {
      const b = geo.box[stage];
      const y = (b.y0 + b.y1) / 2 - ((ls.length - 1) * size * LINE) / 2 + size * 0.35;
      marks.push(...lines(`${key}-lbl`, ls, x, y, size, "lbl lbl-link"));
    }
    const bx = x + widest + gap * 1.5;
    const ls = wrapWidth(money, size, z.x1 - bx - gap);
    marks.push(
      ...lines(
        "money-lbl",
        ls,
        bx + gap * 0.8,
        (f.y0 + d.y1) / 2 - ((ls.length - 1) * size * LINE) / 2 + size * 0.35,
        size,
        "lbl lbl-link",
      ),
    );
  } else {
    // Tags under their stages; the sum under the tags.
    let bottom = f.y1;
    for (const [stage, key] of TAGS) {
      const b = geo.box[stage];
      const ls = wrapWidth(ctx.t(key), size, b.x1 - b.x0);
      marks.push(...lines(`${key}-lbl`, ls, b.x0, b.y1 + gap + size * 0.8, size, "lbl lbl-link"));
      bottom = Math.max(bottom, b.y1 + gap + ls.length * size * LINE);
    }
    const by = bottom + gap * 1.2;
    const ls = wrapWidth(money, size, (d.x1 - f.x0) * 0.8);
    marks.push(...lines("money-lbl", ls, (f.x0 + d.x1) / 2, by + gap * 0.8 + size * 0.8, size, "lbl lbl-link", "middle"));
  }
  // Beside OpenAI's planned box: the chip team, and customers who turn into rivals.
  const s = geo.side;
  const tl = PLAN_TAGS.map((k) => wrapWidth(ctx.t(k), size, s.x1 - s.x0));
  const h = tl.reduce((n, l) => n + l.length * size * LINE, 0) + size * 0.4;
  let y = Math.max(s.y0, (s.y0 + s.y1) / 2 - h / 2) + size * 0.8;
  PLAN_TAGS.forEach((k, i) => {
    marks.push(...lines(`${k}-lbl`, tl[i]!, s.x0, y, size, "lbl lbl-link"));
    y += tl[i]!.length * size * LINE + size * 0.4;
  });
  return marks;
}
