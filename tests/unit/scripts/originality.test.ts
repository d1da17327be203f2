// scripts/originality.ts: no German sentence of the story may follow a sentence of
// the source article closely. Calibrated here on the two examples, two
// close paraphrases of our own (all must be caught), sentences told in our own
// words (must pass) and the story itself (must pass).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { closestPairs, compare, score, sentences, storySentences } from "../../../scripts/originality.ts";
import { ROOT } from "../support.ts";

// The article the facts cite, kept in the repository (content/source); STORY_ARTICLE points elsewhere.
const ARTICLE = resolve(process.env.STORY_ARTICLE ?? join(ROOT, "content/source/article-de.txt"));
const CONTENT = join(ROOT, "content");
const NAMES = ["Altman", "TSMC", "OpenAI", "US-Handelsministerium", "Samsung", "SK Hynix", "Meta", "Microsoft", "Google", "Amazon"];

const CLOSE: [string, string][] = [
  // The two examples.
  [
    "Der neu besetzte Vorstand hat begonnen, diesen Vorschlag zu prüfen.",
    "Anfang dieses Jahres informierte Altman Kollegen, dass OpenAI Anteile an dem neuen Projekt halten würde, und der neue Vorstand hat begonnen, diesen Vorschlag zu prüfen.",
  ],
  [
    "Insider berichten, Altman habe sich für den Plan die Genehmigung des US-Handelsministeriums geholt.",
    "Insider sagen, Altman habe für diesen Plan die Genehmigung des US-Handelsministeriums eingeholt und verhandle über Kooperationen mit Regierungen anderer Länder (wie im Nahen Osten).",
  ],
  // Ours: synonyms swapped in, the article's order kept.
  [
    "Nach Angaben eines leitenden TSMC-Managers hatte Altman seit 2023 diverse Chip-Riesen, auch TSMC, angesprochen, um über mehr Produktionskapazität zu reden.",
    "Laut einem leitenden Manager von TSMC hat Altman seit 2023 verschiedene Chip-Giganten, einschließlich TSMC, kontaktiert, um Möglichkeiten zur Erhöhung der Produktionskapazität zu besprechen.",
  ],
  [
    "Diese Speicherchips sind ebenso knapp wie GPUs, und die Nachfrage übertrifft stets das Angebot.",
    "Diese Speicherchips sind genauso knapp wie GPUs, wobei die Nachfrage ständig das Angebot übersteigt.",
  ],
];

const OWN: [string, string][] = [
  ["Laut Insidern hatte das US-Handelsministerium Altmans Vorhaben schon zugestimmt.", CLOSE[1]![1]],
  ["Nur: HBM ist so schwer zu bekommen wie die GPUs selbst.", CLOSE[3]![1]],
  // A list of names is the article's by right, not its wording.
  [
    "Wie OpenAI stecken auch Meta, Microsoft, Google und Amazon viel Geld in eigene KI-Beschleuniger.",
    "Aber Tatsache ist, dass nicht nur OpenAI, sondern auch Unternehmen wie Meta, Microsoft, Google und Amazon stark in die Entwicklung ihrer eigenen KI-Beschleuniger investieren.",
  ],
];

describe("originality measure", () => {
  for (const [ours, theirs] of CLOSE) {
    it(`catches a close sentence: ${ours.slice(0, 50)}…`, () => {
      const c = compare(ours, theirs, NAMES);
      expect(c.close, JSON.stringify(c)).toBe(true);
      expect(score(c)).toBeGreaterThanOrEqual(1);
    });
  }
  for (const [ours, theirs] of OWN) {
    it(`passes a sentence in our own words: ${ours.slice(0, 50)}…`, () => {
      const c = compare(ours, theirs, NAMES);
      expect(c.close, JSON.stringify(c)).toBe(false);
      expect(score(c)).toBeLessThan(1);
    });
  }

  it("splits sentences, but not after an initial or an abbreviation", () => {
    expect(sentences("TSMC-Chef C. C. Wei sprach. Das war öffentlich! Und dann?")).toEqual([
      "TSMC-Chef C. C. Wei sprach.",
      "Das war öffentlich!",
      "Und dann?",
    ]);
  });
});

describe("the story's German prose", () => {
  it("reads every step, with facts resolved and marked quotations left out", () => {
    const all = storySentences(CONTENT).map((s) => s.sentence);
    expect(all.length).toBeGreaterThan(60);
    expect(all.join(" ")).not.toMatch(/:fact|:term|:quote|zu aggressiv/);
    expect(all.join(" ")).toContain("7 Billionen Dollar");
  });

  it("follows no sentence of the article closely", () => {
    expect(existsSync(ARTICLE), `the source article is not at ${ARTICLE}; set STORY_ARTICLE`).toBe(true);
    const pairs = closestPairs(CONTENT, ARTICLE);
    const top = pairs
      .slice(0, 5)
      .map((p) => `${score(p).toFixed(2)} run ${p.run} order ${p.order.toFixed(2)}/${p.shared} ${p.file}: ${p.ours}`);
    console.log(`closest 5 of ${pairs.length} German sentences:\n${top.join("\n")}`);
    expect(pairs.filter((p) => p.close).map((p) => `${p.file}: ${p.ours}`)).toEqual([]);
  });
});
