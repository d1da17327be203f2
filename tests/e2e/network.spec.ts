// No request leaves the site's own origin (docs/CONTRACT.md, "Always"): fonts,
// data and scripts are self-hosted. Recorded over scroll-throughs of both
// languages (desktop: every step; phones: a sample that still enters every
// chapter, sample.ts), with the root page and the print edition's link target.
// The browser fetches a page's icons on its own, and a navigation that follows
// at once aborts that fetch (net::ERR_ABORTED): such an abort of an icon is not a
// failure, but every icon the pages name must then answer 200 when asked directly.
import type { Page, Request } from "@playwright/test";
import {
  test,
  expect,
  LANGS,
  at,
  collectErrors,
  expectStageShows,
  jumpToStep,
  open,
  readStage,
  readSteps,
  scrollThrough,
  storySteps,
} from "./helpers.ts";
import { chaptersOf, landmarks } from "./sample.ts";
import { COLUMN_MIN_WIDTH, LANDSCAPE_LAYOUT, STAGE_LAYOUTS, type Layout } from "../../src/story/config.ts";

test("every request of a read through every chapter in both languages stays on the site's origin, and none fails @subpath-only", async ({
  page,
  baseURL,
}) => {
  // reduced motion only shortens the waits: the requests are the same
  await page.emulateMedia({ reducedMotion: "reduce" });
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  const failed: string[] = [];
  page.on("request", (r: Request) => requests.push(r.url()));
  page.on("requestfailed", (r: Request) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  const errors = collectErrors(page);
  const stageFiles: string[] = [];
  const icons = new Set<string>();
  const readIcons = async () => {
    for (const u of await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"]')).map((l) => l.href),
    ))
      icons.add(u);
  };

  await open(page, "/");
  await readIcons();
  for (const lang of LANGS) {
    await open(page, `/${lang}/`);
    await readIcons();
    const steps = await readSteps(page);
    const src = await page.locator("[data-stage]").getAttribute("data-stage-src");
    expect(src, "the stage names where its data lives").toContain("{slug}");
    expect(src, "one file per stage layout").toContain("{layout}");
    const layout = (await page.locator("[data-stage] > svg").getAttribute("data-layout"))!;
    for (const c of chaptersOf(steps))
      stageFiles.push(new URL(src!.replace("{slug}", encodeURIComponent(c.slug)).replace("{layout}", layout), origin).href);
    // the first step of every chapter: stage data is per chapter, fetched as the chapter comes into view
    await scrollThrough(
      page,
      chaptersOf(steps).map((c) => c.steps[0]!),
    );
    // the way back up, too
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState("networkidle");

  expect(requests.length, "requests were recorded").toBeGreaterThan(5);
  // the stage data and the web fonts were among them (so the check saw real traffic)
  expect(requests.some((u) => u.endsWith(".woff2"))).toBe(true);
  expect(requests.some((u) => /\/stage\/[^/]+\.json$/.test(u))).toBe(true);
  // only the layout the stage shows: every stage file fetched is one of those expected
  expect(
    requests.filter((u) => /\/stage\/[^/]+\.json$/.test(u) && !stageFiles.includes(u)),
    "stage data of a layout the stage does not show",
  ).toEqual([]);
  // every chapter's stage data was fetched, from the address the stage names
  expect(
    stageFiles.filter((u) => !requests.includes(u)),
    "stage data files never requested",
  ).toEqual([]);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:"));
  expect(foreign, "requests to other origins").toEqual([]);
  const aborted = (f: string) => [...icons].some((u) => f === `${u}: net::ERR_ABORTED`);
  expect(
    failed.filter((f) => !aborted(f)),
    "failed requests (other than an icon fetch cut short by the next navigation)",
  ).toEqual([]);
  expect(icons.size, "the pages name their icons").toBeGreaterThan(0);
  for (const u of icons) {
    expect(u.startsWith(`${origin}/`), `icon ${u} is on the site's origin`).toBe(true);
    const res = await page.request.get(u);
    expect(res.status(), `icon ${u}`).toBe(200);
    expect(res.headers()["content-type"], `icon ${u}`).toMatch(/^image\//);
  }
  expect(errors, "console errors and uncaught exceptions during the read").toEqual([]);
});

test("without JavaScript, the pages also load only from the site's origin @subpath-only", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    for (const path of ["/", "/de/", "/en/"]) {
      await page.goto(at(path));
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    }
    await page.waitForLoadState("networkidle");
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:"))).toEqual([]);
  } finally {
    await context.close();
  }
});

