// Geometry shared by scenes (today the world map): defined once for the whole
// site, drawn once per page into a hidden sprite, referenced by marks through
// `<use href="#geo-…">`. Because the ids do not depend on the scene, the map of
// one chapter can move into the next chapter's map instead of being swapped.

import type { SymbolDef } from "../story/types.ts";
import { worldSymbols } from "./world.ts";

/** The id a mark uses to reference a shared shape. */
export const symbolId = (name: string): string => `geo-${name}`;

const GEOMETRY: Record<string, () => SymbolDef[]> = {
  world: () => worldSymbols(symbolId),
};

export const geometryNames = (): string[] => Object.keys(GEOMETRY);

/** The shapes of the named geometries, each once. */
export function geometryDefs(names: Iterable<string>): SymbolDef[] {
  const defs: SymbolDef[] = [];
  for (const name of new Set(names)) {
    const make = GEOMETRY[name];
    if (!make) throw new Error(`unknown shared geometry "${name}" (known: ${geometryNames().join(", ")})`);
    defs.push(...make());
  }
  return defs;
}
