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
//   ideas the longest common subsequence of ideas: content words mapped to one
//         idea per group of synonyms (IDEAS: "Firma", "Unternehmen", "Gesellschaft"
//         are one idea, as are "Geldgeber" and "Investoren"; a compound counts by
//         its head or its tail, "Produktionskapazität" as "Kapazität"), against the
//         shorter side's ideas. A paraphrase that swaps each word for a synonym
//         but tells the article's ideas in the article's order shows here, where
//         run, order and frame miss it.
// Sentences are compared one by one and also in windows of two consecutive
// sentences on either side: a sentence of the article split in two (or two told
// as one) still follows it.
// A pair is close when run >= RUN_LIMIT, or order >= ORDER_LIMIT with at least
// ORDER_MIN_WORDS content words in common, or frame >= FRAME_LIMIT with at least
// FRAME_MIN_WORDS words in common (the minimums keep short sentences that share
// a name and two words from being flagged), or ideas >= IDEA_MIN_SHARED in the
// article's order with share >= IDEA_SHARE and shared × share >= IDEA_MASS (a
// long stretch of the article's ideas needs a smaller share to count).
// Calibrated on the two examples, two paraphrases of our own and the 16
// sentences a standards editor found following the article in review 1
// (tests/unit/scripts/originality.test.ts): all score >= 1. Before the ideas
// measure, run, order and frame found none of the editor's 16; now all 16, and
// the rewritten story none. Review 2 found 15 more; synonym groups for their words
// and the split of "Chip…" compounds ("Chippläne" as "Chip-Pläne") catch 10 of them.
// Review 3 found 4 more (and 2 borderline) that no limit here catches without also
// flagging sentences that only share facts: they are short (2 ideas in the article's
// order, "Widerstand … OpenAI … kaum"), or tell the article's ideas reversed ("er
// werde ankündigen … vertraute er einem Branchenmanager an"), which every measure
// above, being a longest common subsequence, reads as 1 shared idea. Catching them
// by share alone would flag "Knapp waren Chips nicht nur bei OpenAI" (2 of 2 ideas,
// only facts); so the limits stay, and such sentences are left to the editor.
//
// Usage: node scripts/originality.ts [contentDir] [articlePath]

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatFact, type NumberFact } from "../src/story/facts.ts";

export const RUN_LIMIT = 5;
export const ORDER_LIMIT = 0.5;
export const ORDER_MIN_WORDS = 4;
export const FRAME_LIMIT = 0.5;
export const FRAME_MIN_WORDS = 8;
export const IDEA_MIN_SHARED = 3;
export const IDEA_SHARE = 0.35;
export const IDEA_MASS = 2;

/** Groups of words that carry one idea in this story's field (each written as its stem or a stem's start). */
const IDEAS = `firma firm unternehm konzern gesellschaft haus häus
investor geldgeb kapitalgeb
extern außen fremd
fab fabrik werk anlag neubau
bau errichten errichte aufbau
gründ gegründet
rechenzentr
miet
besprech besprach besproch red geredet sprech spricht sagt gesproch gespräch verhandl diskutier
separat gesondert
genehmig zustimm zugestimmt eingeholt
regierung
land länder staat
ander weiter
schütz sicher gesichert bewahr geschützt schutz zusag zugesagt
leck abfluss
einfluss zugriff
lokal heimisch
sorg besorgt gefahr fürcht
ablenk
nebenprojekt
anteil beteilig
investition investier steck beteiligung aufbiet aufzubiet
einschließ eingeschloss darunter
scheint offenbar wohl anscheinend
kolleg
prüf befass berat vorgenomm
vorstand verwaltungsrat gremium
mikroelektronik
informatik
bachelor
promovier promotion doktor
design entwurf entwerf
beginn begonn anfang angefang
produktion fertigung herstellung produzier fertig
frühest
komponent bauteil baustein
wichtig zentral schlüssel
direkt unmittelbar
leistung rechenleistung leist
verantwortlich bestimm abhäng
geschäft
beeinfluss auswirk spür berühr
erheblich deutlich empfindlich spürbar
reagier
lieferant zulieferer
vorgelagert
beschleunig
stark viel
registrier eingetrag eintrag
öffentlich
selt zurück
einzelheit detail
privat vertraulich krei
frag gefragt
aussicht
plan vorhab chipvorhab
anbiet lieferant zulieferer
verpack packaging
verfahr lösung
vergleich verglich erwäg betracht überleg
fachkraft arbeitskraft personal
spitzenleut führungskraft chef ceo manag
ausländ
kooperation zusammenarbeit gearbeitet mitgewirkt
ärger problem schwierigkeit
beitrag trug auslös
widerspruch widerstand
kaum fast
erläuter erklär
grund immobili gebäud
strom elektrizität energie
angeworb rekrut
eigens speziell gezielt
kontakt kommuniz
knapp schwer mangel
ständig dauernd laufend
kund nachfrag
liefer angebot
wiss ließ informier ankündig kündigt mitteil einzig allein
end jahresend
mehrer verschieden
möglich potenziell
team entwicklungsteam chipteam
erhöh steiger
groß hoch
ausländ
verhandel
kapazität
kontaktier anfrag ansprech
gigant chiphersteller chipfertig chipkonzern
praktikab geleg bequem
nutz reich genüg
bestehend vorhand
riskier wag wett risiko
geld kapital
dutzend`
  .split("\n")
  .map((line) => line.split(/\s+/u));

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

