// Keyboard readers see where they are: tabbing through the whole page reaches
// the skip link first, then the chapter navigation, the glossary's disclosures
// and every other visible control, and each shows a visible focus ring.
import { test, expect, open } from "./helpers.ts";

test.use({ reducedMotion: "reduce" });

const describe = (e: Element) =>
  `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 40)}" ${e.getAttribute("href") ?? e.getAttribute("aria-controls") ?? ""}`;

test("Tab reaches every visible control in turn, each with a visible focus ring @desktop-only", async ({ page }) => {
  await open(page, "/en/");
  await expect(page.locator("button.term-toggle").first()).toBeAttached();
  const expected = await page.evaluate((fn) => {
    const d = new Function(`return ${fn}`)() as (e: Element) => string;
    return [...document.querySelectorAll<HTMLElement>("a[href], button, summary, [tabindex]:not([tabindex='-1'])")]
      .filter(
        (e) =>
          e.checkVisibility({ visibilityProperty: true }) &&
          !e.closest("[inert], [aria-hidden='true']") &&
          !(e as HTMLButtonElement).disabled,
      )
      .map(d);
  }, describe.toString());
  expect(expected.length).toBeGreaterThan(10);
  const seen: { what: string; ring: boolean }[] = [];
  for (let i = 0; i < expected.length + 5; i++) {
    await page.keyboard.press("Tab");
    const now = await page.evaluate((fn) => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const d = new Function(`return ${fn}`)() as (e: Element) => string;
      const s = getComputedStyle(e);
      const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== "none" && s.boxShadow !== "");
      return { what: d(e), ring };
    }, describe.toString());
    if (!now) break;
    seen.push(now);
  }
  expect(seen.map((s) => s.what)).toEqual(expected);
  expect(seen.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);
  expect(seen[0]!.what).toMatch(/^a "Skip/);
  expect(seen.filter((s) => s.what.startsWith("button")).length).toBeGreaterThan(0);
});
