// The whole build, all or nothing: check content (clear errors, nothing built on
// bad input), build the site with Astro into .build/, print the PDFs there,
// verify the output, and only then swap it into dist/.

import { build } from "astro";
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadStory } from "../src/story/load.ts";
import { StoryError } from "../src/story/errors.ts";
import { scenes } from "../src/scenes/index.ts";
import { printPdfs, PDF_NAME } from "./pdf.ts";

const root = process.cwd();
const staging = resolve(root, ".build/dist");
const target = resolve(root, "dist");
const started = performance.now();

try {
  loadStory(join(root, "content"), scenes);
} catch (e) {
  if (e instanceof StoryError) {
    console.error(`\nContent error in ${e.message}\n\nNothing was built; dist/ is unchanged.`);
    process.exit(1);
  }
  throw e;
}

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
await build({ root, outDir: staging, logLevel: "warn" });
const pdfs = await printPdfs(staging);

for (const lang of ["de", "en"]) {
  const html = readFileSync(join(staging, lang, "index.html"), "utf8");
  if (!html.includes(`<html lang="${lang}"`) || !html.includes("data-stage") || !html.includes(`href="/${lang}/${PDF_NAME}"`)) {
    throw new Error(`build check failed for /${lang}/: page is incomplete; dist/ is unchanged`);
  }
}
if (!existsSync(join(staging, "index.html"))) throw new Error("build check failed: no root index.html; dist/ is unchanged");

const old = `${target}.old`;
rmSync(old, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, old);
renameSync(staging, target);
rmSync(old, { recursive: true, force: true });
console.log(`built dist/ with ${pdfs.length} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