/** Umlauts folded, so a plural's umlaut ("Einflüsse") is the singular's idea. */
const fold = (w: string): string => w.replace(/ä/gu, "a").replace(/ö/gu, "o").replace(/ü/gu, "u");
const IDEA = new Map<string, string>();
for (const group of IDEAS) for (const w of group) IDEA.set(fold(stem(w)), fold(stem(group[0]!)));
const STEMMED_STOPWORDS = new Set([...STOPWORDS].map(stem));

/** A word's idea: its group's, by the whole stem, else by a head or tail of 5+ letters (compounds); else itself. */
function idea(word: string): string | null {
  const w = fold(word);
  if (w === NAME || STOPWORDS.has(word) || STOPWORDS.has(w) || STEMMED_STOPWORDS.has(w) || /^\d+$/.test(w)) return null;
  const whole = IDEA.get(w);
  if (whole) return whole;
  for (const [k, v] of IDEA) if (k.length >= 5 && (w.startsWith(k) || w.endsWith(k))) return v;
  return w;
}

/** The sentence's ideas in order; hyphenated compounds ("Chip-Giganten") split into their parts. */
export function ideas(sentence: string, names: readonly string[]): string[] {
  return (
    words(sentence.replace(/(?<=\p{L})-(?=\p{L})/gu, " "), names)
      // "Chippläne" is the article's "Chip-Pläne": a compound on "Chip" told as its two parts.
      .flatMap((w) => (/^chip.{4,}/u.test(w) ? ["chip", stem(w.slice(4))] : [w]))
      .map(idea)
      .filter((w): w is string => w !== null)
  );
}

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
  /** Ideas told in the article's order, and their share of the shorter side's ideas. */
  ideasShared: number;
  ideaShare: number;
  close: boolean;
}

const ideasClose = (shared: number, share: number): boolean =>
  shared >= IDEA_MIN_SHARED && share >= IDEA_SHARE && shared * share >= IDEA_MASS;

