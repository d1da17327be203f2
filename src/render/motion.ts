// Every duration of the stage's motion, in one place. A transition runs in three
// phases on one timeline: what leaves fades out, what stays moves, what arrives
// fades in. Within a chapter the phases follow each other (entries wait for the
// exits), so a label's old words never sit on its new ones. Across a chapter
// boundary (a cross-fade) the old picture's shapes fade while the new one's arrive,
// overlapping, so the stage is never empty; the words do not overlap at all: the old
// labels leave first and are gone before the new labels arrive, last (a reviewer saw
// text over text). Hand-overs travel the whole time. With reduced motion nothing
// moves: every change is a short cross-fade in the same order.

/** A fade's start and end, in seconds from the transition's start. */
type Span = readonly [number, number];
/** A cross-fade's timing: when each kind of mark fades, the hand-overs' move, the fades' ease. */
export interface Fade {
  textOut: Span;
  shapesOut: Span;
  shapesIn: Span;
  textIn: Span;
  move: Span;
  ease: string;
}
/**
 * A chapter change: old labels leave, old shapes fade, new shapes arrive, new labels
 * arrive once the old ones have gone (no words over words); hand-overs move throughout.
 * The two pictures overlap only while both are faint (130–250 ms: the old one under
 * half its strength, the new one under 30 %), so no frame shows two legible pictures (a reviewer saw
 * a ghost of the old cross-section under the new figure at 600 ms), and the stage is
 * never empty; the new picture is whole by 550 ms, the hand-overs settle in the slow
 * end of their move by 600 ms.
 */
const CROSSFADE: Fade = {
  textOut: [0, 0.12],
  shapesOut: [0, 0.25],
  shapesIn: [0.13, 0.55],
  textIn: [0.35, 0.55],
  move: [0, 0.6],
  ease: "none",
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
    ease: fade.ease,
  };
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
}

/** Start times (seconds) of the three phases, given which phases have work. */
export function phaseStarts(has: { exit: boolean; move: boolean; enter: boolean }): Phases {
  const exit = 0;
  const move = has.exit ? MOTION.exit * 0.6 : 0;
  const afterExit = has.exit ? MOTION.exit : 0;
  const afterMove = has.move ? move + MOTION.move * MOTION.enterAfterMove : 0;
  return { exit, move, enter: Math.max(afterExit, afterMove) };
}

/** The longest a transition can take (the contract allows 2 s to settle). */
export const MAX_TRANSITION = Math.max(
  phaseStarts({ exit: true, move: true, enter: true }).enter + MOTION.staggerMax + MOTION.enter,
  MOTION.crossfade.textIn[1],
  MOTION.crossfade.move[1],
);
