// factNotes.ts: the numbers' endnotes, numbered in the order of first citation, and
// the prose's numbers as links to them (issue 19).

import { describe, expect, it } from "vitest";
import { citationOrder, endnotes, linkFacts, numberedFacts } from "../../../src/story/factNotes.ts";
import type { Facts } from "../../../src/story/facts.ts";

const facts: Facts = {
  numbers: {
    sum: {
      value: 7e12,
      kind: "usd",
      source: "article",
      quote: "7 Billionen Dollar",
      translation: { en: "7 trillion dollars" },
      via: "wsj",
    },
    year: { value: 2024, kind: "year", source: "inferred", note: { de: "erschlossen", en: "inferred <so>" } },
    extra: { value: 2023, kind: "year", source: "knowledge", note: { de: "ergänzt", en: "added" } },
    low: { value: 5e12, kind: "usd", source: "knowledge", via: "wsj", note: { de: "ergänzt", en: "added, per the WSJ" } },
  },
  names: { wsj: { de: "Wall Street Journal", en: "Wall Street Journal", source: "article", quote: "WSJ" } },
  places: {},
};
const words = {
  article: "From the article",
  via: "From the article, crediting [[name]]",
  inferred: "Inferred",
  knowledge: "Added",
  knowledgeVia: "Added by us; source: [[name]]",
  translation: "our translation",
};
const span = (id: string, text: string) => `<span class="fact" data-fact="${id}">${text}</span>`;

describe("citationOrder", () => {
  it("lists each fact once, where the story first cites it", () => {
    const chapters = [{ steps: [{ facts: ["year", "sum"] }, { facts: ["year"] }] }, { steps: [{ facts: ["extra", "sum"] }] }];
    expect(citationOrder(chapters)).toEqual(["year", "sum", "extra"]);
  });
});

describe("linkFacts", () => {
  it("links each number to its endnote; the first citation is where the note leads back", () => {
    const seen = new Set<string>();
    const order = ["year", "sum"];
    const first = linkFacts(`<p>In ${span("year", "2024")}: ${span("sum", "$7T")}.</p>`, order, seen);
    expect(first).toBe(
      // each number held on one line with the punctuation after it (a full stop never wraps alone); the markers of one
      // sentence at its end, after its full stop, as one
      '<p>In <span class="fact-wrap"><a class="fact" data-fact="year" href="#note-year" id="cite-year">2024</a>:</span> ' +
        '<span class="fact-wrap"><a class="fact" data-fact="sum" href="#note-sum" id="cite-sum">$7T</a>.</span><sup class="fact-ref">1,2</sup></p>',
    );
  });

  it("marks only a numbered fact's first citation: no marker on a plain year, none on a number cited again", () => {
    const seen = new Set<string>();
    const order = ["year", "sum"];
    const numbered = numberedFacts(order, facts);
    expect(numbered).toEqual(["sum"]);
    const first = linkFacts(`<p>In ${span("year", "2024")}: ${span("sum", "$7T")}.</p>`, order, seen, numbered);
    expect(first).toBe(
      '<p>In <span class="fact-wrap"><a class="fact" data-fact="year" href="#note-year" id="cite-year">2024</a>:</span> ' +
        '<span class="fact-wrap"><a class="fact" data-fact="sum" href="#note-sum" id="cite-sum">$7T</a>.</span><sup class="fact-ref">1</sup></p>',
    );
    const again = linkFacts(`<p>${span("sum", "$7T")} in ${span("year", "2024")}</p>`, order, seen, numbered);
    expect(again).toBe(
      '<p><a class="fact" data-fact="sum" href="#note-sum">$7T</a> in <a class="fact" data-fact="year" href="#note-year">2024</a></p>',
    );
  });
  // Graphics review 55, item 3: a marker right after an amount read as an exponent ("$5²", "$1.44 trillion³"), and on a
  // range's low end it marked half the amount. The marker stands at the end of its sentence, never on a number.
  it("sets each marker at its sentence's end, past the rest of a range and a closing bracket, not at a decimal point", () => {
    const seen = new Set<string>();
    const order = ["sum", "low", "year"];
    const numbered = numberedFacts(order, facts);
    const html = linkFacts(
      `<p>Altman sought ${span("sum", "$7.5 trillion")} from investors. A range: ${span("low", "$5")} to ${span("sum", "$7.5 trillion")} (not in the article). Then <span class="term" data-term="x">More</span> in ${span("year", "2024")}</p>`,
      order,
      seen,
      numbered,
    );
    const plain = html.replace(/<(?!sup|\/sup)[^>]*>/g, "");
    expect(plain).toBe(
      'Altman sought $7.5 trillion from investors.<sup class="fact-ref">1</sup> A range: $5 to $7.5 trillion (not in the article).<sup class="fact-ref">2</sup> Then More in 2024',
    );
    // a sentence's end before a tag that opens the next sentence, and a paragraph's end without a full stop
    const tail = linkFacts(
      `<p>It cost ${span("sum", "$7T")}. <em>Then</em> more.</p><p>About ${span("low", "$5")}</p>`,
      ["sum", "low"],
      new Set(),
      ["sum", "low"],
    );
    expect(tail.replace(/<(?!sup|\/sup)[^>]*>/g, "")).toBe(
      'It cost $7T.<sup class="fact-ref">1</sup> Then more.About $5<sup class="fact-ref">2</sup>',
    );
  });
});

describe("endnotes", () => {
  it("quotes the passage in the source language, and in another language adds our translation, marked", () => {
    const [de] = endnotes(["sum"], facts, "de", "de", words);
    expect(de!.html).toContain('<q lang="de">7 Billionen Dollar</q>');
    expect(de!.html).not.toContain("note-translation");
    const [en] = endnotes(["sum"], facts, "en", "de", words);
    expect(en).toMatchObject({ id: "sum", n: 1, label: "$7\u00a0trillion" });
    expect(en!.html).toContain('<p class="note-kind">From the article, crediting Wall Street Journal</p>');
    expect(en!.html).toContain(
      '<p class="note-translation"><q>7 trillion dollars</q> <span class="note-ours">(our translation)</span></p>',
    );
  });

  it("says how an inferred number was worked out and why one was added, escaped, numbered in order", () => {
    const notes = endnotes(["year", "extra"], facts, "en", "de", words);
    // plain years: notes for the screen, none numbered for paper
    expect(notes.map((n) => n.n)).toEqual([0, 0]);
    expect(endnotes(["year", "sum", "extra"], facts, "en", "de", words).map((n) => n.n)).toEqual([0, 1, 0]);
    expect(notes[0]!.html).toBe('<p class="note-kind">Inferred</p><p class="note-text">inferred &lt;so&gt;</p>');
    expect(notes[1]!.html).toBe('<p class="note-kind">Added</p><p class="note-text">added</p>');
  });

  it("names the outside source of an amount added by us in the note's first words, which paper prints (graphics review 52, item 9)", () => {
    const [low] = endnotes(["low"], facts, "en", "de", words);
    expect(low).toMatchObject({ n: 1, label: "$5\u00a0trillion" });
    // (paper prints the note's kind and hides our note's words: the source is named in the kind)
    expect(low!.html).toMatch(/^<p class="note-kind">Added by us; source: Wall Street Journal<\/p>/);
  });
});
