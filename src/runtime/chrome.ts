// Page furniture that follows the reader: the reading-progress bar, the chapter
// navigation (aria-current on the chapter in view) and the language switch,
// whose link keeps the reader's place in the other language.

export function updateProgress(bar: HTMLElement | null, story: HTMLElement): void {
  if (!bar) return;
  const rect = story.getBoundingClientRect();
  const total = rect.height - window.innerHeight;
  const done = total > 0 ? Math.min(1, Math.max(0, -rect.top / total)) : 1;
  bar.style.transform = `scaleX(${done.toFixed(4)})`;
  bar.parentElement?.setAttribute("aria-valuenow", String(Math.round(done * 100)));
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
