// prefers-reduced-motion: reduce (docs/CONTRACT.md): nothing on the stage moves;
// marks take their new places at once and the pictures cross-fade in 150 ms, so the
// stage is settled almost at once; the rest of the contract still holds. Desktop
// goes through every step, the phones through a sample (sample.ts).
import type { Page } from "@playwright/test";
import {
  test,
  expect,
  LANGS,
  expectSettledOn,
  jumpTo,
  jumpToStep,
  open,
  openChapterMenu,
  readSteps,
  yForStep,
  type StepInfo,
} from "./helpers.ts";
import { landmarks, sampleSteps } from "./sample.ts";

/**
 * Counts, inside the page, the in-between pictures in which something moved: batches of
 * changes to the drawing (one per task or animation frame), while the stage is unsettled,
 * in which a mark's geometry (any attribute but its opacity) changes again after it already
 * changed in an earlier batch of the same transition. A tween writes a moving mark frame
 * after frame; a change without movement writes each mark's new place once and only fades
 * (opacity) after, so it leaves no such batch, however slow the machine (waiting for a
 * chapter's drawings only delays that one batch). Installed before the page loads.
 */
async function watchDrawing(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __inBetween: number };
    w.__inBetween = 0;
    document.addEventListener("DOMContentLoaded", () => {
      const stage = document.querySelector<HTMLElement>("[data-stage]");
      if (!stage) return;
      /** Marks whose geometry changed in an earlier batch of this transition. */
      let placed = new Set<Node>();
      new MutationObserver((records) => {
        // The stage's own attributes (scene, state, settled) are not the drawing: a new state is a new transition.
        if (records.some((r) => r.target === stage && r.attributeName === "data-state")) placed = new Set();
        const moved = new Set<Node>();
        for (const r of records) if (r.target !== stage && r.type === "attributes" && r.attributeName !== "opacity") moved.add(r.target);
        if (stage.dataset.settled === "false" && [...moved].some((el) => placed.has(el))) w.__inBetween++;
        for (const el of moved) placed.add(el);
        if (stage.dataset.settled === "true") placed = new Set();
      }).observe(stage, { subtree: true, attributes: true, childList: true, characterData: true });
    });
  });
}

/** The in-between pictures counted since the last call (and forgets them). */
async function inBetween(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __inBetween: number };
    const n = w.__inBetween;
    w.__inBetween = 0;
    return n;
  });
}

/** Nothing moved: the stage settles on the step, and no mark went there through in-between places. */
async function expectInstant(page: Page, step: StepInfo): Promise<void> {
  await expectSettledOn(page, step, 1_000);
  expect(await inBetween(page), `in-between pictures on the way to ${step.key} in which marks moved (frames of a tween)`).toBe(0);
}

// In the first language only: whether a mark moves does not depend on the language of its words
// (the renderer and the stage data's shapes are the same in every language).
for (const lang of LANGS.slice(0, 1)) {
  test(`${lang}: with reduced motion the stage changes state without moving anything (a short cross-fade)`, async ({ page }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await watchDrawing(page);
    await open(page, `/${lang}/`);
    expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
    const steps = await readSteps(page);
    const places = landmarks(steps);
    // forwards through a sample of steps (every chapter, its first and last step, one middle step: the
    // reduced-motion path is the same for every scene), a jump back, one across chapters, and back to the first
    for (const step of [
      ...sampleSteps(steps, testInfo.project.name, lang, false),
      places.at(0.1),
      places.middleOfLastChapter,
      places.first,
    ]) {
      await jumpToStep(page, step.id);
      await expectInstant(page, step);
    }
    // scrolling quickly, a new step every 120 ms (faster than a tween): each change is still drawn at once
    const quick = [places.at(0.25), steps[steps.indexOf(places.at(0.25)) + 1] ?? places.last, places.at(0.75), places.at(0.45)];
    const ys: number[] = [];
    for (const s of quick) ys.push(await yForStep(page, s.id));
    await page.evaluate(async (tops) => {
      for (const top of tops) {
        window.scrollTo({ top, behavior: "instant" });
        await new Promise((r) => setTimeout(r, 120));
      }
    }, ys);
    await expectInstant(page, quick.at(-1)!);
  });
}

// The runtime reads the media query the same way on every screen: desktop only (suite time).
test("turning reduced motion on while reading takes effect at once @desktop-only", async ({ page }) => {
  await watchDrawing(page);
  await open(page, "/en/");
  const steps = await readSteps(page);
  const places = landmarks(steps);
  // Into the second chapter: it receives a mark from the first (a hand-over), which travels, so a
  // jump there is animated whatever the chapters draw.
  const start = places.chapters[1]!.steps[0]!;
  await jumpToStep(page, start.id);
  await expectSettledOn(page, start);
  // the measure sees a tween: this jump was animated
  expect(await inBetween(page), "in-between pictures of an animated jump").toBeGreaterThan(0);
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
  await inBetween(page);
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
  await watchDrawing(page);
  await open(page, "/en/");
  const places = landmarks(await readSteps(page));
  const button = page.locator("button[data-motion-switch]");
  // the switch sits in the chapter menu of the top bar
  await openChapterMenu(page);
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/\bmotion-off\b/);
  await inBetween(page);
  for (const step of [places.at(0.25), places.middleOfLastChapter, places.at(0.35)]) {
    await jumpToStep(page, step.id);
    await expectInstant(page, step);
  }

  // a later visit (same browser profile, another page): still off, in the other language too
  const later = await page.context().newPage();
  try {
    await watchDrawing(later);
    await open(later, "/de/");
    const again = later.locator("button[data-motion-switch]");
    await expect(again).toHaveAttribute("aria-pressed", "true");
    for (const step of [places.at(0.2), places.middleOfLastChapter]) {
      await jumpToStep(later, step.id);
      await expectInstant(later, step);
    }
    // switched on again: remembered too, and the contract holds with tweens
    await openChapterMenu(later);
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
