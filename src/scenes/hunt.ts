// Scene "hunt": Altman's search for chips, drawn as who talked to whom (review 36:
// the map was decoration). A small locator inset in the top left corner places the
// companies (Taiwan and California named, each company's dot named; the places are
// our addition, the article names none). The main graphic is the talks: OpenAI (rust
// dot, San Francisco) and NVIDIA (ink dot, Santa Clara) on California's side, east;
// TSMC (grey ring, Hsinchu) on Taiwan's side, west; between them one straight rust
// line named as the talks and who reported them. Once TSMC answers (refusal,
// promise) the talks' row rises under the locator, the one move of the chapter,
// to make room for the answers, which hang from TSMC's ring: in public, C. C. Wei's
// verdict (a marked paraphrase), in private the offer and its condition (huntPanels.ts).

import type { ClassList, Layout, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, r1 } from "./shapes.ts";
import { captionStrip, lines, LINE, overlaps, inside, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { frameFades, place, transformOf, viewOf, type View } from "./world.ts";
import { panelsHeight, privatePanel, publicPanel, splitPanels, type Panels } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
type State = (typeof STATES)[number];

/**
 * The locator's window, every state and layout: [west, south, east, north]. From the South China coast west
 * of Taiwan to Nevada east of the Bay, from Luzon Strait to Oregon: no more ocean than the two ends need.
 */
const BOX: [number, number, number, number] = [108, 17, -106, 47];

/** The sea's name in the locator, where it keeps clear (lon, lat). */
const PLACES: { key: string; at: [number, number]; anchor: "start" | "middle" | "end"; sea?: boolean }[] = [
  { key: "pacific", at: [-175, 25], anchor: "middle", sea: true },
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
    const L = layoutOf(ctx, plot);
    const fade = L.fade;
    const marks: Mark[] = [mapGroup(L.view, ctx), ...frameFades(ctx.symbol, L.band, ctx.width, ctx.height, fade)];
    marks.push(...locatorMarks(ctx, L.view, L.band, fade));

    // OpenAI's and NVIDIA's dots stand at the top right in every state (OpenAI's is the hero handed over); TSMC's
    // ring at the left, lower while the talks are the step, under the locator once it answers.
    const R = L.r;
    const hero: [number, number] = [L.hx, L.hy];
    const nvidia: [number, number] = [L.hx, L.hy + L.nStep];
    const row = answers ? L.after : L.before;
    const tsmc: [number, number] = [row.tx, row.y];
    const nameX = L.hx + R * 1.9;
    marks.push(dot("hero", hero[0], hero[1], R * 2, "marker marker-hero"), dot("nvidia", nvidia[0], nvidia[1], R * 2, "marker"));
    marks.push(...nameAndTown(ctx, "hero", "openai", "openai-place", nameX, hero[1], "lbl lbl-hero"));
    marks.push(...nameAndTown(ctx, "nvidia", "nvidia", "nvidia-place", nameX, nvidia[1], "lbl lbl-strong"));
    const ends = connector(tsmc, hero, R + t.small * 0.35);
    if (state === "origin") {
      // Altman's search: a dashed rust arrow from OpenAI towards the chipmakers, reaching no one yet.
      const to: [number, number] = [ends[0][0] + (ends[1][0] - ends[0][0]) * 0.06, ends[0][1] + (ends[1][1] - ends[0][1]) * 0.06];
      const len = Math.hypot(to[0] - ends[1][0], to[1] - ends[1][1]) || 1;
      const [ux, uy] = [(to[0] - ends[1][0]) / len, (to[1] - ends[1][1]) / len];
      const hd = t.small * 0.55;
      const wing = (s: number): string => `${r1(to[0] - ux * hd - uy * hd * 0.7 * s)},${r1(to[1] - uy * hd + ux * hd * 0.7 * s)}`;
      marks.push({
        key: "search",
        tag: "path",
        attrs: {
          d: `M${r1(ends[1][0])},${r1(ends[1][1])} L${r1(to[0])},${r1(to[1])} M${wing(1)} L${r1(to[0])},${r1(to[1])} L${wing(-1)}`,
          class: "arc arc-dashed",
          fill: "none",
        },
        enter: { opacity: 0 },
      });
      marks.push(...wordsBeside(ctx, "search-lbl", ctx.t("search"), ends[1], to, t.small, "lbl lbl-link", plot));
    } else {
      marks.push({
        key: "link-tsmc",
        tag: "line",
        attrs: { x1: r1(ends[0][0]), y1: r1(ends[0][1]), x2: r1(ends[1][0]), y2: r1(ends[1][1]), class: "arc" },
        enter: { opacity: 0 },
      });
      const key = state === "tsmc" ? "talks" : "talks-short";
      marks.push(
        ...wordsBeside(ctx, "link-tsmc-lbl", ctx.t(key), ends[0], ends[1], state === "tsmc" ? t.label : t.small, "lbl lbl-link", plot),
      );
      marks.push(dot("tsmc", tsmc[0], tsmc[1], R * 1.9, "marker marker-ring"));
      // TSMC's name and town under its ring, right of it: the ring's foot stays free for its answers.
      marks.push(...nameAndTown(ctx, "tsmc", "tsmc", "tsmc-place", tsmc[0] + R * 1.6, tsmc[1] + t.label * 1.35, "lbl lbl-strong"));
    }
    if (answers) {
      const panels = L.panels;
      // The answers hang from TSMC's ring: a grey stem down to the first answer's rule (side by side, across to
      // the second's too).
      const foot = panels.public.y0;
      // Beside the locator (a short stage), TSMC's ring may stand past the first answer's rule: the stem turns to it.
      const back = tsmc[0] > panels.public.x1 ? ` H${r1(panels.public.x1)}` : "";
      const across = state === "promise" && panels.private.y0 === foot ? ` M${r1(tsmc[0])},${r1(foot)} H${r1(panels.private.x0)}` : "";
      marks.push({
        key: "stem",
        tag: "path",
        attrs: { d: `M${r1(tsmc[0])},${r1(tsmc[1] + R * 1.3)} V${r1(foot)}${back}${across}`, class: "leader", fill: "none" },
        enter: { opacity: 0 },
      });
      marks.push(...publicPanel(ctx, panels, state === "refusal"));
      if (state === "promise") marks.push(...privatePanel(ctx, panels.private));
    }
    marks.push(...caption.marks);
    return marks;
  },
});

