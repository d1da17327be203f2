// Content JSON with positions. The values come from JSON.parse (the standard's
// own reading); where a file is broken, and where a key path such as
// ["names", "wsj"] sits, come from jsonc-parser's syntax tree, which knows every
// token's offset (JSON.parse's messages differ between engines and often give
// none). Shapes are zod schemas (`parseJsonWith`): the first problem stops the
// build, on the line of the offending value, with its fix.

import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import { StoryError } from "./errors.ts";

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split("\n").length;
/** Strict JSON: no comments, no trailing commas. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(text, errors, STRICT);
    const first = errors[0];
    throw new StoryError(
      file,
      first ? lineAt(text, first.offset) : 1,
      `is not valid JSON (${first ? printParseErrorCode(first.error) : (e as Error).message.split("\n")[0]})`,
      "check the commas, quotes and brackets on this line and the one before",
    );
  }
}

/** Line of the key path (each part a property name or array index, nested), or of the deepest part found. */
export function lineOfPath(text: string, path: readonly (string | number)[]): number {
  const tree = parseTree(text, [], STRICT);
  if (!tree) return 1;
  for (let n = path.length; n > 0; n--) {
    const node: Node | undefined = findNodeAtLocation(tree, [...path.slice(0, n)]);
    // A property's value: the line of its key ("wsj": { … } starts where "wsj" is written).
    if (node) return lineAt(text, node.parent?.type === "property" ? node.parent.offset : node.offset);
  }
  return 1;
}

const SEP = "\u0000";
/**
 * A schema's message: what is wrong and how to fix it. zod carries one message
 * per problem; both travel in it and `parseJsonWith` splits them again.
 */
export const problem = (what: string, fix: string): string => `${what}${SEP}${fix}`;

/**
 * The problem a value's union (words or a group; a string or a list) really has: when
 * no option fits, the one that got furthest into the value, with the full path.
 */
function deepest(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union") return issue;
  const inner = issue.errors.flat().map(deepest);
  const best = inner.reduce<z.core.$ZodIssue | undefined>((a, b) => (!a || b.path.length > a.path.length ? b : a), undefined);
  return best && best.path.length > 0 ? { ...best, path: [...issue.path, ...best.path] } : issue;
}

/**
 * Parses `text` and checks it against `schema`. The first problem stops the build
 * on the line of the value it concerns; `subject` names what that value belongs
 * to from its path (e.g. `number fact "x" `), written before the schema's message.
 */
export function parseJsonWith<T>(text: string, file: string, schema: z.ZodType<T>, subject: (path: string[]) => string = () => ""): T {
  const result = schema.safeParse(parseJson(text, file));
  if (result.success) return result.data;
  const issue = deepest(result.error.issues[0]!);
  const path = issue.path.map(String);
  const [what, fix] = issue.message.split(SEP);
  throw new StoryError(
    file,
    lineOfPath(
      text,
      issue.path.filter((p) => typeof p !== "symbol"),
    ),
    `${subject(path)}${what}`,
    fix ?? "see README.md, “Writing a chapter”",
  );
}
