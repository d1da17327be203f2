// Checks everything in content/ against the scenes and prints the first problem
// as "file:line: what is wrong / Fix: what would be right". Exit 1 on a problem.
// `npm run build` runs it first, so bad content never starts a build.

import { resolve } from "node:path";
import { loadStory } from "../src/story/load.ts";
import { StoryError } from "../src/story/errors.ts";
import { scenes } from "../src/scenes/index.ts";

const dir = resolve(process.argv[2] ?? "content");
try {
  const story = loadStory(dir, scenes);
  const langs = story.config.languages.map((l) => l.code);
  const chapters = story.chapters[langs[0]!]!;
  const steps = chapters.reduce((n, c) => n + c.steps.length, 0);
  console.log(`content ok: ${chapters.length} chapters, ${steps} steps, in ${langs.join(", ")}`);
} catch (e) {
  if (e instanceof StoryError) {
    console.error(`Content error in ${e.message}`);
    process.exit(1);
  }
  throw e;
}
