// Source notes of the numbers in the prose (issue 19). Each cited number links
// to its endnote: one note per fact, numbered in the order the story first cites
// it. The endnotes are the page's only copy of the notes' words: without
// JavaScript the number is a link to its note, in print it carries the note's
// number as a superscript, and with JavaScript the runtime opens a copy of the
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
 */
export function linkFacts(html: string, order: readonly string[], seen: Set<string>, numbered: readonly string[] = order): string {
  return html
    .replace(FACT, (whole, id: string, words: string) => {
      if (!order.includes(id)) return whole;
      const first = !seen.has(id);
      seen.add(id);
      const n = numbered.indexOf(id) + 1;
      const sup = first && n > 0 ? `<sup class="fact-ref">${n}</sup>` : "";
      return `<a class="fact" data-fact="${id}" href="#${noteId(id)}"${first ? ` id="${citeId(id)}"` : ""}>${words}${sup}</a>`;
    })
    .replace(/(<a class="fact" [^>]*>(?:(?!<\/a>).)*<\/a>)([.,;:!?)\u201c\u201d\u00bb\u00ab]+)/g, '<span class="fact-wrap">$1$2</span>');
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
