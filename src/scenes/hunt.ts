// Scene "hunt": Altman's search for chips, drawn as who talked to whom (review 38:
// the big canvas placed the companies as if it were a map; now it is plainly a
// diagram). A locator inset in the top left corner places the companies (Taiwan
// and California named, each company's dot named; the places are our addition,
// the article names none). The main graphic is one level row, the same in every
// state: OpenAI (rust dot) at the right, NVIDIA under it, joined by a grey stem
// (OpenAI depends on it); the chipmakers at the left (TSMC's ring, named, before
// the rings of the other big chipmakers, unnamed as in the article), joined to
// OpenAI by one straight level rust line named as the talks and who reported them.
// TSMC's answers hang from its ring: in public, C. C. Wei's verdict (a marked
// paraphrase), in private the offer and its condition (huntPanels.ts). Nothing
// moves: each step adds one thing.

import type { ClassList, Layout, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, r1, withOpacity } from "./shapes.ts";
import { captionStrip, lines, LINE, overlaps, inside, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { place, transformOf, viewOf, type View } from "./world.ts";
import { panelsHeight, privatePanel, publicPanel, splitPanels, type Panels } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;

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
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const answers = state === "refusal" || state === "promise";
    const L = layoutOf(ctx, plot);
    const marks: Mark[] = [mapWindow(L.view, L.band, ctx)];
    marks.push(...locatorMarks(ctx, L.view, L.band));

    // OpenAI's dot at the right of the row, its name beside it; NVIDIA's under it, joined to it by a grey stem,
    // and named with what OpenAI needs it for: the same in every state (OpenAI's is the hero handed over).
    const R = L.r;
    const hero: [number, number] = [L.hx, L.y];
    const nvidia: [number, number] = [L.hx, L.y + L.nStep];
    const nameX = L.hx + R * 1.9;
    marks.push({
      key: "depends",
      tag: "line",
      attrs: { x1: r1(L.hx), y1: r1(hero[1] + R * 1.6), x2: r1(L.hx), y2: r1(nvidia[1] - R * 1.6), class: "leader" },
    });
    marks.push(dot("hero", hero[0], hero[1], R * 2, "marker marker-hero"), dot("nvidia", nvidia[0], nvidia[1], R * 2, "marker"));
    marks.push(...lines("hero-lbl", [ctx.t("openai")], nameX, hero[1] + t.label * 0.35, t.label, "lbl lbl-hero"));
    marks.push(...lines("nvidia-lbl", [ctx.t("nvidia")], nameX, nvidia[1] + t.label * 0.35, t.label, "lbl lbl-strong"));
    marks.push(...lines("nvidia-role", L.role, nameX, nvidia[1] + t.label * 0.35 + t.small * LINE, t.small, "lbl lbl-muted"));

    const tsmc: [number, number] = [L.tx, L.y];
    const ends: [[number, number], [number, number]] = [
      [L.others + R * 1.6, L.y],
      [L.hx - R * 1.6, L.y],
    ];
    if (state === "origin") {
      // Altman's search, in words beside OpenAI's dot, on the row where the chipmakers will stand: no line yet.
      const search = wrapWidth(ctx.t("search"), t.label, ends[1][0] - t.small - (L.y < L.band.y1 ? L.band.x1 + t.small : plot.x0));
      marks.push(
        ...lines(
          "search-lbl",
          search,
          ends[1][0] - t.small * 0.3,
          L.y - (search.length - 1) * t.label * LINE + t.label * 0.35,
          t.label,
          "lbl lbl-link",
          "end",
        ),
      );
    } else {
      marks.push({
        key: "link-tsmc",
        tag: "line",
        attrs: { x1: r1(ends[0][0]), y1: r1(ends[0][1]), x2: r1(ends[1][0]), y2: r1(ends[1][1]), class: "arc" },
        enter: { opacity: 0 },
      });
      const mid = (ends[0][0] + ends[1][0]) / 2;
      const talk = wrapWidth(ctx.t(state === "tsmc" ? "talks" : "talks-short"), t.small, L.room);
      marks.push(
        ...lines("link-tsmc-lbl", talk, mid, L.y - t.small * 0.9 - (talk.length - 1) * t.small * LINE, t.small, "lbl lbl-link", "middle"),
      );
      // The chipmakers: TSMC's ring first, the other big chipmakers' fainter rings behind it (the article names
      // none of them and gives no number: two rings stand for "others", as their words under them say).
      for (const [i, x] of L.rest.entries()) marks.push(withOpacity(dot(`others-${i}`, x, L.y, R * 1.9, "marker marker-ring"), 0.55));
      marks.push(dot("tsmc", tsmc[0], tsmc[1], R * 1.9, "marker marker-ring"));
      // Their names under the rings, right of TSMC's, where its answers' stem leaves them clear.
      const ny = L.y + t.label * 1.35;
      marks.push(...lines("tsmc-lbl", [ctx.t("tsmc")], tsmc[0] + R * 1.3, ny, t.label, "lbl lbl-strong"));
      marks.push(...lines("others-lbl", L.othersWords, tsmc[0] + R * 1.3, ny + t.small * LINE, t.small, "lbl lbl-muted"));
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
      marks.push(...publicPanel(ctx, panels, state === "refusal" && L.most));
      if (state === "promise") marks.push(...privatePanel(ctx, panels.private));
    }
    marks.push(...caption.marks);
    return marks;
  },
});

