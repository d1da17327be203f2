// The facts file: every number and name of the story, once, with its source.
// `parseFacts` checks its shape against a schema built for the story's languages
// (errors name the line); `formatFact` is the only place where a number becomes
// words, so every language shows the same value.

import { z } from "zod";
import { parseJsonWith, problem } from "./json.ts";
import { perLang, type Lang } from "./config.ts";

const KINDS = ["usd", "year"] as const;
export type FactKind = (typeof KINDS)[number];

/** "article": the source text (quote = its passage); "inferred": worked out by us from the article (note says how,
 * quote optional: the passage it rests on); "knowledge": added by us (note says why). */
const SOURCES = ["article", "inferred", "knowledge"] as const;
export type SourceKind = (typeof SOURCES)[number];

interface Sourced {
  source: SourceKind;
  quote?: string | undefined;
  /** The quote in each language but the source language, our translation (required on number facts). */
  translation?: Record<Lang, string> | undefined;
  /** Name id of whom the article credits (e.g. "wsj"); on a "knowledge" number, the outside source it comes from. */
  via?: string | undefined;
  note?: Record<Lang, string> | undefined;
}

export interface NumberFact extends Sourced {
  value: number;
  kind: FactKind;
  approx?: boolean | undefined;
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

/** The schema of the facts file for a story in `langs`. Unknown fields are kept (a "$comment", notes for authors). */
function factsSchema(langs: readonly Lang[]) {
  const notes = langs.map((lang) => `"${lang}": "…"`).join(", ");
  const sourced = {
    source: z.enum(SOURCES, {
      error: (i) =>
        problem(
          `has source ${JSON.stringify(i.input ?? null)}`,
          `"source": "article" (with the passage as "quote"), "inferred" or "knowledge" (each with a "note": { ${notes} })`,
        ),
    }),
    quote: z.string().optional(),
    translation: z.record(z.string(), z.string()).optional(),
    via: z.string().optional(),
    note: z.record(z.string(), z.string()).optional(),
  };
  /** A source's passage or note, as its kind asks (a check across fields, after the fields' own). */
  const citesItsSource = (
    f: { source: SourceKind; quote?: string | undefined; note?: Record<string, string> | undefined },
    ctx: z.RefinementCtx,
  ) => {
    if (f.source === "article" && !f.quote)
      ctx.addIssue({
        code: "custom",
        path: ["quote"],
        message: problem('comes from the article but has no "quote"', 'add "quote": the passage of the article it comes from'),
      });
    if (f.source !== "article" && !langs.every((lang) => f.note?.[lang]))
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: problem('is not from the article but has no "note"', `add "note": { ${notes} } saying where it comes from`),
      });
  };
  // A number's source note shows the passage in the source language and, in every other edition, our translation of it.
  const [source, ...others] = langs;
  const translations = others.map((lang) => `"${lang}": "…"`).join(", ");
  const translatesItsQuote = (
    f: { quote?: string | undefined; translation?: Record<string, string> | undefined },
    ctx: z.RefinementCtx,
  ) => {
    const missing = f.quote ? others.filter((lang) => !f.translation?.[lang]?.trim()) : [];
    if (missing.length)
      ctx.addIssue({
        code: "custom",
        path: f.translation ? ["translation"] : ["quote"],
        message: problem(
          `has a quote in "${source}" but no "${missing.join('", "')}" translation of it`,
          `add "translation": { ${translations} }: the quote in each language, our translation, following it closely`,
        ),
      });
  };
  const numberFact = z
    .looseObject({
      value: z.number({ error: problem('has no numeric "value"', 'give it a value such as "value": 1.44e12') }),
      kind: z.enum(KINDS, { error: (i) => problem(`has kind "${String(i.input)}"`, `use one of: ${KINDS.join(", ")}`) }),
      approx: z.boolean().optional(),
      ...sourced,
    })
    .superRefine(citesItsSource)
    .superRefine(translatesItsQuote)
    // An amount added by us prints an endnote naming where it comes from (graphics review 52, item 9: "$5 trillion –
    // Added by us" named no source on paper, where the note's words, naming it, are not printed).
    .superRefine((f, ctx) => {
      if (f.source === "knowledge" && !f.via)
        ctx.addIssue({
          code: "custom",
          path: ["via"],
          message: problem("is added by us but names no source", 'add "via": the name id of the outside source it comes from (e.g. "wsj")'),
        });
    });

  const nameForm = (lang: Lang) => {
    const none = problem(`has no "${lang}" form`, `add "${lang}": "…" (a string or a list of spellings)`);
    return z.union([z.string().min(1, { error: none }), z.array(z.string()).min(1, { error: none })], { error: none });
  };
  const nameFact = z.looseObject({ ...perLang(langs, nameForm), ...sourced }).superRefine(citesItsSource);

  const PLACE_RANGE = problem('needs "lon" (−180…180) and "lat" (−90…90) in degrees', 'e.g. "lon": -122.42, "lat": 37.77');
  const degrees = (max: number) => z.number({ error: PLACE_RANGE }).min(-max, { error: PLACE_RANGE }).max(max, { error: PLACE_RANGE });
  const placeName = (lang: Lang) => {
    const none = problem(`has no name in "${lang}"`, `add "${lang}": "…" (the place's name)`);
    return z.string({ error: none }).min(1, { error: none });
  };
  const placeFact = z
    .looseObject({ lon: degrees(180), lat: degrees(90), ...perLang(langs, placeName), ...sourced })
    .superRefine(citesItsSource);

  const NEEDS_BOTH = problem('needs two objects, "numbers" and "names"', 'write { "numbers": { … }, "names": { … } }');
  return z
    .looseObject({
      numbers: z.record(z.string(), numberFact, { error: NEEDS_BOTH }),
      names: z.record(z.string(), nameFact, { error: NEEDS_BOTH }),
      places: z
        .record(z.string(), placeFact, {
          error: problem('"places" is not an object', 'write "places": { "id": { "lon": …, "lat": …, … } }'),
        })
        .default({}),
    })
    .superRefine((f, ctx) => {
      // "via" names whom the article credits: one of the names above.
      for (const section of ["numbers", "names", "places"] as const)
        for (const [id, fact] of Object.entries(f[section] as Record<string, { via?: string | undefined }>))
          if (fact.via !== undefined && !f.names[fact.via])
            ctx.addIssue({
              code: "custom",
              path: [section, id, "via"],
              message: problem(`credits unknown name "${fact.via}"`, `"via" must be a name id: ${Object.keys(f.names).join(", ")}`),
            });
    });
}

