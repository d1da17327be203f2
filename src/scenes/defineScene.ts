// Typed helper so a scene's id and state list stay literals ("hunt"; "tsmc" | "refusal" | …):
// the registry (index.ts) keeps them, so a state name mistyped in code is a type error.
import type { Scene } from "../story/types.ts";

export function defineScene<const S extends string, const Id extends string>(scene: Scene<S, Id>): Scene<S, Id> {
  return scene;
}
