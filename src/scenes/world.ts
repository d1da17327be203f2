// The world map shared by map scenes: one Pacific-centred projection per layout,
// the land as a shared symbol (drawn once per page, from world-atlas at 1:50m,
// cut to the part some figure shows), and views as a transform, so a view never
// redraws coastlines.

import { geoEqualEarth, geoPath, type GeoProjection, type GeoStream } from "d3-geo";
import { merge } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import world from "world-atlas/countries-50m.json" with { type: "json" };
import type { Layout, SymbolDef } from "../story/types.ts";
import type { Frame } from "./geometry.ts";
import { LAYOUTS } from "../story/config.ts";
import { compactPath } from "./pathData.ts";
import { r1 } from "./shapes.ts";

const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
const ANTARCTICA = "010";
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

/** In the base projection's units: the least step a coastline takes, and the least island drawn (about a pixel at the maps' zoom). */
const STEP = 0.8;
const ISLAND = 1.2;

/**
 * A projection whose lines drop each point nearer than STEP to the last one kept,
 * and whose polygons drop rings smaller than ISLAND: 1:50m detail where the zoom
 * shows it, without the points no screen can draw.
 */
function thinned(p: GeoProjection): { stream: (out: GeoStream) => GeoStream } {
  return {
    stream(out) {
      let ring: [number, number][] | null = null;
      let polygon = false;
      const thin: GeoStream = {
        point(x, y) {
          if (ring) ring.push([x, y]);
          else out.point(x, y);
        },
        lineStart() {
          ring = [];
        },
        lineEnd() {
          const pts = ring!;
          ring = null;
          const kept: [number, number][] = [];
          for (const q of pts) {
            const last = kept.at(-1);
            if (!last || Math.hypot(q[0] - last[0], q[1] - last[1]) >= STEP) kept.push(q);
          }
          if (pts.length && kept.at(-1) !== pts.at(-1)) kept.push(pts.at(-1)!);
          const xs = kept.map((q) => q[0]);
          const ys = kept.map((q) => q[1]);
          const small = Math.max(...xs) - Math.min(...xs) < ISLAND && Math.max(...ys) - Math.min(...ys) < ISLAND;
          if (polygon && (kept.length < 4 || small)) return;
          out.lineStart();
          for (const [x, y] of kept) out.point(x, y);
          out.lineEnd();
        },
        polygonStart() {
          polygon = true;
          out.polygonStart();
        },
        polygonEnd() {
          polygon = false;
          out.polygonEnd();
        },
        sphere() {
          out.sphere?.();
        },
      };
      return p.stream(thin);
    },
  };
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
    const path = geoPath(thinned(cut)).digits(1);
    // relative points: the same coastline in a tenth fewer bytes of the page (pathData.ts)
    return (f: Parameters<typeof path>[0]) => compactPath(path(f) ?? "");
  };
  const wanted = (sid: string) => !seen || seen.has(sid);
  // (A map is seen through a window that clips it, hunt.ts mapWindow: no fades or caps over its edges.)
  return wanted(id("land")) ? [{ id: id("land"), d: pathFor(id("land"))(land) }] : [];
}

export interface View {
  k: number;
  tx: number;
  ty: number;
}

/** The rectangle the lon/lat box [west, south, east, north] covers in a layout's projection (no view). */
function boxExtent(layout: Layout, box: [number, number, number, number]): Frame {
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
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/**
 * A view that fits the lon/lat box [west, south, east, north] into `area`, as
 * large as it goes, centred: the box is what must show, and the map goes on
 * past it to the area's edges (the window, where it fades into the page).
 */
export function viewOf(layout: Layout, box: [number, number, number, number], area: Frame): View {
  const { x0, x1, y0, y1 } = boxExtent(layout, box);
  const k = Math.floor(Math.min((area.x1 - area.x0) / (x1 - x0), (area.y1 - area.y0) / (y1 - y0)) * 1000) / 1000;
  return { k, tx: r1((area.x0 + area.x1) / 2 - (k * (x0 + x1)) / 2), ty: r1((area.y0 + area.y1) / 2 - (k * (y0 + y1)) / 2) };
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
