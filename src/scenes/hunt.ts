// Scene "hunt": Altman's search for chips as one figure of who went to whom, and
// TSMC's two answers (graphics review 44, item 3: the opener had been three empty
// rings and a line, the answers sentences in two boxes). One level row, the same
// in every state: OpenAI (rust dot) at the right, NVIDIA (ink dot) just under its
// name, joined to it by a grey stem (OpenAI depends on it); the chipmakers at the
// left, TSMC's ring nearest, the other big chipmakers' rings behind it (unnamed,
// as in the article). All of them placed and named from the first step. Then one
// arrow a step: the talks, rust, from OpenAI to TSMC; TSMC's answer in public,
// grey, solid, back to OpenAI over the row; its answer in private, grey, dashed
// (an offer, with a condition), back to OpenAI under the row. Each answer's few
// words ride on its arrow (huntPanels.ts): the contrast is the picture's shape,
// over against under. Nothing moves; no places, distances or quantities.

import type { ClassList, Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { arrowHead, dot, r1, withOpacity } from "./shapes.ts";
import { chipTop } from "./chip.ts";
import { captionStrip, lines, LINE, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { answerHeight, answerMarks, type Answer } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
/** How faint the other chipmakers' rings stand behind TSMC's (a group the article does not count). */
export const OTHERS_FAINT = 0.55;

const publicAnswer = (ctx: SceneContext): Answer => ({
  key: "public",
  head: ctx.t("public"),
  text: ctx.t("verdict"),
  source: ctx.t("speaker"),
});
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

    // OpenAI's dot at the right of the row, its name beside it; NVIDIA's dot under its name, joined to it by a short
    // grey stem, named with what OpenAI needs it for (the private answer's arrow comes up into OpenAI's dot from under it).
    marks.push({
      key: "depends",
      tag: "line",
      attrs: { x1: r1(L.hx + R * 0.8), y1: r1(L.y + R * 0.8), x2: r1(L.nx - L.S * 0.5), y2: r1(L.ny - L.S * 0.5), class: "leader" },
    });
    // NVIDIA as the story's chip (src/scenes/chip.ts, an ink die), as chapters 1, 7 and 8 draw it (graphics review 45,
    // item 1: here it had been a black dot); its die keeps the key the other chapters hand over.
    marks.push(dot("hero", L.hx, L.y, R * 2, "marker marker-hero"));
    marks.push(...chipTop({ key: "nvidia", dieKey: "nvidia", cx: L.nx, cy: L.ny, size: L.S, owner: "nvidia" }));
    marks.push(...lines("hero-lbl", [ctx.t("openai")], L.hx + R * 1.9, L.y + t.label * 0.35, t.label, "lbl lbl-hero"));
    // Its name right of the chip, level with its top; what OpenAI needs it for under the name.
    marks.push(...lines("nvidia-lbl", [ctx.t("nvidia")], L.nName, L.nBase, t.label, "lbl lbl-strong"));
    marks.push(...lines("nvidia-role", L.role, L.nName, L.nBase + t.small * LINE, t.small, "lbl lbl-muted"));

    // The chipmakers, named from the first step: TSMC's ring, the others' fainter rings behind it; their names under
    // them, right of the stems that TSMC's answers will take.
    for (const [i, x] of L.rest.entries()) marks.push(withOpacity(dot(`others-${i}`, x, L.y, R * 1.9, "marker marker-ring"), OTHERS_FAINT));
    marks.push(dot("tsmc", L.tx, L.y, R * 1.9, "marker marker-ring"));
    const ny = L.y + t.label * 1.35;
    marks.push(...lines("tsmc-lbl", [ctx.t("tsmc")], L.tx + R * 1.3, ny, t.label, "lbl lbl-strong"));
    marks.push(...lines("others-lbl", L.othersWords, L.tx + R * 1.3, ny + t.small * LINE, t.small, "lbl lbl-muted"));

    // The talks: Altman went to the chipmakers, a rust arrow from OpenAI's dot to TSMC's ring, named over it.
    if (step >= 1) {
      const from: [number, number] = [L.hx - R * 1.6, L.y];
      const tip: [number, number] = [L.tx + R * 1.6, L.y];
      marks.push({
        key: "link-tsmc",
        tag: "line",
        attrs: { x1: r1(from[0]), y1: r1(from[1]), x2: r1(tip[0]), y2: r1(tip[1]), class: "arc" },
        enter: { opacity: 0 },
      });
      marks.push(arrowHead("link-tsmc-head", tip, from, L.head, "arc"));
      // In its own step the talks' words, with who reported them, may run wider than the arrow, up into the room the
      // public answer takes next (on a phone, as wide as the arrow, they stood five lines of a word or two); from
      // then on, shortened, between the answers' uprights.
      const talk = state === "tsmc" ? L.talks : wrapWidth(ctx.t("talks-short"), t.small, L.span);
      const half = Math.max(...talk.map((w) => textWidth(w, t.small))) / 2;
      const mid = Math.min(Math.max((L.tx + L.hx) / 2, plot.x0 + half), plot.x1 - half);
      marks.push(
        ...lines("link-tsmc-lbl", talk, mid, L.y - L.lift - (talk.length - 1) * t.small * LINE, t.small, "lbl lbl-link", "middle"),
      );
    }
    // TSMC's answers, each an arrow back from its ring to OpenAI's dot, its words on it: in public over the row
    // (solid: said, and reported), in private under it (dashed: an offer, on a condition; its head solid, as a dashed
    // head reads as a smudge).
    if (step >= 2) {
      marks.push(...elbow("answer-public", [L.tx, L.y - R * 1.5], L.yPub, [L.hx, L.y - R * 1.5], L.head, "arc arc-grey", "arc arc-grey"));
      marks.push(...answerMarks(ctx, publicAnswer(ctx), L.wx, L.yPub - t.small * 0.45 - L.pubH, L.width));
    }
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

/**
 * Where everything stands, the same in every state, top to bottom: the public answer's words, its arrow's level, the
 * talks' words, the row (the chipmakers' rings at the left, their names under them; OpenAI's dot at the right, NVIDIA's
 * under its name), the private answer's arrow's level, its words, down to the caption.
 */
function layoutOf(ctx: SceneContext, plot: Box) {
  const t = typeOf(ctx);
  // On the desktop's large stage the actors drawn larger (graphics review 45, item 1: four small dots in a big canvas).
  const big = ctx.layout === "column";
  const r = t.label * (big ? 0.75 : 0.5);
  const head = r * (big ? 0.85 : 1.1);
  // At the right: OpenAI's dot; NVIDIA's chip under it, a step right and down, clear of the private answer's upright
  // into OpenAI's dot; NVIDIA's name beside the chip, its role under the name.
  const S = t.label * (big ? 3.4 : 2.4);
  const roleText = ctx.t("nvidia-role");
  const longest = Math.max(...roleText.split(/\s+/).map((word) => textWidth(word, t.small)));
  const nameW = textWidth(ctx.t("nvidia"), t.label, true);
  // (wrapped narrow, in two or three lines: its width is taken from the talks' arrow and the chipmakers' names)
  const roleMax = Math.max(nameW, longest, Math.min(textWidth(roleText, t.small) * 0.62, (plot.x1 - plot.x0) * 0.3));
  const role = wrapWidth(roleText, t.small, roleMax);
  const gapN = r * 0.9;
  const dx = r + gapN + S / 2;
  const toName = dx + S / 2 + t.label * 0.45;
  const heroW = textWidth(ctx.t("openai"), t.label, true);
  const right = Math.max(heroW + r * 1.9, toName + Math.max(nameW, ...role.map((l) => textWidth(l, t.small))));
  const hx = plot.x1 - right - 2;
  const nx = hx + dx;
  const nStep = r + gapN * 0.6 + S / 2;
  const nTop = nStep - S / 2;
  const nDown = Math.max(nStep + S / 2, nTop + t.label * 0.8 + role.length * t.small * LINE + t.small * 0.3);
  // At the left: the others' rings behind TSMC's, close together (a group, not a count), not touching.
  const ring = r * 0.95;
  const gap = ring * 2 + r * 0.35;
  const rest = [0, 1].map((i) => plot.x0 + ring + 1 + i * gap);
  const tx = rest[1]! + gap;
  // The talks' words over their arrow, between the answers' two uprights.
  const span = hx - tx - t.small * 1.6;
  const talks = wrapWidth(ctx.t("talks"), t.small, Math.max(span, (plot.x1 - plot.x0) * 0.66));
  // (their foot clear of the dots they may run over: OpenAI's and TSMC's, drawn larger on the desktop)
  const lift = Math.max(t.small * 0.9, r + t.small * 0.4);
  const over = lift + t.small * 0.8 + wrapWidth(ctx.t("talks-short"), t.small, span).length * t.small * LINE;
  const othersWords = wrapWidth(ctx.t("others"), t.small, hx - r * 1.6 - t.small - (tx + r * 1.3));
  const foot = Math.max(nDown, t.label * 1.35 + othersWords.length * t.small * LINE) + t.small * 0.6;
  // The answers' words, from the uprights' x to the figure's right edge.
  const wx = tx - r * 0.4;
  const width = plot.x1 - wx;
  const pubH = answerHeight(ctx, publicAnswer(ctx), width);
  const privH = answerHeight(ctx, privateAnswer(ctx), width);
  const need = pubH + over + foot + privH + t.small * 1.2;
  // The room left over: most of it between the row and each answer's arrow (graphics review 42, item 5: a band across
  // the middle of a tall stage, empty over and under it), a little at the top.
  const spare = Math.max(0, plot.y1 - plot.y0 - need);
  const more = spare * 0.38;
  // (its last words three tenths of an em clear of the caption strip, as tests/e2e/labels.spec.ts holds them: in print
  // the plot reaches nearly down to the strip)
  const yPriv = plot.y1 - privH - t.small * 0.75;
  const y = yPriv - more - foot;
  const yPub = y - more - over;
  const nName = hx + toName;
  const nBase = y + nTop + t.label * 0.8;
  return {
    r,
    head,
    S,
    lift,
    hx,
    nx,
    ny: y + nStep,
    nName,
    nBase,
    y,
    role,
    rest,
    tx,
    span,
    talks,
    othersWords,
    wx,
    width,
    pubH,
    yPub,
    yPriv,
  };
}
