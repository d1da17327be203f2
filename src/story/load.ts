// Loads the whole story from `content/`: its configuration (story.json), facts,
// labels and the chapters of every language, and checks them against each other
// (src/story/parity.ts) and against the scenes. Used by
// the Astro pages at build time, by `scripts/check-content.ts` and by tests.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { StoryError } from "./errors.ts";
import { parseFacts, type Facts } from "./facts.ts";
import { checkQuotes } from "./source.ts";
import { parseLabels, checkLabelParity, factIdsIn, labelKeys, type LabelTree } from "./labels.ts";
import { parseChapter, parseGlossary, type Glossary, type ParsedChapter } from "./markdown.ts";
import { lineOfPath } from "./json.ts";
import { langsOf, perLang, type Lang, type StoryConfig } from "./config.ts";
import { loadStoryConfig, STORY_FILE } from "./storyConfig.ts";
import type { Scene } from "./types.ts";
import { compileStory, labelPath, labelsDrawn, type Asked, type CompiledStory } from "./compile.ts";
import { checkChapterParity, checkStepParity, checkUniqueSlugs } from "./parity.ts";
import { checkPageParity, loadPageText, type PageText } from "./pageText.ts";
import { checkPrintParity, checkPrintedSteps } from "./print.ts";

export { sceneContext } from "./compile.ts";
export { mentions } from "./parity.ts";

export interface LoadedStory {
  /** content/story.json: the languages in order (the first the source language), the story's name, PDF name, storage key. */
  config: StoryConfig;
  facts: Facts;
  labels: Record<Lang, LabelTree>;
  /** Term id → its words and definition, per language (content/glossary/<lang>.json). */
  glossary: Record<Lang, Glossary>;
  chapters: Record<Lang, ParsedChapter[]>;
  /** The words around the chapters: the opening and the ending (content/page/<lang>.md). */
  page: Record<Lang, PageText>;
  /** Every drawing of the story, computed once (src/story/compile.ts). */
  compiled: CompiledStory;
}

interface LabelSource {
  lang: Lang;
  file: string;
  text: string;
  tree: LabelTree;
}

