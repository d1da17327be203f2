// Loads the whole story from `content/`: facts, labels and the chapters of both
// languages, and checks them against each other and against the scenes. Used by
// the Astro pages at build time, by `scripts/check-content.ts` and by tests.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { StoryError } from "./errors.ts";
import { parseFacts, nameForms, type Facts } from "./facts.ts";
import { checkQuotes } from "./source.ts";
import { parseLabels, checkLabelParity, factIdsIn, type LabelTree } from "./labels.ts";
import { parseChapter, parseGlossary, type Glossary, type ParsedChapter } from "./markdown.ts";
import { lineOfPath } from "./json.ts";
import { LANGS, type Lang } from "./config.ts";
import type { Scene } from "./types.ts";
import { compileStory, type CompiledStory } from "./compile.ts";

export { sceneContext } from "./compile.ts";

export interface LoadedStory {
  facts: Facts;
  labels: Record<Lang, LabelTree>;
  /** Term id → its words and definition, per language (content/glossary/<lang>.json). */
  glossary: Record<Lang, Glossary>;
  chapters: Record<Lang, ParsedChapter[]>;
  /** Every drawing of the story, computed once (src/story/compile.ts). */
  compiled: CompiledStory;
}

export function loadStory(contentDir: string, scenes: Record<string, Scene>): LoadedStory {
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const factsFile = join(contentDir, "facts.json");
  const factsText = read(factsFile);
  const facts = parseFacts(factsText, rel(factsFile));
  checkQuotes(facts, factsText, rel(factsFile), contentDir);

  // labels/<lang>.json holds the page's words; labels/<lang>/<scene>.json each scene's figure words.
  const labelSrc = Object.fromEntries(
    LANGS.map((lang) => {
      const file = join(contentDir, "labels", `${lang}.json`);
      const text = read(file);
      return [lang, { lang, file: rel(file), text, tree: parseLabels(text, rel(file)) }];
    }),
  ) as Record<Lang, { lang: Lang; file: string; text: string; tree: LabelTree }>;
  const sceneFiles = Object.fromEntries(
    LANGS.map((lang) => {
      const dir = join(contentDir, "labels", lang);
      const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
      return [lang, new Map(names.map((f) => [f.replace(/\.json$/, ""), rel(join(dir, f))]))];
    }),
  ) as Record<Lang, Map<string, string>>;
  checkLabelParity(labelSrc.de, labelSrc.en);
  for (const [a, b] of [
    ["de", "en"],
    ["en", "de"],
  ] as const) {
    for (const [scene, file] of sceneFiles[a]) {
      if (!sceneFiles[b].has(scene)) {
        throw new StoryError(
          file,
          1,
          `has no counterpart in the other language`,
          `add ${join(dirname(dirname(file)), b, `${scene}.json`)} with the same keys`,
        );
      }
    }
  }
  for (const [scene, deFile] of sceneFiles.de) {
    const enFile = sceneFiles.en.get(scene)!;
    const src = (lang: Lang, file: string) => {
      const text = read(file);
      return { lang, file, text, tree: parseLabels(text, file) };
    };
    const de = src("de", deFile);
    const en = src("en", enFile);
    checkLabelParity(de, en);
    for (const [lang, part] of [
      ["de", de],
      ["en", en],
    ] as const) {
      const scenesTree = (labelSrc[lang].tree.scenes ??= {}) as LabelTree;
      if (scenesTree[scene] !== undefined) {
        throw new StoryError(
          labelSrc[lang].file,
          1,
          `defines "scenes.${scene}", which ${part.file} defines too`,
          `keep the scene's words in ${part.file} only`,
        );
      }
      scenesTree[scene] = part.tree;
    }
  }

  const glossary = Object.fromEntries(
    LANGS.map((lang) => [lang, loadGlossary(join(contentDir, "glossary", `${lang}.json`), rel)]),
  ) as Record<Lang, { file: string; text: string; terms: Glossary }>;
  checkGlossaryParity(glossary.de, glossary.en);

  const states = Object.fromEntries(Object.values(scenes).map((s) => [s.id, s.states]));
  const chapters = Object.fromEntries(
    LANGS.map((lang) => {
      const dir = join(contentDir, lang);
      const files = existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith(".md"))
            .sort()
        : [];
      return [
        lang,
        files.map((f) =>
          parseChapter(read(join(dir, f)), { file: rel(join(dir, f)), lang, facts, glossary: glossary[lang].terms, scenes: states }),
        ),
      ];
    }),
  ) as Record<Lang, ParsedChapter[]>;

  checkChapterParity(chapters.de, chapters.en, join(contentDir, "en"), join(contentDir, "de"), rel);
  for (let i = 0; i < chapters.de.length; i++) checkStepParity(chapters.de[i]!, chapters.en[i]!, facts);
  const labels = { de: labelSrc.de.tree, en: labelSrc.en.tree };
  // Drawing every step once is also the check that every label and fact a scene asks for exists.
  const labelFile = (lang: Lang) => (scene: string) => sceneFiles[lang].get(scene) ?? labelSrc[lang].file;
  const compiled = compileStory(chapters, scenes, facts, labels, { de: labelFile("de"), en: labelFile("en") }, rel(factsFile));
  checkAllUsed(chapters, labels, { facts, text: factsText, file: rel(factsFile) }, new Set(compiled.placesUsed), glossary);
  return { facts, labels, glossary: { de: glossary.de.terms, en: glossary.en.terms }, chapters, compiled };
}

