// The address follows the active step with history.replaceState, never
// pushState (docs/CONTRACT.md): reading adds no history entries, and Back leaves the
// story instead of rewinding it step by step.
import {
  test,
  expect,
  LANGS,
  expectSettledOn,
  expectSettledOnGeometry,
  expectedStep,
  jumpTo,
  jumpToStep,
  open,
  readSteps,
  waitForScrollStop,
  yForStep,
  expectAddress,
} from "./helpers.ts";
import { landmarks } from "./sample.ts";

// What this file checks does not depend on motion: states change at once, which keeps the suite fast.
// Animated transitions are covered by scroll, transitions, motion, resize and teardown specs.
test.use({ reducedMotion: "reduce" });

for (const lang of LANGS) {
  // one language each: the mechanics are shared
  if (lang === "en")
    test(`${lang}: scrolling through the steps adds no history entries`, async ({ page }) => {
      await open(page, `/${lang}/`);
      const steps = await readSteps(page);
      const before = await page.evaluate(() => history.length);
      const places = landmarks(steps);
      // forwards across the story, then far back
      for (const step of [places.first, places.at(0.25), places.at(0.6), places.last, places.at(0.1)]) {
        await jumpToStep(page, step.id);
        await expectSettledOn(page, step);
        await expectAddress(page, `#${step.id}`, 5_000);
      }
      expect(await page.evaluate(() => history.length)).toBe(before);
    });

  if (lang === "de")
    test(`${lang}: Back, after reading, returns to the page the reader came from`, async ({ page }) => {
      await open(page, "/");
      await page.locator(`a[href="/${lang}/"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/$`));
      await page.waitForLoadState("load");
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      const steps = await readSteps(page);
      const places = landmarks(steps);
      const read = [places.at(0.1), places.middle, places.at(0.75)];
      for (const step of read) {
        await jumpToStep(page, step.id);
        await expectSettledOn(page, step);
      }
      await expect(page).toHaveURL(new RegExp(`/${lang}/#${read.at(-1)!.id}$`));
      await page.goBack();
      await expect(page).toHaveURL(/\/$/);
      expect(new URL(page.url()).pathname).toBe("/");
      await expect(page.locator(`a[href="/${lang}/"]`).first()).toBeVisible();
    });
}

test("the language switch points at the reader's step; Back from the other page returns to it", async ({ page }) => {
  await open(page, "/de/");
  const steps = await readSteps(page);
  // a step of the last chapter: the other page must scroll well into the story
  const step = landmarks(steps).middleOfLastChapter;
  await jumpToStep(page, step.id, 40);
  await expectSettledOn(page, step);
  const before = await page.evaluate(() => history.length);

  // (clicking it would first scroll the masthead into view, i.e. out of the story)
  const href = await page.locator("a[data-lang-switch]").evaluate((a: HTMLAnchorElement) => a.href);
  expect(new URL(href).pathname + new URL(href).hash).toBe(`/en/#${step.id}`);
  await page.goto(href);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectSettledOn(page, step);
  expect(await expectedStep(page)).toBe(step.id);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/de/#${step.id}$`));
  await page.waitForLoadState("load");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await waitForScrollStop(page);
  const back = await expectSettledOnGeometry(page, steps);
  expect(back?.id, "after Back the reader is at the same step").toBe(step.id);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
});

test("clicking the language switch after scrolling back up keeps the reader's place", async ({ page }) => {
  await open(page, "/de/");
  const steps = await readSteps(page);
  const step = landmarks(steps).middle;
  await jumpToStep(page, step.id, 40);
  await expectSettledOn(page, step);
  // The switch sits in the masthead: the reader scrolls up to it, then clicks.
  await jumpTo(page, 0);
  await waitForScrollStop(page);
  await page.locator("a[data-lang-switch]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(new RegExp(`/en/#${step.id}$`));
  await expectSettledOn(page, step);
});

test.describe("with motion", () => {
  test.use({ reducedMotion: "no-preference" });
  test(
    "a fast scroll past many steps writes the address once, where the reader stops, outside any animation frame",
    { tag: ["@desktop-only"] },
    async ({ page }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { __replaced: string[]; __inFrame: number };
        w.__replaced = [];
        w.__inFrame = 0;
        // a same-document navigation costs a few ms and refetches the page icon: not in a frame that draws
        const raf = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (cb) =>
          raf((t) => {
            w.__inFrame++;
            try {
              cb(t);
            } finally {
              w.__inFrame--;
            }
          });
        const original = history.replaceState.bind(history);
        history.replaceState = (data, unused, url) => {
          w.__replaced.push(`${String(url)}${w.__inFrame > 0 ? " (in an animation frame)" : ""}`);
          original(data, unused, url);
        };
      });
      await open(page, "/de/");
      const steps = (await readSteps(page)).slice(1, 9);
      const ys: number[] = [];
      for (const step of steps) ys.push(await yForStep(page, step.id));
      // one step per two frames: far faster than a transition (0.5 s and more) can settle
      await page.evaluate(async (tops) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        for (const top of tops) {
          window.scrollTo({ top, behavior: "instant" });
          await frame();
          await frame();
        }
      }, ys);
      const last = steps.at(-1)!;
      await expectSettledOn(page, last);
      await expectAddress(page, `#${last.id}`, 5_000);
      const written = await page.evaluate(() => (window as unknown as { __replaced: string[] }).__replaced);
      expect(written.length, `replaceState calls for ${steps.length} steps passed: ${written.join(", ")}`).toBeLessThanOrEqual(2);
      expect(written.at(-1)).toContain(`#${last.id}`);
      expect(
        written.filter((w) => w.endsWith("(in an animation frame)")),
        "replaceState called from an animation frame",
      ).toEqual([]);
    },
  );
});
