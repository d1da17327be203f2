// Marks → live SVG. D3 joins marks to elements by key (space); GSAP drives every
// transition (time), in phases (src/render/motion.ts): exits, moves, entries.
// Only the compositor's properties move: a mark that moves or grows keeps its
// geometry attributes while its CSS transform carries it to the new place (one
// matrix, src/render/flip.ts), it fades by CSS opacity, and it gets its new
// attributes once, when it settles; an attribute tween repaints, restyles and
// re-lays out the whole stage SVG every frame. The named exception is a morph (a
// path or line that changes shape, such as a link whose ends move apart): its
// geometry is tweened as attributes. A new render kills the running timeline, so
// marks start from wherever they are drawn: the stage never queues stale steps and
// never rests between two states. The only module that changes the stage's DOM.

import { select, type Selection, type BaseType } from "d3-selection";
import { gsap } from "gsap";
import type { Attrs, Mark } from "../story/types.ts";
import { MOTION, phaseStarts, phaseTimes } from "./motion.ts";
import { GEOMETRY, IDENTITY, compose, cssMatrix, lerp, mapping, parseTransform, sameMatrix, type Matrix, type Values } from "./flip.ts";

// Transitions keep to the clock: after a long frame GSAP would otherwise slow its
// clock down (lag smoothing), and a busy phone could take past the 2 s the contract allows.
gsap.ticker.lagSmoothing(0);

const SVG_NS = "http://www.w3.org/2000/svg";
const KEEP = new Set(["data-key", "data-exiting"]);
/** Key suffix of the copy that carries a label's old words out while its new words come in. */
const WAS = "~was";

const idOf = (m: Mark): string => `${m.tag}:${m.key}`;
/** Numbers-stripped shape of a value: a morph tweens only when both ends share it. */
const shape = (v: string): string => v.replace(/-?\d*\.?\d+(e[-+]?\d+)?/gi, "#");

/** What a mark shows while it moves: the matrix and opacity written to its style (absent: its attributes'). */
interface Drawn {
  m?: Matrix | undefined;
  o?: number | undefined;
  /** The style values last written, so a frame writes only what changed. */
  css?: { t: string; o: string };
}
const drawn = new WeakMap<Element, Drawn>();

/** The matrix an element is drawn with now. */
function matrixOf(el: Element): Matrix {
  return drawn.get(el)?.m ?? parseTransform(el.getAttribute("transform")) ?? IDENTITY;
}
/** The opacity an element is drawn with now. */
function opacityOf(el: Element): number {
  const o = drawn.get(el)?.o;
  return o ?? Number(el.getAttribute("opacity") ?? 1);
}
function paint(el: Element, m: Matrix | undefined, o: number | undefined): void {
  const was = drawn.get(el)?.css ?? { t: "", o: "" };
  const css = { t: m ? cssMatrix(m) : "", o: o === undefined ? "" : String(+o.toFixed(3)) };
  const style = (el as SVGElement).style;
  if (css.t !== was.t) style.transform = css.t;
  if (css.o !== was.o) style.opacity = css.o;
  drawn.set(el, { m, o, css });
}

/**
 * One element's part in a transition: its matrix from → to (then its geometry and
 * transform attributes are written and the style let go), its opacity from → to
 * (then written as the attribute), and the morph's attributes to tween.
 */
interface Op {
  el: Element;
  move?: { from: Matrix; to: Matrix; attrs: Values };
  fade?: { from: number; to: number };
  morph?: Record<string, string | number>;
  after?: () => void;
}
type Ops = { exit: Op[]; move: Op[]; enter: Op[] };

/** Lets the compositor carry `el` from how it is drawn now to `target`: returns its op, or null if nothing moves. */
function plan(el: Element, target: Values): Op | null {
  const tag = el.tagName.toLowerCase();
  const geometry = GEOMETRY[tag] ?? [];
  const op: Op = { el };
  const now = matrixOf(el);
  const to = parseTransform(target.transform);
  // Everything that is neither geometry nor opacity nor transform is set at once.
  for (const name of Array.from(el.attributes).map((a) => a.name)) {
    if (!(name in target) && !KEEP.has(name) && name !== "transform" && !geometry.includes(name) && name !== "opacity")
      el.removeAttribute(name);
  }
  for (const [name, value] of Object.entries(target)) {
    if (name === "transform" || name === "opacity" || geometry.includes(name)) continue;
    if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
  }
  const from: Values = {};
  for (const k of geometry) {
    const v = el.getAttribute(k);
    if (v !== null) from[k] = v;
  }
  const want: Values = {};
  for (const k of geometry) if (target[k] !== undefined) want[k] = target[k]!;
  const finalAttrs: Values = { ...want, ...(target.transform !== undefined ? { transform: target.transform } : {}) };
  if (!to) {
    // A transform the matrix reader does not know: set at once, like any other attribute.
    el.setAttribute("transform", String(target.transform));
    delete finalAttrs.transform;
  }
  let r = mapping(tag, from, want);
  let start = now;
  if (r === null) {
    // No matrix from what it has (a box of no width): draw the new geometry, scaled back to the old.
    const back = mapping(tag, want, from);
    if (back === null || back === "morph") r = "morph";
    else {
      for (const [k, v] of Object.entries(want)) el.setAttribute(k, String(v));
      start = compose(now, back);
      r = IDENTITY;
    }
  }
  if (r === "morph") {
    const morph: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(want)) {
      const cur = el.getAttribute(k);
      if (cur === String(v)) continue;
      if (cur !== null && (typeof v === "number" ? !Number.isNaN(Number(cur)) : shape(String(v)) === shape(cur))) morph[k] = v;
      else el.setAttribute(k, String(v));
    }
    if (Object.keys(morph).length > 0) op.morph = morph;
    r = IDENTITY;
  }
  const end = to ? compose(to, r) : r;
  // A mark still held by its style (an interrupted move) moves too, if only to let go of it.
  const held = drawn.get(el)?.m !== undefined;
  if (held || !sameMatrix(start, end) || hasChange(el, finalAttrs)) op.move = { from: start, to: end, attrs: finalAttrs };
  const o0 = opacityOf(el);
  const o1 = Number(target.opacity ?? 1);
  if (Math.abs(o0 - o1) > 1e-4 || drawn.get(el)?.o !== undefined) op.fade = { from: o0, to: o1 };
  else if (el.getAttribute("opacity") !== String(target.opacity ?? 1)) el.setAttribute("opacity", String(target.opacity ?? 1));
  return op.move || op.fade || op.morph ? op : null;
}

