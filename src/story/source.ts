// The article the story is built from, kept in the repository beside the content
// (content/source/article-de.txt), so that a quotation in facts.json can be held
// against it: every "quote" must occur in the article word for word (line breaks
// and runs of spaces aside), or the build stops at the quote's line.

import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { StoryError } from "./errors.ts";
import { lineOfPath } from "./json.ts";
import type { Facts } from "./facts.ts";

/** The source article, relative to the content folder (facts.json's "$comment" names it too). */
export const ARTICLE = "source/article-de.txt";

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

/** Stops on the first quotation of facts.json (`text`, named `file`) that the article in `contentDir` does not contain. */
export function checkQuotes(facts: Facts, text: string, file: string, contentDir: string): void {
  const path = join(contentDir, ARTICLE);
  const name = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    throw new StoryError(
      name,
      1,
      "the source article is missing",
      `put the article's text here: the quotations in ${file} are checked against it`,
    );
  }
  const article = squeeze(readFileSync(path, "utf8"));
  for (const group of ["numbers", "names", "places"] as const) {
    for (const [id, fact] of Object.entries(facts[group] ?? {})) {
      if (fact.quote === undefined || article.includes(squeeze(fact.quote))) continue;
      throw new StoryError(
        file,
        lineOfPath(text, [group, id, "quote"]),
        `the quote of "${id}" is not in the source article (${name})`,
        "copy the passage from the article exactly as it stands there (same words, spelling and punctuation)",
      );
    }
  }
}
