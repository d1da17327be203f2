// Scene "hunt": Altman's search for chips, one labelled map of the Pacific for
// the whole chapter (world-atlas 1:50m, Pacific-centred Equal Earth), the same
// view and window in every state, so nothing zooms or jumps: the North Pacific
// only (on the phone cropped to the Taiwan–California arc), never down to
// Australia; under it the answers' panels. OpenAI and NVIDIA sit on San
// Francisco Bay, too close at this scale for two dots: a small frame marks the Bay
// where it is, and a leader ties it to an inset on the sea, marked as enlarged,
// where the two dots stand side by side along their true bearing, each named; TSMC at Hsinchu. The talks are
// one rust arc across the Pacific, solid in every state (they took place); TSMC's
// answers come back in grey on a lower bow: the refusal in public solid and
// stopped by a bar, the offer in private dashed (an offer with a condition), as the
// key on the map says. Below the map, the two answers as
// panels: the quote with its speaker, and the offer drawn as structure (existing
// fabs solid, new ones dashed), never as a count the article does not give.

import type { ClassList, Layout, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, linkPoint, r1 } from "./shapes.ts";
import { arcLabel, arcObstacles, captionStrip, LINE, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { frameFades, place, transformOf, viewOf, type View } from "./world.ts";
import { privateHeight, privatePanel, publicHeight, publicPanel, type Panels } from "./huntPanels.ts";
import type { Frame } from "./geometry.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
/** The talks' arc from San Francisco to Hsinchu: bowed north over the Pacific (shapes.ts `link`'s bend). */
const TALKS_BEND = -0.18;
type State = (typeof STATES)[number];

/** The map's window, every state: [west, south, east, north]. */
const BOX: [number, number, number, number] = [110, 15, -110, 52];
/** On the phone's tall stage, cropped to the Taiwan–California arc (Hsinchu 121° E, San Francisco 122° W) with room for their names. */
const PHONE_BOX: [number, number, number, number] = [101, 14, -107, 49];

/** China's name on the phone's tighter crop: north, where the country still shows in the window. */
const PHONE_CHINA: [number, number] = [113.5, 28.5];
// Japan's name on Honshu on the phone, south of the talks' arc and its words (the larger type sat on them).
const PHONE_JAPAN: [number, number] = [140, 35];
/**
 * The sea's name on the phone: mid-ocean at the window's foot (clamped there), west of the key in the corner and
 * under the answers' words (review 33: by Taiwan it ran into the refusal's words, "Pacific in public: skeptical").
 */
const PHONE_PACIFIC: [number, number] = [163, -10];
/** South Korea's name on the phone: set to end at the peninsula's east coast, so a long name ("SÜDKOREA") runs west, clear of Japan's. */
const PHONE_KOREA: [number, number] = [129.8, 37.6];
/** Country and sea names: where each sits (lon, lat) and how it is anchored there. */
const PLACES: { key: string; at: [number, number]; anchor: "start" | "middle" | "end"; sea?: boolean }[] = [
  { key: "china", at: [112.5, 27.5], anchor: "middle" },
  // Set to end at the peninsula's west coast, over the Yellow Sea: the long German talks' words reach west to Korea.
  { key: "korea", at: [126.4, 37.6], anchor: "end" },
  // On northern Honshu: further south it stood on the long words of the talks over the arc on the desktop (review 33).
  { key: "japan", at: [141.6, 39.4], anchor: "start" },
  { key: "taiwan", at: [121, 21.2], anchor: "end" },
  { key: "usa", at: [-122, 40], anchor: "start" },
  // South of the answers' line and its words.
  { key: "pacific", at: [-172, 9], anchor: "middle", sea: true },
];

export const hunt = defineScene({
  id: "hunt",
  states: STATES,
  geometry: ["world"],
  marks(state, ctx) {
    const t = typeOf(ctx);
    // The first step draws no lines yet, so its key names only the dots; the plot ends above the taller of the
    // two keys, so that the map does not move when the lines' key takes over.
    const notes = ["note-origin", "note"] as const;
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(state === "origin" ? notes[0] : notes[1]) }]);
    const top = Math.min(...notes.map((k) => captionStrip(ctx, [{ key: "note", text: ctx.t(k) }]).top));
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: top - t.pad * 0.5 };
    const { view, band, area, panels } = layoutOf(state, ctx, plot);
    const at = (id: string) => place(ctx.layout, view, ctx.place(id));
    const r = t.label * 0.36;
    const marks: Mark[] = [mapGroup(view, ctx), ...frameFades(ctx.symbol, band, ctx.width, ctx.height, t.pad * 1.6)];
    const obstacles: Box[] = [];
    const labels: PointLabel[] = [];

    // San Francisco Bay: San Francisco and Santa Clara lie a few units apart at this scale, too close for two dots.
    // On the map, a small frame where the Bay really is; the two dots in an inset on the sea south-west of it
    // (review: the dots spread along the bearing put Santa Clara far inland), side by side along the true
    // bearing from San Francisco to Santa Clara, the inset tied to the frame by a leader and named as enlarged.
    const sf = at("openai-hq");
    const sc = at("nvidia-hq");
    const len = Math.hypot(sc[0] - sf[0], sc[1] - sf[1]) || 1;
    const u = [(sc[0] - sf[0]) / len, (sc[1] - sf[1]) / len];
    const bayAt: [number, number] = [(sf[0] + sc[0]) / 2, (sf[1] + sc[1]) / 2];
    const [sx, sy] = INSET_SHIFT[ctx.layout];
    const mid = [bayAt[0] + sx * t.label, bayAt[1] + sy * t.label];
    // Apart by a dot and a half, across or down, whichever the bearing runs more along.
    const apart = (r * 1.5 + 1.5) / Math.max(Math.abs(u[0]!), Math.abs(u[1]!));
    const hero: [number, number] = [mid[0]! - u[0]! * apart, mid[1]! - u[1]! * apart];
    const nvidia: [number, number] = [mid[0]! + u[0]! * apart, mid[1]! + u[1]! * apart];
    const tsmc = at("tsmc-hq");

    // The talks: San Francisco to Hsinchu, bowed north over the Pacific; reported, so solid in every state.
    if (state !== "origin") {
      const bend = TALKS_BEND;
      marks.push(partLink("link-tsmc", hero, tsmc, bend, 1, "arc"));
      arcObstacles(hero, tsmc, bend, obstacles);
      // Once the answers come, the arc keeps a short name: the long one has been read.
      const text = ctx.t(state === "tsmc" ? "talks" : "talks-short");
      labels.push(
        arcLabel(ctx, "link-tsmc", text, hero, tsmc, bend, ["above", "below"], {
          at: 0.5,
          // in print (type 8 pt and more) the German talks need two lines to clear the dots at the Bay
          maxWidth: (band.x1 - band.x0) * (ctx.layout === "print" ? 0.45 : 0.62),
        }),
      );
    }
    // The Bay's names keep clear of the talks' arc in every state, drawn or not yet, so they never move.
    const talks = Array.from({ length: 23 }, (_, i) => linkPoint(hero, tsmc, TALKS_BEND, (i + 1) / 24));
    const bay = bayKey(ctx, hero, nvidia, r, talks, obstacles);
    marks.push(...bayInset(ctx, bayAt, hero, nvidia, r, bay.box, obstacles), ...bay.marks);
    // TSMC's name, set now (drawn over the lines below) so the answers' line can keep clear of it.
    const tsmcName =
      state === "origin" ? [] : named(ctx, "tsmc", [tsmc[0] + r * 1.6, tsmc[1]], "start", ctx.t("tsmc"), ctx.t("tsmc-place"), obstacles);
    const names: Box[] = [bay.hero, bay.nvidia, ...(state === "origin" ? [] : [obstacles.at(-1)!])];
    // TSMC's answers, in grey (TSMC's), on a bow south of the talks back towards the Bay, ending at the Bay's key
    // where OpenAI is named: the public refusal reported (solid, stopped by a bar a short way out), the private
    // offer made on a condition (dashed, all the way back).
    if (state === "refusal" || state === "promise") {
      const end = state === "refusal" ? 0.3 : 1;
      // Both on the same curve: the refusal is the offer's first stretch, stopped. Out of the ring's foot to the
      // key's OpenAI line from the left, else (on the phone, where the key starts just past TSMC's name) up into the
      // key from below; bowed as little as keeps it off TSMC's name and the key.
      const from: [number, number] = [tsmc[0] + r * 0.4, tsmc[1] + r * 1.6];
      // The offer is made to OpenAI: its line ends at OpenAI's name, beside OpenAI's dot (review: it stopped in
      // open sea, under NVIDIA's name on the phone): into the name from the left, else from below, where NVIDIA's
      // shorter line leaves the first letters of "OpenAI" free.
      const ends: [number, number][] = [
        [bay.hero.x0 - t.label * 0.4, bay.hero.y0 + t.label * 0.55],
        [bay.hero.x0 + t.label * 0.9, bay.hero.y1 + t.label * 0.3],
      ];
      const clear = (to: [number, number], b: number) =>
        Array.from({ length: 23 }, (_, i) => linkPoint(from, to, b, (i + 1) / 24)).every(
          ([x, y]) => !names.some((o) => x > o.x0 - 4 && x < o.x1 + 4 && y > o.y0 - 4 && y < o.y1 + 4),
        );
      const [to, bend] = ends.flatMap((e) => ANSWER_BENDS.map((b) => [e, b] as const)).find(([e, b]) => clear(e, b)) ?? [
        ends[0]!,
        ANSWER_BENDS.at(-1)!,
      ];
      marks.push(partLink(`answer-${state}`, from, to, bend, end, state === "refusal" ? "arc arc-grey" : "arc arc-grey arc-dash"));
      for (let i = 1; i < 24; i++) {
        const [x, y] = linkPoint(from, to, bend, (i / 24) * end);
        obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
      }
      if (state === "refusal") marks.push(barAt("answer-refusal-bar", from, to, bend, end, t.label * 0.5));
      else marks.push(arrowHead("answer-promise-head", to, linkPoint(from, to, bend, 0.95), t.label * 0.5));
      labels.push({
        ...arcLabel(
          ctx,
          `answer-${state}`,
          ctx.t(state === "refusal" ? "rebuffed" : "offer"),
          from,
          to,
          bend,
          state === "refusal" ? ["right", "below-right", "below"] : ["below", "below-right", "below-left"],
          {
            // The refusal's words beside the bar that stops it; the offer's under the middle of its line.
            at: state === "refusal" ? end : 0.45,
            maxWidth: (band.x1 - band.x0) * (tight(ctx) ? 0.6 : 0.4),
          },
        ),
        cls: "lbl lbl-note",
      });
    }
    marks.push(dot("hero", hero[0], hero[1], r * 2, "marker marker-hero"), dot("nvidia", nvidia[0], nvidia[1], r * 2, "marker"));
    for (const p of [hero, nvidia]) obstacles.push({ x0: p[0] - r, y0: p[1] - r, x1: p[0] + r, y1: p[1] + r });
    if (state !== "origin") {
      marks.push(dot("tsmc", tsmc[0], tsmc[1], r * 1.8, "marker marker-ring"));
      obstacles.push({ x0: tsmc[0] - r, y0: tsmc[1] - r, x1: tsmc[0] + r, y1: tsmc[1] + r });
      marks.push(...tsmcName);
    }
    if (state !== "origin") marks.push(...lineKey(ctx, state, area, t.pad * 1.6, obstacles));
    // The names keep to `area` (the window the answers leave), so none moves when the window closes.
    marks.push(...placeNames(ctx, view, bayAt, tsmc, r, area, obstacles));
    marks.push(...placeLabels(labels, obstacles, { x0: plot.x0, y0: 2, x1: plot.x1, y1: area.y1 }).marks);
    if (state === "refusal" || state === "promise") marks.push(...publicPanel(ctx, panels, state === "refusal"));
    if (state === "promise") marks.push(...privatePanel(ctx, panels.private));
    marks.push(...caption.marks);
    return marks;
  },
});

