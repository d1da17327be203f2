// prefers-reduced-motion: reduce (CONTRACT.md): states change without tweening,
// so the stage is settled almost at once; the rest of the contract still holds.
import type { Page } from "@playwright/test";
import { test, expect, LANGS, expectSettledOn, jumpTo, jumpToStep, open, readSteps, type StepInfo } from "./helpers.ts";

/** No tween: settled on the step within 300 ms of the scroll. */
async function expectInstant(page: Page, step: StepInfo): Promise<void> {
  await expectSettledOn(page, step, 300);
}

for (const lang of LANGS) {
  test(`${lang}: with reduced motion the stage changes state without tweening`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await open(page, `/${lang}/`);
    expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
    const steps = await readSteps(page);
    // forwards through every step, a jump across chapters, and back
    for (const step of [...steps, steps[1]!, steps[7]!, steps[0]!]) {
      await jumpToStep(page, step.id);
      await expectInstant(page, step);
    }
    // never "false" for longer than a frame or two: sample while jumping
    const longest = await page.evaluate(async (ids) => {
      const stage = document.querySelector<HTMLElement>("[data-stage]")!;
      let since: number | null = null;
      let worst = 0;
      const obs = new MutationObserver(() => {
        const now = performance.now();
        if (stage.dataset.settled === "false") since ??= now;
        else if (since !== null) { worst = Math.max(worst, now - since); since = null; }
      });
      obs.observe(stage, { attributes: true, attributeFilter: ["data-settled"] });
      for (const id of ids) {
        const el = document.getElementById(id)!;
        window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - innerHeight / 2 + 10, behavior: "instant" });
        await new Promise((r) => setTimeout(r, 120));
      }
      await new Promise((r) => setTimeout(r, 300));
      obs.disconnect();
      return since === null ? worst : Infinity;
    }, [steps[2]!.id, steps[3]!.id, steps[6]!.id, steps[4]!.id]);
    expect(longest, "longest unsettled stretch (ms)").toBeLessThanOrEqual(250);
  });
}

test("turning reduced motion on while reading takes effect at once", async ({ page }) => {
  await open(page, "/en/");
  const steps = await readSteps(page);
  await jumpToStep(page, steps[1]!.id);
  await expectSettledOn(page, steps[1]!);
  await page.emulateMedia({ reducedMotion: "reduce" });
  // let the page see the change (media query listeners run in the next rendering update)
  await page.evaluate(() => new Promise<void>((r) => {
    const mq = matchMedia("(prefers-reduced-motion: reduce)");
    if (!mq.matches) throw new Error("reduced motion not emulated");
    requestAnimationFrame(() => requestAnimationFrame(() => r()));
  }));
  for (const step of [steps[2]!, steps[6]!, steps[3]!]) {
    await jumpToStep(page, step.id);
    await expectInstant(page, step);
  }
  // and off again: the contract (settled within 2 s) still holds
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await jumpTo(page, 0);
  await jumpToStep(page, steps[5]!.id);
  await expectSettledOn(page, steps[5]!);
});
