// Sharing a step (docs/CONTRACT.md, `[data-share]`): every step ends in a share
// button, hidden without JavaScript and in print; with it, the button is
// reachable from the keyboard and copies the step's absolute deep link (the
// device's share sheet where there is one), saying so in a polite live region in
// the page's language; teardown hides the buttons and stops them working.
import type { Page } from "@playwright/test";
import { test, expect, LANGS, at, open, readSteps, storySteps, type Lang } from "./helpers.ts";
import { landmarks } from "./sample.ts";

test.use({ reducedMotion: "reduce", permissions: ["clipboard-read", "clipboard-write"] });

const COPIED: Record<Lang, string> = { de: "Link kopiert", en: "Link copied" };

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const status = (page: Page) => page.locator("[data-share-status]");

for (const lang of LANGS) {
  test(
    `${lang}: the share button copies the step's deep link, from the keyboard, and says so`,
    // Desktop and phone portrait cover mouse, keyboard and touch layouts.
    { tag: ["@subpath", lang === LANGS[0] ? "@no-landscape" : "@desktop-only"] },
    async ({ page, baseURL }, testInfo) => {
      const step = landmarks(await storySteps(page, lang)).middleOfLastChapter;
      await open(page, `/${lang}/`);
      const steps = await readSteps(page);
      await expect(page.locator("button[data-share]:visible")).toHaveCount(steps.length);
      await expect(status(page)).toHaveAttribute("aria-live", "polite");
      await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));

      const button = page.locator(`#${step.id} button[data-share]`);
      await expect(button).toHaveAttribute("data-share", step.id);
      await button.focus();
      await page.keyboard.press("Enter");
      const link = new URL(`${at(`/${lang}/`)}#${step.id}`, baseURL).href;
      await expect.poll(() => clipboard(page), { message: "the step's deep link is on the clipboard" }).toBe(link);
      await expect(status(page)).toHaveText(COPIED[lang]!);

      // the copied link opens on that step (a fresh load, not a jump within the page)
      await page.goto("about:blank");
      await page.goto(link);
      await expect(page.locator("[data-stage]")).toHaveAttribute("data-state", step.state);
      await expect(page.locator(`#${step.id}`)).toHaveClass(/is-active/);
    },
  );
}

test("where the device has a share sheet, the button hands it the step's link and title @desktop-only", async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __shared: ShareData[] };
    w.__shared = [];
    Object.defineProperty(navigator, "share", { value: async (data: ShareData) => void w.__shared.push(data), configurable: true });
  });
  const step = landmarks(await storySteps(page, "en")).middleOfFirstChapter;
  await open(page, "/en/");
  await page.evaluate(() => navigator.clipboard.writeText("untouched"));
  await page.locator(`#${step.id} button[data-share]`).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared))
    .toEqual([{ url: new URL(`${at("/en/")}#${step.id}`, baseURL).href, title: await page.title() }]);
  expect(await clipboard(page), "the share sheet, not the clipboard").toBe("untouched");
});

test("share buttons are absent without JavaScript, in print and after teardown @desktop-only @subpath", async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const noJs = await context.newPage();
    await noJs.goto(at("/en/"));
    const count = await noJs.locator("button[data-share]").count();
    expect(count, "each step has its button in the markup").toBe(await noJs.locator(".step").count());
    await expect(noJs.locator("button[data-share]:visible")).toHaveCount(0);
    await expect(noJs.locator("button[data-theme-toggle]:visible")).toHaveCount(0);
  } finally {
    await context.close();
  }
  await open(page, "/en/");
  await expect(page.locator("button[data-share]:visible").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("button[data-share]:visible")).toHaveCount(0);
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => document.dispatchEvent(new Event("story:teardown")));
  await expect(page.locator("button[data-share]:visible")).toHaveCount(0);
  await expect(page.locator("button[data-theme-toggle]:visible")).toHaveCount(0);
});
