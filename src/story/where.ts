// Lines for content errors found after a file was parsed (while a scene is drawn
// or a label filled in): the file is read again to find the line of the key the
// error is about, or of its nearest parent that exists, so the writer lands where
// the fix goes instead of on line 1.

import { existsSync, readFileSync } from "node:fs";
import { lineOfPath } from "./json.ts";

/** Line of a key path in a JSON file (or of its deepest part found); 1 when the file cannot be read. */
export function lineInFile(file: string, path: readonly string[]): number {
  return existsSync(file) ? lineOfPath(readFileSync(file, "utf8"), path) : 1;
}
