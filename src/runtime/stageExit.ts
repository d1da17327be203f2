// The stage leaves when the story does. Sticky in the story's box, it would scroll
// away with the story's foot: the last figure's lower half (people, a source line's
// hairline) hanging over the empty room before the ending. Once the ending's top has
// come up past EXIT of the viewport's height and the last step's card has gone off the
// screen's top (read: the stage stays while it is on screen; graphics review 36 found it
// gone while readers were still on the last card), the stage wrapper gets `data-ended`
// and fades out at once (src/styles/ending.css; on a phone held upright the band scrolls
// away with the last card instead); scrolled back, it returns.

/** The share of the viewport's height, from the top, the ending's top must pass for the stage to go. */
export const EXIT = 0.85;

/** Watches the ending and the last card; returns a teardown. */
export function setupStageExit(wrap: HTMLElement | null, ending: HTMLElement | null, lastCard: HTMLElement | null): () => void {
  if (!wrap || !ending || typeof IntersectionObserver !== "function") return () => undefined;
  // In the band above the line, or scrolled past it entirely (its top above the viewport).
  let past = false;
  // No card to wait for: as good as gone.
  let cardGone = !lastCard;
  const update = () => wrap.toggleAttribute("data-ended", past && cardGone);
  const endWatch = new IntersectionObserver(
    ([entry]) => {
      if (!entry) return;
      past = entry.isIntersecting || entry.boundingClientRect.top < 0;
      update();
    },
    { rootMargin: `0px 0px -${Math.round((1 - EXIT) * 100)}% 0px` },
  );
  endWatch.observe(ending);
  const cardWatch = new IntersectionObserver(([entry]) => {
    if (!entry) return;
    // Off the screen above it (below it, the reader has not got there yet).
    cardGone = !entry.isIntersecting && entry.boundingClientRect.bottom <= 0;
    update();
  });
  if (lastCard) cardWatch.observe(lastCard);
  return () => {
    endWatch.disconnect();
    cardWatch.disconnect();
    wrap.removeAttribute("data-ended");
  };
}
