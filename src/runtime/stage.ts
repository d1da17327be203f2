// The sticky stage: one SVG that shows the state of the step in view. It picks a
// layout from its own shape, loads the chapter's marks, and hands them to the
// live renderer. `data-scene`/`data-state` change when a transition starts,
// `data-settled` turns "true" when it has finished (docs/CONTRACT.md).
//
// When a chapter's drawings cannot load (a network error, a 404, malformed
// data) or are slow to come, the stage shows the step's own static figure in
// place of its live drawing (`data-fallback`), where the reader is looking, so
// `data-scene`/`data-state` stay true of what is on screen. The steps' figures
// stay out of the text column: showing them there moved every later step down
// by a figure's height, and the reader with them. A failed chapter is tried
// again while the reader is in it (backing off, and at once when the browser
// comes back online); its drawings replace the figure as soon as they arrive.

import { createRenderer, type Renderer } from "../render/live.ts";
import { COLUMN_MIN_WIDTH, LANDSCAPE_LAYOUT, LANDSCAPE_MEDIA, LAYOUTS, STAGE_LAYOUTS, stageHead, type Layout } from "../story/config.ts";
import type { ChapterStage, StageData } from "./stageData.ts";

/** How long the stage waits for a chapter's drawings before showing the step's static figure meanwhile. */
const PATIENCE_MS = 1_200;
/** The first retry of a failed chapter; each further one waits twice as long, up to RETRY_MAX_MS. */
const RETRY_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export class Stage {
  private readonly el: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly title: SVGTitleElement | null;
  /** The header above the drawing: the chapter's number and title, through every chapter change. */
  private readonly head: HTMLElement | null;
  /** The chapter the header names once its picture is the stronger (set at a chapter change). */
  private pendingHead: HTMLElement | null = null;
  private readonly renderer: Renderer;
  private readonly data: StageData;
  private readonly observer: ResizeObserver;
  /** Holds a copy of the step's static figure while the stage cannot draw the chapter. */
  private readonly figure: HTMLElement;
  /** Consecutive failed loads per chapter (the retry's back-off). */
  private readonly failures = new Map<string, number>();
  private retry = { slug: "", timer: 0 };
  private layout: Layout;
  private target = { slug: "", state: "" };
  private ticket = 0;
  /** The stage's width, kept by the ResizeObserver: reading it in a frame would force a layout. */
  private width: number;
  /** Whether the screen is short (a phone on its side): the stage then draws in LANDSCAPE_LAYOUT. */
  private readonly short: MediaQueryList;

  private readonly onSettle: () => void;

  /**
   * `onSettle` runs each time the stage is at rest on the state it was last asked for:
   * when a transition ends, and at once when asked for the state it already rests on.
   */
  constructor(el: HTMLElement, data: StageData, onSettle: () => void = () => undefined) {
    this.el = el;
    this.data = data;
    this.onSettle = onSettle;
    this.svg = el.querySelector(":scope > svg")!;
    this.head = el.querySelector("[data-stage-head]");
    this.title = this.svg.querySelector<SVGTitleElement>(":scope > title");
    this.renderer = createRenderer(this.svg);
    this.layout = (this.svg.dataset.layout as Layout) ?? STAGE_LAYOUTS[0]!;
    this.width = el.getBoundingClientRect().width;
    this.short = window.matchMedia(LANDSCAPE_MEDIA);
    this.observer = new ResizeObserver(([entry]) => {
      this.width = entry?.borderBoxSize[0]?.inlineSize ?? el.getBoundingClientRect().width;
      this.relayout();
    });
    this.observer.observe(el);
    // a turn of the phone may leave the stage's width as it was
    this.short.addEventListener("change", this.relayout);
    this.figure = el.ownerDocument.createElement("div");
    this.figure.className = "stage-figure";
    el.append(this.figure);
    window.addEventListener("online", this.retryNow);
  }

  /** Redraws the present state in the layout this screen now takes, if that changed. */
  private readonly relayout = (): void => {
    const next = this.pickLayout();
    if (next !== this.layout && this.target.slug) this.show(this.target.slug, this.target.state, false, true);
  };

  /** The layout the stage draws in on this screen at its present width. */
  pickLayout(): Layout {
    // A short screen (a phone on its side) has its own, beside the prose; else the desktop
    // column when there is room for its smaller type, the phone square below.
    if (this.short.matches) return LANDSCAPE_LAYOUT;
    return this.width >= COLUMN_MIN_WIDTH ? "column" : "square";
  }

  /** Moves the stage to a chapter's state; animated unless `animate` is false (`reduced`: a short cross-fade, nothing moves). */
  show(slug: string, state: string, animate: boolean, force = false, reduced = false): void {
    const layout = this.pickLayout();
    if (!force && slug === this.target.slug && state === this.target.state && layout === this.layout) {
      // asked for the state it already rests on (the top shows the first step's state too)
      if (this.el.dataset.settled === "true") this.onSettle();
      return;
    }
    const ticket = ++this.ticket;
    const entering = slug !== this.target.slug;
    this.target = { slug, state };
    const chapter = this.el.ownerDocument.getElementById(slug);
    const scene = chapter?.dataset.scene ?? "";
    // A new scene cross-fades: its picture arrives while the old one leaves (within one scene, steps move).
    const crossfade = Boolean(this.el.dataset.scene) && scene !== this.el.dataset.scene;
    // The header names the new chapter once its picture is the stronger, so it always titles the picture
    // that dominates. The renderer says when that is (on the transition's own clock); a figure shown
    // instead writes it at once.
    if (entering && chapter) this.pendingHead = chapter;
    this.el.dataset.scene = scene;
    this.el.dataset.state = state;
    this.el.dataset.settled = "false";
    const settle = () => {
      if (ticket !== this.ticket) return;
      this.el.dataset.settled = "true";
      this.onSettle();
    };
    const showFigure = () => {
      if (ticket !== this.ticket) return;
      this.flushHead();
      const shown = this.showFigure(slug, state);
      // A figure file's image is settled on once it is drawn (or cannot be): the stage never claims a
      // picture it does not show. (decode() waits for the load; it registers no listener to undo.)
      if (shown instanceof HTMLImageElement && !(shown.complete && shown.naturalWidth > 0)) shown.decode().then(settle, settle);
      else settle();
    };
    const fail = () => {
      if (ticket !== this.ticket) return;
      chapter?.setAttribute("data-stage-failed", "");
      showFigure();
      this.scheduleRetry(slug);
    };
    const draw = (chapterData: ChapterStage) => {
      if (ticket !== this.ticket) return;
      const entry = chapterData.states[state];
      const marks = entry?.marks;
      if (!entry || !Array.isArray(marks)) return fail();
      this.failures.delete(slug);
      chapter?.removeAttribute("data-stage-failed");
      if (this.el.dataset.fallback) {
        delete this.el.dataset.fallback;
        animate = false;
      }
      if (layout !== this.layout) {
        this.layout = layout;
        this.svg.dataset.layout = layout;
        this.svg.setAttribute("viewBox", `0 0 ${LAYOUTS[layout].width} ${LAYOUTS[layout].height}`);
        animate = false;
      }
      if (this.title) this.title.textContent = entry.alt;
      this.renderer.render(marks, { animate, done: settle, crossfade, reduced, crossed: () => this.flushHead() });
    };
    const ready = this.data.peek(slug, layout);
    if (ready) return draw(ready);
    // Within a chapter that failed, the steps show their figures and the pending retry fetches.
    if (!entering && this.retry.slug === slug && this.retry.timer) return showFigure();
    const patience = window.setTimeout(showFigure, PATIENCE_MS);
    this.data
      .get(slug, layout)
      .then(draw, fail)
      .finally(() => clearTimeout(patience));
  }

  /** Writes the header of a chapter change, if one waits. */
  private flushHead(): void {
    const chapter = this.pendingHead;
    this.pendingHead = null;
    if (chapter) this.writeHead(chapter);
  }

  /** Names the chapter in the stage's header (its number of all, and its title). */
  private writeHead(chapter: HTMLElement): void {
    if (!this.head) return;
    const all = Array.from(this.el.ownerDocument.querySelectorAll("section[data-chapter]"));
    const title = chapter.querySelector("h2")?.textContent?.trim() ?? "";
    const text = stageHead(all.indexOf(chapter) + 1, all.length, title);
    if (this.head.textContent !== text) this.head.textContent = text;
  }

  /** Shows a copy of the static figure of step `slug/state` in place of the live drawing; returns the copy shown. */
  private showFigure(slug: string, state: string): Element | undefined {
    const key = `${slug}/${state}`;
    const source = this.el.ownerDocument.querySelector(`figure[data-figure="${CSS.escape(key)}"] :is(svg, img)`);
    if (this.figure.dataset.figureOf !== key) {
      const copy = source?.cloneNode(true) as Element | undefined;
      // The page keeps one element per id (the figure's <title> has one), and the stage is hidden
      // from assistive technology: each step carries its own text alternative.
      for (const el of copy ? [copy, ...copy.querySelectorAll("[id]")] : []) el.removeAttribute("id");
      copy?.removeAttribute("aria-labelledby");
      // A figure file shown by an image (src/components/Chapter.astro): lazy in its step, where the
      // reader with JavaScript never sees it; on the stage it is wanted now.
      if (copy instanceof HTMLImageElement) copy.loading = "eager";
      this.figure.replaceChildren(...(copy ? [copy] : []));
      this.figure.dataset.figureOf = key;
    }
    if (this.title) this.title.textContent = source?.querySelector("title")?.textContent ?? source?.getAttribute("alt") ?? "";
    this.el.dataset.fallback = "true";
    return this.figure.firstElementChild ?? undefined;
  }

  private scheduleRetry(slug: string): void {
    clearTimeout(this.retry.timer);
    const failures = (this.failures.get(slug) ?? 0) + 1;
    this.failures.set(slug, failures);
    const wait = Math.min(RETRY_MS * 2 ** (failures - 1), RETRY_MAX_MS);
    this.retry = { slug, timer: window.setTimeout(this.retryNow, wait) };
  }

  /** Tries the chapter in view again, if its drawings failed to load. */
  private readonly retryNow = (): void => {
    clearTimeout(this.retry.timer);
    this.retry.timer = 0;
    const { slug, state } = this.target;
    if (this.failures.has(slug)) this.show(slug, state, false, true);
  };

  destroy(): void {
    this.ticket++;
    clearTimeout(this.retry.timer);
    this.pendingHead = null;
    window.removeEventListener("online", this.retryNow);
    this.short.removeEventListener("change", this.relayout);
    this.figure.remove();
    delete this.el.dataset.fallback;
    this.observer.disconnect();
    this.renderer.destroy();
  }
}
