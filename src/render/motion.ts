// Every duration of the stage's motion, in one place. A transition runs in three
// phases on one timeline: what leaves fades out first, what stays moves, what
// arrives fades in last, a little staggered. Entries never start before exits
// have finished, so two pictures are never on top of each other.

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
export const MAX_TRANSITION = phaseStarts({ exit: true, move: true, enter: true }).enter + MOTION.staggerMax + MOTION.enter;
