// No console error and no uncaught exception (docs/CONTRACT.md, "Always"): on
// every page, with JavaScript on and off, while reading (a sample of steps,
// sample.ts: every chapter, its first and last step, one middle step), and with reduced motion.
// Besides these, helpers.ts's `test` fails any test whose page logged an error,
// so every scroll-through, deep link, resize and keyboard run is covered too.
import { test, expect, LANGS, at, collectErrors, expectSettledOn, jumpTo, open, readSteps, storySteps, yForStep } from "./helpers.ts";
import { landmarks, sampleSteps } from "./sample.ts";

const PAGES = ["/", "/de/", "/en/"];

test("no console error on /, /de/ and /en/ with JavaScript on", async ({ page }) => {
  const errors = collectErrors(page);
  for (const path of PAGES) {
    await open(page, path);
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});

// Without JavaScript nothing depends on the screen: desktop only (suite time).
test("no console error on /, /de/ and /en/ with JavaScript off @desktop-only", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    for (const path of PAGES) {
      await page.goto(at(path));
      await page.waitForLoadState("networkidle");
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

// In the first language only: a logged error fails any test (helpers.ts), and scroll.spec walks
// every language's every step; what this adds (reduced motion, a deep link, a reload) is the same
// mechanics in every language. On desktop only: on the phones every test fails on a logged error too,
// and their deep links and reloads (deeplink.spec) and reduced motion (motion.spec) run there (suite time).
for (const lang of LANGS.slice(0, 1)) {
  test(`${lang}: no console error while reading with reduced motion, through a deep link and a reload @desktop-only`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const errors = collectErrors(page);
    // a deep link into the last chapter (whose drawings are not the ones loaded first)
    const linked = landmarks(await storySteps(page, lang)).middleOfLastChapter;
    await open(page, `/${lang}/#${linked.id}`);
    const steps = await readSteps(page);
    expect(steps.map((s) => s.id)).toContain(linked.id);
    await expectSettledOn(page, linked);
    await jumpTo(page, 0);
    // a sample (every chapter, its ends, one middle step): scroll.spec.ts walks every step, and
    // any test whose page logs an error fails (helpers.ts), so a full walk here would add time, not cover
    for (const step of sampleSteps(steps, testInfo.project.name, lang, false)) {
      const y = await yForStep(page, step.id);
      await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
      await expectSettledOn(page, step);
    }
    await page.reload();
    await expectSettledOn(page, steps.at(-1)!);
    await jumpTo(page, 0);
    await page.waitForTimeout(100);
    expect(errors).toEqual([]);
  });
}
