// Shared types of the story engine: marks (what a scene draws), scenes (pure
// functions from state and context to marks) and the parsed story (chapters and
// steps). Nothing here touches the DOM, so every module that imports it runs in
// Node (build, tests) and in the browser alike.

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

/** Layout classes: each has a fixed viewBox, so marks can be computed at build. */
export type Layout = "wide" | "square";
export const LAYOUTS: Record<Layout, { width: number; height: number }> = {
  wide: { width: 960, height: 640 },
  square: { width: 600, height: 600 },
};

/** A reusable shape (e.g. a map outline) that marks reference with `<use>`. */
export interface SymbolDef {
  id: string;
  d: string;
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
  /** Id of a shared symbol of this scene (one sprite per page, all layouts). */
  symbol(name: string): string;
}

export interface Scene<S extends string = string> {
  id: string;
  states: readonly S[];
  marks(state: S, ctx: SceneContext): Mark[];
  /** Symbols the scene's marks reference, per layout (drawn once per page). */
  symbols?(ctx: SceneContext): SymbolDef[];
}

export type Lang = "de" | "en";
export const LANGS: readonly Lang[] = ["de", "en"];
