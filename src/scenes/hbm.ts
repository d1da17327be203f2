// Scene "hbm": the memory bottleneck. A schematic GPU package seen from the
// side: the processor (compute die) in the middle, a stack of HBM memory chips
// on each side, all on one shared base, with short links running through the
// base from each stack to the processor. First big and alone; then with data
// packets on the links (motion comes from the states: packets enter at the
// stacks and leave into the processor); then smaller, at the top, over what the
// story adds: HBM as scarce as GPUs (tags on the stacks and the processor, no
// quantity: the article gives no figures), Samsung and SK Hynix as the makers of HBM and OpenAI's talks with
// them, and finally NVIDIA, which needs HBM for its GPUs. Companies are dots,
// as in the other scenes; nothing is drawn to a scale the article does not give.

import type { Layout, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, linkPoint, r1 } from "./shapes.ts";
import { captionStrip, LINE, lines, placeLabels, typeOf, type Box, type PointLabel, type TypeScale } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["package", "data", "scarce", "talks", "nvidia"] as const;
type State = (typeof STATES)[number];

/** The package across its width: margin, stack, gap, processor, gap, stack, margin (sums to 1). */
const MARGIN = 0.03;
const STACK = 0.22;
const GAP = 0.06;
const DIE = 0.38;
/** Memory chips per stack (schematic). */
const LAYERS = 8;
/** Links per side, nested: the outermost runs deepest through the base. */
const LINKS = 3;
/** Data packets per link in the "data" state, and where along the link they sit (0 = stack, 1 = processor). */
const PACKETS = [0.28, 0.72];

/** How much of the plot's height the package takes from the third state on (the rest is for what the story adds). */
const SHARE: Record<Layout, number> = { column: 0.55, square: 0.46, print: 0.5 };

const SIDES = ["l", "r"] as const;
type Side = (typeof SIDES)[number];

const NOTE: Record<State, string> = {
  package: "note",
  data: "note",
  scarce: "note-scarce",
  talks: "note-firms",
  nvidia: "note-firms",
};

/** States that show the package in the same place. */
const group = (state: State): State[] => (state === "package" || state === "data" ? ["package", "data"] : ["scarce", "talks", "nvidia"]);

/** The package's geometry: left edge, width, top of the stacks and the heights of stacks, processor and base. */
interface Pkg {
  x0: number;
  w: number;
  top: number;
  hs: number;
  hd: number;
  hb: number;
}
const baseTop = (p: Pkg) => p.top + p.hs;
const baseBottom = (p: Pkg) => p.top + p.hs + p.hb;
const stackX = (p: Pkg, side: Side) => (side === "l" ? p.x0 + MARGIN * p.w : p.x0 + p.w * (1 - MARGIN - STACK));
const stackCx = (p: Pkg, side: Side) => stackX(p, side) + (STACK * p.w) / 2;
const dieX = (p: Pkg) => p.x0 + (MARGIN + STACK + GAP) * p.w;
const centre = (p: Pkg) => p.x0 + p.w / 2;

/** The largest package that fits a box (stacks 0.3 to `tall` of its width high, base a tenth), centred in it. */
function fit(box: Box, maxW: number, tall = 0.6): Pkg {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const w = Math.min(bw, maxW, bh / 0.4);
  const hb = 0.1 * w;
  const hs = Math.min(tall * w, bh - hb);
  const x0 = box.x0 + (bw - w) / 2;
  const top = box.y0 + (bh - hs - hb) / 2;
  return { x0, w, top, hs, hd: 0.62 * hs, hb };
}

/** Link j of a side: down from under the stack, across through the base, up under the processor. */
function linkPath(p: Pkg, side: Side, j: number): { sx: number; ex: number; y: number } {
  const depth = baseTop(p) + p.hb * (0.78 - (0.5 * j) / (LINKS - 1));
  const sIn = 0.42 + (0.42 * j) / (LINKS - 1);
  const dIn = 0.27 - (0.2 * j) / (LINKS - 1);
  if (side === "l") return { sx: stackX(p, "l") + STACK * p.w * sIn, ex: dieX(p) + DIE * p.w * dIn, y: depth };
  return { sx: stackX(p, "r") + STACK * p.w * (1 - sIn), ex: dieX(p) + DIE * p.w * (1 - dIn), y: depth };
}

