// The world map shared by map scenes: one Pacific-centred projection per layout,
// the land and a few highlighted countries as shared symbols (drawn once per
// page), and zoom views as a transform, so zooming never redraws coastlines.

import { geoEqualEarth, geoPath, type GeoProjection } from "d3-geo";
import { feature, merge } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { FeatureCollection, Feature } from "geojson";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import type { Layout, Mark, SymbolDef } from "../story/types.ts";
import type { Frame } from "./geometry.ts";
import { LAYOUTS } from "../story/config.ts";
import { compactPath } from "./pathData.ts";
import { r1 } from "./shapes.ts";

const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
const ANTARCTICA = "010";
/** ISO 3166 numeric ids of countries the story highlights. */
export const COUNTRIES = { usa: "840", taiwan: "158", korea: "410", japan: "392", uae: "784" } as const;
export type Country = keyof typeof COUNTRIES;

const countries = feature(topo, topo.objects.countries) as FeatureCollection;
const land = merge(topo, topo.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA) as never);

const cache = new Map<Layout, GeoProjection>();
export function projection(layout: Layout): GeoProjection {
  let p = cache.get(layout);
  if (!p) {
    const { width, height } = LAYOUTS[layout];
    p = geoEqualEarth()
      .rotate([-160, 0])
      .fitExtent(
        [
          [8, 8],
          [width - 8, height - 8],
        ],
        land,
      );
    cache.set(layout, p);
  }
  return p;
}

/**
 * Coastlines are drawn once, in the print layout's projection; every other layout
 * reuses them through a scale and offset (same projection, other fit), so the
 * page carries one copy of the map.
 */
const BASE: Layout = "print";
function baseOf(layout: Layout): { f: number; ox: number; oy: number } {
  const b = projection(BASE);
  const p = projection(layout);
  const f = p.scale() / b.scale();
  const [bx, by] = b.translate();
  const [px, py] = p.translate();
  return { f, ox: px - f * bx, oy: py - f * by };
}

/** Room kept beyond the part of a shape a figure shows (base layout units), so no cut edge is ever in sight. */
const CUT_MARGIN = 24;

/**
 * The shapes, each cut to the part of it that some figure shows (`seen`, in the
 * base projection's coordinates; see geometry.ts framesSeen). A shape no figure
 * shows is left out; without `seen` (tests, tools) every shape is whole.
 */
export function worldSymbols(id: (name: string) => string, seen?: ReadonlyMap<string, Frame>): SymbolDef[] {
  const pathFor = (sid: string) => {
    const p = projection(BASE);
    const frame = seen?.get(sid);
    const cut = frame
      ? geoEqualEarth()
          .rotate(p.rotate())
          .scale(p.scale())
          .translate(p.translate())
          .clipExtent([
            [frame.x0 - CUT_MARGIN, frame.y0 - CUT_MARGIN],
            [frame.x1 + CUT_MARGIN, frame.y1 + CUT_MARGIN],
          ])
      : p;
    const path = geoPath(cut).digits(1);
    // relative points: the same coastline in a tenth fewer bytes of the page (pathData.ts)
    return (f: Parameters<typeof path>[0]) => compactPath(path(f) ?? "");
  };
  const wanted = (sid: string) => !seen || seen.has(sid);
  const defs: SymbolDef[] = wanted(id("land")) ? [{ id: id("land"), d: pathFor(id("land"))(land) }] : [];
  for (const [name, iso] of Object.entries(COUNTRIES)) {
    const f = countries.features.find((c: Feature) => c.id === iso);
    if (!f) throw new Error(`world-atlas has no country ${iso}`);
    if (wanted(id(name))) defs.push({ id: id(name), d: pathFor(id(name))(f) });
  }
  defs.push({ id: id("fade-n"), fade: "down" }, { id: id("fade-s"), fade: "up" });
  return defs;
}

/**
 * The map's top and bottom edges fade into the page (Equal Earth cuts the poles
 * flat): marks for the map group, in the base projection's coordinates, so they
 * move with the map.
 */
export function edgeFades(id: (name: string) => string): Mark[] {
  const p = projection(BASE);
  const y = (lat: number) => r1(p([0, lat])![1]);
  const { width } = LAYOUTS[BASE];
  const span = { x: -width, width: width * 3 };
  return [
    { key: "cap-n", tag: "rect", attrs: { ...span, y: y(90) - 2000, height: 2000 + y(84) - y(90), class: "map-cap" } },
    { key: "fade-n", tag: "rect", attrs: { ...span, y: y(84), height: r1(y(64) - y(84)), fill: `url(#${id("fade-n")})` } },
    { key: "fade-s", tag: "rect", attrs: { ...span, y: y(-48), height: r1(y(-60) - y(-48)), fill: `url(#${id("fade-s")})` } },
    { key: "cap-s", tag: "rect", attrs: { ...span, y: y(-60), height: 2000, class: "map-cap" } },
  ];
}

export interface View {
  k: number;
  tx: number;
  ty: number;
}

/**
 * A zoom that fits the lon/lat box [west, south, east, north] into `plot` (the
 * part of the figure above its caption strip), centred. The map itself goes on
 * past the box to the figure's edges: it bleeds, it is never framed.
 */
export function viewOf(
  layout: Layout,
  box: [number, number, number, number],
  plot?: { x0: number; y0: number; x1: number; y1: number },
): View {
  const { width, height } = LAYOUTS[layout];
  const area = plot ?? { x0: 0, y0: 0, x1: width, y1: height };
  const p = projection(layout);
  const [w, s, e, n] = box;
  const pts: [number, number][] = [];
  const span = e > w ? e - w : e + 360 - w;
  for (let i = 0; i <= 8; i++) {
    const lon = w + (span * i) / 8;
    pts.push(p([lon, s])!, p([lon, n])!, p([lon, (s + n) / 2])!);
  }
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((area.x1 - area.x0) / (x1 - x0), (area.y1 - area.y0) / (y1 - y0));
  const cx = (area.x0 + area.x1) / 2;
  const cy = (area.y0 + area.y1) / 2;
  return { k: r1(k), tx: r1(cx - (k * (x0 + x1)) / 2), ty: r1(cy - (k * (y0 + y1)) / 2) };
}

/** Screen position of a lon/lat point under a view. */
export function place(layout: Layout, view: View, lonLat: [number, number]): [number, number] {
  const [x, y] = projection(layout)(lonLat)!;
  return [view.tx + view.k * x, view.ty + view.k * y];
}

/** The map group's transform: the layout's fit, then the view's zoom. */
export function transformOf(layout: Layout, v: View): string {
  const { f, ox, oy } = baseOf(layout);
  return `translate(${r1(v.tx + v.k * ox)},${r1(v.ty + v.k * oy)}) scale(${Math.round(v.k * f * 1e4) / 1e4})`;
}
