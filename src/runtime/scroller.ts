// The one wrapper around scrollama. Scrollama tells us when a step crosses the
// trigger line; the truth is always re-read from geometry (the last step whose
// top has passed the trigger line), so flings, jumps and resizes that
// skip events still land on the right step once scrolling stops.
//
// No layout is forced while the reader scrolls. Step positions are measured
// when layout is already clean (at start, in a ResizeObserver callback, on
// resize) and kept as page offsets; the scroll offset is read in the scroll
// event, which runs before this frame's animation callbacks write to the stage.
// Reading either inside an animation frame, after GSAP has set attributes, made
// the browser lay out the page twice a frame: most of the long frames measured
// at 4× CPU slow-down (scripts/bench.ts). Once scrolling stops, everything is
// measured afresh.
//
// The trigger line is the middle of the viewport, or where the story's CSS puts it
// (`--trigger`, a share of the viewport's height): on a phone in portrait, the foot
// of the stage that covers the top 62 % (src/styles/global.css).

import scrollama from "scrollama";

/** The trigger line the story's CSS asks for, as a share of the viewport's height (0.5 unless it says). */
export function triggerOf(story: Element): number {
  const value = Number.parseFloat(getComputedStyle(story).getPropertyValue("--trigger"));
  return value > 0 && value < 1 ? value : 0.5;
}

/** Where the reader is: the scroll offset, the viewport's height, and the story's page offset and height, in CSS px. */
export interface ScrollPosition {
  y: number;
  height: number;
  storyTop: number;
  storyHeight: number;
}

export interface Scroller {
  /** Re-measures the steps and the scroll offset now (e.g. after a layout change). */
  check(): void;
  destroy(): void;
}

/** Index of the last step whose top (page offset, ascending) is at or above `line`; -1 if none. */
export function activeIndex(tops: readonly number[], line: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Calls `onChange` with the active step's index when it changes, and `onFrame`
 * once per animation frame in which the page scrolled or was measured. The
 * steps lie inside `story`.
 */
export function createScroller(
  story: HTMLElement,
  steps: HTMLElement[],
  onChange: (index: number) => void,
  onFrame?: (at: Readonly<ScrollPosition>) => void,
  onTrigger?: (trigger: number) => void,
): Scroller {
  let last = Number.NaN;
  let frame = 0;
  let tops: number[] = [];
  const at: ScrollPosition = { y: 0, height: 0, storyTop: 0, storyHeight: 0 };
  let trigger = triggerOf(story);
  onTrigger?.(trigger);

  const readPosition = () => {
    at.y = window.scrollY;
    at.height = window.innerHeight;
  };
  const measure = () => {
    readPosition();
    const next = triggerOf(story);
    // scrollama's offset(x) (its typings miss it and allow only tenths in setup)
    if (next !== trigger) {
      (scroller as unknown as { offset(x: number): unknown }).offset((trigger = next));
      onTrigger?.(trigger);
    }
    tops = steps.map((s) => s.getBoundingClientRect().top + at.y);
    const box = story.getBoundingClientRect();
    at.storyTop = box.top + at.y;
    at.storyHeight = box.height;
  };
  const update = () => {
    frame = 0;
    const index = activeIndex(tops, at.y + at.height * trigger);
    onFrame?.(at);
    if (index !== last) {
      last = index;
      onChange(index);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  const onScroll = () => {
    readPosition();
    schedule();
  };
  const check = () => {
    cancelAnimationFrame(frame);
    measure();
    update();
  };
  const onResize = () => {
    scroller.resize();
    measure();
    schedule();
  };
  // Fonts, a glossary note opening, a rotation: anything that moves the steps changes the story's size.
  const observer = new ResizeObserver(() => {
    measure();
    schedule();
  });
  observer.observe(story);

  const scroller = scrollama();
  // scrollama's setup() adds a document scroll listener that its destroy() never
  // removes: note what it adds, so teardown can take it away again.
  const release = captureListeners(document, () => {
    scroller
      .setup({ step: steps, offset: trigger as 0.5 })
      .onStepEnter(schedule)
      .onStepExit(schedule);
  });
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("scrollend", check);
  window.addEventListener("resize", onResize);
  check();

  return {
    check,
    destroy() {
      scroller.destroy();
      release();
      observer.disconnect();
      cancelAnimationFrame(frame);
      frame = 0;
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("scrollend", check);
      window.removeEventListener("resize", onResize);
    },
  };
}
/** Runs `fn`, recording the listeners it adds to `target`; returns a function that removes them. */
function captureListeners(target: EventTarget, fn: () => void): () => void {
  const added: Parameters<EventTarget["addEventListener"]>[] = [];
  const own = Object.prototype.hasOwnProperty.call(target, "addEventListener");
  const original = target.addEventListener;
  target.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
    added.push(args);
    original.apply(this, args);
  };
  try {
    fn();
  } finally {
    if (own) target.addEventListener = original;
    else delete (target as { addEventListener?: unknown }).addEventListener;
  }
  return () => {
    for (const [type, listener, options] of added.splice(0)) target.removeEventListener(type, listener, options);
  };
}
