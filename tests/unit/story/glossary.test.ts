// The glossary files' shape (content/glossary/<lang>.json): term id → the word and its explanation.
import { describe, expect, it } from "vitest";
import { parseGlossary } from "../../../src/story/markdown.ts";
import { explainTerms } from "../../../src/story/page.ts";
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

describe("explainTerms: a term's first use on the page", () => {
  it("marks the first use, adds its note after the text, and leaves later uses plain", () => {
    const html = '<p><span class="term" data-term="hbm">HBM</span> and <span class="term" data-term="hbm">HBM</span></p>';
    const out = explainTerms(html, "en", new Set());
    expect(out.match(/term-first/g)).toHaveLength(1);
    expect(out).toContain('<p class="term-def" id="term-hbm" role="note">');
    expect(out.indexOf("term-def")).toBeGreaterThan(out.indexOf("</p>"));
  });

  it("keeps punctuation right after a first use on the term's line (with JavaScript the term is a button a line may break after)", () => {
    const out = explainTerms('<p>Then <span class="term" data-term="hbm">HBM</span>, and more.</p>', "en", new Set());
    expect(out).toContain('<span class="term-glue"><span class="term term-first" data-term="hbm"><dfn>HBM</dfn></span>,</span> and more.');
    const plain = explainTerms('<p>Then <span class="term" data-term="hbm">HBM</span> and more.</p>', "en", new Set());
    expect(plain).not.toContain("term-glue");
  });
});
