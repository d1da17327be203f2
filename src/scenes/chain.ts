// Scene "chain" (chapter 1, and the page's lead picture): the chip Altman wants.
// First NVIDIA's GPU (ink die), the racks OpenAI's models run on, OpenAI's dot,
// and a heavy ink line between them: the dependence. Then OpenAI's own chip,
// planned (rust, dashed), with a dashed line to the racks; then the veteran of
// Google's TPU team who joined (a rust bust, a solid line up into the planned
// chip's die: his joining is reported, though the chip is only planned; a small
// grey TPU beside him); last,
// NVIDIA's GPU and its line stay, fainter, the line's words unchanged (the phone: the GPU steps aside, small), and the planned chip's parts are
// keyed, with leaders, to the chapters that look at them (src/scenes/chainParts.ts). Every other object keeps
// its place from step to step; the chips are drawn by src/scenes/chip.ts.

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, linkPoint, mutedClass, r1, withOpacity } from "./shapes.ts";
import { arcLabel, arcObstacles, captionStrip, nameLabel, placeLabels, steadyPlot, typeOf, type Box, type PointLabel } from "./figure.ts";
import type { Side } from "./figure.ts";
import { bust, chipParts, chipTop, racks, type ChipParts } from "./chip.ts";
import { textWidth } from "./text.ts";
import { dcLinkX, partLabels } from "./chainParts.ts";
import { leadMarks } from "./chainLead.ts";

// "lead" is no step of chapter 1: the page's lead picture (src/scenes/chainLead.ts), drawn as none of them is.
const STATES = ["dependence", "own-chips", "breakthrough", "roadmap", "lead"] as const;
type State = (typeof STATES)[number];

/** Where everything sits, the same in every step. */
export interface ChainGeo {
  plot: Box;
  wide: boolean;
  /** The phone's stage (taller than wide): words under the planned chip keep right of its line to the racks. */
  phone: boolean;
  nv: ChipParts;
  plan: ChipParts;
  size: number;
  racks: Box;
  /**
   * The last step's new data centres, planned: a shape of their own beside the racks OpenAI's models run on (which
   * keep their meaning), and the side their words take: left of them (wide), right (tall) or above (the phone).
   */
  newRacks: Box;
  dcSide: "left" | "right" | "above";
  /**
   * Where NVIDIA's GPU steps aside to in the last step, small, where the planned chip's parts take its place (the
   * phone); elsewhere it stays where it stood.
   */
  nvAside?: ChipParts;
  /** Where the dependence line leaves the GPU's foot (tall layouts; its middle unless given), its words left of it. */
  depX?: number;
  /** The side of the planned chip its parts' words take in the last step: right but on the upright phone. */
  partsSide: "left" | "right";
  hero: [number, number];
  heroR: number;
  ho: [number, number];
  tpu: [number, number];
}

export const chain = defineScene({
  id: "chain",
  states: STATES,
  marks(state, ctx) {
    if (state === "lead") return leadMarks(ctx);
    const geo = layout(ctx);
    return [
      ...draw(state, ctx, geo),
      ...captionStrip(ctx, [{ key: "note", text: ctx.t(state === "roadmap" ? PARTS_NOTE : "note") }]).marks,
    ];
  },
});

/**
 * The last step's key: the chapters beside the parts (src/scenes/chainParts.ts), on the phone too, where they are
 * "ch. 7" beside each name (graphics review 55, item 5: the numbered tags and "each number: the chapter…" read as counts).
 */
const PARTS_NOTE = "note-parts";

