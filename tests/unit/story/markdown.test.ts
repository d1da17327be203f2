// markdown.ts: a chapter file (frontmatter + :::step blocks) becomes steps with
// HTML; :fact and :quote are rendered; every mistake names the exact line.

import { describe, expect, it } from "vitest";
import { parseChapter, splitFrontmatter, type ParseOptions } from "../../../src/story/markdown.ts";
import type { Lang } from "../../../src/story/types.ts";
import { errorOf, realFacts } from "../support.ts";

const NB = "\u00a0";
const SCENES = { hunt: ["origin", "tsmc", "refusal", "promise", "partners"], trillions: ["sum", "bonds", "giants", "uses"] };
const GLOSSARY = { hbm: { term: "HBM", text: "memory" } };
const opts = (lang: Lang = "de"): ParseOptions => ({
  file: "content/de/01-x.md",
  lang,
  facts: realFacts(),
  glossary: GLOSSARY,
  scenes: SCENES,
});
const FM = "---\nslug: hunt\ntitle: Die Jagd\nscene: hunt\n---\n";
/** A chapter whose body starts on line 6. */
const chapter = (body: string) => FM + body;
const parse = (body: string, lang: Lang = "de") => parseChapter(chapter(body), opts(lang));

describe("parseChapter: steps and their HTML", () => {
  it("reads slug, title, scene and the line of each frontmatter key", () => {
    const c = parse('\n:::step{state="origin"}\nText.\n:::\n');
    expect([c.slug, c.title, c.scene]).toEqual(["hunt", "Die Jagd", "hunt"]);
    expect(c.keyLines).toEqual({ slug: 2, title: 3, scene: 4 });
    expect(c.file).toBe("content/de/01-x.md");
  });

  it("renders :fact[id] as a span with the fact's long form, per language", () => {
    const body = '\n:::step{state="origin"}\nEs geht um :fact[total-sum], seit :fact[talks-since].\n:::\n';
    expect(parse(body, "de").steps[0]!.html).toBe(
      `<p>Es geht um <span class="fact" data-fact="total-sum">7${NB}Billionen Dollar</span>, seit <span class="fact" data-fact="talks-since">2023</span>.</p>`,
    );
    expect(parse(body, "en").steps[0]!.html).toContain(`<span class="fact" data-fact="total-sum">$7${NB}trillion</span>`);
  });

  it("writes :fact[id]{bare} as a range's low end, its unit once at the high end, each number its own data-fact span", () => {
    const body = '\n:::step{state="origin"}\nVon :fact[wsj-range-low]{bare} bis :fact[total-sum].\n:::\n';
    expect(parse(body, "de").steps[0]!.html).toBe(
      `<p>Von <span class="fact" data-fact="wsj-range-low">5</span> bis <span class="fact" data-fact="total-sum">7${NB}Billionen Dollar</span>.</p>`,
    );
    expect(parse(body, "en").steps[0]!.html).toContain(`<span class="fact" data-fact="wsj-range-low">$5</span> bis <span class="fact"`);
    expect(parse(body).steps[0]!.facts).toEqual(["wsj-range-low", "total-sum"]);
  });

  it("stops on a bare number no number of its unit follows, on its line", () => {
    for (const text of [":fact[wsj-range-low]{bare} allein.", ":fact[wsj-range-low]{bare} seit :fact[talks-since]."]) {
      const e = errorOf(() => parse(`\n:::step{state="origin"}\n${text}\n:::\n`));
      expect(e.line, text).toBe(8);
      expect(e.message, text).toContain(":fact[wsj-range-low]{bare} is not followed by a number of its unit");
    }
  });

  it("renders an approximate fact with its qualifier", () => {
    const s = parse('\n:::step{state="origin"}\nZusammen :fact[giants-value].\n:::\n', "en").steps[0]!;
    expect(s.html).toContain(`<span class="fact" data-fact="giants-value">about $6${NB}trillion</span>`);
    expect(s.text).toBe(`Zusammen about $6${NB}trillion.`);
  });

  it("lists the facts a step cites, in order", () => {
    const s = parse('\n:::step{state="origin"}\n:fact[total-sum] und :fact[bond-issuance].\n:::\n').steps[0]!;
    expect(s.facts).toEqual(["total-sum", "bond-issuance"]);
  });

  it("renders :quote[…]{speaker} as <q> naming the speaker, its quotation marks as text a screen reader voices", () => {
    const s = parse('\n:::step{state="refusal"}\nEr nannte es :quote[zu aggressiv]{speaker="cc-wei"}.\n:::\n').steps[0]!;
    expect(s.html).toBe('<p>Er nannte es <q class="quote" data-speaker="C.\u00a0C.\u00a0Wei">„zu aggressiv“</q>.</p>');
  });

  it("keeps Markdown emphasis, strong text, links and paragraphs", () => {
    const s = parse(
      '\n:::step{state="origin"}\nEin *kursives* und **fettes** Wort, ein [Link](https://example.org/a-b).\n\nZweiter Absatz.\n:::\n',
    ).steps[0]!;
    expect(s.html).toBe(
      '<p>Ein <em>kursives</em> und <strong>fettes</strong> Wort, ein <a href="https://example.org/a-b">Link</a>.</p>\n<p>Zweiter Absatz.</p>',
    );
  });

  it("accepts digits in a link's address (only the visible text is checked)", () => {
    const s = parse('\n:::step{state="origin"}\nSiehe [den Bericht](https://example.org/2023/bericht).\n:::\n').steps[0]!;
    expect(s.html).toContain('href="https://example.org/2023/bericht"');
  });

  it("escapes text", () => {
    const s = parse('\n:::step{state="origin"}\nA & B < C ok.\n:::\n').steps[0]!;
    expect(s.html).not.toMatch(/ & /);
    expect(s.html).toContain("&#x26;");
    expect(s.html).toContain("&#x3C;");
  });

  it("stops on raw HTML inside a step, naming its line", () => {
    expect(() => parse('\n:::step{state="origin"}\nA ok.\nB <script>alert(x)</script> ok.\n:::\n')).toThrow(/:9: raw HTML inside a step/);
  });

  it("gives each step the line of its :::step opener", () => {
    const c = parse(
      '\n<!-- a comment between steps is fine -->\n\n:::step{state="origin"}\nEins.\n:::\n\n\n:::step{state="tsmc"}\nZwei\nüber zwei Zeilen.\n:::\n:::step{state="partners"}\nDrei.\n:::\n',
    );
    expect(c.steps.map((s) => [s.state, s.line])).toEqual([
      ["origin", 9],
      ["tsmc", 14],
      ["partners", 18],
    ]);
  });

  it("counts lines the same with Windows line endings and a byte-order mark", () => {
    const src = "\uFEFF" + chapter('\n:::step{state="origin"}\nEins.\n:::\n\n:::step{state="tsmc"}\nZwei.\n:::\n').replace(/\n/g, "\r\n");
    const c = parseChapter(src, opts());
    expect(c.steps.map((s) => s.line)).toEqual([7, 11]);
    expect(c.title).toBe("Die Jagd");
  });
});

