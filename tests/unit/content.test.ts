// The real content/: it loads, both languages tell the same story in the same
// order, every step has prose and a figure description, every fact its source.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillFacts, labelKeys, lookup } from "../../src/story/labels.ts";
import { scenes } from "../../src/scenes/index.ts";
import { CONTENT, ROOT, LANGS, realStory } from "./support.ts";

const story = realStory();
const { facts, labels, chapters } = story;

describe("content/", () => {
  it("loads with the real scenes, with at least one chapter per language", () => {
    for (const lang of LANGS) expect(chapters[lang]!.length).toBeGreaterThan(0);
  });

  it("loads every chapter file of every language folder, one chapter each", () => {
    for (const lang of LANGS) {
      const files = readdirSync(join(CONTENT, lang)).filter((f) => f.endsWith(".md"));
      expect(chapters[lang]!.length, lang).toBe(files.length);
    }
  });

  it("has the same chapter slugs and scenes in both languages, in the same order", () => {
    expect(chapters.en!.map((c) => c.slug)).toEqual(chapters.de!.map((c) => c.slug));
    expect(chapters.en!.map((c) => c.scene)).toEqual(chapters.de!.map((c) => c.scene));
    expect(new Set(chapters.de!.map((c) => c.slug)).size).toBe(chapters.de!.length);
  });

  it("has the same step states in the same order, each a state of the chapter's scene", () => {
    chapters.de!.forEach((de, i) => {
      const en = chapters.en![i]!;
      expect(
        en.steps.map((s) => s.state),
        de.slug,
      ).toEqual(de.steps.map((s) => s.state));
      for (const s of de.steps) expect(scenes[de.scene]!.states, `${de.slug}/${s.state}`).toContain(s.state);
    });
  });

  it("gives every step non-empty HTML prose", () => {
    for (const lang of LANGS) {
      for (const c of chapters[lang]!) {
        expect(c.title.trim(), c.file).not.toBe("");
        for (const s of c.steps) {
          expect(s.html, `${c.file}:${s.line}`).toMatch(/^<p>/);
          expect(s.html.replace(/<[^>]+>/g, "").trim().length, `${c.file}:${s.line}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it("makes every step id (slug--state) unique in a page", () => {
    for (const lang of LANGS) {
      const ids = chapters[lang]!.flatMap((c) => c.steps.map((s) => `${c.slug}--${s.state}`));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("gives every number fact a source: the article's passage, or a note in both languages", () => {
    const ids = Object.keys(facts.numbers);
    expect(ids.length).toBeGreaterThan(0);
    for (const [id, f] of Object.entries(facts.numbers)) {
      expect(typeof f.source === "string" && f.source.trim() !== "", id).toBe(true);
      if (f.source === "article") expect(f.quote?.trim(), id).toBeTruthy();
      else {
        expect(f.note?.de?.trim(), id).toBeTruthy();
        expect(f.note?.en?.trim(), id).toBeTruthy();
      }
      expect(Number.isFinite(f.value), id).toBe(true);
    }
  });

  it("gives every name a source too", () => {
    for (const [id, f] of Object.entries(facts.names)) expect(f.source?.trim(), id).toBeTruthy();
  });

  it("has a figure description (scenes.<scene>.alt.<state>) for every step, in both languages", () => {
    for (const lang of LANGS) {
      for (const c of chapters[lang]!) {
        for (const s of c.steps) {
          const alt = lookup(labels[lang]!, `scenes.${c.scene}.alt.${s.state}`);
          expect(alt?.trim(), `content/labels/${lang}.json: scenes.${c.scene}.alt.${s.state}`).toBeTruthy();
        }
      }
    }
  });

  it("resolves every {fact-id} placeholder in every label", () => {
    for (const lang of LANGS) {
      for (const key of labelKeys(labels[lang]!)) {
        const v = lookup(labels[lang]!, key)!;
        const filled = fillFacts(v, facts, lang, `content/labels/${lang}.json`);
        expect(filled, key).not.toMatch(/[{}]/);
      }
    }
  });

  it("has every ui label the pages ask for, in both languages", () => {
    const used = new Set<string>();
    const scan = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) scan(p);
        else if (/\.(astro|ts)$/.test(f))
          for (const m of readFileSync(p, "utf8").matchAll(/\bui\(\s*[\w"]+\s*,\s*"([\w-]+)"\s*\)/g)) used.add(m[1]!);
      }
    };
    scan(join(ROOT, "src"));
    expect(used.size).toBeGreaterThan(3);
    for (const lang of LANGS) {
      for (const key of used) expect(lookup(labels[lang]!, `ui.${key}`), `content/labels/${lang}.json: ui.${key}`).toBeTruthy();
    }
  });
});
