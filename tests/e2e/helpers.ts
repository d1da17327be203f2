// Shared helpers for the browser tests of the page contract (/work/shared/CONTRACT.md
// in the workspace; the hooks are data-chapter, data-step, data-stage, .is-active).
// Geometry is always read from the page itself: the expected step is "the last step
// whose top edge is at or above the vertical middle of the viewport".

import { expect, type Page } from "@playwright/test";

export const LANGS = ["de", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** How long the stage may take to settle once scrolling has stopped (CONTRACT.md). */
export const SETTLE_MS = 2_000;

export interface StepInfo {
  /** "SLUG--STATE" */
  id: string;
  /** "SLUG/STATE" */
  key: string;
  slug: string;
  state: string;
  /** data-scene of the step's chapter */
  scene: string;
}

export interface StageInfo {
  scene: string | null;
  state: string | null;
  settled: string | null;
}

/** Every step of the page, in document order, with its chapter's scene. */
export async function readSteps(page: Page): Promise<StepInfo[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".step[data-step]")).map((el) => {
      const key = el.dataset.step ?? "";
      const [slug = "", state = ""] = key.split("/");
      const chapter = el.closest<HTMLElement>("section[data-chapter]");
      return { id: el.id, key, slug, state, scene: chapter?.dataset.scene ?? "" };
    }),
  );
}

export async function readStage(page: Page): Promise<StageInfo> {
  return page.evaluate(() => {
    const s = document.querySelector<HTMLElement>("[data-stage]");
    return { scene: s?.getAttribute("data-scene") ?? null, state: s?.getAttribute("data-state") ?? null, settled: s?.getAttribute("data-settled") ?? null };
  });
}

/** ids of the steps that carry .is-active. */
export async function activeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>(".step.is-active")).map((el) => el.id));
}

/** Opens a story page (or any path) and waits for the web fonts, so geometry is final. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(async () => { await document.fonts.ready; });
}

/** Resolves once window.scrollY has not changed for several animation frames. */
export async function waitForScrollStop(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    let last = window.scrollY;
    let still = 0;
    const started = performance.now();
    const tick = () => {
      const y = window.scrollY;
      if (y === last) still++;
      else { still = 0; last = y; }
      if (still >= 6 || performance.now() - started > 10_000) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

/** Jumps (no smooth scrolling) to y, then waits for the scroll to stop. */
export async function jumpTo(page: Page, y: number): Promise<void> {
  await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
  await waitForScrollStop(page);
}

/** Document y to scroll to so the step's top edge sits `above` px above the trigger line. */
export async function yForStep(page: Page, id: string, above = 10): Promise<number> {
  return page.evaluate(([stepId, px]) => {
    const el = document.getElementById(stepId as string);
    if (!el) throw new Error(`no element #${stepId}`);
    return el.getBoundingClientRect().top + window.scrollY - window.innerHeight / 2 + (px as number);
  }, [id, above] as const);
}

/** Scrolls so that the step's top edge is just above the trigger line. */
export async function jumpToStep(page: Page, id: string, above = 10): Promise<void> {
  await jumpTo(page, await yForStep(page, id, above));
}

/** The step the contract expects right now: the last whose top is at or above the middle; null if none. */
export async function expectedStep(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const mid = window.innerHeight / 2;
    let found: string | null = null;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".step[data-step]"))) {
      if (el.getBoundingClientRect().top <= mid) found = el.id;
    }
    return found;
  });
}

/**
 * Asserts that, within SETTLE_MS, the stage shows `step` settled and that step
 * (and only it) is .is-active.
 */
export async function expectSettledOn(page: Page, step: StepInfo, timeout = SETTLE_MS): Promise<void> {
  await expect
    .poll(async () => {
      const s = await readStage(page);
      return { scene: s.scene, state: s.state, settled: s.settled, active: await activeIds(page) };
    }, { timeout, intervals: [25, 50, 100], message: `stage settles on ${step.key} within ${timeout} ms` })
    .toEqual({ scene: step.scene, state: step.state, settled: "true", active: [step.id] });
}

/** Asserts the stage settles on whatever step the geometry of the page designates now. */
export async function expectSettledOnGeometry(page: Page, steps: StepInfo[], timeout = SETTLE_MS): Promise<StepInfo | null> {
  const id = await expectedStep(page);
  if (id === null) {
    await expect
      .poll(async () => ({ active: await activeIds(page), settled: (await readStage(page)).settled }), { timeout, message: "no step active above the first step" })
      .toEqual({ active: [], settled: "true" });
    return null;
  }
  const step = steps.find((s) => s.id === id);
  if (!step) throw new Error(`expected step ${id} is not in the step list`);
  await expectSettledOn(page, step, timeout);
  return step;
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console.error: ${msg.text()} @ ${msg.location().url}:${msg.location().lineNumber}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Walks through every step, settling on each one. */
export async function scrollThrough(page: Page, steps: StepInfo[]): Promise<void> {
  for (const step of steps) {
    await jumpToStep(page, step.id);
    await expectSettledOn(page, step);
  }
}