test("stage data that arrives late never overrides the state the reader has moved on to", async ({ page }) => {
  const steps = await storySteps(page, "en");
  const places = landmarks(steps);
  // a chapter that is not the first: its drawings are fetched when the reader nears or enters it
  const late = places.firstOfLastChapter;
  const target = places.middleOfFirstChapter;
  expect(late.slug, "the story has a second chapter").not.toBe(target.slug);
  // the late chapter's drawings arrive slowly, every other chapter's a little late
  const lateFile = `/stage/${encodeURIComponent(late.slug)}.`;
  let lateRequests = 0;
  await page.route(/\/stage\/[^/]+\.json$/, async (route) => {
    const slow = new URL(route.request().url()).pathname.includes(lateFile);
    if (slow) lateRequests++;
    await new Promise((r) => setTimeout(r, slow ? 1_200 : 100));
    await route.continue().catch(() => undefined);
  });
  await open(page, "/en/");
  // Straight from the top to the late chapter, long enough for its data to be on its way
  // (a step passed within a fast trip asks for nothing), then back before it arrives.
  await jumpToStep(page, late.id);
  await expect.poll(() => lateRequests, { message: "the late chapter's drawings were requested", timeout: 1_000 }).toBeGreaterThan(0);
  await jumpToStep(page, target.id);
  await expectStageShows(page, target);
  // wait until the slow chapter has certainly arrived and been handled: still on target
  await page.waitForTimeout(1_400);
  await expectStageShows(page, target);
  expect((await readStage(page)).state).toBe(target.state);
  // and the slow chapter works afterwards
  await jumpToStep(page, late.id);
  await expectStageShows(page, late);
});

test("each screen fetches the stage data of its own layout only, once, and the page head preloads that one", async ({
  browser,
  baseURL,
}) => {
  // The stage picks its layout by its own width (`column` from COLUMN_MIN_WIDTH up, src/story/config.ts), but
  // a short screen (LANDSCAPE_MEDIA: a phone on its side) takes `land` whatever the width.
  const screens = [
    { name: "desktop", viewport: { width: 1440, height: 900 }, mobile: false, preloads: true },
    { name: "small desktop", viewport: { width: 1280, height: 800 }, mobile: false, preloads: true },
    { name: "narrow desktop", viewport: { width: 1000, height: 800 }, mobile: false, preloads: true },
    { name: "phone", viewport: { width: 390, height: 844 }, mobile: true, preloads: true },
    { name: "phone in landscape", viewport: { width: 844, height: 390 }, mobile: true, preloads: true, short: true },
    { name: "small phone in landscape", viewport: { width: 740, height: 360 }, mobile: true, preloads: true, short: true },
    { name: "tablet", viewport: { width: 768, height: 1024 }, mobile: true, preloads: true },
    // between the two preload queries: nothing preloaded, the runtime fetches what it picks
    { name: "in between", viewport: { width: 1195, height: 800 }, mobile: false, preloads: false },
  ];
  const seen = new Set<Layout>();
  for (const screen of screens) {
    const context = await browser.newContext({ baseURL, viewport: screen.viewport, isMobile: screen.mobile, hasTouch: screen.mobile });
    try {
      const page = await context.newPage();
      const files: string[] = [];
      page.on("request", (r) => {
        if (/\/stage\/[^/]+\.json$/.test(r.url())) files.push(new URL(r.url()).pathname);
      });
      await open(page, "/en/");
      const width = await page.locator("[data-stage]").evaluate((s) => s.getBoundingClientRect().width);
      const layout: Layout = "short" in screen ? LANDSCAPE_LAYOUT : width >= COLUMN_MIN_WIDTH ? "column" : "square";
      seen.add(layout);
      await expect(page.locator("[data-stage] > svg"), `${screen.name}: the stage draws in ${layout}`).toHaveAttribute(
        "data-layout",
        layout,
      );
      await expect(page.locator("[data-stage]")).toHaveAttribute("data-settled", "true");
      await page.waitForLoadState("networkidle");
      const preloaded = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]'))
          .filter((l) => !l.media || matchMedia(l.media).matches)
          .map((l) => new URL(l.href).pathname),
      );
      const first = (await readSteps(page))[0]!.slug;
      const own = at(`/en/stage/${first}.${layout}.json`);
      expect(preloaded, `${screen.name} (stage ${width} px wide): the preload names the stage's layout`).toEqual(
        screen.preloads ? [own] : [],
      );
      expect(files, `${screen.name}: the first view fetches the first chapter in its layout, once`).toEqual([own]);
    } finally {
      await context.close();
    }
  }
  expect([...seen].sort(), "the screens cover every stage layout").toEqual([...STAGE_LAYOUTS].sort());
});

