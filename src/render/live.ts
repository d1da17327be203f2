// Marks → live SVG. D3 joins marks to elements by key (space); GSAP tweens every
// changed attribute (time). A new render kills the running timeline, so marks
// start from wherever they are: the stage never queues stale steps and never
// rests between two states. The only module that changes the stage's DOM.

import { select, type Selection, type BaseType } from "d3-selection";
import { gsap } from "gsap";
import type { Attrs, Mark } from "../story/types.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const DURATION = 0.8;
const EASE = "power2.inOut";
const KEEP = new Set(["data-key", "data-exiting"]);

const idOf = (m: Mark): string => `${m.tag}:${m.key}`;
/** Numbers-stripped shape of a value: tween only when both ends share it. */
const shape = (v: string): string => v.replace(/-?\d*\.?\d+(e[-+]?\d+)?/gi, "#");

export interface Renderer {
  /** Draws `marks`; calls `done` when they have settled (unless a newer render came first). */
  render(marks: Mark[], opts: { animate: boolean; done: () => void }): void;
  destroy(): void;
}

export function createRenderer(root: SVGGElement | SVGSVGElement): Renderer {
  let timeline: gsap.core.Timeline | null = null;

  function tweenTo(el: Element, attrs: Attrs, tl: gsap.core.Timeline, base: Attrs = {}): void {
    const tween: Record<string, string | number> = {};
    const target: Attrs = { opacity: 1, ...base, ...attrs };
    for (const name of Array.from(el.attributes).map((a) => a.name)) {
      if (!(name in target) && !KEEP.has(name)) el.removeAttribute(name);
    }
    for (const [name, value] of Object.entries(target)) {
      const current = el.getAttribute(name);
      if (current === String(value)) continue;
      const tweenable =
        current !== null &&
        (typeof value === "number" ? !Number.isNaN(Number(current)) : /\d/.test(value) && shape(value) === shape(current));
      if (tweenable) tween[name] = value;
      else el.setAttribute(name, String(value));
    }
    if (Object.keys(tween).length > 0) tl.to(el, { attr: tween, duration: DURATION, ease: EASE }, 0);
  }

  function join(parent: Selection<Element, unknown, null, undefined>, marks: Mark[], tl: gsap.core.Timeline): void {
    const sel = parent
      .selectChildren<Element, Mark>("[data-key]")
      .data<Mark>(marks, function (this: Element | BaseType, d: Mark | undefined) {
        // Server-rendered elements carry no datum yet: key them by their attributes.
        if (d) return idOf(d);
        const el = this as Element;
        return `${el.tagName.toLowerCase()}:${el.getAttribute("data-key")}`;
      });

    sel.exit<Mark | undefined>().each(function (this: Element, d: Mark | undefined) {
      const el = this;
      el.setAttribute("data-exiting", "");
      const end: Attrs = { opacity: 0, ...(d?.exit ?? {}) };
      tl.to(
        el,
        {
          attr: end,
          duration: DURATION * 0.6,
          ease: EASE,
          onComplete: () => {
            if (el.hasAttribute("data-exiting")) el.remove();
          },
        },
        0,
      );
    });

    const entered = sel.enter().append((d: Mark) => {
      const el = document.createElementNS(SVG_NS, d.tag);
      el.setAttribute("data-key", d.key);
      for (const [k, v] of Object.entries({ ...d.attrs, opacity: 0, ...(d.enter ?? {}) })) el.setAttribute(k, String(v));
      return el;
    });

    entered
      .merge(sel as unknown as typeof entered)
      .order()
      .each(function (this: Element, d: Mark) {
        this.removeAttribute("data-exiting");
        if (d.text !== undefined && this.textContent !== d.text) this.textContent = d.text;
        tweenTo(this, d.attrs, tl);
        if (d.children) join(select(this), d.children, tl);
      });
  }

  return {
    render(marks, { animate, done }) {
      timeline?.kill();
      let settled = false;
      const finish = () => {
        if (!settled) {
          settled = true;
          done();
        }
      };
      const tl = gsap.timeline({ paused: true, onComplete: finish });
      timeline = tl;
      join(select<Element, unknown>(root), marks, tl);
      if (!animate || tl.duration() === 0) tl.progress(1);
      else tl.play();
      // An empty or instant timeline may not fire onComplete: settle now.
      if (tl.progress() === 1 && timeline === tl) finish();
    },
    destroy() {
      timeline?.kill();
      timeline = null;
    },
  };
}
