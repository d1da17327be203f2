// Loader fixtures as patches: each case copies the real content/ into a fresh
// temp dir and breaks one thing in it, so a case states only what it breaks and
// a new chapter, label or fact is added in one place (content/). Patches find
// their spot from the loaded story and the files' own text, never from typed
// line numbers, and return the line they changed so tests can expect it.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, expect } from "vitest";
import type { ParsedChapter } from "../../src/story/markdown.ts";
import { CONTENT, loadError, realStory } from "./support.ts";

export { realStory };

/** A chapter's file relative to the content dir ("de/01-….md"), as patches name files. */
export const chapterPath = (c: ParsedChapter): string => relative(CONTENT, resolve(c.file));

/** A misspelling of an id: its last letter replaced, one edit away. */
export const typo = (id: string): string => id.slice(0, -1) + (id.endsWith("x") ? "q" : "x");

/** 1-based line of a JSON key path (["scenes", "hunt", "tsmc"]): each key searched after its parent's. */
export function lineOfKey(text: string, path: readonly string[]): number {
  const lines = text.split("\n");
  let at = 0;
  for (const key of path) {
    const i = lines.findIndex((l, n) => n >= at && l.trimStart().startsWith(`${JSON.stringify(key)}:`));
    if (i < 0) throw new Error(`no key ${path.join(".")} in JSON text`);
    at = i;
  }
  return at + 1;
}

/** The error a patched tree raises, checked to stand in `file` at `line`. */
export function failsAt(t: Tree, file: string, line: number) {
  const e = loadError(t.dir);
  expect(e.file).toBe(t.file(file));
  expect(e.line).toBe(line);
  return e;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of content/ with `patch` applied; removed after the test file. */
export function patched(patch?: (t: Tree) => void): Tree {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  made.push(dir);
  cpSync(CONTENT, dir, { recursive: true });
  const t = new Tree(dir);
  patch?.(t);
  return t;
}

/** One temp content tree. Paths are relative to it ("de/01-….md", "labels/en.json"); lines are 1-based. */
export class Tree {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  /** How loadStory names a file of this tree: relative to the working directory. */
  file(rel: string): string {
    return relative(process.cwd(), join(this.dir, rel));
  }
  read(rel: string): string {
    return readFileSync(join(this.dir, rel), "utf8");
  }
  write(rel: string, text: string): void {
    writeFileSync(join(this.dir, rel), text);
  }
  remove(rel: string): void {
    rmSync(join(this.dir, rel));
  }
  copy(from: string, to: string): void {
    cpSync(join(this.dir, from), join(this.dir, to));
  }
  private edit(rel: string, fn: (lines: string[]) => string[]): void {
    this.write(rel, fn(this.read(rel).split("\n")).join("\n"));
  }

  /** First line at or after `from` that contains `what` (or matches it). */
  lineOf(rel: string, what: string | RegExp, from = 1): number {
    const i = this.read(rel)
      .split("\n")
      .findIndex((l, n) => n >= from - 1 && (typeof what === "string" ? l.includes(what) : what.test(l)));
    if (i < 0) throw new Error(`${rel}: nothing matches ${String(what)} from line ${from}`);
    return i + 1;
  }
  /** Line of the `:::step{state="…"}` opener of a step. */
  stepLine(rel: string, state: string): number {
    return this.lineOf(rel, `:::step{state="${state}"}`);
  }
  /** A step's block: its opener line and the line of its closing `:::`. */
  step(rel: string, state: string): { start: number; end: number } {
    const start = this.stepLine(rel, state);
    return { start, end: this.lineOf(rel, /^:::\s*$/, start + 1) };
  }

  /** Replaces `from` on one line (it must be there); returns the line. */
  replace(rel: string, line: number, from: string | RegExp, to: string): number {
    this.edit(rel, (lines) => {
      const old = lines[line - 1] ?? "";
      if (typeof from === "string" ? !old.includes(from) : !from.test(old))
        throw new Error(`${rel}:${line}: no ${String(from)} in "${old}"`);
      lines[line - 1] = old.replace(from, to);
      return lines;
    });
    return line;
  }
  /** Inserts lines before `line`; returns the line the first of them now has. */
  insert(rel: string, line: number, ...text: string[]): number {
    this.edit(rel, (lines) => [...lines.slice(0, line - 1), ...text, ...lines.slice(line - 1)]);
    return line;
  }
  /** Deletes lines `start`..`end`. */
  deleteLines(rel: string, start: number, end = start): void {
    this.edit(rel, (lines) => [...lines.slice(0, start - 1), ...lines.slice(end)]);
  }
  /** Deletes a step's block and the blank line after it. */
  removeStep(rel: string, state: string): void {
    const { start, end } = this.step(rel, state);
    const blank = this.read(rel).split("\n")[end]?.trim() === "";
    this.deleteLines(rel, start, blank ? end + 1 : end);
  }
  /** Swaps two steps' blocks (`a` before `b` in the file). */
  swapSteps(rel: string, a: string, b: string): void {
    const [x, y] = [this.step(rel, a), this.step(rel, b)];
    this.edit(rel, (l) => [
      ...l.slice(0, x.start - 1),
      ...l.slice(y.start - 1, y.end),
      ...l.slice(x.end, y.start - 1),
      ...l.slice(x.start - 1, x.end),
      ...l.slice(y.end),
    ]);
  }

  /** Sets (or, with `undefined`, deletes) a key of a JSON file; returns the key's line (deleted: where it was). */
  json(rel: string, path: readonly string[], value: unknown): number {
    const text = this.read(rel);
    const data = JSON.parse(text);
    const parent = path.slice(0, -1).reduce((o, k) => o[k], data);
    const key = path.at(-1)!;
    const was = value === undefined ? lineOfKey(text, path) : 0;
    if (value === undefined) delete parent[key];
    else parent[key] = value;
    this.write(rel, JSON.stringify(data, null, 2) + (text.endsWith("\n") ? "\n" : ""));
    return was || lineOfKey(this.read(rel), path);
  }
}