/** A company's name (bold, at its dot's level) and its town under it (grey), from x. */
function nameAndTown(ctx: SceneContext, key: string, nameKey: string, townKey: string, x: number, y: number, cls: ClassList): Mark[] {
  const t = typeOf(ctx);
  return [
    ...lines(`${key}-lbl`, [ctx.t(nameKey)], x, y + t.label * 0.35, t.label, cls),
    ...lines(`${key}-town`, [ctx.t(townKey)], x, y + t.label * 0.35 + t.small * LINE, t.small, "lbl lbl-muted"),
  ];
}

/**
 * A line's words beside its middle, level: under it and to the right where the line rises to the right (the
 * room there is free), wrapped to the room left to the figure's right edge, at most three fifths of its width.
 */
function wordsBeside(
  ctx: SceneContext,
  key: string,
  text: string,
  a: [number, number],
  b: [number, number],
  size: number,
  cls: ClassList,
  plot: Box,
): Mark[] {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const flat = Math.abs(b[1] - a[1]) < size;
  if (flat) {
    const wrapped = wrapWidth(text, size, Math.abs(b[0] - a[0]) * 0.9);
    return lines(key, wrapped, mx, my - size * 0.7 - (wrapped.length - 1) * size * LINE, size, cls, "middle");
  }
  const x = mx + size * 0.5;
  const wrapped = wrapWidth(text, size, Math.min(plot.x1 - x, (plot.x1 - plot.x0) * 0.6));
  return lines(key, wrapped, x, my + size * 1.25, size, cls);
}

/** The two ends of a straight connector from a to b, each `gap` short of its mark. */
function connector(a: [number, number], b: [number, number], gap: number): [[number, number], [number, number]] {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const [ux, uy] = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
  return [
    [a[0] + ux * gap, a[1] + uy * gap],
    [b[0] - ux * gap, b[1] - uy * gap],
  ];
}

interface Row {
  /** TSMC's ring: its level. */
  y: number;
  /** ...and its x. */
  tx: number;
}

