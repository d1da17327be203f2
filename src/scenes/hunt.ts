// Scene "hunt": Altman's search for chips as one figure of who went to whom, and
// TSMC's answers (graphics review 44, item 3: the opener had been three empty rings
// and a line, the answers sentences in two boxes). One level row, the same in every
// state: OpenAI (rust dot) at the right, NVIDIA (the story's chip) over it, named
// over its chip, joined to OpenAI's dot by a grey stem (OpenAI depends on it); the
// chipmakers at the left as one soft group, TSMC's ring in it with the others named
// but not drawn (graphics review 49, item 4: two fainter rings beside TSMC's had read
// as a count of three; the article names and counts none). All of them placed and
// named from the first step. Then one change a step: the talks, a rust arrow from
// OpenAI to TSMC; the refusal, one panel over the row tied to TSMC's ring by
// a grey stroke: the executives' no (standards review 48: the refusal step had had no
// drawing), then TSMC's chief's words in quotation marks, addressed to no one in the
// figure (he was asked about new fabs: standards review 46); TSMC's answer in
// private, a grey dashed arrow (an offer, with a condition) back to OpenAI's dot under
// the row. The contrast is the picture's shape: a no over the row that goes nowhere,
// an offer under it that reaches OpenAI. Nothing moves; no places, distances or
// quantities.
//
// Graphics review 46, items 6 and 8: NVIDIA over OpenAI, so the private arrow comes up
// into OpenAI's dot clear of its chip, and the chipmakers' names have the row's width.
// Graphics reviews 49, item 1, and 48, item 3: on the desktop the figure in from the
// stage's sides, its spare room round it rather than between its parts. Graphics
// review 53, item 3: the TSMC exchange is the figure's subject on every screen, its
// arrow strong across the figure; NVIDIA, context, an icon at one size to the side
// (on the desktop its chip had been the largest thing on the stage).

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { arrowHead, dot, r1 } from "./shapes.ts";
import { chipTop } from "./chip.ts";
import { captionStrip, lines, LINE, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { answerHeight, answerMarks, type Answer } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
/** NVIDIA's chip across, in label heights, on every screen: an icon, context to the exchange (graphics review 53, item 3). */
export const ICON = 2.4;

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
    const R = L.r;
    const step = STATES.indexOf(state);
    const marks: Mark[] = [];

    // The chipmakers as one soft group (graphics review 49, item 4: three rings had read as a count of three; the
    // article names TSMC only): a faint patch behind TSMC's ring and the names, no mark to count.
    marks.push({
      key: "chipmakers",
      tag: "rect",
      attrs: { x: r1(L.g.x0), y: r1(L.g.y0), width: r1(L.g.x1 - L.g.x0), height: r1(L.g.y1 - L.g.y0), rx: r1(R * 1.2), class: "group" },
      enter: { opacity: 0 },
    });

    // OpenAI's dot at the right of the row, its name beside it; NVIDIA's chip over it, joined to it by a short grey
    // stem, named over the chip with what OpenAI needs it for (under OpenAI's dot the private answer comes up into it).
    marks.push({
      key: "depends",
      tag: "line",
      attrs: { x1: r1(L.hx), y1: r1(L.y - R * 1.1), x2: r1(L.hx), y2: r1(L.ny + L.S * 0.5), class: "leader" },
    });
    // NVIDIA as the story's chip (src/scenes/chip.ts, an ink die), as chapters 1, 7 and 8 draw it (graphics review 45,
    // item 1: here it had been a black dot); its die keeps the key the other chapters hand over.
    marks.push(dot("hero", L.hx, L.y, R * 2, "marker marker-hero"));
    marks.push(...chipTop({ key: "nvidia", dieKey: "nvidia", cx: L.hx, cy: L.ny, size: L.S, owner: "nvidia" }));
    marks.push(...lines("hero-lbl", [ctx.t("openai")], L.hx + R * 1.5, L.y + L.nm * 0.35, L.nm, "lbl lbl-hero"));
    marks.push(...lines("nvidia-lbl", [ctx.t("nvidia")], L.hx, L.nBase, L.nm, "lbl lbl-strong", "middle"));
    marks.push(...lines("nvidia-role", L.role, L.hx, L.nBase + L.sm * LINE, L.sm, "lbl lbl-muted", "middle"));

    // TSMC's ring in the group, its name and the others' (not named) under the row, right of the stem that TSMC's
    // private answer will take, as wide as the row leaves.
    marks.push(dot("tsmc", L.tx, L.y, R * 1.9, "marker marker-ring"));
    marks.push(...lines("tsmc-lbl", [ctx.t("tsmc")], L.nx, L.nameY, L.nm, "lbl lbl-strong"));
    marks.push(...lines("others-lbl", L.othersWords, L.nx, L.nameY + L.sm * LINE, L.sm, "lbl lbl-muted"));

    // The talks: Altman went to the chipmakers, an arrow from OpenAI's dot to TSMC's ring, named over it.
    if (step >= 1) {
      const from: [number, number] = [L.hx - R * 1.6, L.y];
      const tip: [number, number] = [L.tx + R * 1.6, L.y];
      marks.push({
        key: "link-tsmc",
        tag: "line",
        // (drawn strong: the figure's subject, graphics review 53, item 3)
        attrs: { x1: r1(from[0]), y1: r1(from[1]), x2: r1(tip[0]), y2: r1(tip[1]), class: "arc arc-strong" },
        enter: { opacity: 0 },
      });
      marks.push(arrowHead("link-tsmc-head", tip, from, L.head, "arc arc-strong"));
      // In its own step the talks' words, with who reported them, may run wider than the arrow, up into the room the
      // answers take next, left of NVIDIA's column; from then on, shortened, between TSMC and OpenAI.
      const talk = state === "tsmc" ? L.talks : wrapWidth(ctx.t("talks-short"), t.small, L.span);
      const half = Math.max(...talk.map((w) => textWidth(w, t.small))) / 2;
      // (from the refusal on, right of TSMC's ring and the leader up from it to Wei's words)
      const left = state === "tsmc" ? L.x0 : L.nx;
      const mid = Math.min(Math.max((L.tx + L.hx) / 2, left + half), L.colLeft - t.small * 0.8 - half);
      marks.push(
        ...lines("link-tsmc-lbl", talk, mid, L.y - L.lift - (talk.length - 1) * t.small * LINE, t.small, "lbl lbl-link", "middle"),
      );
    }
    // The refusal, two quote callouts (graphics review 54, item 4: Wei's words and the executives' no had hung on
    // uprights of different heights from TSMC's ring and read as bars, one larger than the other). Each is tied to its
    // mark by a thin leader of one short length, the same for both, so nothing reads as a quantity: over the row TSMC's
    // chief's words, a few of them quoted, on a leader up from TSMC's ring (said, and reported, addressed to no one in
    // the figure: he was asked about new fabs, standards review 46); under the chipmakers' group the executives' no, on
    // a leader down from it (standards review 48: the refusal step had had no drawing).
    if (step >= 2) {
      marks.push({
        key: "remark",
        tag: "line",
        attrs: { x1: r1(L.tx), y1: r1(L.remarkFoot), x2: r1(L.tx), y2: r1(L.remarkFoot - L.leader), class: "leader" },
        enter: { opacity: 0 },
      });
      marks.push(...answerMarks(ctx, publicRemark(ctx), L.x0, L.qTop, L.qWidth));
      marks.push({
        key: "refused-tie",
        tag: "line",
        attrs: { x1: r1(L.tie.x1), y1: r1(L.tie.y1), x2: r1(L.tie.x2), y2: r1(L.tie.y2), class: "leader" },
        enter: { opacity: 0 },
      });
      marks.push(...answerMarks(ctx, refusal(ctx), L.rx, L.refTop, L.refW));
    }
    // TSMC's answer in private: an arrow back from its ring to OpenAI's dot under the row (dashed: an offer, on a
    // condition; its head solid, as a dashed head reads as a smudge), its words under it.
    if (step >= 3) {
      marks.push(
        ...elbow("answer-private", [L.tx, L.y + R * 1.5], L.yPriv, [L.hx, L.y + R * 1.5], L.head, "arc arc-grey arc-dash", "arc arc-grey"),
      );
      marks.push(...answerMarks(ctx, privateAnswer(ctx), L.wx, L.yPriv + t.small * 0.45, L.width));
    }
    marks.push(...caption.marks);
    return marks;
  },
});