export function compare(ours: string, theirs: string, names: readonly string[] = []): Closeness {
  const a = words(ours, names);
  const b = words(theirs, names);
  const run = longestRun(a, b);
  const ca = content(a);
  const shared = lcs(ca, content(b));
  const order = ca.length ? shared / ca.length : 0;
  const framed = lcs(a, b);
  const frame = a.length ? framed / a.length : 0;
  const ia = ideas(ours, names);
  const ib = ideas(theirs, names);
  const ideasShared = lcs(ia, ib);
  const ideaShare = ideasShared ? ideasShared / Math.min(ia.length, ib.length) : 0;
  const close =
    run >= RUN_LIMIT ||
    (order >= ORDER_LIMIT && shared >= ORDER_MIN_WORDS) ||
    (frame >= FRAME_LIMIT && framed >= FRAME_MIN_WORDS) ||
    ideasClose(ideasShared, ideaShare);
  return { run, shared, order, framed, frame, ideasShared, ideaShare, close };
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
    // The ideas' mass towards its limit, held below 1 while too few are shared or the share is too small.
    ideasClose(c.ideasShared, c.ideaShare)
      ? Math.max(1, (c.ideasShared * c.ideaShare) / IDEA_MASS)
      : Math.min(0.99, (c.ideasShared * c.ideaShare) / IDEA_MASS),
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

/** The German prose of every step: facts resolved, terms as their words, marked quotations left out. `step`
 * counts the steps across the story, so windows of two sentences stay inside one. */
export function storySentences(contentDir: string): { file: string; step: number; sentence: string }[] {
  const facts = JSON.parse(readFileSync(join(contentDir, "facts.json"), "utf8")) as FactsFile;
  const dir = join(contentDir, "de");
  const out: { file: string; step: number; sentence: string }[] = [];
  let step = 0;
  const chapters = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ file: `de/${f}`, body: readFileSync(join(dir, f), "utf8").replace(/^---[\s\S]*?\n---\n/, "") }));
  // The page's own prose (content/page/de.md): the dek and the ending's prose blocks; its sources quote the article on purpose.
  const page = join(contentDir, "page", "de.md");
  const own = existsSync(page) ? readFileSync(page, "utf8") : "";
  const dek = /^dek:\s*(.*)$/mu.exec(own)?.[1] ?? "";
  const blocks = [...own.matchAll(/^:::(?:watch|methods)\b.*\n([\s\S]*?)^:::\s*$/gmu)].map((m) => m[1]!);
  if (own) chapters.push({ file: "page/de.md", body: [dek, ...blocks].join("\n\n") });
  for (const { file, body } of chapters) {
    const prose = body
      .replace(/^:::.*$/gmu, "")
      .replace(/:quote\[[^\]]*\](\{[^}]*\})?/gu, "…")
      .replace(/:term\[([^\]]*)\](\{[^}]*\})?/gu, "$1")
      .replace(/:fact\[([^\]]*)\](\{bare\})?/gu, (_, id: string, bare?: string) => {
        const f = facts.numbers[id];
        if (!f) throw new Error(`${file}: unknown fact ${id}`);
        return formatFact(f, "de", bare ? "bare" : "long");
      });
    for (const para of prose.split(/\n\s*\n/u)) {
      step++;
      for (const s of sentences(para.replace(/\s+/gu, " ").trim())) out.push({ file, step, sentence: s });
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

/** Each sentence, and each pair of consecutive sentences (pairs kept together by `together`). */
export function windows<T>(
  items: readonly T[],
  text: (t: T) => string,
  together: (a: T, b: T) => boolean = () => true,
): { first: T; text: string }[] {
  const out = items.map((t) => ({ first: t, text: text(t) }));
  for (let i = 0; i + 1 < items.length; i++) {
    if (together(items[i]!, items[i + 1]!)) out.push({ first: items[i]!, text: `${text(items[i]!)} ${text(items[i + 1]!)}` });
  }
  return out;
}

/** For each story sentence and each two in a row within a step, the closest article sentence or two; closest first. */
export function closestPairs(contentDir: string, articlePath: string): Pair[] {
  const names = nameForms(contentDir);
  const article = windows(articleSentences(articlePath), (a) => a).map((w) => w.text);
  const story = windows(
    storySentences(contentDir),
    (s) => s.sentence,
    (a, b) => a.step === b.step,
  );
  return story
    .map(({ first: { file }, text: sentence }) => {
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
  console.log(`${pairs.length} German sentences and pairs of sentences; ${close.length} follow the article closely`);
  console.log(
    `close when: run >= ${RUN_LIMIT} words; or order >= ${ORDER_LIMIT} with >= ${ORDER_MIN_WORDS} content words shared; or frame >= ${FRAME_LIMIT} with >= ${FRAME_MIN_WORDS} words shared; or >= ${IDEA_MIN_SHARED} ideas in the article's order with share >= ${IDEA_SHARE} and shared × share >= ${IDEA_MASS}`,
  );
  for (const p of pairs.slice(0, Math.max(5, close.length))) {
    console.log(
      `\n${p.close ? "CLOSE" : "ok   "} score ${score(p).toFixed(2)} (run ${p.run}, order ${p.order.toFixed(2)} of ${p.shared}, frame ${p.frame.toFixed(2)} of ${p.framed}, ideas ${p.ideaShare.toFixed(2)} of ${p.ideasShared}) ${p.file}\n  ours:    ${p.ours}\n  article: ${p.theirs}`,
    );
  }
  process.exit(close.length ? 1 : 0);
}
