// Screen readers: the live stage is hidden from the accessibility tree (it is a
// picture of the step being read); each step carries its figure's text
// alternative in the page's language, and scenes with numbers also give them as
// a table. Checked in Chromium's accessibility tree (ariaSnapshot), not only in
// the markup.
import { test, expect, LANGS, open } from "./helpers.ts";

test.use({ reducedMotion: "reduce" });

for (const lang of LANGS) {
  test(
    `${lang}: the stage is hidden from screen readers; every step reads its figure's text alternative, and tables give the numbers`,
    { tag: lang === LANGS[0] ? [] : ["@desktop-only"] },
    async ({ page }) => {
      await open(page, `/${lang}/`);
      await expect(page.locator("html")).toHaveClass(/\bjs\b/);
      // The stage and everything in it are out of the accessibility tree.
      expect(await page.locator(".stage-wrap").ariaSnapshot()).toBe("");
      const steps = await page.locator(".step").evaluateAll((els) =>
        els.map((s) => ({
          id: s.id,
          alt: s.querySelector(".step-figure img")?.getAttribute("alt") ?? "",
          figureShown: getComputedStyle(s.querySelector(".step-figure")!).display !== "none",
          tables: s.querySelectorAll("table").length,
        })),
      );
      expect(steps.length).toBeGreaterThan(0);
      let tables = 0;
      for (const step of steps) {
        expect(step.alt.length, step.id).toBeGreaterThan(20);
        const tree = await page.locator(`[id="${step.id}"]`).ariaSnapshot();
        // With the stage running the static figure is not shown, so the text alternative must be read from the step itself.
        expect(step.figureShown, step.id).toBe(false);
        expect(tree.replace(/\s+/g, " "), `${step.id} does not read its figure's text alternative`).toContain(
          step.alt.replace(/\s+/g, " ").slice(0, 60),
        );
        if (step.tables) {
          tables++;
          expect(tree, `${step.id}: its table is not in the accessibility tree`).toMatch(/- table/);
          expect(tree).toMatch(/- (row|columnheader|rowheader)/);
        }
      }
      expect(tables, "no step offers its numbers as a table").toBeGreaterThanOrEqual(4);
    },
  );
}