/**
 * Whether the map takes the phone's tighter crop (the Taiwan–California arc) and its answers' panels stand one
 * above the other: the phone's stage, and a phone on its side (`land`, narrow for its type: the wide window's
 * China and Taiwan ran off its edge).
 */
const tight = (ctx: SceneContext): boolean => ctx.layout === "square" || ctx.layout === "land";

/**
 * The map's window and the panels' room under it. On the stage (column, square)
 * the window is the same in every state: nothing moves. On paper, where each
 * step is its own figure, the map takes the whole figure until the panels come.
 */
function layoutOf(state: State, ctx: SceneContext, plot: Box): { view: View; band: Frame; area: Frame; panels: Panels } {
  const t = typeOf(ctx);
  // (A phone on its side, each step a figure of its own: the panels' room as large as their words, the private
  // answer's too only once it comes, so the map is no smaller than it must be.)
  const room = { column: 0.24, square: 0.42, print: 0.4, land: state === "promise" ? 0.55 : 0.38 }[ctx.layout];
  const early = state === "origin" || state === "tsmc";
  const full = (ctx.layout === "print" || ctx.layout === "land") && early;
  const square = tight(ctx);
  // One over the other, the panels take at least what their words need (review 34: on the phone the speaker's
  // second line ran onto the private panel's rule, its last words onto the caption); the same in every state.
  const gapP = t.small * 0.9;
  const need = square ? publicHeight(ctx, plot.x0, plot.x1) + gapP + privateHeight(ctx, plot.x0, plot.x1) + t.pad * 0.6 + t.small * 0.4 : 0;
  const area = { x0: 0, y0: 0, x1: ctx.width, y1: full ? plot.y1 : Math.min(plot.y1 - (plot.y1 - plot.y0) * room, plot.y1 - need) };
  const view = viewOf(ctx.layout, square ? PHONE_BOX : BOX, area);
  // The map itself never moves, and its window neither: at the stage's width this map is shorter than the stage,
  // and any further south it would open on Australia, so it keeps to the North Pacific (down to about the Equator)
  // and the answers' panels take the room under it.
  const band = area;
  const top = area.y1 + t.pad * 0.6;
  if (square) {
    // Too narrow for two columns: the quotation (never broken) needs the width.
    const split = top + publicHeight(ctx, plot.x0, plot.x1) + gapP;
    const pub = { x0: plot.x0, y0: top, x1: plot.x1, y1: split };
    return {
      view,
      band,
      area,
      panels: { public: pub, private: { ...pub, y0: split, y1: plot.y1 }, below: { ...pub, y0: split, y1: plot.y1 } },
    };
  }
  const gutter = t.pad * 1.5;
  // The private answer has more to say: it takes the wider share.
  const left = (plot.x1 - plot.x0 - gutter) * 0.46;
  const pub = { x0: plot.x0, y0: top, x1: plot.x0 + left, y1: plot.y1 };
  return {
    view,
    band,
    area,
    panels: { public: pub, private: { x0: pub.x1 + gutter, y0: top, x1: plot.x1, y1: plot.y1 }, below: { ...pub, x1: plot.x1 } },
  };
}

