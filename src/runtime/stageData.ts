// The stage's drawings, computed at build time: per chapter, per layout, per
// state, the marks and the text alternative. Fetched from the site itself when
// the chapter nears, so the first view ships no data it does not need.

import type { Layout, Mark } from "../story/types.ts";

export interface ChapterStage {
  slug: string;
  scene: string;
  states: Record<string, { alt: string; marks: Record<Layout, Mark[]> }>;
}

export function createStageData(base: string): { get(slug: string): Promise<ChapterStage>; peek(slug: string): ChapterStage | undefined } {
  const cache = new Map<string, Promise<ChapterStage>>();
  const ready = new Map<string, ChapterStage>();
  return {
    get(slug) {
      let p = cache.get(slug);
      if (!p) {
        p = fetch(`${base}stage/${slug}.json`).then((r) => {
          if (!r.ok) throw new Error(`stage data for "${slug}": HTTP ${r.status}`);
          return r.json() as Promise<ChapterStage>;
        });
        p.then((d) => ready.set(slug, d), () => cache.delete(slug));
        cache.set(slug, p);
      }
      return p;
    },
    peek: (slug) => ready.get(slug),
  };
}
