// Scene "hunt": TSMC in public and in private, one comparison built up step by step (graphics review 56, item 6: the
// figure had been two unconnected nodes, then one arrow, then labels holding quotes: a map of quotes). OpenAI (the
// story's rust dot, NVIDIA's chip over it as in chapters 1, 7 and 8) at the top, TSMC's ring in the chipmakers' one
// soft group at the foot (the article names and counts no other), both at the story's one node size, joined by a
// spine of two arrows: Altman's request down, TSMC's private answer back up. Left of the spine what was said in
// public, right of it what was reported from the talks, each column under its head at one level, so that the two
// answers stand side by side:
//   origin   OpenAI and NVIDIA, TSMC and the others; nothing joins them yet;
//   tsmc     the request: a rust arrow down from OpenAI to TSMC, its words beside it (talks since 2023, per a manager);
//   refusal  the public column: its head and TSMC's chief's words (reported; in German a few of them quoted), and the
//            executives' no, on a level leader from the chipmakers' group (the article names no source for it);
//   promise  the private column: its head and TSMC's offer on a condition, per a senior TSMC manager, on a grey dashed
//            arrow back up to OpenAI (an offer, not a deal).
// Each step adds one thing and nothing moves. No places, distances or quantities: the spine's length is the room's.
//
// Graphics review 56, items 5 and 7: the figure spans the stage's height from its first step (OpenAI at the top,
// TSMC at the foot), on the desktop over 60 % of the room, centred; on a phone on its side it fills its room at the
// stage's own size, its words at the size of the other scenes' (it had been drawn small and zoomed 1.4 times).

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { arrowHead, dot, r1 } from "./shapes.ts";
import { chipTop } from "./chip.ts";
import { boxAround, captionStrip, lines, LINE, textBox, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { answerHeight, answerMarks, type Answer } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
/** NVIDIA's chip across, in label heights, on every screen: an icon, context to the exchange (graphics review 53, item 3). */
export const ICON = 2.4;
/** The share of the stage's room (over its caption) the figure spans on the desktop and on a phone on its side. */
export const FILL = { column: 0.8, land: 1, square: 0.97, print: 0 } as const;

/** The executives' refusal (the article names no source for it): most of those Altman approached said no. */
const refusal = (ctx: SceneContext): Answer => ({ key: "refused", head: ctx.t("refused-head"), text: ctx.t("refused") });
/**
 * C. C. Wei's remark: who said it, then what he said. In German a few of the article's words, in quotation marks,
 * set as a quotation; in English reported speech, not a quotation (standards review 54, item 2: the article's German
 * is not his own words, and a translation back into English would pass ours off as his). Set as a quotation only
 * when the label opens with a quotation mark.
 */
const publicRemark = (ctx: SceneContext): Answer => {
  const text = ctx.t("verdict");
  return { key: "public", head: ctx.t("public"), text, quote: /^[„“"]/.test(text) };
};
const privateAnswer = (ctx: SceneContext): Answer => ({
  key: "private",
  head: ctx.t("private"),
  text: ctx.t("offer"),
  source: ctx.t("manager"),
});

export const hunt = defineScene({
  id: "hunt",
  states: STATES,
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const L = layoutOf(ctx, plot);
    const { r, X } = L;
    const step = STATES.indexOf(state);
    const marks: Mark[] = [];

    // The chipmakers as one soft group round TSMC's ring and the names (graphics review 49, item 4: nothing to count).
    marks.push({
      key: "chipmakers",
      tag: "rect",
      attrs: { x: r1(L.g.x0), y: r1(L.g.y0), width: r1(L.g.x1 - L.g.x0), height: r1(L.g.y1 - L.g.y0), rx: r1(r * 1.2), class: "group" },
      enter: { opacity: 0 },
    });
    // OpenAI's dot at the spine's top, named right of it (as in the chapters before and after: the name is handed over beside its dot); NVIDIA's chip over it on a short grey stem (OpenAI depends on
    // it), named over the chip with what OpenAI needs it for.
    marks.push({
      key: "depends",
      tag: "line",
      attrs: { x1: r1(X), y1: r1(L.yO - r * 1.1), x2: r1(X), y2: r1(L.ny + L.S * 0.5), class: "leader" },
    });
    marks.push(dot("hero", X, L.yO, r * 2, "marker marker-hero"));
    marks.push(...chipTop({ key: "nvidia", dieKey: "nvidia", cx: X, cy: L.ny, size: L.S, owner: "nvidia" }));
    marks.push(...lines("hero-lbl", [ctx.t("openai")], X + r * 1.5, L.yO + L.nm * 0.35, L.nm, "lbl lbl-hero", "start"));
    const anchor = L.beside ? "start" : "middle";
    marks.push(...lines("nvidia-lbl", [ctx.t("nvidia")], L.nX, L.nBase, L.nm, "lbl lbl-strong", anchor));
    marks.push(...lines("nvidia-role", L.role, L.nX, L.nBase + L.sm * LINE, L.sm, "lbl lbl-muted", anchor));
    // TSMC's ring at the spine's foot, its name and the others' (not named) right of it.
    marks.push(dot("tsmc", X, L.yT, r * 1.9, "marker marker-ring"));
    marks.push(...lines("tsmc-lbl", [ctx.t("tsmc")], L.nx, L.yT + L.nm * 0.35, L.nm, "lbl lbl-strong"));
    marks.push(...lines("others-lbl", L.others, L.nx, L.yT + L.nm * 0.35 + L.sm * LINE, L.sm, "lbl lbl-muted"));

    // The request: a rust arrow down the spine's left from OpenAI's dot to TSMC's ring, its words left of it.
    if (step >= 1) {
      const from: [number, number] = [X - L.k, L.yO + L.dy];
      const tip: [number, number] = [X - L.k, L.yT - L.dy];
      marks.push({
        key: "link-tsmc",
        tag: "line",
        attrs: { x1: r1(from[0]), y1: r1(from[1]), x2: r1(tip[0]), y2: r1(tip[1]), class: "arc arc-strong" },
        enter: { opacity: 0 },
      });
      marks.push(arrowHead("link-tsmc-head", tip, from, L.head, "arc arc-strong"));
      marks.push(...lines("link-tsmc-lbl", L.talks, L.colR, L.talkTop + t.small * 0.8, t.small, "lbl lbl-link", "end"));
    }
    // The public column: its head, TSMC's chief's words under it; the executives' no by the chipmakers' group.
    if (step >= 2) {
      marks.push(...lines("col-public", [ctx.t("col-public")], L.xL, L.yH, L.sm, "lbl lbl-strong"));
      marks.push(...answerMarks(ctx, publicRemark(ctx), L.xL, L.yA, L.wL));
      marks.push({
        key: "refused-tie",
        tag: "line",
        attrs: { x1: r1(L.g.x0), y1: r1(L.tieY), x2: r1(L.g.x0 - L.leader), y2: r1(L.tieY), class: "leader" },
        enter: { opacity: 0 },
      });
      marks.push(...answerMarks(ctx, refusal(ctx), L.refX, L.refTop, L.refW));
    }
    // The private column: its head, TSMC's offer on a condition and who reported it; a grey dashed arrow back up the
    // spine's right from TSMC's ring to OpenAI's dot (an offer, on a condition; its head solid).
    if (step >= 3) {
      const from: [number, number] = [X + L.k, L.yT - L.dy];
      const tip: [number, number] = [X + L.k, L.yO + L.dy];
      marks.push({
        key: "answer-private",
        tag: "line",
        attrs: { x1: r1(from[0]), y1: r1(from[1]), x2: r1(tip[0]), y2: r1(tip[1]), class: "arc arc-grey arc-dash" },
        enter: { opacity: 0 },
      });
      marks.push(arrowHead("answer-private-head", tip, from, L.head, "arc arc-grey"));
      marks.push(...lines("col-private", [ctx.t("col-private")], L.xR, L.yH, L.sm, "lbl lbl-strong"));
      marks.push(...answerMarks(ctx, privateAnswer(ctx), L.xR, L.yA, L.wR));
    }
    marks.push(...caption.marks);
    return marks;
  },
});

/**
 * Where everything stands, the same in every state. Down the middle the spine: NVIDIA's column (name, role, chip,
 * stem), OpenAI's dot, the request's words at its left, the columns' heads at one level, the two answers under them,
 * TSMC's ring and the chipmakers' names. The room left over goes between OpenAI and the heads and between the answers
 * and TSMC, so that the spine spans the share of the room FILL sets.
 */
function layoutOf(ctx: SceneContext, plot: Box) {
  const t = typeOf(ctx);
  const big = ctx.layout === "column";
  // (the names at the story's one label size, the smaller words on the desktop as large as the prose allows:
  // tests/e2e/labelsize.spec.ts)
  const nm = t.label;
  const sm = t.small * (big ? 1.1 : 1);
  const r = t.label * 0.5;
  const head = r * 1.3;
  // The spine's two arrows, a little apart, each into its dot's foot or top.
  const k = r * 0.55;
  const dy = Math.sqrt(r * r - k * k) + r * 0.35;
  // (graphics review 54, item 3: on the desktop drawn in a little from the stage's sides)
  const inset = big ? (plot.x1 - plot.x0) * 0.04 : 0;
  const x0 = plot.x0 + inset;
  const x1 = plot.x1 - inset;
  const X = (x0 + x1) / 2;
  // The columns: left of the spine, right of it, a gap clear of its arrows and heads.
  const gap = k + head + t.small * 0.6;
  const colR = X - gap;
  const xL = x0;
  const wL = colR - xL;
  const xR = X + gap;
  const wR = x1 - xR;
  // NVIDIA's column over OpenAI's dot.
  const S = t.label * ICON;
  // (on a phone on its side, short, its name and role beside the chip, not over it: over it they left the spine too
  // short a room for the answers at the stage's own size; there the role runs to the stage's edge, on one line where
  // it fits: wrapped to the chip's width it ran down into OpenAI's name, graphics review 57, item 5)
  const beside = ctx.layout === "land";
  const role = wrapWidth(
    ctx.t("nvidia-role"),
    sm,
    beside ? x1 - (X + S / 2 + t.small * 0.5) : Math.max(S * 2.2, textWidth(ctx.t("nvidia"), nm, true)),
  );
  const gapN = r * 1.4;
  const chipDown = r + gapN + S / 2;
  const roleH = (role.length - 1) * sm * LINE;
  const nUp = beside ? chipDown + (nm * 0.75 + sm * LINE + roleH) / 2 - nm * 0.75 : chipDown + S / 2 + sm * 0.5 + roleH + sm * LINE;
  const nX = beside ? X + S / 2 + t.small * 0.5 : X;
  const above = beside ? chipDown + Math.max(S / 2, (nm * 0.75 + sm * LINE + roleH) / 2) + t.small * 0.3 : nUp + nm * 0.8;
  // The request's words, at the spine's left under OpenAI's name.
  const talks = wrapWidth(ctx.t("talks"), t.small, wL);
  const talkRel = r + nm * 0.6;
  const talkH = t.small * 0.8 + (talks.length - 1) * t.small * LINE + t.small * 0.35;
  // The columns' heads and answers.
  const pubH = answerHeight(ctx, publicRemark(ctx), wL);
  const privH = answerHeight(ctx, privateAnswer(ctx), wR);
  const headH = sm * 1.5;
  const colH = headH + Math.max(pubH, privH);
  // TSMC's ring and names; the executives' no left of the group, on a level leader.
  const nx = X + r * 1.3;
  const others = wrapWidth(ctx.t("others"), sm, wR - r * 1.3 + gap - t.small * 0.7);
  const namesH = nm * 0.35 + others.length * sm * LINE + sm * 0.3;
  const edge = t.small * 0.7;
  const gx0 = X - r * 1.3 - edge;
  const leader = t.small * 1.2;
  const refRoom = gx0 - leader - t.small * 0.3 - xL;
  const refW = Math.min(refRoom, Math.max(refRoom * 0.6, textWidth(`${ctx.t("refused-head")} ${ctx.t("refused")}`, nm) / 2 + nm * 2));
  const refH = answerHeight(ctx, refusal(ctx), refW);
  const foot = Math.max(r * 0.95 + namesH + edge * 0.5, refH - nm * 0.5);
  // The gaps, at least a little room each; the rest of the room between them, the whole centred.
  const minA = t.small * 0.9;
  const minB = Math.max(t.small * 0.9, dy + head);
  const need = above + talkRel + talkH + minA + colH + minB + r + foot;
  const room = plot.y1 - plot.y0;
  const fill = FILL[ctx.layout] || 0;
  const extra = Math.max(0, room * fill - need);
  const top = plot.y0 + Math.max(0, room - need - extra) / 2;
  const yO = top + above;
  const talkTop = yO + talkRel;
  const yH = talkTop + talkH + minA + extra * 0.5 + sm * 0.8;
  const yA = yH + sm * 0.7;
  const yT = yA - sm * 0.8 - sm * 0.7 + colH + minB + extra * 0.5 + r;
  // (the executives' no: its first line level with TSMC's ring; its right edge at the leader's end)
  const tieY = yT;
  const refTop = yT - nm * 0.5;
  const drawn = answerMarks(ctx, refusal(ctx), 0, refTop, refW).filter((m) => m.tag === "text");
  const refX = gx0 - leader - t.small * 0.3 - boxAround(drawn.map((m) => textBox(m as never))).x1;
  const gx1 = nx + Math.max(textWidth(ctx.t("tsmc"), nm, true), ...others.map((w) => textWidth(w, sm))) + edge;
  const g = { x0: gx0, y0: yT - r * 0.95 - edge * 0.6, x1: gx1, y1: yT + namesH + edge * 0.5 };
  return {
    r,
    k,
    dy,
    head,
    S,
    nm,
    sm,
    X,
    yO,
    yT,
    ny: yO - chipDown,
    nBase: yO - nUp,
    nX,
    beside,
    role,
    nx,
    others,
    g,
    talks,
    talkTop,
    colR,
    xL,
    wL,
    xR,
    wR,
    yH,
    yA,
    refX,
    refW,
    refTop,
    tieY,
    leader,
  };
}