function mapGroup(view: View, ctx: SceneContext): Mark {
  return {
    key: "map",
    tag: "g",
    attrs: { transform: transformOf(ctx.layout, view) },
    children: [{ key: "land", tag: "use", attrs: { href: `#${ctx.symbol("land")}`, class: "land" } }],
  };
}

/** The quadratic link of shapes.ts `link`, drawn from its start to `end` (0…1) of its length in t. */
function partLink(key: string, a: [number, number], b: [number, number], bend: number, end: number, cls: ClassList): Mark {
  const c = linkPoint(a, b, bend, 0.5);
  // The control point of the whole curve, from its midpoint: c = (a + 2q + b) / 4.
  const q = [(4 * c[0] - a[0] - b[0]) / 2, (4 * c[1] - a[1] - b[1]) / 2] as const;
  const qe = [a[0] + (q[0] - a[0]) * end, a[1] + (q[1] - a[1]) * end];
  const e = linkPoint(a, b, bend, end);
  return {
    key,
    tag: "path",
    attrs: { d: `M${r1(a[0])},${r1(a[1])} Q${r1(qe[0]!)},${r1(qe[1]!)} ${r1(e[0])},${r1(e[1])}`, class: cls, fill: "none" },
    enter: { opacity: 0 },
  };
}

