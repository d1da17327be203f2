// Scene "hunt": Altman's search for chips, on a Pacific-centred world map.
// Each state points the camera at the region its step is about (a zoom on the
// shared world geometry): OpenAI and NVIDIA in California, then TSMC across the
// Pacific. Companies are dots at their headquarters (places in the facts file,
// outside the article), and the caption says so. Dots, arcs and labels are
// placed through the same projection as the map, labels beside their marks.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, r1 } from "./shapes.ts";
import { arcLabel, arcObstacles, captionStrip, LINE, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { wrapWidth } from "./text.ts";
import { edgeFades, place, transformOf, viewOf, type Country, type View } from "./world.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
type State = (typeof STATES)[number];

/** Camera per state: the lon/lat box [west, south, east, north] its step is about. */
const VIEWS: Record<State, [number, number, number, number]> = {
  origin: [-127, 32.5, -114.5, 42.5],
  tsmc: [113, 14, -114, 47],
  refusal: [113, 14, -114, 47],
  promise: [113, 14, -114, 47],
};

const HIGHLIGHT: Record<State, Country[]> = {
  origin: [],
  tsmc: ["usa", "taiwan"],
  refusal: ["usa", "taiwan"],
  promise: ["usa", "taiwan"],
};

interface Node {
  key: string;
  place: string;
  label: string;
  cls?: ClassList;
  strong?: boolean;
  prefer?: PointLabel["prefer"];
}

export const hunt = defineScene({
  id: "hunt",
  states: STATES,
  geometry: ["world"],
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const view = viewOf(ctx.layout, VIEWS[state], plot);
    const at = (id: string) => place(ctx.layout, view, ctx.place(id));
    const r = t.label * 0.36;

    const nodes: Node[] = [{ key: "hero", place: "openai-hq", label: ctx.t("openai"), cls: "marker marker-hero", strong: true }];
    const arcs: { key: string; from: string; to: string; bend: number; cls: ClassList; text?: string }[] = [];
    if (state === "origin") {
      nodes[0]!.prefer = ["left", "above-left"];
      nodes.push({
        key: "nvidia",
        place: "nvidia-hq",
        label: ctx.t("nvidia"),
        strong: true,
        prefer: ["right", "below-right"],
      });
      arcs.push({ key: "link-nvidia", from: "nvidia", to: "hero", bend: 0.6, cls: "arc arc-strong", text: ctx.t("dependence") });
    }
    if (state === "tsmc" || state === "refusal" || state === "promise") {
      nodes[0]!.prefer = ["below", "right"];
      nodes.push({
        key: "tsmc",
        place: "tsmc-hq",
        label: ctx.t("tsmc"),
        strong: true,
        cls: "marker",
        prefer: ["below", "left"],
      });
      const text = state === "tsmc" ? ctx.t("talks") : state === "refusal" ? ctx.t("refusal") : ctx.t("offer");
      // Talks held: solid. Refused in public: grey (TSMC's dot stays filled: in private it named its terms, and
      // the open ring means "unnamed" or "not yet" elsewhere). The private offer depends on large orders, so it
      // is only on the table: dashed, as the caption says.
      const cls = state === "refusal" ? "arc arc-grey" : state === "promise" ? "arc arc-broken" : "arc";
      arcs.push({ key: "link-tsmc", from: "hero", to: "tsmc", bend: -0.16, cls, text });
    }
    const pos = new Map(nodes.map((n) => [n.key, at(n.place)]));
    const marks: Mark[] = [mapGroup(state, view, ctx)];
    const obstacles: Box[] = [];
    // Arcs first (under the dots), and their paths as obstacles for every label.
    const arcLabels: PointLabel[] = [];
    for (const a of arcs) {
      const p = pos.get(a.from)!;
      const q = pos.get(a.to)!;
      marks.push(link(a.key, p, q, a.cls, a.bend));
      arcObstacles(p, q, a.bend, obstacles);
      if (a.text) arcLabels.push(arcLabel(ctx, a.key, a.text, p, q, a.bend, ["above", "below"]));
    }
    for (const n of nodes) {
      const [x, y] = pos.get(n.key)!;
      const cls = n.cls ?? "marker";
      const size = r * 2;
      marks.push(dot(n.key, x, y, size, cls));
      obstacles.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
    }
    if (state === "promise") marks.push(...fabs(pos.get("tsmc")!, t.label, ctx, obstacles, plot));
    const pointLabels: PointLabel[] = nodes.map((n) => {
      const [x, y] = pos.get(n.key)!;
      return {
        key: `${n.key}-lbl`,
        text: n.label,
        x,
        y,
        r,
        size: t.label,
        // Map labels, over land and coasts: the one place labels keep a halo.
        cls: n.cls?.includes("muted") ? "lbl lbl-muted lbl-halo" : n.strong ? "lbl lbl-strong lbl-halo" : "lbl lbl-halo",
        prefer: n.prefer,
        maxWidth: (plot.x1 - plot.x0) * 0.38,
      };
    });
    marks.push(...placeLabels([...pointLabels, ...arcLabels], obstacles, plot).marks);
    marks.push(...caption.marks);
    return marks;
  },
});

function mapGroup(state: State, view: View, ctx: SceneContext): Mark {
  return {
    key: "map",
    tag: "g",
    attrs: { transform: transformOf(ctx.layout, view) },
    children: [
      { key: "land", tag: "use", attrs: { href: `#${ctx.symbol("land")}`, class: "land" } },
      ...HIGHLIGHT[state].map((c): Mark => ({ key: `c-${c}`, tag: "use", attrs: { href: `#${ctx.symbol(c)}`, class: "land land-hi" } })),
      ...edgeFades(ctx.symbol),
    ],
  };
}

/** Schematic: the fabs TSMC already runs take the orders; the dozens of new ones stay unbuilt (outlined). */
function fabs(ts: [number, number], size: number, ctx: SceneContext, obstacles: Box[], plot: Box): Mark[] {
  const t = typeOf(ctx);
  const s = size * 0.8;
  const x0 = Math.min(ts[0] + size * 1.2, plot.x1 - 6 * s * 1.3 - s * 0.4);
  const y0 = ts[1] + size * 2.2;
  const marks: Mark[] = [];
  for (let i = 0; i < 3; i++) {
    marks.push({ key: `fab-${i}`, tag: "rect", attrs: { x: r1(x0 + i * s * 1.3), y: r1(y0), width: r1(s), height: r1(s), class: "fab" } });
    marks.push({
      key: `newfab-${i}`,
      tag: "rect",
      attrs: { x: r1(x0 + (i + 3) * s * 1.3 + s * 0.4), y: r1(y0), width: r1(s), height: r1(s), class: "fab fab-new" },
    });
  }
  const text = wrapWidth(ctx.t("fabs"), t.small, Math.max(6 * s * 1.3, (plot.x1 - plot.x0) * 0.4));
  const ty = y0 + s + t.small * 1.1;
  obstacles.push({ x0, y0, x1: x0 + 6 * s * 1.3 + s * 0.4, y1: ty + (text.length - 1) * t.small * LINE + t.small * 0.3 });
  return [...marks, ...lines("fabs-lbl", text, x0, ty, t.small, "lbl lbl-note")];
}