function layout(ctx: SceneContext): ChainGeo {
  const t = typeOf(ctx);
  const { plot, wide } = steadyPlot(ctx, [ctx.t("note"), ctx.t(PARTS_NOTE)]);
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  // Room above the chips for their names (two lines).
  const band = t.label * 2.9;
  const heroR = t.label * 0.42;
  // A row of Google's TPU (its name above it) and Ho's bust under the planned chip, his name and note under him.
  const hoRow = (plan: ChipParts, size: number): Pick<ChainGeo, "ho" | "tpu"> => {
    const y = plan.sub.y1 + t.pad * 0.6 + t.small * 1.4 + size * 0.1;
    const cx = (plan.sub.x0 + plan.sub.x1) / 2;
    return { ho: [cx - size * 0.22, y], tpu: [cx + size * 0.3, y] };
  };
  // The racks' and OpenAI's places, and the new data centres: across, under OpenAI's dot, their words left of them
  // (under NVIDIA's GPU, which keeps its line to the racks); on the desktop one rack-width right of the racks.
  const geo = (nv: ChipParts, plan: ChipParts, size: number, r: Box, side: "left" | "right"): ChainGeo => {
    const rw = r.x1 - r.x0;
    const hero: [number, number] = [(r.x0 + r.x1) / 2, r.y1 + heroR * 2.6];
    const below = hero[1] + heroR * 3 + t.label * 1.2;
    const newRacks = side === "left" ? { ...r, y0: below, y1: below + (r.y1 - r.y0) } : { ...r, x0: r.x1 + rw * 0.3, x1: r.x1 + rw * 1.3 };
    return {
      plot,
      wide,
      phone: false,
      nv,
      plan,
      size,
      racks: r,
      newRacks,
      dcSide: side,
      partsSide: wide ? "right" : "left",
      hero,
      heroR,
      ...hoRow(plan, size),
    };
  };
  if (ctx.layout === "land") return landLayout(plot, band, geo);
  if (wide) {
    const size = Math.min(H * 0.4, W * 0.17);
    const cy = plot.y0 + band + size / 2;
    const nv = chipParts(plot.x0 + size * 0.62, cy, size);
    const plan = chipParts(plot.x0 + W * 0.62, cy, size);
    const rw = size * 0.5;
    // Far enough from NVIDIA's chip for the dependence's words to stand between them in two lines.
    const rx = plot.x0 + W * 0.39;
    const racksBox = { x0: rx - rw / 2, y0: cy - size * 0.3, x1: rx + rw / 2, y1: cy + size * 0.32 };
    return geo(nv, plan, size, racksBox, "left");
  }
  if (ctx.layout === "square") return phoneLayout(plot, band, heroR);
  // The desktop: the two chips at the stage's left, the planned chip's parts named in a column right of it, out in
  // the open (graphics review 52, item 4: their four blocks stood squeezed in the gap between the two chips, one on
  // the plan's dashed line, the leaders across the package); the racks under the gap between the chips.
  const size = Math.min(W * 0.29, H * 0.32);
  const cy = plot.y0 + band + size / 2;
  const nv = chipParts(plot.x0 + size * 0.55, cy, size);
  const plan = chipParts(plot.x0 + size * 1.95, cy, size);
  const rw = size * 0.5;
  const rx = (nv.sub.x1 + plan.sub.x0) / 2 + rw * 0.15;
  const bottom = plot.y1 - heroR * 5;
  const racksBox = { x0: rx - rw / 2, y0: bottom - size * 0.62, x1: rx + rw / 2, y1: bottom };
  return { ...geo(nv, plan, size, racksBox, "right"), partsSide: "right" };
}

/**
 * A phone on its side (`land`): the two chips side by side at the left, larger than in a row with the racks
 * between them (there the planned chip came out at 80 px, its four parts' leaders crowding onto it: graphics
 * review 46, item 1); the racks and OpenAI under the gap between them, as on the desktop; the planned chip's parts
 * named in a column right of it, the stage's remaining width.
 */
function landLayout(
  plot: Box,
  band: number,
  geo: (nv: ChipParts, plan: ChipParts, size: number, r: Box, side: "left" | "right") => ChainGeo,
): ChainGeo {
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  // The parts' column takes two fifths of the width; the two chips and the gap between them the rest.
  const size = Math.min((W * 0.6) / 2.45, H * 0.36);
  const cy = plot.y0 + band + size / 2;
  const nv = chipParts(plot.x0 + size * 0.58, cy, size);
  const plan = chipParts(plot.x0 + size * 1.88, cy, size);
  const rw = size * 0.5;
  const rx = (nv.sub.x1 + plan.sub.x0) / 2;
  const bottom = plot.y1 - band * 0.75;
  const racksBox = { x0: rx - rw / 2, y0: bottom - size * 0.55, x1: rx + rw / 2, y1: bottom };
  // The dependence line leaves the GPU's foot towards its right-hand corner: left of it, room for its words (from its
  // middle, the German ones ran over the line).
  return { ...geo(nv, plan, size, racksBox, "right"), wide: false, partsSide: "right", depX: nv.sub.x1 - size * 0.2 };
}