/**
 * An arrow with rounded corners (an arrow, not a box): from (x0, y0) to the level `via`, across to x1, and on to its
 * tip at (x1, y1).
 */
function elbow(
  key: string,
  [x0, y0]: [number, number],
  via: number,
  [x1, y1]: [number, number],
  head: number,
  cls: ClassList,
  headCls: ClassList,
): Mark[] {
  const k = Math.sign(via - y0);
  const c = Math.min(head * 1.6, Math.abs(via - y0) / 2, Math.abs(x1 - x0) / 2);
  const dx = Math.sign(x1 - x0) * c;
  const d =
    `M${r1(x0)},${r1(y0)} V${r1(via - k * c)} Q${r1(x0)},${r1(via)} ${r1(x0 + dx)},${r1(via)}` +
    ` H${r1(x1 - dx)} Q${r1(x1)},${r1(via)} ${r1(x1)},${r1(via - k * c)} V${r1(y1)}`;
  return [
    { key, tag: "path", attrs: { d, class: cls, fill: "none" }, enter: { opacity: 0 } },
    arrowHead(`${key}-head`, [x1, y1], [x1, via], head, headCls),
  ];
}

/** The least width that `text` wraps into `count` lines at (at least its longest word's). */
function narrowest(text: string, size: number, count: number): number {
  let [lo, hi] = [Math.max(...text.split(/\s+/).map((w) => textWidth(w, size))), textWidth(text, size)];
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (wrapWidth(text, size, mid).length <= count) hi = mid;
    else lo = mid;
  }
  return hi + 1;
}

