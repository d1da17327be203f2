// loadStory on small content trees under tests/fixtures/<case>/: each holds one
// defect in an otherwise valid tree, and the build must stop on it with the file,
// the exact line and what would be right.

import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStory, mentions } from "../../../src/story/load.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { FIXTURES, loadError } from "../support.ts";

/** How loadStory names a file: relative to the working directory (tests/fixtures/… from the repo root). */
const path = (fixture: string, file: string) => relative(process.cwd(), join(FIXTURES, fixture, file));

describe("loadStory: a valid tree", () => {
  it("loads the fixture tree with both languages, steps and facts", () => {
    const story = loadStory(join(FIXTURES, "valid"), scenes);
    for (const lang of ["de", "en"] as const) {
      expect(story.chapters[lang].map((c) => c.slug)).toEqual(["hunt"]);
      expect(story.chapters[lang][0]!.steps.map((s) => [s.state, s.line])).toEqual([
        ["origin", 7],
        ["tsmc", 11],
      ]);
      expect(story.chapters[lang][0]!.file).toBe(path("valid", lang === "de" ? "de/01-jagd.md" : "en/01-hunt.md"));
    }
    expect(story.chapters.de[0]!.title).toBe("Die Jagd nach Chips");
    expect(story.chapters.en[0]!.steps[1]!.facts).toEqual(["talks-since"]);
    expect(story.chapters.de[0]!.steps[1]!.html).toContain('data-fact="talks-since">2023</span>');
    expect(Object.keys(story.facts.numbers)).toContain("total-sum");
  });
});

describe("loadStory: chapter files", () => {
  it("stops on an unknown scene and suggests the nearest one", () => {
    const e = loadError("unknown-scene");
    expect(e.file).toBe(path("unknown-scene", "de/01-jagd.md"));
    expect(e.line).toBe(4);
    expect(e.message).toContain('unknown scene "hnut"');
    expect(e.fix).toContain('did you mean "hunt"?');
  });

  it("stops on an unknown state and suggests the nearest state of the scene", () => {
    const e = loadError("unknown-state");
    expect(e.file).toBe(path("unknown-state", "en/01-hunt.md"));
    expect(e.line).toBe(11);
    expect(e.message).toContain('unknown state "tsmx" for scene "hunt"');
    expect(e.fix).toContain('did you mean "tsmc"?');
    expect(e.fix).toContain('"partners"');
  });

  it("stops on invalid YAML in the frontmatter at the offending line", () => {
    const e = loadError("frontmatter-yaml");
    expect(e.file).toBe(path("frontmatter-yaml", "de/01-jagd.md"));
    expect(e.line).toBe(3);
    expect(e.message).toContain("frontmatter is not valid YAML");
    expect(e.fix).toContain("quote values that contain a colon");
  });

  it("stops on frontmatter without a title", () => {
    const e = loadError("frontmatter-no-title");
    expect(e.file).toBe(path("frontmatter-no-title", "en/01-hunt.md"));
    expect(e.line).toBe(2);
    expect(e.message).toContain("frontmatter lacks `title`");
    expect(e.fix).toContain("`title: …`");
  });

  it("stops on a chapter file without frontmatter", () => {
    const e = loadError("frontmatter-none");
    expect(e.file).toBe(path("frontmatter-none", "en/01-hunt.md"));
    expect(e.line).toBe(1);
    expect(e.message).toContain("does not start with frontmatter");
    expect(e.fix).toMatch(/`---`.*`slug:`.*`title:`.*`scene:`/);
  });

  it("stops on an empty step", () => {
    const e = loadError("step-empty");
    expect(e.file).toBe(path("step-empty", "de/01-jagd.md"));
    expect(e.line).toBe(11);
    expect(e.message).toContain("step is empty");
  });

  it("stops on prose outside a step", () => {
    const e = loadError("prose-outside-step");
    expect(e.file).toBe(path("prose-outside-step", "de/01-jagd.md"));
    expect(e.line).toBe(11);
    expect(e.message).toContain("text outside a step");
    expect(e.fix).toContain(':::step{state="…"}');
  });
});

describe("loadStory: inside a step", () => {
  it("stops on an unknown fact id and suggests the nearest id", () => {
    const e = loadError("fact-unknown");
    expect(e.file).toBe(path("fact-unknown", "en/01-hunt.md"));
    expect(e.line).toBe(12);
    expect(e.message).toContain('unknown fact id "talks-sinse"');
    expect(e.fix).toContain('did you mean "talks-since"?');
  });

  it("stops on a number typed into the prose", () => {
    const e = loadError("digit-in-prose");
    expect(e.file).toBe(path("digit-in-prose", "de/01-jagd.md"));
    expect(e.line).toBe(12);
    expect(e.message).toContain('the number "2023" is typed into the prose');
    expect(e.fix).toContain(":fact[id]");
  });

  it("stops on an unknown directive at its own line, not the step's", () => {
    const e = loadError("directive-unknown");
    expect(e.file).toBe(path("directive-unknown", "de/01-jagd.md"));
    expect(e.line).toBe(13);
    expect(e.message).toContain('unknown directive ":firma"');
    expect(e.fix).toContain(":fact[id]");
  });
});

