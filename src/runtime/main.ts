// Wires the page: steps → scroller → stage, plus deep links, the address bar
// (replaceState, never pushState), progress, navigation, reduced motion, the
// share buttons, the numbers' source notes, the chapter menu, the colour-scheme toggle, the
// stage's exit before the ending and the folds of the ending's back matter.
// Everything here upgrades server-rendered HTML that already reads well alone.

import { Stage } from "./stage.ts";
import { createScroller } from "./scroller.ts";
import { createStageData } from "./stageData.ts";
import { updateLangSwitch, updateNav, updateProgress } from "./chrome.ts";
import { setupGlossary } from "./glossary.ts";
import { setupFactNotes } from "./factNotes.ts";
import { setupShare } from "./share.ts";
import { setupTheme } from "./theme.ts";
import { setupMotionSwitch } from "./motionSwitch.ts";
import { setupMenu } from "./menu.ts";
import { setupEndingFold } from "./endingFold.ts";
import { setupStageExit } from "./stageExit.ts";

/** Starts the story; returns a teardown that removes every listener and tween. */
export function start(): () => void {
  const stageEl = document.querySelector<HTMLElement>("[data-stage]");
  const story = document.querySelector<HTMLElement>("[data-story]");
  const steps = Array.from(document.querySelectorAll<HTMLElement>(".step[data-step]"));
  if (!stageEl || !story || steps.length === 0) return () => undefined;

  // Reduced motion (the system's setting or the reader's switch), followed live. (gsap.matchMedia
  // would do, but its revert leaves its MediaQueryList listeners behind; these are removed on teardown.)
  const motion = setupMotionSwitch(document.querySelector<HTMLButtonElement>("button[data-motion-switch]"));

  // The address names the step the stage has come to rest on: written once the
  // transition ends, not at every step a fast scroll passes (WebKit limits how
  // often a page may call replaceState). And written in idle time, not in the
  // frame that settles: a same-document navigation costs about 3 ms, and makes
  // Chromium fetch and decode the page icon again.
  let address: string | null = null;
  let idle = 0;
  const idleCallbacks = typeof requestIdleCallback === "function";
  const cancelWrite = () => {
    if (idle) (idleCallbacks ? cancelIdleCallback : clearTimeout)(idle);
    idle = 0;
  };
  const writeAddress = () => {
    if (address === null) return;
    const settled = address;
    address = null;
    const write = () => {
      idle = 0;
      if (location.hash !== settled) history.replaceState(history.state, "", settled || location.pathname + location.search);
    };
    cancelWrite();
    idle = idleCallbacks ? requestIdleCallback(write, { timeout: 300 }) : (setTimeout(write, 50) as unknown as number);
  };
  const data = createStageData(stageEl.dataset.stageSrc ?? "stage/{slug}.{layout}.json");
  const stage = new Stage(stageEl, data, writeAddress);
  const navLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-nav]"));
  const langLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-lang-switch]"));
  const bar = document.querySelector<HTMLElement>("[data-progress-bar]");
  const chapters = Array.from(document.querySelectorAll<HTMLElement>("section[data-chapter]")).map((s) => s.id);
  // The first chapter's drawings are needed at once (the page preloads them, in the layout its media queries expect).
  if (chapters[0]) data.get(chapters[0], stage.pickLayout()).catch(() => undefined);

  // A deep link (or a reload, whose address holds the step) lands on its step.
  const linked = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (linked?.classList.contains("step")) {
    history.scrollRestoration = "manual";
    linked.scrollIntoView({ block: "start", behavior: "instant" });
  }

  // A fast trip (the chapter menu, the Home key, a fling) passes many steps within a few
  // frames. The stage does not flick through all their states: when steps change less than
  // TRAVEL_MS apart, it waits until one has stayed active for TRAVEL_MS and goes there in
  // one transition. Reading pace (a step every half second and slower) is never held back.
  const TRAVEL_MS = 150;
  let lastChange = Number.NEGATIVE_INFINITY;
  let travel = 0;
  let first = true;
  const showStep = (index: number, animate: boolean) => {
    travel = 0;
    const step = steps[Math.max(index, 0)]!;
    const [slug, state] = step.dataset.step!.split("/") as [string, string];
    // at the very top on arrival the address is left as it came
    if (!first || index >= 0) address = index >= 0 ? `#${step.id}` : "";
    // reduced motion: nothing moves, the pictures cross-fade (src/render/motion.ts)
    stage.show(slug, state, animate, false, motion.reduced());
  };
  const apply = (index: number) => {
    steps.forEach((el, i) => el.classList.toggle("is-active", i === index));
    const step = steps[Math.max(index, 0)]!;
    const slug = step.dataset.step!.split("/")[0]!;
    const now = performance.now();
    const passing = !first && now - lastChange < TRAVEL_MS;
    // Arriving is no step change: a reader who scrolls at once is not on a fast trip.
    if (!first) lastChange = now;
    clearTimeout(travel);
    if (passing) travel = window.setTimeout(() => showStep(index, true), TRAVEL_MS);
    else showStep(index, !first);
    // Once the reader is in a chapter, load the next one's drawings (a few KB).
    const next = chapters[chapters.indexOf(slug) + 1];
    if (next && index >= 0) data.get(next, stage.pickLayout()).catch(() => undefined);
    updateNav(navLinks, index >= 0 ? slug : null);
    // The switch keeps the last step read, so scrolling up to reach it keeps the place.
    if (index >= 0) updateLangSwitch(langLinks, `#${step.id}`);
    first = false;
  };

  // The stage names the trigger line it follows (docs/CONTRACT.md: `data-trigger`, a share of the
  // viewport's height), so an outside check reads the line instead of assuming the middle.
  const scroller = createScroller(
    story,
    steps,
    apply,
    (at) => updateProgress(bar, at),
    (t) => (stageEl.dataset.trigger = String(t)),
  );
  const glossary = setupGlossary(story);
  const factNotes = setupFactNotes(story);
  const share = setupShare(story);
  const theme = setupTheme();
  const menu = setupMenu();
  const fold = setupEndingFold();
  const exit = setupStageExit(
    stageEl.closest<HTMLElement>(".stage-wrap"),
    document.querySelector<HTMLElement>("[data-ending]"),
    [...document.querySelectorAll<HTMLElement>("[data-step] .step-text")].at(-1) ?? null,
  );

  // Fonts can shift the layout after a deep link: keep the linked step in place
  // unless the reader has already moved.
  let moved = false;
  const markMoved = () => {
    moved = true;
  };
  const moves = ["wheel", "touchstart", "keydown", "pointerdown"];
  for (const type of moves) window.addEventListener(type, markMoved, { once: true, passive: true });
  let live = true;
  document.fonts?.ready.then(() => {
    if (!live) return;
    if (linked && !moved) linked.scrollIntoView({ block: "start", behavior: "instant" });
    scroller.check();
  });

  // Printing: the printed figures are lazy images, hidden on screen, so a reader never fetches them
  // (src/components/PrintFigure.astro): fetch them at once (Chromium loads lazy images for printing
  // by itself; this is for the browsers that may not). And the static faces print sets the sans in
  // (src/styles/fonts.css), preloaded now: Chromium, busy loading the figures first, asked for them
  // too late and printed the page's sans in a fallback face (the figures carry their own).
  let printFonts = false;
  const printing = () => {
    for (const img of document.querySelectorAll<HTMLImageElement>(".print-figure img, .cover-figure img")) img.loading = "eager";
    const fonts = document.querySelector<HTMLTemplateElement>("template[data-print-fonts]");
    if (fonts && !printFonts) document.head.append(fonts.content.cloneNode(true));
    printFonts = true;
  };
  window.addEventListener("beforeprint", printing);

  // The runtime loads after the first paint (src/pages/[lang]/index.astro): say when it runs.
  stageEl.dataset.live = "true";

  return () => {
    live = false;
    cancelWrite();
    clearTimeout(travel);
    delete stageEl.dataset.live;
    delete stageEl.dataset.trigger;
    glossary();
    factNotes();
    share();
    theme();
    menu();
    fold();
    exit();
    scroller.destroy();
    stage.destroy();
    data.abort();
    motion.destroy();
    for (const type of moves) window.removeEventListener(type, markMoved);
    window.removeEventListener("beforeprint", printing);
  };
}