/**
 * The phone's stage, taller than wide: the chips large across its upper part, the racks and
 * OpenAI at its foot, the lines between them long enough for their words; the TPU veteran's
 * row under the planned chip, right of its line to the racks.
 */
function phoneLayout(plot: Box, band: number, heroR: number): ChainGeo {
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const size = Math.min(W * 0.42, H * 0.34);
  const cy = plot.y0 + band + size / 2;
  const nv = chipParts(plot.x0 + W * 0.25, cy, size);
  const plan = chipParts(plot.x1 - W * 0.25, cy, size);
  const rx = plot.x0 + W * 0.5;
  const bottom = plot.y1 - heroR * 5;
  const racksBox = { x0: rx - size * 0.28, y0: bottom - size * 0.8, x1: rx + size * 0.28, y1: bottom };
  // Right of the racks, a little narrower (the phone's width), their words above them.
  const newRacks = { ...racksBox, x0: racksBox.x1 + size * 0.14, x1: racksBox.x1 + size * 0.6 };
  // In the last step NVIDIA's GPU, the comparison the plan stands against, steps aside small (greyed) to the stage's
  // left edge above the racks' words, under the parts' column (graphics review 46, item 5: it vanished).
  const aside = size * 0.3;
  const nvAside = chipParts(plot.x0 + aside * 0.55, racksBox.y0 + aside * 0.05, aside);
  const y = plan.sub.y1 + size * 0.3;
  return {
    plot,
    wide: false,
    phone: true,
    nv,
    plan,
    size,
    racks: racksBox,
    newRacks,
    dcSide: "above",
    nvAside,
    partsSide: "left",
    hero: [rx, racksBox.y1 + heroR * 2.6],
    heroR,
    ho: [plan.sub.x0 + size * 0.36, y],
    tpu: [plan.sub.x1 - size * 0.12, y],
  };
}

const centreX = (b: Box) => (b.x0 + b.x1) / 2;

