// The page's own words around the chapters, one file per language
// (content/page/<lang>.md): the opening (kicker, headline, dek, byline, the
// source line) and the ending's closing line in its
// frontmatter, the ending (what to watch for, methods, sources, credits, colophon) as `:::name{title="…"}` blocks.
// Every language has the same fields and blocks in the same order and cites the
// same facts in each prose block; the source language's quotations of the
// article („…“ in the sources block) must stand in the article word for word.

import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { StoryError } from "./errors.ts";
import { fillFacts } from "./labels.ts";
import { parseBlocks, splitFrontmatter, type Glossary, type ParsedBlock } from "./markdown.ts";
import { ARTICLE } from "./source.ts";
import type { Facts } from "./facts.ts";
import type { Lang } from "./types.ts";

/** The opening's fields, each required, in every language. */
/** `closing`: the ending's one-line takeaway (src/components/Ending.astro), after the last chapter. */
export const PAGE_FIELDS = ["kicker", "headline", "dek", "byline", "based", "closing"] as const;
export type PageField = (typeof PAGE_FIELDS)[number];
/** The ending's blocks, each required, in this order. */
// In the page's order: the sources before the credits, and the software's licences last, in a colophon (graphics
// review 36: the ending ran on into licences and ended on a folded list).
export const PAGE_BLOCKS = ["watch", "methods", "sources", "credits", "colophon"] as const;
export type PageBlock = (typeof PAGE_BLOCKS)[number];
/** Blocks held to a step's rules: numbers only as :fact[id]. */
const PROSE: readonly PageBlock[] = ["watch", "methods"];

export interface PageText {
  file: string;
  fields: Record<PageField, string>;
  blocks: Record<PageBlock, ParsedBlock>;
}

/** The page file of a language, relative to the content folder. */
export const pageFile = (lang: Lang): string => join("page", `${lang}.md`);

export function loadPageText(
  contentDir: string,
  lang: Lang,
  facts: Facts,
  glossary: Glossary,
  rel: (p: string) => string,
  source: boolean,
): PageText {
  const path = join(contentDir, pageFile(lang));
  const file = rel(path);
  if (!existsSync(path)) {
    throw new StoryError(
      file,
      1,
      "is missing",
      `create it: frontmatter ${PAGE_FIELDS.join(", ")}, then the blocks ${PAGE_BLOCKS.join(", ")} (see README)`,
    );
  }
  const fm = splitFrontmatter(readFileSync(path, "utf8"), file);
  const fill = (md: string, line: number) => {
    try {
      return fillFacts(md, facts, lang, file);
    } catch (e) {
      if (!(e instanceof StoryError)) throw e;
      throw new StoryError(file, line, e.message.split("\n")[0]!.replace(/^.*?:\d+: /, ""), e.fix);
    }
  };
  const fields = {} as Record<PageField, string>;
  for (const key of PAGE_FIELDS) {
    const v = fm.data[key];
    const line = fm.keyLines[key] ?? 2;
    if (typeof v !== "string" || !v.trim()) {
      throw new StoryError(file, line, `frontmatter lacks \`${key}\``, `add a line \`${key}: …\` between the \`---\` lines`);
    }
    const digit = /\d[\d.,]*/.exec(v.replace(/\{[a-z0-9-]+(:long|:bare)?\}/g, ""));
    if (digit) {
      throw new StoryError(
        file,
        line,
        `the number "${digit[0]}" is typed into \`${key}\``,
        "numbers and dates live in content/facts.json: write {fact-id}",
      );
    }
    fields[key] = fill(v, line);
    if (key === "dek") checkDek(fields.dek, file, line);
  }
  for (const key of Object.keys(fm.data)) {
    if (!(PAGE_FIELDS as readonly string[]).includes(key)) {
      throw new StoryError(file, fm.keyLines[key] ?? 2, `unknown field \`${key}\``, `the fields are: ${PAGE_FIELDS.join(", ")}`);
    }
  }
  const parsed = parseBlocks(fm.body, fm.bodyLine, { file, lang, facts, glossary }, PROSE, fill);
  const blocks = {} as Record<PageBlock, ParsedBlock>;
  PAGE_BLOCKS.forEach((name, i) => {
    const b = parsed[i];
    if (b?.name !== name) {
      throw new StoryError(
        file,
        b?.line ?? fm.bodyLine,
        b ? `block "${b.name}" where "${name}" belongs` : `lacks the block "${name}"`,
        `write the blocks in this order: ${PAGE_BLOCKS.map((n) => `:::${n}{title="…"}`).join(", ")}`,
      );
    }
    blocks[name] = b;
  });
  if (parsed.length > PAGE_BLOCKS.length) {
    const extra = parsed[PAGE_BLOCKS.length]!;
    throw new StoryError(file, extra.line, `unknown block "${extra.name}"`, `the blocks are: ${PAGE_BLOCKS.join(", ")}`);
  }
  if (source) checkPassages(contentDir, file, fm.body, fm.bodyLine, blocks.sources);
  return { file, fields, blocks };
}

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

/** The source language's sources block quotes the article („…“): each passage must be in it, word for word. */
function checkPassages(contentDir: string, file: string, body: string, bodyLine: number, block: ParsedBlock): void {
  const article = squeeze(readFileSync(join(contentDir, ARTICLE), "utf8"));
  const lines = body.split("\n");
  for (let i = block.line - bodyLine; i < lines.length; i++) {
    for (const m of lines[i]!.matchAll(/„([^“]+)“/g)) {
      const passage = squeeze(m[1]!.replace(/\s*…\s*$/, "").replace(/^\s*…\s*/, ""));
      if (!passage.split(/\s*…\s*/).every((part) => article.includes(part))) {
        throw new StoryError(
          file,
          bodyLine + i,
          `the passage „${m[1]}“ is not in the source article (${relative(process.cwd(), join(contentDir, ARTICLE))})`,
          "copy it from the article word for word; mark a cut with …",
        );
      }
    }
    if (/^\s*:::\s*$/.test(lines[i]!)) break;
  }
}

/** Every language's prose blocks cite the same facts as the source language's. */
/** A dek a reader takes in at a glance: at most DEK.words words, in at most DEK.sentences sentences. */
export const DEK = { words: 30, sentences: 2 } as const;

function checkDek(dek: string, file: string, line: number): void {
  const words = dek.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const sentences = dek.split(/(?<=[.!?])\s+(?=[\p{Lu}„“"])/u).filter((x) => x.trim()).length;
  if (words > DEK.words || sentences > DEK.sentences)
    throw new StoryError(
      file,
      line,
      `the dek runs to ${words} words in ${sentences} sentences`,
      `say it in at most ${DEK.words} words and ${DEK.sentences} short sentences: what happened and why it matters; the chapters tell the rest`,
    );
}

export function checkPageParity(a: PageText, b: PageText): void {
  for (const name of PAGE_BLOCKS) {
    const [x, y] = [new Set(a.blocks[name].facts), new Set(b.blocks[name].facts)];
    const missing = [...x].find((id) => !y.has(id)) ?? [...y].find((id) => !x.has(id));
    if (missing) {
      const lacks = x.has(missing) ? b : a;
      const has = lacks === a ? b : a;
      throw new StoryError(
        lacks.file,
        lacks.blocks[name].line,
        `the block "${name}" does not cite :fact[${missing}], which ${has.file} cites (line ${has.blocks[name].line})`,
        `cite :fact[${missing}] here too, or drop it from both`,
      );
    }
  }
}
