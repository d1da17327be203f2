// The whole build, all or nothing: load and compile the content once (clear
// errors, nothing built on bad input), hand the compiled story to Astro as JSON
// (STORY_COMPILED), build the site into .build/, render the share images and
// print the PDFs there, write the hosts' headers file, verify the output, and
// only then swap it into the target folder. Where the site is published comes
// from SITE_URL / BASE_PATH (src/story/site.ts). Without SITE_URL the build is a
// preview for local use, said at its start and end; with --release (`npm run
// build`, the publishing command) it stops before building instead.
// Usage: node scripts/build.ts [--content DIR] [--out DIR] [--no-pdf | --draft-pdf] [--release]   (defaults: content, dist)
// --draft-pdf prints each edition once, without the passes that keep chapters, figures and pages together
// (the generated sample story's PDFs, which its tests read for their paper only: scripts/test-all.sh).

import { build } from "astro";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadStory } from "../src/story/load.ts";
import { StoryError } from "../src/story/errors.ts";
import { scenes } from "../src/scenes/index.ts";
import { OUTPUT, STAGE_LAYOUTS, langsOf } from "../src/story/config.ts";
import { printPdfs } from "./pdf.ts";
import { renderCards } from "./cards.ts";
import { SITE, headersFile, href, placeholderWarning, releaseRefusal } from "../src/story/site.ts";
import { subsetSiteFonts } from "./fonts.ts";
import { embedFigureFonts, missingFigures } from "./figureFonts.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const root = process.cwd();
const content = resolve(root, arg("content", "content"));
const target = resolve(root, arg("out", "dist"));
const work = resolve(root, ".build", target === resolve(root, "dist") ? "site" : `site-${target.split("/").pop()}`);
const staging = join(work, "dist");
const started = performance.now();

const refusal = process.argv.includes("--release") ? releaseRefusal(SITE) : undefined;
if (refusal) {
  console.error(`\n${refusal}\n\nNothing was built; ${target} is unchanged.`);
  process.exit(1);
}
const warning = placeholderWarning(SITE);
if (warning) console.warn(`\n${warning}\n`);

let story;
try {
  story = loadStory(content, scenes);
} catch (e) {
  if (e instanceof StoryError) {
    console.error(`\nContent error in ${e.message}\n\nNothing was built; ${target} is unchanged.`);
    process.exit(1);
  }
  throw e;
}
rmSync(work, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
const compiled = join(work, "compiled.json");
writeFileSync(compiled, JSON.stringify(story));
process.env.STORY_COMPILED = compiled;
process.env.STORY_CONTENT = content;

await build({ root, outDir: staging, logLevel: "warn" });
// Before the share images and the PDFs: they use the same subsets the pages load.
const fonts = await subsetSiteFonts(staging);
// The figure files (<lang>/fig/) carry their own fonts: an SVG shown as an image loads none.
const figures = await embedFigureFonts(staging);
// Nothing half-built: every figure a page shows is a file with its fonts, before any PDF is printed from it.
const absent = missingFigures(
  staging,
  langsOf(story.config).map((lang) => join(OUTPUT.page(lang), "index.html")),
  SITE.base,
);
if (absent.length) {
  console.error(
    `\nbuild check failed: a page shows a figure that is not there (src/pages/[lang]/fig/, scripts/figureFonts.ts):\n  ${absent.join("\n  ")}\n\nNothing was built; ${target} is unchanged.`,
  );
  process.exit(1);
}
const cards = await renderCards(staging);
const pdfs = process.argv.includes("--no-pdf")
  ? []
  : await printPdfs(staging, undefined, { draft: process.argv.includes("--draft-pdf") && !process.argv.includes("--release") });
// Hosts that read a headers file (Netlify, Cloudflare Pages): caching by kind, security headers everywhere.
const entries = readdirSync(staging, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
writeFileSync(join(staging, "_headers"), headersFile(entries));

for (const lang of langsOf(story.config)) {
  const html = readFileSync(join(staging, OUTPUT.page(lang), "index.html"), "utf8");
  if (
    !html.includes(`<html lang="${lang}"`) ||
    !html.includes("data-stage") ||
    !html.includes(`href="${href(OUTPUT.pdf(lang, story.config))}"`)
  ) {
    throw new Error(`build check failed for /${lang}/: page is incomplete; ${target} is unchanged`);
  }
  for (const c of story.compiled.chapters[lang]!)
    for (const layout of STAGE_LAYOUTS)
      if (!existsSync(join(staging, OUTPUT.stageData(lang, c.slug, layout))))
        throw new Error(`build check failed: no stage data for ${lang}/${c.slug} in layout ${layout}`);
}
for (const file of ["index.html", "404.html", "sitemap.xml", "robots.txt", "site.webmanifest", "favicon.svg"]) {
  if (!existsSync(join(staging, file))) throw new Error(`build check failed: no ${file} at the root; ${target} is unchanged`);
}

const old = `${target}.old`;
rmSync(old, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, old);
renameSync(staging, target);
rmSync(old, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });
const fontKb = (key: "bytesBefore" | "bytesAfter") => Math.round(fonts.reduce((n, f) => n + f[key], 0) / 1024);
console.log(`fonts: ${fonts.length} subset to the glyphs shown, ${fontKb("bytesBefore")} KB → ${fontKb("bytesAfter")} KB`);
console.log(`figures: ${figures.files} files with their fonts, ${Math.round(figures.bytes / 1024)} KB`);
console.log(
  `built ${target} for ${SITE.url} (base ${SITE.base}) with ${cards.length} share images and ${pdfs.length} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (warning) console.warn(`\n${warning}\n`);
