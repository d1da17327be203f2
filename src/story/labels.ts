// Label files: every word shown inside figures and the page chrome, one file
// per language, with the same keys in both. `{fact-id}` inside a label prints
// that fact in its short form, so figures and prose show the same number.

import { z } from "zod";
import { StoryError } from "./errors.ts";
import { formatFact, sharesUnit, type FactForm, type Facts } from "./facts.ts";
import { lineOfPath, parseJsonWith, problem } from "./json.ts";
import { lineInFile } from "./where.ts";
import type { Lang } from "./types.ts";

export type LabelTree = { [key: string]: string | LabelTree };

const LEAF = problem(
  "has a label that is neither words nor a group of labels",
  'write "key": "words" or "key": { … }; numbers are facts: "{fact-id}"',
);
/** Labels by key: words, or a group of further labels; nothing else (a number belongs in facts.json as a `{fact-id}`). */
const group = (error = LEAF): z.ZodType<LabelTree> =>
  z.record(z.string(), z.union([z.string(), z.lazy(() => labelTree)], { error: LEAF }), { error });
const labelTree = group();
const labelFile = group(problem("is not a JSON object", 'write { "ui": { … }, "scenes": { … } }'));

export function parseLabels(text: string, file: string): LabelTree {
  return parseJsonWith(text, file, labelFile);
}

/** Flat list of dotted keys: "scenes.hunt.tsmc". */
export function labelKeys(tree: LabelTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : labelKeys(v, `${prefix}${k}.`)));
}

/** Both languages must offer the same keys; the first gap stops the build. */
export function checkLabelParity(
  a: { lang: Lang; tree: LabelTree; text: string; file: string },
  b: { lang: Lang; tree: LabelTree; text: string; file: string },
): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const ky = new Set(labelKeys(y.tree));
    for (const key of labelKeys(x.tree)) {
      if (!ky.has(key)) {
        const last = key.split(".").pop()!;
        throw new StoryError(
          y.file,
          1,
          `lacks the label "${key}" that ${x.file} has (line ${lineOfPath(x.text, key.split("."))})`,
          `add "${last}" under "${key.split(".").slice(0, -1).join(".")}" in ${y.file}`,
        );
      }
    }
  }
}

export function lookup(tree: LabelTree, key: string): string | undefined {
  let node: string | LabelTree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** `{fact-id}` inside a label, `{fact-id:long}` in its long form, `{fact-id:bare}` as a range's low end. */
const PLACEHOLDER = /\{([a-z0-9-]+)(?::(long|bare))?\}/g;

/** Fact ids that labels refer to as `{fact-id}`. */
export function factIdsIn(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!);
}

/**
 * Replaces `{fact-id}` with the fact's short form (figures) and `{fact-id:long}`
 * with its long form (text alternatives, which a screen reader speaks); unknown ids throw.
 * `{fact-id:bare}` is the low end of a range, written without the unit that the
 * next number of the label carries ("{low:bare} bis {high:long}": "5 bis 7 Billionen
 * Dollar"); a bare number not followed by one of the same unit (sharesUnit) throws.
 */
export function fillFacts(label: string, facts: Facts, lang: Lang, where: string, at: readonly string[] = []): string {
  const fail = (message: string, fix: string) => new StoryError(where, lineInFile(where, at), message, fix);
  const found = Array.from(label.matchAll(PLACEHOLDER), ([, id, form]) => {
    const f = facts.numbers[id!];
    if (!f)
      throw fail(`label uses unknown fact "{${id}}"`, `use a number id from content/facts.json: ${Object.keys(facts.numbers).join(", ")}`);
    return { id: id!, f, form: (form ?? "short") as FactForm };
  });
  found.forEach(({ id, f, form }, i) => {
    const next = found[i + 1];
    if (form === "bare" && !(next && next.form !== "bare" && sharesUnit(f, next.f)))
      throw fail(
        `"{${id}:bare}" is not followed by a number of its unit`,
        `a bare number is a range's low end: follow it with the high end in the same unit, "{${id}:bare} to {high-id}", or write "{${id}}"`,
      );
  });
  let i = 0;
  return label.replace(PLACEHOLDER, () => {
    const { f, form } = found[i++]!;
    return formatFact(f, lang, form);
  });
}

/**
 * A label with its facts filled in; a missing key stops the build, saying `fix`,
 * at the line of its nearest parent in `file`. `at` is the key's path inside
 * `file` (a scene's own label file holds its keys without "scenes.<id>").
 */
export function labelText(
  tree: LabelTree,
  key: string,
  facts: Facts,
  lang: Lang,
  file: string,
  fix: string,
  at: readonly string[] = key.split("."),
): string {
  const v = lookup(tree, key);
  if (v === undefined) throw new StoryError(file, lineInFile(file, at), `lacks the label "${key}"`, fix);
  return fillFacts(v, facts, lang, file, at);
}
