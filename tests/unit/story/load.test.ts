// loadStory on the real content/ and on patched copies of it (tests/unit/patch.ts):
// each case breaks one thing and the build must stop on it with the file, the
// exact line and what would be right. Nothing here knows what the story says:
// chapters, states, facts, names and labels come from the loaded story, and lines
// from where the patch went, so the cases follow the content as it grows.

import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStory, mentions } from "../../../src/story/load.ts";
import { nameForms } from "../../../src/story/facts.ts";
import { labelKeys } from "../../../src/story/labels.ts";
import type { Lang } from "../../../src/story/types.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { CONTENT, ctxFor } from "../support.ts";
import { chapterPath, failsAt, lineOfKey, patched, realStory, typo, type Tree } from "../patch.ts";

const story = realStory();
const LANG_LIST = Object.keys(story.chapters) as Lang[];
/** The first chapter pair with at least two steps (cases that move steps need two). */
const pairIndex = story.chapters.de!.findIndex((c) => c.steps.length >= 2);
const de = story.chapters.de![pairIndex]!;
const en = story.chapters.en![pairIndex]!;
const [deFile, enFile] = [chapterPath(de), chapterPath(en)];
const states = de.steps.map((s) => s.state);
const sorted = (ids: string[]) => [...ids].sort().join(", ");

/** The first line of prose in a step. */
const proseLine = (t: Tree, file: string, state: string) => t.lineOf(file, /\S/, t.stepLine(file, state) + 1);

describe("loadStory: the real content", () => {
  it("loads both languages with the same slugs, scenes and states in the same order", () => {
    expect(pairIndex).toBeGreaterThanOrEqual(0);
    expect(LANG_LIST.length).toBeGreaterThan(1);
    const [first, ...others] = LANG_LIST.map((lang) => story.chapters[lang]!);
    const outline = (cs: typeof first) => cs!.map((c) => [c.slug, c.scene, c.steps.map((s) => s.state)]);
    for (const other of others) expect(outline(other)).toEqual(outline(first));
  });

  it("reads every chapter file in file order, each step from its own :::step opener with the facts it cites", () => {
    const t = patched();
    for (const lang of LANG_LIST) {
      const files = readdirSync(join(CONTENT, lang))
        .filter((f) => f.endsWith(".md"))
        .sort();
      expect(story.chapters[lang]!.map(chapterPath)).toEqual(files.map((f) => join(lang, f)));
      for (const c of story.chapters[lang]!) {
        const f = chapterPath(c);
        for (const s of c.steps) {
          const { start, end } = t.step(f, s.state);
          expect(s.line, `${f} ${s.state}`).toBe(start);
          const block = t.read(f).split("\n").slice(start, end).join("\n");
          expect(sorted(s.facts), `${f} ${s.state}`).toBe(sorted([...block.matchAll(/:fact\[([^\]]+)\]/g)].map((m) => m[1]!)));
        }
      }
    }
  });

  it("loads an unpatched copy the same way, naming its files relative to the working directory", () => {
    const t = patched();
    const copy = loadStory(t.dir, scenes);
    expect(copy.chapters.de!.map((c) => c.slug)).toEqual(story.chapters.de!.map((c) => c.slug));
    expect(copy.chapters.en![pairIndex]!.file).toBe(t.file(enFile));
  });
});

