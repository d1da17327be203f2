// A content error names the file, the line and what would be right, so that a
// writer can fix it without reading code. The build prints it and stops.

export class StoryError extends Error {
  readonly file: string;
  readonly line: number;
  readonly fix: string;

  constructor(file: string, line: number, problem: string, fix: string) {
    super(`${file}:${line}: ${problem}\n  Fix: ${fix}`);
    this.name = "StoryError";
    this.file = file;
    this.line = line;
    this.fix = fix;
  }
}

/** Nearest candidates, to suggest "did you mean …" for a mistyped id. */
export function suggest(wrong: string, known: readonly string[]): string {
  const scored = known.map((k) => [k, distance(wrong, k)] as const).sort((a, b) => a[1] - b[1]);
  const best = scored[0];
  const list = known.map((k) => `"${k}"`).join(", ");
  if (best && best[1] <= Math.max(2, wrong.length / 3)) {
    return `did you mean "${best[0]}"? Known: ${list}`;
  }
  return `use one of: ${list}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