/**
 * The map's key to its lines, on the sea in the window's lower right corner (the same place in every state): one
 * sample a meaning, each in one colour beside its own words (review 33: a "reported" sample half rust, half grey
 * read as one line of two colours). The talks' rust, solid (reported); under it, once TSMC answers, the answer's
 * grey: solid while the refusal in public shows, dashed for the offer in private (an offer with a condition).
 */
function lineKey(ctx: SceneContext, state: State, area: Frame, fade: number, obstacles: Box[]): Mark[] {
  const t = typeOf(ctx);
  // The figure's small type: smaller, it fell under 11 px on a phone and 8 pt in the printed strip.
  const size = t.small;
  const rows: { key: string; cls: ClassList; text: string; slot: number; shown: boolean }[] = [
    { key: "key-talks", cls: "arc", text: ctx.t("key-talks"), slot: 0, shown: true },
    { key: "key-answer", cls: "arc arc-grey", text: ctx.t("key-answer"), slot: 1, shown: state === "refusal" },
    { key: "key-dashed", cls: "arc arc-grey arc-dash", text: ctx.t("key-dashed"), slot: 1, shown: state === "promise" },
  ];
  const sample = t.label * 1.8;
  // As wide as its widest words in any state, so the key never moves.
  const w = sample + size * 0.5 + Math.max(...rows.map((r) => textWidth(r.text, size)));
  const x0 = area.x1 - fade - w;
  // On paper its last line stood on the map's foot (review 28): a line higher there, clear of the edge.
  const y1 = area.y1 - fade * 0.6 - (ctx.layout === "print" ? size * 1.1 : 0);
  const marks: Mark[] = [];
  for (const row of rows) {
    if (!row.shown) continue;
    const y = y1 - (1 - row.slot) * size * LINE * 1.15;
    marks.push({
      key: row.key,
      tag: "line",
      attrs: { x1: r1(x0), y1: r1(y - size * 0.33), x2: r1(x0 + sample), y2: r1(y - size * 0.33), class: row.cls },
      enter: { opacity: 0 },
    });
    marks.push(...lines(`${row.key}-lbl`, [row.text], x0 + sample + size * 0.5, y, size, "lbl lbl-note"));
  }
  obstacles.push({ x0, y0: y1 - size * LINE * 1.15 - size, x1: x0 + w, y1: y1 + size * 0.3 });
  return marks;
}

