// `story:teardown` stops the story (src/pages/[lang]/index.astro: "stops the
// story and removes every listener"): every event listener the runtime added
// (window, document, elements, media queries), its ResizeObserver, scrollama's
// observers and document scroll listener, pending animation frames, GSAP's
// matchMedia, and pending fetches (aborted). Afterwards scrolling changes
// nothing the runtime drives (.is-active, the stage's data-state, the address;
// docs/CONTRACT.md names these hooks).
//
// How the probe tells the runtime's registrations from others: an init script,
// run before any script of the page, wraps addEventListener/removeEventListener
// (EventTarget.prototype), MediaQueryList's addListener/removeListener,
// requestAnimationFrame/cancelAnimationFrame, observe/unobserve/disconnect of
// ResizeObserver, IntersectionObserver and MutationObserver, and fetch. Each
// registration is attributed by its call stack: it counts when the stack passes
// through a script file the site serves (an external same-origin script such as
// the story's bundle, /_astro/*.js). Registrations from this test's own
// page.evaluate code (no site URL on their stack) and from inline scripts of the
// document (the document's own URL; page furniture that runs before the runtime
// starts, and that teardown is not asked to undo) do not count. A "before
// DOMContentLoaded" cut would not work: the story's module script runs before
// DOMContentLoaded fires. Today the page has no inline script at all (its CSP
// forbids them; the head script that sets html.js is a file and registers
// nothing), so in effect every registration of the page counts.
//
// The test proves it can fail: before teardown the probe must see the runtime's
// listeners on window and document, media-query listeners, observed elements,
// pending frames (a scroll event queues some) and a pending fetch; and a canary
// script served from the site that registers a listener after teardown must be
// reported as left over.
import type { Page } from "@playwright/test";
import { test, expect, activeIds, expectSettledOn, jumpToStep, open, readStage, storySteps, type StepInfo } from "./helpers.ts";
import { landmarks } from "./sample.ts";

interface Leftovers {
  listeners: string[];
  observers: string[];
  frames: string[];
  fetches: string[];
}

interface ProbeCounts {
  listeners: Record<string, number>;
  mediaListeners: number;
  observed: Record<string, number>;
  frames: number;
  loopFrames: number;
  fetches: { url: string; hasSignal: boolean; aborted: boolean; settled: boolean }[];
}

declare global {
  interface Window {
    __probe?: {
      leftovers(): Leftovers;
      counts(): ProbeCounts;
      /** Marks the moment of teardown; frames pending then are checked afterwards. */
      markTeardown(): { oneShot: number; loops: number };
      /** One-shot runtime frames pending at teardown that ran afterwards instead of being cancelled. */
      ranAfterTeardown(): string[];
      /** Waits n frames with the page's original requestAnimationFrame (not counted). */
      frames(n: number): Promise<void>;
    };
  }
}

