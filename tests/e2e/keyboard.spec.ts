// No key is hijacked (docs/CONTRACT.md): the usual keys scroll the page and the stage
// follows; Tab reaches the chapter navigation, every link, every step's share
// button and the colour-scheme toggle.
import type { Page } from "@playwright/test";
import { test, expect, LANGS, activeIds, expectSettledOnGeometry, expectedStep, open, readSteps, waitForScrollStop } from "./helpers.ts";

// What this file checks does not depend on motion: states change at once, which keeps the suite fast.
// Animated transitions are covered by scroll, transitions, motion, resize and teardown specs.
test.use({ reducedMotion: "reduce" });

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

for (const lang of LANGS) {
  // scrolling keys: one language is enough (the mechanics are shared); Tab: both
  if (lang === "de")
    test(`${lang}: PageDown, Space, ArrowDown, End and Home scroll the page, and the stage follows`, async ({ page }) => {
      await open(page, `/${lang}/`);
      const steps = await readSteps(page);
      // focus the document without focusing a control
      await page.locator("h1").click();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");

      // PageDown until the story begins
      let y = await scrollY(page);
      let presses = 0;
      while ((await expectedStep(page)) === null && presses < 20) {
        await page.keyboard.press("PageDown");
        await waitForScrollStop(page);
        const next = await scrollY(page);
        expect(next, `PageDown #${presses + 1} scrolls down`).toBeGreaterThan(y);
        y = next;
        presses++;
      }
      const first = await expectSettledOnGeometry(page, steps);
      expect(first, "PageDown reached the story").not.toBeNull();

      for (const key of ["Space", "PageDown", "Space", "ArrowDown", "ArrowDown", "ArrowDown"]) {
        await page.keyboard.press(key);
        await waitForScrollStop(page);
        const next = await scrollY(page);
        expect(next, `${key} scrolls down`).toBeGreaterThan(y);
        y = next;
        if (key !== "ArrowDown") await expectSettledOnGeometry(page, steps);
      }
      await expectSettledOnGeometry(page, steps);
      expect(await activeIds(page)).toHaveLength(1);

      await page.keyboard.press("End");
      await waitForScrollStop(page);
      // End goes all the way down (further than the keys before, unless they had reached the bottom already)
      const bottom = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      await expect.poll(() => scrollY(page), { message: "End scrolls to the bottom of the page" }).toBeGreaterThanOrEqual(bottom - 1);
      expect(await scrollY(page)).toBeGreaterThanOrEqual(y);
      expect((await expectSettledOnGeometry(page, steps))?.id).toBe(steps.at(-1)!.id);

      await page.keyboard.press("PageUp");
      await waitForScrollStop(page);
      const up = await scrollY(page);
      await expectSettledOnGeometry(page, steps);

      await page.keyboard.press("Home");
      await waitForScrollStop(page);
      expect(await scrollY(page)).toBeLessThan(up);
      expect(await scrollY(page)).toBe(0);
      expect(await expectSettledOnGeometry(page, steps)).toBeNull();
    });

  test(`${lang}: Tab from the top reaches the chapter menu and, opened, every chapter, then the language switch, the PDF, every link and every share button`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    // The chapter links are folded into the top bar's menu: listed with it open, reached by opening it as a keyboard user does.
    const setMenu = (open: boolean) =>
      page.evaluate((o) => ((document.querySelector("details[data-menu]") as HTMLDetailsElement).open = o), open);
    await setMenu(true);
    const links = await page.evaluate(() =>
      // what is rendered (print-only parts such as the cover's links are not on screen to reach)
      Array.from(document.querySelectorAll<HTMLElement>("a[href], button[data-share], button[data-theme-toggle]"))
        .filter((a) => a.getClientRects().length > 0)
        .map((a, i) => {
          a.dataset.e2eIndex = String(i);
          return {
            i,
            text: (a.textContent ?? "").trim(),
            hash: a instanceof HTMLAnchorElement ? a.hash : "",
            nav: a.hasAttribute("data-nav"),
            pdf: a.hasAttribute("data-pdf"),
            lang: a.hasAttribute("data-lang-switch"),
            share: a.hasAttribute("data-share"),
            theme: a.hasAttribute("data-theme-toggle"),
          };
        }),
    );
    // every other control Tab passes on the way (the glossary's terms)
    const others = await page.evaluate(() => document.querySelectorAll("button:not([data-share]):not([data-theme-toggle])").length);
    const chapters = await page.evaluate(() => Array.from(document.querySelectorAll("section[data-chapter]")).map((s) => `#${s.id}`));
    await setMenu(false);
    expect(chapters.length, "the story has chapters").toBeGreaterThan(0);
    expect(
      links.filter((l) => l.nav).map((l) => l.hash),
      "the chapter navigation links every chapter, in order",
    ).toEqual(chapters);
    expect(links.filter((l) => l.pdf).length).toBe(1);
    expect(links.filter((l) => l.lang).length).toBe(1);
    expect(links.filter((l) => l.theme).length, "the colour-scheme toggle").toBe(1);
    expect(links.filter((l) => l.share).length, "one share button per step").toBe(await page.locator(".step").count());

    const reached = new Set<number>();
    const notVisible: string[] = [];
    let opened = false;
    for (let n = 0; n < links.length + others + 15 && reached.size < links.length; n++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const r = el.getBoundingClientRect();
        const visible =
          r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
        const menu = el.tagName === "SUMMARY" && el.parentElement!.matches("details[data-menu]");
        return { index: el.dataset.e2eIndex ?? null, tag: el.tagName, text: (el.textContent ?? "").trim().slice(0, 40), visible, menu };
      });
      if (!focused) continue;
      if (focused.menu && !opened) {
        // Enter on the menu's button opens the chapter list; Tab goes on into it
        await page.keyboard.press("Enter");
        opened = true;
      }
      if (focused.index !== null) reached.add(Number(focused.index));
      if (!focused.visible) notVisible.push(`${focused.tag} "${focused.text}"`);
    }
    const missing = links
      .filter((l) => !reached.has(l.i))
      .map(
        (l) =>
          `"${l.text}"${l.nav ? " [data-nav]" : ""}${l.pdf ? " [data-pdf]" : ""}${l.lang ? " [data-lang-switch]" : ""}${l.share ? " [data-share]" : ""}${l.theme ? " [data-theme-toggle]" : ""}`,
      );
    expect(missing, "links and buttons Tab never reached").toEqual([]);
    expect(notVisible, "focused elements that were off screen or invisible").toEqual([]);
  });
}