/** The names of the files whose address matches `pattern` that the page requests from now on (filled as it goes). */
function requested(page: Page, pattern: RegExp): string[] {
  const names: string[] = [];
  page.on("request", (r) => {
    if (pattern.test(r.url())) names.push(new URL(r.url()).pathname.replace(/^.*\//, ""));
  });
  return names;
}

/** Opens the English story at the middle step of its first chapter. */
async function openMidFirstChapter(page: Page) {
  await open(page, "/en/");
  const steps = await readSteps(page);
  const step = landmarks(steps).middleOfFirstChapter;
  await jumpToStep(page, step.id);
  return { steps, step };
}

test("a resize across the layouts fetches the other layout's data and draws it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const files = requested(page, /\/stage\/[^/]+\.json$/);
    const { step } = await openMidFirstChapter(page);
    await expectStageShows(page, step);
    expect(
      files.every((f) => f.endsWith(".square.json")),
      `on the phone: ${files.join(", ")}`,
    ).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    await jumpToStep(page, step.id);
    await expect(page.locator("[data-stage] > svg")).toHaveAttribute("data-layout", "column");
    await expectStageShows(page, step);
    expect(files, "the desktop layout, fetched after the resize").toContain(`${step.slug}.column.json`);
  } finally {
    await context.close();
  }
});

// The steps' own figures (files of their own, <lang>/fig/) show only without JavaScript (and in
// print): with it, every screen draws the live stage, a phone on its side too (in its own
// layout, `land`), and no figure file loads. Without JavaScript a phone on its side shows each
// step's figure beside its card: the file drawn for it (`land`), not the upright screen's.
test("with JavaScript no screen fetches the steps' figure files, a phone on its side fetches the land stage data; without, it fetches the land figure files", async ({
  browser,
  baseURL,
}) => {
  const screens = [
    { name: "desktop", viewport: { width: 1440, height: 900 }, mobile: false, stage: "column" },
    { name: "phone", viewport: { width: 390, height: 844 }, mobile: true, stage: "square" },
    { name: "phone in landscape", viewport: { width: 844, height: 390 }, mobile: true, stage: LANDSCAPE_LAYOUT },
  ];
  for (const screen of screens) {
    const context = await browser.newContext({ baseURL, viewport: screen.viewport, isMobile: screen.mobile, hasTouch: screen.mobile });
    try {
      const page = await context.newPage();
      const figures = requested(page, /\/fig\/[^/]+\.svg$/);
      const data = requested(page, /\/stage\/[^/]+\.json$/);
      const { step } = await openMidFirstChapter(page);
      await expectStageShows(page, step);
      await page.waitForLoadState("networkidle");
      expect(figures, `${screen.name}: no figure file`).toEqual([]);
      expect(data.length, `${screen.name}: the stage's data`).toBeGreaterThan(0);
      expect(
        data.filter((f) => !f.endsWith(`.${screen.stage}.json`)),
        `${screen.name}: only the ${screen.stage} layout's data`,
      ).toEqual([]);
    } finally {
      await context.close();
    }
  }
  // Without JavaScript, on its side: each step's figure is the file drawn for the short screen, never the
  // upright one (a browser ignores loading="lazy" without scripting, so every step's loads at once).
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 844, height: 390 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  try {
    const page = await context.newPage();
    const figures = requested(page, /\/fig\/[^/]+\.svg$/);
    const data = requested(page, /\/stage\/[^/]+\.json$/);
    await page.goto(at("/en/"));
    await page.waitForLoadState("networkidle");
    const steps = await readSteps(page);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(figures, `${step.id}: the figure beside the card`).toContain(`${step.id}.${LANDSCAPE_LAYOUT}.svg`);
      expect(figures, `${step.id}: not the upright screen's figure`).not.toContain(`${step.id}.svg`);
    }
    // (the page head's preload still names the first chapter's stage data: its own layout's only)
    expect(
      data.filter((f) => !f.endsWith(`.${LANDSCAPE_LAYOUT}.json`)),
      "no other layout's stage data",
    ).toEqual([]);
  } finally {
    await context.close();
  }
});