describe("loadStory: the two languages against each other", () => {
  it("stops when a step is missing in one language", () => {
    const e = loadError("step-missing");
    expect(e.file).toBe(path("step-missing", "en/01-hunt.md"));
    // Line 7 is where the English file's first step stands, in the place of the missing one.
    expect(e.line).toBe(7);
    expect(e.message).toContain(`step "origin" (${path("step-missing", "de/01-jagd.md")}:7) is missing here`);
    expect(e.fix).toContain(':::step{state="origin"} as step 1');
  });

  it("stops when one language has an extra step, naming where it is", () => {
    const e = loadError("step-extra");
    expect(e.file).toBe(path("step-extra", "de/01-jagd.md"));
    expect(e.line).toBe(11);
    expect(e.message).toContain(`step "refusal" (${path("step-extra", "en/01-hunt.md")}:15) is missing here`);
    expect(e.fix).toContain(`:::step{state="refusal"} as step 3, or remove it from ${path("step-extra", "en/01-hunt.md")}`);
  });

  it("stops when the steps are in a different order, asking the English to follow the German source", () => {
    const e = loadError("step-order");
    expect(e.file).toBe(path("step-order", "en/01-hunt.md"));
    expect(e.line).toBe(7);
    expect(e.message).toContain(`steps are in a different order than in ${path("step-order", "de/01-jagd.md")}`);
    expect(e.fix).toContain("tsmc, origin");
  });

  it("stops when a chapter has no counterpart in the other language", () => {
    const e = loadError("chapter-missing");
    expect(e.file).toBe(path("chapter-missing", "de/02-billionen.md"));
    expect(e.line).toBe(2);
    expect(e.message).toContain(`chapter "trillions" has no counterpart in ${path("chapter-missing", "en")}`);
    expect(e.fix).toContain("`slug: trillions`");
  });

  it("stops when a name is mentioned in one language's step only", () => {
    const e = loadError("name-one-language");
    expect(e.file).toBe(path("name-one-language", "en/01-hunt.md"));
    expect(e.line).toBe(11);
    expect(e.message).toContain('step "tsmc" names VAE in one language only');
    // The fix names the English form of the name, not the German one.
    expect(e.fix).toContain('mention "UAE" here too (name "uae"');
  });

  it("stops when the languages cite different facts in a step", () => {
    const e = loadError("facts-differ");
    expect(e.file).toBe(path("facts-differ", "en/01-hunt.md"));
    expect(e.line).toBe(11);
    expect(e.message).toContain(
      `cites facts [total-sum] but the German step (${path("facts-differ", "de/01-jagd.md")}:11) cites [talks-since]`,
    );
    expect(e.fix).toContain("same :fact[…] ids");
  });
});

describe("loadStory: facts and labels", () => {
  it("stops on invalid JSON in facts.json at the line of the error", () => {
    const e = loadError("facts-json");
    expect(e.file).toBe(path("facts-json", "facts.json"));
    expect(e.line).toBe(4);
    expect(e.message).toContain("is not valid JSON");
  });

  it("stops when a label key is missing in one language's label file", () => {
    const e = loadError("label-missing");
    // The fixture's label files are copies of content/labels: find where German has the key.
    const de = readFileSync(join(FIXTURES, "label-missing/labels/de.json"), "utf8").split("\n");
    const deLine = de.findIndex((l) => l.trim().startsWith('"nvidia":')) + 1;
    expect(deLine).toBeGreaterThan(1);
    expect(e.file).toBe(path("label-missing", "labels/en.json"));
    // A key that is absent has no line of its own: the error names the whole file.
    expect(e.line).toBe(1);
    expect(e.message).toContain(
      `lacks the label "scenes.hunt.nvidia" that ${path("label-missing", "labels/de.json")} has (line ${deLine})`,
    );
    expect(e.fix).toContain('add "nvidia" under "scenes.hunt"');
  });
});

describe("mentions", () => {
  it("finds a name as a whole word, with a possessive or plural ending", () => {
    expect(mentions("Altmans Plan", ["Altman"])).toBe(true);
    expect(mentions("Altman’s plan", ["Altman"])).toBe(true);
    expect(mentions("TSMC-Chef", ["TSMC"])).toBe(true);
    expect(mentions("the Japanese group", ["Japan", "Japanese"])).toBe(true);
  });

  it("does not find a name inside another word", () => {
    expect(mentions("Metallurgie", ["Meta"])).toBe(false);
    expect(mentions("Samsungs", ["Samsung"])).toBe(true);
    expect(mentions("Samsungia", ["Samsung"])).toBe(false);
  });
});
