// src/story/page.ts sources(): the notes at the end credit each fact as its source kind says, so a
// year we worked out from the article is shown as inferred, never as the article's.
import { describe, expect, it } from "vitest";
import { sources, ui } from "../../../src/story/page.ts";
import { realFacts } from "../support.ts";

describe("sources", () => {
  for (const lang of ["de", "en"] as const) {
    it(`credits inferred years as inferred, not as the article's (${lang})`, () => {
      const inferred = Object.values(realFacts().numbers).filter((f) => f.source === "inferred");
      expect(inferred.length).toBeGreaterThan(0);
      const notes = sources(lang);
      for (const f of inferred) {
        const note = notes.find((n) => n.note === f.note?.[lang]);
        expect(note?.source, JSON.stringify(f)).toBe(ui(lang, "sourceInferred"));
        expect(note?.source).not.toBe(ui(lang, "sourceArticle"));
      }
    });

    // Standards review 55, item 1: the article says Altman "eingeholt" the Commerce Department's approval, which usually
    // means asked for and got but may be read as only asked for. The story says "eingeholt" / "obtained, insiders say";
    // the one note on the verb is the name's note: it says the other reading and that the solid arrow follows the usual
    // one, and it must reach the sources list (article names were left out).
    it(`lists the article's names that carry a note of ours, with that note: the approval's verb (${lang})`, () => {
      const commerce = realFacts().names["us-commerce"]!;
      expect(commerce.note?.[lang], "the note on the approval's verb").toMatch(
        lang === "de" ? /erbeten und erhalten/ : /asked for and got/,
      );
      expect(commerce.note?.[lang], "the other reading, and the arrow's").toMatch(
        lang === "de" ? /nur bedeuten, dass Altman um die Genehmigung bat/ : /only asked for/,
      );
      expect(commerce.note?.[lang]).toMatch(lang === "de" ? /durchgezogene Pfeil/ : /solid arrow/);
      const listed = sources(lang).find((n) => n.note === commerce.note![lang]);
      expect(listed?.source).toBe(ui(lang, "sourceArticle"));
      expect(listed?.quote).toContain("eingeholt");
    });
  }
});
