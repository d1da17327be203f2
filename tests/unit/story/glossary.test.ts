// The glossary files' shape (content/glossary/<lang>.json): term id → the word and its explanation.
import { describe, expect, it } from "vitest";
import { parseGlossary } from "../../../src/story/markdown.ts";
import { errorOf } from "../support.ts";

describe("parseGlossary", () => {
  it("keeps each term's word and explanation", () => {
    expect(parseGlossary('{ "hbm": { "term": "HBM", "text": "Stapelspeicher" } }', "g.json")).toEqual({
      hbm: { term: "HBM", text: "Stapelspeicher" },
    });
  });

  it("stops on a term without its explanation, on the line of the term", () => {
    const e = errorOf(() =>
      parseGlossary('{\n  "hbm": { "term": "HBM", "text": "S" },\n  "wafer": {\n    "term": "Wafer"\n  }\n}', "content/glossary/de.json"),
    );
    expect(e.file).toBe("content/glossary/de.json");
    expect(e.line).toBe(3);
    expect(e.message).toContain('term "wafer" needs "term" (the word) and "text" (its explanation)');
    expect(e.fix).toContain('"text": "…"');
  });

  it("stops on an empty word, on its line, and on a file that is not an object", () => {
    const e = errorOf(() => parseGlossary('{\n  "hbm": {\n    "term": "",\n    "text": "S"\n  }\n}', "g.json"));
    expect(e.line).toBe(3);
    expect(errorOf(() => parseGlossary('["hbm"]', "g.json")).message).toContain("is not a JSON object");
  });
});
