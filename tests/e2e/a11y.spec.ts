// Accessibility gate (axe-core): WCAG 2.2 A and AA (with 2.0 and 2.1) and axe's
// best-practice rules find nothing, of any impact, on the root page and on both
// story pages, on desktop and phone, on screen at the top (chapter menu closed and
// open) and mid-story (JavaScript
// on, the stage settled), and in print media mid-story (the static figures, as
// the print edition shows them). A scan costs seconds and grows with the page:
// axe reports violations only, one page serves the three scans of a language, and
// phone-landscape leaves it to the phone (same markup, same colours).
// The dark scheme gets its own colour-contrast scan on desktop and phone (the
// figures' words are checked in both schemes by theme.spec.ts: axe does not read
// SVG text). Phone-landscape leaves these scans to the phone (@no-landscape).
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, LANGS, expectSettledOn, jumpToStep, open, openChapterMenu, readSteps } from "./helpers.ts";
import { landmarks } from "./sample.ts";
import { leadFigure, ui } from "../../src/story/page.ts";

// What this file checks does not depend on motion: states change at once, which keeps the suite fast.
// Animated transitions are covered by scroll, transitions, motion, resize and teardown specs.
test.use({ reducedMotion: "reduce" });

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withTags(AXE_TAGS)
    .analyze();
  // the scan really ran the rules asked for (a typo in a tag would silently check nothing)
  expect(result.toolOptions.runOnly, where).toEqual({ type: "tag", values: AXE_TAGS });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ").slice(0, 300)}`),
  );
}

/** Colour-contrast violations only, of any impact. */
async function contrastViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .withRules(["color-contrast"])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ").slice(0, 300)}`),
  );
}

test("the root page has no accessibility violation @no-landscape", async ({ page }) => {
  await open(page, "/");
  expect(await violations(page, "/")).toEqual([]);
});

test("the root page's picture speaks the language of the headline it stands under @no-landscape", async ({ page }) => {
  await open(page, "/");
  const seen = await page.evaluate(() => {
    const figure = document.querySelector("figure.front-lead")!;
    const shown = [...figure.querySelectorAll("svg")].find((s) => s.getClientRects().length > 0);
    return {
      headline: document.querySelector("h1 > span")?.getAttribute("lang"),
      figure: figure.getAttribute("lang"),
      title: shown?.querySelector("title")?.textContent,
      words: [...(shown?.querySelectorAll("text") ?? [])].map((t) => t.textContent ?? "").join(" "),
    };
  });
  expect(seen.headline).toBe(LANGS[0]);
  expect(seen.figure).toBe(LANGS[0]);
  expect(seen.title).toBe(ui(LANGS[0]!, "leadAlt"));
  // its words are that language's labels: none of another language's lead picture is in it unless both share it
  for (const other of LANGS.slice(1)) {
    const theirs = leadFigure(other)
      .wide.match(/<text[^>]*>([^<]+)<\/text>/g)!
      .map((t) => t.replace(/<[^>]+>/g, ""));
    const foreign = theirs.filter((w) => !leadFigure(LANGS[0]!).wide.includes(`>${w}<`));
    expect(foreign.length).toBeGreaterThan(0);
    for (const w of foreign) expect(seen.words, w).not.toContain(w);
  }
});

for (const lang of LANGS) {
  // The phone scans the first language (same layout and colours in both); desktop scans both.
  test(`${lang}: no accessibility violation on screen at the top and mid-story, nor in print @no-landscape${lang === LANGS[0] ? "" : " @desktop-only"}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    await expect.poll(() => page.locator("[data-stage]").getAttribute("data-settled")).toBe("true");
    const found = await violations(page, "screen, top");
    const step = landmarks(await readSteps(page)).middle;
    await jumpToStep(page, step.id);
    await expectSettledOn(page, step);
    found.push(...(await violations(page, `screen, at ${step.id}`)));
    await page.emulateMedia({ media: "print" });
    found.push(...(await violations(page, `print, at ${step.id}`)));
    expect(found).toEqual([]);
  });
}

test("the chapter menu open (its list and the animation switch over the opening) has no accessibility violation, in either scheme @no-landscape", async ({
  page,
}) => {
  await open(page, `/${LANGS[0]}/`);
  await openChapterMenu(page);
  const found = await violations(page, "chapter menu open");
  await page.emulateMedia({ colorScheme: "dark" });
  found.push(...(await contrastViolations(page, "chapter menu open, dark")));
  expect(found).toEqual([]);
});

test("dark scheme: no colour-contrast violation on the chooser, the 404 page and the story, at the top and mid-story @no-landscape", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const found: string[] = [];
  for (const path of ["/", "/404.html"]) {
    await open(page, path);
    // the dark scheme is the one shown (the scan below would pass the light one just as well)
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(22, 21, 19)");
    found.push(...(await contrastViolations(page, path)));
  }
  await open(page, `/${LANGS[0]}/`);
  await expect.poll(() => page.locator("[data-stage]").getAttribute("data-settled")).toBe("true");
  found.push(...(await contrastViolations(page, "at top")));
  const step = landmarks(await readSteps(page)).middleOfLastChapter;
  await jumpToStep(page, step.id);
  await expectSettledOn(page, step);
  found.push(...(await contrastViolations(page, `at ${step.id}`)));
  expect(found).toEqual([]);
});
