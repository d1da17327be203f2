// Writes a generated story (a test fixture, not content): 8 chapters of up to 5
// steps each, cycling through the registered scenes, with the real facts and
// labels and neutral placeholder prose in three languages: the story's two and a
// third, French, added as an author would add one (a content folder, its labels
// and glossary, its names in the facts file, its code in story.json), so the
// suite proves the engine takes any number of languages. Two neighbouring
// chapters share a scene, so a continued picture is covered too; each chapter
// receives from the one before the marks the story hands over that both
// pictures draw. CI builds it and runs the contract e2e against it, to prove the
// engine and the suite scale.
// Usage: node scripts/sample-story.ts OUT_DIR [--chapters 8] [--steps 5]

import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scenes } from "../src/scenes/index.ts";
import { loadStory, sceneContext } from "../src/story/load.ts";
import { STAGE_LAYOUTS, type Lang, type Language, type StoryConfig } from "../src/story/config.ts";
import type { Mark } from "../src/story/types.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The language the sample adds to the story's own, made from the English files as a translator would start. */
export const ADDED = { code: "fr", locale: "fr-FR", paper: "A4", from: "en", langName: "Français", readIn: "Lire en français" } as const;
/** Its entry in the sample's story.json, as the loader reads it. */
export const ADDED_LANGUAGE: Language = { code: ADDED.code, locale: ADDED.locale, dates: ADDED.locale, paper: ADDED.paper };

