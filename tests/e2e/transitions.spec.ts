// Transitions are animated, never hard cuts: within a chapter the map zooms
// through in-between views, between chapters the marks that carry over (the
// OpenAI dot that becomes the $7 trillion bar) move, and a new target takes over
// from wherever the marks are, without a jump.
import type { Page } from "@playwright/test";
import { test, expect, expectSettledOn, jumpToStep, open, readSteps, yForStep } from "./helpers.ts";

/** Scrolls to `to` and records, every frame for `ms`, a numeric attribute of the mark `key`. */
async function record(
  page: Page,
  selector: string,
  attr: string,
  y: number,
  ms: number,
  thenY?: { afterMs: number; y: number },
): Promise<number[]> {
  return (await recordTimed(page, selector, attr, y, ms, thenY)).map((s) => s.v);
}

/** Like `record`, with the time (ms since the scroll) of each sample. */
async function recordTimed(
  page: Page,
  selector: string,
  attr: string,
  y: number,
  ms: number,
  thenY?: { afterMs: number; y: number },
): Promise<{ t: number; v: number }[]> {
  return page.evaluate(
    async ({ selector, attr, y, ms, thenY }) => {
      const values: { t: number; v: number }[] = [];
      const start = performance.now();
      let switched = false;
      window.scrollTo({ top: y, behavior: "instant" });
      await new Promise<void>((resolve) => {
        const tick = () => {
          const el = document.querySelector(selector);
          const raw = el?.getAttribute(attr);
          const t = performance.now() - start;
          if (raw != null) values.push({ t, v: attr === "transform" ? Number(/scale\(([-\d.e]+)\)/.exec(raw)?.[1]) : Number(raw) });
          if (thenY && !switched && t >= thenY.afterMs) {
            switched = true;
            window.scrollTo({ top: thenY.y, behavior: "instant" });
          }
          if (t < ms) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return values;
    },
    { selector, attr, y, ms, thenY },
  );
}

const distinct = (xs: number[]) => new Set(xs.map((x) => x.toFixed(2))).size;

/** Opens a language, settles on the last map step and returns both steps and the OpenAI dot's width. */
async function atPartners(page: Page, lang: string) {
  await open(page, `/${lang}/`);
  const steps = await readSteps(page);
  const partners = steps.find((s) => s.id === "hunt--partners")!;
  const sum = steps.find((s) => s.id === "trillions--sum")!;
  await jumpToStep(page, partners.id);
  await expectSettledOn(page, partners);
  const dot = Number(await page.locator('[data-stage] [data-key="hero"]').getAttribute("width"));
  return { partners, sum, dot };
}

test("moving from the map to the money, the OpenAI dot grows into the bar through in-between widths", async ({ page }) => {
  const { sum, dot: from } = await atPartners(page, "en");
  const widths = await record(page, '[data-stage] rect[data-key="hero"]', "width", await yForStep(page, sum.id), 1500);
  await expectSettledOn(page, sum);
  const to = Number(await page.locator('[data-stage] [data-key="hero"]').getAttribute("width"));
  expect(to).toBeGreaterThan(from * 5);
  const between = widths.filter((w) => w > from + 1 && w < to - 1);
  expect(distinct(between), `in-between widths seen: ${widths.join(", ")}`).toBeGreaterThanOrEqual(3);
  // the map leaves by fading out, not by vanishing at once
  await expect(page.locator('[data-stage] [data-key="map"]')).toHaveCount(0);
});

test("within a chapter the map zooms through in-between scales", async ({ page }) => {
  await open(page, "/de/");
  const steps = await readSteps(page);
  const origin = steps.find((s) => s.id === "hunt--origin")!;
  const partners = steps.find((s) => s.id === "hunt--partners")!;
  await jumpToStep(page, origin.id);
  await expectSettledOn(page, origin);
  const scales = await record(page, '[data-stage] [data-key="map"]', "transform", await yForStep(page, partners.id), 1500);
  await expectSettledOn(page, partners);
  const first = scales[0]!;
  const last = scales.at(-1)!;
  expect(Math.abs(first - last)).toBeGreaterThan(0.2);
  const between = scales.filter((k) => k > Math.min(first, last) + 0.01 && k < Math.max(first, last) - 0.01);
  expect(distinct(between), `scales seen: ${scales.join(", ")}`).toBeGreaterThanOrEqual(3);
});

test("a new target interrupts a running transition from where the marks are, without a jump", async ({ page }) => {
  const { partners, sum, dot } = await atPartners(page, "en");
  // The bar's full width in the layout the stage uses, from the step's static figure.
  const layout = await page.locator("[data-stage] svg").getAttribute("data-layout");
  const bar = Number(
    await page.locator(`figure[data-figure="trillions/sum"] svg.figure-${layout} [data-key="hero"]`).getAttribute("width"),
  );
  // Head for the bar, then turn back a third of the way through.
  const samples = await recordTimed(page, '[data-stage] rect[data-key="hero"]', "width", await yForStep(page, sum.id), 1800, {
    afterMs: 300,
    y: await yForStep(page, partners.id),
  });
  await expectSettledOn(page, partners);
  const peak = Math.max(...samples.map((s) => s.v));
  expect(peak, "the bar had started to grow").toBeGreaterThan(dot + 5);
  expect(peak, "and had not finished").toBeLessThan(bar - 5);
  // No jump: no change faster than the 0.8 s ease could make (peak slope 2×, plus margin),
  // measured per elapsed time so a slow frame on a busy machine is no false alarm.
  const limit = ((bar - dot) / 0.8) * 2 * 1.5;
  const rates = samples.slice(1).map((s, i) => Math.abs(s.v - samples[i]!.v) / Math.max((s.t - samples[i]!.t) / 1000, 1e-3));
  expect(Math.max(...rates), `samples: ${samples.map((s) => `${s.t.toFixed(0)}:${s.v.toFixed(1)}`).join(" ")}`).toBeLessThan(limit);
  expect(Number(await page.locator('[data-stage] [data-key="hero"]').getAttribute("width"))).toBeCloseTo(dot, 1);
});
