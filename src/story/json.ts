// JSON with positions: parse a content JSON file and, when it is broken, say on
// which line, whatever the JavaScript engine's message looks like; and find the
// line of a key path such as ["names", "wsj"] for later errors.

import { StoryError } from "./errors.ts";

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split("\n").length;

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = errorOffset(text);
    throw new StoryError(
      file,
      lineAt(text, at),
      `is not valid JSON (${(e as Error).message.split("\n")[0]})`,
      "check the commas, quotes and brackets on this line and the one before",
    );
  }
}

/** Line of the key path (each part a property name, nested), or of the deepest part found. */
export function lineOfPath(text: string, path: readonly string[]): number {
  let from = 0;
  for (const part of path) {
    const re = new RegExp(`"${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\s*:`, "g");
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    from = m.index;
  }
  return lineAt(text, from);
}

/** Offset of the first syntax error: a small JSON scanner, since engines differ in what they report. */
function errorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\n") fail();
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return Math.min(at as number, text.length);
  }
}
