// The firms' steps of scene "hbm" (src/scenes/hbm.ts), on the stage the section
// left: one supply chain, the makers of HBM (grey rings) → NVIDIA (its GPU, the
// chapter's chip: ink die, memory stacks beside it) → OpenAI (rust). Makers to
// NVIDIA dotted ink: the article speaks of "upstream suppliers" right after naming the two top HBM makers, and calls HBM
// one of a GPU's most important parts, but never says the two supply NVIDIA (standards reviews 57 and 58: solid, the
// links stated it as reported; review 56 found "what they deliver is not said" over-hedged, so the words credit the
// article's phrase and the line alone marks the link as read, not reported), NVIDIA to
// OpenAI heavy and solid (the dependence of chapter 1); OpenAI's talks with the
// makers solid rust (held, insiders say), bowed round NVIDIA: past it, up the
// chain. The last step adds NVIDIA's stake in those talks and, beside its chip, a
// note that its answer to them is not known: no line (graphics review 55, item 9:
// a dotted arrow from NVIDIA to those words read as a link to an actor missing
// from the picture). The whole chain is laid out and labelled once, so
// nothing moves between the two steps; every stage runs it top to bottom. NVIDIA's
// die and OpenAI's dot are the hand-overs into chapter 8.

import { withoutClass, type ClassList, type Mark, type SceneContext } from "../story/types.ts";
import { arcObstacles, grow, LINE, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { arrowHead, dot, link, linkPoint } from "./shapes.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { chipParts, chipTop } from "./chip.ts";
import type { HbmGeo, State } from "./hbm.ts";

type Pt = [number, number];
const MAKERS = ["samsung", "sk-hynix"] as const;
/** Marks of the last step only (its words: their labels' lines, `${key}-0`…). */
const LAST = /^(response|impact)-lbl-\d+$/;

export function chain(ctx: SceneContext, g: HbmGeo, state: State): Mark[] {
  const t = typeOf(ctx);
  const P = g.plot;
  const [W, H] = [P.x1 - P.x0, P.y1 - P.y0];
  const { r } = g;
  const marks: Mark[] = [];
  const obstacles: Box[] = [];
  const mid = (P.x0 + P.x1) / 2;
  const gap = t.small * 0.35;

  // Places, on every stage the same chain, top to bottom: the makers a row at the top, their names outside them (the
  // row no wider than the chain is tall); NVIDIA's chip in the middle; OpenAI at the foot, room under it for the
  // talks' words and the last step's.
  const nameW = Math.max(...MAKERS.map((k) => textWidth(ctx.t(k), t.label, true)));
  const wordsW = W * 0.9;
  const under = (key: string) => wrapWidth(ctx.t(key), t.small, wordsW, key === "talks").length * t.small * LINE;
  // On a short stage (a phone on its side, paper) the row spreads wider, so the chain's words fit inside its curves.
  const short = H < 500;
  const inset = Math.max(nameW + r * 2 + t.label * 0.5, short ? W * 0.1 : Math.max(W * 0.18, W / 2 - H * 0.45));
  // What the makers are, one line across the top; under it their row.
  const rowY = P.y0 + wrapWidth(ctx.t("makers"), t.small, wordsW).length * t.small * LINE + t.label * 1.1;
  const makers: Pt[] = [
    [P.x0 + inset, rowY],
    [P.x1 - inset, rowY],
  ];
  const hero: Pt = [mid, P.y1 - under("talks") - under("impact") - t.small * 1.2 - r];
  // There the chip is smaller and higher, so the line down to OpenAI has room for words; on the upright phone a little
  // higher still, so the words beside that line stand where the talks curves are wide.
  const S = Math.min(W * 0.22, (hero[1] - rowY) * (short ? 0.2 : 0.3));
  const nv: Pt = [mid, rowY + (hero[1] - rowY) * (short ? 0.34 : W < H ? 0.4 : 0.46)];
  const chip = chipParts(nv[0], nv[1], S).sub;
  // The makers' second aside ("upstream suppliers, the article says") hangs from the midpoint between their row and
  // the chip where it fits above the chip; where it does not (the phone, a short stage), it hangs between the rings
  // from half a line under the first aside (graphics review 45, item 4: on the phone, set above the midpoint, it
  // touched the first aside and the two read as one).
  const nvH = wrapWidth(ctx.t("makers-nv"), t.small, W * 0.3).length * t.small * LINE;
  const midFits = (rowY + chip.y0) / 2 + t.small * 0.5 + nvH < chip.y0 - gap;

  const addLink = (key: string, from: Pt, to: Pt, cls: ClassList, bend = 0, arrow = true) => {
    marks.push(link(key, from, to, cls, bend));
    const size = t.label * (cls.includes("arc-strong") ? 0.7 : 0.5);
    const solid = withoutClass(withoutClass(cls, "arc-dash"), "arc-dot");
    if (arrow) marks.push(arrowHead(`${key}-head`, to, linkPoint(from, to, bend, 0.9), size, solid));
    arcObstacles(from, to, bend, obstacles);
  };
  // Bowed away from NVIDIA's chip: of the two bends, the one whose curve passes farther from it.
  const bow = (from: Pt, to: Pt, b: number) => {
    const away = (k: number) => {
      const [x, y] = linkPoint(from, to, k, 0.5);
      return Math.hypot(x - nv[0], y - nv[1]);
    };
    return away(b) > away(-b) ? b : -b;
  };

  // The makers → NVIDIA: dotted ink arrows (the article's "upstream suppliers", read as NVIDIA's) to the chip, on its stacks' side.
  makers.forEach((m, i) => {
    const s = i ? 1 : -1;
    const to: Pt = [nv[0] + s * S * 0.3, chip.y0 - gap];
    const from: Pt = [m[0] - s * r * 1.4, m[1] + r * 0.9];
    addLink(`supply-${MAKERS[i]}`, from, to, "arc arc-ink arc-dot");
  });
  // NVIDIA → OpenAI: the dependence, heavy ink, its arrow at OpenAI.
  const depFrom: Pt = [nv[0], chip.y1 + gap];
  const depTo: Pt = [hero[0], hero[1] - r - gap * 1.4];
  addLink("dependence", depFrom, depTo, "arc arc-ink arc-strong");
  // OpenAI's talks with the makers: rust, round NVIDIA's chip, ending at the makers' rings.
  const talks = makers.map((m, i) => {
    const s = i ? 1 : -1;
    // Leaving the top of OpenAI's dot, so its name keeps the side beside it.
    const from: Pt = [hero[0] + s * r * 0.7, hero[1] - r * 1.3];
    const to: Pt = [m[0], m[1] + r * 1.5];
    // Bowed wider on a narrow stage (the phone), so the words beside the line down to OpenAI fit inside the curves.
    const bend = bow(from, to, short ? 0.25 : W < H ? 0.36 : 0.2);
    addLink(`talk-${MAKERS[i]}`, from, to, "arc", bend, false);
    return { from, to, bend };
  });
  // NVIDIA's answer to talks that pass it by (last step): a note beside its chip, no line. Left of the chip, inside the
  // left talks curve where its lines fit between the two (the desktop); else outside that curve, level with the chip.
  const { from, to, bend } = talks[0]!;
  const along = Array.from({ length: 41 }, (_, k) => linkPoint(from, to, bend, k / 40));
  const aim = along.reduce((a, b) => (Math.abs(b[1] - nv[1]) < Math.abs(a[1] - nv[1]) ? b : a));
  const responseGap = t.small * 0.35;
  const inside = chip.x0 - responseGap - t.small * 0.35 - (aim[0] + t.small * 0.8);
  const responseLines = wrapWidth(ctx.t("response"), t.small, inside);
  // (Its block's left edge; the curve, where level with the block, at least most of a letter left of it.)
  const responseX0 = chip.x0 - responseGap - t.small * 0.35 - Math.max(...responseLines.map((l) => textWidth(l, t.small)));
  const responseH = (responseLines.length * t.small * LINE) / 2 + t.small * 0.4;
  const besideChip =
    responseLines.length <= 4 && along.every(([x, y]) => Math.abs(y - nv[1]) > responseH || x < responseX0 - t.small * 0.6);

  // The marks over their lines: the makers' rings, NVIDIA's chip (the whole chip the hand-over to the rivals: its die alone slid out of its package, review 31), OpenAI's dot.
  makers.forEach((m, i) => {
    marks.push(dot(MAKERS[i]!, m[0], m[1], r * 2, "marker marker-ring"));
    obstacles.push({ x0: m[0] - r, y0: m[1] - r, x1: m[0] + r, y1: m[1] + r });
  });
  marks.push(...chipTop({ key: "nvidia", dieKey: "nvidia", cx: nv[0], cy: nv[1], size: S, owner: "nvidia" }));
  obstacles.push(chip);
  marks.push(dot("hero", hero[0], hero[1], r * 2, "marker marker-hero"));
  obstacles.push({ x0: hero[0] - r, y0: hero[1] - r, x1: hero[0] + r, y1: hero[1] + r });

  // Words, placed once for both steps: names beside their marks, each line's words beside it.
  const label = (key: string, text: string, at: Pt, rr: number, prefer: PointLabel["prefer"], o: Partial<PointLabel> = {}): PointLabel => ({
    key: `${key}-lbl`,
    text,
    x: at[0],
    y: at[1],
    r: rr,
    size: t.small,
    cls: "lbl lbl-note",
    prefer,
    ...o,
  });
  const name = { size: t.label, cls: "lbl lbl-strong" } as const;
  const [sam, hyn] = makers as [Pt, Pt];
  // The dependence's words beside its line, under the chip: a block two or three lines deep (narrower, a word a
  // line runs down over the chip), set at the first height under the chip where the room between the line and a
  // talks curve takes it: the right curve first, else the left (the response's words stand outside that curve).
  const depText = ctx.t("dep");
  const depLines = (w: number) => wrapWidth(depText, t.small, w).length;
  let depW = Math.max(...depText.split(/\s+/).map((word) => textWidth(word, t.small)), textWidth(depText, t.small) / 3);
  while (depLines(depW) > 3) depW += t.small * 0.5;
  const depH = depLines(depW) * t.small * LINE;
  const sample = (k: 0 | 1) => Array.from({ length: 61 }, (_, j) => linkPoint(talks[k]!.from, talks[k]!.to, talks[k]!.bend, j / 60));
  const roomAt = (k: 0 | 1, y: number) => {
    const near = sample(k)
      .filter(([, cy]) => Math.abs(cy - y) <= depH / 2 + t.small * 0.6)
      .map(([x]) => Math.abs(x - depFrom[0]));
    return (near.length ? Math.min(...near) : W / 2) - t.small * 0.8;
  };
  const ys: number[] = [];
  for (let y = chip.y1 + gap + depH / 2 + t.small * 0.3; y <= depTo[1] - depH / 2; y += t.small * 0.25) ys.push(y);
  const fits = ([0, 1] as const).map((k) => ys.find((y) => roomAt(k === 0 ? 1 : 0, y) >= depW));
  const depSide = fits[0] !== undefined || fits[1] === undefined ? 0 : 1;
  const depY = fits[depSide] ?? ys[0] ?? chip.y1 + depH / 2 + gap;
  // What the makers are, across the top, placed first: the other words keep half a line clear of it.
  const top = placeLabels(
    [label("makers", ctx.t("makers"), [mid, rowY - t.label * 0.55], 0, ["above"], { maxWidth: wordsW })],
    obstacles,
    P,
  );
  const topFoot = Math.max(...top.boxes.map((b) => b.y1));
  const nvY = midFits ? (sam[1] + chip.y0) / 2 : topFoot + t.small * 0.5;
  const items: PointLabel[] = [
    label("samsung", ctx.t("samsung"), sam, r, ["left", "above"], name),
    label("sk-hynix", ctx.t("sk-hynix"), hyn, r, ["right", "above"], name),
    label("nvidia", ctx.t("nvidia"), nv, S / 2, ["right", "below-right", "above-right"], name),
    label("hero", ctx.t("openai"), hero, r, ["right", "left"], name),
    // (on a short stage, under the first aside, wider: there the dotted lines down to the chip are still far apart)
    label("makers-nv", ctx.t("makers-nv"), [mid, nvY], 0, ["below"], { maxWidth: W * (midFits || !short ? 0.3 : 0.5) }),
    label("dependence", depText, [depFrom[0], depY], t.small * 0.2, depSide ? ["left", "right"] : ["right", "left"], {
      maxWidth: depW + 1,
    }),
    besideChip
      ? label("response", ctx.t("response"), [chip.x0, nv[1]], responseGap, ["left"], { maxWidth: inside + 1 })
      : label("response", ctx.t("response"), aim, t.small * 0.6, ["left", "below-left", "above-left"], {
          maxWidth: aim[0] - P.x0 - t.small,
        }),
  ];
  // What the talks were, in rust under OpenAI; under it, the last step's stake for NVIDIA.
  items.push(label("talk", ctx.t("talks"), [hero[0], hero[1] + r], gap, ["below"], { cls: "lbl lbl-link", maxWidth: wordsW }));
  const placed = placeLabels(items, [...obstacles, ...top.boxes.map((b) => grow(b, t.small * 0.5))], P);
  marks.push(...top.marks);
  const talkBox = placed.boxes.at(-1)!;
  const impact = placeLabels(
    // (half a line under the talks' words: two asides, not one block)
    [label("impact", ctx.t("impact"), [(talkBox.x0 + talkBox.x1) / 2, talkBox.y1 + t.small * 0.2], 0, ["below"], { maxWidth: wordsW })],
    [...obstacles, ...placed.boxes],
    P,
  );
  marks.push(...placed.marks, ...impact.marks);
  return state === "nvidia" ? marks : marks.filter((m) => !LAST.test(m.key));
}
