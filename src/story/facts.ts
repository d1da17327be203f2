// The facts file: every number and name of the story, once, with its source.
// `parseFacts` checks its shape (errors name the line); `formatFact` is the only
// place where a number becomes words, so every language shows the same value.

import { StoryError } from "./errors.ts";
import { parseJson, lineOfPath } from "./json.ts";
import type { Lang } from "./types.ts";

export type FactKind = "usd" | "year";

/** "article": the source text (quote = its passage); "knowledge": added by us (note says why). */
export type SourceKind = "article" | "knowledge";
const SOURCES: readonly SourceKind[] = ["article", "knowledge"];

interface Sourced {
  source: SourceKind;
  quote?: string;
  /** Name id of whom the article credits (e.g. "wsj"). */
  via?: string;
  note?: Record<Lang, string>;
}

export interface NumberFact extends Sourced {
  value: number;
  kind: FactKind;
  approx?: boolean;
}

/** A name's spellings in each language of the story, keyed by language code (the first one the page prints). */
export interface NameFact extends Sourced {
  [lang: Lang]: string | string[] | Record<Lang, string> | undefined;
}

/** Where something is on the map (a headquarters, a capital): longitude and latitude. */
export interface PlaceFact extends Sourced {
  lon: number;
  lat: number;
  /** The place's name, keyed by language code. */
  [lang: Lang]: string | number | Record<Lang, string> | undefined;
}

export interface Facts {
  numbers: Record<string, NumberFact>;
  names: Record<string, NameFact>;
  places: Record<string, PlaceFact>;
}

const KINDS: readonly FactKind[] = ["usd", "year"];

/** Checks the facts file; `langs` are the story's languages, each of which every name, place and note needs. */
export function parseFacts(text: string, file: string, langs: readonly Lang[]): Facts {
  const raw = parseJson(text, file);
  const obj = raw as Partial<Facts>;
  if (!obj || typeof obj.numbers !== "object" || typeof obj.names !== "object") {
    throw new StoryError(file, 1, 'needs two objects, "numbers" and "names"', 'write { "numbers": { … }, "names": { … } }');
  }
  for (const [id, f] of Object.entries(obj.numbers)) {
    const line = lineOfPath(text, ["numbers", id]);
    if (typeof f.value !== "number" || !Number.isFinite(f.value)) {
      throw new StoryError(file, line, `number fact "${id}" has no numeric "value"`, 'give it a value such as "value": 1.44e12');
    }
    if (!KINDS.includes(f.kind)) {
      throw new StoryError(file, line, `number fact "${id}" has kind "${String(f.kind)}"`, `use one of: ${KINDS.join(", ")}`);
    }
    checkSource(f, `number fact "${id}"`, file, line, obj.names, langs);
  }
  for (const [id, f] of Object.entries(obj.names)) {
    const line = lineOfPath(text, ["names", id]);
    for (const lang of langs) {
      const forms = f[lang];
      const ok = typeof forms === "string" ? forms !== "" : Array.isArray(forms) && forms.length > 0;
      if (!ok) {
        throw new StoryError(file, line, `name "${id}" has no "${lang}" form`, `add "${lang}": "…" (a string or a list of spellings)`);
      }
    }
    checkSource(f, `name "${id}"`, file, line, obj.names, langs);
  }
  obj.places ??= {};
  if (typeof obj.places !== "object" || Array.isArray(obj.places)) {
    throw new StoryError(
      file,
      lineOfPath(text, ["places"]),
      '"places" is not an object',
      'write "places": { "id": { "lon": …, "lat": …, … } }',
    );
  }
  for (const [id, f] of Object.entries(obj.places)) {
    const line = lineOfPath(text, ["places", id]);
    const inRange = (v: unknown, max: number) => typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= max;
    if (!inRange(f.lon, 180) || !inRange(f.lat, 90)) {
      throw new StoryError(
        file,
        line,
        `place "${id}" needs "lon" (−180…180) and "lat" (−90…90) in degrees`,
        'e.g. "lon": -122.42, "lat": 37.77',
      );
    }
    const unnamed = langs.find((lang) => typeof f[lang] !== "string" || f[lang] === "");
    if (unnamed) throw new StoryError(file, line, `place "${id}" has no name in "${unnamed}"`, `add "${unnamed}": "…" (the place's name)`);
    checkSource(f, `place "${id}"`, file, line, obj.names, langs);
  }
  return obj as Facts;
}

