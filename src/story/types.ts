// Shared types of the story engine: marks (what a scene draws), scenes (pure
// functions from state and context to marks) and the parsed story (chapters and
// steps). Nothing here touches the DOM, so every module that imports it runs in
// Node (build, tests) and in the browser alike.

import type { Layout } from "./config.ts";
export type { Lang, Layout } from "./config.ts";

/**
 * The figures' class names, as the figure styles define them (src/scenes/figure.css
 * and the scene's own .css beside it): a base class and its modifiers, written
 * "base" or "base mod" or "base mod mod" ("lbl lbl-muted lbl-strong"). A class the
 * CSS does not define is a type error in the scene (tests/unit/styles/classes.test.ts
 * keeps this list and the CSS equal).
 */
export const FIGURE_CLASSES = {
  lbl: ["lbl-strong", "lbl-link", "lbl-muted", "lbl-note", "lbl-halo", "lbl-place", "lbl-sea", "lbl-quote", "lbl-hero", "lbl-dim"],
  marker: ["marker-hero", "marker-no", "marker-gov", "marker-muted", "marker-ring"],
  arc: ["arc-strong", "arc-broken", "arc-grey", "arc-dash", "arc-dot", "arc-money", "arc-ink", "arc-plan", "arc-unknown", "arc-dashed"],
  bar: ["bar-hero", "bar-past", "bar-real", "bar-money", "bar-goal", "bar-outline", "bar-compare", "bar-short", "bar-range"],
  val: ["val-inside", "val-past", "val-past-inside"],
  fab: ["fab-new", "fab-dev", "fab-other", "fab-spared"],
  land: ["land-hi"],
  note: [],
  "caption-band": [],
  "caption-rule": [],
  "line-key": ["line-key-dash", "line-key-dot"],
  "table-rule": [],
  leader: [],
  "ref-line": [],
  "box-schematic": [],
  brace: [],
  "range-band": [],
  "value-frame": [],
  "value-leader": [],
  bullet: [],
  hatch: [],
  tag: [],
  "swatch-solid": [],
  "swatch-open": [],
  sub: ["sub-plan", "sub-unknown"],
  die: ["die-ink", "die-plan", "die-unknown", "die-cut"],
  stack: ["stack-plan", "stack-unknown"],
  interposer: [],
  rack: ["rack-plan"],
  slot: [],
  bust: ["bust-grey"],
  "section-line": [],
  group: [],
  tl: ["tl-undated", "tl-tick", "tl-span"],
} as const;
type Families = typeof FIGURE_CLASSES;
type Base = keyof Families;
type Mod<B extends Base> = Families[B][number];
/** Any modifier class ("lbl-strong", "arc-broken"…). */
export type Modifier = { [B in Base]: Mod<B> }[Base];
/** One class attribute: a base class, then up to two of its modifiers. */
export type ClassList = { [B in Base]: B | `${B} ${Mod<B>}` | `${B} ${Mod<B>} ${Mod<B>}` }[Base];

/** A class list without one of its modifiers (removing a modifier keeps a list of the form above). */
export const withoutClass = (list: ClassList, mod: Modifier): ClassList =>
  list
    .split(" ")
    .filter((c) => c !== mod)
    .join(" ") as ClassList;

