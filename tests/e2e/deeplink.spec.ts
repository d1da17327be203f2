// Deep links and reloads (CONTRACT.md): /<lang>/#SLUG--STATE shows that step with
// the stage settled on its state; reloading mid-story lands on the same state
// without replaying earlier ones.
import type { Page } from "@playwright/test";
import {
  test,
  expect,
  LANGS,
  expectSettledOn,
  expectSettledOnGeometry,
  expectStageShows,
  expectedStep,
  jumpToStep,
  open,
  readSteps,
  waitForScrollStop,
} from "./helpers.ts";

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

const TARGETS: Record<string, string[]> = { hunt: ["hunt--refusal"], trillions: ["trillions--giants"] };

// one state in each chapter, in both languages; plus the first and the last step (edges of the page) in English
const CASES: [string, string][] = [
  ...LANGS.flatMap((lang) =>
    Object.values(TARGETS)
      .flat()
      .map((id): [string, string] => [lang, id]),
  ),
  ["en", "hunt--origin"],
  ["en", "trillions--uses"],
];

for (const [lang, id] of CASES) {
  test(`${lang}: loading /${lang}/#${id} shows that step, settled, with no earlier state on the way`, async ({ page }) => {
    await recordStage(page);
    await page.goto(`/${lang}/#${id}`);
    const steps = await readSteps(page);
    const step = steps.find((s) => s.id === id)!;
    expect(step, `step ${id} exists`).toBeTruthy();
    await expectStageShows(page, step);
    expect(await expectedStep(page), `the linked step is the last one above the trigger line`).toBe(id);
    // the linked step is actually in view
    const top = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
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
  });
}

for (const lang of LANGS) {
  test(`${lang}: reloading mid-story lands on the same state, without replaying earlier steps`, async ({ page }) => {
    await recordStage(page);
    await open(page, `/${lang}/`);
    const steps = await readSteps(page);
    // one step in each chapter, reloading at each
    for (const target of [steps[3]!, steps[7]!]) {
      await jumpToStep(page, target.id, 40);
      await expectSettledOn(page, target);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${target.id}`);

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
  for (const path of ["/de/#trillions", "/en/#hunt", "/en/#no-such-step", "/de/#trillions--no-such-state"]) {
    await page.goto(path);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await waitForScrollStop(page);
    await expectSettledOnGeometry(page, await readSteps(page));
  }
});

test("a deep link holds when the web fonts arrive late and shift the layout", async ({ page }) => {
  await recordStage(page);
  // hold every font back for a while: the first layout uses the fallback fonts
  await page.route(/\.woff2?$/, async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  const id = "trillions--bonds";
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
