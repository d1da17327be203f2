// When a chapter's stage data cannot load, the story degrades instead of
// breaking: the stage steps aside (data-fallback, its svg hidden, settled), the
// chapter gets data-stage-failed and its steps show their static figures again
// (docs/CONTRACT.md: every step has its static figure; "once scrolling stops the
// stage settles, within 2 seconds"; "no console error or uncaught exception").
// A later successful load brings the stage back. The failing chapter is a place
// in the story (the second chapter; the first one for the load-time case), never
// a pinned slug.
//
// The console check: helpers.ts's fixture fails a test on any console error.
// Chromium itself logs "Failed to load resource: …" as a console error for a
// response that failed at the network level or came back 404, and that is the
// very failure these tests cause. This spec's fixture therefore ignores exactly
// that message for exactly the URLs a test broke (recorded by the route that
// broke them), and still fails on any other console error, on any uncaught
// exception and on any unhandled promise rejection (`pageerror`).
import { test as base, expect, type Page, type Route } from "@playwright/test";
import {
  SETTLE_MS,
  expectSettledOn,
  expectedStep,
  expectStageShows,
  jumpTo,
  jumpToStep,
  open,
  readStage,
  readSteps,
  storySteps,
  waitForScrollStop,
  type StepInfo,
} from "./helpers.ts";
import { landmarks } from "./sample.ts";

const test = base.extend<{ broken: Set<string>; pageErrors: string[] }>({
  // full URLs whose failure the test caused on purpose
  broken: async ({}, use) => {
    await use(new Set<string>());
  },
  pageErrors: [
    async ({ page, broken }, use) => {
      const errors: string[] = [];
      const ignored: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        const url = msg.location().url;
        if (msg.text().startsWith("Failed to load resource") && broken.has(url)) ignored.push(url);
        else errors.push(`console.error: ${msg.text()} @ ${url}:${msg.location().lineNumber}`);
      });
      page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, "console errors (other than the broken loads' own) and uncaught exceptions during this test").toEqual([]);
    },
    { auto: true },
  ],
});

const FAILURES = ["offline", "404", "broken JSON"] as const;
type Failure = (typeof FAILURES)[number];

interface Breakage {
  /** How many requests for the chapter's data the route failed. */
  hits(): number;
  /** Lets the chapter's data through again. */
  repair(): Promise<void>;
}

/** Makes every request for the stage data of chapter `slug` fail in the given way. */
async function breakStageData(page: Page, slug: string, failure: Failure, broken: Set<string>): Promise<Breakage> {
  const file = `/stage/${encodeURIComponent(slug)}.json`;
  const matches = (url: URL) => url.pathname.endsWith(file);
  let hits = 0;
  const handler = async (route: Route) => {
    hits++;
    broken.add(route.request().url());
    if (failure === "offline") await route.abort("internetdisconnected");
    else if (failure === "404") await route.fulfill({ status: 404, contentType: "text/plain", body: "not found" });
    else await route.fulfill({ status: 200, contentType: "application/json", body: `{"slug": "${slug}", "states": {"` });
  };
  await page.route(matches, handler);
  return { hits: () => hits, repair: () => page.unroute(matches, handler) };
}

/**
 * Scrolls so that `step` is the active one (its top above the trigger line) and
 * its static figure lies inside the viewport as far as possible.
 */
async function bringFigureIntoView(page: Page, step: StepInfo): Promise<void> {
  const y = await page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const fig = el.querySelector("figure[data-figure]");
    const vh = window.innerHeight;
    const s = el.getBoundingClientRect();
    let top = vh / 2 - 10; // the step's top just above the trigger line
    if (fig) {
      const f = fig.getBoundingClientRect();
      // raise the step until the figure's bottom is in view, but never above its figure's top
      top = Math.min(top, vh - 10 - (f.bottom - s.top));
      top = Math.max(top, 10 - (f.top - s.top));
      top = Math.min(top, vh / 2 - 10);
    }
    return s.top + window.scrollY - top;
  }, step.id);
  await jumpTo(page, y);
}

/**
 * Scrolled so that `step` is the active one: the stage has stepped aside for
 * its chapter, settled within 2 s, with `step` active; then, scrolled so that
 * the step's static figure is in view (the step still the active one), the
 * figure is displayed, has a box, lies in the viewport and nothing covers it.
 */
