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
import { ui } from "../../src/story/page.ts";

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

// Review 34: the root opened with wordless lead grids that read as unlabelled data, the headline under the fold.
// Graphics reviews 48 item 10 and 49 item 8: two full teasers, each with the same lead picture, stacked without a
// masthead (about 1,850 px on a phone), read like a test page. One front page: a masthead with each language's kicker,
// then one block per language, then the story's lead picture once, in the page's language.
test("the root page is one front page: a masthead, the headline on the first screen, a block of its own per language, one lead picture @no-landscape", async ({
  page,
}) => {
  await open(page, "/");
  const seen = await page.evaluate(() => {
    const h1 = document.querySelector("h1");
    const mast = document.querySelector("main > header.front-mast");
    return {
      h1: document.querySelectorAll("h1").length,
      lang: document.documentElement.lang,
      // the first thing on the page, whole on the first screen: nothing before it but the masthead and the name of its
      // block's language
      fold: h1 ? { top: h1.getBoundingClientRect().top, bottom: h1.getBoundingClientRect().bottom, vh: window.innerHeight } : null,
      before: h1
        ? [...document.querySelectorAll("main *")]
            .filter((e) => e.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING && !e.contains(h1))
            .filter((e) => !mast?.contains(e) && !e.matches(".front-langname"))
            .map((e) => e.tagName)
        : null,
      // the masthead: each language's kicker, marked as that language, above the blocks
      kickers: [...(mast?.querySelectorAll(".front-kicker [lang]") ?? [])].map((e) => ({
        lang: e.getAttribute("lang"),
        text: e.textContent?.trim(),
      })),
      mastAbove: mast !== null && h1 !== null && mast.getBoundingClientRect().bottom <= h1.getBoundingClientRect().top,
      // one front page, not one per language: on a phone no more than about one and a half screens
      height: document.documentElement.scrollHeight / window.innerHeight,
      blocks: [...document.querySelectorAll("section.front-lang")].map((s) => ({
        lang: s.getAttribute("lang"),
        heading: s.querySelector("h1, h2")?.textContent?.trim(),
        labelled: s.getAttribute("aria-labelledby") === s.querySelector("h1, h2")?.id,
        dek: s.querySelector(".front-dek")?.textContent?.trim(),
        links: [...s.querySelectorAll("a")].map((a) => ({
          hreflang: a.getAttribute("hreflang"),
          path: new URL(a.href).pathname,
          text: a.textContent,
        })),
        // a block holds no words of another language's block, nor a picture
        own: !s.querySelector("[lang]"),
        figures: s.querySelectorAll("figure, svg").length,
      })),
      // Graphics review 46, item 3: the lead's shapes alone, wordless, read as an explanatory figure that explained
      // nothing. Graphics review 52, item 4: on a page for both languages it was labelled in English only. The root
      // carries the lead once, with its words in both languages, each word marked with its own.
      lead: [...document.querySelectorAll("main figure")].map((f) => ({
        own: f.getAttribute("lang"),
        words: [...f.querySelectorAll(".lead-wide svg text")].map((t) => ({ text: t.textContent, lang: t.getAttribute("lang") })),
        named: (f.querySelector(".lead-wide svg title")?.textContent?.trim().length ?? 0) > 0,
        hidden: f.closest("[aria-hidden]") !== null,
      })),
    };
  });
  expect(seen.lead, "one lead picture").toHaveLength(1);
  const lead = seen.lead[0]!;
  expect(lead.own, "the lead in no one language").toBeNull();
  // Graphics review 53, item 2: the lead is the hook, not chapter 1's reading guide: no chapter numbers in it (those are
  // the last step's), so every word it draws is a word of one language, marked with it.
  expect(lead.words.length, "the lead's words").toBeGreaterThan(5);
  for (const w of lead.words) expect(w.text ?? "", "no chapter number in the lead").not.toMatch(/\d/);
  for (const w of lead.words) expect(LANGS, `"${w.text}" marked`).toContain(w.lang);
  expect(lead.named && !lead.hidden, "the lead is a named figure").toBe(true);
  expect(seen.kickers.map((k) => k.lang)).toEqual(LANGS);
  expect(seen.mastAbove, "the masthead above the headline").toBe(true);
  expect(seen.h1).toBe(1);
  expect(seen.before).toEqual([]);
  expect(seen.fold!.top).toBeGreaterThanOrEqual(0);
  expect(seen.fold!.bottom).toBeLessThanOrEqual(seen.fold!.vh);
  expect(seen.height, "the page's height in screens").toBeLessThanOrEqual(1.75);
  expect(seen.blocks.map((b) => b.lang)).toEqual(LANGS);
  for (const [i, b] of seen.blocks.entries()) {
    const l = LANGS[i]!;
    expect(b.heading).toBe(ui(l, "title"));
    expect(b.labelled).toBe(true);
    expect(b.dek).toBe(ui(l, "dek"));
    expect(b.own).toBe(true);
    expect(b.figures, `${l}: no picture in the block`).toBe(0);
    expect(b.links).toHaveLength(1);
    expect(b.links[0]!.hreflang).toBe(l);
    expect(b.links[0]!.path).toMatch(new RegExp(`/${l}/$`));
    expect(b.links[0]!.text).toContain(ui(l, "readIn"));
  }
  // every line of each language's story lead stands in the root's, in that language's words
  const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();
  const all = squeeze(lead.words.map((w) => w.text).join(" "));
  for (const l of LANGS) {
    await open(page, `/${l}/`);
    const story = await page.evaluate(() => ({
      words: [...document.querySelectorAll("figure[data-lead] .lead-wide svg text")].map((t) => t.textContent ?? ""),
      kicker: document.querySelector(".opening .kicker")?.textContent?.trim(),
    }));
    // (its three names, the GPU, the planned chip and its data centres, and its key: graphics review 53, item 2)
    expect(story.words.length, `${l}: the story's lead`).toBeGreaterThanOrEqual(4);
    for (const line of story.words) expect(all, `${l}: "${line}" in the root's lead`).toContain(squeeze(line));
    expect(seen.kickers.find((k) => k.lang === l)?.text).toBe(story.kicker);
  }
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
