// Languages and the story's identity are content (content/story.json), and so
// are hand-overs (`receives:` in a chapter's front matter): each case breaks one
// thing in a copy of content/ (tests/unit/patch.ts) and the build must stop on
// it with the file, the exact line and the fix. A third language is the
// generated sample story's (scripts/sample-story.ts).

import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStory } from "../../../src/story/load.ts";
import { parseStoryConfig } from "../../../src/story/storyConfig.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { ADDED, sampleFiles, writeSampleStory } from "../../../scripts/sample-story.ts";
import { errorOf } from "../support.ts";
import { chapterPath, failsAt, patched, realStory } from "../patch.ts";

const story = realStory();
const [source, other] = story.config.languages.map((l) => l.code) as [string, string];

describe("content/story.json", () => {
  it("names the story's languages in order, its PDF and its storage key", () => {
    expect(story.config.languages.map((l) => l.code)).toEqual(Object.keys(story.chapters));
    expect(story.config.pdf).toMatch(/\.pdf$/);
    expect(story.config.storageKey).not.toBe("");
  });

  const config = (languages: string, rest = '"pdf": "s.pdf",\n  "storageKey": "s"') =>
    `{\n  "name": "s",\n  "languages": [\n${languages}\n  ],\n  ${rest}\n}\n`;
  const de = '    { "code": "de", "locale": "de-DE", "paper": "A4" }';

  it.each([
    ["a paper it does not know", `${de},\n    { "code": "fr", "locale": "fr-FR", "paper": "A5" }`, 5, 'language "fr" has the paper "A5"'],
    [
      "a language twice",
      `${de},\n    { "code": "de", "locale": "de-AT", "paper": "A4" }`,
      5,
      'language "de" is listed twice (first on line 4)',
    ],
    [
      "a code that is no language code",
      `${de},\n    { "code": "French", "locale": "fr-FR", "paper": "A4" }`,
      5,
      'language 2 has the code "French"',
    ],
    [
      "a locale that is none",
      `${de},\n    { "code": "fr", "locale": "fr_FR!", "paper": "A4" }`,
      5,
      'language "fr" has the locale "fr_FR!"',
    ],
    [
      "an unknown field of a language",
      `${de},\n    { "code": "fr", "locale": "fr-FR", "paper": "A4", "dir": "ltr" }`,
      5,
      'unknown field "dir"',
    ],
  ])("stops on %s, at that language's line", (_, languages, line, problem) => {
    const e = errorOf(() => parseStoryConfig(config(languages), "content/story.json"));
    expect(e.file).toBe("content/story.json");
    expect(e.line).toBe(line);
    expect(e.message).toContain(problem);
  });

  it("stops on a PDF name with a folder, and on an unknown field, at their lines", () => {
    const pdf = errorOf(() => parseStoryConfig(config(de, '"pdf": "../x.pdf",\n  "storageKey": "s"'), "story.json"));
    expect([pdf.line, pdf.fix]).toEqual([6, 'write "pdf": a file name ending in .pdf, without folders, e.g. "altman-chips.pdf"']);
    const field = errorOf(() => parseStoryConfig(config(de, '"pdf": "s.pdf",\n  "storageKey": "s",\n  "langs": []'), "story.json"));
    expect(field.line).toBe(8);
    expect(field.message).toContain('unknown field "langs"');
    const none = errorOf(() => parseStoryConfig(config(""), "story.json"));
    expect(none.line).toBe(3);
    expect(none.message).toContain('"languages" is not a list of languages');
  });

  it("takes the lead picture's step as its anchor, and stops on one written otherwise, at its line", () => {
    const ok = parseStoryConfig(config(de, '"pdf": "s.pdf",\n  "storageKey": "s",\n  "lead": "trillions--giants"'), "story.json");
    expect(ok.lead).toBe("trillions--giants");
    expect(parseStoryConfig(config(de), "story.json").lead).toBeUndefined();
    const bad = errorOf(() =>
      parseStoryConfig(config(de, '"pdf": "s.pdf",\n  "storageKey": "s",\n  "lead": "trillions/giants"'), "story.json"),
    );
    expect(bad.line).toBe(8);
    expect(bad.fix).toContain("<chapter slug>--<state>");
  });

  it("stops when it is missing, naming it", () => {
    const t = patched((t) => t.remove("story.json"));
    const e = failsAt(t, "story.json", 1);
    expect(e.message).toContain("is missing");
  });

  it("stops on a chapter folder of a language it does not name", () => {
    const t = patched((t) => {
      const config = JSON.parse(t.read("story.json")) as { languages: { code: string }[] };
      config.languages = config.languages.filter((l) => l.code !== other);
      t.write("story.json", JSON.stringify(config, null, 2));
    });
    const e = failsAt(t, "story.json", 1);
    expect(e.message).toContain(`content/${other}/ holds chapters, but "${other}" is not one of the story's languages (${source})`);
    expect(e.fix).toContain(`add { "code": "${other}"`);
  });
});