async function expectFallbackOn(page: Page, step: StepInfo): Promise<void> {
  // settled within 2 s, on the step's scene and state, with exactly this step .is-active
  await expectSettledOn(page, step, SETTLE_MS);
  await expectFallbackAttributes(page, step);
  await bringFigureIntoView(page, step);
  await expectSettledOn(page, step, SETTLE_MS);
  const state = await page.evaluate((id) => {
    const fig = document.getElementById(id)?.querySelector<HTMLElement>("figure[data-figure]") ?? null;
    const r = fig?.getBoundingClientRect();
    const vh = window.innerHeight;
    const vw = document.documentElement.clientWidth;
    // the topmost element at a few points of the figure's visible part
    const hits: string[] = [];
    if (fig && r && r.width > 0 && r.height > 0) {
      const top = Math.max(r.top, 0);
      const bottom = Math.min(r.bottom, vh);
      for (const fy of [0.25, 0.5, 0.75]) {
        const x = r.left + r.width / 2;
        const y = top + (bottom - top) * fy;
        if (y < 0 || y >= vh || x < 0 || x >= vw) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit && !fig.contains(hit)) hits.push(`${hit.tagName.toLowerCase()}.${hit.getAttribute("class") ?? ""}`);
      }
    }
    const svgs = fig ? Array.from(fig.querySelectorAll("svg, img")) : [];
    return {
      figure: fig?.getAttribute("data-figure") ?? null,
      display: fig ? getComputedStyle(fig).display : null,
      box: r ? { width: r.width, height: r.height, top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null,
      vh,
      vw,
      covered: hits,
      // at least one drawing inside the figure has a box and is not hidden
      drawn: svgs.some((s) => {
        const b = s.getBoundingClientRect();
        return b.width > 0 && b.height > 0 && getComputedStyle(s).visibility === "visible" && getComputedStyle(s).display !== "none";
      }),
    };
  }, step.id);
  await expectFallbackAttributes(page, step);
  expect(state.figure, `${step.id} has its static figure`).toBe(step.key);
  expect(state.display, "the static figure is displayed").not.toBe("none");
  const box = state.box!;
  expect(box.width * box.height, "the static figure has a box").toBeGreaterThan(0);
  // in the viewport while the step is active: all of it when it fits, else most of the screen
  const visible = Math.min(box.bottom, state.vh) - Math.max(box.top, 0);
  expect(visible, `the static figure is in the viewport (${JSON.stringify(box)}, viewport height ${state.vh})`).toBeGreaterThanOrEqual(
    Math.min(box.height, state.vh * 0.5) - 1,
  );
  expect(box.left, "the figure starts inside the viewport").toBeGreaterThanOrEqual(-1);
  expect(box.right, "the figure ends inside the viewport").toBeLessThanOrEqual(state.vw + 1);
  expect(state.drawn, "the figure's drawing is visible").toBe(true);
  expect(state.covered, "nothing covers the static figure").toEqual([]);
}

/** The stage's fallback: data-fallback, its drawing hidden, the step's chapter marked data-stage-failed. */
async function expectFallbackAttributes(page: Page, step: StepInfo): Promise<void> {
  const state = await page.evaluate((slug) => {
    const stage = document.querySelector<HTMLElement>("[data-stage]")!;
    const svg = stage.querySelector("svg");
    return {
      fallback: stage.getAttribute("data-fallback"),
      stageSvgVisibility: svg ? getComputedStyle(svg).visibility : "no svg",
      chapterFailed: document.querySelector(`section[data-chapter="${CSS.escape(slug)}"]`)?.hasAttribute("data-stage-failed") ?? false,
    };
  }, step.slug);
  expect(state.fallback, "the stage steps aside (data-fallback)").toBe("true");
  expect(state.stageSvgVisibility, "the stage's drawing is hidden").toBe("hidden");
  expect(state.chapterFailed, `section#${step.slug} has data-stage-failed`).toBe(true);
}

/** The stage works again: no fallback, the chapter's figures hidden, the stage drawing the step. */
async function expectStageBack(page: Page, step: StepInfo): Promise<void> {
  await expectStageShows(page, step);
  const state = await page.evaluate(
    ({ id, slug }) => {
      const stage = document.querySelector<HTMLElement>("[data-stage]")!;
      const fig = document.getElementById(id)?.querySelector("figure[data-figure]");
      return {
        fallback: stage.getAttribute("data-fallback"),
        svg: getComputedStyle(stage.querySelector("svg")!).visibility,
        chapterFailed: document.querySelector(`section[data-chapter="${CSS.escape(slug)}"]`)?.hasAttribute("data-stage-failed"),
        figureDisplay: fig ? getComputedStyle(fig).display : null,
      };
    },
    { id: step.id, slug: step.slug },
  );
  expect(state).toEqual({ fallback: null, svg: "visible", chapterFailed: false, figureDisplay: "none" });
}

