// The sticky stage: one SVG that shows the state of the step in view. It picks a
// layout from its own shape, loads the chapter's marks, and hands them to the
// live renderer. `data-scene`/`data-state` change when a transition starts,
// `data-settled` turns "true" when it has finished (docs/CONTRACT.md). When a
// chapter's drawings cannot load, the stage steps aside (`data-fallback`) and
// that chapter's steps show their static figures, so the reader can read on.

import { createRenderer, type Renderer } from "../render/live.ts";
import { COLUMN_MIN_WIDTH, LAYOUTS, STAGE_LAYOUTS, type Layout } from "../story/config.ts";
import type { ChapterStage, StageData } from "./stageData.ts";

export class Stage {
  private readonly el: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly title: SVGTitleElement | null;
  private readonly renderer: Renderer;
  private readonly data: StageData;
  private readonly observer: ResizeObserver;
  private layout: Layout;
  private target = { slug: "", state: "" };
  private ticket = 0;
  /** The stage's width, kept by the ResizeObserver: reading it in a frame would force a layout. */
  private width: number;

  private readonly onSettle: () => void;

  /**
   * `onSettle` runs each time the stage is at rest on the state it was last asked for:
   * when a transition ends, and at once when asked for the state it already rests on.
   */
  constructor(el: HTMLElement, data: StageData, onSettle: () => void = () => undefined) {
    this.el = el;
    this.data = data;
    this.onSettle = onSettle;
    this.svg = el.querySelector("svg")!;
    this.title = this.svg.querySelector<SVGTitleElement>(":scope > title");
    this.renderer = createRenderer(this.svg);
    this.layout = (this.svg.dataset.layout as Layout) ?? STAGE_LAYOUTS[0]!;
    this.width = el.getBoundingClientRect().width;
    this.observer = new ResizeObserver(([entry]) => {
      this.width = entry?.borderBoxSize[0]?.inlineSize ?? el.getBoundingClientRect().width;
      const next = this.pickLayout();
      if (next !== this.layout && this.target.slug) this.show(this.target.slug, this.target.state, false, true);
    });
    this.observer.observe(el);
  }

  private pickLayout(): Layout {
    // The desktop column when there is room for its smaller type, the phone square below.
    return this.width >= COLUMN_MIN_WIDTH ? "column" : "square";
  }

  /** Moves the stage to a chapter's state; animated unless `animate` is false. */
  show(slug: string, state: string, animate: boolean, force = false): void {
    const layout = this.pickLayout();
    if (!force && slug === this.target.slug && state === this.target.state && layout === this.layout) {
      // asked for the state it already rests on (the top shows the first step's state too)
      if (this.el.dataset.settled === "true") this.onSettle();
      return;
    }
    const ticket = ++this.ticket;
    this.target = { slug, state };
    const chapter = this.el.ownerDocument.getElementById(slug);
    const scene = chapter?.dataset.scene ?? "";
    // A new scene cross-fades: its picture arrives while the old one leaves (within one scene, steps move).
    const crossfade = Boolean(this.el.dataset.scene) && scene !== this.el.dataset.scene;
    this.el.dataset.scene = scene;
    this.el.dataset.state = state;
    this.el.dataset.settled = "false";
    const settle = () => {
      if (ticket !== this.ticket) return;
      this.el.dataset.settled = "true";
      this.onSettle();
    };
    const fail = () => {
      if (ticket !== this.ticket) return;
      chapter?.setAttribute("data-stage-failed", "");
      this.el.dataset.fallback = "true";
      settle();
    };
    const draw = (chapterData: ChapterStage) => {
      if (ticket !== this.ticket) return;
      const entry = chapterData.states[state];
      const marks = entry?.marks[layout];
      if (!entry || !marks) return fail();
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
      this.renderer.render(marks, { animate, done: settle, crossfade });
    };
    const ready = this.data.peek(slug);
    if (ready) draw(ready);
    else this.data.get(slug).then(draw, fail);
  }

  destroy(): void {
    this.ticket++;
    this.observer.disconnect();
    this.renderer.destroy();
  }
}
