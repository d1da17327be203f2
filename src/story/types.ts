// Shared types of the story engine: marks (what a scene draws), scenes (pure
// functions from state and context to marks) and the parsed story (chapters and
// steps). Nothing here touches the DOM, so every module that imports it runs in
// Node (build, tests) and in the browser alike.

import type { Layout } from "./config.ts";
export type { Lang, Layout } from "./config.ts";

export type Tag = "g" | "path" | "rect" | "circle" | "line" | "text" | "use";
export type Attrs = Record<string, string | number>;

/** One keyed drawing instruction. Marks with the same key are the same thing. */
export interface Mark {
  key: string;
  tag: Tag;
  attrs: Attrs;
  /** Text content (only for `text`). */
  text?: string;
  children?: Mark[];
  /** Attributes a mark starts from when it enters (defaults: opacity 0). */
  enter?: Attrs;
  /** Attributes a mark ends on when it leaves (defaults: opacity 0). */
  exit?: Attrs;
}

/** A reusable shape (e.g. a map outline) that marks reference with `<use>`. */
export interface SymbolDef {
  id: string;
  /** A shape's path data, or… */
  d?: string;
  /** …a vertical fade into the page's background: opaque at the top ("down") or at the bottom ("up"). */
  fade?: "down" | "up";
}

export interface SceneContext {
  layout: Layout;
  width: number;
  height: number;
  /** Figure words: `scenes.<scene>.<key>` of the language's label file. */
  t(key: string): string;
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

export interface Scene<S extends string = string> {
  id: string;
  states: readonly S[];
  marks(state: S, ctx: SceneContext): Mark[];
  /** The numbers a state shows, as a table (scenes with numbers), or null. */
  table?(state: S, ctx: SceneContext): DataTable | null;
  /** Shared geometry the marks reference through `ctx.symbol` (names in src/scenes/geometry.ts). */
  geometry?: readonly string[];
}
