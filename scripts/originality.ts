// Does any German sentence of the story follow a sentence of the source article
// closely? Prose is ours only if it says the facts in its own words and order;
// names, numbers and marked quotations are the article's by right and are not
// counted against us.
//
// The measure, per pair (story sentence S, article sentence A), on words that are
// lower-cased and lightly stemmed (common German endings cut), with every name
// from facts.json (and runs of them, "Meta, Microsoft und Amazon") turned into
// one placeholder:
//   run   the longest stretch of consecutive words S and A share, function words
//         and placeholders included: a copied clause ("hat begonnen, diesen
//         Vorschlag zu prüfen") shows as a long run;
//   order the longest common subsequence of content words (no function words,
//         no placeholders) over the content words of S: a sentence that keeps
//         the article's words in the article's order, with small swaps ("geholt"
//         for "eingeholt", a word added), shows as a high share;
//   frame the same over all words, function words and placeholders included: a
//         sentence that swaps every content word for a synonym but keeps the
//         article's syntax ("Laut einem leitenden … hat Altman seit 2023 …, um …
//         zu …") shares its frame of small words.
// A pair is close when run >= RUN_LIMIT, or order >= ORDER_LIMIT with at least
// ORDER_MIN_WORDS content words in common, or frame >= FRAME_LIMIT with at least
// FRAME_MIN_WORDS words in common (the minimums keep short sentences that share
// a name and two words from being flagged). Calibrated on the two
// examples and two paraphrases of our own (tests/unit/scripts/originality.test.ts):
// all score >= 1; main's prose had 19 close sentences, the rewritten story none.
//
// Usage: node scripts/originality.ts [contentDir] [articlePath]

import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatFact, type NumberFact } from "../src/story/facts.ts";

export const RUN_LIMIT = 5;
export const ORDER_LIMIT = 0.5;
export const ORDER_MIN_WORDS = 4;
export const FRAME_LIMIT = 0.5;
export const FRAME_MIN_WORDS = 8;

const NAME = "§";

const STOPWORDS = new Set(
  (
    "der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn " +
    "zu zum zur von vom mit mit bei beim für auf aus an am im in ins über unter nach vor seit bis " +
    "um ob als wie so auch noch nur schon sogar sehr ist sind war waren wird werden wurde würde würden " +
    "hat haben hatte hatten habe sei seien es er sie ihn ihm ihr ihre ihren ihrem ihrer sein seine seinen " +
    "seinem seiner sich dass daß nicht kein keine dieser diese dieses diesen diesem jener jene man wo was " +
    "wer dort dann da hier damit dafür davon dabei durch gegen ohne etwa laut zufolge nun jetzt"
  ).split(" "),
);

/** Lower-case, cut a common German ending when a stem of 3+ letters is left. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  const m = /^(.{3,}?)(ern|en|er|es|em|e|n|s)$/u.exec(w);
  return m ? m[1]! : w;
}

/** The sentence's words: names collapsed into one placeholder each run. */
export function words(sentence: string, names: readonly string[]): string[] {
  let text = ` ${sentence} `;
  // Longest names first, so "SK Hynix" wins over a shorter form inside it.
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    text = text.replace(new RegExp(`(?<![\\p{L}\\d])${escaped}s?(?![\\p{L}\\d])`, "giu"), ` ${NAME} `);
  }
  const raw = text.match(/[\p{L}\d§]+/gu) ?? [];
  const out: string[] = [];
  for (const r of raw) {
    const w = r === NAME ? NAME : stem(r);
    // "Meta, Microsoft, Google und Amazon": one placeholder, not a shared run of five.
    if (w === NAME && (out.at(-1) === NAME || (out.at(-1) === "und" && out.at(-2) === NAME))) {
      if (out.at(-1) === "und") out.pop();
      continue;
    }
    out.push(w);
  }
  return out;
}

const content = (ws: readonly string[]): string[] => ws.filter((w) => w !== NAME && !STOPWORDS.has(w) && !/^\d+$/.test(w));

function longestRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      best = Math.max(best, prev[j]!);
      diag = up;
    }
  }
  return best;
}

function lcs(a: readonly string[], b: readonly string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j]!, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

export interface Closeness {
  run: number;
  shared: number;
  order: number;
  framed: number;
  frame: number;
  close: boolean;
}

export function compare(ours: string, theirs: string, names: readonly string[] = []): Closeness {
  const a = words(ours, names);
  const b = words(theirs, names);
  const run = longestRun(a, b);
  const ca = content(a);
  const shared = lcs(ca, content(b));
  const order = ca.length ? shared / ca.length : 0;
  const framed = lcs(a, b);
  const frame = a.length ? framed / a.length : 0;
  const close =
    run >= RUN_LIMIT || (order >= ORDER_LIMIT && shared >= ORDER_MIN_WORDS) || (frame >= FRAME_LIMIT && framed >= FRAME_MIN_WORDS);
  return { run, shared, order, framed, frame, close };
}

