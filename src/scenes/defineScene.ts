// Typed helper so a scene's state list stays a union of literals.
import type { Scene } from "../story/types.ts";

export function defineScene<const S extends string>(scene: Scene<S>): Scene<S> {
  return scene;
}