describe("loadStory: chapter files", () => {
  it("stops on an unknown scene and suggests the nearest one", () => {
    const wrong = typo(de.scene);
    const t = patched();
    const line = t.replace(deFile, t.lineOf(deFile, /^scene:/), `scene: ${de.scene}`, `scene: ${wrong}`);
    const e = failsAt(t, deFile, line);
    expect(e.message).toContain(`unknown scene "${wrong}"`);
    expect(e.fix).toContain(`did you mean "${de.scene}"?`);
    for (const id of Object.keys(scenes)) expect(e.fix).toContain(`"${id}"`);
  });

  it("stops on an unknown state and suggests the nearest state of the scene", () => {
    const state = states.at(-1)!;
    const wrong = typo(state);
    expect(scenes[en.scene]!.states).not.toContain(wrong);
    const t = patched();
    const line = t.replace(enFile, t.stepLine(enFile, state), `state="${state}"`, `state="${wrong}"`);
    const e = failsAt(t, enFile, line);
    expect(e.message).toContain(`unknown state "${wrong}" for scene "${en.scene}"`);
    expect(e.fix).toContain(`did you mean "${state}"?`);
    for (const s of scenes[en.scene]!.states) expect(e.fix).toContain(`"${s}"`);
  });

  it("stops on a state used twice in one chapter, naming the first use", () => {
    const [first, second] = states;
    const t = patched();
    const line = t.replace(deFile, t.stepLine(deFile, second!), `state="${second}"`, `state="${first}"`);
    const e = failsAt(t, deFile, line);
    expect(e.message).toContain(`state "${first}" is used twice in this chapter (first on line ${t.stepLine(deFile, first!)})`);
    expect(e.fix).toContain("give each step its own state");
  });

  it("stops on invalid YAML in the frontmatter at the offending line", () => {
    const t = patched();
    const line = t.replace(deFile, t.lineOf(deFile, /^title:/), /^title:.*$/, "title: Chips: die Jagd");
    const e = failsAt(t, deFile, line);
    expect(e.message).toContain("frontmatter is not valid YAML");
    expect(e.fix).toContain("quote values that contain a colon");
  });

  it("stops on frontmatter without a title, at the frontmatter's first line", () => {
    const t = patched();
    t.deleteLines(enFile, t.lineOf(enFile, /^title:/));
    const e = failsAt(t, enFile, t.lineOf(enFile, /^---$/) + 1);
    expect(e.message).toContain("frontmatter lacks `title`");
    expect(e.fix).toContain("`title: …`");
  });

  it("stops on a chapter file without frontmatter, at its first line", () => {
    const t = patched();
    t.deleteLines(enFile, 1, t.lineOf(enFile, /^---$/, 2));
    const e = failsAt(t, enFile, 1);
    expect(e.message).toContain("does not start with frontmatter");
    expect(e.fix).toMatch(/`---`.*`slug:`.*`title:`.*`scene:`/);
  });

  it("stops on an empty step", () => {
    const t = patched();
    const { start, end } = t.step(deFile, states[0]!);
    t.deleteLines(deFile, start + 1, end - 1);
    const e = failsAt(t, deFile, start);
    expect(e.message).toContain("step is empty");
    expect(e.fix).toContain("between :::step{…} and :::");
  });

  it("stops on a chapter's last step left open, at its opener", () => {
    const t = patched();
    const { start, end } = t.step(enFile, states.at(-1)!);
    t.deleteLines(enFile, end);
    const e = failsAt(t, enFile, start);
    expect(e.message).toContain("the step opened here is never closed");
    expect(e.fix).toContain("end it with a line `:::`");
  });

  it("stops on a step left open mid-file at its own opener, not at the next step", () => {
    const t = patched();
    const { start, end } = t.step(deFile, states[0]!);
    t.deleteLines(deFile, end);
    const e = failsAt(t, deFile, start);
    expect(e.message).toContain("the step opened here is never closed");
  });

  it("stops on prose outside a step", () => {
    const t = patched();
    const line = t.insert(deFile, t.stepLine(deFile, states[1]!), "Ein Absatz zwischen zwei Schritten.", "");
    const e = failsAt(t, deFile, line);
    expect(e.message).toContain("text outside a step");
    expect(e.fix).toContain(':::step{state="…"}');
  });
});

