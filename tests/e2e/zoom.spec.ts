// Readers who enlarge the page: at 200 % browser zoom (half the CSS viewport,
// twice the pixels) and with text-only zoom (the root font size doubled), every
// line of a sample of steps stays readable while its step is read (not covered,
// clipped or cut off; helpers.ts readabilityProblemsFor) and the page never
// scrolls sideways. In forced-colours mode, every figure label is drawn in a
// system colour that contrasts with what lies under it.
import type { Page } from "@playwright/test";
import { test, expect, readSteps, readabilityProblemsFor, open, jumpToStep, expectSettledOn } from "./helpers.ts";
import { landmarks } from "./sample.ts";

test.use({ reducedMotion: "reduce" });

async function sampleOf(page: Page) {
  const steps = await readSteps(page);
  const l = landmarks(steps);
  return [...new Map([l.first, l.middle, l.middleOfLastChapter, l.last].map((s) => [s.id, s])).values()];
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe("zoom @desktop-only", () => {
  test("200 % browser zoom: sampled steps stay readable, nothing scrolls sideways", async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 720, height: 450 },
      deviceScaleFactor: 2,
      reducedMotion: "reduce",
    });
    try {
      const page = await context.newPage();
      await open(page, "/en/");
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await readabilityProblemsFor(page, await sampleOf(page))).toEqual([]);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  test("text-only zoom to 200 %: sampled steps stay readable, nothing scrolls sideways", async ({ page }) => {
    await open(page, "/de/");
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".step-text p")!).fontSize));
    // Text-only zoom doubles the default font size, and so every rem: double the root's size.
    const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    // a constructed sheet: the page's CSP refuses an inline <style>, not the CSSOM
    await page.evaluate((px) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`html { font-size: ${px}px !important; }`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, root * 2);
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".step-text p")!).fontSize));
    expect(after / before).toBeGreaterThan(1.9);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await readabilityProblemsFor(page, await sampleOf(page))).toEqual([]);
  });
});

test("forced colours: figure labels keep a system colour that contrasts with what lies under them @desktop-only", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, forcedColors: "active", reducedMotion: "reduce" });
  try {
    const page = await context.newPage();
    await open(page, "/en/");
    const steps = await readSteps(page);
    // The bars' step (values inside bars) and a map step: one of each kind of picture.
    const picks = [steps.find((s) => s.scene === "trillions" && s.state === "giants"), steps.find((s) => s.scene === "hunt")].filter(
      (s) => s !== undefined,
    );
    expect(picks.length).toBe(2);
    for (const step of picks) {
      await jumpToStep(page, step.id);
      await expectSettledOn(page, step);
      const low = await page.locator("[data-stage] > svg").evaluate((svg) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: string, b: string) => {
          const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
          return (x! + 0.05) / (y! + 0.05);
        };
        const canvas = getComputedStyle(document.body).backgroundColor;
        const out: string[] = [];
        for (const t of svg.querySelectorAll("text")) {
          if (Number(getComputedStyle(t).opacity) === 0 || !t.textContent) continue;
          // What lies under a label: the bar it sits in (values inside bars), else the page.
          const prev = t.previousElementSibling;
          const under = t.classList.contains("val-inside") && prev?.tagName === "rect" ? getComputedStyle(prev).fill : canvas;
          const r = ratio(getComputedStyle(t).fill, under);
          if (r < 4.5) out.push(`"${t.textContent}": ${r.toFixed(2)}`);
        }
        return out;
      });
      expect(low, step.id).toEqual([]);
    }
  } finally {
    await context.close();
  }
});
