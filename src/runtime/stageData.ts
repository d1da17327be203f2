// The stage's drawings, computed at build time: per chapter, per layout, per
// state, the marks and the text alternative. The first chapter's come inline
// in the page (`script#stage-data-<slug>`), so the first screen waits for
// nothing; the others are fetched from the site itself as their chapter nears.

import type { Layout, Mark } from "../story/types.ts";

export interface ChapterStage {
  slug: string;
  scene: string;
  states: Record<string, { alt: string; marks: Record<Layout, Mark[]> }>;
}

export function createStageData(base: string): { get(slug: string): Promise<ChapterStage>; peek(slug: string): ChapterStage | undefined } {
  const cache = new Map<string, Promise<ChapterStage>>();
  const ready = new Map<string, ChapterStage>();
  /** Takes a chapter's inline data (if the page has it) into the cache, once. */
  const adopt = (slug: string): void => {
    if (ready.has(slug)) return;
    const text = document.getElementById(`stage-data-${slug}`)?.textContent;
    if (!text) return;
    const local = JSON.parse(text) as ChapterStage;
    ready.set(slug, local);
    cache.set(slug, Promise.resolve(local));
  };
  return {
    get(slug) {
      adopt(slug);
      let p = cache.get(slug);
      if (!p) {
        p = fetch(`${base}stage/${slug}.json`).then((r) => {
          if (!r.ok) throw new Error(`stage data for "${slug}": HTTP ${r.status}`);
          return r.json() as Promise<ChapterStage>;
        });
        p.then(
          (d) => ready.set(slug, d),
          () => cache.delete(slug),
        );
        cache.set(slug, p);
      }
      return p;
    },
    peek(slug) {
      adopt(slug);
      return ready.get(slug);
    },
  };
}
