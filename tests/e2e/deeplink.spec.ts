// Deep links and reloads (docs/CONTRACT.md): /<lang>/#SLUG--STATE shows that step
// with the stage settled on its state; reloading mid-story lands on the same
// state without replaying earlier ones. Targets are places in the story (a middle
// step of each chapter, the first and the last step), read from the built page:
// desktop links into every chapter, the phones into a sample of them (sample.ts).
import type { Page } from "@playwright/test";
import {
  test,
  expect,
  LANGS,
  type Lang,
  type StepInfo,
  expectSettledOn,
  expectSettledOnGeometry,
  expectStageShows,
  expectedStep,
  jumpToStep,
  open,
  readSteps,
  waitForRuntime,
  storySteps,
  waitForScrollStop,
  expectAddress,
} from "./helpers.ts";
import { alternate, landmarks, middleOf, onPhones, sampleChapters, walksEveryStep } from "./sample.ts";

// What this file checks does not depend on motion: states change at once, which keeps the suite fast.
// Animated transitions are covered by scroll, transitions, motion, resize and teardown specs.
test.use({ reducedMotion: "reduce" });

declare global {
  interface Window {
    __stageLog?: { attr: string; old: string | null }[];
  }
}

/** Records, from the very first script of every document, each change of the stage's data-scene/data-state. */
async function recordStage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { attr: string; old: string | null }[] = [];
    window.__stageLog = log;
    new MutationObserver((records) => {
      for (const r of records) {
        if ((r.target as Element).hasAttribute("data-stage") && r.attributeName) log.push({ attr: r.attributeName, old: r.oldValue });
      }
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["data-scene", "data-state"] });
  });
}

/**
 * Every value the runtime gave the stage's `attr` since the document loaded, in
 * order: the value after change i is the old value of change i+1, and the last
 * one is the current value. (Parser-set values are not changes.)
 */
async function stageValues(page: Page, attr: "data-state" | "data-scene"): Promise<(string | null)[]> {
  return page.evaluate((name) => {
    const olds = (window.__stageLog ?? []).filter((e) => e.attr === name).map((e) => e.old);
    if (olds.length === 0) return [];
    const current = document.querySelector("[data-stage]")?.getAttribute(name) ?? null;
    return [...olds.slice(1), current];
  }, attr);
}

/** Loads `path` as a new document (a goto that only changes the hash of the open page would not reload it). */
async function load(page: Page, path: string): Promise<void> {
  await page.goto("about:blank");
  await page.goto(path);
  await waitForRuntime(page);
}

/** Loads /<lang>/#<step> and checks the step is shown, settled, in view, with no other state shown on the way. */
async function expectDeepLink(page: Page, lang: Lang, target: StepInfo): Promise<void> {
  const id = target.id;
  await load(page, `/${lang}/#${id}`);
  const steps = await readSteps(page);
  const step = steps.find((s) => s.id === id)!;
  expect(step, `step ${id} exists`).toBeTruthy();
  await expectStageShows(page, step);
  expect(await expectedStep(page), `the linked step is the last one above the trigger line`).toBe(id);
  // the linked step is actually in view
  const top = await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  await expectAddress(page, `#${id}`, 1_000);
  // once fonts have loaded, it still is
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.waitForTimeout(200);
  expect(await expectedStep(page)).toBe(id);
  await expectSettledOn(page, step);
  const states = await stageValues(page, "data-state");
  expect(states.length, "the runtime set the stage's state").toBeGreaterThan(0);
  expect(
    states.filter((v) => v !== step.state),
    `the stage never showed another state on the way: ${JSON.stringify(states)}`,
  ).toEqual([]);
}

// Desktop links into every chapter, the chapters dealt out between the languages (sample.ts `alternate`: the
// first language the 1st, 3rd, 5th … chapter, the second the others): how a link lands (the runtime scrolls
// the step to its scroll margin, the stage draws its state at once, no earlier state on the way) is the same
// code over the same steps in either language, so together they land in every chapter once; each language
// still lands in several. The phones: a sample of chapters in the first language (sample.ts).
for (const lang of LANGS) {
  test(`${lang}: a deep link to a middle step of each chapter shows that step, settled, with no earlier state on the way${onPhones(lang)}`, async ({
    page,
  }, testInfo) => {
    await recordStage(page);
    const all = landmarks(await storySteps(page, lang)).chapters;
    const chapters = walksEveryStep(testInfo.project.name) ? alternate(all, lang) : sampleChapters(all, testInfo.project.name, lang);
    for (const chapter of chapters) {
      const target = middleOf(chapter.steps);
      await test.step(`/${lang}/#${target.id}`, () => expectDeepLink(page, lang, target));
    }
  });
}

// the edges of the page, in one language
test("en: deep links to the first and to the last step of the story show them settled", async ({ page }) => {
  await recordStage(page);
  const places = landmarks(await storySteps(page, "en"));
  for (const target of [places.first, places.last]) {
    await test.step(`/en/#${target.id}`, () => expectDeepLink(page, "en", target));
  }
});

