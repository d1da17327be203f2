// Every duration of the stage's motion, in one place. A transition runs in three
// phases on one timeline: what leaves fades out, what stays moves, what arrives
// fades in. Within a chapter the phases follow each other (entries wait for the
// exits, and for the moves where marks travel), so a label's old words never sit on
// its new ones; where nothing travels the arrivals overlap the exits' end, shapes first. Across a chapter
// boundary (a cross-fade) one picture hands over to the other at a crossing: the
// old picture, words and shapes, holds and then drops fast; the new one rises fast
// from just before the crossing and then settles; so at every moment one of the two
// dominates, the moment both show is a few frames of two faint pictures, and the stage
// is without a legible picture for well under 100 ms. The old words are gone before
// the new words show (a reviewer saw text over text). Hand-overs travel from the start
// and land as their new picture comes whole. With reduced motion nothing moves: every
// change is a short cross-fade in the same order.

/** A fade's start and end, in seconds from the transition's start. */
type Span = readonly [number, number];
/** A cross-fade's timing: when each kind of mark fades, the hand-overs' move, the fades' eases. */
export interface Fade {
  textOut: Span;
  shapesOut: Span;
  shapesIn: Span;
  textIn: Span;
  move: Span;
  /** GSAP eases of the old picture leaving (slow, then fast) and of the new one arriving (fast, then slow). */
  easeOut: string;
  easeIn: string;
}
/**
 * A chapter change (issue 18; review 24 saw two faint pictures muddled at ~200 ms, the
 * old chapter's header over the new figure, and a near-blank stage on a phone, with the
 * old fades linear). Reviews 31 and 34 then caught the old picture, still the stronger,
 * with the old header at 150 ms after the new step turned. Now the old picture keeps over
 * half its strength until ~90 ms and is gone at 130 ms; the new one passes half its
 * strength at ~150 ms and is nearly whole at 300 ms; the two cross at ~115 ms, both near a
 * fifth of their strength, and the header changes there. Old words leave with their shapes
 * (a picture is its labels too) and are gone (under a tenth) before the new words pass a
 * tenth. The hand-overs (the same object in both pictures) leave their old place while
 * their old picture still holds, and land at 280 ms, as their new picture becomes legible:
 * they do not drift over it (review 24 saw NVIDIA's chip and OpenAI's dot loose over the
 * customers' fan, with the move over 600 ms); the last words settle at 470 ms.
 */
const CROSSFADE: Fade = {
  textOut: [0, 0.1],
  shapesOut: [0, 0.13],
  shapesIn: [0.09, 0.42],
  textIn: [0.13, 0.47],
  move: [0, 0.28],
  easeOut: "power3.in",
  easeIn: "power3.out",
};
/** The same cross-fade in `seconds` in all. */
function shrink(fade: Fade, seconds: number): Fade {
  const k = seconds / Math.max(fade.move[1], fade.textIn[1], fade.shapesIn[1]);
  const by = ([a, b]: Span): Span => [a * k, b * k];
  return {
    textOut: by(fade.textOut),
    shapesOut: by(fade.shapesOut),
    shapesIn: by(fade.shapesIn),
    textIn: by(fade.textIn),
    move: by(fade.move),
    easeOut: fade.easeOut,
    easeIn: fade.easeIn,
  };
}

/**
 * The moment (seconds) the new picture's shapes become the stronger: the first at which the
 * old shapes' opacity (falling along `easeOut`) is no more than the new ones' (rising along
 * `easeIn`). `ease` turns an ease's name into its function (gsap.parseEase). The stage's header
 * names the new chapter from then.
 */
export function crossing(fade: Fade, ease: (name: string) => (p: number) => number): number {
  const out = ease(fade.easeOut);
  const into = ease(fade.easeIn);
  const share = ([a, b]: Span, t: number) => (b <= a ? (t >= b ? 1 : 0) : Math.min(Math.max((t - a) / (b - a), 0), 1));
  const end = Math.max(fade.shapesOut[1], fade.shapesIn[0]);
  for (let t = 0; t < end; t += 0.001) if (1 - out(share(fade.shapesOut, t)) <= into(share(fade.shapesIn, t))) return t;
  return end;
}

export const MOTION = {
  /** Seconds for marks that leave to fade out. */
  exit: 0.3,
  /** Seconds for marks that stay to move to their new place. */
  move: 0.6,
  /** Seconds for each arriving mark to fade in. */
  enter: 0.3,
  /** Delay between consecutive arrivals, and the most all arrivals may be spread over. */
  stagger: 0.03,
  staggerMax: 0.2,
  /** Share of the move that runs before arrivals may begin. */
  enterAfterMove: 0.6,
  /**
   * Where nothing travels (marks only leave, arrive, dim or brighten), the share of the exits that runs before
   * arrivals begin: the leaving words are under a tenth of their strength by then, and the new picture comes in as
   * the old one goes (graphics review 44, item 7: waiting for the dimming too, the stage showed for a quarter of
   * a second only what the two steps share, a picture of neither).
   */
  enterAfterExit: 0.8,
  /** There, the share of the exits before arriving shapes (not words: words never over words) begin. */
  shapesAfterExit: 0.3,
  ease: "power2.inOut",
  /** A chapter change: see CROSSFADE. */
  crossfade: CROSSFADE,
  /** Reduced motion: every change the same cross-fade shrunk to 150 ms; marks that stay jump to their place. */
  reduced: { ...shrink(CROSSFADE, 0.15), move: [0, 0] as Span },
} as const;

export interface Phases {
  exit: number;
  move: number;
  enter: number;
  /** When arriving shapes (marks without words) begin: with the other arrivals, or sooner where nothing travels. */
  shapes: number;
}

/**
 * Start times (seconds) of the three phases, given which phases have work: `move`, whether a mark that stays
 * travels (changes place or size); one that only dims or brightens keeps the arrivals waiting for the exits alone.
 */
export function phaseStarts(has: { exit: boolean; move: boolean; enter: boolean }): Phases {
  const exit = 0;
  const move = has.exit ? MOTION.exit * 0.6 : 0;
  if (!has.move)
    return has.exit
      ? { exit, move, enter: MOTION.exit * MOTION.enterAfterExit, shapes: MOTION.exit * MOTION.shapesAfterExit }
      : { exit, move, enter: 0, shapes: 0 };
  const afterExit = has.exit ? MOTION.exit : 0;
  const enter = Math.max(afterExit, move + MOTION.move * MOTION.enterAfterMove);
  return { exit, move, enter, shapes: enter };
}

/** The longest a transition can take (the contract allows 2 s to settle). */
export const MAX_TRANSITION = Math.max(
  phaseStarts({ exit: true, move: true, enter: true }).enter + MOTION.staggerMax + MOTION.enter,
  MOTION.crossfade.textIn[1],
  MOTION.crossfade.move[1],
);
