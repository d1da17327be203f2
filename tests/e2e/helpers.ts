// Shared helpers for the browser tests of the page contract (docs/CONTRACT.md;
// the hooks are data-chapter, data-step, data-stage, .is-active).
// Geometry is always read from the page itself: the expected step is "the last step
// whose top edge is at or above the trigger line": the vertical middle of the viewport,
// or, on a phone in portrait where the stage spans the screen's width over its top,
// the stage's foot (triggerLine).

import { test as base, expect, type APIRequestContext, type CDPSession, type Page } from "@playwright/test";
import { waitForRuntime } from "../../scripts/browser.ts";
import { langsOf, type Lang, type Language } from "../../src/story/config.ts";
import { loadStoryConfig } from "../../src/story/storyConfig.ts";
import { ADDED_LANGUAGE } from "../../scripts/sample-story.ts";

/**
 * The test object of every spec: CONTRACT.md's "no console error or uncaught
 * exception, on any page, in any of the modes" is checked after every test that
 * uses the `page` fixture, whatever else the test does.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors = collectErrors(page);
      await use(errors);
      expect(errors, "console errors and uncaught exceptions on the page during this test").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The story's languages (content/story.json), in order: those of the build in dist/ (the sample story adds one: siteLanguages). */
export const LANGS: readonly Lang[] = langsOf(loadStoryConfig("content"));

/**
 * The path the site under test is served under, as the build's BASE_PATH: "/" or "/sub/path/".
 * Each project says it (playwright.config.ts, metadata.base): one run checks builds at several paths.
 */
export const sitePath = (): string => (test.info().project.metadata as { base?: string }).base ?? "/";
/** A path of the site as if it were at the root ("/", "/en/#step") under the base path it is served at. */
export const at = (path: string): string => sitePath() + path.replace(/^\//, "");
export type { Lang };

/**
 * The languages the build under test was made with, in order: content/story.json's,
 * and in the generated sample story (project desktop-sample) the one it adds
 * (scripts/sample-story.ts), so the suite proves a third language end to end.
 */
export function builtLanguages(): Language[] {
  const own = loadStoryConfig("content").languages;
  return test.info().project.name === "desktop-sample" ? [...own, ADDED_LANGUAGE] : own;
}

/** The languages the served site offers, in order: the chooser's hreflang alternates (x-default aside). */
export async function siteLanguages(request: APIRequestContext): Promise<Lang[]> {
  const res = await request.get(at("/"));
  expect(res.status(), "the language chooser").toBe(200);
  const html = await res.text();
  return [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)"/g)].map((m) => m[1]!).filter((l) => l !== "x-default");
}

/** How long the stage may take to settle once scrolling has stopped (CONTRACT.md). */
export const SETTLE_MS = 2_000;
/** A short screen (a phone on its side), where the stage, pinned beside the prose, draws in its own layout (`land`, src/styles/global.css). */
export const SHORT_SCREEN = "screen and (orientation: landscape) and (max-height: 500px)";

export interface StepInfo {
  /** "SLUG--STATE" */
  id: string;
  /** "SLUG/STATE" */
  key: string;
  slug: string;
  state: string;
  /** data-scene of the step's chapter */
  scene: string;
}

export interface StageInfo {
  scene: string | null;
  state: string | null;
  settled: string | null;
}

/** Every step of the page, in document order, with its chapter's scene. */
export async function readSteps(page: Page): Promise<StepInfo[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".step[data-step]")).map((el) => {
      const key = el.dataset.step ?? "";
      const [slug = "", state = ""] = key.split("/");
      const chapter = el.closest<HTMLElement>("section[data-chapter]");
      return { id: el.id, key, slug, state, scene: chapter?.dataset.scene ?? "" };
    }),
  );
}

