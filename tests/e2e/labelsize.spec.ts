// The stage's words are large enough to read where they are shown (issue 18): no visible
// text of the live stage under 13 px on a desktop (1440 × 900, and 1920 × 1080) nor under
// 11 px on a phone (390 × 844), CSS px as drawn (font size times the drawing's scale on
// screen, scripts/label-sizes.ts measureStage). And on a desktop the drawing uses the
// screen: it sits beside the prose (no empty band between them), fills most of the
// screen's height and leaves no wide empty band at the screen's right.
//
// A sample, not a walk: in each chapter and language, the state whose drawing (in the
// stage's layout, as compiled) sets the smallest type, each measured on screen once the
// stage has settled on it (every step: node scripts/label-sizes.ts).
//
// A phone on its side shows no stage but each step's own figure beside its card (issue 18:
// the print figure drawn there set its words at 8–9 px): the figure drawn for that box (the
// `land` layout), whose words come out at 12 px and more on 844 × 390, 11 px and more on
// 740 × 360 (the phone-landscape project, @short-screen).

import type { Page } from "@playwright/test";
import { test, expect, LANGS, open, readSteps, jumpToStep, expectStageShows, type StepInfo } from "./helpers.ts";
import { story } from "../../src/story/page.ts";
import { LANDSCAPE_LAYOUT, type Layout } from "../../src/story/config.ts";
import type { Mark } from "../../src/story/types.ts";
import { LABEL_FLOOR, measureStage } from "../../scripts/label-sizes.ts";

/** The smallest font-size a drawing sets, through its groups. */
const smallestType = (marks: readonly Mark[]): number =>
  Math.min(
    Infinity,
    ...marks.map((m) => Math.min(m.tag === "text" ? Number(m.attrs["font-size"]) : Infinity, smallestType(m.children ?? []))),
  );

/** Per chapter, the step whose state sets the smallest type in `layout` (the first of equals). */
function smallestPerChapter(lang: string, layout: Layout, steps: StepInfo[]): StepInfo[] {
  return story().compiled.chapters[lang]!.map((c) => {
    const least = c.steps.reduce((a, b) => (smallestType(b.marks[layout] ?? []) < smallestType(a.marks[layout] ?? []) ? b : a));
    const step = steps.find((s) => s.key === least.key);
    if (!step) throw new Error(`no step ${least.key} on the page`);
    return step;
  });
}

/** Every label under `floor` px on the stage of each step, "lang/step: key “text” 12.3 px". */
async function underFloor(page: Page, lang: string, floor: number): Promise<string[]> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, `/${lang}/`);
  const layout = (await page.locator("[data-stage] > svg").getAttribute("data-layout")) as Layout;
  const out: string[] = [];
  let measured = 0;
  for (const step of smallestPerChapter(lang, layout, await readSteps(page))) {
    await jumpToStep(page, step.id);
    await expectStageShows(page, step);
    const { sizes } = await measureStage(page);
    expect(sizes.length, `${step.key}: visible words on the stage`).toBeGreaterThan(0);
    measured += sizes.length;
    for (const s of sizes) if (s.px < floor) out.push(`${lang}/${step.id}: ${s.key} “${s.text}” ${s.px.toFixed(1)} px`);
  }
  test.info().annotations.push({ type: "labels", description: `${lang}: ${measured} words measured in ${layout}` });
  return out;
}

for (const lang of LANGS) {
  test(`${lang}: no word on the stage under the floor (13 px on a desktop, 11 px on a phone) @no-landscape`, async ({ page }, testInfo) => {
    const floor = testInfo.project.use.isMobile ? LABEL_FLOOR.phone : LABEL_FLOOR.desktop;
    expect(await underFloor(page, lang, floor)).toEqual([]);
  });
}

test.describe("a large desktop @desktop-only", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test(`no word on the stage under ${LABEL_FLOOR.desktop} px at 1920 × 1080`, async ({ page }) => {
    expect(await underFloor(page, LANGS[0]!, LABEL_FLOOR.desktop)).toEqual([]);
  });
});