function checkSource(f: Sourced, what: string, file: string, line: number, names: Record<string, NameFact>, langs: readonly Lang[]): void {
  const notes = langs.map((lang) => `"${lang}": "…"`).join(", ");
  if (!SOURCES.includes(f.source)) {
    throw new StoryError(
      file,
      line,
      `${what} has source ${JSON.stringify(f.source ?? null)}`,
      `"source": "article" (with the passage as "quote") or "knowledge" (with a "note": { ${notes} })`,
    );
  }
  if (f.source === "article" && !f.quote) {
    throw new StoryError(
      file,
      line,
      `${what} comes from the article but has no "quote"`,
      'add "quote": the passage of the article it comes from',
    );
  }
  if (f.source === "knowledge" && !langs.every((lang) => f.note?.[lang])) {
    throw new StoryError(
      file,
      line,
      `${what} is not from the article but has no "note"`,
      `add "note": { ${notes} } saying where it comes from`,
    );
  }
  if (f.via !== undefined && !names[f.via]) {
    throw new StoryError(
      file,
      line,
      `${what} credits unknown name "${f.via}"`,
      `"via" must be a name id: ${Object.keys(names).join(", ")}`,
    );
  }
}

const SCALES = [
  { min: 1e12, de: ["Billion", "Billionen"], en: "trillion", deShort: "Bio.", enShort: "tn" },
  { min: 1e9, de: ["Milliarde", "Milliarden"], en: "billion", deShort: "Mrd.", enShort: "bn" },
  { min: 1e6, de: ["Million", "Millionen"], en: "million", deShort: "Mio.", enShort: "m" },
] as const;

/**
 * A number fact in words: "1,44 Billionen Dollar" / "$1.44 trillion" (long), "1,44 Bio. $" / "$1.44tn" (short).
 * German and English have the newsroom's own wording; any other language the
 * compact form its locale gives ("1,44 billion $US").
 */
export function formatFact(f: NumberFact, lang: Lang, form: "long" | "short" = "long"): string {
  if (f.kind === "year") return String(f.value);
  if (lang !== "de" && lang !== "en") {
    const amount = new Intl.NumberFormat(lang, { notation: "compact", compactDisplay: form, maximumFractionDigits: 2 }).format(f.value);
    // The dollar sign where the language puts a currency: before the amount or after it.
    const parts = new Intl.NumberFormat(lang, { style: "currency", currency: "USD", currencyDisplay: "narrowSymbol" }).formatToParts(1);
    const before = parts.findIndex((p) => p.type === "currency") < parts.findIndex((p) => p.type === "integer");
    const text = before ? `$${amount}` : `${amount}\u00a0$`;
    return f.approx ? `~${text}` : text;
  }
  const scale = SCALES.find((s) => Math.abs(f.value) >= s.min);
  const n = scale ? f.value / scale.min : f.value;
  const num = new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-US", { maximumFractionDigits: 2 }).format(n);
  let text: string;
  if (lang === "de") {
    const unit = scale ? (form === "short" ? scale.deShort : n === 1 ? scale.de[0] : scale.de[1]) : "";
    text = form === "short" ? `${num}\u00a0${unit ? unit + "\u00a0" : ""}$` : `${num}\u00a0${unit ? unit + " " : ""}Dollar`;
  } else {
    const unit = scale ? (form === "short" ? scale.enShort : ` ${scale.en}`) : "";
    text = `$${num}${form === "short" ? unit : unit.replace(" ", "\u00a0")}`;
  }
  if (!f.approx) return text;
  // "~", not "≈": the story's fonts have no "≈", and a fallback face would break the type (and the PDF's fonts).
  if (form === "short") return `~${text}`;
  return lang === "de" ? `etwa ${text}` : `about ${text}`;
}

export function nameForms(f: NameFact, lang: Lang): string[] {
  const v = f[lang];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v;
  throw new Error(`name has no "${lang}" form (parseFacts checks every language)`);
}

/** A place's name in a language. */
export function placeName(f: PlaceFact, lang: Lang): string {
  const v = f[lang];
  if (typeof v !== "string") throw new Error(`place has no "${lang}" name (parseFacts checks every language)`);
  return v;
}