/**
 * Where everything stands, the same in every state. The locator: a framed inset in the top left corner (a third of
 * a wide figure, half the phone's). The row: under the locator where the answers leave room for it, else level
 * with the locator's middle, beside it. On it, OpenAI's dot at the right (its name beside it, NVIDIA's under it),
 * the chipmakers' rings at the left, TSMC's first, its name and the others' under them; the answers under the row.
 */
function layoutOf(ctx: SceneContext, plot: Box) {
  const t = typeOf(ctx);
  const r = t.label * 0.42;
  const gap = Math.max(t.pad, t.small);
  // OpenAI's dot: far enough from the right for its and NVIDIA's names and NVIDIA's role (wrapped).
  const roleW = Math.max(textWidth(ctx.t("nvidia"), t.label, true), textWidth(ctx.t("openai"), t.label, true));
  // (in two lines at most: a third would push the answers down)
  const roleText = ctx.t("nvidia-role");
  const longest = Math.max(...roleText.split(/\s+/).map((word) => textWidth(word, t.small)));
  const roleMax = Math.max(roleW, longest, textWidth(roleText, t.small) * 0.56);
  const role = wrapWidth(ctx.t("nvidia-role"), t.small, roleMax);
  const names = Math.max(roleW, ...role.map((l) => textWidth(l, t.small)));
  const hx = plot.x1 - names - r * 1.9 - 2;
  const nStep = t.label * 0.35 + t.small * 0.3 + t.label * 1.3;
  // The chipmakers' rings: the others' behind TSMC's, close together; their names under them,
  // wrapped to the room left before NVIDIA's.
  const ring = r * 0.95;
  const step = ring * 2 + r * 0.6;
  const need = panelsHeight(ctx, plot.x0, plot.x1);
  const locator = (share: number) => {
    const w = (plot.x1 - plot.x0) * share;
    const m = t.least * 0.5;
    let view = viewOf(ctx.layout, BOX, { x0: plot.x0 + m, y0: plot.y0 + m, x1: plot.x0 + w - m, y1: plot.y0 + w });
    const frame = boxFrame(ctx.layout, view);
    view = { ...view, tx: r1(view.tx + plot.x0 + m - frame.x0), ty: r1(view.ty + plot.y0 + m - frame.y0) };
    const band: Box = { x0: plot.x0, y0: plot.y0, x1: plot.x0 + w, y1: plot.y0 + (frame.y1 - frame.y0) + m * 2 };
    return { view, band };
  };
  const rowAt = (band: Box, below: boolean) => {
    const x0 = below ? plot.x0 : band.x1 + gap;
    const rest = [0, 1].map((i) => x0 + ring + 1 + i * step);
    const tx = rest[1]! + step;
    // The talks' words over the line, centred on it: as wide as the line (beside the locator, a short line, as
    // wide as the room between the locator and the figure's edge), as many lines as they take.
    const mid = (tx + hx) / 2;
    const room = below ? (hx - tx - r * 3.2) * 0.94 : 2 * Math.min(mid - band.x1 - t.small * 0.5, plot.x1 - mid);
    const over = t.small * (0.9 + 0.9) + (wrapWidth(ctx.t("talks"), t.small, room).length - 1) * t.small * LINE;
    const othersWords = wrapWidth(ctx.t("others"), t.small, hx - r * 1.6 - gap - (tx + r * 1.3));
    const foot =
      Math.max(nStep + t.label * 0.35 + role.length * t.small * LINE, t.label * 1.35 + othersWords.length * t.small * LINE) + t.small * 0.3;
    // (Beside the locator the line is short: its words take up to three lines.)
    const y = below ? band.y1 + gap * 0.6 + over : Math.max((band.y0 + band.y1) / 2, plot.y0 + over);
    // (The public answer's note on the other executives stands a little lower than panelsHeight counts.)
    const fits = y + foot + gap * 0.8 + need + t.small <= plot.y1;
    return { rest, tx, othersWords, y, foot, fits, room };
  };
  // The locator as wide as the figure where the row and the answers still fit under it (a tall stage), else
  // narrower; where not even a third of the width leaves them room, the row beside the locator (a short stage).
  const shares = ctx.layout === "land" ? [0.4] : ctx.layout === "print" ? [0.36] : [1, 0.8, 0.6, 0.36];
  let pick = locator(shares.at(-1)!);
  let row = rowAt(pick.band, false);
  for (const share of shares) {
    const at = locator(share);
    const below = rowAt(at.band, true);
    if (below.fits) {
      pick = at;
      row = below;
      break;
    }
  }
  const { view, band } = pick;
  const { rest, tx, othersWords, y, foot, room } = row;
  const panels: Panels = splitPanels(ctx, { x0: plot.x0, y0: Math.max(y + foot, band.y1) + gap * 0.8, x1: plot.x1, y1: plot.y1 });
  // Where even beside the locator the answers leave no room for the refusal's note on the other executives (a
  // phone on its side), the note is left to the prose, which says it.
  const most = panels.public.y0 + need + t.small <= plot.y1;
  return { view, band, r, hx, y, nStep, role, rest, tx, others: tx, othersWords, room, panels, most };
}

