// Marks → live SVG. D3 joins marks to elements by key (space); GSAP tweens every
// changed attribute (time), in phases (src/render/motion.ts): exits, then moves,
// then entries. A new render kills the running timeline, so marks start from
// wherever they are: the stage never queues stale steps and never rests between
// two states. The only module that changes the stage's DOM.

import { select, type Selection, type BaseType } from "d3-selection";
import { gsap } from "gsap";
import type { Attrs, Mark } from "../story/types.ts";
import { MOTION, crossing, phaseStarts, type Fade } from "./motion.ts";

// Transitions keep to the clock: after a long frame GSAP would otherwise slow its
// clock down (lag smoothing), and a busy phone could take past the 2 s the contract allows.
gsap.ticker.lagSmoothing(0);

const SVG_NS = "http://www.w3.org/2000/svg";
const KEEP = new Set(["data-key", "data-exiting"]);
/** Key suffix of the copy that carries a label's old words out while its new words come in. */
const WAS = "~was";

const idOf = (m: Mark): string => `${m.tag}:${m.key}`;
/** A label, or a group holding one: in a cross-fade words leave first and arrive last. */
const hasText = (el: Element): boolean => el.tagName.toLowerCase() === "text" || el.querySelector("text") !== null;
/** A mark's key as its scene names it: without the chapter's scope ("scene/") and a hand-over's suffix ("~slug"). */
const sceneKey = (el: Element): string => (el.getAttribute("data-key") ?? "").replace(/^[^/]*\//, "").replace(/~.*$/, "");
/** The mark a label names, by the scenes' keys ("hero-lbl-0" names "hero"), or null. */
const ownerOf = (el: Element): string | null => /^(.+?)-lbl(?:-\d+)?$/.exec(sceneKey(el))?.[1] ?? null;
/** Attributes that place or size a mark (not its colour or strength). */
const GEOMETRY = new Set([
  "x",
  "y",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "width",
  "height",
  "x1",
  "y1",
  "x2",
  "y2",
  "d",
  "transform",
  "points",
  "font-size",
]);
/** Whether an element's attributes, as tweened, move or resize it (not only fade or colour it). */
const travels = (attr: Record<string, string | number>): boolean => Object.keys(attr).some((name) => GEOMETRY.has(name));
/** Numbers-stripped shape of a value: tween only when both ends share it. */
const shape = (v: string): string => v.replace(/-?\d*\.?\d+(e[-+]?\d+)?/gi, "#");

export interface Renderer {
  /**
   * Draws `marks`; calls `done` when they have settled (unless a newer render came first).
   * `at` (0…1) freezes the transition at that point instead of playing it (the contact sheet).
   * `crossfade`: a chapter change, the old picture fading while the new one arrives (src/render/motion.ts).
   * `reduced`: reduced motion, nothing moves: a short cross-fade (with `animate`; without, a cut).
   */
  render(
    marks: Mark[],
    opts: {
      animate: boolean;
      done: () => void;
      at?: number;
      crossfade?: boolean;
      reduced?: boolean;
      /** Called when the new picture becomes the stronger: at a cross-fade's crossing, else at once. */
      crossed?: () => void;
    },
  ): void;
  destroy(): void;
}

export function createRenderer(root: SVGGElement | SVGSVGElement): Renderer {
  let timeline: gsap.core.Timeline | null = null;
  /** `unseen`: the op moves a mark while it is hidden (a label between its old words and its new). */
  type Op = { el: Element; attr: Record<string, string | number>; after?: () => void; unseen?: boolean };
  type Ops = { exit: Op[]; move: Op[]; enter: Op[] };

  function tweenTo(el: Element, attrs: Attrs, into: Op[]): void {
    const tween: Record<string, string | number> = {};
    const target: Attrs = { opacity: 1, ...attrs };
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
    if (Object.keys(tween).length > 0) into.push({ el, attr: tween });
  }

  /**
   * A label whose words change does not swap them in place: a copy with the old words
   * leaves with the exits, the label moves unseen, and shows its new words with the entries.
   */
  function rewrite(el: Element, d: Mark, ops: Ops): void {
    const was = el.cloneNode(true) as Element;
    was.setAttribute("data-key", `${d.key}${WAS}`);
    was.setAttribute("data-exiting", "");
    el.before(was);
    ops.exit.push({ el: was, attr: { opacity: 0 }, after: () => was.remove() });
    el.textContent = d.text!;
    el.setAttribute("opacity", "0");
    const moves: Op[] = [];
    tweenTo(el, d.attrs, moves);
    const { opacity, ...rest } = moves[0]?.attr ?? {};
    if (Object.keys(rest).length > 0) ops.move.push({ el, attr: rest, unseen: true });
    if (opacity !== undefined) ops.enter.push({ el, attr: { opacity } });
  }

  function join(parent: Selection<Element, unknown, null, undefined>, marks: Mark[], ops: Ops, animate: boolean): void {
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
      ops.exit.push({
        el,
        attr: { opacity: 0, ...((d?.exit ?? {}) as Attrs) },
        after: () => {
          if (el.hasAttribute("data-exiting")) el.remove();
        },
      });
    });

    const entered = sel.enter().append((d: Mark) => {
      const el = document.createElementNS(SVG_NS, d.tag);
      el.setAttribute("data-key", d.key);
      for (const [k, v] of Object.entries({ ...d.attrs, opacity: 0, ...(d.enter ?? {}) })) el.setAttribute(k, String(v));
      return el;
    });

    const fresh = new Set<Element>(entered.nodes());
    entered
      .merge(sel as unknown as typeof entered)
      .order()
      .each(function (this: Element, d: Mark) {
        this.removeAttribute("data-exiting");
        const rewritten = d.text !== undefined && this.textContent !== d.text;
        if (rewritten && animate && !fresh.has(this) && !d.children) return rewrite(this, d, ops);
        if (rewritten) this.textContent = d.text!;
        tweenTo(this, d.attrs, fresh.has(this) ? ops.enter : ops.move);
        if (d.children) join(select(this), d.children, ops, animate);
      });
  }

  /**
   * A cross-fade on `tl`: the old picture (words a little before shapes) leaves along `fade.easeOut`,
   * the new one arrives along `fade.easeIn`, its words once the old words have gone (each fade at its
   * own time); what stays moves over `fade.move`. With no old picture, the new one arrives at once.
   */
  function crossfade(tl: gsap.core.Timeline, ops: Ops, fade: Fade): void {
    const shift = ops.exit.length > 0 ? 0 : fade.shapesIn[0];
    const span = ([a, b]: readonly [number, number], by = 0) => ({ at: Math.max(a - by, 0), duration: b - a });
    // Reduced motion (no move): only opacity changes over time; every mark is put in its place at once.
    const still = fade.move[1] === 0;
    const place = (el: Element, attr: Record<string, string | number>) => {
      if (!still) return attr;
      const { opacity, ...rest } = attr;
      for (const [name, value] of Object.entries(rest)) el.setAttribute(name, String(value));
      return opacity === undefined ? {} : { opacity };
    };
    for (const o of ops.exit) {
      const { at, duration } = span(hasText(o.el) ? fade.textOut : fade.shapesOut);
      tl.to(o.el, { attr: still ? { opacity: 0 } : o.attr, duration, ease: fade.easeOut, onComplete: o.after }, at);
    }
    for (const o of ops.move) {
      const { at, duration } = span(fade.move);
      if (!still) tl.to(o.el, { attr: o.attr, duration, ease: MOTION.ease }, at);
      // a mark that stays but dims or brightens still fades
      else if (place(o.el, o.attr).opacity !== undefined)
        tl.to(o.el, { attr: { opacity: o.attr.opacity! }, duration: span(fade.shapesIn).duration, ease: fade.easeIn }, 0);
    }
    // A carried mark's new words (a hand-over's label, keyed after it) arrive beside it once it has landed, not at its
    // destination while it still travels (graphics review 44, item 7: OpenAI's dot crossed the stage, its name already
    // shown elsewhere); its old words left at the start, with the old picture.
    const carried = new Set(still ? [] : ops.move.filter((o) => !o.unseen && travels(o.attr)).map((o) => sceneKey(o.el)));
    const landed: readonly [number, number] = [fade.move[1], Math.max(fade.textIn[1], fade.move[1] + 0.12)];
    for (const o of ops.enter) {
      const text = hasText(o.el);
      const owner = text ? ownerOf(o.el) : null;
      const { at, duration } = span(owner !== null && carried.has(owner) ? landed : text ? fade.textIn : fade.shapesIn, shift);
      tl.to(o.el, { attr: place(o.el, o.attr), duration, ease: fade.easeIn }, at);
    }
  }

  return {
    render(marks, opts) {
      const { animate, done } = opts;
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
      const ops: Ops = { exit: [], move: [], enter: [] };
      join(select<Element, unknown>(root), marks, ops, animate);
      // A step that replaces its picture (more marks leave than stay in sight) hands over as a chapter change does:
      // phased, its arrivals waited for the leaving words, and the stage stood empty for a fifth of a second
      // (graphics review 46, item 1: back from chapter 9's table to its first step).
      const replaces = ops.exit.length > 0 && ops.enter.length > 0 && ops.exit.length >= ops.move.filter((o) => !o.unseen).length;
      const fade = opts.reduced ? MOTION.reduced : opts.crossfade || replaces ? MOTION.crossfade : null;
      if (fade) crossfade(tl, ops, fade);
      // At the crossing, on the transition's own clock: from then the new picture is the stronger.
      if (opts.crossed) {
        // (a step that replaces its picture within a scene names its chapter from the start, as before)
        if (fade && ops.exit.length > 0 && (opts.crossfade || opts.reduced))
          tl.call(
            opts.crossed,
            undefined,
            crossing(fade, (name) => gsap.parseEase(name)),
          );
        else opts.crossed();
      }
      if (!fade) {
        const has = {
          exit: ops.exit.length > 0,
          move: ops.move.some((o) => !o.unseen && travels(o.attr)),
          enter: ops.enter.length > 0,
        };
        const start = phaseStarts(has);
        for (const o of ops.exit) tl.to(o.el, { attr: o.attr, duration: MOTION.exit, ease: MOTION.ease, onComplete: o.after }, start.exit);
        for (const o of ops.move)
          // A hidden label's move ends as its new words arrive, where nothing else travels (arrivals come sooner then).
          if (o.unseen && !has.move) tl.to(o.el, { attr: o.attr, duration: start.enter, ease: MOTION.ease }, start.exit);
          else tl.to(o.el, { attr: o.attr, duration: MOTION.move, ease: MOTION.ease }, start.move);
        const step = Math.min(MOTION.stagger, MOTION.staggerMax / Math.max(ops.enter.length - 1, 1));
        // Shapes and words each in their own order from their own start (where shapes come first, the first shape at its start).
        const shapes = start.shapes < start.enter ? ops.enter.filter((o) => !hasText(o.el)) : [];
        const rest = ops.enter.filter((o) => !shapes.includes(o));
        shapes.forEach((o, i) => tl.to(o.el, { attr: o.attr, duration: MOTION.enter, ease: MOTION.ease }, start.shapes + i * step));
        rest.forEach((o, i) => tl.to(o.el, { attr: o.attr, duration: MOTION.enter, ease: MOTION.ease }, start.enter + i * step));
      }
      if (!animate || tl.duration() === 0) tl.progress(1);
      else if (opts.at !== undefined) tl.progress(opts.at).pause();
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
