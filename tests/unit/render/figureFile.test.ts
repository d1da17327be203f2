// The figure files (src/render/figureFile.ts): an SVG shown by an <img> sees nothing of the page,
// so each must carry the rules its marks name, the page's light colours, for the screen the dark
// twins under the system's scheme, and for paper light colours only with the print rules as its own.

import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { figureFile, parseCss, printCss, pruneCss } from "../../../src/render/figureFile.ts";
import { missingFigures, textByWeight } from "../../../scripts/figureFonts.ts";
import type { Mark } from "../../../src/story/types.ts";

const marks: Mark[] = [
  { key: "a", tag: "rect", attrs: { x: 0, y: 0, width: 10, height: 10, class: "marker marker-hero" } },
  { key: "b", tag: "text", attrs: { x: 0, y: 20, "font-size": 16, class: "lbl lbl-strong" }, text: "OpenAI" },
  { key: "c", tag: "text", attrs: { x: 0, y: 40, "font-size": 12, class: "lbl lbl-place" }, text: "TAIWAN & co" },
] as Mark[];
const options = { width: 960, height: 100, id: "f", title: "A test figure", geometry: [] };

describe("a figure file", () => {
  const screen = figureFile(marks, options);
  const paper = figureFile(marks, { ...options, paper: true });

  it("is a standalone svg with its size, role and text alternative", () => {
    expect(screen).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 960 100" role="img"[^>]* width="960" height="100">/);
    expect(screen).toContain('<title id="f-t">A test figure</title>');
  });

  it("carries the rules its marks name and no others, with the page's light colours", () => {
    const style = /<style>([^]*?)<\/style>/.exec(screen)![1]!;
    expect(style).toMatch(/\.marker-hero\{fill:var\(--accent\)\}/);
    expect(style).toMatch(/\.lbl-strong\{font-weight:700\}/);
    expect(style).not.toMatch(/\.bar-money|\.arc-dash/);
    expect(style).toMatch(/^svg\{[^}]*--accent:#b3401f/);
    expect(style).toMatch(/svg text\{font-family:var\(--sans\)/);
  });

  it("for the screen, follows the system's dark scheme; for paper, light only, with the print rules its own", () => {
    expect(screen).toMatch(/@media \(prefers-color-scheme:dark\)\{svg\{[^}]*--accent:var\(--dark-accent\)/);
    expect(paper).not.toContain("prefers-color-scheme");
    // the map's names at 8 pt on paper (15.6 px at the page's measure)
    expect(paper).toContain(".lbl-place,.lbl-sea{font-size:15.6px}");
    expect(screen).not.toContain("15.6px");
  });

  // Graphics review 47, item 9: the system's dark scheme turned NVIDIA's ink die cream. In a figure file too it keeps
  // its dark fill (--chip; under the dark scheme black, the darkest shape, --dark-chip: graphics review 51, item 5, the
  // graphite of review 50 item 7 weakened it against the planned die) and takes a light edge there (not a hole).
  it("draws NVIDIA's die dark in both schemes, black with a light edge under the dark one", () => {
    const chip = figureFile(
      [{ key: "d", tag: "rect", attrs: { x: 0, y: 0, width: 10, height: 10, class: "die die-ink" } }] as Mark[],
      options,
    );
    const style = /<style>([^]*?)<\/style>/.exec(chip)![1]!;
    const [light, dark] = style.split("@media (prefers-color-scheme:dark)") as [string, string];
    expect(light).toMatch(/^svg\{[^}]*--chip:#1b1a18/);
    expect(light).toMatch(/\.die-ink\{fill:var\(--chip\)\}/);
    expect(dark).toMatch(/svg \.die-ink\{fill:var\(--dark-chip\);stroke:var\(--dark-chip-edge\);stroke-width:1.5px\}/);
    expect(light).toMatch(/--dark-chip:#000000/);
    expect(dark).not.toMatch(/--chip:/);
  });

  it("sets each label in its weight", () => {
    expect(textByWeight(screen)).toEqual({ 400: "TAIWAN & co", 700: "OpenAI" });
  });
});

describe("the CSS it is cut from", () => {
  it("keeps a rule only when every class of one of its selectors is used, at any depth", () => {
    const css = parseCss(".a{x:1}.a .b{y:2}.c,.a{z:3}@media print{.a{w:4}.d{v:5}}html .a{u:6}");
    expect(printCss(pruneCss(css, '<rect class="a"/>'))).toBe(".a{x:1}.c,.a{z:3}@media print{.a{w:4}}");
  });
});

describe("the build's check for figures", () => {
  it("names a figure a page shows that is not there, and one without its fonts", () => {
    const root = mkdtempSync(join(tmpdir(), "figures-"));
    mkdirSync(join(root, "de", "fig"), { recursive: true });
    writeFileSync(join(root, "de", "fig", "a.svg"), "<svg><style>@font-face{}</style><text>A</text></svg>");
    writeFileSync(join(root, "de", "fig", "b.svg"), "<svg><style></style><text>B</text></svg>");
    writeFileSync(
      join(root, "de", "index.html"),
      '<img src="/de/fig/a.svg" alt=""><img src="/de/fig/b.svg" alt=""><img src="/de/fig/c.svg" alt="">' +
        '<picture><source media="(orientation: landscape)" srcset="/de/fig/c.land.svg" width="1" height="1"><img src="/de/fig/a.svg" alt=""></picture>',
    );
    expect(missingFigures(root, ["de/index.html"], "/")).toEqual([
      "de/fig/b.svg carries no font for its labels",
      "de/index.html shows /de/fig/c.svg, which the build did not write",
      "de/index.html shows /de/fig/c.land.svg, which the build did not write",
    ]);
  });
});

describe("a figure file with the shared shapes", () => {
  it("carries the fades it uses with the rule that colours their stops", () => {
    const faded = figureFile([{ key: "f", tag: "rect", attrs: { x: 0, y: 0, width: 9, height: 9, fill: "url(#fade-n)" } }] as Mark[], {
      ...options,
      geometry: [{ id: "fade-n", fade: "down" }],
    });
    expect(faded).toContain('<linearGradient id="fade-n"');
    expect(faded).toMatch(/\.fade-stop\{stop-color:var\(--bg\)\}/);
  });
});