describe("parseChapter: mistakes name the line and the fix", () => {
  it("stops on a step without a state", () => {
    const e = errorOf(() => parse("\n:::step\nText.\n:::\n"));
    expect(e.line).toBe(7);
    expect(e.message).toContain("step has no state");
    expect(e.fix).toContain("origin, tsmc, refusal, promise, partners");
  });

  it("stops on a state used twice, naming the first use", () => {
    const e = errorOf(() => parse('\n:::step{state="origin"}\nA.\n:::\n\n:::step{state="origin"}\nB.\n:::\n'));
    expect(e.line).toBe(11);
    expect(e.message).toContain('state "origin" is used twice in this chapter (first on line 7)');
  });

  it("suggests a state far from every known one by listing them all", () => {
    const e = errorOf(() => parse('\n:::step{state="zzzzzzzz"}\nA.\n:::\n'));
    expect(e.line).toBe(7);
    expect(e.fix).toBe('use one of: "origin", "tsmc", "refusal", "promise", "partners"');
  });

  it("stops on a number typed into emphasised text", () => {
    const e = errorOf(() => parse('\n:::step{state="origin"}\nIm Jahr *2023* begann es.\n:::\n'));
    expect(e.line).toBe(8);
    expect(e.message).toContain('the number "2023"');
  });

  it("names the line of a number on the second line of a paragraph", () => {
    // Writers hard-wrap prose: the digit is on line 9, the paragraph starts on line 8.
    const e = errorOf(() => parse('\n:::step{state="origin"}\nDie Gespräche laufen\nseit 2023 und dauern an.\n:::\n'));
    expect(e.message).toContain('the number "2023"');
    expect(e.line).toBe(9);
  });

  it("stops on a quotation by an unknown speaker and suggests the nearest name", () => {
    const e = errorOf(() => parse('\n:::step{state="refusal"}\nEr sagte :quote[nein]{speaker="cc-we"}.\n:::\n'));
    expect(e.line).toBe(8);
    expect(e.message).toContain('unknown speaker "cc-we"');
    expect(e.fix).toContain('did you mean "cc-wei"?');
  });

  it("stops on a quotation without a speaker", () => {
    const e = errorOf(() => parse('\n:::step{state="refusal"}\nEr sagte :quote[nein].\n:::\n'));
    expect(e.message).toContain("quotation without a speaker");
  });

  it("stops on a step inside a step", () => {
    const e = errorOf(() => parse('\n::::step{state="origin"}\nA.\n\n:::step{state="tsmc"}\nB.\n:::\n::::\n'));
    expect(e.line).toBe(10);
    expect(e.message).toContain("a step inside a step");
  });

  it("stops on a last step that is never closed, at its opener", () => {
    const e = errorOf(() => parse('\n:::step{state="origin"}\nA.\n:::\n\n:::step{state="tsmc"}\nB.\n'));
    expect(e.line).toBe(11);
    expect(e.message).toContain("the step opened here is never closed");
    expect(e.fix).toContain("end it with a line `:::`");
  });

  it("stops on a step left open before the next one, at the open step's line, not the next step's", () => {
    const e = errorOf(() =>
      parse('\n:::step{state="origin"}\nA.\n\n:::step{state="tsmc"}\nB.\n:::\n\n:::step{state="partners"}\nC.\n:::\n'),
    );
    expect(e.line).toBe(7);
    expect(e.message).toContain("the step opened here is never closed");
  });

  it("stops on a block left open inside a step that a longer fence closes, at the inner block", () => {
    const e = errorOf(() => parse('\n::::step{state="origin"}\nA.\n\n:::note\nB.\n::::\n'));
    expect(e.line).toBe(10);
    expect(e.message).toContain('the "note" block opened here is never closed');
    expect(e.fix).toContain("end it with a line `:::`");
  });

  it("does not count ::: inside a code block as a fence", () => {
    const c = parse('\n:::step{state="origin"}\nA.\n\n```\n:::step{state="tsmc"}\n```\n:::\n');
    expect(c.steps.map((s) => s.state)).toEqual(["origin"]);
  });

  it("stops on an unknown block directive inside a step", () => {
    const e = errorOf(() => parse('\n::::step{state="origin"}\nA.\n\n:::note\nB.\n:::\n::::\n'));
    expect(e.line).toBe(10);
    expect(e.message).toContain('unknown block directive "note"');
  });

  it("stops on a heading outside a step", () => {
    const e = errorOf(() => parse('\n## Zwischentitel\n\n:::step{state="origin"}\nA.\n:::\n'));
    expect(e.line).toBe(7);
    expect(e.message).toContain("a heading outside a step");
  });

  it("stops on an unknown directive at top level", () => {
    const e = errorOf(() => parse('\n:::schritt{state="origin"}\nA.\n:::\n'));
    expect(e.line).toBe(7);
    expect(e.message).toContain('directive "schritt" outside a step');
  });

  it("stops on a chapter without steps", () => {
    const e = errorOf(() => parse("\n<!-- nothing yet -->\n"));
    expect(e.line).toBe(6);
    expect(e.message).toContain("chapter has no steps");
    expect(e.fix).toContain(':::step{state="origin"}');
  });

  it("stops on a slug that is not kebab-case", () => {
    const e = errorOf(() => parseChapter("---\ntitle: T\nslug: Die Jagd\nscene: hunt\n---\n", opts()));
    expect(e.line).toBe(3);
    expect(e.message).toContain('slug "Die Jagd" is not kebab-case');
  });

  it("stops on a missing scene key at its place in the frontmatter", () => {
    const e = errorOf(() => parseChapter("---\nslug: hunt\ntitle: T\n---\n", opts()));
    expect(e.message).toContain("frontmatter lacks `scene`");
    expect(e.line).toBe(2);
  });

  it("stops on an empty title value on the title's line", () => {
    const e = errorOf(() => parseChapter("---\nslug: hunt\ntitle:\nscene: hunt\n---\n", opts()));
    expect(e.message).toContain("frontmatter lacks `title`");
    expect(e.line).toBe(3);
  });
});