export function loadStory(contentDir: string, scenes: Record<string, Scene>): LoadedStory {
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const config = loadStoryConfig(contentDir);
  const langs = langsOf(config);
  // Every other language is checked against the source language (the first), which is checked against none.
  const [source, ...others] = langs as [Lang, ...Lang[]];
  checkNoStrayLanguage(contentDir, langs, rel);
  const factsFile = join(contentDir, "facts.json");
  const factsText = read(factsFile);
  const facts = parseFacts(factsText, rel(factsFile), langs);
  checkQuotes(facts, factsText, rel(factsFile), contentDir);

  // labels/<lang>.json holds the page's words; labels/<lang>/<scene>.json each scene's figure words.
  const labelSrc = perLang(langs, (lang): LabelSource => {
    const file = join(contentDir, "labels", `${lang}.json`);
    const text = read(file);
    return { lang, file: rel(file), text, tree: parseLabels(text, rel(file)) };
  });
  const sceneFiles = perLang(langs, (lang) => {
    const dir = join(contentDir, "labels", lang);
    const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
    return new Map(names.map((f) => [f.replace(/\.json$/, ""), rel(join(dir, f))]));
  });
  for (const other of others) {
    checkLabelParity(labelSrc[source]!, labelSrc[other]!);
    for (const [a, b] of [
      [source, other],
      [other, source],
    ] as const) {
      for (const [scene, file] of sceneFiles[a]!) {
        if (!sceneFiles[b]!.has(scene)) {
          throw new StoryError(
            file,
            1,
            `has no counterpart in the language "${b}"`,
            `add ${join(dirname(dirname(file)), b!, `${scene}.json`)} with the same keys`,
          );
        }
      }
    }
  }
  for (const scene of sceneFiles[source]!.keys()) {
    const parts = langs.map((lang): LabelSource => {
      const file = sceneFiles[lang]!.get(scene)!;
      const text = read(file);
      return { lang, file, text, tree: parseLabels(text, file) };
    });
    for (const part of parts.slice(1)) checkLabelParity(parts[0]!, part);
    for (const part of parts) {
      const page = labelSrc[part.lang]!;
      const scenesTree = (page.tree.scenes ??= {}) as LabelTree;
      if (scenesTree[scene] !== undefined) {
        throw new StoryError(
          page.file,
          1,
          `defines "scenes.${scene}", which ${part.file} defines too`,
          `keep the scene's words in ${part.file} only`,
        );
      }
      scenesTree[scene] = part.tree;
    }
  }

  const glossary = perLang(langs, (lang) => loadGlossary(join(contentDir, "glossary", `${lang}.json`), rel));
  for (const other of others) checkGlossaryParity(glossary[source]!, glossary[other]!);

  const states = Object.fromEntries(Object.values(scenes).map((s) => [s.id, s.states]));
  const chapters = perLang(langs, (lang) => {
    const dir = join(contentDir, lang);
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".md"))
          .sort()
      : [];
    return files.map((f) =>
      parseChapter(read(join(dir, f)), { file: rel(join(dir, f)), lang, facts, glossary: glossary[lang]!.terms, scenes: states }),
    );
  });

  for (const lang of langs) checkUniqueSlugs(chapters[lang]!);
  for (const other of others) {
    const [a, b] = [chapters[source]!, chapters[other]!];
    checkChapterParity(a, b, { dir: rel(join(contentDir, source)), lang: source }, { dir: rel(join(contentDir, other)), lang: other });
    for (let i = 0; i < a.length; i++) {
      checkStepParity(a[i]!, b[i]!, facts, source, other);
      checkPrintParity(a[i]!, b[i]!);
    }
  }
  const page = perLang(langs, (lang) => loadPageText(contentDir, lang, facts, glossary[lang]!.terms, rel, lang === source));
  for (const other of others) checkPageParity(page[source]!, page[other]!);
  for (const lang of langs) for (const c of chapters[lang]!) checkPrintedSteps(c);
  const labels = perLang(langs, (lang) => labelSrc[lang]!.tree);
  // Drawing every step once is also the check that every label and fact a scene asks for exists.
  const labelFiles = perLang(langs, (lang) => (scene: string) => sceneFiles[lang]!.get(scene) ?? labelSrc[lang]!.file);
  const asked = {} as Record<Lang, Map<string, Asked>>;
  const factsSource = { facts, text: factsText, file: rel(factsFile) };
  // Facts and terms are cited by the words alone: checked before the drawing pass (the slow part), so a
  // story that cites too little stops at once; places are drawn, so they are checked after it.
  checkAllCited(langs, chapters, labels, factsSource, glossary);
  const compiled = compileStory(langs, chapters, scenes, facts, labels, labelFiles, rel(factsFile), asked);
  checkPlacesDrawn(factsSource, new Set(compiled.placesUsed));
  for (const lang of langs) checkLabelsDrawn(asked[lang]!, scenes, facts, labels[lang]!, lang, labelFiles[lang]!);
  return { config, facts, labels, glossary: perLang(langs, (lang) => glossary[lang]!.terms), chapters, page, compiled };
}

/** A chapter folder (or label file) of a language that content/story.json does not name would be silently left out. */
function checkNoStrayLanguage(contentDir: string, langs: readonly Lang[], rel: (p: string) => string): void {
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || langs.includes(entry.name) || ["labels", "glossary", "page"].includes(entry.name)) continue;
    if (!readdirSync(join(contentDir, entry.name)).some((f) => f.endsWith(".md"))) continue;
    throw new StoryError(
      rel(join(contentDir, STORY_FILE)),
      1,
      `content/${entry.name}/ holds chapters, but "${entry.name}" is not one of the story's languages (${langs.join(", ")})`,
      `add { "code": "${entry.name}", "locale": "…", "paper": "…" } to "languages", or move the folder out of ${rel(contentDir)}`,
    );
  }
}

