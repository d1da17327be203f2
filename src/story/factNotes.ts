// Source notes of the numbers in the prose (issue 19). Each cited number links
// to its endnote: one note per fact, numbered in the order the story first cites
// it. The endnotes are the page's only copy of the notes' words: without
// JavaScript the number is a link to its note, in print its sentence ends with the
// note's number as a superscript, and with JavaScript the runtime opens a copy of the
// note in place (src/runtime/factNotes.ts), so the HTML carries each passage
// once, not once per citation.

import { escapeHtml, quotedHtml } from "./escape.ts";
import { formatFact, nameForms, type Facts } from "./facts.ts";
import type { Lang } from "./types.ts";

/** The id of a fact's endnote, the number's link target. */
export const noteId = (fact: string): string => `note-${fact}`;
/** The id of a fact's first citation in the prose, the endnote's way back. */
export const citeId = (fact: string): string => `cite-${fact}`;

/** Fact ids in the order the story first cites them (steps in reading order, each step's facts in its order). */
export function citationOrder(chapters: readonly { steps: readonly { facts: readonly string[] }[] }[]): string[] {
  return [...new Set(chapters.flatMap((c) => c.steps.flatMap((s) => s.facts)))];
}

const FACT = /<span class="fact" data-fact="([a-z0-9-]+)">(.*?)<\/span>/g;

/**
 * The facts that carry a note's number on paper, in citation order: every cited
 * number but a plain year (a year needs no marker of its own; how the article's
 * undated years were worked out is said in the methods, and each year's passage is
 * in the interactive version's sources). Paper numbers its notes 1, 2, … in this order.
 */
export function numberedFacts(order: readonly string[], facts: Pick<Facts, "numbers">): string[] {
  return order.filter((id) => facts.numbers[id] && facts.numbers[id]!.kind !== "year");
}

/**
 * A step's numbers as links to their notes (src/story/markdown.ts writes each as
 * `<span class="fact" data-fact="id">`): every cited number links to its note, and
 * the first citation of each is marked as the place its note leads back to. Only
 * that first citation of a numbered fact (`numbered`, numberedFacts) carries the
 * note's number in a superscript (shown in print and without JavaScript): no marker
 * on a plain year, none on a number cited again. `seen` carries the facts cited so far.
 * The marker stands at the end of the number's sentence, after its full stop (graphics
 * review 55, item 3: right after an amount, "$5²", "$1.44 trillion³", it read as an
 * exponent, and on a range's low end it marked half an amount); markers meeting at one
 * sentence's end are set as one, "1,2".
 */
export function linkFacts(html: string, order: readonly string[], seen: Set<string>, numbered: readonly string[] = order): string {
  const linked = html.replace(FACT, (whole, id: string, words: string) => {
    if (!order.includes(id)) return whole;
    const first = !seen.has(id);
    seen.add(id);
    const n = numbered.indexOf(id) + 1;
    const mark = first && n > 0 ? `${MARK}${n}${MARK}` : "";
    return `<a class="fact" data-fact="${id}" href="#${noteId(id)}"${first ? ` id="${citeId(id)}"` : ""}>${words}</a>${mark}`;
  });
  return atSentenceEnds(linked).replace(
    /(<a class="fact" [^>]*>(?:(?!<\/a>).)*<\/a>)([.,;:!?)\u201c\u201d\u00bb\u00ab]+)/g,
    '<span class="fact-wrap">$1$2</span>',
  );
}

/** A waiting marker in linkFacts' first pass: its note's number between two of these. */
const MARK = "\u0000";

/**
 * Moves each waiting marker (MARK n MARK) to the end of its sentence: past the next full stop, question or exclamation
 * mark in the text (not in a tag; with any closing quotation mark or bracket after it) that ends a sentence (a space
 * and a capital, or the paragraph's end follow it; no digit before it, as in "$1.44"), or to its paragraph's end.
 */