export async function readStage(page: Page): Promise<StageInfo> {
  return page.evaluate(() => {
    const s = document.querySelector<HTMLElement>("[data-stage]");
    return {
      scene: s?.getAttribute("data-scene") ?? null,
      state: s?.getAttribute("data-state") ?? null,
      settled: s?.getAttribute("data-settled") ?? null,
    };
  });
}

/** ids of the steps that carry .is-active. */
export async function activeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>(".step.is-active")).map((el) => el.id));
}

/** Opens a story page (or any path, as if at the root: under the base path) and waits for the web fonts, so geometry is final. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(at(path));
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await waitForRuntime(page);
}

/** Opens the chapter menu of the top bar (the chapter links and the animation switch are folded into it) with a click, unless it is open. */
export async function openChapterMenu(page: Page): Promise<void> {
  const menu = page.locator("details[data-menu]");
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
  await expect(menu.locator("a[data-nav]").first()).toBeVisible();
}

/** The story's runtime is fetched after the first paint: the one wait for it (scripts/browser.ts). */
export { waitForRuntime };

/** Resolves once window.scrollY has not changed for `frames` animation frames (6: a gesture's momentum has ended). */
export async function waitForScrollStop(page: Page, frames = 6): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let last = window.scrollY;
        let still = 0;
        const started = performance.now();
        const tick = () => {
          const y = window.scrollY;
          if (y === last) still++;
          else {
            still = 0;
            last = y;
          }
          if (still >= frames || performance.now() - started > 10_000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/**
 * A real scroll gesture, `dy` px (negative: finger moves up, reading on). Touch: a quick
 * swipe (at most 0.7 of the viewport) that momentum carries on. Otherwise: a mouse-wheel
 * gesture of 3 × dy. Returns at once; wait for the scroll to stop.
 */
export async function swipe(page: Page, cdp: CDPSession, dy: number, touch: boolean): Promise<void> {
  const vw = page.viewportSize()!;
  const x = Math.round(vw.width * 0.3);
  if (touch) {
    const y0 = Math.round(dy < 0 ? vw.height * 0.85 : vw.height * 0.15);
    const span = Math.max(-vw.height * 0.7, Math.min(vw.height * 0.7, dy));
    const n = 8;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: y0 }] });
    for (let i = 1; i <= n; i++)
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: Math.round(y0 + (span * i) / n) }] });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } else {
    // A quick turn of the mouse wheel: notches of 120 px, one a frame, through the browser's input
    // pipeline (the wheel scrolls the page, smoothly where the browser animates it). Not
    // Input.synthesizeScrollGesture: its answer never came in about one run in ten (stop 25's CI,
    // a test waiting 118 s on it), though the page had scrolled.
    const total = -dy * 3;
    await page.mouse.move(x, Math.round(vw.height / 2));
    for (let i = 0, n = Math.max(1, Math.round(Math.abs(total) / 120)); i < n; i++) {
      await page.mouse.wheel(0, Math.sign(total) * 120);
      await page.waitForTimeout(16);
    }
  }
}

/** Jumps (no smooth scrolling) to y, then waits for the scroll to stop. */
export async function jumpTo(page: Page, y: number): Promise<void> {
  await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
  // an instant scroll has no momentum: two still frames and the page has seen where it is
  await waitForScrollStop(page, 2);
}

/**
 * On a phone in portrait, where the stage spans the screen's width over its top, the stage's foot
 * (px from the viewport's top, its pinned box's height); elsewhere null.
 */
export async function stageFoot(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const box = document.querySelector<HTMLElement>("[data-stage]")?.parentElement?.getBoundingClientRect();
    return box && box.width >= window.innerWidth * 0.9 && box.height > 0 && box.height < window.innerHeight * 0.9 ? box.height : null;
  });
}

/**
 * The trigger line, px from the viewport's top (docs/CONTRACT.md): the middle of the viewport;
 * on a phone in portrait, where the stage spans the screen's width over its top 60 %, two
 * thirds of the way down, just under the stage's foot (a step turns the picture as its card comes up under it);
 * on a short screen (landscape, at most 500 px high: a phone on its side), a tenth of the way down
 * (review 36: from the middle, a long card ran off the screen's foot as its step became active).
 */
