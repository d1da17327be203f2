// labels.ts: label files (words inside figures and the page chrome), their key
// parity across languages, lookups, and `{fact-id}` placeholders.

import { describe, expect, it } from "vitest";
import { checkLabelParity, fillFacts, labelKeys, lookup, parseLabels, type LabelTree } from "../../../src/story/labels.ts";
import type { Facts } from "../../../src/story/facts.ts";
import type { Lang } from "../../../src/story/types.ts";
import { errorOf } from "../support.ts";

const NB = "\u00a0";
const facts: Facts = {
  numbers: {
    "total-sum": { value: 7e12, kind: "usd", source: "article", quote: "q" },
    "giants-value": { value: 6e12, kind: "usd", approx: true, source: "article", quote: "q" },
    "talks-since": { value: 2023, kind: "year", source: "article", quote: "q" },
    "range-low": { value: 5e12, kind: "usd", source: "knowledge", note: { de: "n", en: "n" } },
    "bond-issuance": { value: 1.44e12, kind: "usd", source: "article", quote: "q" },
    "chip-sum": { value: 3e9, kind: "usd", source: "article", quote: "q" },
  },
  names: {},
  places: {},
};

const DE = `{
  "ui": { "title": "Titel" },
  "scenes": {
    "hunt": {
      "note": "Schematisch.",
      "tsmc": "TSMC"
    },
    "trillions": {
      "goal": "Ziel",
      "note": "Im Maßstab."
    }
  }
}`;

const file = (lang: Lang, text: string) => ({ lang, text, tree: parseLabels(text, `labels/${lang}.json`), file: `labels/${lang}.json` });

describe("parseLabels", () => {
  it("parses an object", () => {
    expect(lookup(parseLabels(DE, "de.json"), "scenes.trillions.goal")).toBe("Ziel");
  });

  it("names the line of a JSON syntax error", () => {
    const e = errorOf(() => parseLabels('{\n  "ui": {\n    "title": "Titel"\n    "dek": "x"\n  }\n}', "labels/de.json"));
    expect(e.file).toBe("labels/de.json");
    expect(e.line).toBe(4);
    expect(e.message).toContain("is not valid JSON");
  });

  it("refuses a label that is neither words nor a group, on its line", () => {
    const e = errorOf(() => parseLabels('{\n  "ui": {\n    "title": "Titel",\n    "year": 2024\n  }\n}', "labels/de.json"));
    expect(e.line).toBe(4);
    expect(e.message).toContain("neither words nor a group");
    expect(e.fix).toContain("{fact-id}");
  });

  it("refuses JSON that is not an object", () => {
    const e = errorOf(() => parseLabels('["a"]', "labels/en.json"));
    expect(e.line).toBe(1);
    expect(e.message).toContain("is not a JSON object");
  });
});

describe("labelKeys and lookup", () => {
  const tree: LabelTree = { ui: { title: "T" }, scenes: { hunt: { alt: { origin: "A" }, tsmc: "TSMC" } } };

  it("flattens a tree to dotted keys, depth first", () => {
    expect(labelKeys(tree)).toEqual(["ui.title", "scenes.hunt.alt.origin", "scenes.hunt.tsmc"]);
  });

  it("finds strings only, and undefined for a missing key or a branch", () => {
    expect(lookup(tree, "scenes.hunt.alt.origin")).toBe("A");
    expect(lookup(tree, "scenes.hunt.alt")).toBeUndefined();
    expect(lookup(tree, "scenes.hunt.tsmc.more")).toBeUndefined();
    expect(lookup(tree, "scenes.trillions.goal")).toBeUndefined();
  });
});