/** What a path in the facts file belongs to, for messages: `number fact "x" `. */
const SUBJECT: Record<string, string> = { numbers: "number fact", names: "name", places: "place" };
const subject = (path: string[]): string => (path.length >= 2 && SUBJECT[path[0]!] ? `${SUBJECT[path[0]!]} "${path[1]}" ` : "");

/** Checks the facts file; `langs` are the story's languages, each of which every name, place and note needs. */
export function parseFacts(text: string, file: string, langs: readonly Lang[]): Facts {
  return parseJsonWith(text, file, factsSchema(langs), subject) as unknown as Facts;
}

/** Intl.NumberFormat is slow to build (a full load formats facts some hundred thousand times: 10 of 30 s): one per locale and options. */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const SCALES = [
  { min: 1e12, de: ["Billion", "Billionen"], en: "trillion", deShort: "Bio.", enShort: "T" },
  { min: 1e9, de: ["Milliarde", "Milliarden"], en: "billion", deShort: "Mrd.", enShort: "B" },
  { min: 1e6, de: ["Million", "Millionen"], en: "million", deShort: "Mio.", enShort: "M" },
] as const;

/** How a number is written: in full (prose), compact (figures), or as the low end of a range that leaves its unit to the high end. */
export type FactForm = "long" | "short" | "bare";

const scaleOf = (f: NumberFact) => SCALES.find((s) => Math.abs(f.value) >= s.min);

/**
 * Whether `low` may be written bare before `high`, the two sharing one unit
 * ("5 bis 7 Billionen Dollar", "$5 to $7 trillion"): two amounts in dollars of the
 * same scale. Otherwise a bare low end would read as the high end's scale.
 */
export function sharesUnit(low: NumberFact, high: NumberFact): boolean {
  return low.kind === "usd" && high.kind === "usd" && scaleOf(low) === scaleOf(high);
}

/**
 * A number fact in words: "1,44 Billionen Dollar" / "$1.44 trillion" (long), "1,44 Bio. Dollar" / "$1.44T" (short, as newsrooms set amounts in tight space; German keeps the word Dollar, as its running text does).
 * "bare" is the low end of a range, whose unit the high end carries: "5" / "$5"
 * before "bis 7 Billionen Dollar" / "to $7 trillion" (sharesUnit says when it may be).
 * German and English have the newsroom's own wording; any other language the
 * compact form its locale gives ("1,44 billion $US"), and its long form for "bare".
 */
export function formatFact(f: NumberFact, lang: Lang, form: FactForm = "long"): string {
  if (f.kind === "year") return String(f.value);
  if (lang !== "de" && lang !== "en") {
    if (form === "bare") return formatFact(f, lang, "long");
    const amount = numberFormat(lang, { notation: "compact", compactDisplay: form, maximumFractionDigits: 2 }).format(f.value);
    // The dollar sign where the language puts a currency: before the amount or after it.
    const parts = numberFormat(lang, { style: "currency", currency: "USD", currencyDisplay: "narrowSymbol" }).formatToParts(1);
    const before = parts.findIndex((p) => p.type === "currency") < parts.findIndex((p) => p.type === "integer");
    const text = before ? `$${amount}` : `${amount}\u00a0$`;
    return f.approx ? `~${text}` : text;
  }
  const scale = scaleOf(f);
  const n = scale ? f.value / scale.min : f.value;
  const num = numberFormat(lang === "de" ? "de-DE" : "en-US", { maximumFractionDigits: 2 }).format(n);
  let text: string;
  if (form === "bare") text = lang === "de" ? num : `$${num}`;
  else if (lang === "de") {
    const unit = scale ? (form === "short" ? scale.deShort : n === 1 ? scale.de[0] : scale.de[1]) : "";
    text = `${num}\u00a0${unit ? unit + (form === "short" ? "\u00a0" : " ") : ""}Dollar`;
  } else {
    const unit = scale ? (form === "short" ? scale.enShort : ` ${scale.en}`) : "";
    text = `$${num}${form === "short" ? unit : unit.replace(" ", "\u00a0")}`;
  }
  if (!f.approx) return text;
  // A word, as a newsroom writes it: "~" reads badly aloud (alt texts) and looks like a typo in a label.
  if (form === "short") return lang === "de" ? `etwa\u00a0${text}` : `about\u00a0${text}`;
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