export async function triggerLine(page: Page): Promise<number> {
  const over = (await stageFoot(page)) !== null;
  const { height, short } = await page.evaluate(() => ({
    height: window.innerHeight,
    short: window.matchMedia("(orientation: landscape) and (max-height: 500px)").matches,
  }));
  return height * (over ? PHONE_TRIGGER : short ? SHORT_SCREEN_TRIGGER : 0.5);
}

/** The trigger line on a phone in portrait, a share of its height (docs/CONTRACT.md). */
export const PHONE_TRIGGER = 0.66;

/** The trigger line on a short screen, a share of its height (docs/CONTRACT.md). */
export const SHORT_SCREEN_TRIGGER = 0.1;

/** Document y to scroll to so the step's top edge sits `above` px above the trigger line. */
export async function yForStep(page: Page, id: string, above = 10): Promise<number> {
  const line = await triggerLine(page);
  return page.evaluate(
    ([stepId, px, at]) => {
      const el = document.getElementById(stepId as string);
      if (!el) throw new Error(`no element #${stepId}`);
      return el.getBoundingClientRect().top + window.scrollY - (at as number) + (px as number);
    },
    [id, above, line] as const,
  );
}

/** Scrolls so that the step's top edge is just above the trigger line. */
export async function jumpToStep(page: Page, id: string, above = 10): Promise<void> {
  await jumpTo(page, await yForStep(page, id, above));
}

/** The step the contract expects right now: the last whose top is at or above the trigger line; null if none. */
export async function expectedStep(page: Page): Promise<string | null> {
  const line = await triggerLine(page);
  return page.evaluate((at) => {
    let found: string | null = null;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".step[data-step]"))) {
      if (el.getBoundingClientRect().top <= at) found = el.id;
    }
    return found;
  }, line);
}

/**
 * Asserts that, within SETTLE_MS, the stage shows `step` settled and that step
 * (and only it) is .is-active.
 */
export async function expectSettledOn(page: Page, step: StepInfo, timeout = SETTLE_MS): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await readStage(page);
        return { scene: s.scene, state: s.state, settled: s.settled, active: await activeIds(page) };
      },
      { timeout, intervals: [25, 50, 100], message: `stage settles on ${step.key} within ${timeout} ms` },
    )
    .toEqual({ scene: step.scene, state: step.state, settled: "true", active: [step.id] });
}

/** Asserts that the address names `hash` ("#id", or "" for none) within `timeout` ms: it is written in idle time. */
export async function expectAddress(page: Page, hash: string, timeout = 2_000): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => location.hash), { timeout, intervals: [25, 50, 100], message: "the address names the active step" })
    .toBe(hash);
}