function read(file: string): string {
  if (!existsSync(file)) throw new StoryError(file, 1, "is missing", "create it (see README: Writing a chapter)");
  return readFileSync(file, "utf8");
}

function loadGlossary(file: string, rel: (p: string) => string): { file: string; text: string; terms: Glossary } {
  const text = read(file);
  const name = rel(file);
  return { file: name, text, terms: parseGlossary(text, name) };
}

function checkGlossaryParity(a: { file: string; text: string; terms: Glossary }, b: { file: string; text: string; terms: Glossary }): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const id of Object.keys(x.terms)) {
      if (!y.terms[id])
        throw new StoryError(
          y.file,
          1,
          `lacks the term "${id}" that ${x.file} has (line ${lineOfPath(x.text, [id])})`,
          `add "${id}" to ${y.file}`,
        );
    }
  }
}

/**
 * Every figure word in a scene's labels is drawn by some state of the scene (a word left over from an earlier
 * drawing is a label no reader sees, and a translator keeps translating it). The text alternatives (`alt.*`,
 * `printAlt.*`) are read by the page, not drawn, and checked where they are used.
 */
function checkLabelsDrawn(
  asked: Map<string, Asked>,
  scenes: Record<string, Scene>,
  facts: Facts,
  labels: LabelTree,
  lang: Lang,
  fileOf: (scene: string) => string,
): void {
  const drawn = labelsDrawn(asked, scenes, facts, labels, lang);
  for (const [scene, used] of drawn) {
    const words = (labels.scenes as LabelTree | undefined)?.[scene];
    if (typeof words !== "object") continue;
    for (const key of labelKeys(words)) {
      if (/^(alt|printAlt)\./.test(key) || used.has(key)) continue;
      const file = fileOf(scene);
      throw new StoryError(
        file,
        lineOfPath(read(file), labelPath(file, scene, key)),
        `the figure word "${key}" of scene "${scene}" is drawn by no state of the scene`,
        `remove "${key}" (in every language), or draw it with ctx.t("${key}") in src/scenes/`,
      );
    }
  }
}

/** Everything defined is cited: every number fact (in prose or figure words), every term. */
function checkAllCited(
  langs: readonly Lang[],
  chapters: Record<Lang, ParsedChapter[]>,
  labels: Record<Lang, LabelTree>,
  { facts, text, file: factsFile }: { facts: Facts; text: string; file: string },
  glossary: Record<Lang, { file: string; text: string; terms: Glossary }>,
): void {
  const cited = new Set(langs.flatMap((lang) => chapters[lang]!.flatMap((c) => c.steps.flatMap((s) => s.facts))));
  for (const lang of langs) for (const id of factIdsIn(JSON.stringify(labels[lang]))) cited.add(id);
  for (const id of Object.keys(facts.numbers)) {
    if (!cited.has(id))
      throw new StoryError(
        factsFile,
        lineOfPath(text, ["numbers", id]),
        `fact "${id}" is never cited`,
        `cite it as :fact[${id}] in a step or {${id}} in a label, or remove it`,
      );
  }
  for (const lang of langs) {
    const used = new Set(chapters[lang]!.flatMap((c) => c.steps.flatMap((s) => s.terms)));
    const g = glossary[lang]!;
    for (const id of Object.keys(g.terms)) {
      if (!used.has(id))
        throw new StoryError(
          g.file,
          lineOfPath(g.text, [id]),
          `term "${id}" is never used`,
          `mark it in a step as :term[${g.terms[id]!.term}]{id="${id}"}, or remove it`,
        );
    }
  }
}

/** Every place in facts.json is drawn by a scene (ctx.place). */
function checkPlacesDrawn(
  { facts, text, file: factsFile }: { facts: Facts; text: string; file: string },
  placesUsed: ReadonlySet<string>,
): void {
  for (const id of Object.keys(facts.places)) {
    if (!placesUsed.has(id))
      throw new StoryError(
        factsFile,
        lineOfPath(text, ["places", id]),
        `place "${id}" is on no map`,
        "draw it in a scene with ctx.place, or remove it",
      );
  }
}
