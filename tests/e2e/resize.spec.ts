// Resize and rotate (docs/CONTRACT.md): after the viewport changes, the stage settles
// on the state of the last step above the middle, with exactly one active step.
import {
  test,
  expect,
  LANGS,
  activeIds,
  expectSettledOn,
  expectSettledOnGeometry,
  jumpToStep,
  readSteps,
  open,
  waitForScrollStop,
} from "./helpers.ts";
import { landmarks } from "./sample.ts";
import { LANDSCAPE_LAYOUT } from "../../src/story/config.ts";

const SIZES = [
  { width: 800, height: 1000 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 1280, height: 800 },
];

// Layout mechanics do not depend on the language; the German text is the longer one.
for (const lang of LANGS.filter((l) => l === "de")) {
  test(`${lang}: resizing and rotating mid-story keeps the stage on the step at the trigger line`, async ({ page }) => {
    await open(page, `/${lang}/`);
    const steps = await readSteps(page);
    const start = landmarks(steps).middle;
    await jumpToStep(page, start.id, 60);
    await expectSettledOn(page, start);

    for (const size of SIZES) {
      await page.setViewportSize(size);
      await waitForScrollStop(page);
      const step = await expectSettledOnGeometry(page, steps);
      expect(step, `at ${size.width}x${size.height} a step is active`).not.toBeNull();
      expect(await activeIds(page)).toHaveLength(1);
      // and the story still works at this size: the next step takes over
      const next = steps[steps.indexOf(step!) + 1] ?? steps[steps.indexOf(step!) - 1]!;
      await jumpToStep(page, next.id);
      await expectSettledOn(page, next);
      await jumpToStep(page, start.id, 60);
      await expectSettledOn(page, start);
    }
  });
}

// A phone turned on its side draws the stage in the short screen's own layout (`land`, beside the
// prose), turned back upright in the phone's (`square`): each turn redraws the step at the trigger
// line in the new layout, from that layout's own data.
test("rotating a phone between portrait and landscape switches the stage between square and land", async ({ page }) => {
  const files: string[] = [];
  page.on("request", (r) => {
    if (/\/stage\/[^/]+\.json$/.test(r.url())) files.push(new URL(r.url()).pathname.replace(/^.*\//, ""));
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `/${LANGS[0]}/`);
  const steps = await readSteps(page);
  const start = landmarks(steps).middle;
  await jumpToStep(page, start.id, 60);
  await expectSettledOn(page, start);
  const svg = page.locator("[data-stage] > svg");
  for (const [size, layout] of [
    [{ width: 844, height: 390 }, LANDSCAPE_LAYOUT],
    [{ width: 390, height: 844 }, "square"],
    [{ width: 740, height: 360 }, LANDSCAPE_LAYOUT],
  ] as const) {
    await page.setViewportSize(size);
    await waitForScrollStop(page);
    await expect(svg, `at ${size.width}x${size.height}`).toHaveAttribute("data-layout", layout);
    const step = await expectSettledOnGeometry(page, steps);
    expect(step, `at ${size.width}x${size.height} a step is active`).not.toBeNull();
    expect(files, `at ${size.width}x${size.height}: its chapter in ${layout}`).toContain(`${step!.slug}.${layout}.json`);
  }
});
