// Page furniture that follows the reader: the reading-progress bar, the chapter
// navigation (aria-current on the chapter in view) and the language switch,
// whose link keeps the reader's place in the other language.

import type { ScrollPosition } from "./scroller.ts";

/** Share of the story scrolled past, 0…1 (measured by the scroller, src/runtime/scroller.ts). */
export function progressOf(at: ScrollPosition): number {
  const total = at.storyHeight - at.height;
  return total > 0 ? Math.min(1, Math.max(0, (at.y - at.storyTop) / total)) : 1;
}

/**
 * Whether the stylesheet drives the bar by the scroll itself (a scroll-driven animation on
 * the compositor, src/styles/global.css): then only its value for screen readers is kept here.
 * Setting the bar's transform at every frame costs a style pass and a commit per frame.
 */
const scrollDriven = (): boolean => typeof CSS !== "undefined" && CSS.supports?.("animation-timeline: view()") === true;
let driven: boolean | undefined;

export function updateProgress(bar: HTMLElement | null, at: ScrollPosition): void {
  if (!bar) return;
  const done = progressOf(at);
  driven ??= scrollDriven();
  if (!driven) bar.style.transform = `scaleX(${done.toFixed(4)})`;
  const now = String(Math.round(done * 100));
  if (bar.parentElement?.getAttribute("aria-valuenow") !== now) bar.parentElement?.setAttribute("aria-valuenow", now);
}

export function updateNav(links: readonly HTMLAnchorElement[], chapter: string | null): void {
  for (const a of links) {
    if (a.hash === `#${chapter}`) a.setAttribute("aria-current", "true");
    else a.removeAttribute("aria-current");
  }
}

export function updateLangSwitch(links: readonly HTMLAnchorElement[], hash: string): void {
  for (const a of links) a.hash = hash;
}