describe("duplicate slugs", () => {
  it("stop the build at the second chapter's slug line, naming the first", () => {
    const [a, b] = story.chapters[source]!;
    const t = patched();
    const line = t.replace(chapterPath(b!), t.lineOf(chapterPath(b!), /^slug:/), `slug: ${b!.slug}`, `slug: ${a!.slug}`);
    const e = failsAt(t, chapterPath(b!), line);
    expect(e.message).toContain(`slug "${a!.slug}" is already the slug of ${t.file(chapterPath(a!))} (line ${a!.keyLines.slug})`);
    expect(e.fix).toContain("give each chapter its own slug");
  });

  it("stop it in any language, even when the source language is right", () => {
    const [a, b] = story.chapters[other]!;
    const t = patched();
    const line = t.replace(chapterPath(b!), t.lineOf(chapterPath(b!), /^slug:/), `slug: ${b!.slug}`, `slug: ${a!.slug}`);
    failsAt(t, chapterPath(b!), line);
  });
});

describe("hand-overs declared by the receiving chapter", () => {
  const list = story.chapters[source]!;
  const i = list.findIndex((c) => c.receives.length > 0);
  const receiver = list[i]!;

  it("the real story declares some, the same in every language", () => {
    expect(i).toBeGreaterThan(0);
    for (const lang of Object.keys(story.chapters)) expect(story.chapters[lang]![i]!.receives).toEqual(receiver.receives);
    // and the compiled chapters carry them on both sides of the boundary
    expect(story.compiled.chapters[source]![i]!.receives).toEqual(receiver.receives);
    expect(story.compiled.chapters[source]![i - 1]!.hands).toEqual(receiver.receives);
  });

  it("stop when one language declares other marks than the source language, at its receives line", () => {
    const file = chapterPath(story.chapters[other]![i]!);
    const t = patched();
    const line = t.replace(file, t.lineOf(file, /^receives:/), /\[.*\]/, "[elsewhere]");
    const e = failsAt(t, file, line);
    expect(e.message).toContain(`receives [elsewhere] but ${t.file(chapterPath(receiver))} receives [${receiver.receives.join(", ")}]`);
  });

  it("stop on a receives that is not a list of keys", () => {
    const file = chapterPath(receiver);
    const t = patched();
    const line = t.replace(file, t.lineOf(file, /^receives:/), /\[.*\]/, "{ hero: yes }");
    const e = failsAt(t, file, line);
    expect(e.message).toContain("`receives` is not a list of mark keys");
  });

  it("stop on a key the giving chapter's last step does not draw, naming that step", () => {
    const file = chapterPath(receiver);
    const before = list[i - 1]!;
    const t = patched();
    const line = t.replace(file, t.lineOf(file, /^receives:/), /\[.*\]/, "[no-such-mark]");
    // all languages alike, so the parity check passes and the drawing check speaks
    for (const lang of Object.keys(story.chapters)) {
      if (lang === source) continue;
      const f = chapterPath(story.chapters[lang]![i]!);
      t.replace(f, t.lineOf(f, /^receives:/), /\[.*\]/, "[no-such-mark]");
    }
    const e = failsAt(t, file, line);
    expect(e.message).toContain(`receives "no-such-mark" from the chapter before ("${before.slug}")`);
    expect(e.message).toContain(`(${t.file(chapterPath(before))}:${before.steps.at(-1)!.line})`);
    expect(e.fix).toContain(`draw a mark with key "no-such-mark" in scene "${before.scene}"`);
  });
});

describe("a third language (the sample story)", () => {
  const dir = mkdtempSync(join(tmpdir(), "third-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeSampleStory(dir, 4, 2);
  const sample = loadStory(dir, scenes);
  const rel = (f: string) => relative(process.cwd(), join(dir, f));

  it("is a folder, its labels and glossary and its code in story.json, and loads like the others", () => {
    const codes = sample.config.languages.map((l) => l.code);
    expect(codes).toEqual([...story.config.languages.map((l) => l.code), ADDED.code]);
    const outline = (lang: string) => sample.chapters[lang]!.map((c) => [c.slug, c.scene, c.receives, c.steps.map((s) => s.state)]);
    expect(outline(ADDED.code)).toEqual(outline(source));
    expect(sample.compiled.chapters[ADDED.code]!.map((c) => c.steps.length)).toEqual(
      sample.compiled.chapters[source]!.map((c) => c.steps.length),
    );
    expect(Object.keys(sample.glossary[ADDED.code]!)).toEqual(Object.keys(sample.glossary[source]!));
  });

  it("is checked against the source language: a missing step stops the build in its file", () => {
    const file = join(ADDED.code, sampleFiles(dir, ADDED.code)[0]!);
    const text = readFileSync(join(dir, file), "utf8");
    const steps = sample.chapters[source]![0]!.steps;
    const last = steps.at(-1)!.state;
    const cut = text.slice(0, text.indexOf(`:::step{state="${last}"}`));
    writeFileSync(join(dir, file), cut);
    try {
      const e = errorOf(() => loadStory(dir, scenes));
      expect(e.file).toBe(rel(file));
      expect(e.message).toContain(`step "${last}"`);
      expect(e.message).toContain("is missing here");
    } finally {
      writeFileSync(join(dir, file), text);
    }
  });

  it("needs its glossary, named like the others", () => {
    const file = join("glossary", `${ADDED.code}.json`);
    const text = readFileSync(join(dir, file), "utf8");
    rmSync(join(dir, file));
    try {
      const e = errorOf(() => loadStory(dir, scenes));
      expect([e.file, e.line]).toEqual([join(dir, file), 1]);
      expect(e.message).toContain("is missing");
    } finally {
      writeFileSync(join(dir, file), text);
    }
  });
});
