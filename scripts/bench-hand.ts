// The bench's yardstick (issue 9): a hand-bundled page of five steps on the same
// three runtime packages (scrollama, GSAP, d3-selection), one script file, one
// inline style, no build framework. Our story's Lighthouse LCP may be no later
// than this page's, measured in the same run, served the same way.
// Two versions: in system fonts, and with the text faces our first screen is set
// in (the same subset files, preloaded the same way). The budget is set by the
// second: a page in system fonts measures the choice of type, not the engine;
// the bench prints both. Bundled with Vite's build API (Vite is already here, as
// Astro's bundler).

import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "vite";

const ENTRY = `
import scrollama from "scrollama";
import { gsap } from "gsap";
import { select } from "d3-selection";

const bars = select("#stage svg").selectAll("rect");
const heights = [[60, 120, 90], [140, 40, 100], [30, 160, 70], [120, 120, 120], [180, 60, 20]];
scrollama()
  .setup({ step: ".step", offset: 0.5 })
  .onStepEnter(({ index }) => {
    bars.each(function (_, i) {
      const h = heights[index][i];
      gsap.to(this, { attr: { y: 200 - h, height: h }, duration: 0.6, ease: "power2.inOut" });
    });
  });
`;

const STEPS = [
  "Five steps on one sticky stage: the smallest page that does what the story does.",
  "Each step that crosses the middle of the screen moves the bars.",
  "Scrollama reports the step, GSAP tweens the attributes, d3-selection finds the marks.",
  "No web fonts, no framework, one script file and one style element.",
  "This page is the yardstick for the story's largest contentful paint.",
];

/** The story's two first-screen faces, as built (font files), to set the page in. */
export interface Faces {
  serif: string;
  sans: string;
}

const faceCss = (faces: Faces | undefined) =>
  faces
    ? `@font-face { font-family: "Serif"; font-weight: 400; font-display: swap; src: url(serif.woff2) format("woff2"); }
@font-face { font-family: "Sans"; font-weight: 400 700; font-display: swap; src: url(sans.woff2) format("woff2"); }
body { font-family: "Serif", Georgia, serif; }
h1 { font-family: "Sans", system-ui, sans-serif; }
`
    : "";
const facePreload = (faces: Faces | undefined) =>
  faces
    ? `<link rel="preload" href="serif.woff2" as="font" crossorigin="anonymous">
<link rel="preload" href="sans.woff2" as="font" crossorigin="anonymous">
`
    : "";

const HTML = (script: string, faces?: Faces) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hand-bundled baseline</title>
<meta name="description" content="A five-step scrollytelling page on scrollama, GSAP and d3-selection, bundled by hand: the bench's yardstick.">
${facePreload(faces)}<style>
body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: #1d1c1a; background: #fbfaf7; }
h1 { font: 600 2rem/1.2 Georgia, serif; margin: 2rem 1.25rem 1rem; max-width: 40rem; }
.intro { margin: 0 1.25rem 2rem; max-width: 40rem; }
#stage { position: sticky; top: 0; height: 46vh; background: #fbfaf7; }
#stage svg { width: 100%; height: 100%; }
.steps { position: relative; padding: 30vh 1.25rem 50vh; }
.step { max-width: 30rem; margin: 0 auto 70vh; background: #fff; border: 1px solid #ccc; padding: 1rem; }
${faceCss(faces)}</style>
</head>
<body>
<main>
<h1>A hand-bundled scrollytelling page</h1>
<p class="intro">Five steps move three bars on a sticky stage. The page exists to be measured beside the story.</p>
<div id="stage" aria-hidden="true"><svg viewBox="0 0 300 220"><rect x="20" y="140" width="70" height="60" fill="#b5532c"/><rect x="115" y="80" width="70" height="120" fill="#8c8c8c"/><rect x="210" y="110" width="70" height="90" fill="#8c8c8c"/></svg></div>
<div class="steps">
${STEPS.map((s) => `<div class="step"><p>${s}</p></div>`).join("\n")}
</div>
</main>
<script type="module" src="${script}"></script>
</body>
</html>
`;

/** Writes the page and its one script into `dir` (emptied first), set in `faces` if given; returns `dir`. */
export async function buildHandPage(dir = ".build/hand", faces?: Faces): Promise<string> {
  const out = resolve(dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entry = join(out, "entry.js");
  writeFileSync(entry, ENTRY);
  await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    root: process.cwd(),
    build: {
      outDir: out,
      emptyOutDir: false,
      lib: { entry, formats: ["es"], fileName: () => "hand.js" },
      minify: true,
    },
  });
  rmSync(entry);
  if (faces) {
    copyFileSync(faces.serif, join(out, "serif.woff2"));
    copyFileSync(faces.sans, join(out, "sans.woff2"));
  }
  writeFileSync(join(out, "index.html"), HTML("hand.js", faces));
  return out;
}