/**
 * Where the Bay's inset sits, from the Bay (in label heights, per layout): south-west on the sea, clear of
 * the coast, the talks' arc coming in over it from the west.
 */
const INSET_SHIFT: Record<Layout, [number, number]> = {
  column: [-1.2, 3.8],
  square: [0, 1.8],
  print: [-2.4, 4],
  land: [0, 1.8],
};

/** Where the inset's head goes, per layout: under the names or over them. */
const INSET_HEAD: Record<Layout, "foot" | "top"> = { column: "foot", square: "foot", print: "foot", land: "foot" };

/**
 * The Bay Area on the map: a small frame where San Francisco and Santa Clara really are, a leader from it to
 * the inset (the dots and their names, `names`), and the inset's frame, headed "enlarged". The frames stroke
 * only (the inset lies on the sea; the talks' arc runs on into it, to OpenAI's dot).
 */
function bayInset(
  ctx: SceneContext,
  bay: [number, number],
  hero: [number, number],
  nvidia: [number, number],
  r: number,
  names: Box,
  obstacles: Box[],
): Mark[] {
  const t = typeOf(ctx);
  // The notes' size: the least type fell under 8 pt on paper.
  const size = t.note;
  const pad = t.label * 0.35;
  // A phone on its side keeps the short head: the long one ran into the lines' key in the corner.
  const head = ctx.t(ctx.layout === "land" ? "bay-short" : "bay");
  const x0 = Math.min(names.x0, hero[0] - r, nvidia[0] - r) - pad;
  const x1 = Math.max(names.x1, hero[0] + r, nvidia[0] + r, x0 + textWidth(head, size) + pad * 2) + pad;
  // The head under the names (the talks' arc comes in over the inset's top to OpenAI's dot), or over them.
  const under = INSET_HEAD[ctx.layout] === "foot";
  const top = Math.min(names.y0, hero[1] - r, nvidia[1] - r);
  const foot = Math.max(names.y1, hero[1] + r, nvidia[1] + r);
  const y0 = top - pad - (under ? 0 : size * 1.2);
  const y1 = foot + pad + (under ? size * 1.2 : 0);
  const s = r * 1.1;
  // The leader from the frame's foot to the inset's top right corner.
  const from: [number, number] = [bay[0], bay[1] + s];
  const to: [number, number] = [Math.min(x1, bay[0] + s), y0];
  obstacles.push({ x0, y0, x1, y1 }, { x0: bay[0] - s, y0: bay[1] - s, x1: bay[0] + s, y1: bay[1] + s });
  const frame = { x: r1(x0), y: r1(y0), width: r1(x1 - x0), height: r1(y1 - y0), rx: 3 };
  return [
    { key: "bay-inset", tag: "rect", attrs: { ...frame, class: "leader", fill: "none" } },
    {
      key: "bay-frame",
      tag: "rect",
      attrs: { x: r1(bay[0] - s), y: r1(bay[1] - s), width: r1(s * 2), height: r1(s * 2), rx: 2, class: "leader", fill: "none" },
    },
    { key: "bay-leader", tag: "line", attrs: { x1: r1(from[0]), y1: r1(from[1]), x2: r1(to[0]), y2: r1(to[1]), class: "leader" } },
    ...lines("bay-head", [head], x0 + pad, under ? foot + size * 1.1 : y0 + pad + size * 0.8, size, "lbl lbl-muted"),
  ];
}

