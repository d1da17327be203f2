// The stage's drawings, computed at build time: per chapter and stage layout, one
// file with every state's marks and text alternative. Fetched from the site itself
// (the URL template is the stage's `data-stage-src`, with {slug} and {layout}), in
// the layout the stage shows: the first chapter's at once, the next one's as the
// reader nears it, the other layout's only after a resize that crosses to it. A
// failed load rejects once per try and is forgotten, so a later try fetches again.

import type { Layout, Mark } from "../story/types.ts";

export interface ChapterStage {
  slug: string;
  scene: string;
  layout: Layout;
  states: Record<string, { alt: string; marks: Mark[] }>;
}

export interface StageData {
  get(slug: string, layout: Layout): Promise<ChapterStage>;
  peek(slug: string, layout: Layout): ChapterStage | undefined;
  /** Aborts every pending request (teardown). */
  abort(): void;
}

export function createStageData(template: string): StageData {
  const pending = new Map<string, Promise<ChapterStage>>();
  const ready = new Map<string, ChapterStage>();
  const controller = new AbortController();
  const name = (slug: string, layout: Layout) => `${slug}.${layout}`;
  return {
    get(slug, layout) {
      const file = name(slug, layout);
      const have = ready.get(file);
      if (have) return Promise.resolve(have);
      let p = pending.get(file);
      if (!p) {
        const url = template.replace("{slug}", encodeURIComponent(slug)).replace("{layout}", layout);
        p = fetch(url, { signal: controller.signal })
          .then((r) => {
            if (!r.ok) throw new Error(`stage data for "${file}": HTTP ${r.status}`);
            return r.json() as Promise<ChapterStage>;
          })
          .then((d) => {
            if (!d || typeof d !== "object" || !d.states) throw new Error(`stage data for "${file}" is malformed`);
            ready.set(file, d);
            return d;
          })
          .finally(() => pending.delete(file));
        pending.set(file, p);
      }
      return p;
    },
    peek: (slug, layout) => ready.get(name(slug, layout)),
    abort: () => controller.abort(),
  };
}
