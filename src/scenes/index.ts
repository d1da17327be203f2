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

const LIST = [chain, hunt, company, trillions, rivals, unknowns, team, hbm] as const;
type Listed = (typeof LIST)[number];

/** Every scene by its id, each with its own state names: `registry.hunt.states` is `readonly ("origin" | "tsmc" | …)[]`. */
export const registry = Object.fromEntries(LIST.map((s) => [s.id, s])) as { [S in Listed as S["id"]]: S };
export type SceneId = keyof typeof registry;
/** The state names of one scene. */
export type StateOf<Id extends SceneId> = (typeof registry)[Id]["states"][number];

/** The same scenes, looked up by the name a chapter gives (a string from content/, checked by the loader). */
export const scenes: Readonly<Record<string, Scene>> = registry;