for (const lang of LANGS) {
  test(`${lang}: reloading mid-story lands on the same state, without replaying earlier steps${onPhones(lang)}`, async ({ page }) => {
    await recordStage(page);
    await open(page, `/${lang}/`);
    const steps = await readSteps(page);
    const places = landmarks(steps);
    // a step in the first chapter and one in the last, reloading at each
    for (const target of [...new Set([places.lastOfFirstChapter, places.middleOfLastChapter])]) {
      await jumpToStep(page, target.id, 40);
      await expectSettledOn(page, target);
      await expectAddress(page, `#${target.id}`, 5_000);

      await page.reload();
      await expectStageShows(page, target);
      expect(await expectedStep(page)).toBe(target.id);
      await page.waitForTimeout(300);
      await expectSettledOn(page, target);
      const states = await stageValues(page, "data-state");
      const scenes = await stageValues(page, "data-scene");
      expect(states.length, "the runtime set the stage's state").toBeGreaterThan(0);
      expect(
        states.filter((v) => v !== target.state),
        `after the reload the stage showed only ${target.state}: ${JSON.stringify(states)}`,
      ).toEqual([]);
      expect(
        scenes.filter((v) => v !== target.scene),
        `after the reload the stage showed only scene ${target.scene}: ${JSON.stringify(scenes)}`,
      ).toEqual([]);
    }
  });
}

test("a link to a chapter, or to no element at all, still leaves the stage on the step at the trigger line", async ({ page }) => {
  const de = landmarks(await storySteps(page, "de"));
  const en = landmarks(await storySteps(page, "en"));
  const paths = [
    `/de/#${de.lastChapter.slug}`,
    `/en/#${en.firstChapter.slug}`,
    "/en/#no-such-step",
    `/de/#${de.lastChapter.slug}--no-such-state`,
  ];
  for (const path of paths) {
    await test.step(path, async () => {
      await load(page, path);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      await waitForScrollStop(page);
      await expectSettledOnGeometry(page, await readSteps(page));
    });
  }
  // and within the open page, as the chapter navigation does: a hash change scrolls to a chapter
  await test.step(`#${de.lastChapter.slug} within the page`, async () => {
    const steps = await readSteps(page);
    const before = await page.evaluate(() => window.scrollY);
    await page.evaluate((slug) => {
      location.hash = `#${slug}`;
    }, de.lastChapter.slug);
    await waitForScrollStop(page);
    expect(await page.evaluate(() => window.scrollY), "the hash change scrolled the page").not.toBe(before);
    const shown = await expectSettledOnGeometry(page, steps);
    expect(shown, "a step is shown once the chapter is in view").not.toBeNull();
  });
});

test("a deep link holds when the web fonts arrive late and shift the layout", async ({ page }) => {
  await recordStage(page);
  const id = landmarks(await storySteps(page, "en")).middleOfLastChapter.id;
  // hold every font back for a while: the first layout uses the fallback fonts
  await page.route(/\.woff2?$/, async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await page.goto(`/en/#${id}`, { waitUntil: "commit" });
  await page.waitForLoadState("load");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await waitForScrollStop(page);
  const steps = await readSteps(page);
  const step = steps.find((s) => s.id === id)!;
  await expectStageShows(page, step);
  expect(await expectedStep(page)).toBe(id);
  const states = await stageValues(page, "data-state");
  expect(
    states.filter((v) => v !== step.state),
    `the stage showed only ${step.state}: ${JSON.stringify(states)}`,
  ).toEqual([]);
});

test.describe("with motion", () => {
  // Even with motion allowed, nothing scrolls the page smoothly by itself: neither the browser's own scroll to a
  // linked step nor the chapter menu's jumps (graphics review 41, item 5: a glide made a chapter change lag).
  test.use({ reducedMotion: "no-preference" });

  test("the chapter menu jumps to its chapter: the page is there in the next frame, no glide", async ({ page }) => {
    await open(page, "/en/");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
    const link = page.locator("details[data-menu] a[data-nav]").last();
    const id = (await link.getAttribute("href"))!.slice(1);
    await page.locator("details[data-menu] > summary").first().click();
    const [at, target] = await Promise.all([
      page.evaluate(
        (i) =>
          new Promise<[number, number]>((done) => {
            const a = document.querySelector<HTMLAnchorElement>(`details[data-menu] a[href="#${i}"]`)!;
            a.addEventListener("click", () =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => done([window.scrollY, document.getElementById(i)!.getBoundingClientRect().top])),
              ),
            );
          }),
        id,
      ),
      link.click(),
    ]).then(([r]) => r);
    const margin = await page.evaluate((i) => parseFloat(getComputedStyle(document.getElementById(i)!).scrollMarginTop) || 0, id);
    expect(at, "the page scrolled").toBeGreaterThan(0);
    expect(
      Math.abs(target - margin),
      `two frames after the click the chapter stands ${Math.round(target)} px from the top`,
    ).toBeLessThanOrEqual(2);
  });

  test("a deep link lands its step exactly where linked steps land (its scroll margin), after the runtime has changed the layout above it", async ({
    page,
  }) => {
    // deep in the story: glossary notes collapse and share buttons appear above it as the runtime starts
    const target = landmarks(await storySteps(page, "de")).firstOfLastChapter;
    await page.goto(`/de/#${target.id}`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await waitForRuntime(page);
    await waitForScrollStop(page);
    await expectSettledOn(page, target);
    const { top, margin } = await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      return { top: el.getBoundingClientRect().top, margin: parseFloat(getComputedStyle(el).scrollMarginTop) };
    }, target.id);
    // A glide begun by the browser and cut short by the runtime left it 30 to 120 px off, by timing.
    expect(
      Math.abs(top - margin),
      `the step's top is ${Math.round(top)} px from the screen's top, its scroll margin ${Math.round(margin)} px`,
    ).toBeLessThanOrEqual(2);
  });
});
