// content/story.json: the story's identity, which authors edit (its languages in
// order, its name, the PDF's file name, the prefix of the keys it stores in the
// reader's browser). Read first by the loader; a mistake stops the build with
// the file, the line and the fix, like any other content error.

import { join, relative } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { StoryError } from "./errors.ts";
import { parseJson, lineOfPath } from "./json.ts";
import { PAPERS, type Language, type StoryConfig } from "./config.ts";

export const STORY_FILE = "story.json";

/** A language code as it appears in addresses (/de/, /pt-br/): lower case, ISO 639 with an optional region. */
const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
/** A file name without folders. */
const FILE = /^[\w.-]+\.pdf$/;
const KEY = /^[\w.-]+$/;
const FIELDS = ["name", "languages", "pdf", "storageKey", "lead"];
/** A step as its anchor: `<chapter slug>--<state>`. */
const STEP = /^[a-z0-9-]+?--[a-z0-9-]+$/;
const LANGUAGE_FIELDS = ["code", "locale", "dates", "paper"];
const EXAMPLE = '{ "code": "fr", "locale": "fr-FR", "paper": "A4" }';

/** Reads and checks `<contentDir>/story.json`. */
export function loadStoryConfig(contentDir: string): StoryConfig {
  const path = join(contentDir, STORY_FILE);
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path))
    throw new StoryError(file, 1, "is missing", `create it: { "name": "…", "languages": [${EXAMPLE}], "pdf": "….pdf", "storageKey": "…" }`);
  return parseStoryConfig(readFileSync(path, "utf8"), file);
}

export function parseStoryConfig(text: string, file: string): StoryConfig {
  const raw = parseJson(text, file);
  const fail = (line: number, problem: string, fix: string): never => {
    throw new StoryError(file, line, problem, fix);
  };
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    fail(1, "is not a JSON object", 'write { "name": …, "languages": […], "pdf": …, "storageKey": … }');
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!FIELDS.includes(key)) fail(lineOfPath(text, [key]), `unknown field "${key}"`, `use only ${FIELDS.join(", ")}`);
  }
  const text1 = (key: string, pattern: RegExp, fix: string): string => {
    const v = obj[key];
    if (typeof v !== "string" || !pattern.test(v))
      fail(lineOfPath(text, [key]), v === undefined ? `lacks "${key}"` : `"${key}" is ${JSON.stringify(v)}`, fix);
    return v as string;
  };
  const name = text1("name", /\S/, 'add "name": the story\'s name, e.g. "altman-chips"');
  const pdf = text1("pdf", FILE, 'write "pdf": a file name ending in .pdf, without folders, e.g. "altman-chips.pdf"');
  const storageKey = text1("storageKey", KEY, 'write "storageKey": letters, digits, "-", "_" or ".", e.g. "altman-chips"');

  const listLine = lineOfPath(text, ["languages"]);
  const list = obj.languages;
  if (!Array.isArray(list) || list.length === 0)
    fail(listLine, '"languages" is not a list of languages', `write "languages": [${EXAMPLE}, …], the source language first`);
  const languages = (list as unknown[]).map((entry, i) => language(entry, i, entryLine(text, listLine, i), fail));
  const seen = new Map<string, number>();
  languages.forEach((l, i) => {
    const line = entryLine(text, listLine, i);
    if (seen.has(l.code)) fail(line, `language "${l.code}" is listed twice (first on line ${seen.get(l.code)})`, "list each language once");
    seen.set(l.code, line);
  });
  const lead =
    obj.lead === undefined
      ? undefined
      : text1(
          "lead",
          STEP,
          'write "lead": the picture that opens the page, a step or a scene state of a chapter, as <chapter slug>--<state>, e.g. "trillions--giants"',
        );
  return { name, languages, pdf, storageKey, ...(lead ? { lead } : {}) };
}

function language(entry: unknown, i: number, line: number, fail: (line: number, problem: string, fix: string) => never): Language {
  const what = `language ${i + 1}`;
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) return fail(line, `${what} is not an object`, `write ${EXAMPLE}`);
  const e = entry as Record<string, unknown>;
  for (const key of Object.keys(e)) {
    if (!LANGUAGE_FIELDS.includes(key)) fail(line, `${what} has an unknown field "${key}"`, `use only ${LANGUAGE_FIELDS.join(", ")}`);
  }
  const code = e.code;
  if (typeof code !== "string" || !CODE.test(code))
    fail(
      line,
      `${what} has the code ${JSON.stringify(code ?? null)}`,
      `write "code": a lower-case language code, e.g. "fr" (its folder is content/fr/)`,
    );
  const locale = (key: "locale" | "dates"): string | undefined => {
    const v = e[key];
    if (v === undefined && key === "dates") return undefined;
    if (typeof v !== "string" || !validLocale(v))
      fail(
        line,
        `language "${String(code)}" has the ${key} ${JSON.stringify(v ?? null)}`,
        `write "${key}": a locale such as "${code}-${String(code).toUpperCase()}"`,
      );
    return v as string;
  };
  const loc = locale("locale")!;
  const paper = e.paper;
  if (!PAPERS.includes(paper as never))
    fail(
      line,
      `language "${String(code)}" has the paper ${JSON.stringify(paper ?? null)}`,
      `write "paper": one of ${PAPERS.map((p) => `"${p}"`).join(", ")}`,
    );
  return { code: code as string, locale: loc, dates: locale("dates") ?? loc, paper: paper as Language["paper"] };
}

function validLocale(v: string): boolean {
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
}

/** Line of the i-th entry of the "languages" list: its opening brace, after the list's own line. */
function entryLine(text: string, listLine: number, i: number): number {
  const lines = text.split("\n");
  let seen = -1;
  let depth = 0;
  for (let n = listLine - 1; n < lines.length; n++) {
    for (const ch of n === listLine - 1 ? lines[n]!.slice(lines[n]!.indexOf("[") + 1) : lines[n]!) {
      if (ch === "{" && depth++ === 0 && ++seen === i) return n + 1;
      if (ch === "}") depth--;
      if (ch === "]" && depth === 0) return listLine;
    }
  }
  return listLine;
}
