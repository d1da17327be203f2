// Scene "hunt": Altman's search for chips. A compact locator, not a map to read
// (review 34: a Pacific basemap spent most of the stage on empty ocean to place
// two dots): a strip cut tight to the two ends, Taiwan and California, each named,
// each place's company pinned and named beside its dot (the places are our
// addition; the article names none). OpenAI and TSMC are joined by one straight,
// thin rust line, named as the talks, never bowed like a flight route. The Bay
// Area's two dots stand side by side on the Bay, each named beside it; nothing
// covers the coast or the line's end.
// The locator holds its place and size in every state; once TSMC answers (refusal,
// promise), its two answers fill the room under it, the figure's main graphic:
// in public, C. C. Wei's verdict (a marked paraphrase), in private the offer and
// its condition, drawn as structure (huntPanels.ts).

import type { ClassList, Layout, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, r1 } from "./shapes.ts";
import { captionStrip, grow, lines, LINE, overlaps, inside, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { frameFades, place, transformOf, viewOf, type View } from "./world.ts";
import { panelsHeight, privatePanel, publicPanel, splitPanels, type Panels } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
type State = (typeof STATES)[number];

/**
 * The locator's window, every state and layout: [west, south, east, north]. From the South China coast west
 * of Taiwan to Nevada east of the Bay (room for the Bay's names on land), from Luzon Strait to Oregon: no more
 * ocean than the two ends need.
 */
const BOX: [number, number, number, number] = [106, 17, -104, 47];

/** Country and sea names: where each sits (lon, lat) and how it is anchored there. */
const PLACES: { key: string; at: [number, number]; anchor: "start" | "middle" | "end"; sea?: boolean }[] = [
  { key: "china", at: [113.5, 31], anchor: "middle" },
  { key: "japan", at: [138.5, 39.5], anchor: "middle" },
  { key: "pacific", at: [-170, 24], anchor: "middle", sea: true },
];

export const hunt = defineScene({
  id: "hunt",
  states: STATES,
  geometry: ["world"],
  marks(state, ctx) {
    const t = typeOf(ctx);
    // The first step draws no line yet, so its note names only the dots; the plot ends above the taller of the
    // two notes, so that nothing moves when the second takes over.
    const notes = ["note-origin", "note"] as const;
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(state === "origin" ? notes[0] : notes[1]) }]);
    const top = Math.min(...notes.map((k) => captionStrip(ctx, [{ key: "note", text: ctx.t(k) }]).top));
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: top - t.pad * 0.5 };
    const answers = state === "refusal" || state === "promise";
    const { view, band, panels } = layoutOf(ctx, plot);
    const at = (id: string) => place(ctx.layout, view, ctx.place(id));
    const r = t.label * 0.32;
    const fade = t.pad * 1.2;
    const marks: Mark[] = [mapGroup(view, ctx), ...frameFades(ctx.symbol, band, ctx.width, ctx.height, fade)];
    const obstacles: Box[] = [];
    const bounds: Box = { x0: band.x0 + fade * 0.5, y0: band.y0 + fade * 0.3, x1: band.x1 - fade * 0.5, y1: band.y1 - fade * 0.3 };

    // The Bay Area: San Francisco and Santa Clara lie a dot's width apart at a locator's scale. OpenAI's dot on
    // San Francisco; NVIDIA's beside it, along the true bearing to Santa Clara, just clear of it (the note says so).
    const hero = at("openai-hq");
    const sc = at("nvidia-hq");
    const len = Math.hypot(sc[0] - hero[0], sc[1] - hero[1]) || 1;
    const u = [(sc[0] - hero[0]) / len, (sc[1] - hero[1]) / len] as const;
    const apart = Math.max(len, r * 2.9);
    const nvidia: [number, number] = [hero[0] + u[0] * apart, hero[1] + u[1] * apart];
    const tsmc = at("tsmc-hq");
    for (const p of [hero, nvidia, tsmc])
      obstacles.push({ x0: p[0] - r * 1.2, y0: p[1] - r * 1.2, x1: p[0] + r * 1.2, y1: p[1] + r * 1.2 });

    // The talks: one straight thin line from TSMC's ring to OpenAI's dot, stopping short of both (who talked with
    // whom, not a way across the sea); reported, so solid.
    const ends = connector(tsmc, hero, r * 2);
    if (state !== "origin") {
      marks.push({
        key: "link-tsmc",
        tag: "line",
        attrs: { x1: r1(ends[0][0]), y1: r1(ends[0][1]), x2: r1(ends[1][0]), y2: r1(ends[1][1]), class: "arc" },
        enter: { opacity: 0 },
      });
    }
    // The line's room is kept in every state, drawn or not yet, so no name moves when it comes.
    const steps = Math.ceil(Math.hypot(ends[1][0] - ends[0][0], ends[1][1] - ends[0][1]) / 4);
    for (let i = 0; i <= steps; i++) {
      const x = ends[0][0] + ((ends[1][0] - ends[0][0]) * i) / steps;
      const y = ends[0][1] + ((ends[1][1] - ends[0][1]) * i) / steps;
      obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
    }

    // The companies' names beside their dots: the Bay's two on land east of the Bay (the line comes in from the
    // west), else under the dots on the sea; TSMC's under its ring, east of Taiwan.
    // OpenAI's name starts past NVIDIA's dot, which stands south-east of OpenAI's.
    const heroName = pair(
      ctx,
      "hero",
      "openai",
      "openai-place",
      "lbl lbl-hero lbl-halo",
      hero,
      r,
      ["right"],
      obstacles,
      bounds,
      undefined,
      nvidia[0] + r + t.label * 0.25,
    );
    const nvName = pair(
      ctx,
      "nvidia",
      "nvidia",
      "nvidia-place",
      "lbl lbl-strong lbl-halo",
      nvidia,
      r,
      ["right"],
      obstacles,
      bounds,
      heroName.box,
    );
    marks.push(dot("hero", hero[0], hero[1], r * 2, "marker marker-hero"), dot("nvidia", nvidia[0], nvidia[1], r * 2, "marker"));
    marks.push(...heroName.marks, ...nvName.marks);
    // TSMC's ring and name come with the talks; their room is kept in the first step too, so Taiwan's name does
    // not move when they come.
    const tsmcName = pair(
      ctx,
      "tsmc",
      "tsmc",
      "tsmc-place",
      "lbl lbl-strong lbl-halo",
      tsmc,
      r,
      ["below-right", "right", "below"],
      obstacles,
      bounds,
    );
    if (state !== "origin") marks.push(dot("tsmc", tsmc[0], tsmc[1], r * 1.8, "marker marker-ring"), ...tsmcName.marks);
    // The two places named; the talks' words over the line (the long ones until the answers come); for
    // orientation China, Japan and the sea where they keep clear.
    const names = placeNames(ctx, view, hero, heroName.box, tsmc, tsmcName.box, r, obstacles, bounds);
    marks.push(...names.story);
    if (state !== "origin") marks.push(...talksLabel(ctx, state, ends, obstacles, bounds));
    marks.push(...names.more());
    if (answers) {
      marks.push(...publicPanel(ctx, panels, state === "refusal"));
      if (state === "promise") marks.push(...privatePanel(ctx, panels.private));
    }
    marks.push(...caption.marks);
    return marks;
  },
});

