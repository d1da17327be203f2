// facts.ts: the only place where a number becomes words, and the checks on the
// facts file. Expected strings are exact, including the no-break spaces (\u00a0)
// that keep a number and its unit on one line.

import { describe, expect, it } from "vitest";
import { formatFact, nameForms, parseFacts, sharesUnit, type NumberFact } from "../../../src/story/facts.ts";
import { errorOf, LANGS } from "../support.ts";

const usd = (value: number, approx = false): NumberFact => ({ value, kind: "usd", approx, source: "article", quote: "…" });
const year = (value: number): NumberFact => ({ value, kind: "year", source: "article", quote: "…" });
const NB = "\u00a0";
/** A number fact's passage of the article, with our translation into each other language the tests use. */
const QUOTED = '"quote": "q", "translation": { "en": "t", "fr": "t" }';

describe("formatFact, long form (prose)", () => {
  it.each([
    [7e12, false, `7${NB}Billionen Dollar`, `$7${NB}trillion`],
    [1.44e12, false, `1,44${NB}Billionen Dollar`, `$1.44${NB}trillion`],
    [6e12, true, `etwa 6${NB}Billionen Dollar`, `about $6${NB}trillion`],
    [3e9, false, `3${NB}Milliarden Dollar`, `$3${NB}billion`],
    [1e12, false, `1${NB}Billion Dollar`, `$1${NB}trillion`],
    [1e9, false, `1${NB}Milliarde Dollar`, `$1${NB}billion`],
    [2.5e6, false, `2,5${NB}Millionen Dollar`, `$2.5${NB}million`],
    [500, false, `500${NB}Dollar`, "$500"],
  ])("%d (approx %s) → %j / %j", (value, approx, de, en) => {
    expect(formatFact(usd(value, approx), "de")).toBe(de);
    expect(formatFact(usd(value, approx), "en")).toBe(en);
    expect(formatFact(usd(value, approx), "de", "long")).toBe(de);
  });

  it("writes a year as digits, without a thousands separator, in both languages and forms", () => {
    for (const lang of ["de", "en"] as const) {
      expect(formatFact(year(2023), lang)).toBe("2023");
      expect(formatFact(year(2023), lang, "short")).toBe("2023");
    }
  });
});

describe("formatFact, a language beside German and English", () => {
  it("writes its locale's compact form, the same value, with ~ when approximate", () => {
    const long = formatFact(usd(1.44e12), "fr", "long");
    const short = formatFact(usd(1.44e12), "fr", "short");
    expect(long).toMatch(/^1,44\s?\S*\s?billion/);
    expect(short).toContain("1,44");
    expect(long).not.toBe(short);
    expect(formatFact(usd(6e12, true), "fr")).toMatch(/^~6\s/);
    expect(formatFact(year(2023), "fr")).toBe("2023");
  });

  it("is checked like the others: a name without a form in it stops on the name's line", () => {
    const e = errorOf(() =>
      parseFacts(factsWith(`"value": 1, "kind": "year", "source": "article", ${QUOTED}`), "f.json", [...LANGS, "fr"]),
    );
    expect(e.line).toBe(7);
    expect(e.message).toContain('name "wsj" has no "fr" form');
  });
});

describe("formatFact, short form (figures)", () => {
  it.each([
    [7e12, false, `7${NB}Bio.${NB}Dollar`, "$7T"],
    [1.44e12, false, `1,44${NB}Bio.${NB}Dollar`, "$1.44T"],
    [6e12, true, `etwa${NB}6${NB}Bio.${NB}Dollar`, `about${NB}$6T`],
    [3e9, false, `3${NB}Mrd.${NB}Dollar`, "$3B"],
    [2.5e6, false, `2,5${NB}Mio.${NB}Dollar`, "$2.5M"],
  ])("%d (approx %s) → %j / %j", (value, approx, de, en) => {
    expect(formatFact(usd(value, approx), "de", "short")).toBe(de);
    expect(formatFact(usd(value, approx), "en", "short")).toBe(en);
  });

  it("rounds to at most two decimals", () => {
    expect(formatFact(usd(1.4449e12), "en", "short")).toBe("$1.44T");
    expect(formatFact(usd(1.4449e12), "de")).toBe(`1,44${NB}Billionen Dollar`);
  });
});

describe("formatFact, a range's low end (bare) and sharesUnit", () => {
  it("writes the number without the unit the range's high end carries; English keeps the dollar sign", () => {
    expect(formatFact(usd(5e12), "de", "bare")).toBe("5");
    expect(formatFact(usd(5e12), "en", "bare")).toBe("$5");
    expect(formatFact(usd(1.44e12), "de", "bare")).toBe("1,44");
    expect(formatFact(usd(6e12, true), "de", "bare")).toBe("etwa 6");
    expect(formatFact(year(2023), "de", "bare")).toBe("2023");
  });

  it("leaves another language its full form (its locale's unit is not ours to split)", () => {
    expect(formatFact(usd(5e12), "fr", "bare")).toBe(formatFact(usd(5e12), "fr", "long"));
  });

  it("lets two amounts of one scale share a unit, not a billion and a trillion, not a year", () => {
    expect(sharesUnit(usd(5e12), usd(7e12))).toBe(true);
    expect(sharesUnit(usd(3e9), usd(7e12))).toBe(false);
    expect(sharesUnit(year(2023), year(2024))).toBe(false);
  });
});