/** The answers' bows to try, from TSMC: south of the straight line, so it parts from the talks' northern arc. */
const ANSWER_BENDS = [-0.16, -0.22, -0.28, -0.34, -0.4, -0.48, -0.56];

/** A bar across the curve at `end`: where a line is stopped. */
function barAt(key: string, a: [number, number], b: [number, number], bend: number, end: number, half: number): Mark {
  const [x, y] = linkPoint(a, b, bend, end);
  const [px, py] = linkPoint(a, b, bend, end - 0.01);
  const len = Math.hypot(x - px, y - py) || 1;
  const [nx, ny] = [-(y - py) / len, (x - px) / len];
  return {
    key,
    tag: "line",
    attrs: { x1: r1(x + nx * half), y1: r1(y + ny * half), x2: r1(x - nx * half), y2: r1(y - ny * half), class: "arc arc-grey" },
    enter: { opacity: 0 },
  };
}

/** An open arrowhead at `tip`, pointing away from `from`, in the line's grey. */
function arrowHead(key: string, tip: [number, number], from: [number, number], size: number): Mark {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const p = (da: number) => `${r1(tip[0] - size * Math.cos(a + da))},${r1(tip[1] - size * Math.sin(a + da))}`;
  return {
    key,
    tag: "path",
    attrs: { d: `M${p(0.5)} L${r1(tip[0])},${r1(tip[1])} L${p(-0.5)}`, class: "arc arc-grey", fill: "none" },
    enter: { opacity: 0 },
  };
}

