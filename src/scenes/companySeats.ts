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

/** Seats as fractions of the plot (u across, v down). */
export const SEATS = {
  investors: [0.46, 0.1],
  pe: [0.05, 0.1],
  altman: [0.05, 0.42],
  company: [0.46, 0.42],
  commerce: [0.42, 0.07],
  gov: [0.05, 0.1],
  softbank: [0.05, 0.72],
  board: [0.05, 0.72],
  dcs: [0.84, 0.8],
  hero: [0.34, 0.93],
} as const;
export type Seat = keyof typeof SEATS;
/**
 * The phone's stage (600 × 800, portrait, at a larger type): its own seats, held through both chapters too.
 * The plan reads top to bottom: money above the company, its data centres under it, OpenAI at the foot;
 * the governments sit on the right below the company's level, so their three-line name hangs clear of the box.
 */
const SQUARE: Partial<Record<Seat, readonly [number, number]>> = {
  investors: [0.58, 0.1],
  pe: [0.05, 0.1],
  commerce: [0.52, 0.05],
  // (right of the middle: Altman's "found" and the governments' words keep a few px off the box; graphics review 41)
  company: [0.52, 0.34],
  altman: [0.05, 0.34],
  gov: [0.05, 0.07],
  board: [0.05, 0.6],
  softbank: [0.05, 0.6],
  dcs: [0.5, 0.78],
  hero: [0.8, 0.93],
};
/** Names on the phone's stage that would break inside a word at their usual width (a fraction of the plot). */
const SQUARE_NAME_WIDTH: Partial<Record<Seat, number>> = { commerce: 0.4, pe: 0.44, gov: 0.38 };
/**
 * Names on a phone on its side (`land`, larger type for its width) that must keep to one line: the board's two-line
 * name set its words under it down onto OpenAI's name (the new board, German).
 */
const LAND_NAME_WIDTH: Partial<Record<Seat, number>> = { board: 0.38 };
/** A width given for one state (`own`) wins over the phone's usual one. */
export const nameWidthOf = (layout: Layout, seat: Seat, width = 0.3, own = false): number =>
  own ? width : layout === "square" ? (SQUARE_NAME_WIDTH[seat] ?? width) : layout === "land" ? (LAND_NAME_WIDTH[seat] ?? width) : width;
/** Words on a line, as a fraction of the plot: on the phone Altman's "found" wraps to fit between him and the box, and the board's hairline's words (calm) keep left of it. */
export const linkWidthOf = (layout: Layout, key: string): number =>
  layout === "land"
    ? key === "link-resist"
      ? 0.2
      : 0.26
    : layout !== "square"
      ? 0.26
      : key === "link-found"
        ? 0.18
        : key === "link-resist"
          ? 0.2
          : key === "link-worry"
            ? SQUARE_WORRY
            : 0.26;
/** The board's worry on the phone: two lines between its arrow and the company's line to the racks, not four (German). */
const SQUARE_WORRY = 0.36;
/**
 * Sides a name tries first on the phone, where they differ: the data centres' left of the racks and
 * OpenAI's right of its dot, since the line between them leaves the racks to the right and ends at the dot from the left.
 */
const SQUARE_SIDES: Partial<Record<Seat, Side[]>> = { dcs: ["left", "right", "below"], hero: ["right", "below", "left"] };
export const sidesOf = (layout: Layout, seat: Seat, sides: Side[]): Side[] =>
  layout === "square" ? (SQUARE_SIDES[seat] ?? sides) : layout === "land" ? (LAND_SIDES[seat] ?? sides) : sides;
/** A phone on its side (`land`, the print seats at a larger type): the data centres' name left of the racks, where the right has no room. */
const LAND_SIDES: Partial<Record<Seat, Side[]>> = { dcs: ["left", "below", "right"] };
/**
 * The desktop's stage: Commerce at the very top (named beside its ring); the governments a little below the company's level, so Altman's talks reach their ring from
 * above and the names hang under it clear of the line, the motives under them.
 */
const COLUMN: Partial<Record<Seat, readonly [number, number]>> = {
  investors: [0.46, 0.05],
  pe: [0.05, 0.06],
  commerce: [0.42, 0.03],
  altman: [0.05, 0.3],
  company: [0.46, 0.3],
  gov: [0.05, 0.56],
  board: [0.05, 0.62],
  softbank: [0.05, 0.62],
  dcs: [0.84, 0.76],
};
/** A phone on its side (`land`, shorter than print for its type): the print seats. */
const LAND: Partial<Record<Seat, readonly [number, number]>> = {};
export const seatsOf = (layout: Layout): Record<Seat, readonly [number, number]> =>
  layout === "square"
    ? { ...SEATS, ...SQUARE }
    : layout === "column"
      ? { ...SEATS, ...COLUMN }
      : layout === "land"
        ? { ...SEATS, ...LAND }
        : SEATS;
/** The company box's width, a fraction of the plot. */
export const boxWidth = (layout: Layout): number => (layout === "square" ? 0.46 : 0.4);

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
}

export interface Spec {
  nodes: NodeSpec[];
  links: LinkSpec[];
  /** The company box's line under its name, keyed by what it says. */
  sub: { key: string; text: string };
  /** The governments' three reasons, words hung from their name (motives). */
  reasons?: boolean;
}

type T = (key: string) => string;

/** The governments' name, narrow enough to hang under their ring clear of the company box (slid in from the edge). */
const GOV_WIDTH = 0.28;

const HERO = "marker marker-hero";
const RING = "marker marker-ring";
/** A node stepping back keeps its hue, only fainter: Altman stays rust, the investors a grey ring. */
const faint = (n: NodeSpec): NodeSpec => ({ ...n, faint: true });
/** Altman's and OpenAI's plan: rust, dashed (planned). */
const PLAN = "arc arc-dash";
/** Money not yet raised: a blue stream, dashed. */
const MONEY = "arc arc-money arc-dash";

