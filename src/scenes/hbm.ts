// Scene "hbm" (chapter 7): the chip cut through, then the firms behind its memory.
// Top left, the package seen from above (src/scenes/chip.ts: a generic GPU, ink
// die, two HBM stacks a side) with the section line A–A; below it, the package cut
// along that line: substrate, interposer, the processor, and each HBM stack as the
// memory chips it is made of. Then the links through the interposer carry data,
// shown in an enlarged detail of the interposer, while the text also says HBM was in
// short supply like GPUs (the article gives no figures, so no shortage is drawn; graphics
// reviews 44 to 47, item 1: a step of its own for it showed nothing new). The last
// two steps are about firms, not parts: the section and the top view leave, and
// the stage draws one supply chain, the makers of HBM → NVIDIA's GPU → OpenAI,
// with OpenAI's talks going past NVIDIA up the chain; the last step adds NVIDIA's
// answer, not known (src/scenes/hbmChain.ts).

import type { Layout, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { captionStrip, LINE, lines, placeLabels, steadyPlot, typeOf, withoutLineKey, type Box, type PointLabel } from "./figure.ts";
import { chipSide, chipTop, sectionLine, sideParts, type SideParts } from "./chip.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { piece, zoom } from "./hbmParts.ts";
import { chain } from "./hbmChain.ts";

const STATES = ["package", "data", "talks", "nvidia"] as const;
export type State = (typeof STATES)[number];

const NOTE: Record<State, string> = { package: "note", data: "note", talks: "note-chain", nvidia: "note-response" };

export interface HbmGeo {
  plot: Box;
  wide: boolean;
  /** The top view: centre and side. */
  top: { cx: number; cy: number; size: number };
  side: SideParts;
  /** Where words about the whole package go (under the section, or right of it in the wide layout). */
  notes: Box;
  /** The firms' rings' radius (talks, nvidia: their chain takes the whole plot). */
  r: number;
  /** The enlarged detail of the interposer (data). */
  zoom: Box;
  /** The detail's words beside it, at its right (a phone on its side), not under it. */
  zoomBeside?: boolean;
  /** The top view above the section (its words: the cut "drawn below"), not beside it. */
  above: boolean;
}

/** The steps about firms: the section leaves the stage to their diagram. */
export const FIRM_STATES: readonly State[] = ["talks", "nvidia"];

/** The cutaway draws no status by line style: its caption keeps no room for the drawn key (figure.ts captionStrip). */
const keyedFor = (state: State, ctx: SceneContext): SceneContext => (FIRM_STATES.includes(state) ? ctx : withoutLineKey(ctx));

/** The top view's share of the plot's width, by layout. */
const TOP: Record<Layout, number> = { column: 0.2, square: 0.2, print: 0.13, land: 0.13 };
/**
 * The section's greatest height, as a share of the plot's, where the top view stands above it: on the desktop
 * (`column`) larger (graphics review 56, item 5: at 0.3 the package step's picture ended 57 % of the way down the stage,
 * the rest blank until the next step's detail came), the data step's enlarged detail under it the smaller (at 0.4 it
 * fell under twice its piece). Not on a phone on its side (landLayout).
 */
const SECTION_H: Record<Layout, number> = { column: 0.38, square: 0.33, print: 0.3, land: 0.3 };
/** The section's height over its width, on every stage. */
const ASPECT = 0.5;

export const hbm = defineScene({
  id: "hbm",
  states: STATES,
  marks(state, ctx) {
    const g = layout(ctx, FIRM_STATES.includes(state) ? FIRM_STATES : STATES.filter((s) => !FIRM_STATES.includes(s)));
    return [...draw(state, ctx, g), ...captionStrip(keyedFor(state, ctx), [{ key: "note", text: ctx.t(NOTE[state]) }]).marks];
  },
});

/** The geometry of one of the scene's two pictures (the cutaway's steps, or the firms'): the caption's room its tallest
 * step's, the firms' with the drawn key's row; the cutaway keeps none, so its picture reaches its caption (the section
 * leaves the stage for the firms' diagram, which draws from the plot alone). */
function layout(ctx: SceneContext, states: readonly State[]): HbmGeo {
  const t = typeOf(ctx);
  const { plot, wide } = states
    .map((s) => steadyPlot(keyedFor(s, ctx), [ctx.t(NOTE[s])]))
    .reduce((a, b) => (b.plot.y1 < a.plot.y1 ? b : a));
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  // (0.12 of an upright stage's height: at 0.16 the top view, a key to the section, took the room its enlarged detail needs;
  // graphics review 54, item 5)
  const size = Math.min(W * TOP[ctx.layout], H * (wide ? 0.3 : 0.12));
  const r = t.label * 0.55;
  // The section keeps one shape on every stage (a cross-section must not stretch: on a wide screen its stacks stood
  // far from the processor they sit beside): as wide as the room allows, at most its height over ASPECT, centred.
  // Above its stacks, their names, each centred on its stack.
  const bandOf = (w: number) => (wrapWidth(ctx.t("hbm"), t.label, nameWidth(ctx, w), true).length + 0.4) * t.label * LINE;
  if (ctx.layout === "land") return landLayout(ctx, plot, wide, r, bandOf);
  if (wide) {
    // The top view at the left, under the band the stacks' names take, so the names (reaching past the section's
    // edge) pass over it and not into its section line's letter A; the section right of that letter.
    const x1 = plot.x0 + W * 0.66;
    const from = plot.x0 + size * 1.24 + t.small + 2 + textWidth(ctx.t("section"), t.small, true) + t.small * 0.5;
    const w = Math.min(x1 - from, (H * 0.42) / ASPECT);
    const top = { cx: plot.x0 + size * 0.62 + t.small, cy: plot.y0 + bandOf(w) + size * 0.5, size };
    const h = w * ASPECT;
    const bottom = plot.y0 + bandOf(w) + h;
    const side = sideParts(x1 - w / 2, bottom, w, h);
    const notes = { x0: x1 + t.pad * 1.5, y0: plot.y0, x1: plot.x1, y1: plot.y1 };
    return {
      plot,
      wide,
      above: false,
      top,
      side,
      notes,
      r,
      // The detail: in the notes' column, level with the processor (clear of the stacks' names above it); its foot a
      // line clear of the caption (CLEAR). On paper under the section (printZoom).
      ...(ctx.layout === "print"
        ? printZoom(ctx, plot, side)
        : { zoom: { x0: notes.x0, y0: side.die.y0, x1: notes.x1, y1: plot.y1 - t.small * CLEAR } }),
    };
  }
  // (square: 0.33 of the height, so the enlarged detail under it stays twice the size of its piece with the phone's larger caption)
  const w = Math.min(W * (ctx.layout === "square" ? 0.84 : 0.86), (H * SECTION_H[ctx.layout]) / ASPECT);
  const h = w * ASPECT;
  const band = bandOf(w);
  const top = { cx: plot.x0 + size * 0.62 + t.small, cy: plot.y0 + size * 0.5, size };
  const bottom = plot.y0 + size + t.pad * 0.5 + band + h;
  const side = sideParts(plot.x0 + W / 2, bottom, w, h);
  // The detail: under the section, its title at its head, down to a line above the caption (its words go under it).
  const zTop = bottom + t.small * 1.1;
  return {
    plot,
    wide,
    above: true,
    top,
    side,
    notes: { x0: plot.x0, y0: bottom, x1: plot.x1, y1: plot.y1 },
    r,
    zoom: { x0: plot.x0 + W * 0.04, y0: zTop, x1: plot.x1 - W * 0.04, y1: plot.y1 - t.small * CLEAR },
  };
}

/**
 * How far, in the small type's sizes, the detail's foot (under it, the contrast with ordinary memory) keeps above the
 * plot's foot: a full line and a little (graphics review 54, item 5: at half a size the contrast's bar pressed on the caption rule).
 */
const CLEAR = LINE + 0.1;

const cxOf = (b: Box) => (b.x0 + b.x1) / 2;

/** The enlarged detail's scale on paper: about twice its piece and a half, as far as the room under the section allows. */
const PRINT_ZOOM_MAX = 2.4;
/** On paper, the share of the plot's width the detail's words take at its right. */
const PRINT_WORDS = 0.3;

/**
 * On paper (graphics review 55, item 10: beside the section the detail's box stood against the right stack, its
 * frame meeting the marked piece's, and its two lines of words were squeezed under it): the detail under the
 * section, clear of it by more than a line, centred under the piece it enlarges as far as its words' column at its
 * right allows, so its two leaders run down from the piece's foot, apart; its title and words at its right, each in
 * about two lines.
 */
function printZoom(ctx: SceneContext, plot: Box, side: SideParts): { zoom: Box; zoomBeside: boolean } {
  const t = typeOf(ctx);
  const p = piece(side, "r");
  const [pw, ph] = [p.x1 - p.x0, p.y1 - p.y0];
  const y0 = side.sub.y1 + t.small * PRINT_GAP;
  const right = plot.x1 - (plot.x1 - plot.x0) * PRINT_WORDS - t.small;
  const k = Math.min(PRINT_ZOOM_MAX, (plot.y1 - t.small * CLEAR - y0) / ph, (right - plot.x0) / pw);
  const x1 = Math.min(right, cxOf(p) + (pw * k) / 2);
  return { zoom: { x0: x1 - pw * k, y0, x1, y1: y0 + ph * k }, zoomBeside: true };
}
/** On paper, the room between the section's foot and the detail's top, in the small type's sizes. */
const PRINT_GAP = 1.8;

/** The enlarged detail's scale on a phone on its side: three times its piece and a little more (review 38, item 8). */
const LAND_ZOOM = 3.1;
/** On a phone on its side, what the processor's name leaves of the well between the stacks, in its type's sizes. */
const WELL_MARGIN = 0.6;

/**
 * A phone on its side (graphics review 47, item 7: the top view stood beside the section, against its left stack,
 * its words five lines under it, the left stack's name reaching over it): as on the upright phone, the top view
 * small at the top left, its words at its right in two lines; under it the stacks' names, each centred on its stack,
 * and the section, from the left; right of the section the words about the layers. While data flows, the detail
 * under the section, three times the piece it enlarges, its words at its right. The section as wide as that leaves.
 */
function landLayout(ctx: SceneContext, plot: Box, wide: boolean, r: number, bandOf: (w: number) => number): HbmGeo {
  const t = typeOf(ctx);
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const size = Math.min(W * 0.1, H * 0.12);
  const top = { cx: plot.x0 + size * 0.62 + t.small, cy: plot.y0 + size * 0.5, size };
  // The detail's words take 0.4 of the width at its right; the detail, three times its piece, the rest.
  const wordsW = W * 0.4;
  const gap = t.small * 1.6;
  const unit = sideParts(0, 0, 1, ASPECT);
  const p = piece(unit, "r");
  const band = bandOf(W * 0.4);
  // the stacks' names well under the top view, nearer their stacks than it
  const namesY = plot.y0 + size + t.small * 1.6;
  // (at least as wide as the processor's name needs, in one line in the well between the stacks, under their names:
  // graphics reviews 48 and 49, item 5; where the stage's larger type leaves less, it takes a smaller zoom)
  const well = unit.stacks.r.x0 - unit.stacks.l.x1;
  const w = Math.max(
    Math.min(
      (W - wordsW - t.small) / ((p.x1 - p.x0) * LAND_ZOOM),
      (plot.y1 - t.small * CLEAR - namesY - band - gap) / (ASPECT + (p.y1 - p.y0) * LAND_ZOOM),
    ),
    (textWidth(ctx.t("die"), t.label, true) + (WELL_MARGIN + 0.1) * t.label) / well,
  );
  const h = w * ASPECT;
  // From the left, as far in as the left stack's name, centred on its stack, needs.
  const names = wrapWidth(ctx.t("hbm"), t.label, nameWidth(ctx, w), true);
  const half = Math.max(...names.map((n) => textWidth(n, t.label, true))) / 2;
  const x0 = plot.x0 + Math.max(t.small * 0.5, half - (cxOf(unit.stacks.l) - unit.sub.x0) * w);
  const bottom = namesY + bandOf(w) + h;
  const side = sideParts(x0 + w / 2, bottom, w, h);
  const zoom = { x0: plot.x0, y0: side.sub.y1 + gap, x1: plot.x1 - wordsW - t.small, y1: plot.y1 - t.small * CLEAR };
  // (the words about the layers right of the section)
  const notes = { x0: side.sub.x1 + t.pad * 1.5, y0: plot.y0, x1: plot.x1, y1: plot.y1 };
  return {
    zoom,
    zoomBeside: true,
    notes,
    plot,
    wide,
    above: true,
    top,
    side,
    r,
  };
}

/**
 * How wide the stacks' names may run over a section `w` wide: 0.42 of it, each centred on its stack; on a
 * phone on its side (`land`) as wide as two lines need (review 34: at 0.42 of the small section there, four lines).
 */
function nameWidth(ctx: SceneContext, w: number): number {
  if (ctx.layout !== "land") return w * 0.42;
  const { label } = typeOf(ctx);
  const words = ctx.t("hbm").split(" ");
  const width = (part: string[]) => textWidth(part.join(" "), label, true);
  const splits = words.slice(1).map((_, i) => Math.max(width(words.slice(0, i + 1)), width(words.slice(i + 1))));
  return Math.max(w * 0.42, Math.min(width(words), ...splits) + 1);
}

function draw(state: State, ctx: SceneContext, g: HbmGeo): Mark[] {
  const t = typeOf(ctx);
  const marks: Mark[] = [];
  const obstacles: Box[] = [];
  const labels: PointLabel[] = [];
  const { top, side } = g;
  const firmStep = FIRM_STATES.includes(state);

  // The firms' steps are about firms, not parts: the chip leaves the stage to their diagram.
  if (firmStep) return chain(ctx, g, state);
  // The top view, in the parts' steps in the same place, its section line and the line's ends lettered.
  marks.push(...chipTop({ key: "top", cx: top.cx, cy: top.cy, size: top.size, owner: "nvidia" }));
  obstacles.push({ x0: top.cx - top.size * 0.62, y0: top.cy - top.size / 2, x1: top.cx + top.size * 0.62, y1: top.cy + top.size / 2 });
  const cut = sectionLine("cut", top.cx, top.cy, top.size);
  marks.push(cut.mark);
  cut.ends.forEach(([x, y], i) =>
    marks.push(
      ...lines(`cut-${i}-lbl`, [ctx.t("section")], x + (i ? 2 : -2), y - t.small * 0.35, t.small, "lbl lbl-strong", i ? "start" : "end"),
    ),
  );
  // (on a phone on its side, right of the section line's letter A at its level: graphics review 47, item 7)
  const past = ctx.layout === "land" ? textWidth(ctx.t("section"), t.small, true) + 2 - t.small * 0.5 : 0;
  labels.push({
    key: "top-lbl",
    // where the section is: under the top view, or beside it on paper (review 38 item 8)
    text: ctx.t(g.above ? "top" : "top-wide"),
    x: g.above ? top.cx + top.size * 0.62 + t.small + past : top.cx,
    y: g.above ? top.cy + top.size * 0.1 : top.cy + top.size / 2,
    r: 4,
    size: t.small,
    cls: "lbl lbl-note",
    prefer: g.above ? ["right", "below-right"] : ["below", "below-right"],
    maxWidth: g.above ? (g.plot.x1 - g.plot.x0) * 0.6 : top.size * 1.3,
  });

  // The section: stacks, die, interposer, substrate; the links strong while data flows.
  const flowing = state === "data";
  marks.push(...chipSide("sec", side, "nvidia", flowing));
  obstacles.push(side.sub, side.interposer, side.die, side.stacks.l, side.stacks.r);
  for (const s of ["l", "r"] as const) {
    const b = side.stacks[s];
    labels.push({
      key: `hbm-${s}-lbl`,
      text: ctx.t("hbm"),
      x: cxOf(b),
      y: b.y0,
      r: 2,
      size: t.label,
      cls: "lbl lbl-strong",
      prefer: ["above"],
      maxWidth: nameWidth(ctx, side.sub.x1 - side.sub.x0),
    });
  }
  labels.push({
    key: "die-lbl",
    text: ctx.t("die"),
    x: cxOf(side.die),
    y: side.die.y0,
    r: 2,
    size: t.label,
    cls: "lbl lbl-strong",
    prefer: ["above"],
    // On a phone on its side in one line, in the well between the stacks, under their names (graphics reviews 48 and 49,
    // item 5: in two lines, as wide as the die, it stood between the stacks' names and all but touched them).
    maxWidth: ctx.layout === "land" ? side.stacks.r.x0 - side.stacks.l.x1 - t.label * WELL_MARGIN : (side.die.x1 - side.die.x0) * 0.9,
  });
  // Under the section, what the layers are; while data flows, the enlarged interposer says what runs through it.
  if (state === "package") {
    const width = g.wide ? g.notes.x1 - g.notes.x0 : side.sub.x1 - side.sub.x0;
    const words = wrapWidth(ctx.t("layers"), t.small, width);
    const [x, y, anchor] = g.wide
      ? ([g.notes.x0, side.interposer.y0, "start"] as const)
      : ([cxOf(side.sub), side.sub.y1 + t.small * 1.5, "middle"] as const);
    marks.push(...lines("layers-lbl", words, x, y, t.small, "lbl", anchor));
    const note = wrapWidth(ctx.t("hbm-note"), t.small, width);
    marks.push(...lines("hbm-note-lbl", note, x, y + words.length * t.small * LINE + t.small * 0.3, t.small, "lbl lbl-note", anchor));
  }
  if (flowing) marks.push(...zoom(ctx, g));
  marks.push(...placeLabels(labels, obstacles, g.plot).marks);
  return marks;
}
