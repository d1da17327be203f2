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

export const scenes: Record<string, Scene> = Object.fromEntries(
  [chain, hunt, company, trillions, rivals, unknowns, team, hbm].map((s) => [s.id, s as Scene]),
);