function read(file: string): string {
  if (!existsSync(file)) throw new StoryError(file, 1, "is missing", "create it (see README: Writing a chapter)");
  return readFileSync(file, "utf8");
}

function checkChapterParity(de: ParsedChapter[], en: ParsedChapter[], enDir: string, deDir: string, rel: (p: string) => string): void {
  const other = (c: ParsedChapter) => (c.file.includes("/de/") ? rel(enDir) : rel(deDir));
  const slugsEn = new Set(en.map((c) => c.slug));
  const slugsDe = new Set(de.map((c) => c.slug));
  for (const [list, has] of [
    [de, slugsEn],
    [en, slugsDe],
  ] as const) {
    for (const c of list) {
      if (!has.has(c.slug)) {
        throw new StoryError(
          c.file,
          c.keyLines.slug ?? 2,
          `chapter "${c.slug}" has no counterpart in ${other(c)}`,
          `add a chapter file with \`slug: ${c.slug}\` to ${other(c)}, or rename this slug to match`,
        );
      }
    }
  }
  de.forEach((c, i) => {
    const e = en[i]!;
    if (e.slug !== c.slug) {
      throw new StoryError(
        e.file,
        e.keyLines.slug ?? 2,
        `chapter "${e.slug}" is chapter ${i + 1} here but "${c.slug}" is chapter ${i + 1} in ${c.file}`,
        "number the files of both languages in the same order",
      );
    }
    if (e.scene !== c.scene) {
      throw new StoryError(
        e.file,
        e.keyLines.scene ?? 2,
        `scene "${e.scene}" differs from scene "${c.scene}" in ${c.file}`,
        `use \`scene: ${c.scene}\` in both languages`,
      );
    }
  });
}

