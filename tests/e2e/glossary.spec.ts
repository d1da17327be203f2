// Glossary terms (issue: terms a general reader may not know are explained where
// they first appear): without JavaScript each first use carries its explanation
// as a note; with JavaScript the term is a button that discloses it, reachable by
// keyboard, with aria-expanded telling its state. Later uses stay plain.
import { test, expect, LANGS, open } from "./helpers.ts";
import { onPhones } from "./sample.ts";

test.use({ reducedMotion: "reduce" });

for (const lang of LANGS) {
  test(`${lang}: each term is explained once, at its first use, as a note without JavaScript${onPhones(lang)}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${lang}/`);
    const terms = await page.$$eval(".term[data-term]", (els) =>
      els.map((e) => ({ id: e.getAttribute("data-term"), first: e.classList.contains("term-first") })),
    );
    expect(terms.length, "the story marks terms").toBeGreaterThan(0);
    const firsts = terms.filter((t) => t.first).map((t) => t.id);
    expect(new Set(firsts).size, "one explanation per term").toBe(firsts.length);
    expect(new Set(terms.map((t) => t.id))).toEqual(new Set(firsts));
    // The first use in reading order is the explained one.
    const order = terms.map((t) => t.id);
    for (const t of terms.filter((x) => x.first)) expect(order.indexOf(t.id)).toBe(terms.findIndex((x) => x.id === t.id && x.first));
    for (const note of await page.locator(".term-def").all()) await expect(note).toBeVisible();
    await context.close();
  });

  test(`${lang}: with JavaScript a term is a disclosure button that shows and hides its explanation${onPhones(lang)}`, async ({ page }) => {
    await open(page, `/${lang}/`);
    const button = page.locator(".term-toggle").first();
    const note = page.locator(`#${await button.getAttribute("aria-controls")}`);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(note).toBeHidden();
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(note).toBeVisible();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(note).toBeHidden();
  });
}