// Numbers as words: prose may not type digits.
const WORDS: Record<string, string[]> = {
  de: ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
  en: ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
  fr: ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"],
};
const PROSE: Record<string, (c: number, s: number) => string> = {
  de: (c, s) =>
    `Dies ist Schritt ${WORDS.de![s]} im Kapitel ${WORDS.de![c]} einer erzeugten Geschichte. Der Text ist ein Platzhalter in ruhigem Ton: Er prüft, ob die Seite, die Bühne und die Tests mit vielen Kapiteln zurechtkommen, und erzählt nichts.`,
  en: (c, s) =>
    `This is step ${WORDS.en![s]} of chapter ${WORDS.en![c]} in a generated story. The words are placeholders in a calm tone: they check that the page, the stage and the tests cope with many chapters, and they tell nothing.`,
  fr: (c, s) =>
    `Voici l’étape ${WORDS.fr![s]} du chapitre ${WORDS.fr![c]} d’une histoire générée. Ces mots tiennent la place d’un texte au ton calme : ils vérifient que la page, la scène et les tests tiennent avec beaucoup de chapitres, et ne racontent rien.`,
};
const TITLE: Record<string, (c: number) => string> = {
  de: (c) => `Teil ${WORDS.de![c]}`,
  en: (c) => `Part ${WORDS.en![c]}`,
  fr: (c) => `Partie ${WORDS.fr![c]}`,
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** The story's configuration, labels, glossary and facts, with the added language beside the story's own. */
function writeLanguageFiles(out: string): Lang[] {
  const config = readJson(join(ROOT, "content/story.json")) as StoryConfig;
  config.languages.push({ code: ADDED.code, locale: ADDED.locale, paper: ADDED.paper } as StoryConfig["languages"][number]);
  // The sample's chapters are its own (part-NN-<scene>): the story's lead names none of them, so the sample's
  // opening leads with its first step, as a story without a lead does.
  delete config.lead;
  writeJson(join(out, "story.json"), config);
  cpSync(join(ROOT, "content/labels"), join(out, "labels"), { recursive: true });
  cpSync(join(ROOT, "content/glossary"), join(out, "glossary"), { recursive: true });
  const labels = readJson(join(out, "labels", `${ADDED.from}.json`)) as { ui: Record<string, string> };
  labels.ui.langName = ADDED.langName;
  labels.ui.readIn = ADDED.readIn;
  writeJson(join(out, "labels", `${ADDED.code}.json`), labels);
  cpSync(join(out, "labels", ADDED.from), join(out, "labels", ADDED.code), { recursive: true });
  cpSync(join(out, "glossary", `${ADDED.from}.json`), join(out, "glossary", `${ADDED.code}.json`));
  // The opening and ending (content/page/<lang>.md): the story's own, the added language starting from a copy.
  cpSync(join(ROOT, "content/page"), join(out, "page"), { recursive: true });
  cpSync(join(out, "page", `${ADDED.from}.md`), join(out, "page", `${ADDED.code}.md`));
  // Every name, place, note and translated quote of the facts file in the added language too.
  const facts = readJson(join(ROOT, "content/facts.json")) as Record<string, Record<string, Record<string, unknown>>>;
  for (const group of [facts.numbers, facts.names, facts.places]) {
    for (const fact of Object.values(group ?? {})) {
      if (ADDED.from in fact) fact[ADDED.code] = fact[ADDED.from];
      for (const words of [fact.note, fact.translation] as (Record<string, string> | undefined)[])
        if (words) words[ADDED.code] = words[ADDED.from]!;
    }
  }
  writeJson(join(out, "facts.json"), facts);
  return config.languages.map((l) => l.code);
}

/** Keys the story hands over somewhere (the real chapters' `receives`): the candidates for the sample's hand-overs. */
function handOvers(): { keys: Set<string>; drawn: (scene: string, state: string) => Set<string> } {
  const real = loadStory(join(ROOT, "content"), scenes);
  const lang = real.config.languages[0]!.code;
  const keys = new Set(Object.values(real.chapters).flatMap((list) => list.flatMap((c) => c.receives)));
  // Top-level keys a state draws in every stage layout (where a hand-over moves).
  const drawn = (scene: string, state: string) => {
    const per = STAGE_LAYOUTS.map(
      (l) => new Set(scenes[scene]!.marks(state, sceneContext(scene, l, real.facts, real.labels[lang]!, lang)).map((m: Mark) => m.key)),
    );
    return new Set([...per[0]!].filter((k) => per.every((p) => p.has(k))));
  };
  return { keys, drawn };
}

/** Writes the sample story into `out`; returns its number of steps per language. */
export function writeSampleStory(out: string, chapters = 8, steps = 5): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const langs = writeLanguageFiles(out);
  for (const lang of langs) mkdirSync(join(out, lang), { recursive: true });
  cpSync(join(ROOT, "content/source"), join(out, "source"), { recursive: true });
  // Every fact and every term is cited somewhere, as the content check demands: one of each per step, in turn.
  const facts = Object.keys((readJson(join(ROOT, "content/facts.json")) as { numbers: object }).numbers);
  const terms = Object.keys(readJson(join(ROOT, "content/glossary", `${langs[0]}.json`)) as object);
  const { keys, drawn } = handOvers();

  const list = Object.values(scenes);
  let total = 0;
  let before: { scene: string; state: string } | undefined;
  for (let c = 0; c < chapters; c++) {
    // Every scene in turn, except that chapters three and four share one (a picture that continues).
    const scene = list[(c < 3 ? c : c - 1) % list.length]!;
    const states = scene.states.slice(0, steps);
    const nn = String(c + 1).padStart(2, "0");
    const slug = `part-${nn}-${scene.id}`;
    const receives =
      before && before.scene !== scene.id
        ? [...drawn(before.scene, before.state)].filter((k) => keys.has(k) && drawn(scene.id, states[0]!).has(k))
        : [];
    const front = `slug: ${slug}\nscene: ${scene.id}\n${receives.length ? `receives: [${receives.join(", ")}]\n` : ""}`;
    for (const lang of langs) {
      const body = states
        .map((state, s) => {
          const n = total + s;
          const cite = [
            n < facts.length || n % 2 === 0 ? ` (:fact[${facts[n % facts.length]}])` : "",
            ` :term[${terms[n % terms.length]}]{id="${terms[n % terms.length]}"}.`,
          ].join("");
          return `:::step{state="${state}"}\n${PROSE[lang]!(c, s)}${cite}\n:::\n`;
        })
        .join("\n");
      writeFileSync(join(out, lang, `${nn}-${scene.id}.md`), `---\ntitle: ${TITLE[lang]!(c)}\n${front}---\n\n${body}`);
    }
    total += states.length;
    before = { scene: scene.id, state: states.at(-1)! };
  }
  return total;
}

/** The chapters' files of a language of a written sample story, in order. */
export const sampleFiles = (out: string, lang: Lang): string[] =>
  readdirSync(join(out, lang))
    .filter((f) => f.endsWith(".md"))
    .sort();

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? ".build/sample-content");
  const chapters = arg("chapters", 8);
  const total = writeSampleStory(out, chapters, arg("steps", 5));
  console.log(`wrote ${out}: ${chapters} chapters, ${total} steps per language`);
}
