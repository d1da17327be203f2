// Scene "hunt": Altman's search for chips, drawn as who talked to whom, and then
// what TSMC answered in public against what it offered in private (graphics
// reviews 40 and 41: the locator map that stood in the top left corner was
// decoration; the article names no places, so the figure draws none). One level
// row, the same in every state: OpenAI (rust dot) at the right, NVIDIA under it,
// joined by a grey stem (OpenAI depends on it); the chipmakers at the left
// (TSMC's ring, named, before the rings of the other big chipmakers, unnamed as
// in the article), joined to OpenAI by one straight level rust line named as the
// talks and who reported them. TSMC's answers hang from its ring, the later
// steps' main graphic: over the row, in the open, its answer in public (C. C.
// Wei's verdict, a marked paraphrase); under the row, out of sight, its answer in
// private (the offer and its condition, huntPanels.ts). Nothing moves: each step
// adds one thing. The chapter opens on the whole row: the chipmakers' rings stand
// faint and unnamed from the first step (graphics review 42, item 1).

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, r1, withOpacity } from "./shapes.ts";
import { captionStrip, lines, LINE, typeOf, type Box } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { privateHeight, privatePanel, publicPanel } from "./huntPanels.ts";

const STATES = ["origin", "tsmc", "refusal", "promise"] as const;
/** How faint the chipmakers' rings stand in the chapter's first step, before the talks name them. */
export const ORIGIN_FAINT = 0.45;

