// prefers-reduced-motion: reduce (docs/CONTRACT.md): states change without
// tweening, so the stage is settled almost at once; the rest of the contract
// still holds. Desktop goes through every step, the phones through a sample
// (sample.ts).
import type { Page } from "@playwright/test";
import { MAX_TRANSITION } from "../../src/render/motion.ts";
import { test, expect, LANGS, expectSettledOn, jumpTo, jumpToStep, open, readSteps, type StepInfo } from "./helpers.ts";
import { landmarks, sampleSteps } from "./sample.ts";

/**
 * Records, inside the page, how long each transition leaves the stage unsettled
 * (performance.now(), so a busy machine's slow test round-trips do not count).
 * Installed before the page loads; `expectInstant` reads and clears it.
 */
async function watchSettling(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __unsettled: number[] };
    w.__unsettled = [];
    document.addEventListener("DOMContentLoaded", () => {
      const stage = document.querySelector<HTMLElement>("[data-stage]");
      if (!stage) return;
      let since: number | null = null;
      new MutationObserver((records) => {
        const now = performance.now();
        // The value after each record is the next record's old value; after the last, the current one.
        records.forEach((r, i) => {
          const value = i + 1 < records.length ? records[i + 1]!.oldValue : stage.getAttribute("data-settled");
          if (value === "false") since ??= now;
          else if (value === "true" && since !== null) {
            w.__unsettled.push(now - since);
            since = null;
          }
        });
      }).observe(stage, { attributes: true, attributeFilter: ["data-settled"], attributeOldValue: true });
    });
  });
}

/** Forgets what was recorded so far (e.g. animated transitions before reduced motion was turned on). */
async function resetSettling(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __unsettled: number[] }).__unsettled = [];
  });
}

/**
 * No tween: the stage settles on the step, and no transition stayed unsettled for
 * anywhere near a tween's length (MAX_TRANSITION). The margin allows for fetching a
 * chapter's drawings on a busy machine, which reduced motion does not skip.
 */
async function expectInstant(page: Page, step: StepInfo): Promise<void> {
  await expectSettledOn(page, step);
  const longest = await page.evaluate(() => {
    const w = window as unknown as { __unsettled: number[] };
    const worst = Math.max(0, ...w.__unsettled);
    w.__unsettled = [];
    return worst;
  });
  expect(longest, "longest unsettled stretch measured in the page (ms)").toBeLessThan(MAX_TRANSITION * 1000 * 0.4);
}

for (const lang of LANGS) {
  test(`${lang}: with reduced motion the stage changes state without tweening${lang === LANGS[0] ? "" : " @desktop-only"}`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await watchSettling(page);
    await open(page, `/${lang}/`);
    expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
    const steps = await readSteps(page);
    const places = landmarks(steps);
    // forwards through every step (phones: a sample), a jump back, one across chapters, and back to the first
    for (const step of [...sampleSteps(steps, testInfo.project.name, lang), places.at(0.1), places.middleOfLastChapter, places.first]) {
      await jumpToStep(page, step.id);
      await expectInstant(page, step);
    }
    // never "false" for longer than a frame or two: sample while jumping
    const longest = await page.evaluate(
      async (ids) => {
        const stage = document.querySelector<HTMLElement>("[data-stage]")!;
        let since: number | null = null;
        let worst = 0;
        const obs = new MutationObserver(() => {
          const now = performance.now();
          if (stage.dataset.settled === "false") since ??= now;
          else if (since !== null) {
            worst = Math.max(worst, now - since);
            since = null;
          }
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
      },
      // a quarter in, the step after it, across to three quarters, back to the middle
      [places.at(0.25), steps[steps.indexOf(places.at(0.25)) + 1] ?? places.last, places.at(0.75), places.at(0.45)].map((s) => s.id),
    );
    expect(longest, "longest unsettled stretch (ms)").toBeLessThanOrEqual(250);
  });
}

test("turning reduced motion on while reading takes effect at once", async ({ page }) => {
  await watchSettling(page);
  await open(page, "/en/");
  const steps = await readSteps(page);
  const places = landmarks(steps);
  const start = places.at(0.1);
  await jumpToStep(page, start.id);
  await expectSettledOn(page, start);
  await page.emulateMedia({ reducedMotion: "reduce" });
  // let the page see the change (media query listeners run in the next rendering update)
  await page.evaluate(
    () =>
      new Promise<void>((r) => {
        const mq = matchMedia("(prefers-reduced-motion: reduce)");
        if (!mq.matches) throw new Error("reduced motion not emulated");
        requestAnimationFrame(() => requestAnimationFrame(() => r()));
      }),
  );
  await resetSettling(page);
  // forwards, across chapters, and back
  for (const step of [places.at(0.25), places.middleOfLastChapter, places.at(0.35)]) {
    await jumpToStep(page, step.id);
    await expectInstant(page, step);
  }
  // and off again: the contract (settled within 2 s) still holds
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await jumpTo(page, 0);
  await jumpToStep(page, places.middle.id);
  await expectSettledOn(page, places.middle);
});

test("the reader's “animation off” switch stops tweening at once, and the next visit remembers it", async ({ page }) => {
  await watchSettling(page);
  await open(page, "/en/");
  const places = landmarks(await readSteps(page));
  const button = page.locator("button[data-motion-switch]");
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/\bmotion-off\b/);
  await resetSettling(page);
  for (const step of [places.at(0.25), places.middleOfLastChapter, places.at(0.35)]) {
    await jumpToStep(page, step.id);
    await expectInstant(page, step);
  }

  // a later visit (same browser profile, another page): still off, in the other language too
  const later = await page.context().newPage();
  try {
    await watchSettling(later);
    await open(later, "/de/");
    const again = later.locator("button[data-motion-switch]");
    await expect(again).toHaveAttribute("aria-pressed", "true");
    for (const step of [places.at(0.2), places.middleOfLastChapter]) {
      await jumpToStep(later, step.id);
      await expectInstant(later, step);
    }
    // switched on again: remembered too, and the contract holds with tweens
    await again.click();
    await expect(again).toHaveAttribute("aria-pressed", "false");
    await expect(later.locator("html")).not.toHaveClass(/\bmotion-off\b/);
    await jumpToStep(later, places.middle.id);
    await expectSettledOn(later, places.middle);
  } finally {
    await later.close();
  }
  await open(page, "/en/");
  await expect(button).toHaveAttribute("aria-pressed", "false");
});

test("with the system asking for reduced motion, the switch shows animation off and cannot turn it on @desktop-only", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, "/de/");
  const button = page.locator("button[data-motion-switch]");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toBeDisabled();
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button).toBeEnabled();
});