describe("loadStory: inside a step", () => {
  /** The first step of a language that cites a fact, with its chapter file and the line of its first citation. */
  function citing(lang: Lang, t: Tree) {
    const c = story.chapters[lang]!.find((c) => c.steps.some((s) => s.facts.length > 0))!;
    const step = c.steps.find((s) => s.facts.length > 0)!;
    const file = chapterPath(c);
    const id = step.facts[0]!;
    return { file, step, id, line: t.lineOf(file, `:fact[${id}]`, t.stepLine(file, step.state)) };
  }

  it("stops on an unknown fact id and suggests the nearest id", () => {
    const t = patched();
    const { file, id, line } = citing("en", t);
    t.replace(file, line, `:fact[${id}]`, `:fact[${typo(id)}]`);
    const e = failsAt(t, file, line);
    expect(e.message).toContain(`unknown fact id "${typo(id)}"`);
    expect(e.fix).toContain(`did you mean "${id}"?`);
  });

  it("stops on a number typed into the prose instead of cited", () => {
    const t = patched();
    const { file, id, line } = citing("de", t);
    const typed = String(story.facts.numbers[id]!.value);
    t.replace(file, line, `:fact[${id}]`, typed);
    const e = failsAt(t, file, line);
    expect(e.message).toContain(`the number "${typed}" is typed into the prose`);
    expect(e.fix).toContain(":fact[id]");
  });

  it("stops on an unknown directive at its own line, not the step's or the paragraph's", () => {
    const t = patched();
    // Right after the step's first prose line, so it continues that paragraph.
    const line = t.insert(deFile, proseLine(t, deFile, states[0]!) + 1, ":firma[Wort] und mehr.");
    const e = failsAt(t, deFile, line);
    expect(e.message).toContain('unknown directive ":firma"');
    expect(e.fix).toContain(":fact[id]");
  });
});

describe("loadStory: the two languages against each other", () => {
  it("stops when a step is missing in one language, at the step that stands in its place", () => {
    const [first, next] = states;
    const t = patched();
    t.removeStep(enFile, first!);
    const e = failsAt(t, enFile, t.stepLine(enFile, next!));
    expect(e.message).toContain(`step "${first}" (${t.file(deFile)}:${t.stepLine(deFile, first!)}) is missing here`);
    expect(e.fix).toContain(`add :::step{state="${first}"} as step 1, or remove it from ${t.file(deFile)}`);
  });

  it("stops when one language has an extra last step, naming where it is", () => {
    const last = states.at(-1)!;
    const t = patched();
    t.removeStep(deFile, last);
    const e = failsAt(t, deFile, t.stepLine(deFile, states.at(-2)!));
    expect(e.message).toContain(`step "${last}" (${t.file(enFile)}:${t.stepLine(enFile, last)}) is missing here`);
    expect(e.fix).toContain(`add :::step{state="${last}"} as step ${states.length}, or remove it from ${t.file(enFile)}`);
  });

  it("stops when the steps are in a different order, asking the English to follow the German source", () => {
    const [first, second] = states;
    const t = patched();
    t.swapSteps(enFile, first!, second!);
    const e = failsAt(t, enFile, t.stepLine(enFile, second!));
    expect(e.message).toContain(`steps are in a different order than in ${t.file(deFile)}`);
    expect(e.fix).toContain(`order the steps as in ${t.file(deFile)}: ${states.join(", ")}`);
  });

  it("stops when a chapter has no counterpart in the other language", () => {
    const last = story.chapters.de!.at(-1)!;
    const file = chapterPath(last);
    const t = patched();
    t.remove(chapterPath(story.chapters.en!.at(-1)!));
    const e = failsAt(t, file, t.lineOf(file, /^slug:/));
    expect(e.message).toContain(`chapter "${last.slug}" has no counterpart in ${t.file("en")}`);
    expect(e.fix).toContain(`add a chapter file with \`slug: ${last.slug}\` to ${t.file("en")}`);
  });

  it("stops when a name is mentioned in one language's step only, and gives the other language's form", () => {
    // A name spelled differently in the two languages that the step mentions in neither.
    const names = Object.entries(story.facts.names);
    const step = de.steps[0]!;
    const [id, name] = names.find(
      ([, n]) =>
        nameForms(n, "de")[0] !== nameForms(n, "en")[0] &&
        !mentions(step.text, nameForms(n, "de")) &&
        !mentions(en.steps[0]!.text, nameForms(n, "en")) &&
        names.filter(([, m]) => mentions(nameForms(n, "de")[0]!, nameForms(m, "de"))).length === 1,
    )!;
    const [deName, enName] = [nameForms(name, "de")[0]!, nameForms(name, "en")[0]!];
    const t = patched();
    t.replace(deFile, proseLine(t, deFile, step.state), /$/, ` (${deName})`);
    const e = failsAt(t, enFile, t.stepLine(enFile, step.state));
    expect(e.message).toContain(`step "${step.state}" names ${deName} in de but not in en`);
    expect(e.fix).toContain(`mention "${enName}" here too (name "${id}"`);
  });

  it("stops when the languages cite different facts in a step", () => {
    const i = de.steps.findIndex((s) => s.facts.length > 0);
    const [a, b] = [de.steps[i]!, en.steps[i]!];
    const [cited, other] = [b.facts[0]!, Object.keys(story.facts.numbers).find((f) => !b.facts.includes(f))!];
    const t = patched();
    t.replace(enFile, t.lineOf(enFile, `:fact[${cited}]`, t.stepLine(enFile, b.state)), `:fact[${cited}]`, `:fact[${other}]`);
    const e = failsAt(t, enFile, t.stepLine(enFile, b.state));
    const now = b.facts.map((f, n) => (n === 0 ? other : f));
    expect(e.message).toContain(
      `step "${b.state}" cites facts [${sorted(now)}] but the "de" step (${t.file(deFile)}:${t.stepLine(deFile, a.state)}) cites [${sorted(a.facts)}]`,
    );
    expect(e.fix).toContain("cite the same :fact[…] ids in every language");
  });

  it("stops when a step cites a fact in one language only", () => {
    const [a, b] = [de.steps[0]!, en.steps[0]!];
    const extra = Object.keys(story.facts.numbers).find((f) => !a.facts.includes(f))!;
    const t = patched();
    t.replace(enFile, proseLine(t, enFile, b.state), /$/, ` :fact[${extra}]`);
    const e = failsAt(t, enFile, t.stepLine(enFile, b.state));
    expect(e.message).toContain(
      `step "${b.state}" cites facts [${sorted([...b.facts, extra])}] but the "de" step (${t.file(deFile)}:${t.stepLine(deFile, a.state)}) cites [${sorted(a.facts)}]`,
    );
    expect(e.fix).toContain("cite the same :fact[…] ids in every language");
  });

  it("stops on a German chapter placed in en/ (same slug, scene and steps), at its first step", () => {
    // Needs the loader to compare each step's source text across languages (see the report).
    const misplaced = join("en", basename(deFile));
    const first = states[0]!;
    const t = patched();
    t.remove(enFile);
    t.copy(deFile, misplaced);
    const e = failsAt(t, misplaced, t.stepLine(misplaced, first));
    expect(e.message).toContain(`step "${first}" has the same text as the "de" step (${t.file(deFile)}:${t.stepLine(deFile, first)})`);
    expect(e.fix).toContain(`write this step in \"en\"; a \"de\" chapter belongs in ${t.file("de")}`);
  });
});

