// The story page's figures take the map's shapes from the geometry file (OUTPUT.geometry)
// rather than from a sprite in the page: every `<use>` the page and the stage data carry
// points into that file, at a shape it holds, under the site's base path.

import { describe, expect, it } from "vitest";
import { figureFiles, geometryFile, initialStage, langs, leadFigure, sprite, stageData, story } from "../../../src/story/page.ts";
import { OUTPUT, STAGE_LAYOUTS } from "../../../src/story/config.ts";
import { href } from "../../../src/story/site.ts";
import type { Mark } from "../../../src/story/types.ts";

const uses = (marks: Mark[]): string[] =>
  marks.flatMap((m) => [...(m.tag === "use" ? [String(m.attrs.href)] : []), ...uses(m.children ?? [])]);

const file = geometryFile();
const held = new Set([...file.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]!));
const prefix = `${href(OUTPUT.geometry)}#`;

describe("the geometry file", () => {
  it("holds exactly the shapes the figures use (none since no scene draws the map: graphics reviews 40-41), and the page's sprite none", () => {
    expect([...held].sort()).toEqual(
      story()
        .compiled.geometry.filter((d) => !d.fade)
        .map((d) => d.id)
        .sort(),
    );
    expect(sprite()).not.toContain("<path");
  });

  it("is where every <use> of the stage data points", () => {
    let n = 0;
    for (const lang of langs())
      for (const c of story().compiled.chapters[lang]!)
        for (const layout of STAGE_LAYOUTS)
          for (const s of Object.values(stageData(lang, c.slug, layout).states))
            for (const u of uses(s.marks)) {
              n++;
              expect(u.startsWith(prefix), u).toBe(true);
              expect(held.has(u.slice(prefix.length)), u).toBe(true);
            }
    // (a count only where the story ships shapes: no scene draws the map since graphics reviews 40-41)
    expect(n > 0).toBe(held.size > 0);
  });

  it("is where every <use> of the first stage and the lead picture points", () => {
    for (const lang of langs()) {
      const lead = leadFigure(lang);
      const html = [initialStage(lang).svg, lead.wide, lead.narrow].join("");
      // (no count: the first chapter's scene may use no shared shape)
      const refs = [...html.matchAll(/<use [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      for (const r of refs) expect(held.has(r.slice(prefix.length)) && r.startsWith(prefix), r).toBe(true);
    }
  });
});

// A figure file is shown by an <img>, which loads nothing else: it must carry the shapes and fades it uses.
describe("the figure files", () => {
  it("each holds every shape and fade its marks use, and points at no other file", () => {
    let shapes = 0;
    for (const lang of langs())
      for (const f of figureFiles(lang)) {
        const ids = new Set([...f.svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
        const refs = [...f.svg.matchAll(/href="([^"]+)"|url\(([^)]+)\)/g)].map((m) => (m[1] ?? m[2])!);
        for (const r of refs) {
          expect(r.startsWith("#"), `${lang}/${f.name}: ${r} points outside the file`).toBe(true);
          expect(ids.has(r.slice(1)), `${lang}/${f.name}: ${r} is not in the file`).toBe(true);
        }
        if (refs.some((r) => held.has(r.slice(1)))) shapes++;
      }
    expect(shapes > 0, "the map's figures, where there are any, carry the coastline").toBe(held.size > 0);
  });
});