describe("splitFrontmatter", () => {
  it("returns the data, the body and the body's first line", () => {
    const fm = splitFrontmatter("---\na: 1\nb: zwei\n---\nBody\n", "f.md");
    expect(fm.data).toEqual({ a: 1, b: "zwei" });
    expect(fm.body).toBe("Body\n");
    expect(fm.bodyLine).toBe(5);
    expect(fm.keyLines).toEqual({ a: 2, b: 3 });
  });

  it("stops on frontmatter that is never closed", () => {
    const e = errorOf(() => splitFrontmatter("---\nslug: hunt\n", "f.md"));
    expect(e.line).toBe(1);
    expect(e.message).toContain("frontmatter is not closed");
  });

  it("stops on frontmatter that is a list, not key: value lines", () => {
    const e = errorOf(() => splitFrontmatter("---\n- a\n- b\n---\n", "f.md"));
    expect(e.line).toBe(2);
    expect(e.message).toContain("not a set of `key: value` lines");
  });

  it("names the file line of a YAML error, past the opening ---", () => {
    const e = errorOf(() => splitFrontmatter("---\nslug: hunt\nscene: hunt\ntitle: Jagd: Chips\n---\n", "f.md"));
    expect(e.file).toBe("f.md");
    expect(e.line).toBe(4);
  });
});

describe("parseChapter: glossary terms", () => {
  it("marks a known term, by its words or an explicit id, and lists it on the step", () => {
    const c = parse(':::step{state="tsmc"}\nDie :term[HBM]-Chips und :term[Stapelspeicher]{id="hbm"}.\n:::\n');
    expect(c.steps[0]!.terms).toEqual(["hbm", "hbm"]);
    expect(c.steps[0]!.html).toContain('<span class="term" data-term="hbm">HBM</span>');
  });
  it("stops on an unknown term with file, line and the fix", () => {
    const e = errorOf(() => parse(':::step{state="tsmc"}\nEin :term[Wafer] hier.\n:::\n'));
    expect(e.line).toBe(7);
    expect(e.message).toContain('unknown term "wafer"');
    expect(e.fix).toContain("content/glossary/de.json");
  });
});

describe("parseChapter: typography", () => {
  it('keeps initials with the name: no line break after "C." in "C. C. Wei"', () => {
    const c = parse(':::step{state="tsmc"}\nTSMC-Chef C. C. Wei sagte das.\n:::\n');
    expect(c.steps[0]!.html).toContain(`C.${String.fromCharCode(0xa0)}C.${String.fromCharCode(0xa0)}Wei`);
  });
});
