// The page's opening and ending words (content/page/<lang>.md) on the real
// content and on patched copies: each case breaks one thing, and the build must
// stop at the file and line with the fix. Lines come from where the patch went.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEK, PAGE_BLOCKS, PAGE_FIELDS, pageFile } from "../../../src/story/pageText.ts";
import { formatFact } from "../../../src/story/facts.ts";
import type { Lang } from "../../../src/story/types.ts";
import { CONTENT } from "../support.ts";
import { failsAt, patched, realStory } from "../patch.ts";

const story = realStory();
const langs = story.config.languages.map((l) => l.code) as Lang[];
const [source, other] = langs as [Lang, Lang];
const [srcFile, otherFile] = [pageFile(source), pageFile(other)];

describe("the page file: the real content", () => {
  it("gives every field and every block in every language, facts filled in and no placeholder left", () => {
    for (const lang of langs) {
      const p = story.page[lang]!;
      for (const key of PAGE_FIELDS) expect(p.fields[key].trim(), `${lang} ${key}`).not.toBe("");
      expect(Object.keys(p.blocks)).toEqual([...PAGE_BLOCKS]);
      for (const name of PAGE_BLOCKS) {
        expect(p.blocks[name].title.trim(), `${lang} ${name}`).not.toBe("");
        expect(p.blocks[name].html, `${lang} ${name}`).not.toMatch(/\{[a-z0-9-]+\}|:fact\[/);
      }
      expect(p.fields.based, "the report's year, from facts.json").toContain(formatFact(story.facts.numbers["report-year"]!, lang));
    }
  });

  it("cites the open questions' facts in what to watch for, the same in every language", () => {
    for (const lang of langs) {
      expect(new Set(story.page[lang]!.blocks.watch.facts)).toEqual(new Set(["report-year", "total-sum", "production-earliest"]));
      expect(story.page[lang]!.blocks.watch.html).toContain('data-fact="production-earliest"');
    }
  });

  it("quotes the article word for word in the source language's sources, and marks translations in the others", () => {
    const article = readFileSync(join(CONTENT, "source/article-de.txt"), "utf8").replace(/\s+/g, " ");
    const text = readFileSync(join(CONTENT, srcFile), "utf8");
    const passages = [...text.slice(text.indexOf(":::sources")).matchAll(/„([^“]+)“/g)].map((m) => m[1]!);
    expect(passages.length).toBeGreaterThanOrEqual(5);
    for (const p of passages) expect(article).toContain(p);
    expect(story.page.en!.blocks.sources.html.match(/our translation/g)?.length).toBeGreaterThanOrEqual(4);
  });
});

describe("the page file: mistakes stop the build at their line", () => {
  it("a missing field", () => {
    const t = patched();
    const line = t.lineOf(otherFile, /^dek:/);
    t.deleteLines(otherFile, line);
    const e = failsAt(t, otherFile, 2);
    expect(e.message).toContain("frontmatter lacks `dek`");
    expect(e.fix).toContain("`dek: …`");
  });

  it("a number typed into a field", () => {
    const t = patched();
    const line = t.replace(srcFile, t.lineOf(srcFile, /^based:/), "{report-year}", "2024");
    const e = failsAt(t, srcFile, line);
    expect(e.message).toContain('the number "2024" is typed into `based`');
    expect(e.fix).toContain("{fact-id}");
  });

  it("an unknown fact in a field", () => {
    const t = patched();
    const line = t.replace(otherFile, t.lineOf(otherFile, /^based:/), "{report-year}", "{report-yaer}");
    const e = failsAt(t, otherFile, line);
    expect(e.message).toContain('unknown fact "{report-yaer}"');
  });

  it("a dek too long to take in at a glance, or of more than two sentences", () => {
    for (const lang of langs) {
      const dek = story.page[lang]!.fields.dek;
      expect(dek.split(/\s+/).length, dek).toBeLessThanOrEqual(DEK.words);
    }
    const t = patched();
    const line = t.lineOf(otherFile, /^dek:/);
    t.replace(otherFile, line, /dek: "(.*)"$/, 'dek: "$1 $1"');
    const e = failsAt(t, otherFile, line);
    expect(e.message).toMatch(/the dek runs to \d+ words in 4 sentences/);
    const three = patched();
    three.replace(srcFile, three.lineOf(srcFile, /^dek:/), /dek: "(.*)"$/, 'dek: "Kurz. Knapp. Drei."');
    expect(failsAt(three, srcFile, three.lineOf(srcFile, /^dek:/)).message).toContain("in 3 sentences");
  });

  it("a number typed into what to watch for", () => {
    const t = patched();
    const line = t.lineOf(srcFile, ":fact[production-earliest]");
    t.replace(srcFile, line, ":fact[production-earliest]", "2026");
    const e = failsAt(t, srcFile, line);
    expect(e.message).toMatch(/the number "2026\.?" is typed into the prose/);
  });

  it("a block missing, or out of order", () => {
    const t = patched();
    const start = t.lineOf(otherFile, /^:::credits/);
    t.deleteLines(otherFile, start, t.lineOf(otherFile, /^:::\s*$/, start + 1));
    const e = failsAt(t, otherFile, t.lineOf(otherFile, /^:::colophon/));
    expect(e.message).toContain('block "colophon" where "credits" belongs');
    expect(e.fix).toContain(':::watch{title="…"}');
  });

  it("a block without a title", () => {
    const t = patched();
    const line = t.replace(srcFile, t.lineOf(srcFile, /^:::methods/), /\{title="[^"]*"\}/, "");
    const e = failsAt(t, srcFile, line);
    expect(e.message).toContain('block "methods" has no title');
  });

  it("a fact one language cites in a block and the other does not", () => {
    const t = patched();
    const line = t.lineOf(otherFile, ":fact[total-sum]");
    t.replace(otherFile, line, ":fact[total-sum]", "the sum");
    const e = failsAt(t, otherFile, t.lineOf(otherFile, /^:::watch/));
    expect(e.message).toContain("does not cite :fact[total-sum], which");
  });

  it("a passage of the source language's sources that is not in the article", () => {
    const t = patched();
    const line = t.lineOf(srcFile, "„zu aggressiv und schwer zu glauben“");
    t.replace(srcFile, line, "„zu aggressiv und schwer zu glauben“", "„viel zu aggressiv“");
    const e = failsAt(t, srcFile, line);
    expect(e.message).toContain("„viel zu aggressiv“ is not in the source article");
    expect(e.fix).toContain("word for word");
  });

  it("a missing page file", () => {
    const t = patched();
    t.remove(otherFile);
    const e = failsAt(t, otherFile, 1);
    expect(e.message).toContain("is missing");
  });
});
