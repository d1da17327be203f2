// Accessibility scan (axe-core) of the story pages with JavaScript on, at the top
// and mid-story, and of the root page: no serious or critical violation (colour
// contrast included).
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, LANGS, expectSettledOn, jumpToStep, open, readSteps } from "./helpers.ts";

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
  test(`${lang}: no serious accessibility violation at the top and mid-story`, async ({ page }) => {
    await open(page, `/${lang}/`);
    await expect.poll(() => page.locator("[data-stage]").getAttribute("data-settled")).toBe("true");
    const top = await seriousViolations(page);
    const steps = await readSteps(page);
    const mids: string[] = [];
    for (const step of [steps[2]!, steps[6]!]) {
      await jumpToStep(page, step.id);
      await expectSettledOn(page, step);
      mids.push(...(await seriousViolations(page)).map((v) => `at ${step.id}: ${v}`));
    }
    expect([...top.map((v) => `at top: ${v}`), ...mids]).toEqual([]);
  });
}
