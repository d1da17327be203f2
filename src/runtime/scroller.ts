// The one wrapper around scrollama. Scrollama tells us when a step crosses the
// trigger line; the truth is always re-read from geometry (the last step whose
// top has passed the middle of the viewport), so flings, jumps and resizes that
// skip events still land on the right step once scrolling stops.

import scrollama from "scrollama";

export interface Scroller {
  /** Re-reads geometry now (e.g. after a layout change). */
  check(): void;
  destroy(): void;
}

/** Index of the last step whose top edge is at or above the trigger line; -1 if none. */
export function activeIndex(steps: readonly HTMLElement[], triggerY: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.getBoundingClientRect().top <= triggerY) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function createScroller(steps: HTMLElement[], onChange: (index: number) => void): Scroller {
  let last = Number.NaN;
  let frame = 0;
  const check = () => {
    frame = 0;
    const index = activeIndex(steps, window.innerHeight / 2);
    if (index !== last) {
      last = index;
      onChange(index);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(check);
  };
  const onResize = () => {
    scroller.resize();
    schedule();
  };

  const scroller = scrollama();
  // scrollama's setup() adds a document scroll listener that its destroy() never
  // removes: note what it adds, so teardown can take it away again.
  const release = captureListeners(document, () => {
    scroller.setup({ step: steps, offset: 0.5 }).onStepEnter(schedule).onStepExit(schedule);
  });
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("scrollend", check);
  window.addEventListener("resize", onResize);
  check();

  return {
    check,
    destroy() {
      scroller.destroy();
      release();
      cancelAnimationFrame(frame);
      frame = 0;
      window.removeEventListener("scroll", schedule);
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