describe("nameForms", () => {
  it("returns one spelling as a list, and a list as it is", () => {
    expect(nameForms({ de: "VAE", en: "UAE", source: "article", quote: "…" }, "en")).toEqual(["UAE"]);
    expect(nameForms({ de: ["Nahen Osten", "Nahost"], en: "Middle East", source: "article", quote: "…" }, "de")).toEqual([
      "Nahen Osten",
      "Nahost",
    ]);
  });
});

/** A facts file whose number fact "x" has the given fields, on line 4. */
const factsWith = (fields: string, names = '"wsj": { "de": "WSJ", "en": "WSJ", "source": "article", "quote": "q" }') =>
  `{\n  "numbers": {\n    "ok": { "value": 1, "kind": "year", "source": "article", ${QUOTED} },\n    "x": { ${fields} }\n  },\n  "names": {\n    ${names}\n  }\n}\n`;

describe("parseFacts", () => {
  it("accepts a well-formed file and keeps every field", () => {
    const facts = parseFacts(
      factsWith(`"value": 7e12, "kind": "usd", "approx": true, "source": "article", ${QUOTED}, "via": "wsj"`),
      "facts.json",
      LANGS,
    );
    expect(facts.numbers.x).toEqual({
      value: 7e12,
      kind: "usd",
      approx: true,
      source: "article",
      quote: "q",
      translation: { en: "t", fr: "t" },
      via: "wsj",
    });
    expect(nameForms(facts.names.wsj!, "de")).toEqual(["WSJ"]);
  });

  it("names the line where JSON.parse stopped (a value that is not JSON)", () => {
    const e = errorOf(() =>
      parseFacts(factsWith(`"value": 7 Billionen, "kind": "usd", "source": "article", ${QUOTED}`), "facts.json", LANGS),
    );
    expect(e.file).toBe("facts.json");
    expect(e.line).toBe(4);
    expect(e.message).toContain("is not valid JSON");
  });

  it("names the line of an unquoted string value (JSON.parse reports it without a position)", () => {
    // V8 words this error "Unexpected token 'u', … is not valid JSON": no "position N".
    const e = errorOf(() => parseFacts(factsWith(`"value": 7e12, "kind": usd, "source": "article", ${QUOTED}`), "facts.json", LANGS));
    expect(e.message).toContain("is not valid JSON");
    expect(e.line).toBe(4);
  });

  it("needs the two objects numbers and names", () => {
    const e = errorOf(() => parseFacts('{ "numbers": {} }', "facts.json", LANGS));
    expect(e.line).toBe(1);
    expect(e.message).toContain('"numbers" and "names"');
  });

  it.each([
    [`"kind": "usd", "source": "article", ${QUOTED}`, 'number fact "x" has no numeric "value"'],
    [`"value": "7e12", "kind": "usd", "source": "article", ${QUOTED}`, 'number fact "x" has no numeric "value"'],
    [`"value": 7e12, "kind": "eur", "source": "article", ${QUOTED}`, 'number fact "x" has kind "eur"'],
    ['"value": 7e12, "kind": "usd"', 'number fact "x" has source null'],
    ['"value": 7e12, "kind": "usd", "source": "the article"', 'number fact "x" has source "the article"'],
    ['"value": 7e12, "kind": "usd", "source": "article"', 'number fact "x" comes from the article but has no "quote"'],
    [
      '"value": 7e12, "kind": "usd", "source": "knowledge", "note": { "de": "d" }',
      'number fact "x" is not from the article but has no "note"',
    ],
    // Inferred from the article: the note says how, in both languages.
    [`"value": 2023, "kind": "year", "source": "inferred", ${QUOTED}`, 'number fact "x" is not from the article but has no "note"'],
    [`"value": 7e12, "kind": "usd", "source": "article", ${QUOTED}, "via": "wjs"`, 'number fact "x" credits unknown name "wjs"'],
    // Added by us: its printed endnote names where it comes from (graphics review 52, item 9).
    [
      '"value": 5e12, "kind": "usd", "source": "knowledge", "note": { "de": "d", "en": "e", "fr": "f" }',
      'number fact "x" is added by us but names no source',
    ],
    [
      '"value": 5e12, "kind": "usd", "source": "knowledge", "via": "wjs", "note": { "de": "d", "en": "e", "fr": "f" }',
      'number fact "x" credits unknown name "wjs"',
    ],
  ])("stops on the line of a bad number fact: { %s }", (fields, problem) => {
    const e = errorOf(() => parseFacts(factsWith(fields), "content/facts.json", LANGS));
    expect(e.file).toBe("content/facts.json");
    expect(e.line).toBe(4);
    expect(e.message).toContain(problem);
  });

  it("stops on a number fact whose quote lacks its translation, on the fact's line, naming the language", () => {
    const e = errorOf(() =>
      parseFacts(factsWith('"value": 7e12, "kind": "usd", "source": "article", "quote": "q"'), "content/facts.json", LANGS),
    );
    expect(e.file).toBe("content/facts.json");
    expect(e.line).toBe(4);
    expect(e.message).toContain(`number fact "x" has a quote in "de" but no "en" translation of it`);
    expect(e.fix).toContain('add "translation": { "en": "…" }');
  });

  it("stops on the line of a translation that leaves out a language, or gives it empty", () => {
    const file = (translation: string) =>
      `{\n  "numbers": {\n    "x": {\n      "value": 2023, "kind": "year", "source": "inferred", "quote": "q",\n      "translation": ${translation},\n      "note": { "de": "d", "en": "e", "fr": "f" }\n    }\n  },\n  "names": {}\n}\n`;
    const lacking = errorOf(() => parseFacts(file('{ "en": "t" }'), "f.json", [...LANGS, "fr"]));
    expect(lacking.line).toBe(5);
    expect(lacking.message).toContain(`number fact "x" has a quote in "de" but no "fr" translation of it`);
    const empty = errorOf(() => parseFacts(file('{ "en": " " }'), "f.json", LANGS));
    expect(empty.line).toBe(5);
    expect(empty.message).toContain('no "en" translation');
    expect(parseFacts(file('{ "en": "t" }'), "f.json", LANGS).numbers.x!.translation).toEqual({ en: "t" });
  });

  it("asks no translation of a fact without a quote, of a name's quote, or in a story in one language", () => {
    const noQuote = '"value": 2024, "kind": "year", "source": "inferred", "note": { "de": "d", "en": "e" }';
    expect(parseFacts(factsWith(noQuote), "f.json", LANGS).numbers.x!.translation).toBeUndefined();
    // The names' quotes show the name is in the article; the prose's numbers open theirs in the reader's language.
    expect(parseFacts(factsWith(`"value": 1, "kind": "year", "source": "article", ${QUOTED}`), "f.json", LANGS).names.wsj).toBeDefined();
    const german = factsWith(
      '"value": 1, "kind": "year", "source": "article", "quote": "q"',
      '"wsj": { "de": "WSJ", "source": "article", "quote": "q" }',
    );
    expect(parseFacts(german.replace(`, "translation": { "en": "t", "fr": "t" }`, ""), "f.json", ["de"]).numbers.x!.quote).toBe("q");
  });

  it("lists the allowed kinds when a kind is wrong", () => {
    const e = errorOf(() => parseFacts(factsWith(`"value": 1, "kind": "eur", "source": "article", ${QUOTED}`), "f.json", LANGS));
    expect(e.fix).toBe("use one of: usd, year");
  });

  it("stops on a name without a form in one language, on the name's line", () => {
    const e = errorOf(() =>
      parseFacts(
        factsWith(
          `"value": 1, "kind": "year", "source": "article", ${QUOTED}`,
          '"wsj": { "de": "WSJ", "en": [], "source": "article", "quote": "q" }',
        ),
        "f.json",
        LANGS,
      ),
    );
    expect(e.line).toBe(7);
    expect(e.message).toContain('name "wsj" has no "en" form');
  });

  it('names the line of the name itself, even when a number fact credits it earlier with "via"', () => {
    const e = errorOf(() =>
      parseFacts(
        factsWith(
          `"value": 1, "kind": "year", "source": "article", ${QUOTED}, "via": "wsj"`,
          '"wsj": { "de": "WSJ", "en": [], "source": "article", "quote": "q" }',
        ),
        "f.json",
        LANGS,
      ),
    );
    expect(e.message).toContain('name "wsj" has no "en" form');
    expect(e.line).toBe(7);
  });

  it("stops on a place off the globe or without a name, on the line of the offending value", () => {
    const places = (fields: string) =>
      `{\n  "numbers": {},\n  "names": {},\n  "places": {\n    "sf": {\n      "lon": -122.4,\n      ${fields}\n    }\n  }\n}`;
    const far = errorOf(() =>
      parseFacts(places('"lat": 137.8, "de": "SF", "en": "SF", "source": "knowledge", "note": { "de": "d", "en": "e" }'), "f.json", LANGS),
    );
    expect(far.line).toBe(7);
    expect(far.message).toContain('place "sf" needs "lon" (−180…180) and "lat" (−90…90) in degrees');
    const unnamed = errorOf(() =>
      parseFacts(places('"lat": 37.8, "de": "SF", "source": "knowledge", "note": { "de": "d", "en": "e" }'), "f.json", LANGS),
    );
    expect(unnamed.message).toContain('place "sf" has no name in "en"');
    expect(unnamed.line).toBe(5);
  });
});
