// The company scene's deal diagram (chapters 3 and 4): every actor has one seat,
// held through all seven states, so a step only adds, removes or restyles marks
// and nothing jumps. Colour and line style follow the figure vocabulary
// (src/scenes/figure.css): rust for Altman, OpenAI and their plan, grey rings for
// everyone else, blue for money; solid what exists or is reported as having happened
// (talks insiders report as held included), dashed what is planned, considered or
// still under review.

import type { ClassList } from "../story/types.ts";
import type { Layout } from "../story/config.ts";
import type { Side } from "./figure.ts";

export const STATES = ["plan", "investors", "approval", "motives", "crisis", "stake", "calm"] as const;
export type State = (typeof STATES)[number];

/**
 * Seats as fractions of the plot (u across, v down): print's, and a phone on its side's. One grid on every stage
 * (graphics review 44, item 6: long diagonals left half the stage empty): the plan runs across the middle row,
 * Altman → the company → its data centres, OpenAI under the racks; money and Commerce above the company, straight
 * down onto it; the governments, SoftBank and the board down the left column under Altman.
 */
export const SEATS = {
  investors: [0.42, 0.1],
  pe: [0.05, 0.1],
  altman: [0.05, 0.42],
  company: [0.42, 0.42],
  commerce: [0.54, 0.08],
  // (a little above the middle of the lower half: on paper the governments' aims hang under their words, above the
  // caption; graphics review 53, item 5)
  gov: [0.05, 0.6],
  softbank: [0.05, 0.76],
  board: [0.05, 0.76],
  dcs: [0.86, 0.42],
  hero: [0.86, 0.84],
} as const;
export type Seat = keyof typeof SEATS;
/**
 * The phone's stage (600 × 800, portrait, at a larger type): its own seats, held through both chapters too.
 * The plan reads top to bottom: money and Commerce above the company, straight down onto it, its data centres
 * under it, OpenAI at the foot; the governments sit top left, their words hung under them above
 * Altman's row.
 */
const SQUARE: Partial<Record<Seat, readonly [number, number]>> = {
  investors: [0.58, 0.1],
  pe: [0.05, 0.1],
  // (Commerce right of the middle, the governments' name wrapped narrower: side by side at the top, the governments'
  // name ran into Commerce's ring, which read as its bullet; both a little lower, off the chapter's kicker. Graphics
  // review 45, item 5.)
  commerce: [0.56, 0.1],
  // (right of the middle: Altman's "found" and the governments' words keep a few px off the box; graphics review 41)
  company: [0.52, 0.45],
  altman: [0.05, 0.45],
  // (a little higher than Commerce: the governments' aims hang under their words, above the company box; graphics
  // review 53, item 5)
  gov: [0.05, 0.05],
  board: [0.05, 0.72],
  softbank: [0.05, 0.72],
  dcs: [0.5, 0.8],
  hero: [0.8, 0.94],
};
/** Names on the phone's stage that would break inside a word at their usual width (a fraction of the plot). */
const SQUARE_NAME_WIDTH: Partial<Record<Seat, number>> = { commerce: 0.4, pe: 0.44, gov: 0.36 };
/**
 * Names on a phone on its side (`land`, larger type for its width) that must keep to one line: the board's two-line
 * name set its words under it down onto OpenAI's name (the new board, German); the private-equity firms' in two lines,
 * not three, so their words keep above the company box.
 */
const LAND_NAME_WIDTH: Partial<Record<Seat, number>> = { board: 0.38, pe: 0.36 };
/** A width given for one state (`own`) wins over the phone's usual one. */
export const nameWidthOf = (layout: Layout, seat: Seat, width = 0.3, own = false): number =>
  own ? width : layout === "square" ? (SQUARE_NAME_WIDTH[seat] ?? width) : layout === "land" ? (LAND_NAME_WIDTH[seat] ?? width) : width;
/** Words on a line, as a fraction of the plot: on the phone Altman's "found" wraps to fit between him and the box. */
export const linkWidthOf = (layout: Layout, key: string): number =>
  layout !== "square"
    ? 0.26
    : key === "link-found"
      ? 0.18
      : key === "link-stake"
        ? SQUARE_STAKE
        : key === "link-worry"
          ? SQUARE_WORRY
          : 0.26;
