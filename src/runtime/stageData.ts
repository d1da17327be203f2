// The stage's drawings, computed at build time: per chapter, per stage layout,
// per state, the marks and the text alternative. Fetched from the site itself
// (the URL template is the stage's `data-stage-src`), the first chapter's at
// once, the next one's as the reader nears it. A failed load rejects once per
// try and is forgotten, so a later visit to the chapter tries again.

import type { Layout, Mark } from "../story/types.ts";

export interface ChapterStage {
  slug: string;
  scene: string;
  states: Record<string, { alt: string; marks: Record<Layout, Mark[]> }>;
}

export interface StageData {
  get(slug: string): Promise<ChapterStage>;
  peek(slug: string): ChapterStage | undefined;
  /** Aborts every pending request (teardown). */
  abort(): void;
}

export function createStageData(template: string): StageData {
  const pending = new Map<string, Promise<ChapterStage>>();
  const ready = new Map<string, ChapterStage>();
  const controller = new AbortController();
  return {
    get(slug) {
      const have = ready.get(slug);
      if (have) return Promise.resolve(have);
      let p = pending.get(slug);
      if (!p) {
        p = fetch(template.replace("{slug}", encodeURIComponent(slug)), { signal: controller.signal })
          .then((r) => {
            if (!r.ok) throw new Error(`stage data for "${slug}": HTTP ${r.status}`);
            return r.json() as Promise<ChapterStage>;
          })
          .then((d) => {
            if (!d || typeof d !== "object" || !d.states) throw new Error(`stage data for "${slug}" is malformed`);
            ready.set(slug, d);
            return d;
          })
          .finally(() => pending.delete(slug));
        pending.set(slug, p);
      }
      return p;
    },
    peek: (slug) => ready.get(slug),
    abort: () => controller.abort(),
  };
}