function draw(state: State, ctx: SceneContext, g: ChainGeo): Mark[] {
  const t = typeOf(ctx);
  const roadmap = state === "roadmap";
  const planned = state !== "dependence";
  const marks: Mark[] = [];
  const obstacles: Box[] = [g.racks];
  const labels: PointLabel[] = [];
  const s = g.size;

  // NVIDIA's GPU, named above. When the plan is taken apart it stays, fainter, its dependence line with it: the
  // plan stands beside it, not in its place (the chip was not yet being designed). From the first step it stands
  // where the plan leaves it room (graphics review 44, item 7: centred over the racks in the first step, it jumped
  // aside as the plan came, the whole figure seeming to re-centre); the page's lead is a picture of its own.
  // On the phone it steps aside, small, to make room for the parts' words (g.nvAside).
  const nv = (roadmap && g.nvAside) || g.nv;
  const aside = nv !== g.nv;
  const ns = aside ? nv.sub.x1 - nv.sub.x0 : s;
  marks.push(...fade(roadmap, chipTop({ key: "gpu", cx: centreX(nv.sub), cy: (nv.sub.y0 + nv.sub.y1) / 2, size: ns, owner: "nvidia" })));
  obstacles.push(nv.sub);
  // (Stepped aside, named under it: above it stand the dependence's words, under the parts' column.)
  labels.push(
    mute(
      roadmap,
      aside
        ? nameLabel(ctx, "gpu", ctx.t("gpu"), [nv.sub.x0, nv.sub.y1], 0, ["below-right", "below"], g.racks.x0 - nv.sub.x0 - t.pad)
        : nameLabel(ctx, "gpu", ctx.t("gpu"), [centreX(nv.sub), nv.sub.y0], 0, ["above"], s * 1.5),
    ),
  );
  // The racks OpenAI's models run on, and OpenAI; the same in every step. In the roadmap the new data centres
  // the plan needs stand beside them as a shape of their own: dashed, planned.
  marks.push(...racks("racks", g.racks, false));
  if (roadmap) {
    marks.push(...racks("new-racks", g.newRacks, true));
    obstacles.push(g.newRacks);
  }
  labels.push({
    key: "racks-lbl",
    text: ctx.t("racks"),
    x: g.wide ? centreX(g.racks) : g.racks.x0,
    // (Lower beside them where NVIDIA's GPU stands aside above them, named under it.)
    y: g.wide ? g.racks.y0 : g.racks.y0 + (g.racks.y1 - g.racks.y0) * (aside ? 0.74 : 0.5),
    r: 2,
    size: t.small,
    cls: "lbl",
    prefer: g.wide ? ["above"] : ["left"],
    maxWidth: g.wide ? s * 1.3 : Math.min(g.racks.x0 - g.plot.x0 - t.pad, s * 1.3),
  });
  marks.push(dot("hero", g.hero[0], g.hero[1], g.heroR * 2, "marker marker-hero"));
  obstacles.push({ x0: g.hero[0] - g.heroR, y0: g.hero[1] - g.heroR, x1: g.hero[0] + g.heroR, y1: g.hero[1] + g.heroR });
  labels.push(nameLabel(ctx, "hero", ctx.t("openai"), g.hero, g.heroR, g.wide ? ["right", "below"] : ["left", "right"]));

  // The dependence: a heavy ink line from NVIDIA's chip to the racks (fainter in the last step, still solid).
  {
    // (From the side of the GPU stepped aside, level with it: it stands beside the racks' top.)
    const level = g.wide || aside;
    const from: [number, number] = level ? [nv.sub.x1 + 4, (nv.sub.y0 + nv.sub.y1) / 2] : [g.depX ?? centreX(nv.sub), nv.sub.y1 + 4];
    const to: [number, number] = [g.racks.x0 - 6, g.wide ? (g.racks.y0 + g.racks.y1) / 2 : g.racks.y0 + (g.racks.y1 - g.racks.y0) * 0.12];
    const bend = level ? 0 : 0.18;
    marks.push(...fade(roadmap, [link("dependence", from, to, "arc arc-ink arc-strong", bend)]));
    arcObstacles(from, to, bend, obstacles);
    // Across the page the line runs level between chip and racks: its words wrap to the gap, a clear
    // margin from both (at the chip's width they reached the racks on the printed cover).
    // Left of a steep line, no wider than the room left of its middle (the desktop: set off the stage's edge,
    // they were centred over the line).
    const room = level
      ? Math.min(s * 1.05, g.racks.x0 - nv.sub.x1 - 16)
      : g.depX
        ? g.depX - g.plot.x0 - t.pad * 2
        : Math.min(s * 1.05, linkPoint(from, to, bend, 0.5)[0] - g.plot.x0 - t.pad);
    // In one line where it fits, else in two of about one width (graphics review 53, item 9: wrapped to the room,
    // "dependence / on / NVIDIA's chips" broke into three ragged lines on the phone).
    const words = twoLines(ctx.t("dependence"), t.small, room);
    const label = arcLabel(
      ctx,
      "dependence",
      words.text,
      from,
      to,
      bend,
      g.wide ? ["below", "above"] : level ? ["above", "below"] : ["left", "below-left"],
      {
        maxWidth: words.width,
      },
    );
    // The phone's last step: above the short line from the GPU stepped aside, the words keep left of the racks and,
    // where they reach over the GPU, above it.
    if (aside) {
      label.x = Math.min(label.x, g.racks.x0 - t.pad * 0.5 - words.width / 2);
      if (label.x - words.width / 2 < nv.sub.x1 + 4) label.y = Math.min(label.y, nv.sub.y0);
    }
    // Its words keep the ink of a link's words in every step, beside their line (graphics review 56, item 10: muted to
    // the grey of the stepped-back names in the last step, they read as the weakest ink on the stage, a label faded out
    // rather than the words of the line that stays).
    labels.push(label);
  }
  // OpenAI's own chip, planned: rust, dashed, named above, linked dashed to the racks; in the same place in every step.
  if (planned) {
    const p = g.plan;
    marks.push(...chipTop({ key: "plan", cx: centreX(p.sub), cy: (p.sub.y0 + p.sub.y1) / 2, size: s, owner: "openai" }));
    obstacles.push(p.sub);
    // On the phone the two names share the width: the plan's breaks in two lines, clear of NVIDIA's. There and on a
    // phone on its side, no wider than the chip: its parts' words beside it rise to the stage's top.
    labels.push(nameLabel(ctx, "plan", ctx.t("plan"), [centreX(p.sub), p.sub.y0], 0, ["above"], s * (besideName(ctx, g) ? 1.05 : 1.4)));
    // On the phone in the last step it drops straight onto the new data centres' first rack, the plan's own (graphics
    // review 46, item 5: into the racks' top it seemed to end in the gap between the two sets), their words right of it.
    if (roadmap && g.phone) {
      const x = dcLinkX(g.newRacks);
      const from: [number, number] = [x, p.sub.y1 + 4];
      const to: [number, number] = [x, g.newRacks.y0 - 6];
      marks.push(link("plan-dc-link", from, to, "arc arc-plan", 0));
      arcObstacles(from, to, 0, obstacles);
    } else {
      const from: [number, number] = g.wide ? [p.sub.x0 - 4, (p.sub.y0 + p.sub.y1) / 2] : [p.sub.x0 + s * 0.06, p.sub.y1 + 4];
      // On the phone it drops straight into the right-hand rack's top, leaving the room under the chip to its words.
      // Across, into the racks' side, at its middle; on the desktop and a phone on its side, where it comes down from
      // above, onto the middle of the racks' top (graphics review 53, item 9: it ended beside the third rack's corner).
      const to: [number, number] = g.phone
        ? [g.racks.x1 - (g.racks.x1 - g.racks.x0) * 0.15, g.racks.y0 - 6]
        : g.wide
          ? [g.racks.x1 + 6, (g.racks.y0 + g.racks.y1) / 2]
          : [centreX(g.racks), g.racks.y0 - 6];
      const bend = g.wide || g.phone ? 0 : -0.12;
      marks.push(link("plan-link", from, to, "arc arc-plan", bend));
      arcObstacles(from, to, bend, obstacles);
    }
  }
  if (state === "own-chips") {
    // On the phone: right of the dashed line, where the TPU veteran stands next.
    const x = g.phone ? g.plan.sub.x0 + s * 0.2 : centreX(g.plan.sub) + s * 0.12;
    labels.push({
      key: "since-lbl",
      text: ctx.t("since"),
      x,
      y: g.plan.sub.y1,
      r: 2,
      size: t.small,
      cls: "lbl lbl-link",
      prefer: g.phone ? ["below-right", "below"] : ["below", "below-left"],
      maxWidth: g.phone ? g.plot.x1 - x - t.pad * 0.5 : s * 1.1,
    });
  }
  if (state === "breakthrough") marks.push(...joins(ctx, g, obstacles, labels));
  // The parts' words: right of the chip across, on the desktop and on a phone on its side; on the phone left of it,
  // from the stage's edge where NVIDIA's GPU stepped aside.
  // The column rises no higher than the chip's top where the plan's name stands above it (it may reach wider than the chip).
  if (roadmap) {
    // (On the phone too from the stage's top: held to the chip's, its blocks were pushed far below their parts.)
    // (A phone on its side: from the stage's top too; held to the chip's, the German blocks rose over the plan's name.)
    const top = besideName(ctx, g) ? g.plot.y0 : Math.max(g.plot.y0, g.plan.sub.y0);
    marks.push(...partLabels(ctx, g, obstacles, g.partsSide, g.nvAside ? g.plot.x0 : nv.sub.x1 + t.pad * 0.5, top));
  }
  marks.push(...placeLabels(labels, obstacles, g.plot).marks);
  return marks;
}