/**
 * The governments' aims callout: its width, a fraction of the plot (each aim one line where there is room, the German
 * data line the longest); on a phone on its side, right of their words, between the dotted line and OpenAI's.
 */
const AIMS_WIDTH: Record<Layout, number> = { square: 0.9, column: 0.6, print: 0.5, land: 0.42 };
/** OpenAI's stake on the phone: its words in the room right of its line, above OpenAI's name. */
const SQUARE_STAKE = 0.24;
/**
 * The board's worry on the phone: two lines between its arrow and the company's line to the racks, not four (German).
 * (0.4, not 0.36: without the motives' list the board's steps are drawn larger, and at 0.36 the German worry wrapped to
 * three lines, its last on the board's ring.)
 */
const SQUARE_WORRY = 0.4;
/**
 * Sides a name tries first on the phone, where they differ: the data centres' under the racks, else right of them
 * (left of them it ran into the board's words, and into SoftBank's once the stage's caption left the line-style key
 * to the chapter's first step, its taller picture sending the line to OpenAI through the words under the racks:
 * graphics review 51, item 4), and OpenAI's right of its dot, since the line between them ends at the dot from the left.
 */
const SQUARE_SIDES: Partial<Record<Seat, Side[]>> = { dcs: ["below", "right", "left"], hero: ["right", "below", "left"] };
export const sidesOf = (layout: Layout, seat: Seat, sides: Side[]): Side[] => (layout === "square" ? (SQUARE_SIDES[seat] ?? sides) : sides);
/**
 * The desktop's stage: print's grid, its rows spread over the taller plot; Commerce at the very top, named beside its
 * ring, its approval straight down onto the company; the governments under Altman, their words under them.
 */
const COLUMN: Partial<Record<Seat, readonly [number, number]>> = {
  investors: [0.42, 0.04],
  pe: [0.05, 0.04],
  commerce: [0.54, 0.03],
  altman: [0.05, 0.36],
  company: [0.42, 0.36],
  gov: [0.05, 0.66],
  board: [0.05, 0.86],
  softbank: [0.05, 0.86],
  dcs: [0.86, 0.36],
  hero: [0.86, 0.86],
};
/**
 * A phone on its side (`land`, shorter than print for its type, drawn larger for its room): the print grid, its lower
 * rows a little lower, so the governments' name stands beside their ring, clear of the company box, and their
 * words above the caption.
 */
const LAND: Partial<Record<Seat, readonly [number, number]>> = {
  // (right of the company's middle: the private-equity firms' German name ran up to the investors' ring; review 45)
  investors: [0.5, 0.1],
  // (a little lower than print's: the governments' aims stand between the company box and their name; graphics review 52)
  gov: [0.05, 0.76],
  board: [0.05, 0.8],
  softbank: [0.05, 0.8],
  hero: [0.86, 0.86],
};
export const seatsOf = (layout: Layout): Record<Seat, readonly [number, number]> =>
  layout === "square"
    ? { ...SEATS, ...SQUARE }
    : layout === "column"
      ? { ...SEATS, ...COLUMN }
      : layout === "land"
        ? { ...SEATS, ...LAND }
        : SEATS;
/** The company box's width, a fraction of the plot. */
export const boxWidth = (layout: Layout): number => (layout === "square" ? 0.46 : 0.34);

export interface NodeSpec {
  key: Exclude<Seat, "company" | "dcs">;
  text: string;
  cls: ClassList;
  prefer: Side[];
  /** Width its name may take, a fraction of the plot (default 0.3). */
  maxWidth?: number;
  /** A second line of words, set under its name (keyed "<key>-val"). */
  val?: string;
  /** Width the second line may take, a fraction of the plot (default 0.42). */
  valWidth?: number;
  /** Stepped back: the same mark in its own hue, only fainter (never a change of colour), its name muted. */
  faint?: boolean;
  /** Stepped back, its name keeps its weight (so it keeps its place), only greyed. */
  bold?: boolean;
  /**
   * A callout on the node: a block headed by what it is ("Their aims:"), each item its own line after a tick, joined to
   * the ring by a leader; under the node's words, or (`beside`) on the ring's row right of them.
   */
  callout?: { head: string; items: { key: string; text: string }[]; beside?: boolean; width: number };
  /** More room between its mark and its name, in the name's ems (where a line leaves the mark beside the name). */
  clear?: number;
}