export const hunt = defineScene({
  id: "hunt",
  states: STATES,
  marks(state, ctx) {
    const t = typeOf(ctx);
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t("note") }]);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const answers = state === "refusal" || state === "promise";
    const L = layoutOf(ctx, plot);
    const marks: Mark[] = [];

    // OpenAI's dot at the right of the row, its name beside it; NVIDIA's under it, joined to it by a grey stem,
    // and named with what OpenAI needs it for: the same in every state (OpenAI's is the hero handed over).
    const R = L.r;
    const hero: [number, number] = [L.hx, L.y];
    const nvidia: [number, number] = [L.hx, L.y + L.nStep];
    const nameX = L.hx + R * 1.9;
    marks.push({
      key: "depends",
      tag: "line",
      attrs: { x1: r1(L.hx), y1: r1(hero[1] + R * 1.6), x2: r1(L.hx), y2: r1(nvidia[1] - R * 1.6), class: "leader" },
    });
    marks.push(dot("hero", hero[0], hero[1], R * 2, "marker marker-hero"), dot("nvidia", nvidia[0], nvidia[1], R * 2, "marker"));
    marks.push(...lines("hero-lbl", [ctx.t("openai")], nameX, hero[1] + t.label * 0.35, t.label, "lbl lbl-hero"));
    marks.push(...lines("nvidia-lbl", [ctx.t("nvidia")], nameX, nvidia[1] + t.label * 0.35, t.label, "lbl lbl-strong"));
    marks.push(...lines("nvidia-role", L.role, nameX, nvidia[1] + t.label * 0.35 + t.small * LINE, t.small, "lbl lbl-muted"));

    const tsmc: [number, number] = [L.tx, L.y];
    const ends: [[number, number], [number, number]] = [
      [L.others + R * 1.6, L.y],
      [L.hx - R * 1.6, L.y],
    ];
    // The chipmakers: TSMC's ring first, the other big chipmakers' fainter rings behind it (the article names
    // none of them and gives no number: two rings stand for "others", as their words under them say). Drawn from
    // the chapter's first step, faint and unnamed, where they will stand (graphics review 42, item 1: the opener
    // lands on the whole row); named, and TSMC's at full strength, from the talks' step on.
    const faint = state === "origin";
    for (const [i, x] of L.rest.entries())
      marks.push(withOpacity(dot(`others-${i}`, x, L.y, R * 1.9, "marker marker-ring"), faint ? ORIGIN_FAINT * 0.55 : 0.55));
    const ring = dot("tsmc", tsmc[0], tsmc[1], R * 1.9, "marker marker-ring");
    marks.push(faint ? withOpacity(ring, ORIGIN_FAINT) : ring);
    if (state === "origin") {
      // Altman's search, in words beside OpenAI's dot, on the row between the faint rings and OpenAI: no line yet.
      // Its last line, on the row, between the rings and OpenAI; the lines over it may run on over the rings.
      const search = wrapLast(ctx.t("search"), t.label, ends[1][0] - t.small - (ends[0][0] + t.small), ends[1][0] - t.small - plot.x0);
      marks.push(
        ...lines(
          "search-lbl",
          search,
          ends[1][0] - t.small * 0.3,
          L.y - (search.length - 1) * t.label * LINE + t.label * 0.35,
          t.label,
          "lbl lbl-link",
          "end",
        ),
      );
      // A grey hairline leads from the words on the row to the rings they speak of (a leader, not the talks' line).
      const start = ends[1][0] - t.small * 0.3 - textWidth(search.at(-1)!, t.label) - t.small * 0.5;
      if (start - ends[0][0] > t.small * 2)
        marks.push({
          key: "search-leader",
          tag: "line",
          attrs: { x1: r1(ends[0][0]), y1: r1(L.y), x2: r1(start), y2: r1(L.y), class: "leader" },
          enter: { opacity: 0 },
        });
    } else {
      marks.push({
        key: "link-tsmc",
        tag: "line",
        attrs: { x1: r1(ends[0][0]), y1: r1(ends[0][1]), x2: r1(ends[1][0]), y2: r1(ends[1][1]), class: "arc" },
        enter: { opacity: 0 },
      });
      const talk = wrapWidth(ctx.t(state === "tsmc" ? "talks" : "talks-short"), t.small, L.room);
      // centred on the line, moved in where the words are wider than it and would leave the figure
      const half = Math.max(...talk.map((w) => textWidth(w, t.small))) / 2;
      const mid = Math.min(Math.max((ends[0][0] + ends[1][0]) / 2, plot.x0 + half), plot.x1 - half);
      marks.push(
        ...lines("link-tsmc-lbl", talk, mid, L.y - t.small * 0.9 - (talk.length - 1) * t.small * LINE, t.small, "lbl lbl-link", "middle"),
      );
      // Their names under the rings, right of TSMC's, where its answers' stem leaves them clear.
      const ny = L.y + t.label * 1.35;
      marks.push(...lines("tsmc-lbl", [ctx.t("tsmc")], tsmc[0] + R * 1.3, ny, t.label, "lbl lbl-strong"));
      marks.push(...lines("others-lbl", L.othersWords, tsmc[0] + R * 1.3, ny + t.small * LINE, t.small, "lbl lbl-muted"));
    }
    if (answers) {
      // TSMC's two answers hang from its ring: in public over the row (a grey stem up to the foot of the verdict's
      // words), in private under it, out of sight (a stem down onto the offer's rule). One company, two answers.
      const pub = publicPanel(ctx, L.publicBox, L.most);
      let d = `M${r1(tsmc[0])},${r1(tsmc[1] - R * 1.3)} V${r1(pub.foot + t.small * 0.3)}`;
      if (state === "promise") d += ` M${r1(tsmc[0])},${r1(tsmc[1] + R * 1.3)} V${r1(L.privateBox.y0)}`;
      marks.push({ key: "stem", tag: "path", attrs: { d, class: "leader", fill: "none" }, enter: { opacity: 0 } });
      marks.push(...pub.marks);
      if (state === "promise") marks.push(...privatePanel(ctx, L.privateBox));
    }
    marks.push(...caption.marks);
    return marks;
  },
});

/** Words wrapped so that the last line is at most `last` wide (as many of the last words as fit), the lines over it `width`. */
function wrapLast(text: string, size: number, last: number, width: number): string[] {
  const words = text.split(/\s+/);
  let k = words.length - 1;
  while (k > 0 && textWidth(words.slice(k - 1).join(" "), size) <= last) k--;
  const head = words.slice(0, k).join(" ");
  return [...(head ? wrapWidth(head, size, width) : []), words.slice(k).join(" ")];
}