/** Asserts the stage settles on whatever step the geometry of the page designates now. */
export async function expectSettledOnGeometry(page: Page, steps: StepInfo[], timeout = SETTLE_MS): Promise<StepInfo | null> {
  const id = await expectedStep(page);
  if (id === null) {
    await expect
      .poll(async () => ({ active: await activeIds(page), settled: (await readStage(page)).settled }), {
        timeout,
        intervals: [25, 50, 100],
        message: "no step active above the first step",
      })
      .toEqual({ active: [], settled: "true" });
    return null;
  }
  const step = steps.find((s) => s.id === id);
  if (!step) throw new Error(`expected step ${id} is not in the step list`);
  await expectStageShows(page, step, timeout);
  return step;
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console.error: ${msg.text()} @ ${msg.location().url}:${msg.location().lineNumber}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Walks through every step, settling on each one. */
export async function scrollThrough(page: Page, steps: StepInfo[]): Promise<void> {
  for (const step of steps) {
    await jumpToStep(page, step.id);
    await expectStageShows(page, step);
  }
}

/**
 * Once settled, the stage must show what data-state says: its drawing (every
 * [data-key] mark, by key path, tag, attributes and text, and its <title>) equals
 * the compiled marks of that step's state in the stage's layout, as the build
 * wrote them (the stage data file). Returns the differences (empty when it matches).
 */
export async function stageDiff(page: Page, step: StepInfo): Promise<string[]> {
  return page.evaluate(
    async ({ slug, state }) => {
      type M = { key: string; tag: string; attrs: Record<string, string | number>; text?: string; children?: M[] };
      const diffs: string[] = [];
      const host = document.querySelector<HTMLElement>("[data-stage]");
      const stage = host?.querySelector("svg");
      if (!host || !stage) return ["no svg in the stage"];
      const layout = stage.getAttribute("data-layout") ?? "";
      const res = await fetch(host.dataset.stageSrc!.replace("{slug}", slug).replace("{layout}", layout));
      const data = (await res.json()) as { states: Record<string, { alt: string; marks: M[] }> };
      const entry = data.states[state];
      const want = entry?.marks;
      if (!entry || !want) return [`no compiled marks for ${slug}/${state} in layout "${layout}"`];
      const stageTitle = stage.querySelector(":scope > title")?.textContent?.trim();
      if (stageTitle !== entry.alt) diffs.push(`title: stage "${stageTitle}" ≠ compiled "${entry.alt}"`);

      const nums = (v: string) => (v.match(/-?\d*\.?\d+(e[-+]?\d+)?/gi) ?? []).map(Number);
      const shape = (v: string) => v.replace(/-?\d*\.?\d+(e[-+]?\d+)?/gi, "#");
      const same = (a: string, b: string) => {
        if (a === b) return true;
        if (shape(a) !== shape(b)) return false;
        const x = nums(a);
        const y = nums(b);
        return x.length === y.length && x.every((n, i) => Math.abs(n - y[i]!) <= 0.51);
      };
      const compare = (parent: Element, marks: M[], path: string) => {
        const live = new Map<string, Element>();
        for (const child of Array.from(parent.children)) {
          const key = child.getAttribute("data-key");
          if (key === null) continue;
          const p = `${path}/${child.tagName.toLowerCase()}:${key}`;
          if (child.hasAttribute("data-exiting")) diffs.push(`mark still exiting after settling: ${p}`);
          else live.set(p, child);
        }
        const wanted = new Set<string>();
        for (const m of marks) {
          const p = `${path}/${m.tag}:${m.key}`;
          wanted.add(p);
          const el = live.get(p);
          if (!el) {
            diffs.push(`missing on the stage: ${p}`);
            continue;
          }
          for (const [name, value] of Object.entries(m.attrs)) {
            const v = el.getAttribute(name);
            if (v === null || !same(v, String(value))) diffs.push(`${p} ${name}: stage "${v}" ≠ compiled "${value}"`);
          }
          // At rest every mark is drawn by its attributes alone (no style left over from a transition).
          const style = (el as SVGElement).style;
          if (style.transform || style.opacity) diffs.push(`${p} still moved by its style at rest: "${style.cssText}"`);
          const op = el.getAttribute("opacity");
          if (m.attrs.opacity === undefined && op !== null && Math.abs(Number(op) - 1) > 0.01) diffs.push(`${p} opacity: stage ${op}`);
          if (m.text !== undefined && (el.textContent ?? "").trim() !== m.text.trim())
            diffs.push(`${p} text: stage "${el.textContent}" ≠ "${m.text}"`);
          compare(el, m.children ?? [], p);
        }
        for (const p of live.keys()) if (!wanted.has(p)) diffs.push(`extra on the stage: ${p}`);
      };
      compare(stage, want, "");
      return diffs;
    },
    { slug: step.slug, state: step.state },
  );
}

/** expectSettledOn, then the stage's drawing must be that step's figure. */
export async function expectStageShows(page: Page, step: StepInfo, timeout = SETTLE_MS): Promise<void> {
  await expectSettledOn(page, step, timeout);
  // Data slow to arrive: the stage settles on a copy of the step's static figure (data-fallback), then draws it live.
  await expect(page.locator("[data-stage]"), `the stage draws ${step.key} live`).not.toHaveAttribute("data-fallback", { timeout });
  expect(await stageDiff(page, step), `the settled stage draws ${step.key}`).toEqual([]);
}

// ---- readability (phone.spec.ts) ----

interface LineReport {
  /** "node index:rect index" within the step: stable across scroll positions */
  key: string;
  text: string;
  inView: boolean;
  covered: string | null;
  outsideWidth: boolean;
}

/** Measures every text line of a step at the current scroll position. */
async function measureLines(page: Page, id: string): Promise<{ lines: LineReport[]; styleProblems: string[] }> {
  return page.evaluate((stepId) => {
    const step = document.getElementById(stepId)!;
    const text = step.querySelector(".step-text") ?? step;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    // On a phone in portrait the opaque stage spans the screen's top and the cards pass under
    // it as the reader reads on: a line behind it has left the reading area, like a line
    // scrolled off the top (it must still be seen whole while its step is active).
    const stageBox = document.querySelector("[data-stage]")?.parentElement?.getBoundingClientRect();
    const readingTop = stageBox && stageBox.width >= window.innerWidth * 0.9 && stageBox.top <= 0 ? Math.max(stageBox.bottom, 0) : 0;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const lines: LineReport[] = [];
    const styleProblems: string[] = [];
    const describe = (el: Element | null) =>
      el
        ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}`
        : "nothing";
    let n = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode(), n++) {
      const content = node.textContent ?? "";
      if (!content.trim()) continue;
      const parent = node.parentElement!;
      // A closed disclosure (a glossary note) is hidden on purpose until the reader opens it.
      if (parent.closest("[hidden]")) continue;
      // hidden, transparent or tiny text
      const cs = getComputedStyle(parent);
      if (parseFloat(cs.fontSize) < 12) styleProblems.push(`font-size ${cs.fontSize}: "${content.trim().slice(0, 40)}"`);
      if (cs.visibility !== "visible") styleProblems.push(`visibility ${cs.visibility}: "${content.trim().slice(0, 40)}"`);
      let opacity = 1;
      for (let e: Element | null = parent; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        opacity *= Number(s.opacity);
        if (s.display === "none") styleProblems.push(`display:none on ${describe(e)}`);
      }
      if (opacity < 0.999) styleProblems.push(`opacity ${opacity}: "${content.trim().slice(0, 40)}"`);
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 2 && r.height > 2);
      if (rects.length === 0) styleProblems.push(`no box: "${content.trim().slice(0, 40)}"`);
      rects.forEach((r, i) => {
        const inView = r.top >= readingTop && r.bottom <= vh;
        let covered: string | null = null;
        if (inView) {
          const y = r.top + r.height / 2;
          for (const x of [r.left + Math.min(3, r.width / 2), r.left + r.width / 2, r.right - Math.min(3, r.width / 2)]) {
            if (x < 0 || x >= vw) continue;
            const hit = document.elementFromPoint(x, y);
            if (!hit || !(hit === parent || parent.contains(hit))) {
              covered = `${describe(hit)} at (${Math.round(x)}, ${Math.round(y)})`;
              break;
            }
          }
          // clipped by an ancestor with overflow other than visible
          for (let e: Element | null = parent; e && e !== document.body; e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.overflowX !== "visible" || s.overflowY !== "visible") {
              const b = e.getBoundingClientRect();
              if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1)
                covered ??= `clipped by ${describe(e)}`;
            }
          }
        }
        lines.push({ key: `${n}:${i}`, text: content.trim().slice(0, 30), inView, covered, outsideWidth: r.left < -1 || r.right > vw + 1 });
      });
    }
    return { lines, styleProblems };
  }, id);
}

/**
 * Scrolls through every step in the current viewport and reports every text line
 * that is covered, clipped, cut off at the viewport's sides, hidden, transparent,
 * tiny, or never readable while its step is the active one. Empty: all readable.
 * Expects reduced motion (so the stage settles at once; the layout is the same).
 */
export async function readabilityProblems(page: Page): Promise<string[]> {
  return readabilityProblemsFor(page, await readSteps(page));
}

// ---- steps known before the test's page opens the story ----

const storyStepCache = new Map<string, Promise<StepInfo[]>>();

/**
 * The steps of `/<lang>/`, read from the server-rendered page in a separate
 * context with JavaScript off (the markup holds every step, docs/CONTRACT.md), so
 * the test's own page, its history and its listeners stay untouched. For specs
 * that must know a step before they load the page (deep links, say). Cached per
 * worker: the built site does not change during a run.
 */
export async function storySteps(page: Page, lang: Lang): Promise<StepInfo[]> {
  const baseURL = test.info().project.use.baseURL;
  const key = `${baseURL}/${lang}/`;
  let steps = storyStepCache.get(key);
  if (!steps) {
    steps = (async () => {
      const browser = page.context().browser();
      if (!browser) throw new Error("storySteps: the page has no browser");
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
      try {
        const probe = await context.newPage();
        await probe.goto(at(`/${lang}/`));
        return await readSteps(probe);
      } finally {
        await context.close();
      }
    })();
    storyStepCache.set(key, steps);
    steps.catch(() => storyStepCache.delete(key));
  }
  const list = await steps;
  expect(list.length, `/${lang}/ has steps`).toBeGreaterThan(0);
  return list;
}

/**
 * readabilityProblems for the given steps only (a sample of the story, say):
 * the same measurement, step by step, in the current viewport.
 */
export async function readabilityProblemsFor(page: Page, steps: readonly StepInfo[]): Promise<string[]> {
  const vh = await page.evaluate(() => window.innerHeight);
  const problems: string[] = [];
  for (const step of steps) {
    const start = await yForStep(page, step.id, 10);
    // Read until the card's foot has passed the top of the reading area: the stage's foot on a phone in
    // portrait, else a fifth of the screen.
    const top = (await stageFoot(page)) ?? vh * 0.2;
    const end = await page.evaluate(
      ([id, t]) => {
        // to the card's foot
        const step = document.getElementById(id as string)!;
        const r = (step.querySelector(".step-text") ?? step).getBoundingClientRect();
        return r.bottom + window.scrollY - (t as number);
      },
      [step.id, top] as const,
    );
    const seen = new Map<string, string>();
    const all = new Map<string, string>();
    for (let y = start; ; y = Math.min(y + vh * 0.35, Math.max(end, start))) {
      await jumpTo(page, y);
      // the contract's 2 s (SETTLE_MS), not less: on a busy machine a settle can take over a second
      await expectSettledOn(page, step);
      const { lines, styleProblems } = await measureLines(page, step.id);
      for (const p of styleProblems) problems.push(`${step.id}: ${p}`);
      for (const l of lines) {
        all.set(l.key, l.text);
        if (l.outsideWidth) problems.push(`${step.id}: line "${l.text}…" runs past the viewport's width`);
        if (!l.inView) continue;
        if (l.covered) problems.push(`${step.id}: line "${l.text}…" (scrollY ${Math.round(y)}) is covered: ${l.covered}`);
        else seen.set(l.key, l.text);
      }
      if (y >= end) break;
    }
    for (const [key, text] of all)
      if (!seen.has(key)) problems.push(`${step.id}: line "${text}…" was never readable while the step was active`);
    expect(all.size, `${step.id} has text lines`).toBeGreaterThan(1);
  }
  return [...new Set(problems)];
}