/** What the company does in every state: Altman founds it, it builds the data centres, OpenAI would rent from them. */
const core = (t: T, words: boolean): LinkSpec[] => [
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
  { key: "link-rent", from: "dcs", to: "hero", cls: PLAN, head: true, ...(words ? { text: t("rent"), prefer: ["below", "left"] } : {}) },
];

const node = (key: NodeSpec["key"], text: string, cls: ClassList, prefer: Side[], val?: string): NodeSpec => ({
  key,
  text,
  cls,
  prefer,
  ...(val ? { val } : {}),
});

/**
 * Where the governments sit above Altman (phone, print, a phone on its side), Commerce's approval runs to him past their
 * words: bowed a little toward the company, and their talks set in two short lines under their name, not one long one.
 */
const APPROVAL_BEND = 0.12;
const TALKS_WIDTH = 0.16;

export function specOf(state: State, t: T, layout: Layout = "column"): Spec {
  const phone = layout === "square";
  const govLeft = seatsOf(layout).gov[0] < 0.5;
  const govAbove = seatsOf(layout).gov[1] < seatsOf(layout).altman[1];
  // Across the page (print, a phone on its side) the governments sit top left, their name narrow, clear of Commerce's ring.
  const wide = layout === "print" || layout === "land";
  const altman = () => node("altman", t("altman"), HERO, ["above", "below"]);
  const hero = node("hero", t("openai"), HERO, ["left", "below"]);
  const investors = () => node("investors", t("investors"), RING, ["above", "left", "right"]);
  const capital: LinkSpec = { key: "link-capital", from: "investors", to: "company", cls: MONEY, head: true, money: true };
  const planned = { key: "company-val", text: t("planned") };
  switch (state) {
    case "plan":
      return {
        nodes: [altman(), investors(), hero],
        links: [{ ...capital, text: t("capital"), prefer: ["right", "left"] }, ...core(t, true)],
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
          node("commerce", t("commerce"), RING, ["right", "left", "above"], t("approval")),
          // Named beside their ring on the side away from the stage's edge, else under it.
          govLeft
            ? {
                ...node("gov", t("gov"), RING, ["right", "below-right"], t("talks")),
                maxWidth: wide ? 0.28 : phone ? 0.34 : 0.4,
                ...(govAbove ? { valWidth: TALKS_WIDTH } : {}),
              }
            : { ...node("gov", t("gov"), RING, ["below", "below-left"], t("talks")), maxWidth: GOV_WIDTH },
        ],
        links: [
          ...core(t, false),
          // Obtained ("eingeholt"), insiders say: reported, so solid, grey like its giver. Given to Altman for his plan,
          // not to the company, which did not exist yet (as his talks abroad below start at him). Where the governments
          // sit above Altman, bowed down toward the company, clear of their words.
          { key: "link-approval", from: "commerce", to: "altman", cls: "arc arc-grey", head: true, bend: govAbove ? APPROVAL_BEND : 0 },
          // Altman's talks abroad, which insiders report as under way: held, so solid (rust, his plan's own line),
          // and his: they start at him, not at the planned company, which did not exist yet. Bowed around the
          // company box, deeper on the phone, where the box is wider and its words sit lower.
          { key: "link-talks", from: "altman", to: "gov", cls: "arc", bend: govLeft ? 0 : phone ? 0.55 : 0.25 },
        ],
        sub: planned,
      };
    case "motives":
      // The same seat, now the governments that want AI data centres of their own: their wish stands under their
      // name, and no line ties them to Altman's plan (the article reports no talks with them, and their data
      // centres would be their own). Their reasons, plain words, hang from the name, clear of every line.
      return {
        nodes: [
          faint(altman()),
          hero,
          govLeft
            ? { ...node("gov", t("gov-uae"), RING, ["right", "below-right"], t("want")), maxWidth: wide ? 0.28 : 0.42 }
            : phone
              ? { ...node("gov", t("gov-uae"), RING, ["below-left", "below"], t("want")), maxWidth: 0.5 }
              : { ...node("gov", t("gov-uae"), RING, ["above-left", "above", "below-left"], t("want")), maxWidth: GOV_WIDTH },
        ],
        links: [...core(t, false)],
        sub: planned,
        reasons: true,
      };
    case "crisis":
      return {
        // OpenAI steps back with the plan (review 40: strong and with no line, it floated): that year's idea stood
        // apart from it, and no line of this step reaches it.
        nodes: [node("board", t("board"), RING, ["below", "right"], t("crisis")), altman(), faint(hero)],
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
    case "calm":
      return {
        nodes: [node("board", t("new-board"), RING, ["below", "below-right"], t("review")), faint(altman()), faint(investors()), hero],
        links: [
          capital,
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
            at: 0.5,
          },
          // The board has only begun to review it: dashed, its words under the board's name.
          // Bowed down and right, so the hairline's words (calm) keep clear of it.
          { key: "link-review", from: "board", to: "company", cls: "arc arc-grey arc-dash", head: true, bend: -0.3 },
          // After the crisis: where the board's worry ran to Altman, only a hairline is left (almost no resistance,
          // reported: solid, grey, the thinnest line there is).
          ...(state === "calm"
            ? [
                {
                  key: "link-resist",
                  from: "board",
                  to: "altman",
                  cls: "leader",
                  text: t("calm"),
                  prefer: ["right", "left"],
                  at: 0.66,
                } as LinkSpec,
              ]
            : []),
        ],
        sub: planned,
      };
  }
}

/** Every line the company box may carry, so its size holds through the chapters. */
export const SUB_KEYS = ["planned", "independent"] as const;
