// Renaming and reordering chapters is a change to content/ only: the page's
// chapters (and so its navigation, section and step ids, stage data files), the
// share image's picture and its text alternative follow the files, with nothing
// in code naming a chapter. A copy of content/ gets its first two chapters
// swapped (file prefixes) and the new first one renamed (its slug), in every
// language, and the hand-over it received dropped (a first chapter receives
// nothing); the page module then reads that copy (STORY_CONTENT), as a build would.
// A reordering that would hand a mark to a chapter that does not draw it, or
// from one that does not, stops the build instead.
import { readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OUTPUT, type Lang } from "../../../src/story/config.ts";
import { cardHtml, cardStep } from "../../../src/story/card.ts";
import { chapterPath, patched, realStory } from "../patch.ts";
import { LANGS, ctxFor, loadError } from "../support.ts";
import { STAGE_LAYOUTS } from "../../../src/story/config.ts";
import { scenes } from "../../../src/scenes/index.ts";
import type { ParsedChapter } from "../../../src/story/markdown.ts";

type Page = typeof import("../../../src/story/page.ts");
let page: Page;
const real = realStory();
const [first, second] = [real.compiled.chapters.de![0]!, real.compiled.chapters.de![1]!];
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
      const receives = t
        .read(moved)
        .split("\n")
        .findIndex((l) => l.startsWith("receives:"));
      if (receives >= 0) t.deleteLines(moved, receives + 1);
    }
  });
  vi.stubEnv("STORY_CONTENT", t.dir);
  vi.stubEnv("STORY_COMPILED", "");
  vi.resetModules();
  page = await import("../../../src/story/page.ts");
});
// Test files share one module registry (isolate: false): a stubbed STORY_CONTENT left behind made
// the next file's page module read this reordered copy, whose cover is the hunt map (print.test
// failed when it ran after this file).
afterAll(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("a reordered and renamed story", () => {
  it.each(LANGS)("%s: chapters, navigation and ids follow the files", (lang: Lang) => {
    const was = real.compiled.chapters[lang]!.map((c) => c.slug);
    const now = page.chapters(lang);
    expect(now.map((c) => c.slug)).toEqual([RENAMED, first.slug, ...was.slice(2)]);
    expect(now[0]!.steps.map((s) => s.id)).toEqual(real.compiled.chapters[lang]![1]!.steps.map((s) => `${RENAMED}--${s.state}`));
    expect(now[0]!.title).toBe(real.compiled.chapters[lang]![1]!.title);
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

describe("a reordering cannot hand a mark to a stranger", () => {
  const source = LANGS[0]!;
  const list = real.chapters[source]!;
  /** Whether a chapter's last step draws a top-level mark `key` in every stage layout (where hand-overs move). */
  const drawsLast = (c: ParsedChapter, key: string) =>
    STAGE_LAYOUTS.every((l) => scenes[c.scene]!.marks(c.steps.at(-1)!.state, ctxFor(c.scene, l, source)).some((m) => m.key === key));

  it("moving a receiving chapter to the front stops the build at its receives line", () => {
    const i = list.findIndex((c) => c.receives.length > 0);
    const t = patched((t) => {
      for (const lang of LANGS) {
        // "00-" sorts before every other chapter file.
        const file = chapterPath(real.chapters[lang]![i]!);
        t.copy(file, `${lang}/00-moved.md`);
        t.remove(file);
      }
    });
    const file = `${source}/00-moved.md`;
    const e = loadError(t.dir);
    expect([e.file, e.line]).toEqual([t.file(file), t.lineOf(file, /^receives:/)]);
    expect(e.message).toContain("the first chapter receives marks, but no chapter comes before it");
  });

  it("a new neighbour that does not draw a received mark stops the build, naming the mark and the neighbour", () => {
    // A receiving chapter whose neighbour, once the chapter before it is moved to the end, does not draw a mark it receives.
    const i = list.findIndex((c, n) => n >= 2 && list[n - 2]!.scene !== c.scene && c.receives.some((k) => !drawsLast(list[n - 2]!, k)));
    expect(i, "the story has a chapter whose hand-over only its own neighbour can give").toBeGreaterThan(1);
    const receiver = list[i]!;
    const stranger = list[i - 2]!;
    const key = receiver.receives.find((k) => !drawsLast(stranger, k))!;
    const t = patched((t) => {
      for (const lang of LANGS) {
        const giver = chapterPath(real.chapters[lang]![i - 1]!);
        t.copy(giver, `${lang}/99-moved.md`);
        t.remove(giver);
      }
    });
    const file = chapterPath(receiver);
    const e = loadError(t.dir);
    expect([e.file, e.line]).toEqual([t.file(file), receiver.keyLines.receives]);
    expect(e.message).toContain(`receives "${key}" from the chapter before ("${stranger.slug}")`);
    expect(e.message).toContain(`draws no top-level mark "${key}"`);
  });
});
