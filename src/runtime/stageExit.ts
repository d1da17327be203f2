// The stage leaves when the story does. Sticky in the story's box, it would scroll
// away with the story's foot: the last figure's lower half (people, a source line's
// hairline) hanging over the empty room before the ending. Once the ending's top has
// come up past EXIT of the viewport's height, the stage wrapper gets `data-ended`
// and fades out at once (src/styles/ending.css); scrolled back, it returns.

/** The share of the viewport's height, from the top, the ending's top must pass for the stage to go. */
export const EXIT = 0.85;

/** Watches the ending; returns a teardown. */
export function setupStageExit(wrap: HTMLElement | null, ending: HTMLElement | null): () => void {
  if (!wrap || !ending || typeof IntersectionObserver !== "function") return () => undefined;
  const observer = new IntersectionObserver(
    ([entry]) => {
      if (!entry) return;
      // In the band above the line, or scrolled past it entirely (its top above the viewport): ended.
      const ended = entry.isIntersecting || entry.boundingClientRect.top < 0;
      wrap.toggleAttribute("data-ended", ended);
    },
    { rootMargin: `0px 0px -${Math.round((1 - EXIT) * 100)}% 0px` },
  );
  observer.observe(ending);
  return () => {
    observer.disconnect();
    wrap.removeAttribute("data-ended");
  };
}