/** Attributes any mark may carry: how it is painted. */
export interface Presentation {
  class?: ClassList;
  opacity?: number;
  fill?: string;
  stroke?: string;
  "stroke-width"?: number;
  "stroke-dasharray"?: string;
}
export interface RectAttrs extends Presentation {
  x: number;
  y: number;
  width: number;
  height: number;
  rx?: number;
}
export interface CircleAttrs extends Presentation {
  cx: number;
  cy: number;
  r: number;
}
export interface LineAttrs extends Presentation {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface PathAttrs extends Presentation {
  d: string;
}
export interface TextAttrs extends Presentation {
  x: number;
  y: number;
  "font-size": number;
  "text-anchor"?: "start" | "middle" | "end";
  /** Its language, where a figure holds words of two (the root page's lead, src/scenes/chainLead.ts). */
  lang?: string;
}
export interface GroupAttrs extends Presentation {
  transform?: string;
}
/** A window onto its children (a nested `<svg>`): they draw only inside x, y, width, height; viewBox the same box, so they keep the figure's coordinates. */
export interface WindowAttrs extends Presentation {
  x: number;
  y: number;
  width: number;
  height: number;
  viewBox: string;
}
export interface UseAttrs extends Presentation {
  /** `#` and a shared shape's id (`ctx.symbol`). */
  href: string;
}

interface Kinds {
  rect: RectAttrs;
  circle: CircleAttrs;
  line: LineAttrs;
  path: PathAttrs;
  text: TextAttrs;
  g: GroupAttrs;
  svg: WindowAttrs;
  use: UseAttrs;
}
export type Tag = keyof Kinds;
/** Any attribute of any kind of mark, by name: what a reader of marks of every kind may ask for. */
export type AttrName = { [T in Tag]: keyof Kinds[T] }[Tag];
export type Attrs = { [K in AttrName]?: string | number };

/**
 * A kind's attributes, and every other kind's attribute names as absent: a mark of
 * one kind cannot carry another's ("r" on a rect is an error), while code that reads
 * marks of any kind may still ask for any attribute (`m.attrs.y`: number | undefined).
 */
export type AttrsOf<T extends Tag> = Kinds[T] & { [K in Exclude<AttrName, keyof Kinds[T]>]?: undefined };
interface Keyed<T extends Tag> {
  key: string;
  tag: T;
  attrs: AttrsOf<T>;
  /** Attributes a mark starts from when it enters (defaults: opacity 0). */
  enter?: Partial<AttrsOf<T>>;
  /** Attributes a mark ends on when it leaves (defaults: opacity 0). */
  exit?: Partial<AttrsOf<T>>;
}
/** A mark that draws no words and holds no other marks. */
interface Leaf<T extends Tag> extends Keyed<T> {
  text?: undefined;
  children?: undefined;
}
export type RectMark = Leaf<"rect">;
export type CircleMark = Leaf<"circle">;
export type LineMark = Leaf<"line">;
export type PathMark = Leaf<"path">;
export type UseMark = Leaf<"use">;
export interface TextMark extends Keyed<"text"> {
  text: string;
  children?: undefined;
}
export interface GroupMark extends Keyed<"g"> {
  text?: undefined;
  children: Mark[];
}
/** A window: its children are drawn only inside its box (the map's locator: no land past its frame, even while fading in). */
export interface WindowMark extends Keyed<"svg"> {
  text?: undefined;
  children: Mark[];
}
/** One keyed drawing instruction, typed by its kind (`tag`). Marks with the same key are the same thing. */
export type Mark = RectMark | CircleMark | LineMark | PathMark | UseMark | TextMark | GroupMark | WindowMark;
export type MarkOf<T extends Tag> = Extract<Mark, { tag: T }>;

/** A reusable shape (e.g. a map outline) that marks reference with `<use>`. */
export interface SymbolDef {
  id: string;
  /** A shape's path data, or… */
  d?: string;
  /** …a fade into the page's background, opaque at the top ("down"), the bottom ("up"), the left ("right") or the right ("left"). */
  fade?: "down" | "up" | "left" | "right";
}

/** The drawn key's names of the three line styles (SceneContext.lineKey). */
export interface LineKeyWords {
  solid: string;
  dashed: string;
  dotted: string;
}

export interface SceneContext {
  layout: Layout;
  width: number;
  height: number;
  /** Figure words: `scenes.<scene>.<key>` of the language's label file. */
  t(key: string): string;
  /**
   * The drawn line-style key's words (solid, dashed, dotted; src/scenes/figure.ts captionStrip): one word each, or in
   * chapter 1, which teaches the key, the full words. Absent: no drawn key.
   */
  lineKey?: LineKeyWords;
  /** A fact formatted for the language ("long" in prose, "short" in figures). */
  fact(id: string, form?: "long" | "short"): string;
  /** A fact's raw number. */
  value(id: string): number;
  /** A place of the facts file as [longitude, latitude]. */
  place(id: string): [number, number];
  /** Id of a shape of the shared geometry (one sprite per page, for every scene, layout and language). */
  symbol(name: string): string;
}

/** A figure's numbers as a table, for screen readers: a header row and rows of cells. */
export interface DataTable {
  head: string[];
  rows: string[][];
}

export interface Scene<S extends string = string, Id extends string = string> {
  id: Id;
  states: readonly S[];
  marks(state: S, ctx: SceneContext): Mark[];
  /** The numbers a state shows, as a table (scenes with numbers), or null. */
  table?(state: S, ctx: SceneContext): DataTable | null;
  /** Shared geometry the marks reference through `ctx.symbol` (names in src/scenes/geometry.ts). */
  geometry?: readonly string[];
  /**
   * Drawn to scale (a unit the reader counts, as chapter 5's squares): the stage draws all its steps at one zoom on
   * every screen (src/render/zoom.ts oneZoom), so the unit never changes size between them.
   */
  toScale?: boolean;
}