/** Installs the probe (see the comment at the top) before any script of the page runs. */
async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    Error.stackTraceLimit = 100;
    const origin = location.origin;
    const documentUrl = () => location.href.split("#")[0]!;
    /** The first site script file on the current stack, or null (test code, inline scripts, the browser). */
    const siteScript = (): string | null => {
      const stack = new Error().stack ?? "";
      for (const m of stack.matchAll(/(https?:\/\/[^\s()]+?):\d+:\d+/g)) {
        const url = m[1]!;
        if (url.startsWith(`${origin}/`) && url.split("#")[0] !== documentUrl()) return url;
      }
      return null;
    };
    const ids = new WeakMap<object, number>();
    let nextId = 1;
    const idOf = (o: object) => {
      let id = ids.get(o);
      if (!id) ids.set(o, (id = nextId++));
      return id;
    };
    const describe = (t: unknown): string => {
      if (t === window) return "window";
      if (t === document) return "document";
      if (t instanceof MediaQueryList) return `matchMedia(${t.media})`;
      if (t instanceof Element) return `${t.tagName.toLowerCase()}${t.id ? "#" + t.id : ""}`;
      return Object.prototype.toString.call(t);
    };

    // ---- event listeners: live per target + type + listener + capture ----
    type Live = { target: EventTarget; type: string; listener: unknown; capture: boolean; site: string };
    const live = new Map<string, Live>();
    const onceWrappers = new Map<string, EventListener>();
    const keyOf = (target: EventTarget, type: string, listener: unknown, capture: boolean) =>
      `${idOf(target)}|${type}|${idOf(listener as object)}|${capture}`;
    const captureOf = (options: unknown) =>
      typeof options === "boolean" ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture);
    const proto = EventTarget.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    proto.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (!listener) return add.call(this, type, listener, options);
      const capture = captureOf(options);
      const key = keyOf(this ?? window, type, listener, capture);
      if (live.has(key)) return; // the browser ignores a second identical registration
      const site = siteScript();
      const opts = typeof options === "object" ? options : undefined;
      if (site) live.set(key, { target: this ?? window, type, listener, capture, site });
      let registered: EventListenerOrEventListenerObject = listener;
      if (opts?.once) {
        // a once listener is removed by the browser when it fires: follow that
        const wrapper: EventListener = function (this: EventTarget, event: Event) {
          live.delete(key);
          onceWrappers.delete(key);
          return typeof listener === "function" ? listener.call(this, event) : listener.handleEvent(event);
        };
        onceWrappers.set(key, wrapper);
        registered = wrapper;
      }
      opts?.signal?.addEventListener("abort", () => {
        live.delete(key);
        onceWrappers.delete(key);
      });
      return add.call(this, type, registered, options);
    };
    proto.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      if (!listener) return remove.call(this, type, listener, options);
      const key = keyOf(this ?? window, type, listener, captureOf(options));
      live.delete(key);
      const wrapper = onceWrappers.get(key);
      onceWrappers.delete(key);
      return remove.call(this, type, wrapper ?? listener, options);
    };
    // MediaQueryList.addListener(cb) is addEventListener("change", cb) without going through the prototype above
    const mqProto = MediaQueryList.prototype;
    const mqAdd = mqProto.addListener;
    const mqRemove = mqProto.removeListener;
    mqProto.addListener = function (this: MediaQueryList, cb: ((this: MediaQueryList, ev: MediaQueryListEvent) => unknown) | null) {
      const site = siteScript();
      if (cb && site) {
        const key = keyOf(this, "change", cb, false);
        if (!live.has(key)) live.set(key, { target: this, type: "change", listener: cb, capture: false, site });
      }
      return mqAdd.call(this, cb);
    };
    mqProto.removeListener = function (this: MediaQueryList, cb: ((this: MediaQueryList, ev: MediaQueryListEvent) => unknown) | null) {
      if (cb) live.delete(keyOf(this, "change", cb, false));
      return mqRemove.call(this, cb);
    };

    // ---- observers: the elements each one observes ----
    type Obs = { kind: string; targets: Set<Node>; site: string };
    const observers = new Map<object, Obs>();
    for (const [kind, ctor] of [
      ["ResizeObserver", ResizeObserver],
      ["IntersectionObserver", IntersectionObserver],
      ["MutationObserver", MutationObserver],
    ] as const) {
      const p = ctor.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
      const observe = p.observe!;
      const unobserve = p.unobserve;
      const disconnect = p.disconnect!;
      p.observe = function (this: object, target: unknown, ...rest: unknown[]) {
        const site = siteScript();
        if (site) {
          let o = observers.get(this);
          if (!o) observers.set(this, (o = { kind, targets: new Set(), site }));
          o.targets.add(target as Node);
        }
        return observe.call(this, target, ...rest);
      };
      if (unobserve)
        p.unobserve = function (this: object, target: unknown) {
          observers.get(this)?.targets.delete(target as Node);
          return unobserve.call(this, target);
        };
      p.disconnect = function (this: object) {
        observers.get(this)?.targets.clear();
        return disconnect.call(this);
      };
    }

    // ---- animation frames ----
    type Frame = { cb: FrameRequestCallback; site: string; loop: boolean };
    const frames = new Map<number, Frame>();
    const rawRaf = window.requestAnimationFrame.bind(window);
    const rawCaf = window.cancelAnimationFrame.bind(window);
    let running: FrameRequestCallback | null = null;
    let teardownAt: Set<number> | null = null;
    const ranAfter: string[] = [];
    window.requestAnimationFrame = function (cb: FrameRequestCallback): number {
      const site = siteScript();
      // a loop: a callback that asks for the next frame from inside itself (GSAP's ticker)
      const frame: Frame | null = site ? { cb, site, loop: running === cb } : null;
      const id: number = rawRaf((t) => {
        frames.delete(id);
        if (teardownAt?.has(id) && frame && !frame.loop) ranAfter.push(`${frame.site}: ${String(cb).slice(0, 80)}`);
        const outer = running;
        running = cb;
        try {
          cb(t);
        } finally {
          running = outer;
        }
      });
      if (frame) frames.set(id, frame);
      return id;
    };
    window.cancelAnimationFrame = function (id: number) {
      frames.delete(id);
      return rawCaf(id);
    };

    // ---- fetch: the signal of every request, and whether it settled ----
    type Req = { url: string; signal: AbortSignal | null; settled: boolean; site: string };
    const requests: Req[] = [];
    const rawFetch = window.fetch.bind(window);
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const site = siteScript();
      const p = rawFetch(input, init);
      if (site) {
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
        const req: Req = { url, signal, settled: false, site };
        requests.push(req);
        const done = () => {
          req.settled = true;
        };
        p.then(done, done);
      }
      return p;
    };

    window.__probe = {
      leftovers: () => ({
        listeners: [...live.values()].map((l) => `${describe(l.target)} "${l.type}"${l.capture ? " (capture)" : ""} from ${l.site}`),
        observers: [...observers.values()]
          .filter((o) => o.targets.size > 0)
          .map((o) => `${o.kind} still observing ${[...o.targets].map(describe).join(", ")} (from ${o.site})`),
        frames: [...frames.values()].map((f) => `${f.loop ? "frame loop" : "frame"} from ${f.site}: ${String(f.cb).slice(0, 80)}`),
        fetches: requests.filter((r) => !r.settled && !r.signal?.aborted).map((r) => `${r.url} pending, not aborted (from ${r.site})`),
      }),
      counts: () => {
        const listeners: Record<string, number> = {};
        let mediaListeners = 0;
        for (const l of live.values()) {
          if (l.target instanceof MediaQueryList) mediaListeners++;
          else {
            const name = `${describe(l.target)} ${l.type}`;
            listeners[name] = (listeners[name] ?? 0) + 1;
          }
        }
        const observed: Record<string, number> = {};
        for (const o of observers.values()) observed[o.kind] = (observed[o.kind] ?? 0) + o.targets.size;
        const all = [...frames.values()];
        return {
          listeners,
          mediaListeners,
          observed,
          frames: all.filter((f) => !f.loop).length,
          loopFrames: all.filter((f) => f.loop).length,
          fetches: requests.map((r) => ({
            url: r.url,
            hasSignal: r.signal !== null,
            aborted: Boolean(r.signal?.aborted),
            settled: r.settled,
          })),
        };
      },
      markTeardown: () => {
        teardownAt = new Set(frames.keys());
        const all = [...frames.values()];
        return { oneShot: all.filter((f) => !f.loop).length, loops: all.filter((f) => f.loop).length };
      },
      ranAfterTeardown: () => [...ranAfter],
      frames: (n) =>
        new Promise<void>((resolve) => {
          const tick = (left: number) => (left <= 0 ? resolve() : rawRaf(() => tick(left - 1)));
          tick(n);
        }),
    };
  });
}