/** The two ends of a straight connector from a to b, each `gap` short of its mark. */
function connector(a: [number, number], b: [number, number], gap: number): [[number, number], [number, number]] {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const [ux, uy] = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
  return [
    [a[0] + ux * gap, a[1] + uy * gap],
    [b[0] - ux * gap, b[1] - uy * gap],
  ];
}

/**
 * The locator's view and window, and the answers' panels under it. The locator is the same size in every state
 * (no zoom): as wide as the stage less the room its Bay Area names need on land east of the Bay, and no taller
 * than the answers leave. Before TSMC answers it stands a little above the middle of the plot; once it answers,
 * at the top, the panels under it. The window is cut to the locator's box: no open ocean fills the stage.
 */
function layoutOf(ctx: SceneContext, plot: Box): { view: View; band: Box; panels: Panels } {
  const t = typeOf(ctx);
  const m = t.pad * 1.2;
  const gap = Math.max(t.pad * 0.8, t.small);
  const tall = plot.y1 - plot.y0;
  const answersNeed = panelsHeight(ctx, plot.x0, plot.x1);
  // A locator, not the picture: never more than two fifths of the plot, whatever room the answers leave.
  const most = Math.min(Math.max(tall - answersNeed - gap, tall * 0.22), tall * 0.4);
  // The Bay's names east of its dots: the longer of the two, after the dots and their gap.
  const names = Math.max(...BAY.map((b) => pairWidth(ctx, b.name, b.town)));
  const size = t.label;
  const need = names + size * 1.6 + m;
  const [x0, x1] = [m, ctx.width - m];
  let right = x1;
  let view = viewOf(ctx.layout, BOX, { x0, y0: plot.y0 + m * 0.6, x1: right, y1: plot.y0 + most - m * 0.6 });
  for (let i = 0; i < 40; i++) {
    const room = ctx.width - place(ctx.layout, view, ctx.place("openai-hq"))[0];
    if (room >= need) break;
    right -= Math.max(2, (need - room) * 0.6);
    view = viewOf(ctx.layout, BOX, { x0, y0: plot.y0 + m * 0.6, x1: right, y1: plot.y0 + most - m * 0.6 });
  }
  // The locator and its Bay names centred across the figure (they fill it, but for a height-bound locator on
  // paper); its window cut to them: past them it would open on the Atlantic.
  const frame = boxFrame(ctx.layout, view);
  const reach = Math.max(frame.x1, place(ctx.layout, view, ctx.place("openai-hq"))[0] + need) - frame.x0;
  const dx = Math.max(x0, (ctx.width - reach) / 2) - frame.x0;
  const h = frame.y1 - frame.y0 + m * 1.2;
  // The locator and the answers as one block, a little above the middle of the plot, in every state: nothing
  // moves when the answers come.
  const offset = Math.max(0, (tall - h - gap - answersNeed) * 0.4);
  const dy = plot.y0 + offset - (frame.y0 - m * 0.6);
  view = { ...view, tx: r1(view.tx + dx), ty: r1(view.ty + dy) };
  const y0 = frame.y0 - m * 0.6 + dy;
  const west = frame.x0 + dx - m;
  const band: Box = { x0: west <= m ? 0 : west, y0, x1: Math.min(ctx.width, frame.x0 + dx + reach + m * 0.5), y1: y0 + h };
  const panels = splitPanels(ctx, { x0: plot.x0, y0: y0 + h + gap, x1: plot.x1, y1: plot.y1 });
  return { view, band, panels };
}

