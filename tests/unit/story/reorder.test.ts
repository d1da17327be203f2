// Renaming and reordering chapters is a change to content/ only: the page's
// chapters (and so its navigation, section and step ids, stage data files), the
// share image's picture and its text alternative follow the files, with nothing
// in code naming a chapter. A copy of content/ gets its first two chapters
// swapped (file prefixes) and the new first one renamed (its slug), in both
// languages; the page module then reads that copy (STORY_CONTENT), as a build would.
import { readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { LANGS, OUTPUT, type Lang } from "../../../src/story/config.ts";
import { cardHtml, cardStep } from "../../../src/story/card.ts";
import { patched, realStory } from "../patch.ts";

type Page = typeof import("../../../src/story/page.ts");
let page: Page;
const real = realStory();
const [first, second] = [real.compiled.chapters.de[0]!, real.compiled.chapters.de[1]!];
const RENAMED = `${second.slug}-renamed`;

beforeAll(async () => {
  const t = patched((t) => {
    for (const lang of LANGS) {
      const files = readdirSync(join(t.dir, lang)).sort();
      const [a, b] = [files[0]!, files[1]!];
      renameSync(join(t.dir, lang, a), join(t.dir, lang, `${b.slice(0, 2)}${a.slice(2)}`));
      renameSync(join(t.dir, lang, b), join(t.dir, lang, `${a.slice(0, 2)}${b.slice(2)}`));
      const moved = `${lang}/${a.slice(0, 2)}${b.slice(2)}`;
      t.replace(moved, t.lineOf(moved, /^slug:/), `slug: ${second.slug}`, `slug: ${RENAMED}`);
    }
  });
  vi.stubEnv("STORY_CONTENT", t.dir);
  vi.stubEnv("STORY_COMPILED", "");
  vi.resetModules();
  page = await import("../../../src/story/page.ts");
});

describe("a reordered and renamed story", () => {
  it.each(LANGS)("%s: chapters, navigation and ids follow the files", (lang: Lang) => {
    const was = real.compiled.chapters[lang].map((c) => c.slug);
    const now = page.chapters(lang);
    expect(now.map((c) => c.slug)).toEqual([RENAMED, first.slug, ...was.slice(2)]);
    expect(now[0]!.steps.map((s) => s.id)).toEqual(real.compiled.chapters[lang][1]!.steps.map((s) => `${RENAMED}--${s.state}`));
    expect(now[0]!.title).toBe(real.compiled.chapters[lang][1]!.title);
    // the stage's first picture and the stage data of the renamed chapter
    expect(page.initialStage(lang).scene).toBe(second.scene);
    expect(page.stageData(lang, RENAMED, "square").slug).toBe(RENAMED);
    expect(OUTPUT.stageData(lang, RENAMED, "square")).toBe(`${lang}/stage/${RENAMED}.square.json`);
    expect(() => page.stageData(lang, second.slug, "square")).toThrow(/no chapter/);
  });

  it.each(LANGS)("%s: the share image shows the new first picture and says so", (lang: Lang) => {
    const compiled = page.story().compiled;
    const { chapter, step } = cardStep(compiled, lang);
    expect(chapter.slug).toBe(RENAMED);
    expect(step.state).toBe(second.steps[0]!.state);
    expect(page.cardAlt(lang)).toBe(`${page.ui(lang, "title")}: ${step.alt}`);
    const html = cardHtml(compiled, lang, { title: "T", dek: "D", foot: "F" }, ["/x.css"]);
    expect(html).toContain(`<title id="card-t">${step.alt.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}</title>`);
    expect(html).toContain(`data-key="${step.marks.square![0]!.key}"`);
    // and not the old one
    const old = cardStep(real.compiled, lang).step;
    expect(html).not.toContain(`>${old.alt.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}</title>`);
  });
});
