// Sums the suites into the one closing line "N passed, N failed[, N skipped]".
// The build and the type check count as one check each. A missing report (a
// suite that crashed) counts as a failure, never as nothing.
// Usage: node scripts/summary.ts BUILD_OK CHECK_OK vitest.json playwright.json

import { existsSync, readFileSync } from "node:fs";

const [buildOk, checkOk, vitestFile, pwFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const ok of [buildOk, checkOk]) ok === "1" ? passed++ : failed++;

if (vitestFile && existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, "utf8")) as {
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
} else {
  console.error("summary: no vitest report");
  failed++;
}

if (buildOk === "1") {
  if (pwFile && existsSync(pwFile)) {
    const p = JSON.parse(readFileSync(pwFile, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    passed += p.stats.expected;
    failed += p.stats.unexpected + p.stats.flaky;
    skipped += p.stats.skipped;
    if ((p.errors?.length ?? 0) > 0) failed++;
    if (p.stats.expected + p.stats.unexpected + p.stats.flaky === 0) failed++;
  } else {
    console.error("summary: no playwright report");
    failed++;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