function checkStepParity(de: ParsedChapter, en: ParsedChapter, facts: Facts): void {
  const n = Math.max(de.steps.length, en.steps.length);
  for (let i = 0; i < n; i++) {
    const a = de.steps[i];
    const b = en.steps[i];
    if (!a || !b || a.state !== b.state) {
      // German is the source language: when both have the step, the English follows it.
      const [has, lacks] =
        !b || (a && !en.steps.some((s) => s.state === a.state)) || (a && b && de.steps.some((s) => s.state === b.state))
          ? [de, en]
          : [en, de];
      const step = (has === de ? a : b)!;
      const missing = !lacks.steps.some((s) => s.state === step.state);
      throw new StoryError(
        lacks.file,
        lacks.steps[i]?.line ?? lacks.steps.at(-1)?.line ?? 1,
        missing ? `step "${step.state}" (${has.file}:${step.line}) is missing here` : `steps are in a different order than in ${has.file}`,
        missing
          ? `add :::step{state="${step.state}"} as step ${i + 1}, or remove it from ${has.file}`
          : `order the steps as in ${has.file}: ${has.steps.map((s) => s.state).join(", ")}`,
      );
    }
    if (a.source === b.source) {
      throw new StoryError(
        en.file,
        b.line,
        `step "${b.state}" has the same text as the German step (${de.file}:${a.line})`,
        `write this step in English; a German chapter belongs in ${dirname(de.file)}`,
      );
    }
    const fa = [...a.facts].sort().join(", ");
    const fb = [...b.facts].sort().join(", ");
    if (fa !== fb) {
      throw new StoryError(
        en.file,
        b.line,
        `step "${b.state}" cites facts [${fb}] but the German step (${de.file}:${a.line}) cites [${fa}]`,
        "cite the same :fact[…] ids in both languages",
      );
    }
    const ta = [...new Set(a.terms)].sort().join(", ");
    const tb = [...new Set(b.terms)].sort().join(", ");
    if (ta !== tb) {
      throw new StoryError(
        en.file,
        b.line,
        `step "${b.state}" marks the terms [${tb}] but the German step (${de.file}:${a.line}) marks [${ta}]`,
        "mark the same :term[…] words in both languages",
      );
    }
    for (const [id, name] of Object.entries(facts.names)) {
      const inDe = mentions(a.text, nameForms(name, "de"));
      const inEn = mentions(b.text, nameForms(name, "en"));
      if (inDe !== inEn) {
        const [where, line, lang] = inDe ? [en.file, b.line, "en"] : [de.file, a.line, "de"];
        throw new StoryError(
          where,
          line,
          `step "${a.state}" names ${nameForms(name, inDe ? "de" : "en")[0]} in one language only`,
          `mention "${nameForms(name, lang as Lang)[0]}" here too (name "${id}" in content/facts.json), or drop it from the other language`,
        );
      }
    }
  }
}

export function mentions(text: string, forms: string[]): boolean {
  const plain = text.replace(/\u00a0/g, " ");
  return forms.some((f) => new RegExp(`(?<![\\p{L}])${escape(f)}(?:s|'s|’s)?(?![\\p{L}])`, "u").test(plain));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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

/** Everything defined is used: every number fact (in prose or figure words), every place a scene draws, every term. */
function checkAllUsed(
  chapters: Record<Lang, ParsedChapter[]>,
  labels: Record<Lang, LabelTree>,
  { facts, text, file: factsFile }: { facts: Facts; text: string; file: string },
  placesUsed: ReadonlySet<string>,
  glossary: Record<Lang, { file: string; text: string; terms: Glossary }>,
): void {
  const cited = new Set(LANGS.flatMap((lang) => chapters[lang].flatMap((c) => c.steps.flatMap((s) => s.facts))));
  for (const lang of LANGS) for (const id of factIdsIn(JSON.stringify(labels[lang]))) cited.add(id);
  for (const id of Object.keys(facts.numbers)) {
    if (!cited.has(id))
      throw new StoryError(
        factsFile,
        lineOfPath(text, ["numbers", id]),
        `fact "${id}" is never cited`,
        `cite it as :fact[${id}] in a step or {${id}} in a label, or remove it`,
      );
  }
  for (const id of Object.keys(facts.places)) {
    if (!placesUsed.has(id))
      throw new StoryError(
        factsFile,
        lineOfPath(text, ["places", id]),
        `place "${id}" is on no map`,
        "draw it in a scene with ctx.place, or remove it",
      );
  }
  for (const lang of LANGS) {
    const used = new Set(chapters[lang].flatMap((c) => c.steps.flatMap((s) => s.terms)));
    for (const id of Object.keys(glossary[lang].terms)) {
      if (!used.has(id))
        throw new StoryError(
          glossary[lang].file,
          lineOfPath(glossary[lang].text, [id]),
          `term "${id}" is never used`,
          `mark it in a step as :term[${glossary[lang].terms[id]!.term}]{id="${id}"}, or remove it`,
        );
    }
  }
}