export const hbm = defineScene({
  id: "hbm",
  states: STATES,
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(NOTE[state]) }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const pw = plot.x1 - plot.x0;
    // The package keeps its place from state to state, whatever the caption's length: it is placed on the tallest caption of its group.
    const tallest = Math.min(...group(state).map((s) => captionStrip(ctx, [{ key: "note", text: ctx.t(NOTE[s]) }]).top));
    const ph = tallest - t.pad * 0.5 - plot.y0;
    const big = state === "package" || state === "data";
    const stackLbl = t.label * 1.5;

    let p: Pkg;
    let low = 0;
    if (big) {
      // Alone: as large as the plot allows, with room for the stack names above and two lines below.
      // The words under the base, whichever of the two states: the longer decides, so the package does not move.
      const count = Math.max(...(["base", "flow"] as const).map((k) => wrapWidth(ctx.t(k), t.label, pw * 0.96 * 0.86).length));
      const below = t.label * (0.8 + count * LINE);
      p = fit({ x0: plot.x0, y0: plot.y0 + stackLbl, x1: plot.x1, y1: plot.y1 - below }, pw * 0.96, ctx.layout === "column" ? 0.7 : 0.6);
    } else {
      // At the top, the same place in every later state: a line for NVIDIA, the stack names, the package.
      const band = t.label * 1.8;
      p = fit({ x0: plot.x0, y0: plot.y0 + band + stackLbl, x1: plot.x1, y1: plot.y0 + ph * SHARE[ctx.layout] }, pw * 0.8);
      low = baseBottom(p);
    }

    const marks: Mark[] = [];
    const obstacles: Box[] = [];
    marks.push(...packageMarks(p, state, ctx, t, obstacles));
    if (big) marks.push(...baseLabel(p, state, ctx, t, plot));
    if (state === "scarce") marks.push(...scarcity(p, plot, ctx, t));
    if (state === "talks" || state === "nvidia") marks.push(...suppliers(p, low, plot, state, ctx, t, obstacles));
    if (state === "nvidia") marks.push(...nvidia(p, plot, ctx, t));
    marks.push(...caption.marks);
    return marks;
  },
});

