// Scene "hunt": Altman's search for chip capacity on a Pacific-centred world map.
// States move the camera (a zoom transform on the shared land symbol) and add
// the companies and governments he talked to. Markers stand for countries, not
// sites, and the figure says so. Words come from labels, numbers from facts.

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, label, link, linkPoint, r1 } from "./shapes.ts";
import { mapExtent, place, transformOf, viewOf, type Country, type View } from "./world.ts";

const STATES = ["origin", "tsmc", "refusal", "promise", "partners"] as const;
type State = (typeof STATES)[number];

/** Where each marker sits (lon, lat): inside its country, not at a real site. */
const SPOTS = {
  openai: [-121, 38],
  nvidia: [-95, 39],
  commerce: [-82, 38],
  tsmc: [121, 23.7],
  korea: [127.8, 36.4],
  japan: [138.5, 36.2],
  uae: [54.3, 24],
} as const satisfies Record<string, [number, number]>;

/** Camera per state: a lon/lat box, or null for the whole map. */
const VIEWS: Record<State, [number, number, number, number] | null> = {
  origin: [-128, 22, -62, 52],
  tsmc: [95, 5, -60, 55],
  refusal: [95, 5, -60, 55],
  promise: [95, 5, -60, 55],
  partners: null,
};

const HIGHLIGHT: Record<State, Country[]> = {
  origin: ["usa"],
  tsmc: ["usa", "taiwan"],
  refusal: ["usa", "taiwan"],
  promise: ["usa", "taiwan"],
  partners: ["usa", "taiwan", "korea", "japan", "uae"],
};

export const hunt = defineScene({
  id: "hunt",
  states: STATES,
  geometry: ["world"],
  // The OpenAI dot becomes the $7 trillion bar of the next chapter.
  hands: ["hero"],
  marks(state, ctx) {
    const view = state === "partners" ? partnersView(ctx) : viewOf(ctx.layout, VIEWS[state]);
    const size = ctx.layout === "wide" ? 24 : 26;
    const at = (spot: keyof typeof SPOTS) => place(ctx.layout, view, SPOTS[spot]);
    const marks: Mark[] = [mapGroup(state, view, ctx)];

    const openai = at("openai");
    marks.push(dot("hero", openai[0], openai[1], size * 0.9, "marker marker-hero"));
    const left = state === "origin";
    marks.push(
      ...label(
        "openai",
        ctx.t("openai"),
        left ? openai[0] - size * 0.8 : openai[0],
        left ? openai[1] + size * 0.35 : openai[1] + size * 1.6,
        { size, anchor: left ? "end" : "middle", cls: "lbl lbl-strong" },
      ),
    );

    if (state === "origin") {
      const nv = at("nvidia");
      marks.push(dot("nvidia", nv[0], nv[1], size * 0.8, "marker"));
      marks.push(...label("nvidia-lbl", ctx.t("nvidia"), nv[0] + size * 0.8, nv[1] + size * 0.35, { size, cls: "lbl lbl-strong" }));
      marks.push(link("link-nvidia", openai, nv, "arc arc-strong", 0.3));
      const mid = linkPoint(openai, nv, 0, 0.5);
      marks.push(
        ...label("link-nvidia-lbl", ctx.t("dependence"), mid[0], mid[1] + size * 1.8, {
          size: size * 0.85,
          anchor: "middle",
          maxChars: 22,
        }),
      );
    }

    if (state === "tsmc" || state === "refusal" || state === "promise") {
      const ts = at("tsmc");
      const cls = state === "refusal" ? "arc arc-broken" : state === "promise" ? "arc arc-strong" : "arc";
      marks.push(link("link-tsmc", openai, ts, cls, -0.18));
      marks.push(dot("tsmc", ts[0], ts[1], size * 0.8, state === "refusal" ? "marker marker-no" : "marker"));
      marks.push(...label("tsmc-lbl", ctx.t("tsmc"), ts[0], ts[1] + size * 1.6, { size, anchor: "middle", cls: "lbl lbl-strong" }));
      const mid = linkPoint(openai, ts, -0.18, 0.5);
      const text = state === "tsmc" ? ctx.t("talks") : state === "refusal" ? ctx.t("refusal") : ctx.t("offer");
      marks.push(
        ...label("link-tsmc-lbl", text, mid[0], mid[1] - size * 0.9, {
          size: size * 0.85,
          anchor: "middle",
          maxChars: ctx.layout === "wide" ? 34 : 24,
          growUp: true,
        }),
      );
      if (state === "promise") marks.push(...fabs(ts, size, ctx));
    }

    if (state === "partners") marks.push(...partners(view, openai, size, ctx));

    marks.push(...label("note", ctx.t("note"), 12, ctx.height - 14, { size: size * 0.75, cls: "note" }));
    return marks;
  },
});