/**
 * The locator's own marks: each company's dot at its headquarters (NVIDIA's beside OpenAI's along the bearing to
 * Santa Clara, a dot's width apart at this scale), each named; Taiwan and California named; the sea where clear.
 */
function locatorMarks(ctx: SceneContext, view: View, band: Box): Mark[] {
  const t = typeOf(ctx);
  // The screen's least size; on paper the small size, the least any printed word may be (8 pt: tests/e2e/pdf.spec.ts).
  // On the phone's stage too: its least size comes out under 12 px at 390 px wide.
  const size = ctx.layout === "print" || ctx.layout === "square" ? t.small : t.least;
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
    // The sea's name keeps a wider berth: the names it might run into are bold, wider than their estimate.
    const berth = cls.includes("lbl-sea") ? size * 0.8 : 0;
    const wide = (b: Box): Box => ({ x0: b.x0 - berth, y0: b.y0, x1: b.x1 + berth, y1: b.y1 });
    const ok = (c: (typeof tries)[number]) => inside(boxOf(c), bounds) && !obstacles.some((o) => overlaps(wide(boxOf(c)), o));
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
  // Taiwan under its ring; California over the Bay's names, else (a small locator, the Bay near its top) east of
  // the dots, on the land, or under the Bay's names: never past the frame (review 40 saw it spill on the phone).
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
      { x: band.x1 - 2, y: sf[1] - size * 1.05, anchor: "end" },
      { x: sf[0] + r * 2, y: sf[1] - size * 1.05, anchor: "end" },
      { x: Math.max(sf[0], nv[0]) + r * 2.2, y: sf[1] + size * 0.35, anchor: "start" },
      { x: band.x1 - 2, y: nv[1] + size * 2.1, anchor: "end" },
      { x: nv[0] - r * 2, y: nv[1] + size * 2.1, anchor: "end" },
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

/**
 * The map, seen only through the locator's window (a nested svg that clips it to the frame): the land is the
 * world's, placed by the view's transform, and nothing of it is ever drawn past the frame, even while the whole
 * window fades in at a chapter change (review 40 saw, at 150-350 ms into the change from chapter 1, the faded
 * world fill the stage: the page-coloured caps that hid it outside the frame were fading in with it). Only the
 * window fades: the group and the land in it enter whole.
 */
function mapWindow(view: View, band: Box, ctx: SceneContext): Mark {
  const [x, y, width, height] = [band.x0, band.y0, band.x1 - band.x0, band.y1 - band.y0].map(r1) as [number, number, number, number];
  return {
    key: "map",
    tag: "svg",
    attrs: { x, y, width, height, viewBox: `${x} ${y} ${width} ${height}` },
    children: [
      {
        key: "view",
        tag: "g",
        attrs: { transform: transformOf(ctx.layout, view) },
        enter: { opacity: 1 },
        children: [{ key: "land", tag: "use", attrs: { href: `#${ctx.symbol("land")}`, class: "land" }, enter: { opacity: 1 } }],
      },
    ],
  };
}
