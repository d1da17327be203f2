// The live stage moves marks on the compositor (docs/CONTRACT.md has no hook for it;
// this is issue 17's rule, src/render/live.ts): while a transition runs, marks move
// and fade by their CSS transform and opacity, and their geometry attributes are
// written once, when they settle. An attribute that changes frame by frame makes
// Blink restyle, re-lay out and repaint the whole stage SVG. The named exception is
// a morph (a path or line whose shape changes): it may be tweened as geometry; the test
// counts them in its annotations.
// Walks every transition of the story on desktop (one chapter's states are its
// scene's; the phone draws the same marks in another layout).
import { test, expect, expectSettledOn, open, readSteps, yForStep } from "./helpers.ts";

/** Geometry attributes: written only at rest, unless the mark is a morph (below). */
const GEOMETRY = ["x", "y", "width", "height", "cx", "cy", "r", "font-size", "transform", "opacity"];
/** A morph's attributes: a path's data, a line's ends. */
const MORPH = ["d", "x1", "y1", "x2", "y2"];

test("@desktop-only marks move and fade by transform and opacity; their geometry is written once, at rest", async ({ page }) => {
  await open(page, "/en/");
  const steps = await readSteps(page);
  await page.evaluate(() => {
    const w = window as unknown as { __writes: Record<string, number> };
    w.__writes = {};
    let id = 0;
    const ids = new WeakMap<Node, number>();
    new MutationObserver((records) => {
      for (const r of records) {
        if (!ids.has(r.target)) ids.set(r.target, id++);
        const el = r.target as Element;
        const k = `${el.tagName.toLowerCase()}#${ids.get(r.target)}:${el.getAttribute("data-key")}:${r.attributeName}`;
        w.__writes[k] = (w.__writes[k] ?? 0) + 1;
      }
    }).observe(document.querySelector("[data-stage] svg")!, { attributes: true, subtree: true });
  });
  let transitions = 0;
  const morphs: string[] = [];
  for (const step of steps.slice(1)) {
    await page.evaluate(() => ((window as unknown as { __writes: Record<string, number> }).__writes = {}));
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: "instant" }), await yForStep(page, step.id));
    await expectSettledOn(page, step);
    const writes = await page.evaluate(() => (window as unknown as { __writes: Record<string, number> }).__writes);
    const where = `→ ${step.key}`;
    for (const [k, n] of Object.entries(writes)) {
      const attr = k.split(":").at(-1)!;
      // at most twice: a box of no width drawn at its new size when it starts, and the settle
      if (GEOMETRY.includes(attr)) expect(n, `${where}: ${k} written ${n} times`).toBeLessThanOrEqual(2);
      if (MORPH.includes(attr) && n > 2) {
        // a morph is a path's data or a line's ends, nothing else
        expect(k, `${where}: ${k} tweened as geometry`).toMatch(/^(path|line)#/);
        morphs.push(`${where} ${k.split(":").slice(1, 2)}`);
      }
    }
    transitions++;
  }
  expect(transitions).toBe(steps.length - 1);
  // How many morphs there are is a figure for the note, not a pass mark (links between nodes that move).
  test.info().annotations.push({ type: "morphs", description: `${new Set(morphs).size} in ${transitions} transitions` });
});
