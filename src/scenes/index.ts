// The registry of scenes: a chapter's `scene:` must name one of these.
import type { Scene } from "../story/types.ts";
import { hunt } from "./hunt.ts";
import { trillions } from "./trillions.ts";

export const scenes: Record<string, Scene> = Object.fromEntries([hunt, trillions].map((s) => [s.id, s as Scene]));