/** A company's name (bold) and its town (grey) on one line beside its mark. */
function named(
  ctx: SceneContext,
  key: string,
  at: [number, number],
  anchor: "start" | "end",
  name: string,
  town: string,
  obstacles: Box[],
): Mark[] {
  const t = typeOf(ctx);
  const y = at[1] + t.label * 0.35;
  // The town after the name, set apart by weight, colour and a space.
  const wName = textWidth(name, t.label, true) + t.label * 0.3;
  const wTown = textWidth(town, t.label);
  const x0 = anchor === "start" ? at[0] : at[0] - wName - wTown;
  obstacles.push({ x0, y0: y - t.label, x1: x0 + wName + wTown, y1: y + t.label * 0.3 });
  return [
    ...lines(`${key}-lbl`, [name], x0, y, t.label, "lbl lbl-strong"),
    ...lines(`${key}-town`, [town], x0 + wName, y, t.label, "lbl lbl-muted"),
  ];
}

/**
 * The Bay Area's names, each beside its own dot on the sea west of it, in the dots' colours (OpenAI in rust,
 * NVIDIA in ink): OpenAI's just under the talks' arc where it leaves San Francisco, NVIDIA's a line lower,
 * ending by its dot south-east of OpenAI's (review: a two-line key south-west of the pair, with a leader,
 * read as floating mid-ocean, far from the dots).
 */
function bayKey(
  ctx: SceneContext,
  hero: [number, number],
  nvidia: [number, number],
  r: number,
  talks: [number, number][],
  obstacles: Box[],
): { marks: Mark[]; box: Box; hero: Box; nvidia: Box } {
  const t = typeOf(ctx);
  // OpenAI's words centred a little under its dot (the arc rises west of it), lowered until clear of the arc
  // where it runs flat (the phone); NVIDIA's a line lower.
  const wHero = textWidth(ctx.t("openai"), t.label, true) + t.label * 0.3 + textWidth(ctx.t("openai-place"), t.label);
  const hits = (y: number) =>
    talks.some(
      ([x, ty]) => x > hero[0] - r * 1.7 - wHero - 3 && x < hero[0] - r * 1.7 + 3 && ty > y - t.label * 0.85 && ty < y + t.label * 0.35,
    );
  let y0 = hero[1] + t.label * 0.5;
  for (let i = 0; i < 8 && hits(y0); i++) y0 += t.label * 0.15;
  const rows = [
    { key: "hero", name: ctx.t("openai"), town: ctx.t("openai-place"), cls: "lbl lbl-hero" as const, x1: hero[0] - r * 1.7, y: y0 },
    {
      key: "nvidia",
      name: ctx.t("nvidia"),
      town: ctx.t("nvidia-place"),
      cls: "lbl lbl-strong" as const,
      x1: nvidia[0] - r * 1.7,
      y: Math.max(y0 + t.label * LINE, nvidia[1] + t.label * 0.35),
    },
  ];
  const marks: Mark[] = [];
  rows.forEach(({ key, name, town, cls, x1, y }) => {
    const wTown = textWidth(town, t.label);
    const wName = textWidth(name, t.label, true) + t.label * 0.3;
    marks.push(...lines(`${key}-lbl`, [name], x1 - wTown - wName, y, t.label, cls));
    marks.push(...lines(`${key}-town`, [town], x1 - wTown, y, t.label, "lbl lbl-muted"));
    obstacles.push({ x0: x1 - wTown - wName, y0: y - t.label, x1, y1: y + t.label * 0.3 });
  });
  const [heroRow, nvidiaRow] = obstacles.slice(-rows.length) as [Box, Box];
  const box = { x0: Math.min(heroRow.x0, nvidiaRow.x0), y0: heroRow.y0, x1: Math.max(heroRow.x1, nvidiaRow.x1), y1: nvidiaRow.y1 };
  return { marks, box, hero: heroRow, nvidia: nvidiaRow };
}