/** Base, stacks, processor and links, with the names of stacks and processor. */
function packageMarks(p: Pkg, state: State, ctx: SceneContext, t: TypeScale, obstacles: Box[]): Mark[] {
  const marks: Mark[] = [
    {
      key: "base",
      tag: "rect",
      attrs: { x: r1(p.x0), y: r1(baseTop(p)), width: r1(p.w), height: r1(p.hb), rx: r1(p.hb * 0.12), class: "land" },
    },
  ];
  obstacles.push({ x0: p.x0, y0: baseTop(p), x1: p.x0 + p.w, y1: baseBottom(p) });

  // The stacks: thin chips one above the other, a sliver of space between them.
  // A thin gap between the base and the chips on it (where they are bonded), bridged by the links.
  const bump = Math.max(3, p.hb * 0.08);
  const pitch = (p.hs - bump) / LAYERS;
  for (const side of SIDES) {
    const x = stackX(p, side);
    for (let i = 0; i < LAYERS; i++) {
      const y = baseTop(p) - bump - (i + 1) * pitch + pitch * 0.16;
      marks.push({
        key: `hbm-${side}-${i}`,
        tag: "rect",
        attrs: { x: r1(x), y: r1(y), width: r1(STACK * p.w), height: r1(pitch * 0.84), rx: 1.5, class: "bar" },
      });
    }
    obstacles.push({ x0: x, y0: p.top, x1: x + STACK * p.w, y1: baseTop(p) });
  }

  // The processor: one thick die, lower than the stacks.
  const dx = dieX(p);
  const dy = baseTop(p) - p.hd;
  marks.push({
    key: "die",
    tag: "rect",
    attrs: { x: r1(dx), y: r1(dy), width: r1(DIE * p.w), height: r1(p.hd - bump), rx: 2, class: "fab" },
  });
  obstacles.push({ x0: dx, y0: dy, x1: dx + DIE * p.w, y1: baseTop(p) });

  // The links through the base; in the "data" state they carry packets.
  const flowing = state === "data";
  for (const side of SIDES) {
    for (let j = 0; j < LINKS; j++) {
      const { sx, ex, y } = linkPath(p, side, j);
      marks.push({
        key: `link-${side}-${j}`,
        tag: "path",
        attrs: {
          d: `M${r1(sx)},${r1(baseTop(p) - bump)} V${r1(y)} H${r1(ex)} V${r1(baseTop(p) - bump)}`,
          class: flowing ? "arc arc-strong" : "arc",
          fill: "none",
        },
        enter: { opacity: 0 },
      });
      if (!flowing) continue;
      const size = Math.max(8, Math.min(p.hb * 0.22, t.small * 0.75));
      PACKETS.forEach((f, k) => {
        // Stagger the packets link by link, so they read as a stream, not a grid.
        const at = Math.min(0.9, Math.max(0.1, f + (j - 1) * 0.08));
        const x = sx + (ex - sx) * at;
        marks.push({
          key: `pkt-${side}-${j}-${k}`,
          tag: "rect",
          attrs: { x: r1(x - size / 2), y: r1(y - size / 2), width: r1(size), height: r1(size), rx: 2, class: "marker" },
          // Packets come out of the stack and run on into the processor.
          enter: { x: r1(sx - size / 2), opacity: 0 },
          exit: { x: r1(ex - size / 2), opacity: 0 },
        });
      });
    }
  }

  // Names: the processor inside its die, each stack above itself.
  const dieLines = wrapWidth(ctx.t("die"), t.label, DIE * p.w * 0.86, true);
  const dieMid = dy + p.hd / 2;
  marks.push(
    ...lines(
      "die-lbl",
      dieLines,
      dx + (DIE * p.w) / 2,
      dieMid - ((dieLines.length - 1) * t.label * LINE) / 2 + t.label * 0.35,
      t.label,
      "val val-inside",
      "middle",
    ),
  );
  const items: PointLabel[] = SIDES.map((side) => ({
    key: `hbm-${side}-lbl`,
    text: ctx.t("hbm"),
    x: stackCx(p, side),
    y: p.top,
    r: 0,
    size: t.label,
    cls: "lbl lbl-strong",
    prefer: ["above"],
    maxWidth: textWidth(ctx.t("hbm"), t.label, true) + 1,
  }));
  const bounds: Box = { x0: t.pad * 0.5, y0: 0, x1: ctx.width - t.pad * 0.5, y1: ctx.height };
  marks.push(...placeLabels(items, obstacles, bounds).marks);
  return marks;
}

/** Under the big package: what the base is (package), or what runs on it (data). */
function baseLabel(p: Pkg, state: State, ctx: SceneContext, t: TypeScale, plot: Box): Mark[] {
  const key = state === "data" ? "flow-lbl" : "base-lbl";
  const text = wrapWidth(ctx.t(state === "data" ? "flow" : "base"), t.label, Math.min(p.w * 0.86, plot.x1 - plot.x0));
  return lines(key, text, centre(p), baseBottom(p) + t.label * 1.2, t.label, state === "data" ? "lbl lbl-link" : "lbl", "middle");
}

/**
 * Scarcity without a quantity (the article gives none): a hatched "scarce" tag hangs from each
 * stack and from the processor, one bracket joins the three tags, and under it what they share.
 */