// The drawing uses the screen (issue 18: at 1920 × 1080 it stood in a narrow column between wide empty bands).
for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`the drawing at ${viewport.width} × ${viewport.height} @desktop-only`, () => {
    test.use({ viewport });
    test("sits beside the prose, fills most of the screen's height and leaves no wide band at its right", async ({ page }) => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      await open(page, `/${LANGS[0]}/`);
      const steps = await readSteps(page);
      const step = steps[Math.floor(steps.length / 2)]!;
      await jumpToStep(page, step.id);
      await expectStageShows(page, step);
      const g = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>("[data-stage] > svg")!;
        const box = svg.getBoundingClientRect();
        const vb = svg.viewBox.baseVal;
        const k = svg.getScreenCTM()!.a;
        // The drawing as drawn: the viewBox scaled, centred in the svg's box (preserveAspectRatio's default).
        const left = box.left + (box.width - vb.width * k) / 2;
        const card = document.querySelector(".step.is-active .step-text")!.getBoundingClientRect();
        const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
        return {
          left,
          right: left + vb.width * k,
          height: vb.height * k,
          prose: card.right,
          rem,
          width: document.documentElement.clientWidth,
        };
      });
      expect(g.left - g.prose, "the empty band between the prose and the drawing, px").toBeLessThanOrEqual(3 * g.rem);
      expect(g.left - g.prose, "the drawing clear of the prose, px").toBeGreaterThan(0);
      expect(g.height / viewport.height, "the drawing's share of the screen's height").toBeGreaterThanOrEqual(0.8);
      expect((g.width - g.right) / g.width, "the empty band right of the drawing, share of the screen's width").toBeLessThanOrEqual(0.1);
    });
  });
}

/**
 * The smallest word of each step's figure as drawn on a short screen, "lang/step: 11.8 px (file)": the font sizes the
 * figure file sets (it is an image: its text is not in the page), times the scale the image is drawn at.
 */
async function landscapeWords(page: Page, lang: string): Promise<{ id: string; px: number; file: string }[]> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await open(page, `/${lang}/`);
  const out: { id: string; px: number; file: string }[] = [];
  for (const step of smallestPerChapter(lang, LANDSCAPE_LAYOUT, await readSteps(page))) {
    const img = page.locator(`[id="${step.id}"] figure[data-figure] img`);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { message: step.id }).toBe(true);
    out.push(
      await img.evaluate(async (i: HTMLImageElement, id) => {
        // Read as text (a parsed document would apply the file's <style>, which the page's policy refuses).
        const svg = await (await fetch(i.currentSrc)).text();
        const [, , w, h] = /<svg\b[^>]*\bviewBox="([^"]+)"/.exec(svg)![1]!.split(/\s+/).map(Number);
        const box = i.getBoundingClientRect();
        // The image drawn whole in its box (object-fit: contain), at the smaller of its two scales.
        const scale = Math.min(box.width / w!, box.height / h!);
        const sizes = Array.from(svg.matchAll(/<text\b[^>]*\bfont-size="([\d.]+)"/g), (m) => Number(m[1]));
        return { id, px: Math.min(...sizes) * scale, file: i.currentSrc.split("/").pop()! };
      }, step.id),
    );
  }
  return out;
}

for (const { viewport, floor } of [
  { viewport: { width: 844, height: 390 }, floor: 12 },
  { viewport: { width: 915, height: 412 }, floor: 12 },
  { viewport: { width: 740, height: 360 }, floor: 11 },
]) {
  test.describe(`a phone on its side, ${viewport.width} × ${viewport.height} @short-screen`, () => {
    test.use({ viewport });
    for (const lang of LANGS) {
      test(`${lang}: each step's figure is the one drawn for the short screen, no word in it under ${floor} px`, async ({ page }) => {
        const found = await landscapeWords(page, lang);
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) expect(f.file, f.id).toMatch(new RegExp(`\\.${LANDSCAPE_LAYOUT}\\.svg$`));
        expect(found.filter((f) => f.px < floor).map((f) => `${lang}/${f.id}: ${f.px.toFixed(1)} px`)).toEqual([]);
        test.info().annotations.push({
          type: "labels",
          description: `${lang}: smallest figure word ${Math.min(...found.map((f) => f.px)).toFixed(2)} px at ${viewport.width} × ${viewport.height}`,
        });
      });
    }
  });
}