/**
 * A link's words (small italic) in at most two lines: `text` as it is where it fits `room` on one line, else broken at
 * the space that leaves its two lines nearest one width (a line break, "\n", in the text), and the width they take.
 */
export function twoLines(text: string, size: number, room: number): { text: string; width: number } {
  if (textWidth(text, size) <= room) return { text, width: room };
  const splits = [...text.matchAll(/ /g)].map((m) => [text.slice(0, m.index), text.slice(m.index + 1)]);
  const widest = (ls: string[]) => Math.max(...ls.map((l) => textWidth(l, size)));
  const best = splits.sort((a, b) => widest(a) - widest(b))[0];
  return best ? { text: best.join("\n"), width: Math.max(room, Math.ceil(widest(best)) + 1) } : { text, width: room };
}

/** Whether the plan's name keeps to the chip's width, its parts' words free to stand beside it (the phone, upright or on its side). */
const besideName = (ctx: SceneContext, g: ChainGeo): boolean => g.phone || ctx.layout === "land";

/** Shapes that step back in the last step keep their hue, only fainter (as chapter 6's figure does it). */
const FADE = 0.3;
const fade = (on: boolean, ms: Mark[]): Mark[] => (on ? ms.map((m) => withOpacity(m, FADE)) : ms);
/** Their words turn the muted grey (a colour, not opacity, so they keep their contrast). */
const mute = (on: boolean, l: PointLabel): PointLabel => (on ? { ...l, cls: mutedClass(String(l.cls)) } : l);