export interface LinkSpec {
  key: string;
  from: Seat;
  to: Seat;
  cls: ClassList;
  text?: string;
  bend?: number;
  /** Arrowhead at `to`. */
  head?: boolean;
  prefer?: Side[];
  at?: number;
  /** Money on it: a blue square along the stream. */
  money?: boolean;
  /** Stepped back: the same line, fainter. */
  faint?: boolean;
  /** Onto a box below: straight down from the ring onto its top edge (where the ring stands over it), not to its centre. */
  drop?: boolean;
  /** Into a box from the left: onto its left edge, a quarter of its height down (clear of Altman's line into its middle). */
  fromLeft?: boolean;
  /** Its words set after the names and their second lines, round them (a block of several lines would push them off). */
  late?: boolean;
  /** Its words hung under that actor's words, flush left with them (the line passing beside them), not beside a point on it. */
  under?: Seat;
  /** Onto a box above: up onto the middle of its bottom edge, leaving the ring up and to the right (clear of its name beside it). */
  rise?: boolean;
  /** Leaving its ring on the left (down the stage's edge, clear of a leader that leaves the ring downward). */
  leaveLeft?: boolean;
}

export interface Spec {
  nodes: NodeSpec[];
  links: LinkSpec[];
  /** The company box's line under its name, keyed by what it says. */
  sub: { key: string; text: string };
  /**
   * A change in the plan's standing, in ink beside the company box it is about (keyed "company-state"): over its
   * top-left corner, clear of the money dropping onto its middle.
   */
  state?: string;
}

type T = (key: string) => string;

const HERO = "marker marker-hero";
const RING = "marker marker-ring";
/** A node stepping back keeps its hue, only fainter: Altman stays rust, the investors a grey ring. */
const faint = (n: NodeSpec): NodeSpec => ({ ...n, faint: true });
/** Altman's and OpenAI's plan: rust, dashed (planned). */
const PLAN = "arc arc-dash";
/** Money not yet raised: a blue stream, dashed. */
const MONEY = "arc arc-money arc-dash";

/** What the company does in every state: Altman founds it, it builds the data centres, OpenAI would rent from them. */
const core = (t: T, words: boolean, phone = false): LinkSpec[] => [
  {
    key: "link-found",
    from: "altman",
    to: "company",
    cls: PLAN,
    head: true,
    ...(words ? { text: t("found"), prefer: ["above", "below"] } : {}),
  },
  {
    key: "link-build",
    from: "company",
    to: "dcs",
    cls: PLAN,
    head: true,
    ...(words ? { text: t("build"), prefer: ["right", "left"] } : {}),
  },
  // (down from the racks beside the stage's edge, its words on the left; on the phone across to OpenAI, under it)
  {
    key: "link-rent",
    from: "dcs",
    to: "hero",
    cls: PLAN,
    head: true,
    ...(words ? { text: t("rent"), prefer: phone ? ["below", "left"] : ["left", "right"] } : {}),
  },
];

const node = (key: NodeSpec["key"], text: string, cls: ClassList, prefer: Side[], val?: string): NodeSpec => ({
  key,
  text,
  cls,
  prefer,
  ...(val ? { val } : {}),
});

