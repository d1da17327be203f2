// Every word of every step is readable (CONTRACT.md: "On a phone every word of
// every step is readable ... in portrait and landscape"). Runs in every project
// and measures the current viewport: while a step is the active one, each of its
// text lines, whenever it is inside the viewport, must be the topmost thing at its
// centre and ends (nothing, e.g. the stage, covers it), must lie within the
// viewport's width, and must not be clipped, hidden, transparent or tiny.
// Reduced motion only makes the stage settle at once; the layout is the same.
import { test, expect, LANGS, open, readabilityProblems } from "./helpers.ts";

for (const lang of LANGS) {
  test(`${lang}: every line of every step is readable while its step is active (no word covered, clipped or cut off)`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await open(page, `/${lang}/`);
    expect(await readabilityProblems(page)).toEqual([]);
  });
}