/** The veteran of Google's TPU team who joined: a rust bust under the planned chip, a small grey TPU beside him. */
function joins(ctx: SceneContext, g: ChainGeo, obstacles: Box[], labels: PointLabel[]): Mark[] {
  const t = typeOf(ctx);
  const s = g.size;
  const b = bust("ho", g.ho[0], g.ho[1], Math.max(26, s * 0.2));
  const icon = Math.max(20, s * 0.16);
  // His joining (reported, so solid; rust: OpenAI's side): a line from his head up into the planned chip's die.
  // The chip itself stays dashed, planned; the line says only that he works on it, not that it exists.
  const join: Mark = {
    key: "ho-join",
    tag: "path",
    attrs: { d: `M${r1(g.ho[0])},${r1(b.box.y0 - 4)} V${r1(g.plan.die.y1 - 4)}`, class: "arc", fill: "none" },
    enter: { opacity: 0 },
  };
  const marks: Mark[] = [join, ...b.marks, ...chipTop({ key: "tpu", cx: g.tpu[0], cy: g.tpu[1], size: icon, owner: "other" })];
  obstacles.push({ x0: g.ho[0] - 3, y0: g.plan.die.y1, x1: g.ho[0] + 3, y1: b.box.y0 });
  const from: [number, number] = [g.tpu[0] - icon * 0.6, g.tpu[1]];
  const to: [number, number] = [b.box.x1 + 4, g.tpu[1]];
  marks.push(link("ho-path", from, to, "arc arc-grey", 0));
  obstacles.push(b.box, { x0: g.tpu[0] - icon / 2, y0: g.tpu[1] - icon / 2, x1: g.tpu[0] + icon / 2, y1: g.tpu[1] + icon / 2 });
  arcObstacles(from, to, 0, obstacles);
  labels.push(nameLabel(ctx, "ho", ctx.t("ho"), [b.box.x0, b.box.y1], 0, g.wide ? ["below", "below-right"] : ["below-right", "below"]), {
    key: "tpu-lbl",
    text: ctx.t("tpu"),
    x: g.tpu[0],
    y: g.tpu[1] - icon / 2,
    r: 2,
    size: t.small,
    cls: "lbl lbl-note",
    // On a phone on its side (`land`, larger type) above the icon the name reached the planned chip: beside it, on one line.
    ...(ctx.layout === "land"
      ? { y: g.tpu[1], r: icon * 0.6, prefer: ["right", "above"] as Side[], maxWidth: g.plot.x1 - g.tpu[0] - icon }
      : { prefer: ["above", "above-left"] as Side[], maxWidth: s * 0.8 }),
  });
  // The note hangs under the name, as wide as the planned chip's column allows.
  const nameBottom = b.box.y1 + t.label * 1.25;
  labels.push({
    key: "ho-note-lbl",
    text: ctx.t("ho-note"),
    x: g.wide ? g.ho[0] : b.box.x0,
    y: nameBottom,
    r: 0,
    size: t.small,
    cls: "lbl lbl-link",
    prefer: g.wide ? ["below-left", "left"] : ["below-right", "below"],
    maxWidth: g.wide ? s * 1.6 : g.plot.x1 - b.box.x0 - 4,
  });
  return marks;
}