/**
 * Where everything stands, the same in every state. Across: the chipmakers' group at the left (TSMC's ring in it),
 * OpenAI's dot at the right with NVIDIA's column over it (its name, its role, its chip, centred on the dot). Top to
 * bottom, left of NVIDIA's column: Wei's callout, under it (right of his stroke) the executives' no, under that the
 * talks' words; the row; the chipmakers' names under it; the private answer's arrow's level and its words, down to the
 * caption.
 */
function layoutOf(ctx: SceneContext, plot: Box) {
  const t = typeOf(ctx);
  // The desktop's large stage (graphics reviews 45, item 1, 49, item 1, and 51, item 3: three small nodes in a stage
  // 60 % blank): the actors and their names drawn larger, the figure drawn in from the stage's sides and kept together.
  const big = ctx.layout === "column";
  // (the names at the headline size, the smaller words as large as the prose beside the stage allows them:
  // tests/e2e/labelsize.spec.ts, 1.1 times the prose's size at most)
  // (OpenAI's dot and TSMC's ring at the story's one node size, and the names at its one label size, on every screen:
  // drawn four times larger here than in any other chapter, they jumped in size at the chapter's change, graphics
  // review 52, item 3)
  const nm = t.label;
  // (on the desktop at the names' size: at 1.15 times the small size they came out over 1.1 times the prose at the
  // desktop's zoom, 1.05, which the chapter draws at since its chip is an icon)
  const sm = t.small * (big ? 1.1 : 1);
  const r = t.label * 0.5;
  // (the talks' arrowhead at one size on every screen: on the desktop it had been half the phone's)
  const head = r * 1.3;
  // (graphics review 54, item 3: drawn in by 7 % a side, the desktop's stage had stood blank at its right)
  const inset = big ? (plot.x1 - plot.x0) * 0.015 : 0;
  const x0 = plot.x0 + inset;
  const x1 = plot.x1 - inset;
  const W = x1 - x0;
  // At the right: OpenAI's dot, its name beside it; NVIDIA's chip over it, its name and role over the chip, centred.
  // Graphics review 53, item 3: on the desktop NVIDIA's chip, fifteen label heights across, had been the largest thing
  // on the stage, the TSMC exchange small in its lower left, and on the phone the chip an icon: the emphasis flipped
  // between screens. NVIDIA is context: an icon on every screen, at the size of the phone's, to the side of the exchange,
  // which takes the figure's width and height.
  const S = t.label * ICON;
  const roleText = ctx.t("nvidia-role");
  const longest = Math.max(...roleText.split(/\s+/).map((word) => textWidth(word, sm)));
  const nameW = textWidth(ctx.t("nvidia"), nm, true);
  // (in two lines or so: a column no wider than about a third of the figure)
  const roleMax = Math.max(nameW, longest, S, Math.min(textWidth(roleText, sm) * 0.6, W * 0.36));
  const role = wrapWidth(roleText, sm, roleMax);
  const colW = Math.max(S, nameW, ...role.map((l) => textWidth(l, sm)));
  const heroW = textWidth(ctx.t("openai"), nm, true);
  const hx = x1 - Math.max(colW / 2, r * 1.5 + heroW) - 2;
  const colLeft = hx - colW / 2;
  // NVIDIA's column from the row up: the stem, the chip, its role, its name (its cap height over the name's baseline).
  const gapN = r * 1.4;
  const chipDown = r + gapN + S / 2;
  const roleLast = chipDown + S / 2 + sm * 0.5;
  const nUp = roleLast + (role.length - 1) * sm * LINE + sm * LINE;
  const colH = nUp + nm * 0.75;
  // At the left: TSMC's ring, a little in from the group's edge; the names from just right of it.
  const edge = t.small * 0.7;
  const tx = x0 + edge + r * 1.3;
  const nx = tx + r * 1.3;
  // The talks' words over their arrow, between TSMC's remark and OpenAI's dot; in their own step, left of NVIDIA.
  const span = hx - tx - t.small * 1.6;
  const talks = wrapWidth(ctx.t("talks"), t.small, colLeft - t.small * 0.8 - x0);
  // (their foot clear of the dots they may run over, OpenAI's and TSMC's, drawn larger on the desktop, and of the
  // chipmakers' group, a third of an em over TSMC's ring)
  const lift = Math.max(t.small * 0.9, r + t.small * 0.4, r * 0.95 + t.small * 0.7);
  // The chipmakers' names, right of TSMC's private stem, left of OpenAI's (graphics review 46, item 6: in a column
  // between TSMC and NVIDIA they stood five lines of a word or two); no wider than about half the row, so that the
  // group stands well clear of OpenAI's dot (in German, on a phone on its side, it had reached nearly to it).
  // (and as wide as their words make them, in two lines or so, not as the row leaves: composed for a phone's stage a
  // little smaller, the English names had wrapped narrower, their group had come out smaller than at the stage's own
  // size, and the stage's zoom, which never draws a shape smaller, had stayed at 1, the English stage smaller than the
  // German: graphics review 53)
  const othersText = ctx.t("others");
  const rowRoom = Math.min(hx - r * 1.6 - t.small - nx - edge, (hx - tx) * 0.62 - r * 1.3 - edge);
  const othersWords = wrapWidth(othersText, sm, Math.min(rowRoom, narrowest(othersText, sm, big ? 2 : 3)));
  const nameY = Math.max(t.label * 1.35, r * 0.55 + nm * 0.8);
  const namesFoot = nameY + othersWords.length * sm * LINE + sm * 0.3;
  // The private answer's words from its upright to the figure's right edge.
  const wx = tx - r * 0.4;
  const width = x1 - wx;
  const privH = answerHeight(ctx, privateAnswer(ctx), width);
  // The refusal's two quote callouts, each on a leader of one short length (graphics review 54, item 4: on uprights of
  // different heights they had read as bars): Wei's over TSMC's ring, from the figure's left edge, as wide as the room
  // left of NVIDIA's column; the executives' no by the chipmakers' group, no further right than the private answer's
  // upright at OpenAI. The leader long enough that Wei's words keep over the talks' words on the arrow.
  const qWidth = colLeft - t.label - x0;
  const pubH = answerHeight(ctx, publicRemark(ctx), qWidth);
  const talkTop = lift + t.small * 0.8 + (wrapWidth(ctx.t("talks-short"), t.small, span).length - 1) * t.small * LINE;
  const leader0 = Math.max(t.small * 1.2, talkTop + t.small * 0.3 - r * 1.5 - t.small * 0.25);
  const remarkUp = r * 1.5;
  const groupFoot = namesFoot + edge * 0.5;
  const gx1 = nx + Math.max(textWidth(ctx.t("tsmc"), nm, true), ...othersWords.map((w) => textWidth(w, sm))) + edge;
  // On a phone on its side (short and wide: under the group it had no height for it) the executives' no stands right
  // of the group, under the arrow, on a level leader out of the group's side; elsewhere under the group.
  const beside = ctx.layout === "land";
  const rxOf = (l: number) => (beside ? gx1 + l + t.small * 0.3 : nx + t.small * 0.4);
  // (in two lines, a block rather than a line across the figure, in every language: the narrowest width that sets it
  // in two; so that its height, and the phone's zoom, is the same in English and German)
  const refOf = (l: number) => {
    const room = hx - r * 0.6 - t.small * 0.4 - rxOf(l);
    const two = answerHeight(ctx, { ...refusal(ctx), text: "a" }, room) + t.label * LINE + 0.01;
    const fits = (f: number) => answerHeight(ctx, refusal(ctx), room * f) <= two;
    const w = room * (Array.from({ length: 14 }, (_, i) => 0.3 + i * 0.05).find(fits) ?? 1);
    return { w, h: answerHeight(ctx, refusal(ctx), w) };
  };
  // The private answer's arrow under the executives' no and the group, its words under it, clear of the caption.
  const fixed = (l: number) => {
    const weiAbove = remarkUp + l + t.small * 0.25 + pubH;
    const refTopRel = beside ? r * 0.95 + t.small * 0.6 : groupFoot + l + t.small * 0.25;
    const viaRel = Math.max(groupFoot + t.small * 0.3, refTopRel + refOf(l).h) + t.small * 0.6;
    const above = Math.max(weiAbove, colH);
    return { weiAbove, refTopRel, viaRel, above, need: above + viaRel + t.small * 0.45 + privH + t.small * 0.75 };
  };
  // The room left over (graphics review 54, item 3: on the desktop the first steps' row and its two nodes had stood
  // under an empty top 40 % of the stage): the figure higher, about as much room over it as under it, most of the
  // room between the executives' no and the private answer, which come later. On the desktop's large stage both
  // leaders a little longer, the same length (at most two and a half ems more), so that the refusal's step spans half
  // the room.
  const room = plot.y1 - plot.y0;
  const leader = leader0 + (big ? Math.min(t.small * 2.5, Math.max(0, room - fixed(leader0).need) * 0.125) : 0);
  const { weiAbove, refTopRel, viaRel, above, need } = fixed(leader);
  const rx = rxOf(leader);
  const { w: refW, h: refH } = refOf(leader);
  const spare = Math.max(0, room - need);
  // (graphics review 55, item 6: on the desktop the first two steps, the row and NVIDIA's icon, stood in the stage's top
  // third, at 1920 × 1080 a fifth of it, the room the later callouts take all under them. Nothing may move between the
  // steps and the whole is centred on the stage as its last step stands (src/render/crop.ts centringShift), so the
  // spare room is shared: about two fifths of it over the figure and as much under it, the rest between the
  // executives' no and the private answer. The first steps stand near the middle of the stage, the last still spans
  // about two thirds of it.)
  const share = big ? [0.42, 0.16] : [0.04, 0.5];
  const y = plot.y0 + spare * share[0]! + above;
  const qTop = y - weiAbove;
  const refTop = y + refTopRel;
  // (the private words' last line three tenths of an em clear of the caption strip at least, as
  // tests/e2e/labels.spec.ts holds them: in print the plot reaches nearly down to the strip)
  const yPriv = Math.min(y + viaRel + spare * share[1]!, plot.y1 - privH - t.small * 0.75);
  // The chipmakers' group: round TSMC's ring and the names under it.
  const g = {
    x0,
    // (its top clear of the talks' words over the arrow)
    y0: y - r * 0.95 - t.small * 0.35,
    x1: gx1,
    y1: y + groupFoot,
  };
  // The executives' no's leader: level out of the group's side to its first line, or down from the group's foot.
  const tieY = refTop + t.label * 0.5;
  const tieX = rx + t.small * 0.4;
  const tie = beside ? { x1: gx1, y1: tieY, x2: gx1 + leader, y2: tieY } : { x1: tieX, y1: g.y1, x2: tieX, y2: g.y1 + leader };
  return {
    r,
    head,
    S,
    nm,
    sm,
    lift,
    x0,
    hx,
    ny: y - chipDown,
    nBase: y - nUp,
    colLeft,
    y,
    role,
    tx,
    nx,
    g,
    nameY: y + nameY,
    span,
    talks,
    othersWords,
    qTop,
    qWidth,
    pubH,
    rx,
    refW,
    refTop,
    refH,
    tie,
    leader,
    remarkFoot: y - remarkUp,
    wx,
    width,
    yPriv,
  };
}