/** The locator's box on the figure under a view. */
function boxFrame(layout: Layout, view: View): Box {
  const [w, s, e, n] = BOX;
  const xs: number[] = [];
  const ys: number[] = [];
  const span = e > w ? e - w : e + 360 - w;
  for (let i = 0; i <= 8; i++)
    for (const lat of [s, n, (s + n) / 2]) {
      const q = place(layout, view, [w + (span * i) / 8, lat]);
      xs.push(q[0]);
      ys.push(q[1]);
    }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function mapGroup(view: View, ctx: SceneContext): Mark {
  return {
    key: "map",
    tag: "g",
    attrs: { transform: transformOf(ctx.layout, view) },
    children: [{ key: "land", tag: "use", attrs: { href: `#${ctx.symbol("land")}`, class: "land" } }],
  };
}

/** The Bay Area's companies: their names' and towns' labels. */
const BAY = [
  { name: "openai", town: "openai-place" },
  { name: "nvidia", town: "nvidia-place" },
];

/**
 * Whether a company's town follows its name: not on the phone's stage nor on a phone on its side, where the
 * Bay's towns would leave the locator too small to read (the alt text and the note say where they are).
 */
const withTown = (ctx: Pick<SceneContext, "layout">): boolean => ctx.layout === "column" || ctx.layout === "print";

/** How wide a company's name and town stand on one line. */
function pairWidth(ctx: SceneContext, nameKey: string, townKey: string): number {
  const size = typeOf(ctx).label;
  const w = textWidth(ctx.t(nameKey), size, true);
  return withTown(ctx) ? w + size * 0.3 + textWidth(ctx.t(townKey), size) : w;
}

/**
 * A company's name (bold, in its colour) and its town (grey) on one line beside its dot, on the first side that
 * keeps clear of every name, mark and line placed before and inside the window; `below` the box of a name it
 * goes under.
 */
function pair(
  ctx: SceneContext,
  key: string,
  nameKey: string,
  townKey: string,
  cls: ClassList,
  at: [number, number],
  r: number,
  sides: ("right" | "below-left" | "below-right" | "below" | "left")[],
  obstacles: Box[],
  bounds: Box,
  below?: Box,
  after?: number,
): { marks: Mark[]; box: Box } {
  const t = typeOf(ctx);
  const size = t.label;
  const [name, town] = [ctx.t(nameKey), ctx.t(townKey)];
  const wName = textWidth(name, size, true) + size * 0.3;
  const w = key === "tsmc" ? wName + textWidth(town, size) : pairWidth(ctx, nameKey, townKey);
  const gap = r * 1.6;
  const candidates = sides
    .flatMap((side) => (side === "right" ? [0, -0.2, -0.4, 0.2] : [0]).map((lift) => ({ side, lift })))
    .map(({ side, lift }) => {
      // The baseline: level with the dot, or under it (under a name already set there, if any).
      const y =
        side === "right" || side === "left"
          ? Math.max(at[1] + size * (0.35 + lift), below ? below.y1 + size * 0.95 : -Infinity)
          : Math.max(at[1] + gap + size * 0.8, below ? below.y1 + size * 0.95 : -Infinity);
      const x0 =
        side === "right"
          ? Math.max(at[0] + gap, after ?? -Infinity)
          : side === "left"
            ? at[0] - gap - w
            : side === "below-left"
              ? at[0] + r - w
              : side === "below-right"
                ? at[0] - r
                : at[0] - w / 2;
      return { x0, y, box: { x0, y0: y - size * 0.85, x1: x0 + w, y1: y + size * 0.28 } };
    });
  const fits = (c: (typeof candidates)[number]) => inside(c.box, bounds) && !obstacles.some((o) => overlaps(grow(c.box, 2), o));
  const c = candidates.find(fits) ?? candidates.find((k) => inside(k.box, bounds)) ?? candidates[0]!;
  obstacles.push(c.box);
  const townCls: ClassList = cls.includes("lbl-halo") ? "lbl lbl-muted lbl-halo" : "lbl lbl-muted";
  return {
    marks: [
      ...lines(`${key}-lbl`, [name], c.x0, c.y, size, cls),
      ...(withTown(ctx) || key === "tsmc" ? lines(`${key}-town`, [town], c.x0 + wName, c.y, size, townCls) : []),
    ],
    box: c.box,
  };
}

/** The talks' words in rust over the line's middle, level, clear of the names (tried above, then below). */
function talksLabel(ctx: SceneContext, state: State, ends: [[number, number], [number, number]], obstacles: Box[], bounds: Box): Mark[] {
  const t = typeOf(ctx);
  const size = t.small;
  const span = Math.hypot(ends[1][0] - ends[0][0], ends[1][1] - ends[0][1]);
  // The line rises to the east: the words over it or under it, at points along it, on fewer lines first.
  const slope = (ends[1][1] - ends[0][1]) / (ends[1][0] - ends[0][0] || 1);
  const tries = [0.8, 0.55, 0.4, 0.3].flatMap((share) => {
    const text = wrapWidth(ctx.t(state === "tsmc" ? "talks" : "talks-short"), size, span * share);
    const w = Math.max(...text.map((l) => textWidth(l, size)));
    const h = (text.length - 1) * size * LINE;
    return [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].flatMap((f) => {
      const x = ends[0][0] + (ends[1][0] - ends[0][0]) * f;
      const y = ends[0][1] + (ends[1][1] - ends[0][1]) * f;
      const lift = Math.abs(slope) * w * 0.5;
      const x0 = Math.min(Math.max(x - w / 2, bounds.x0), bounds.x1 - w);
      return [
        { text, w, h, x: x0, y: y - size * 0.45 - lift - h },
        { text, w, h, x: x0, y: y + size * 1.1 + lift },
      ];
    });
  });
  type Try = (typeof tries)[number];
  const box = (c: Try): Box => ({ x0: c.x, y0: c.y - size * 0.85, x1: c.x + c.w, y1: c.y + c.h + size * 0.3 });
  const fits = (c: Try) => inside(box(c), bounds) && !obstacles.some((o) => overlaps(grow(box(c), 2), o));
  // None clear (a phone on its side, the long German words): the one that touches least.
  const cost = (c: Try) =>
    (inside(box(c), bounds) ? 0 : 100) +
    obstacles.filter((o) => overlaps(grow(box(c), 2), o)).reduce((n, o) => n + (o.x1 - o.x0 > 8 ? 20 : 1), 0);
  const c = tries.find(fits) ?? tries.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  obstacles.push(box(c));
  return lines("link-tsmc-lbl", c.text, c.x, c.y, size, "lbl lbl-link");
}

/**
 * The locator's names, grey caps with the map's halo: the two places of the story (Taiwan by Hsinchu's ring,
 * California over the Bay's names), then China, Japan and the sea wherever they keep clear.
 */
function placeNames(
  ctx: SceneContext,
  view: View,
  bay: [number, number],
  bayNames: Box,
  tsmc: [number, number],
  tsmcName: Box,
  r: number,
  obstacles: Box[],
  bounds: Box,
): { story: Mark[]; more: () => Mark[] } {
  const t = typeOf(ctx);
  const size = t.least;
  const marks: Mark[] = [];
  const set = (key: string, tries: { x: number; y: number; anchor: "start" | "middle" | "end" }[], cls: ClassList, required: boolean) => {
    const text = ctx.t(key);
    const w = textWidth(text, size);
    const boxOf = (c: (typeof tries)[number]): Box => {
      const x0 = c.anchor === "start" ? c.x : c.anchor === "end" ? c.x - w : c.x - w / 2;
      return { x0: x0 - size * 0.5, y0: c.y - size * 1.05, x1: x0 + w + size * 0.5, y1: c.y + size * 0.4 };
    };
    const ok = (c: (typeof tries)[number]) => inside(boxOf(c), bounds) && !obstacles.some((o) => overlaps(boxOf(c), o));
    const c = tries.find(ok) ?? (required ? (tries.find((k) => inside(boxOf(k), bounds)) ?? tries[0]) : undefined);
    if (!c) return;
    obstacles.push(boxOf(c));
    marks.push(...lines(`place-${key}`, [text], c.x, c.y, size, cls, c.anchor));
  };
  // Taiwan: west of the island, in the strait, level with its south; else under the island.
  const tw = place(ctx.layout, view, [120.9, 23]);
  set(
    "taiwan",
    [
      { x: tw[0] - r * 1.4, y: tw[1] + size * 0.4, anchor: "end" },
      { x: tw[0], y: tw[1] + size * 2.2, anchor: "middle" },
      { x: tsmc[0] - r * 1.4, y: tsmc[1] - r * 1.5, anchor: "end" },
      { x: tsmcName.x0, y: tsmcName.y1 + size * 1.15, anchor: "start" },
      { x: tsmc[0], y: tsmc[1] - r * 2.2, anchor: "middle" },
      { x: tsmc[0] - r, y: tsmc[1] - r * 2.2, anchor: "end" },
      { x: tw[0], y: tw[1] + size * 3.4, anchor: "middle" },
    ],
    "lbl lbl-place lbl-halo",
    true,
  );
  // California: inland over the Bay's names, on the state's north (about 40° N), else above the Bay.
  const ca = place(ctx.layout, view, [-120.5, 40]);
  set(
    "california",
    [
      { x: Math.max(ca[0], bay[0]), y: Math.min(ca[1], bayNames.y0 - size * 0.5), anchor: "start" },
      { x: bay[0] + r, y: Math.min(bay[1], bayNames.y0) - size * 0.7, anchor: "end" },
      { x: bay[0], y: bay[1] - r * 2.5, anchor: "middle" },
    ],
    "lbl lbl-place lbl-halo",
    true,
  );
  const story = marks.splice(0);
  const more = () => {
    for (const p of PLACES) {
      const [x, y] = place(ctx.layout, view, p.at);
      set(p.key, [{ x, y, anchor: p.anchor }], p.sea ? "lbl lbl-sea" : "lbl lbl-place", false);
    }
    return marks;
  };
  return { story, more };
}