function scarcity(p: Pkg, plot: Box, ctx: SceneContext, t: TypeScale): Mark[] {
  const marks: Mark[] = [];
  const word = ctx.t("scarce-tag");
  const sw = t.small * 0.9;
  const pad = t.small * 0.35;
  const tw = r1(pad + sw + pad + textWidth(word, t.small) + pad);
  const th = r1(t.small * 1.5);
  const tagTop = baseBottom(p) + t.label * 1.1;
  const parts = [
    { key: "l", x: stackCx(p, "l") },
    { key: "die", x: centre(p) },
    { key: "r", x: stackCx(p, "r") },
  ];
  for (const part of parts) {
    const x0 = part.x - tw / 2;
    // The tag's string: from the part, through the base, down to the tag.
    marks.push({
      key: `scarce-${part.key}-line`,
      tag: "line",
      attrs: { x1: r1(part.x), y1: r1(baseBottom(p) + 2), x2: r1(part.x), y2: r1(tagTop), class: "leader" },
      enter: { opacity: 0 },
    });
    marks.push({
      key: `scarce-${part.key}`,
      tag: "rect",
      attrs: { x: r1(x0), y: r1(tagTop), width: tw, height: th, rx: 3, class: "tag" },
      enter: { opacity: 0 },
    });
    // The hatched swatch at the tag's left: diagonal strokes clipped to a square by hand (no patterns in the marks).
    const sx = x0 + pad;
    const sy = tagTop + (th - sw) / 2;
    const step = sw / 4;
    const d: string[] = [];
    for (let k = 1; k < 8; k++) {
      const o = k * step;
      const [ax, ay] = o <= sw ? [sx + o, sy] : [sx + sw, sy + o - sw];
      const [bx, by] = o <= sw ? [sx, sy + o] : [sx + o - sw, sy + sw];
      d.push(`M${r1(ax)},${r1(ay)} L${r1(bx)},${r1(by)}`);
    }
    d.push(`M${r1(sx)},${r1(sy)} h${r1(sw)} v${r1(sw)} h${r1(-sw)} Z`);
    marks.push({ key: `scarce-${part.key}-hatch`, tag: "path", attrs: { d: d.join(" "), class: "hatch" }, enter: { opacity: 0 } });
    marks.push(...lines(`scarce-${part.key}-lbl`, [word], sx + sw + pad, tagTop + th / 2 + t.small * 0.35, t.small, "lbl"));
  }
  // One bracket under the three tags, its tick pointing down to what they have in common.
  const by = tagTop + th + t.small * 0.5;
  const bh = t.small * 0.6;
  const [lx, rx, cx] = [parts[0]!.x, parts[2]!.x, centre(p)];
  marks.push({
    key: "scarce-bracket",
    tag: "path",
    attrs: {
      d: `M${r1(lx)},${r1(by)} V${r1(by + bh)} H${r1(rx)} V${r1(by)} M${r1(cx)},${r1(by + bh)} V${r1(by + bh * 2)}`,
      class: "brace",
    },
    enter: { opacity: 0 },
  });
  const width = plot.x1 - plot.x0;
  const head = wrapWidth(ctx.t("scarce"), t.label, width, true);
  const tail = wrapWidth(ctx.t("scarce-note"), t.small, width);
  let y = by + bh * 2 + t.label * 1.05;
  marks.push(...lines("scarce-lbl", head, cx, y, t.label, "lbl lbl-strong", "middle"));
  y += head.length * t.label * LINE + t.small * 0.1;
  marks.push(...lines("scarce-note-lbl", tail, cx, y, t.small, "lbl lbl-note", "middle"));
  return marks;
}

