// The story page's figures take the map's shapes from the geometry file (OUTPUT.geometry)
// rather than from a sprite in the page: every `<use>` the page and the stage data carry
// points into that file, at a shape it holds, under the site's base path.

import { describe, expect, it } from "vitest";
import { chapters, geometryFile, initialStage, langs, sprite, stageData, story } from "../../../src/story/page.ts";
import { OUTPUT, STAGE_LAYOUTS } from "../../../src/story/config.ts";
import { href } from "../../../src/story/site.ts";
import type { Mark } from "../../../src/story/types.ts";

const uses = (marks: Mark[]): string[] =>
  marks.flatMap((m) => [...(m.tag === "use" ? [String(m.attrs.href)] : []), ...uses(m.children ?? [])]);

describe("the geometry file", () => {
  const file = geometryFile();
  const held = new Set([...file.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]!));
  const prefix = `${href(OUTPUT.geometry)}#`;

  it("holds the coastline the map uses, and the page's sprite does not", () => {
    expect(held.size).toBeGreaterThan(0);
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
    expect(n).toBeGreaterThan(0);
  });

  it("is where every <use> of the static and print figures and the first stage points", () => {
    for (const lang of langs()) {
      const html = [
        initialStage(lang).svg,
        ...chapters(lang).flatMap((c) => [...c.steps.map((s) => s.figure), ...c.print.flatMap((f) => f.panels.map((p) => p.svg))]),
      ].join("");
      const refs = [...html.matchAll(/<use [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) expect(held.has(r.slice(prefix.length)) && r.startsWith(prefix), r).toBe(true);
    }
  });
});
