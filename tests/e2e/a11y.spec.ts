// Accessibility scan (axe-core) of the story pages with JavaScript on, at the top
// and mid-story (a step of the first chapter and one of the last), and of the
// root page: no serious or critical violation (colour contrast included). A scan
// takes seconds and grows with the page: the phones scan the first language only
// (the layout and the colours are the same in both). The dark scheme gets its own
// colour-contrast scan, on desktop and the phone (the figures' words are checked
// in both schemes by theme.spec.ts: axe does not read SVG text).
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, LANGS, expectSettledOn, jumpToStep, open, readSteps } from "./helpers.ts";
import { landmarks } from "./sample.ts";

// What this file checks does not depend on motion: states change at once, which keeps the suite fast.
// Animated transitions are covered by scroll, transitions, motion, resize and teardown specs.
test.use({ reducedMotion: "reduce" });

async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (rules ? builder.withRules(rules) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ").slice(0, 300)}`),
    );
}

test("the root page has no serious accessibility violation", async ({ page }) => {
  await open(page, "/");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const lang of LANGS) {
  // Phones check the first language only (same layout): the others are tagged for desktop.
  test(
    `${lang}: no serious accessibility violation at the top and mid-story`,
    { tag: lang === LANGS[0] ? [] : ["@desktop-only"] },
    async ({ page }) => {
      await open(page, `/${lang}/`);
      await expect.poll(() => page.locator("[data-stage]").getAttribute("data-settled")).toBe("true");
      const top = await seriousViolations(page);
      const steps = await readSteps(page);
      const mids: string[] = [];
      const places = landmarks(steps);
      const mid = [...new Set([places.middleOfFirstChapter, places.middleOfLastChapter])];
      for (const step of mid) {
        await jumpToStep(page, step.id);
        await expectSettledOn(page, step);
        mids.push(...(await seriousViolations(page)).map((v) => `at ${step.id}: ${v}`));
      }
      expect([...top.map((v) => `at top: ${v}`), ...mids]).toEqual([]);
    },
  );
}

test("dark scheme: no colour-contrast violation on the chooser, the 404 page and the story, at the top and mid-story", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name === "phone-landscape", "desktop and phone portrait cover the two layouts");
  await page.emulateMedia({ colorScheme: "dark" });
  const found: string[] = [];
  for (const path of ["/", "/404.html"]) {
    await open(page, path);
    // the dark scheme is the one shown (the scan below would pass the light one just as well)
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(22, 21, 19)");
    found.push(...(await seriousViolations(page, ["color-contrast"])).map((v) => `${path}: ${v}`));
  }
  await open(page, `/${LANGS[0]}/`);
  await expect.poll(() => page.locator("[data-stage]").getAttribute("data-settled")).toBe("true");
  found.push(...(await seriousViolations(page, ["color-contrast"])).map((v) => `at top: ${v}`));
  const step = landmarks(await readSteps(page)).middleOfLastChapter;
  await jumpToStep(page, step.id);
  await expectSettledOn(page, step);
  found.push(...(await seriousViolations(page, ["color-contrast"])).map((v) => `at ${step.id}: ${v}`));
  expect(found).toEqual([]);
});
