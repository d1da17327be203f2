// Accessibility scan (axe-core) of the story pages with JavaScript on, at the top
// and mid-story (a step of the first chapter and one of the last), and of the
// root page: no serious or critical violation (colour contrast included). A scan
// takes seconds and grows with the page: the phones scan the first language only
// (the layout and the colours are the same in both).
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, LANGS, expectSettledOn, jumpToStep, open, readSteps } from "./helpers.ts";
import { landmarks } from "./sample.ts";

// What this file checks does not depend on motion: states change at once, which keeps the suite fast.
// Animated transitions are covered by scroll, transitions, motion, resize and teardown specs.
test.use({ reducedMotion: "reduce" });

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
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