/** Country and sea names, grey caps on the map with a halo. */
function placeNames(
  ctx: SceneContext,
  view: View,
  bay: [number, number],
  tsmc: [number, number],
  r: number,
  band: Frame,
  obstacles: Box[],
): Mark[] {
  const t = typeOf(ctx);
  const bottom = band.y1 - t.pad * 1.6;
  const size = t.least;
  const marks: Mark[] = [];
  const phone = tight(ctx);
  // A phone on its side, once the answers' panels take the figure's lower half: no room left on the sea for its
  // name between the answers' line, the Bay's inset and the key (it ran into the inset's head); the sea goes unnamed.
  const short = ctx.layout === "land" && band.y1 < ctx.height * 0.6;
  for (const p of PLACES) {
    if (p.sea && short) continue;
    // Taiwan's name under the island, left of Hsinchu's ring, clear of TSMC's name on its right.
    // The United States' name inland, south-east of the Bay's frame (the inset goes south-west, on the sea); on the phone north-east.
    let [x, y] =
      p.key === "taiwan"
        ? [tsmc[0] - r * 0.6, tsmc[1] + r * 1.4 + size]
        : p.key === "usa"
          ? phone
            ? [band.x1 - t.pad * 1.2, bay[1] - r * 1.6 - (wrapWidth(ctx.t("usa"), size, size * 4.5).length - 1) * size * LINE]
            : [bay[0] + r * 1.6, bay[1] + r * 2.4 + size]
          : place(
              ctx.layout,
              view,
              phone && p.key === "china"
                ? PHONE_CHINA
                : phone && p.key === "japan"
                  ? PHONE_JAPAN
                  : phone && p.key === "korea"
                    ? PHONE_KOREA
                    : ctx.layout === "square" && p.key === "pacific"
                      ? PHONE_PACIFIC
                      : p.at,
            );
    // On the phone the sea's name on one line at the window's foot, under the answers' words.
    const text = wrapWidth(ctx.t(p.key), size, p.sea && phone ? size * 12 : size * 4.5);
    // The sea's name keeps inside the window (in print the map's foot is the caption's top).
    // (At most on the key's last line: higher, on the phone, it stood in the way of the answers' words.)
    const foot = ctx.layout === "print" ? bottom - size * 0.6 : band.y1 - t.pad * 1.6 * 0.6;
    if (p.sea) y = Math.min(y, foot - (text.length - 1) * size * LINE);
    // On the phone the window ends close east of the Bay: the country's name goes north of the dots, set to end there.
    const anchor = phone && (p.key === "usa" || p.key === "korea") ? "end" : p.anchor;
    const m = lines(`place-${p.key}`, text, x, y, size, p.sea ? "lbl lbl-sea" : "lbl lbl-place", anchor);
    marks.push(...m);
    const w = Math.max(...text.map((l) => textWidth(l, size)));
    const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
    // Half an em clear across, a tenth up and down: in the labels' grey, a name touching a label read as its first
    // word (review 33: "Pacific in public: skeptical"; tests/e2e/labels.spec.ts holds every label to this).
    obstacles.push({
      x0: x0 - size * 0.6,
      y0: y - size * 1.15,
      x1: x0 + w + size * 0.6,
      y1: y + (text.length - 1) * size * LINE + size * 0.45,
    });
  }
  return marks;
}