/**
 * Where everything stands. The locator: a small framed inset in the top left corner (a third of a wide figure, a
 * little less than half the phone's), the same in every state. OpenAI's dot at the top right, its name and town
 * beside it, NVIDIA's under it: the same in every state. TSMC's ring at the left: while the talks are the step,
 * low in the figure, the talks' line crossing it; once TSMC answers, right under the locator (or, where the
 * answers need the height, beside it, level with OpenAI), its answers under it.
 */
function layoutOf(ctx: SceneContext, plot: Box) {
  const t = typeOf(ctx);
  const w = (plot.x1 - plot.x0) * (ctx.layout === "square" ? 0.5 : ctx.layout === "land" ? 0.42 : 0.34);
  const fade = 0;
  const m = t.least * 0.5;
  let view = viewOf(ctx.layout, BOX, { x0: plot.x0 + m, y0: plot.y0 + m, x1: plot.x0 + w - m, y1: plot.y0 + w });
  const frame = boxFrame(ctx.layout, view);
  view = { ...view, tx: r1(view.tx + plot.x0 + m - frame.x0), ty: r1(view.ty + plot.y0 + m - frame.y0) };
  const band: Box = { x0: plot.x0, y0: plot.y0, x1: plot.x0 + w, y1: plot.y0 + (frame.y1 - frame.y0) + m * 2 };

  const r = t.label * 0.42;
  const gap = Math.max(t.pad, t.small);
  // OpenAI's dot: far enough from the right for the longer of its and NVIDIA's names and towns; low enough for
  // one line of the talks' words over it, and level with the
  // locator's middle, so that the talks' line, passing under the locator, leaves the answers their height.
  const names = Math.max(
    ...["openai", "nvidia"].map((k) => textWidth(ctx.t(k), t.label, true)),
    ...["openai-place", "nvidia-place"].map((k) => textWidth(ctx.t(k), t.small)),
  );
  const hx = plot.x1 - names - r * 1.9 - 2;
  const hy = Math.max(plot.y0 + t.small * LINE + t.label * 0.4, (band.y0 + band.y1) / 2);
  // Room under a company's dot: its name and town.
  const own = t.label * 0.35 + t.small * LINE + t.small * 0.3;
  const nStep = own + t.label * 0.75;
  const tx0 = plot.x0 + r + 1;
  // Before the answers: TSMC low on the left, the talks' line across the figure, its words under it.
  // The talks' line passes under the locator's corner: TSMC's ring no higher than that allows.
  const f = (band.x1 - tx0) / (hx - tx0);
  const clear = (band.y1 + t.small * 0.8 - hy * f) / (1 - f);
  // (On the phone's tall stage lower still: the line then spans the whole picture, no empty band under it.)
  const low = ctx.layout === "square" ? 0.8 : 0.62;
  const before: Row = { tx: tx0, y: Math.max(clear, plot.y0 + (plot.y1 - plot.y0) * low) };
  // With the answers: where it stood, if they fit under it; else as low as they leave room for, the one move
  // of the chapter (TSMC rises to answer); where not even under the locator, beside the locator, level with OpenAI.
  const need = panelsHeight(ctx, plot.x0, plot.x1);
  const under = t.label * 1.35 + own + gap * 0.8;
  const highest = Math.max(band.y1 + gap * 0.5 + r, hy + nStep + own, clear);
  let after: Row = { tx: tx0, y: Math.min(before.y, plot.y1 - need - under - t.small * 0.5) };
  let panelsTop = after.y + under;
  if (after.y < highest) {
    after = { tx: band.x1 + gap + r, y: hy };
    panelsTop = Math.max(band.y1, hy + nStep + own) + gap * 0.8;
  }
  const panels: Panels = splitPanels(ctx, { x0: plot.x0, y0: panelsTop, x1: plot.x1, y1: plot.y1 });
  return { view, band, fade, r, hx, hy, nStep, before, after, panels };
}

/**
 * The locator's own marks: each company's dot at its headquarters (NVIDIA's beside OpenAI's along the bearing to
 * Santa Clara, a dot's width apart at this scale), each named; Taiwan and California named; the sea where clear.
 */
