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
  const inline = (slug: string): ChapterStage | undefined => {
    const el = document.getElementById(`stage-data-${slug}`);
    return el?.textContent ? (JSON.parse(el.textContent) as ChapterStage) : undefined;
  };
  return {
    get(slug) {
      let p = cache.get(slug);
      const local = p ? undefined : inline(slug);
      if (local) {
        ready.set(slug, local);
        p = Promise.resolve(local);
        cache.set(slug, p);
      }
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
    peek(slug) {
      if (!ready.has(slug)) {
        const local = inline(slug);
        if (local) {
          ready.set(slug, local);
          cache.set(slug, Promise.resolve(local));
        }
      }
      return ready.get(slug);
    },
  };
}
