// Sums the suites into the one closing line "N passed, N failed[, N skipped]".
// Single checks (build, type check, format…) count as one test each. A missing
// report (a suite that crashed) counts as a failure, never as nothing.
// Usage: node scripts/summary.ts [--check NAME=0|1]… [--vitest FILE]… [--playwright FILE]…

import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const lines: string[] = [];

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const [flag, value = ""] = [args[i], args[i + 1]];
  if (flag === "--check") {
    const [name, ok] = value.split("=");
    if (ok === "1") passed++;
    else failed++;
    lines.push(`${name}: ${ok === "1" ? "ok" : "FAILED"}`);
  } else if (flag === "--vitest") {
    if (!existsSync(value)) {
      lines.push(`vitest ${value}: no report`);
      failed++;
      continue;
    }
    const v = JSON.parse(readFileSync(value, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
      success: boolean;
    };
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
    if (v.numTotalTests === 0 || (!v.success && v.numFailedTests === 0)) failed++;
    lines.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
  } else if (flag === "--playwright") {
    if (!existsSync(value)) {
      lines.push(`playwright ${value}: no report`);
      failed++;
      continue;
    }
    const p = JSON.parse(readFileSync(value, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    passed += p.stats.expected;
    failed += p.stats.unexpected + p.stats.flaky;
    skipped += p.stats.skipped;
    if ((p.errors?.length ?? 0) > 0) failed++;
    if (p.stats.expected + p.stats.unexpected + p.stats.flaky === 0) failed++;
    lines.push(`playwright ${value}: ${p.stats.expected} passed, ${p.stats.unexpected + p.stats.flaky} failed, ${p.stats.skipped} skipped`);
  } else {
    console.error(`summary: unknown argument ${flag}`);
    failed++;
  }
}

console.log(lines.map((l) => `  ${l}`).join("\n"));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