function locatorMarks(ctx: SceneContext, view: View, band: Box, fade: number): Mark[] {
  const t = typeOf(ctx);
  // The screen's least size; on paper the small size, the least any printed word may be (8 pt: tests/e2e/pdf.spec.ts).
  const size = ctx.layout === "print" ? t.small : t.least;
  const r = size * 0.28;
  const at = (id: string) => place(ctx.layout, view, ctx.place(id));
  const sf = at("openai-hq");
  const sc = at("nvidia-hq");
  const len = Math.hypot(sc[0] - sf[0], sc[1] - sf[1]) || 1;
  const apart = Math.max(len, r * 3.3);
  const nv: [number, number] = [sf[0] + ((sc[0] - sf[0]) / len) * apart, sf[1] + ((sc[1] - sf[1]) / len) * apart];
  const hs = at("tsmc-hq");
  const marks: Mark[] = [
    {
      key: "loc-frame",
      tag: "path",
      attrs: { d: `M${r1(band.x0)},${r1(band.y0)} H${r1(band.x1)} V${r1(band.y1)} H${r1(band.x0)}Z`, class: "caption-rule", fill: "none" },
    },
    dot("loc-tsmc", hs[0], hs[1], r * 2.2, "marker marker-ring"),
    dot("loc-hero", sf[0], sf[1], r * 2, "marker marker-hero"),
    dot("loc-nvidia", nv[0], nv[1], r * 2, "marker"),
  ];
  const obstacles: Box[] = [hs, sf, nv].map((p) => ({ x0: p[0] - r * 1.3, y0: p[1] - r * 1.3, x1: p[0] + r * 1.3, y1: p[1] + r * 1.3 }));
  const bounds: Box = { x0: band.x0 + 1, y0: band.y0 + 1, x1: band.x1 - 1, y1: band.y1 - 1 };
  const set = (
    key: string,
    text: string,
    tries: { x: number; y: number; anchor: "start" | "middle" | "end" }[],
    cls: ClassList,
    required: boolean,
  ) => {
    const w = textWidth(text, size, cls.includes("lbl-strong") || cls.includes("lbl-hero"));
    const boxOf = (c: (typeof tries)[number]): Box => {
      const x0 = c.anchor === "start" ? c.x : c.anchor === "end" ? c.x - w : c.x - w / 2;
      return { x0: x0 - size * 0.2, y0: c.y - size * 0.85, x1: x0 + w + size * 0.2, y1: c.y + size * 0.25 };
    };
    const ok = (c: (typeof tries)[number]) => inside(boxOf(c), bounds) && !obstacles.some((o) => overlaps(boxOf(c), o));
    const c = tries.find(ok) ?? (required ? (tries.find((k) => inside(boxOf(k), bounds)) ?? tries[0]) : undefined);
    if (!c) return;
    obstacles.push(boxOf(c));
    marks.push(...lines(key, [text], c.x, c.y, size, cls, c.anchor));
  };
  // The Bay's two names west of its dots, on the sea, OpenAI's over NVIDIA's.
  set("loc-hero-lbl", ctx.t("openai"), [{ x: sf[0] - r * 2, y: sf[1] + size * 0.1, anchor: "end" }], "lbl lbl-hero lbl-halo", true);
  set("loc-nvidia-lbl", ctx.t("nvidia"), [{ x: nv[0] - r * 2, y: nv[1] + size * 0.95, anchor: "end" }], "lbl lbl-strong lbl-halo", true);
  // TSMC's name east of its ring, on the sea.
  set("loc-tsmc-lbl", ctx.t("tsmc"), [{ x: hs[0] + r * 2, y: hs[1] + size * 0.35, anchor: "start" }], "lbl lbl-strong lbl-halo", true);
  // Taiwan under its ring; California over the Bay's names.
  set(
    "place-taiwan",
    ctx.t("taiwan"),
    [
      { x: hs[0] - r, y: hs[1] + size * 1.25, anchor: "start" },
      { x: hs[0] + r * 2, y: hs[1] - size * 0.6, anchor: "start" },
    ],
    "lbl lbl-place lbl-halo",
    true,
  );
  set(
    "place-california",
    ctx.t("california"),
    [
      { x: band.x1 - fade * 0.3, y: sf[1] - size * 1.05, anchor: "end" },
      { x: sf[0] + r * 2, y: sf[1] - size * 1.05, anchor: "end" },
    ],
    "lbl lbl-place lbl-halo",
    true,
  );
  for (const p of PLACES) {
    const [x, y] = place(ctx.layout, view, p.at);
    set(`place-${p.key}`, ctx.t(p.key), [{ x, y, anchor: p.anchor }], p.sea ? "lbl lbl-sea" : "lbl lbl-place", false);
  }
  return marks;
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