const probe = {
  counts: (page: Page) => page.evaluate(() => window.__probe!.counts()),
  leftovers: (page: Page) => page.evaluate(() => window.__probe!.leftovers()),
  frames: (page: Page, n: number) => page.evaluate((k) => window.__probe!.frames(k), n),
};

/** What the runtime drives, as the reader sees it. */
async function driven(page: Page) {
  return { active: await activeIds(page), stage: await readStage(page), hash: await page.evaluate(() => location.hash) };
}

/** Scrolls to a document y without the helpers (whose waits would use the instrumented requestAnimationFrame). */
async function scrollAndWait(page: Page, y: number): Promise<void> {
  await page.evaluate((top) => window.scrollTo({ top, behavior: "instant" }), y);
  await probe.frames(page, 10);
}

test("story:teardown removes every listener, observer, frame and pending fetch the runtime added, and the story stops", async ({
  page,
}) => {
  const steps = await storySteps(page, "en");
  const places = landmarks(steps);
  // a chapter whose data never arrives, so that a fetch is pending at teardown: the one after the
  // chapter the reader stops in (the runtime fetches the next chapter ahead of the reader)
  const stopAt: StepInfo = places.lastOfFirstChapter;
  const held = places.secondChapter;
  expect(held, "the story has a second chapter").toBeTruthy();
  // (any layout: "<slug>.<layout>.json")
  const heldFile = `/stage/${encodeURIComponent(held!.slug)}.`;
  const release: (() => void)[] = [];
  let heldRequests = 0;
  await page.route(
    (url) => url.pathname.includes(heldFile) && url.pathname.endsWith(".json"),
    async (route) => {
      heldRequests++;
      await new Promise<void>((r) => release.push(r));
      await route.continue().catch(() => undefined);
    },
  );
  await installProbe(page);
  try {
    await open(page, "/en/");
    // read a few steps of the first chapter
    const first = places.firstChapter.steps;
    for (const step of [...new Set([first[0]!, places.middleOfFirstChapter, stopAt])]) {
      await jumpToStep(page, step.id);
      await expectSettledOn(page, step);
    }
    await expect.poll(() => heldRequests, { message: "the next chapter's data was requested (and is held)" }).toBeGreaterThan(0);

    // the probe sees the runtime at work (so an empty list after teardown means something)
    const before = await probe.counts(page);
    expect(before.listeners["window scroll"] ?? 0, "runtime scroll listeners on window").toBeGreaterThan(0);
    expect(before.listeners["document scroll"] ?? 0, "scrollama's scroll listener on document").toBeGreaterThan(0);
    expect(before.listeners["document story:teardown"] ?? 0, "the teardown listener itself").toBe(1);
    expect(before.mediaListeners, "media query listeners (GSAP matchMedia)").toBeGreaterThan(0);
    expect(before.observed.IntersectionObserver ?? 0, "scrollama observes the steps").toBeGreaterThan(0);
    expect(before.observed.ResizeObserver ?? 0, "the stage's ResizeObserver").toBeGreaterThan(0);
    const pending = before.fetches.filter((f) => !f.settled && f.url.includes(heldFile));
    expect(pending.length, "the held chapter's fetch is pending").toBeGreaterThan(0);
    expect(
      before.fetches.filter((f) => !f.hasSignal),
      "every runtime fetch can be aborted",
    ).toEqual([]);
    const at = await driven(page);
    expect(at.active).toEqual([stopAt.id]);

    // a scroll event queues frames (scroller and progress bar); teardown follows in the same task
    const marked = await page.evaluate(() => {
      window.dispatchEvent(new Event("scroll"));
      const m = window.__probe!.markTeardown();
      document.dispatchEvent(new Event("story:teardown"));
      return m;
    });
    expect(marked.oneShot, "one-shot frames pending at teardown (which teardown must cancel)").toBeGreaterThan(0);
    await probe.frames(page, 5);

    const after = await probe.leftovers(page);
    expect.soft(after.listeners, "listeners still registered after teardown").toEqual([]);
    expect.soft(after.observers, "observers still observing after teardown").toEqual([]);
    expect.soft(after.fetches, "fetches neither settled nor aborted after teardown").toEqual([]);
    expect
      .soft(await page.evaluate(() => window.__probe!.ranAfterTeardown()), "frames pending at teardown that ran instead of being cancelled")
      .toEqual([]);
    // the fetch that was pending at teardown (its response is still held back) was aborted, not left hanging
    const heldFetches = (await probe.counts(page)).fetches.filter((f) => f.url.includes(heldFile));
    expect(heldFetches.length, "the held chapter's fetch").toBeGreaterThan(0);
    expect
      .soft(
        heldFetches.map((f) => f.aborted),
        "the pending fetch was aborted",
      )
      .toEqual(heldFetches.map(() => true));
    // GSAP's ticker (a frame loop) goes to sleep by itself once nothing is animating (120 frames): no frame may stay pending
    await expect
      .configure({ soft: true })
      .poll(async () => (await probe.leftovers(page)).frames, { timeout: 5_000, message: "animation frames still pending after teardown" })
      .toEqual([]);

    // the story has stopped: scrolling, resizing and waiting change nothing the runtime drives
    await page.evaluate(() => {
      const w = window as unknown as { __mutations: string[] };
      w.__mutations = [];
      new MutationObserver((records) => {
        for (const r of records) w.__mutations.push(`${(r.target as Element).tagName?.toLowerCase()} ${r.type} ${r.attributeName ?? ""}`);
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const yOf = (id: string) =>
      page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top + window.scrollY - innerHeight / 2 + 10, id);
    for (const step of [places.middle, places.last, places.first]) await scrollAndWait(page, await yOf(step.id));
    await scrollAndWait(page, await page.evaluate(() => document.documentElement.scrollHeight));
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: size.height, height: size.width });
    await probe.frames(page, 10);
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    expect.soft(await driven(page), "after teardown .is-active, the stage and the address stay as they were").toEqual(at);
    expect
      .soft(
        await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations),
        "nothing in the page changed after teardown",
      )
      .toEqual([]);
    // still nothing left after all that (the media-query listeners, if left, were reported above)
    const later = await probe.leftovers(page);
    expect
      .soft(
        { ...later, listeners: later.listeners.filter((l) => !after.listeners.includes(l)) },
        "new leftovers after scrolling and resizing",
      )
      .toEqual({
        listeners: [],
        observers: [],
        frames: [],
        fetches: [],
      });

    // the probe catches a leak: a script the site serves, registering a listener now, is reported
    await page.route(
      (url) => url.pathname === "/__teardown-canary.js",
      (route) => route.fulfill({ contentType: "text/javascript", body: 'window.addEventListener("scroll", function canary() {});' }),
    );
    await page.addScriptTag({ url: "/__teardown-canary.js" });
    const canary = (await probe.leftovers(page)).listeners.filter((l) => !after.listeners.includes(l));
    expect(canary, "the probe reports a listener left by a site script").toEqual([
      expect.stringMatching(/^window "scroll" from .*\/__teardown-canary\.js$/),
    ]);
  } finally {
    for (const r of release) r();
  }
});

// The probe does not count registrations by inline scripts of the document (see the top). This
// guards that premise: were an inline script to register listeners, observers, frames or requests,
// the probe above would not see them, and this test says so.
test("the story page has no inline script registering what the probe would not count", async ({ page }) => {
  await open(page, "/en/");
  const inline = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLScriptElement>("script:not([src])"))
      .map((s) => s.textContent ?? "")
      .filter((t) => /addEventListener|addListener|requestAnimationFrame|Observer|fetch\(/.test(t)),
  );
  expect(inline, "inline scripts that register listeners, observers, frames or requests").toEqual([]);
});