/** A share towards its limit; below 1 while too few words are shared to count. */
const towards = (share: number, limit: number, words: number, min: number): number =>
  words >= min ? share / limit : Math.min(1, share / limit) * (words / min);

/** One number for ranking: how far the pair is towards the nearest limit (>= 1: close). */
export const score = (c: Closeness): number =>
  Math.max(
    c.run / RUN_LIMIT,
    towards(c.order, ORDER_LIMIT, c.shared, ORDER_MIN_WORDS),
    towards(c.frame, FRAME_LIMIT, c.framed, FRAME_MIN_WORDS),
  );

const ABBREVIATION = /(?:\b\p{Lu}|\b(?:z|B|Bio|Mrd|Mio|Dr|St|bzw|etc|ca|vgl|u|a))\.$/u;

/** Sentences, split after . ! ? unless the period ends an initial or an abbreviation ("C. C. Wei"). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const piece of text.split(/(?<=[.!?])\s+/u)) {
    current = current ? `${current} ${piece}` : piece;
    if (!ABBREVIATION.test(current)) {
      out.push(current.trim());
      current = "";
    }
  }
  if (current.trim()) out.push(current.trim());
  return out.filter((s) => /\p{L}/u.test(s));
}

interface FactsFile {
  numbers: Record<string, NumberFact>;
  names: Record<string, { de: string | string[] }>;
}

/** The German prose of every step: facts resolved, terms as their words, marked quotations left out. */
export function storySentences(contentDir: string): { file: string; sentence: string }[] {
  const facts = JSON.parse(readFileSync(join(contentDir, "facts.json"), "utf8")) as FactsFile;
  const dir = join(contentDir, "de");
  const out: { file: string; sentence: string }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()) {
    const body = readFileSync(join(dir, file), "utf8").replace(/^---[\s\S]*?\n---\n/, "");
    const prose = body
      .replace(/^:::.*$/gmu, "")
      .replace(/:quote\[[^\]]*\](\{[^}]*\})?/gu, "…")
      .replace(/:term\[([^\]]*)\](\{[^}]*\})?/gu, "$1")
      .replace(/:fact\[([^\]]*)\]/gu, (_, id: string) => {
        const f = facts.numbers[id];
        if (!f) throw new Error(`${file}: unknown fact ${id}`);
        return formatFact(f, "de");
      });
    for (const para of prose.split(/\n\s*\n/u)) {
      for (const s of sentences(para.replace(/\s+/gu, " ").trim())) out.push({ file: `de/${file}`, sentence: s });
    }
  }
  return out;
}

export function articleSentences(articlePath: string): string[] {
  return readFileSync(articlePath, "utf8")
    .split(/\n+/u)
    .flatMap((line) => sentences(line.trim()));
}

export function nameForms(contentDir: string): string[] {
  const facts = JSON.parse(readFileSync(join(contentDir, "facts.json"), "utf8")) as FactsFile;
  return Object.values(facts.names).flatMap((n) => (typeof n.de === "string" ? [n.de] : n.de));
}

export interface Pair extends Closeness {
  file: string;
  ours: string;
  theirs: string;
}

/** For each story sentence, its closest article sentence; closest first. */
export function closestPairs(contentDir: string, articlePath: string): Pair[] {
  const names = nameForms(contentDir);
  const article = articleSentences(articlePath);
  return storySentences(contentDir)
    .map(({ file, sentence }) => {
      let best: Pair | undefined;
      for (const a of article) {
        const c = compare(sentence, a, names);
        if (!best || score(c) > score(best)) best = { ...c, file, ours: sentence, theirs: a };
      }
      return best!;
    })
    .sort((x, y) => score(y) - score(x));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? "content");
  const article = resolve(process.argv[3] ?? join(dir, "source/article-de.txt"));
  const pairs = closestPairs(dir, article);
  const close = pairs.filter((p) => p.close);
  console.log(`${pairs.length} German sentences; ${close.length} follow an article sentence closely`);
  console.log(
    `close when: run >= ${RUN_LIMIT} words; or order >= ${ORDER_LIMIT} with >= ${ORDER_MIN_WORDS} content words shared; or frame >= ${FRAME_LIMIT} with >= ${FRAME_MIN_WORDS} words shared`,
  );
  for (const p of pairs.slice(0, Math.max(5, close.length))) {
    console.log(
      `\n${p.close ? "CLOSE" : "ok   "} score ${score(p).toFixed(2)} (run ${p.run}, order ${p.order.toFixed(2)} of ${p.shared}, frame ${p.frame.toFixed(2)} of ${p.framed}) ${p.file}\n  ours:    ${p.ours}\n  article: ${p.theirs}`,
    );
  }
  process.exit(close.length ? 1 : 0);
}
