// Geometry shared by scenes (today the world map): defined once for the whole
// site, drawn once per page into a hidden sprite, referenced by marks through
// `<use href="#geo-…">`. Because the ids do not depend on the scene, the map of
// one chapter can move into the next chapter's map instead of being swapped.

import type { Mark, SymbolDef } from "../story/types.ts";
import { worldSymbols } from "./world.ts";

/** The id a mark uses to reference a shared shape. */
export const symbolId = (name: string): string => `geo-${name}`;

/** A rectangle of a shape's own coordinates: the part of it some figure shows. */
export interface Frame {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const GEOMETRY: Record<string, (seen?: ReadonlyMap<string, Frame>) => SymbolDef[]> = {
  world: (seen) => worldSymbols(symbolId, seen),
};

export const geometryNames = (): string[] => Object.keys(GEOMETRY);

/**
 * The shapes of the named geometries, each once. With `seen` (per symbol id, the
 * part of it any figure shows, see framesSeen), each shape is cut to that part:
 * the page carries no coastline no figure ever shows.
 */
export function geometryDefs(names: Iterable<string>, seen?: ReadonlyMap<string, Frame>): SymbolDef[] {
  const defs: SymbolDef[] = [];
  for (const name of new Set(names)) {
    const make = GEOMETRY[name];
    if (!make) throw new Error(`unknown shared geometry "${name}" (known: ${geometryNames().join(", ")})`);
    defs.push(...make(seen));
  }
  return defs;
}

/** A zoom transform ("translate(x,y) scale(k)", as world.ts transformOf writes it) as [x, y, k]; null for any other. */
export function zoomOf(transform: string): [number, number, number] | null {
  const m = /^translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)$/.exec(transform);
  return m ? (m.slice(1).map(Number) as [number, number, number]) : null;
}

/**
 * Adds to `seen` the part of each referenced shape that a figure of `width` ×
 * `height` shows: the figure's frame mapped back through the transform
 * ("translate(x,y) scale(k)") of the group around the `<use>`. Transitions
 * interpolate translate and scale between two states, so the frames they pass
 * through stay within the box of the two ends: one box per symbol covers them.
 */
export function framesSeen(
  marks: readonly Mark[],
  width: number,
  height: number,
  seen: Map<string, Frame>,
  within: Frame = { x0: 0, y0: 0, x1: width, y1: height },
): void {
  for (const m of marks) {
    let frame = within;
    if (m.tag === "svg") {
      // A window: its children show only inside its box (its viewBox the same box: the figure's coordinates).
      const { x, y, width: w, height: h } = m.attrs;
      if (String(m.attrs.viewBox) !== `${x} ${y} ${w} ${h}`)
        throw new Error(`framesSeen: the window "${m.key}" has a viewBox other than its box`);
      frame = { x0: Math.max(within.x0, x), y0: Math.max(within.y0, y), x1: Math.min(within.x1, x + w), y1: Math.min(within.y1, y + h) };
    }
    const t = m.tag === "g" ? m.attrs.transform : undefined;
    if (t !== undefined) {
      const zoom = zoomOf(String(t));
      if (!zoom) throw new Error(`framesSeen: cannot read the transform "${t}" of mark "${m.key}"`);
      const [tx, ty, k] = zoom;
      frame = { x0: (within.x0 - tx) / k, y0: (within.y0 - ty) / k, x1: (within.x1 - tx) / k, y1: (within.y1 - ty) / k };
    }
    if (m.tag === "use") {
      const id = String(m.attrs.href ?? "").replace(/^#/, "");
      const had = seen.get(id);
      seen.set(
        id,
        had
          ? {
              x0: Math.min(had.x0, frame.x0),
              y0: Math.min(had.y0, frame.y0),
              x1: Math.max(had.x1, frame.x1),
              y1: Math.max(had.y1, frame.y1),
            }
          : frame,
      );
    }
    if (m.children) framesSeen(m.children, width, height, seen, frame);
  }
}
