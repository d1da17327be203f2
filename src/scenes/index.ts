// The registry of scenes: a chapter's `scene:` must name one of these.
import type { Scene } from "../story/types.ts";
import { chain } from "./chain.ts";
import { company } from "./company.ts";
import { hbm } from "./hbm.ts";
import { hunt } from "./hunt.ts";
import { rivals } from "./rivals.ts";
import { trillions } from "./trillions.ts";
import { team } from "./team.ts";
import { unknowns } from "./unknowns.ts";
import { withLineKey } from "./figure.ts";

/** A scene whose every drawing keeps its drawn line-style key only where it draws a status by line style (figure.ts). */
const keyed = <S extends Scene<string, string>>(scene: S): S => ({ ...scene, marks: (state, ctx) => withLineKey(scene.marks(state, ctx)) });

const LIST = [chain, hunt, company, trillions, rivals, unknowns, team, hbm].map(keyed) as unknown as readonly [
  typeof chain,
  typeof hunt,
  typeof company,
  typeof trillions,
  typeof rivals,
  typeof unknowns,
  typeof team,
  typeof hbm,
];
type Listed = (typeof LIST)[number];

/** Every scene by its id, each with its own state names: `registry.hunt.states` is `readonly ("origin" | "tsmc" | …)[]`. */
export const registry = Object.fromEntries(LIST.map((s) => [s.id, s])) as { [S in Listed as S["id"]]: S };
export type SceneId = keyof typeof registry;
/** The state names of one scene. */
export type StateOf<Id extends SceneId> = (typeof registry)[Id]["states"][number];

/** The same scenes, looked up by the name a chapter gives (a string from content/, checked by the loader). */
export const scenes: Readonly<Record<string, Scene>> = registry;