function atSentenceEnds(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  const out: string[] = [];
  let waiting: string[] = [];
  const flush = () => {
    if (waiting.length) out.push(`<sup class="fact-ref">${waiting.join(",")}</sup>`);
    waiting = [];
  };
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      // a paragraph's (or a list item's) end ends a sentence
      if (/^<\/(p|li|blockquote)>$/.test(part)) flush();
      out.push(part);
      continue;
    }
    let rest = part;
    for (;;) {
      const mark = rest.indexOf(MARK);
      const end = waiting.length ? sentenceEnd(rest, parts, i) : -1;
      if (end >= 0 && (mark < 0 || end <= mark)) {
        out.push(rest.slice(0, end));
        flush();
        rest = rest.slice(end);
        continue;
      }
      if (mark < 0) break;
      const close = rest.indexOf(MARK, mark + 1);
      out.push(rest.slice(0, mark));
      waiting.push(rest.slice(mark + 1, close));
      rest = rest.slice(close + 1);
    }
    out.push(rest);
  }
  flush();
  return out.join("");
}

/** Where the first sentence in `text` ends (the index after its closing marks), or -1; `parts[i]` is `text`'s whole run. */
function sentenceEnd(text: string, parts: readonly string[], i: number): number {
  const re = /(?<![\d\u0000])[.!?\u2026][\u201c\u201d\u2019\u00bb\u00ab")]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // what follows: the paragraph's end, or a space and a sentence's start (in this run or, past tags, in the next)
    const after = text.slice(end);
    const next = parts
      .slice(i + 1)
      .filter((_, k) => k % 2 === 1)
      .join("");
    if (after === "" && (i + 1 >= parts.length || /^<\/(p|li|blockquote)>$/.test(parts[i + 1]!))) return end;
    if (/^\s/.test(after) && /^\s*[\p{Lu}\d\u201e\u201c"(]/u.test(after + next)) return end;
  }
  return -1;
}

/** The words of a note's frame, in the page's language (content/labels/<lang>.json, "ui"). */
export interface NoteWords {
  article: string;
  /** "… [[name]] …": the article's own source. */
  via: string;
  inferred: string;
  knowledge: string;
  /** "… [[name]] …": an amount added by us, and the outside source it comes from. */
  knowledgeVia: string;
  translation: string;
}

export interface Endnote {
  id: string;
  /** Its number on paper (numberedFacts), or 0: a plain year, whose note is the screen's only. */
  n: number;
  /** The number as the prose prints it. */
  label: string;
  html: string;
}

/**
 * Each cited fact's note, in citation order: where the number comes from (the
 * article, and whom it credits; or inferred by us, or added by us, and from where), the article's
 * passage word for word in the source language, our translation of it in any other
 * language, and our note on how it was inferred or why it was added.
 */
export function endnotes(order: readonly string[], facts: Facts, lang: Lang, sourceLang: Lang, words: NoteWords): Endnote[] {
  const numbered = numberedFacts(order, facts);
  return order.map((id) => {
    const f = facts.numbers[id];
    if (!f) throw new Error(`cited fact "${id}" is not a number of the facts file (the content check finds these)`);
    const via = f.via ? facts.names[f.via] : undefined;
    const kind =
      f.source === "article"
        ? via
          ? words.via.replace("[[name]]", nameForms(via, lang)[0]!)
          : words.article
        : f.source === "inferred"
          ? words.inferred
          : via
            ? words.knowledgeVia.replace("[[name]]", nameForms(via, lang)[0]!)
            : words.knowledge;
    const translation = lang === sourceLang ? undefined : f.translation?.[lang];
    const parts = [
      `<p class="note-kind">${escapeHtml(kind)}</p>`,
      f.quote ? `<p class="note-quote"><q lang="${sourceLang}">${quotedHtml(f.quote)}</q></p>` : "",
      translation
        ? `<p class="note-translation"><q>${quotedHtml(translation)}</q> <span class="note-ours">(${escapeHtml(words.translation)})</span></p>`
        : "",
      f.note?.[lang] ? `<p class="note-text">${escapeHtml(f.note[lang])}</p>` : "",
    ];
    return { id, n: numbered.indexOf(id) + 1, label: formatFact(f, lang), html: parts.join("") };
  });
}