describe("fillFacts", () => {
  it("replaces {fact-id} with the fact's short form in the label's language", () => {
    expect(fillFacts("Ziel: {total-sum}, seit {talks-since}", facts, "de", "de.json")).toBe(`Ziel: 7${NB}Bio.${NB}Dollar, seit 2023`);
    expect(fillFacts("{total-sum} vs {giants-value}", facts, "en", "en.json")).toBe(`$7T vs about\u00a0$6T`);
  });

  it("leaves a label without placeholders as it is", () => {
    expect(fillFacts("In public: “too aggressive”", facts, "en", "en.json")).toBe("In public: “too aggressive”");
  });

  it("stops on an unknown fact id and lists the known ones", () => {
    const e = errorOf(() => fillFacts("{totl-sum}", facts, "en", "labels/en.json"));
    expect(e.file).toBe("labels/en.json");
    expect(e.message).toContain('unknown fact "{totl-sum}"');
    expect(e.fix).toContain("total-sum, giants-value, talks-since");
  });
});

describe("checkLabelParity", () => {
  it("accepts two files with the same keys", () => {
    const en = DE.replace("Titel", "Title").replace("Ziel", "Goal");
    expect(() => checkLabelParity(file("de", DE), file("en", en))).not.toThrow();
  });

  it("stops on a key the English file lacks, naming the German line", () => {
    const en = DE.replace('      "goal": "Ziel",\n', "");
    const e = errorOf(() => checkLabelParity(file("de", DE), file("en", en)));
    expect(e.file).toBe("labels/en.json");
    expect(e.message).toContain('lacks the label "scenes.trillions.goal" that labels/de.json has (line 9)');
    expect(e.fix).toBe('add "goal" under "scenes.trillions" in labels/en.json');
  });

  it("stops on a key the German file lacks (an extra key in English)", () => {
    const en = DE.replace('"goal": "Ziel",', '"goal": "Goal",\n      "extra": "More",');
    const e = errorOf(() => checkLabelParity(file("de", DE), file("en", en)));
    expect(e.file).toBe("labels/de.json");
    expect(e.message).toContain('lacks the label "scenes.trillions.extra" that labels/en.json has (line 10)');
  });

  it("names the line of the missing key itself when its last part also occurs in another scene", () => {
    // "note" is in both scenes; German has scenes.trillions.note on line 10, not line 5.
    const en = DE.replace('"goal": "Ziel",\n      "note": "Im Maßstab."', '"goal": "Goal"');
    const e = errorOf(() => checkLabelParity(file("de", DE), file("en", en)));
    expect(e.message).toContain('lacks the label "scenes.trillions.note"');
    expect(e.message).toContain("(line 10)");
  });
});

describe("fillFacts: long forms for text alternatives", () => {
  it("writes {id:long} in the long form a screen reader speaks, {id} in the figures' short form", () => {
    expect(fillFacts("{total-sum:long}", facts, "en", "x")).toBe("$7\u00a0trillion");
    expect(fillFacts("{total-sum}", facts, "en", "x")).toBe("$7T");
    expect(fillFacts("{total-sum:long}", facts, "de", "x")).toBe("7\u00a0Billionen Dollar");
  });
});

describe("fillFacts: a range writes its unit once (standards review 52)", () => {
  it("writes {id:bare} as the number alone, the unit left to the range's high end", () => {
    expect(fillFacts("von {range-low:bare} bis {total-sum:long}", facts, "de", "x")).toBe(`von 5 bis 7${NB}Billionen Dollar`);
    expect(fillFacts("{range-low:bare}–{total-sum}", facts, "de", "x")).toBe(`5–7${NB}Bio.${NB}Dollar`);
    expect(fillFacts("from {range-low:bare} to {total-sum:long}", facts, "en", "x")).toBe(`from $5 to $7${NB}trillion`);
    expect(fillFacts("{bond-issuance:bare}–{total-sum:long}", facts, "de", "x")).toBe(`1,44–7${NB}Billionen Dollar`);
  });

  it("stops on a bare number that no number of its unit follows: alone, last, before a year or another scale", () => {
    for (const label of [
      "{range-low:bare}",
      "bis {range-low:bare}",
      "{range-low:bare} seit {talks-since}",
      "{chip-sum:bare} bis {total-sum}",
    ]) {
      const e = errorOf(() => fillFacts(label, facts, "de", "labels/de.json"));
      expect(e.file, label).toBe("labels/de.json");
      expect(e.message, label).toMatch(/\{(range-low|chip-sum):bare\}" is not followed by a number of its unit/);
    }
  });
});