export function specOf(state: State, t: T, layout: Layout = "column"): Spec {
  const phone = layout === "square";
  /** A stage wider than tall (print, a phone on its side): little room between the company box and the row under it. */
  const short = layout === "land" || layout === "print";
  const altman = () => node("altman", t("altman"), HERO, ["above", "below"]);
  const hero = node("hero", t("openai"), HERO, ["right", "below", "left"]);
  const investors = () => node("investors", t("investors"), RING, ["above", "left", "right"]);
  const capital: LinkSpec = { key: "link-capital", from: "investors", to: "company", cls: MONEY, head: true, money: true, drop: true };
  const planned = { key: "company-val", text: t("planned") };
  switch (state) {
    case "plan":
      return {
        nodes: [altman(), investors(), hero],
        links: [{ ...capital, text: t("capital"), prefer: ["right", "left"] }, ...core(t, true, phone)],
        sub: planned,
      };
    case "investors":
      return {
        nodes: [
          altman(),
          investors(),
          // Money Altman considered raising: the article ties it to him, not to the company (a dashed grey line, no arrow into the box).
          { ...node("pe", t("pe"), RING, ["right", "below-right"], t("pe-talk")), maxWidth: 0.3, valWidth: phone ? 0.44 : 0.3 },
          // The article links SoftBank to Altman (a separate "Altman project"), not to the company.
          { ...node("softbank", t("softbank"), RING, ["right", "above-right"], t("softbank-talk")), maxWidth: 0.42 },
          hero,
        ],
        links: [
          capital,
          { key: "link-pe", from: "altman", to: "pe", cls: "arc arc-grey arc-dash" },
          // Discussed (reported as held): solid, grey like SoftBank.
          { key: "link-softbank", from: "altman", to: "softbank", cls: "arc arc-grey" },
          ...core(t, false),
        ],
        sub: planned,
      };
    case "approval":
      return {
        nodes: [
          altman(),
          hero,
          // Named beside its ring, its words under the name: above the ring they would sit on it.
          { ...node("commerce", t("commerce"), RING, ["right", "left", "above"], t("approval")), maxWidth: phone ? 0.3 : 0.42 },
          // Named beside their ring, away from the stage's edge.
          { ...node("gov", t("gov"), RING, ["right", "below-right"], t("talks")), maxWidth: phone ? 0.36 : 0.4 },
        ],
        links: [
          ...core(t, false),
          // "Eingeholt", insiders say: asked for and received (Duden: "erbitten [und erhalten]"), so obtained, the
          // article's claim with its hedge (standards review 53, item 1). Reported, so solid, grey like its giver; its
          // words "obtained, insiders say", its text alternative saying insiders report it. It was for the planned company
          // (graphics review 44, item 6: drawn to Altman, it read as an approval of him): it ends at the company's dashed
          // box, dropped straight down onto it from Commerce's ring above.
          { key: "link-approval", from: "commerce", to: "company", cls: "arc arc-grey", head: true, drop: true },
          // Altman's talks abroad, which insiders report as under way: held, so solid (rust, his plan's own line),
          // and his: they start at him, not at the planned company, which did not exist yet. Straight up or down the
          // left column.
          { key: "link-talks", from: "altman", to: "gov", cls: "arc" },
        ],
        sub: planned,
      };
    case "motives":
      // The same seat, now the governments that want AI data centres (the UAE among them). Their aims, the article's
      // three, in the prose's order, are one callout on them (graphics review 53, item 5: beside the dotted line they
      // floated as a list attached to nothing): a block headed "Their aims:", each aim its own line after a tick, joined
      // to their ring by a leader; under their words, or on a phone on its side (no room under them) right of them, on
      // the ring's row. They are tied to the planned company by a dotted line, grey like its giver: the article gives
      // the governments' wish and its reasons, but does not say they had a part in Altman's plan (nor that he talked with
      // the UAE), so the tie is not known. It ends on the middle of the box's bottom edge, clear of its corners; on the
      // phone, where the company stands below them and Altman's line holds its left edge's middle, on that edge a fifth
      // down, leaving the ring on the left, down the stage's edge past the callout. Altman's talks line leaves: it was
      // with governments abroad in general, and drawn to this ring it would claim talks with the UAE.
      return {
        nodes: [
          faint(altman()),
          hero,
          {
            // Their wish, and in words what the dotted line leaves open.
            ...node(
              "gov",
              t("gov-uae"),
              RING,
              short ? ["below-right", "right"] : ["right", "below-right"],
              `${t("want")}\n${t("gov-open")}`,
            ),
            maxWidth: phone ? 0.85 : 0.5,
            valWidth: phone ? 0.85 : 0.6,
            callout: {
              head: t("aims-head"),
              items: AIMS.map((key) => ({ key, text: t(key) })),
              beside: layout === "land",
              width: AIMS_WIDTH[layout],
            },
          },
        ],
        links: [
          ...core(t, false),
          {
            key: "link-aims",
            from: "gov",
            to: "company",
            cls: "arc arc-grey arc-dot",
            head: true,
            ...(phone ? { bend: -0.3, fromLeft: true, leaveLeft: true } : { rise: true }),
          },
        ],
        sub: planned,
      };
    case "crisis":
      return {
        // OpenAI is not drawn (review 40: strong and with no line, it floated; graphics review 54, item 3: faded, it
        // stayed a ghost in the stage's corner): that year's idea stood apart from it, and no line of this step reaches
        // it. It leaves as the chapter begins and comes back with the stake it proposes.
        nodes: [node("board", t("board"), RING, ["below", "right"], t("crisis")), altman()],
        links: [
          // The board's worry is reported: solid, grey like the board.
          {
            key: "link-worry",
            from: "board",
            to: "altman",
            cls: "arc arc-grey",
            text: t("worry"),
            prefer: ["right"],
            at: 0.3,
            head: true,
          },
          // The plan stays while the focus moves to the board: fainter, and without OpenAI renting from the data centres,
          // since the 2023 idea stood apart from OpenAI and the article mentions no tenancy then.
          ...core(t, false)
            .filter((l) => l.key !== "link-rent")
            .map((l) => ({ ...l, faint: true })),
        ],
        sub: { key: "company-idea", text: t("independent") },
      };
    case "stake":
    case "calm": {
      // Calm (graphics review 50, item 6: it had only added a note to the stake's figure): the step's one change is
      // that hardly any resistance to the plan was left at OpenAI. The new board and the investors, with their lines, step
      // back (still drawn: the review goes on, dashed; no decision is reported); Altman and his plan come forward again,
      // nothing drawn against them, and the plan's box says it, in ink beside it (graphics review 56, item 10: under
      // OpenAI's name the words hung on its dot, not on the plan they are about). (No worry arrow, faded or struck
      // through, from the board's seat, which by then holds the new board: standards review 47, item 3.)
      const calm = state === "calm";
      const back = <T extends NodeSpec | LinkSpec>(x: T): T => (calm ? { ...x, faint: true } : x);
      return {
        // (the board's name a little lower: its line to the company leaves the ring beside it, and had nearly touched
        // it; graphics review 46, item 7)
        nodes: [
          // (stepping back, its name keeps its weight, only turns grey: narrower, it found another side and jumped)
          back({ ...node("board", t("new-board"), RING, ["below", "below-right"], t("review")), clear: 0.7, bold: true }),
          calm ? altman() : faint(altman()),
          faint(investors()),
          hero,
        ],
        links: [
          back(capital),
          ...core(t, false),
          // A proposal: OpenAI to hold a stake (rust, dashed).
          {
            key: "link-stake",
            from: "hero",
            to: "company",
            cls: PLAN,
            head: true,
            text: t("stake"),
            prefer: ["right", "below-right"],
            // (on the phone nearer OpenAI, its words clear of the box above)
            at: phone ? 0.36 : 0.5,
          },
          // The board has only begun to review it: dashed, its words under the board's name.
          // Bowed down and right (on the phone less: a deeper bow ran close over the board's name).
          back({ key: "link-review", from: "board", to: "company", cls: "arc arc-grey arc-dash", head: true, bend: phone ? -0.25 : -0.3 }),
        ],
        sub: planned,
        ...(calm ? { state: t("calm") } : {}),
      };
    }
  }
}

/** The governments' aims for AI data centres, as the article gives them (in the prose's order): one line each. */
export const AIMS = ["aims-data", "aims-standing", "aims-growth"] as const;

/** Every line the company box may carry, so its size holds through the chapters. */
export const SUB_KEYS = ["planned", "independent"] as const;