function mapGroup(state: State, view: View, ctx: SceneContext): Mark {
  const hi = HIGHLIGHT[state];
  return {
    key: "map",
    tag: "g",
    attrs: { transform: transformOf(ctx.layout, view), class: "map" },
    children: [
      { key: "land", tag: "use", attrs: { href: `#${ctx.symbol("land")}`, class: "land" } },
      ...hi.map((c): Mark => ({ key: `c-${c}`, tag: "use", attrs: { href: `#${ctx.symbol(c)}`, class: "land land-hi" } })),
    ],
  };
}

/** Schematic: existing fabs (solid) take the orders, new ones (outlined) stay unbuilt. */
function fabs(ts: [number, number], size: number, ctx: SceneContext): Mark[] {
  const s = size * 0.9;
  const x0 = ts[0] - s * 3.2;
  const y0 = ts[1] + size * 3;
  const marks: Mark[] = [];
  for (let i = 0; i < 3; i++) {
    marks.push({ key: `fab-${i}`, tag: "rect", attrs: { x: x0 + i * s * 1.3, y: y0, width: s, height: s, class: "fab" } });
    marks.push({
      key: `newfab-${i}`,
      tag: "rect",
      attrs: { x: x0 + (i + 3) * s * 1.3 + s * 0.4, y: y0, width: s, height: s, class: "fab fab-new" },
    });
  }
  marks.push(
    ...label("fabs-lbl", ctx.t("fabs"), x0, y0 + s * 2.2, { size: size * 0.75, maxChars: ctx.layout === "wide" ? 40 : 30, cls: "note" }),
  );
  return marks;
}

/** The whole map, lifted to the top so the partner labels get rows below it. */
function partnersView(ctx: SceneContext): View {
  const [top] = mapExtent(ctx.layout);
  return { k: 1, tx: 0, ty: Math.round(ctx.layout === "wide" ? 8 - top : 12 - top) };
}

/**
 * Partners: each dot gets a leader line down to its own row under the map.
 * The rightmost dot takes the top row, so no line crosses another's label.
 */
function partners(view: View, openai: [number, number], size: number, ctx: SceneContext): Mark[] {
  const keys = ["uae", "korea", "japan", "commerce"] as const;
  const s = size * 0.85;
  const lh = s * 1.35;
  const [, bottom] = mapExtent(ctx.layout);
  const firstRow = bottom + view.ty + s * 1.8;
  const placed = keys.map((key) => ({ key, p: place(ctx.layout, view, SPOTS[key]) })).sort((a, b) => b.p[0] - a.p[0]);
  const marks: Mark[] = [];
  placed.forEach(({ key, p }, row) => {
    const y = firstRow + row * lh;
    const text = ctx.t(key);
    const fitsRight = p[0] + text.length * s * 0.5 < ctx.width - 8;
    marks.push(link(`link-${key}`, openai, p, "arc", key === "commerce" ? 0.3 : -0.12));
    marks.push({
      key: `lead-${key}`,
      tag: "line",
      attrs: { x1: r1(p[0]), y1: r1(p[1] + size * 0.4), x2: r1(p[0]), y2: r1(y - s * 0.9), class: "leader" },
      enter: { opacity: 0 },
    });
    marks.push(dot(key, p[0], p[1], size * 0.7, "marker"));
    marks.push(
      ...label(`${key}-lbl`, text, fitsRight ? p[0] - 3 : p[0] + 3, y, { size: s, anchor: fitsRight ? "start" : "end", cls: "lbl" }),
    );
  });
  const ts = place(ctx.layout, view, SPOTS.tsmc);
  marks.push(dot("tsmc", ts[0], ts[1], size * 0.7, "marker marker-muted"));
  return marks;
}
