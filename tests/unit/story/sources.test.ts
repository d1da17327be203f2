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
  }
});