for (const failure of FAILURES) {
  // The phones try one kind of failure (their fallback looks the same for all); desktop tries each.
  const tag = failure === FAILURES[0] ? "" : " @desktop-only";
  test(`when a later chapter's stage data fails (${failure}), its steps show their static figures and the reader reads on${tag}`, async ({
    page,
    broken,
  }) => {
    const steps = await storySteps(page, "en");
    const places = landmarks(steps);
    const chapter = places.secondChapter;
    expect(chapter, "the story has a second chapter").toBeTruthy();
    const breakage = await breakStageData(page, chapter!.slug, failure, broken);
    await open(page, "/en/");
    expect((await readSteps(page)).map((s) => s.id)).toEqual(steps.map((s) => s.id));

    // the first chapter works
    const before = places.lastOfFirstChapter;
    await jumpToStep(page, before.id);
    await expectStageBack(page, before);

    // into the broken chapter: its first step, then its last
    const inside = [...new Set([chapter!.steps[0]!, chapter!.steps.at(-1)!])];
    for (const step of inside) {
      await jumpToStep(page, step.id);
      await expectFallbackOn(page, step);
    }
    expect(breakage.hits(), "the route failed the chapter's data").toBeGreaterThan(0);
    // only the failed chapter falls back: the chapter before keeps its figures hidden
    expect(await page.locator(`[id="${before.id}"] figure[data-figure]`).evaluate((f) => getComputedStyle(f).display)).toBe("none");

    // the reader reads on: the next chapter's stage works again, or (no next chapter) the end of the page settles
    const next = places.chapters[2];
    if (next) {
      await jumpToStep(page, next.steps[0]!.id);
      await expectStageBack(page, next.steps[0]!);
    }
    await jumpTo(page, await page.evaluate(() => document.documentElement.scrollHeight));
    expect(await expectedStep(page), "at the end of the page the last step is the one at the trigger line").toBe(places.last.id);
    if (places.last.slug === chapter!.slug) {
      await expectSettledOn(page, places.last, SETTLE_MS);
      await expectFallbackAttributes(page, places.last);
    } else await expectStageBack(page, places.last);

    // back online: returning to the chapter loads its data and brings the stage back
    await breakage.repair();
    const back = chapter!.steps[0]!;
    await jumpToStep(page, back.id);
    await expectStageBack(page, back);
  });
}

test("when the first chapter's stage data fails on load, the story degrades the same way and recovers once it loads", async ({
  page,
  broken,
}) => {
  const steps = await storySteps(page, "de");
  const places = landmarks(steps);
  const first = places.firstChapter;
  const breakage = await breakStageData(page, first.slug, "404", broken);
  await open(page, "/de/");

  // above the first step: the stage has stepped aside, settled, no step active
  await expect
    .poll(async () => ({ ...(await readStage(page)), fallback: await page.locator("[data-stage]").getAttribute("data-fallback") }), {
      timeout: SETTLE_MS,
      message: "the stage settles in its fallback on load",
    })
    .toMatchObject({ settled: "true", fallback: "true" });
  expect(await page.locator(`section[data-chapter="${first.slug}"]`).getAttribute("data-stage-failed")).not.toBeNull();
  expect(breakage.hits(), "the route failed the first chapter's data").toBeGreaterThan(0);

  // inside the first chapter: its static figures stand in for the stage
  const step = places.middleOfFirstChapter;
  await jumpToStep(page, step.id);
  await expectFallbackOn(page, step);

  // the data can load now; a later chapter shows the stage again
  await breakage.repair();
  const later = places.secondChapter?.steps[0] ?? places.last;
  if (later.slug !== first.slug) {
    await jumpToStep(page, later.id);
    await expectStageBack(page, later);
  }
  // and scrolling back into the first chapter loads its data: the stage is back, the figures give way
  await jumpToStep(page, step.id);
  await waitForScrollStop(page);
  await expectStageBack(page, step);
  expect(await page.locator(`section[data-chapter="${first.slug}"]`).getAttribute("data-stage-failed")).toBeNull();
});

test("when the runtime's code cannot load, the page falls back to its no-JavaScript form, each step with its figure", async ({
  page,
  broken,
}) => {
  // the runtime is fetched after the first paint, as its own files (src/pages/[lang]/index.astro)
  await page.route(
    (url) => /\/_astro\/main\.[^/]+\.js$/.test(url.pathname),
    async (route) => {
      broken.add(route.request().url());
      await route.abort("internetdisconnected");
    },
  );
  await page.goto("/de/");
  await expect(page.locator("html")).not.toHaveClass(/\bjs\b/);
  const steps = await readSteps(page);
  const step = landmarks(steps).middle;
  const figure = page.locator(`[id="${step.id}"] figure[data-figure]`);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toBeVisible();
  expect((await figure.boundingBox())?.height ?? 0, "the static figure is drawn").toBeGreaterThan(50);
  // nothing pretends to be live: the stage is not shown, no step is marked active
  await expect(page.locator(".stage-wrap")).toBeHidden();
  expect(await page.locator(".step.is-active").count()).toBe(0);
});
