// Every duration of the stage's motion, in one place. A transition runs in three
// phases on one timeline: what leaves fades out, what stays moves, what arrives
// fades in. Within a chapter the phases follow each other (entries wait for the
// exits), so a label's old words never sit on its new ones. Across a chapter
// boundary (a cross-fade) the old picture fades while the new one arrives,
// overlapping, so the stage is never empty; the fades are linear, so at their
// crossing each picture is at about a third of its strength and neither is legible
// over the other.

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
  /** A chapter change: the old picture fades over `exit`, the new one starts `enterAt` in and fades over `enter`. */
  crossfade: { exit: 0.4, enterAt: 0.15, enter: 0.5, move: 0.7, ease: "none" },
} as const;

export interface Phases {
  exit: number;
  move: number;
  enter: number;
}

/** Start times (seconds) of the three phases, given which phases have work. */
export function phaseStarts(has: { exit: boolean; move: boolean; enter: boolean }, crossfade = false): Phases {
  if (crossfade) return { exit: 0, move: 0, enter: has.exit ? MOTION.crossfade.enterAt : 0 };
  const exit = 0;
  const move = has.exit ? MOTION.exit * 0.6 : 0;
  const afterExit = has.exit ? MOTION.exit : 0;
  const afterMove = has.move ? move + MOTION.move * MOTION.enterAfterMove : 0;
  return { exit, move, enter: Math.max(afterExit, afterMove) };
}

/** Durations and ease of each phase. */
export function phaseTimes(crossfade = false): { exit: number; move: number; enter: number; ease: string; fade: string } {
  return crossfade
    ? {
        exit: MOTION.crossfade.exit,
        move: MOTION.crossfade.move,
        enter: MOTION.crossfade.enter,
        ease: MOTION.ease,
        fade: MOTION.crossfade.ease,
      }
    : { exit: MOTION.exit, move: MOTION.move, enter: MOTION.enter, ease: MOTION.ease, fade: MOTION.ease };
}

/** The longest a transition can take (the contract allows 2 s to settle). */
export const MAX_TRANSITION = Math.max(
  phaseStarts({ exit: true, move: true, enter: true }).enter + MOTION.staggerMax + MOTION.enter,
  MOTION.crossfade.enterAt + MOTION.staggerMax + MOTION.crossfade.enter,
  MOTION.crossfade.move,
);