/** Samsung and SK Hynix under the stacks; OpenAI below, linked to both, with what the links mean under its name. */
function suppliers(p: Pkg, low: number, plot: Box, state: State, ctx: SceneContext, t: TypeScale, obstacles: Box[]): Mark[] {
  const marks: Mark[] = [];
  const r = t.label * 0.42;
  const span = stackCx(p, "r") - stackCx(p, "l") - r * 2 - t.pad * 1.2;
  const makers = wrapWidth(ctx.t("makers"), t.small, span);
  // The makers' row sits a little below the package; OpenAI's block (dot, name, one or two lines) at the foot.
  const talk = wrapWidth(ctx.t(state === "nvidia" ? "direct" : "talks"), t.small, plot.x1 - plot.x0);
  const heroY = plot.y1 - talk.length * t.small * LINE - t.label * 1.6 - r;
  const ys = low + Math.max(t.label * 2.2, (makers.length * t.small * LINE) / 2 + t.label * 1.2, (heroY - low) * 0.3);
  const hero: [number, number] = [centre(p), heroY];
  const firms = [
    { key: "samsung", side: "l" as Side },
    { key: "sk-hynix", side: "r" as Side },
  ];
  for (const f of firms) {
    const x = stackCx(p, f.side);
    // A thin line from each maker up to the stack it stands for: these firms make HBM.
    marks.push({
      key: `${f.key}-line`,
      tag: "line",
      attrs: { x1: r1(x), y1: r1(baseBottom(p) + 3), x2: r1(x), y2: r1(ys - r - 3), class: "leader" },
    });
    obstacles.push({ x0: x - 2, y0: baseBottom(p), x1: x + 2, y1: ys });
  }
  // Arcs first, under the dots; their paths are obstacles for every label.
  for (const f of firms) {
    const to: [number, number] = [stackCx(p, f.side), ys];
    const bend = f.side === "l" ? 0.2 : -0.2;
    marks.push(link(`talk-${f.key}`, hero, to, "arc", bend));
    for (let i = 1; i < 24; i++) {
      const [x, y] = linkPoint(hero, to, bend, i / 24);
      obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
    }
  }
  for (const f of firms) {
    const x = stackCx(p, f.side);
    marks.push(dot(f.key, x, ys, r * 2, "marker"));
    obstacles.push({ x0: x - r, y0: ys - r, x1: x + r, y1: ys + r });
  }
  marks.push(dot("hero", hero[0], hero[1], r * 2, "marker marker-hero"));

  // What the two makers have in common, between them on their row.
  const my = ys + t.small * 0.35 - ((makers.length - 1) * t.small * LINE) / 2;
  marks.push(...lines("makers-lbl", makers, centre(p), my, t.small, "lbl lbl-note", "middle"));
  // OpenAI's name under its dot, and under the name what it is doing.
  const ny = heroY + r + t.label * 1.05;
  marks.push(...lines("hero-lbl", [ctx.t("openai")], hero[0], ny, t.label, "lbl lbl-strong", "middle"));
  // Two different sentences, two keys: one fades out, the other in (no line swapping words mid-way).
  marks.push(
    ...lines(state === "nvidia" ? "direct-lbl" : "talk-lbl", talk, hero[0], ny + t.small * 1.3, t.small, "lbl lbl-link", "middle"),
  );
  const names: PointLabel[] = [
    {
      key: "samsung-lbl",
      text: ctx.t("samsung"),
      x: stackCx(p, "l"),
      y: ys,
      r,
      size: t.label,
      cls: "lbl lbl-strong",
      prefer: ["left", "below"],
    },
    {
      key: "sk-hynix-lbl",
      text: ctx.t("sk-hynix"),
      x: stackCx(p, "r"),
      y: ys,
      r,
      size: t.label,
      cls: "lbl lbl-strong",
      prefer: ["right", "below"],
    },
  ];
  marks.push(...placeLabels(names, obstacles, plot).marks);
  return marks;
}

/** NVIDIA on one line above the package it buys HBM for, a thin line down to the processor. */
function nvidia(p: Pkg, plot: Box, ctx: SceneContext, t: TypeScale): Mark[] {
  const r = t.label * 0.42;
  const name = ctx.t("nvidia");
  const role = ctx.t("nvidia-role");
  const nameW = textWidth(name, t.label, true);
  const roleW = textWidth(role, t.small);
  const total = r * 3 + nameW + t.small * 0.5 + roleW;
  const x = Math.max(plot.x0 + r, centre(p) - total / 2 + r);
  const y = plot.y0 + t.label * 0.6;
  return [
    {
      key: "nvidia-line",
      tag: "line",
      attrs: { x1: r1(centre(p)), y1: r1(y + t.label * 0.6), x2: r1(centre(p)), y2: r1(baseTop(p) - p.hd - 3), class: "leader" },
    },
    dot("nvidia", x, y, r * 2, "marker"),
    ...lines("nvidia-lbl", [name], x + r * 2, y + t.label * 0.35, t.label, "lbl lbl-strong"),
    ...lines("nvidia-role-lbl", [role], x + r * 2 + nameW + t.small * 0.5, y + t.label * 0.35, t.small, "lbl"),
  ];
}