/**
 * Where everything stands, the same in every state, top to bottom: the room for the public answer, the talks' words,
 * the row (OpenAI's dot at the right, its name beside it, NVIDIA's under it; the chipmakers' rings at the left, TSMC's
 * first, its name and the others' under them), the room for the private answer down to the caption.
 */
function layoutOf(ctx: SceneContext, plot: Box) {
  const t = typeOf(ctx);
  const r = t.label * 0.5;
  const gap = Math.max(t.pad, t.small);
  // OpenAI's dot: far enough from the right for its and NVIDIA's names and NVIDIA's role (wrapped).
  const roleW = Math.max(textWidth(ctx.t("nvidia"), t.label, true), textWidth(ctx.t("openai"), t.label, true));
  // (in two lines at most: a third would push the answers down)
  const roleText = ctx.t("nvidia-role");
  const longest = Math.max(...roleText.split(/\s+/).map((word) => textWidth(word, t.small)));
  const roleMax = Math.max(roleW, longest, textWidth(roleText, t.small) * 0.56);
  const role = wrapWidth(roleText, t.small, roleMax);
  const names = Math.max(roleW, ...role.map((l) => textWidth(l, t.small)));
  const hx = plot.x1 - names - r * 1.9 - 2;
  const nStep = t.label * 0.35 + t.small * 0.3 + t.label * 1.3;
  // The chipmakers' rings: the others' behind TSMC's, close together; their names under them,
  // wrapped to the room left before NVIDIA's.
  const ring = r * 0.95;
  const step = ring * 2 + r * 0.6;
  const rest = [0, 1].map((i) => plot.x0 + ring + 1 + i * step);
  const tx = rest[1]! + step;
  // The talks' words over the line, centred on it, as wide as the line, as many lines as they take; where the line is
  // short (a phone), as wide as two-thirds of the figure, kept inside it (graphics review 43, item 6: in German the
  // words stood eight lines of a word or two over the phone's short line).
  const line = (hx - tx - r * 3.2) * 0.94;
  const room = Math.max(line, (plot.x1 - plot.x0) * 0.66);
  const over = t.small * (0.9 + 0.9) + (wrapWidth(ctx.t("talks"), t.small, room).length - 1) * t.small * LINE;
  const othersWords = wrapWidth(ctx.t("others"), t.small, hx - r * 1.6 - gap - (tx + r * 1.3));
  const foot =
    Math.max(nStep + t.label * 0.35 + role.length * t.small * LINE, t.label * 1.35 + othersWords.length * t.small * LINE) + t.small * 0.3;
  // Top to bottom: the public answer, the talks' words, the row, its names, the private answer, from the foot of the
  // figure up (so that the picture reaches its caption from the first step: the public answer comes into the room
  // over the row). The gaps over and under the row grow with the room, up to three times the least.
  const publicH = (full: boolean) => publicPanel(ctx, { x0: plot.x0, y0: 0, x1: plot.x1, y1: 0 }, full).foot;
  const privateH = privateHeight(ctx, plot.x0, plot.x1);
  const needs = (full: boolean) => publicH(full) + over + foot + privateH + t.small * 0.3;
  // Where the answers leave no room for the refusal's note on the other executives (a phone on its side), the
  // note is left to the prose, which says it; on the phone's stage it stays (the zoom, src/render/zoom.ts, then
  // draws the figure only as large as leaves it room).
  const most = ctx.layout === "square" || needs(true) + gap * 1.6 <= plot.y1 - plot.y0;
  const spare = plot.y1 - plot.y0 - needs(most);
  const under = Math.max(gap * 0.8, Math.min(gap * 2.4, spare * 0.3));
  const privateBox: Box = { x0: plot.x0, y0: plot.y1 - t.small * 0.3 - privateH, x1: plot.x1, y1: plot.y1 };
  const y = privateBox.y0 - under - foot;
  const publicBox: Box = { x0: plot.x0, y0: y - over - under - publicH(most), x1: plot.x1, y1: y - over - under };
  return { r, hx, y, nStep, role, rest, tx, others: tx, othersWords, room, publicBox, privateBox, most };
}
