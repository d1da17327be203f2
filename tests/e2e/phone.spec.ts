// Every word of every step is readable (docs/CONTRACT.md: "On a phone every word
// of every step is readable ... in portrait and landscape"). Runs in every project
// and measures the current viewport: desktop measures every step, the phones a
// sample (sample.ts: the first and last step of every chapter and a seeded middle
// one, a different one per language). While a step is the active one, each of its
// text lines, whenever it is inside the reading area (the viewport; in phone portrait
// the band under the opaque stage, which the cards pass under as the reader reads on),
// must be the topmost thing at its centre and ends (nothing covers it), must lie within
// the viewport's width, and must not be clipped, hidden, transparent or tiny; and each
// must be seen so at least once while its step is active.
// Reduced motion only makes the stage settle at once; the layout is the same.
import { test, expect, LANGS, open, readSteps, readabilityProblemsFor } from "./helpers.ts";
import { sampleSteps } from "./sample.ts";

for (const lang of LANGS) {
  test(`${lang}: every line of every step is readable while its step is active (no word covered, clipped or cut off)`, async ({
    page,
  }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await open(page, `/${lang}/`);
    // Every step in the first language on desktop; the other language, whose words run longer or shorter, by the sample.
    const steps = sampleSteps(await readSteps(page), testInfo.project.name, lang);
    expect(steps.length, "steps to measure").toBeGreaterThan(0);
    expect(await readabilityProblemsFor(page, steps)).toEqual([]);
  });
}

// A step and the whole figure are readable together: while a step is active, its
// card (with the chapter's title over a first card) fits in the part of the screen the
// stage leaves free (under it in portrait, beside it in landscape), so a card is read
// whole before it passes under the stage, and no card is taller than the screen.
// Every step, in both languages: a long step is a writing problem to catch early.
for (const lang of LANGS) {
  test(`${lang}: every step card fits in the space the stage leaves free`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await open(page, `/${lang}/`);
    const steps = await readSteps(page);
    const found = await page.evaluate(
      (ids) => {
        const stage = document.querySelector("[data-stage]")!.getBoundingClientRect();
        const vh = window.innerHeight;
        const side = stage.left > window.innerWidth / 3 || stage.right < (window.innerWidth * 2) / 3;
        // Portrait: from the stage's foot to the screen's; landscape or desktop: the whole height.
        const free = side ? vh : vh - stage.height;
        // The card: from the step's top (its chapter's title over a first card) to the card's foot; on a
        // short screen the step's own figure stands beside the card, and is a picture of its own (docs/CONTRACT.md;
        // that both fit one screen is the test below).
        const cardHeight = (id: string) => {
          const step = document.getElementById(id)!;
          return step.querySelector(".step-text")!.getBoundingClientRect().bottom - step.getBoundingClientRect().top;
        };
        return ids
          .map((id) => ({ id, h: cardHeight(id) }))
          .filter((c) => c.h > free)
          .map((c) => `${c.id}: card ${Math.round(c.h)} px, room ${Math.round(free)} px`);
      },
      steps.map((s) => s.id),
    );
    expect(found).toEqual([]);
  });
}

// A phone on its side (at most 500 px high) has no stage: each step shows its own figure
// (docs/CONTRACT.md). The card and its figure are read together: from the step's top (its
// chapter's title over a first card) to the lower of card and figure foot, a step is no
// taller than the screen, and the figure is not shrunk to a stamp to get there (at least
// a third of the screen's width). Every step, in both languages.
for (const lang of LANGS) {
  // Only a short screen shows the steps' own figures: the phone-landscape project alone runs it (playwright.config.ts).
  test(`${lang}: on a short screen each step's card and its figure fit one screen together @short-screen`, async ({ page }) => {
    expect(page.viewportSize()?.height ?? 0, "a short screen").toBeLessThanOrEqual(500);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await open(page, `/${lang}/`);
    const steps = await readSteps(page);
    const found = await page.evaluate(
      (ids) => {
        const vh = window.innerHeight;
        const vw = window.innerWidth;
        return ids.flatMap((id) => {
          const step = document.getElementById(id)!;
          const svg = step.querySelector("figure[data-figure] :is(svg, img)");
          const card = step.querySelector(".step-text")!.getBoundingClientRect();
          const fig = svg?.getBoundingClientRect();
          if (!fig || fig.height === 0 || getComputedStyle(step.querySelector("figure[data-figure]")!).display === "none")
            return [`${id}: no figure shown`];
          const h = Math.max(card.bottom, fig.bottom) - step.getBoundingClientRect().top;
          const out: string[] = [];
          if (h > vh) out.push(`${id}: card and figure ${Math.round(h)} px, screen ${vh} px`);
          if (fig.width < vw / 3) out.push(`${id}: figure ${Math.round(fig.width)} px wide, screen ${vw} px`);
          return out;
        });
      },
      steps.map((s) => s.id),
    );
    expect(found).toEqual([]);
  });
}
