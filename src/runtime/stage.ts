// The sticky stage: one SVG that shows the state of the step in view. It picks a
// layout from its own shape, loads the chapter's marks, and hands them to the
// live renderer. `data-scene`/`data-state` change when a transition starts,
// `data-settled` turns "true" when it has finished (CONTRACT.md).

import { createRenderer, type Renderer } from "../render/live.ts";
import { LAYOUTS, type Layout } from "../story/types.ts";
import type { createStageData } from "./stageData.ts";

type Data = ReturnType<typeof createStageData>;

export class Stage {
  private readonly el: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly title: SVGTitleElement | null;
  private readonly renderer: Renderer;
  private readonly data: Data;
  private readonly observer: ResizeObserver;
  private layout: Layout;
  private target = { slug: "", state: "" };
  private ticket = 0;

  constructor(el: HTMLElement, data: Data) {
    this.el = el;
    this.data = data;
    this.svg = el.querySelector("svg")!;
    this.title = this.svg.querySelector<SVGTitleElement>(":scope > title");
    this.renderer = createRenderer(this.svg);
    this.layout = (this.svg.dataset.layout as Layout) ?? "wide";
    this.observer = new ResizeObserver(() => {
      const next = this.pickLayout();
      if (next !== this.layout && this.target.slug) this.show(this.target.slug, this.target.state, false);
    });
    this.observer.observe(el);
  }

  private pickLayout(): Layout {
    const { width, height } = this.el.getBoundingClientRect();
    // Wide when there is room for its small type, or when the box is clearly landscape.
    return width >= 600 || (height > 0 && width / height >= 1.25) ? "wide" : "square";
  }

  /** Moves the stage to a chapter's state; animated unless `animate` is false. */
  show(slug: string, state: string, animate: boolean): void {
    const layout = this.pickLayout();
    const same = slug === this.target.slug && state === this.target.state && layout === this.layout;
    if (same) return;
    const ticket = ++this.ticket;
    this.target = { slug, state };
    const chapter = this.el.ownerDocument.getElementById(slug);
    this.el.dataset.scene = chapter?.dataset.scene ?? "";
    this.el.dataset.state = state;
    this.el.dataset.settled = "false";
    const draw = (marksOf: NonNullable<ReturnType<Data["peek"]>>) => {
      if (ticket !== this.ticket) return;
      const entry = marksOf.states[state];
      if (!entry) throw new Error(`stage has no state "${state}" for chapter "${slug}"`);
      if (layout !== this.layout) {
        this.layout = layout;
        this.svg.dataset.layout = layout;
        this.svg.setAttribute("viewBox", `0 0 ${LAYOUTS[layout].width} ${LAYOUTS[layout].height}`);
        animate = false;
      }
      if (this.title) this.title.textContent = entry.alt;
      this.renderer.render(entry.marks[layout], {
        animate: animate && layout === this.layout,
        done: () => {
          if (ticket === this.ticket) this.el.dataset.settled = "true";
        },
      });
    };
    const ready = this.data.peek(slug);
    if (ready) draw(ready);
    else void this.data.get(slug).then(draw);
  }

  destroy(): void {
    this.observer.disconnect();
    this.renderer.destroy();
  }
}