function hasChange(el: Element, attrs: Values): boolean {
  return Object.entries(attrs).some(([k, v]) => el.getAttribute(k) !== String(v));
}

export interface Renderer {
  /**
   * Draws `marks`; calls `done` when they have settled (unless a newer render came first).
   * `at` (0…1) freezes the transition at that point instead of playing it (the contact sheet).
   * `crossfade`: a chapter change, the old picture fading while the new one arrives (src/render/motion.ts).
   */
  render(marks: Mark[], opts: { animate: boolean; done: () => void; at?: number; crossfade?: boolean }): void;
  destroy(): void;
}

export function createRenderer(root: SVGGElement | SVGSVGElement): Renderer {
  let timeline: gsap.core.Timeline | null = null;

  function tweenTo(el: Element, attrs: Attrs, into: Op[]): void {
    const op = plan(el, { opacity: 1, ...(attrs as Values) });
    if (op) into.push(op);
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
    const shown = drawn.get(el);
    if (shown) paint(was, shown.m, shown.o);
    ops.exit.push({ el: was, fade: { from: opacityOf(el), to: 0 }, after: () => was.remove() });
    el.textContent = d.text!;
    paint(el, drawn.get(el)?.m, 0);
    const op = plan(el, { opacity: 1, ...(d.attrs as Values) });
    if (!op) return;
    if (op.move || op.morph) ops.move.push({ el, move: op.move, morph: op.morph });
    if (op.fade) ops.enter.push({ el, fade: op.fade });
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
      const current: Values = {};
      for (const a of Array.from(el.attributes)) if (!KEEP.has(a.name)) current[a.name] = a.value;
      const op = plan(el, { ...current, opacity: 0, ...((d?.exit ?? {}) as Values) });
      ops.exit.push({
        ...(op ?? { el }),
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

  /** The tweens of one op on the timeline, from `at`: its matrix and opacity on the style, its morph on the attributes. */
  function schedule(tl: gsap.core.Timeline, o: Op, at: number, duration: number, ease: string, fade: string): void {
    const { el, move } = o;
    if (o.morph) tl.to(el, { attr: o.morph, duration, ease }, at);
    const p = { m: 0, o: 0 };
    // Each channel lets go of the style once, when its own tween ends.
    const done = { m: false, o: false };
    const draw = () => {
      const now = drawn.get(el);
      paint(
        el,
        move && !done.m ? lerp(move.from, move.to, p.m) : now?.m,
        o.fade && !done.o ? o.fade.from + (o.fade.to - o.fade.from) * p.o : now?.o,
      );
    };
    const settle = () => {
      const now = drawn.get(el);
      let m = now?.m;
      let op = now?.o;
      if (move && p.m === 1 && !done.m) {
        done.m = true;
        for (const [k, v] of Object.entries(move.attrs)) el.setAttribute(k, String(v));
        if (move.attrs.transform === undefined) el.removeAttribute("transform");
        m = undefined;
      }
      if (o.fade && p.o === 1 && !done.o) {
        done.o = true;
        el.setAttribute("opacity", String(o.fade.to));
        op = undefined;
      }
      paint(el, m, op);
    };
    if (move) tl.to(p, { m: 1, duration, ease, onUpdate: draw, onComplete: settle }, at);
    if (o.fade) tl.to(p, { o: 1, duration, ease: fade, onUpdate: draw, onComplete: settle }, at);
    if (o.after) tl.call(o.after, undefined, at + duration);
    if (move || o.fade) draw();
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
      const has = { exit: ops.exit.length > 0, move: ops.move.length > 0, enter: ops.enter.length > 0 };
      const start = phaseStarts(has, opts.crossfade);
      const time = phaseTimes(opts.crossfade);
      for (const o of ops.exit) schedule(tl, o, start.exit, time.exit, time.fade, time.fade);
      for (const o of ops.move) schedule(tl, o, start.move, time.move, time.ease, time.ease);
      const step = Math.min(MOTION.stagger, MOTION.staggerMax / Math.max(ops.enter.length - 1, 1));
      ops.enter.forEach((o, i) => schedule(tl, o, start.enter + i * step, time.enter, time.ease, time.fade));
      if (!animate || tl.duration() === 0) tl.progress(1);
      else if (opts.at !== undefined) tl.progress(opts.at).pause();
      else {
        tl.play();
      }
      // An empty or instant timeline may not fire onComplete: settle now.
      if (tl.progress() === 1 && timeline === tl) finish();
    },
    destroy() {
      timeline?.kill();
      timeline = null;
    },
  };
}
