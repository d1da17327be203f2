// Writes a generated story (a test fixture, not content): 8 chapters of up to 5
// steps each, cycling through the registered scenes, with the real facts and
// labels and neutral placeholder prose in both languages. Two neighbouring
// chapters share a scene, so a continued picture is covered too. CI builds it and runs
// the contract e2e against it, to prove the engine and the suite scale.
// Usage: node scripts/sample-story.ts OUT_DIR [--chapters 8] [--steps 5]

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scenes } from "../src/scenes/index.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

// Numbers as words: prose may not type digits.
const WORDS = {
  de: ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
  en: ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
};
const PROSE = {
  de: (c: number, s: number) =>
    `Dies ist Schritt ${WORDS.de[s]} im Kapitel ${WORDS.de[c]} einer erzeugten Geschichte. Der Text ist ein Platzhalter in ruhigem Ton: Er prüft, ob die Seite, die Bühne und die Tests mit vielen Kapiteln zurechtkommen, und erzählt nichts.`,
  en: (c: number, s: number) =>
    `This is step ${WORDS.en[s]} of chapter ${WORDS.en[c]} in a generated story. The words are placeholders in a calm tone: they check that the page, the stage and the tests cope with many chapters, and they tell nothing.`,
};

/** Writes the sample story into `out`; returns its number of steps per language. */
export function writeSampleStory(out: string, chapters = 8, steps = 5): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "de"), { recursive: true });
  mkdirSync(join(out, "en"), { recursive: true });
  cpSync(join(ROOT, "content/facts.json"), join(out, "facts.json"));
  cpSync(join(ROOT, "content/source"), join(out, "source"), { recursive: true });
  cpSync(join(ROOT, "content/labels"), join(out, "labels"), { recursive: true });
  cpSync(join(ROOT, "content/glossary"), join(out, "glossary"), { recursive: true });
  // Every fact and every term is cited somewhere, as the content check demands: one of each per step, in turn.
  const facts = Object.keys((JSON.parse(readFileSync(join(ROOT, "content/facts.json"), "utf8")) as { numbers: object }).numbers);
  const terms = Object.keys(JSON.parse(readFileSync(join(ROOT, "content/glossary/de.json"), "utf8")) as object);

  const list = Object.values(scenes);
  let total = 0;
  for (let c = 0; c < chapters; c++) {
    // Every scene in turn, except that chapters three and four share one (a picture that continues).
    const scene = list[(c < 3 ? c : c - 1) % list.length]!;
    const states = scene.states.slice(0, steps);
    const nn = String(c + 1).padStart(2, "0");
    const slug = `part-${nn}-${scene.id}`;
    for (const lang of ["de", "en"] as const) {
      const title = lang === "de" ? `Teil ${WORDS.de[c]}` : `Part ${WORDS.en[c]}`;
      const body = states
        .map((state, s) => {
          const n = total + s;
          const cite = [
            n < facts.length || n % 2 === 0 ? ` (:fact[${facts[n % facts.length]}])` : "",
            ` :term[${terms[n % terms.length]}]{id="${terms[n % terms.length]}"}.`,
          ].join("");
          return `:::step{state="${state}"}\n${PROSE[lang](c, s)}${cite}\n:::\n`;
        })
        .join("\n");
      writeFileSync(join(out, lang, `${nn}-${scene.id}.md`), `---\nslug: ${slug}\ntitle: ${title}\nscene: ${scene.id}\n---\n\n${body}`);
    }
    total += states.length;
  }
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? ".build/sample-content");
  const chapters = arg("chapters", 8);
  const total = writeSampleStory(out, chapters, arg("steps", 5));
  console.log(`wrote ${out}: ${chapters} chapters, ${total} steps per language`);
}
