// The share image (og:image) of a language: the story's first picture, drawn by
// the same renderer as the page (svgDocument over the compiled marks, in the
// card's layout), beside the title and the dek. Which step it shows is derived
// from the story, never named, so renaming or reordering chapters in content/
// changes the card with them. Pure: scripts/cards.ts renders the HTML in Chromium.

import { svgDocument, symbolSprite } from "../render/static.ts";
import { CARD, LAYOUTS, type Lang } from "./config.ts";
import type { CompiledChapter, CompiledStep, CompiledStory } from "./compile.ts";
import { escapeHtml as esc } from "./escape.ts";

/** The step the card shows: the first step of the first chapter (what a reader sees first). */
export function cardStep(compiled: CompiledStory, lang: Lang): { chapter: CompiledChapter; step: CompiledStep } {
  const chapter = compiled.chapters[lang]?.[0];
  const step = chapter?.steps[0];
  if (!chapter || !step) throw new Error(`the ${lang} story has no step to put on its share image`);
  return { chapter, step };
}

export interface CardWords {
  title: string;
  dek: string;
  /** A short line at the foot (the byline). */
  foot: string;
}

/**
 * The card as a standalone HTML document of CARD.width × CARD.height CSS px, using
 * the page's own stylesheets (figure classes, self-hosted fonts) plus a few rules of its own.
 */
export function cardHtml(compiled: CompiledStory, lang: Lang, words: CardWords, stylesheets: readonly string[]): string {
  const { step } = cardStep(compiled, lang);
  const marks = step.marks[CARD.layout];
  if (!marks) throw new Error(`layout "${CARD.layout}" was not compiled`);
  const { width, height } = LAYOUTS[CARD.layout];
  const figure = svgDocument(marks, { width, height, id: "card", title: step.alt, className: "card-figure" });
  const side = CARD.height - 40;
  const css = `
    html, body { margin: 0; width: ${CARD.width}px; height: ${CARD.height}px; overflow: hidden; background: var(--bg); }
    .card { position: relative; display: grid; grid-template-columns: 1fr ${Math.round((side * width) / height)}px; gap: 36px;
      height: 100%; padding: 20px 24px 20px 64px; box-sizing: border-box; border-top: 10px solid var(--accent); }
    .card-text { display: flex; flex-direction: column; justify-content: center; gap: 22px; padding-bottom: 10px; }
    .card h1 { font: 700 64px/1.04 var(--sans); letter-spacing: -0.015em; margin: 0; color: var(--ink); text-wrap: balance; }
    .card p { margin: 0; }
    .card .card-dek { font: 400 29px/1.32 var(--serif); color: var(--ink); text-wrap: pretty; }
    .card .card-foot { font: 600 19px/1.3 var(--sans); color: var(--muted); }
    .card-figure { display: block; width: 100%; height: ${side - 10}px; align-self: center; }`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${stylesheets
    .map((s) => `<link rel="stylesheet" href="${esc(s)}">`)
    .join("")}<style>${css}</style></head><body>${symbolSprite(compiled.geometry)}<main class="card"><div class="card-text"><h1>${esc(
    words.title,
  )}</h1><p class="card-dek">${esc(words.dek)}</p><p class="card-foot">${esc(words.foot)}</p></div>${figure}</main></body></html>`;
}