describe("loadStory: facts and labels", () => {
  it("stops on invalid JSON in facts.json at the line of the error", () => {
    const id = Object.keys(story.facts.numbers)[0]!;
    const t = patched();
    const line = t.replace("facts.json", lineOfKey(t.read("facts.json"), ["numbers", id, "value"]), /"value":\s*/, '"value": about ');
    const e = failsAt(t, "facts.json", line);
    expect(e.message).toContain("is not valid JSON");
    expect(e.fix).toContain("check the commas, quotes and brackets");
  });

  it("checks every quotation of facts.json against the source article kept in content/", () => {
    const quoted = Object.values({ ...story.facts.numbers, ...story.facts.names, ...story.facts.places }).filter((f) => f.quote);
    expect(quoted.length).toBeGreaterThan(0);
    const t = patched();
    const [id, fact] = Object.entries(story.facts.numbers).find(([, f]) => f.quote)!;
    // One word changed, as a misquotation would be: the rest of the passage is still in the article.
    const word = fact.quote!.split(" ").find((w) => w.length > 4)!;
    const line = t.json("facts.json", ["numbers", id, "quote"], fact.quote!.replace(word, word.toUpperCase()));
    const e = failsAt(t, "facts.json", line);
    expect(e.message).toContain(`the quote of "${id}" is not in the source article (${t.file("source/article-de.txt")})`);
    expect(e.fix).toContain("exactly as it stands there");
  });

  it("stops when the source article is missing", () => {
    const t = patched();
    t.remove("source/article-de.txt");
    const e = failsAt(t, "source/article-de.txt", 1);
    expect(e.message).toContain("the source article is missing");
  });

  it("stops when one language's label file lacks a key the other has, naming the other's line", () => {
    const key = labelKeys(story.labels.de!).find((k) => k.startsWith("ui."))!;
    const path = key.split(".");
    const t = patched();
    t.json("labels/en.json", path, undefined);
    // A key that is absent has no line of its own: the error names the whole file.
    const e = failsAt(t, "labels/en.json", 1);
    expect(e.message).toContain(
      `lacks the label "${key}" that ${t.file("labels/de.json")} has (line ${lineOfKey(t.read("labels/de.json"), path)})`,
    );
    expect(e.fix).toContain(`add "${path.at(-1)}" under "${path.slice(0, -1).join(".")}" in ${t.file("labels/en.json")}`);
  });

  it("stops when one language's scene label file lacks a key the other has", () => {
    const scene = de.scene;
    const key = labelKeys(story.labels.de!).find((k) => k.startsWith(`scenes.${scene}.`))!;
    const path = key.split(".").slice(2);
    const t = patched();
    t.json(`labels/en/${scene}.json`, path, undefined);
    const e = failsAt(t, `labels/en/${scene}.json`, 1);
    expect(e.message).toContain(`lacks the label "${path.join(".")}" that ${t.file(`labels/de/${scene}.json`)} has`);
  });

  it("stops when the glossaries of the two languages differ, naming the term's line", () => {
    const id = Object.keys(story.glossary.de!)[0]!;
    const t = patched();
    t.json("glossary/en.json", [id], undefined);
    const e = failsAt(t, "glossary/en.json", 1);
    expect(e.message).toContain(
      `lacks the term "${id}" that ${t.file("glossary/de.json")} has (line ${lineOfKey(t.read("glossary/de.json"), [id])})`,
    );
  });

  it("stops on a term used in one language only, at the English step", () => {
    // Find a step whose English text marks a term, and unmark it there.
    const chapter = story.chapters.en!.find((c) => c.steps.some((st) => st.terms.length > 0))!;
    const step = chapter.steps.find((st) => st.terms.length > 0)!;
    const file = chapterPath(chapter);
    const t = patched();
    const line = t.lineOf(file, ":term[", step.line);
    t.replace(file, line, /:term\[([^\]]*)\](\{[^}]*\})?/, "$1");
    const e = failsAt(t, file, step.line);
    expect(e.message).toContain(`step "${step.state}" marks the terms`);
    expect(e.fix).toContain("mark the same :term[…] words in every language");
  });

  it("stops on an unknown term with the file, the line and the fix", () => {
    const chapter = story.chapters.de![0]!;
    const step = chapter.steps[0]!;
    const file = chapterPath(chapter);
    const t = patched();
    const line = t.lineOf(file, /\S/, step.line + 1);
    t.replace(file, line, /^/, ":term[Zauberwort] ");
    const e = failsAt(t, file, line);
    expect(e.message).toContain('unknown term "zauberwort"');
    expect(e.fix).toContain("content/glossary/de.json");
  });

  it("stops on a fact that nothing cites, at its line in facts.json", () => {
    const t = patched();
    const line = t.json("facts.json", ["numbers", "unused-sum"], {
      value: 1e9,
      kind: "usd",
      source: "article",
      quote: "q",
      translation: { en: "t" },
    });
    const e = failsAt(t, "facts.json", line);
    expect(e.message).toContain('fact "unused-sum" is never cited');
    expect(e.fix).toContain(":fact[unused-sum]");
  });

  it("stops on a place that no map draws, and on a term no step uses", () => {
    const t = patched();
    const line = t.json("facts.json", ["places", "nowhere"], {
      lon: 0,
      lat: 0,
      de: "Nirgendwo",
      en: "Nowhere",
      source: "knowledge",
      note: { de: "n", en: "n" },
    });
    expect(failsAt(t, "facts.json", line).message).toContain('place "nowhere" is on no map');
    const u = patched();
    for (const lang of LANG_LIST) u.json(`glossary/${lang}.json`, ["wafer"], { term: "Wafer", text: "eine Scheibe" });
    const e = failsAt(u, `glossary/${LANG_LIST[0]}.json`, lineOfKey(u.read(`glossary/${LANG_LIST[0]}.json`), ["wafer"]));
    expect(e.message).toContain('term "wafer" is never used');
  });

  it("stops on a figure word that no state of its scene draws, at its line", () => {
    // A text alternative is read by the page, not drawn: a printed figure's own one is no left-over word.
    // It goes in first, so the file holds it before the left-over word: were it taken for a left-over, the
    // load would stop on it, not on "left-over" (one load for both, not two of the whole story).
    const t = patched();
    for (const l of LANG_LIST) t.json(`labels/${l}/${de.scene}.json`, ["printAlt"], { [states[0]!]: "a printed figure's own alternative" });
    for (const l of LANG_LIST) t.json(`labels/${l}/${de.scene}.json`, ["left-over"], "a word from an earlier drawing");
    const file = `labels/${LANG_LIST[0]}/${de.scene}.json`;
    expect(lineOfKey(t.read(file), ["printAlt"])).toBeLessThan(lineOfKey(t.read(file), ["left-over"]));
    const e = failsAt(t, file, lineOfKey(t.read(file), ["left-over"]));
    expect(e.message).toContain(`the figure word "left-over" of scene "${de.scene}" is drawn by no state of the scene`);
    expect(e.fix).toContain('remove "left-over" (in every language)');
  });

  it("stops when a scene's label file exists in one language only", () => {
    const t = patched();
    t.remove(`labels/en/${de.scene}.json`);
    const e = failsAt(t, `labels/de/${de.scene}.json`, 1);
    expect(e.message).toContain('has no counterpart in the language "en"');
  });

  /** The labels the first step's figure asks for, in order. */
  const asked = () => {
    const keys: string[] = [];
    const ctx = ctxFor(de.scene, "print", "de");
    scenes[de.scene]!.marks(states[0]!, { ...ctx, t: (k) => (keys.push(k), ctx.t(k)) });
    return keys;
  };

  it("stops on a label that uses an unknown fact, at the label's line", () => {
    const key = asked()[0]!;
    const file = `labels/de/${de.scene}.json`;
    const t = patched();
    const line = t.json(file, key.split("."), "{no-such-fact}");
    const e = failsAt(t, file, line);
    expect(line).toBeGreaterThan(1);
    expect(e.message).toContain('label uses unknown fact "{no-such-fact}"');
  });

  it("stops on a missing nested label at the line of the object it belongs in", () => {
    const path = ["alt", states[0]!];
    const t = patched();
    for (const lang of LANG_LIST) t.json(`labels/${lang}/${de.scene}.json`, path, undefined);
    const file = `labels/${LANG_LIST[0]}/${de.scene}.json`;
    const e = failsAt(t, file, lineOfKey(t.read(file), ["alt"]));
    expect(e.line).toBeGreaterThan(1);
    expect(e.message).toContain(`lacks the label "scenes.${de.scene}.alt.${states[0]}"`);
  });

  it("stops when both label files lack a key a scene draws", () => {
    const key = asked()[0]!;
    const t = patched();
    for (const lang of LANG_LIST) t.json(`labels/${lang}/${de.scene}.json`, key.split("."), undefined);
    const e = failsAt(t, `labels/${LANG_LIST[0]}/${de.scene}.json`, 1);
    expect(e.message).toContain(`lacks the label "scenes.${de.scene}.${key}"`);
    expect(e.fix).toContain(`add "${key}" under "scenes" → "${de.scene}"`);
  });
});

describe("mentions", () => {
  it("finds a name as a whole word, with a possessive or plural ending", () => {
    expect(mentions("Altmans Plan", ["Altman"])).toBe(true);
    expect(mentions("Altman’s plan", ["Altman"])).toBe(true);
    expect(mentions("TSMC-Chef", ["TSMC"])).toBe(true);
    expect(mentions("the Japanese group", ["Japan", "Japanese"])).toBe(true);
    expect(mentions("TSMC-Chef C.\u00a0C.\u00a0Wei", ["C. C. Wei"])).toBe(true);
  });

  it("does not find a name inside another word", () => {
    expect(mentions("Metallurgie", ["Meta"])).toBe(false);
    expect(mentions("Samsungs", ["Samsung"])).toBe(true);
    expect(mentions("Samsungia", ["Samsung"])).toBe(false);
  });
});
