// Scene "rivals": NVIDIA and its biggest customers in fixed rows. NVIDIA's chip
// (ink, handed over from the memory chapter) sits at the left; OpenAI (the hero
// dot, arriving with this picture at its row: carried over, it slid across Meta's
// name, graphics review 51 item 6) and the four the article names, Meta,
// Microsoft, Google and Amazon, one row each on the right. The four are joined to
// NVIDIA by ink supply arrows of the same weight (the article calls them its
// largest customers and gives no shares); OpenAI by one more of that weight,
// labelled as the dependence on NVIDIA's chips of the first chapter (a heavier
// line would read as a volume the article never gives); the caption says what
// the arrows are. Then a column fills with each customer's own chip: a plain grey
// package for the four (chip.ts customChip: drawn as NVIDIA's GPU, they read as
// more NVIDIA chips, graphics review 51 item 5), the story's package, rust
// dashed, for OpenAI's (planned, its design apparently not begun). Last, a
// bracket gathers the four chips and one grey line runs back to NVIDIA:
// customers turned competitors; the supply lines stay as they were. Each of the
// four is named beside it: Google's TPU existed, the article says; Amazon's
// Trainium and Inferentia and Meta's MTIA were in use, drawn solid, and
// Microsoft's Maia announced, its outline dashed as planned (standards review
// 55), which the article does not say (graphics review 44 item 1: drawn dotted
// and tagged "open", they contradicted the step's words). Those
// three names carry a star, explained under the key ("not in the article"), so
// that "solid: reported" stays true of the article (standards review 51 item 7);
// the words beside the bracket say which is which. Nothing is sized.

import type { ClassList, Mark } from "../story/types.ts";
import { chipTop, customChip } from "./chip.ts";
import { defineScene } from "./defineScene.ts";
import { arrowHead, dot, link, linkPoint, r1 } from "./shapes.ts";
import {
  arcLabel,
  arcObstacles,
  captionStrip,
  grow,
  LINE,
  lines,
  nameLabel,
  placeLabels,
  steadyPlot,
  typeOf,
  type Box,
  type PointLabel,
} from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["customers", "own", "rivals"] as const;

/** Top to bottom: OpenAI first (the story's hero), then the others in the article's order. */
const ROWS = ["hero", "meta", "microsoft", "google", "amazon"] as const;
/** The four customers' own chips, each named beside it (the label key): Google's from the article, the rest not. */
const CHIP: Record<string, string> = { meta: "mtia", microsoft: "maia", google: "tpu", amazon: "trainium" };
/**
 * The one of them only announced by then, not yet in use (Maia, announced November 2023: facts.json): drawn with the
 * planned chip's dashed outline, as the key's "planned" says (standards review 55: drawn as solid as the chips in use,
 * the picture said more than its words).
 */
const ANNOUNCED: ReadonlySet<string> = new Set(["microsoft"]);
const NAME: Record<(typeof ROWS)[number], string> = {
  hero: "openai",
  meta: "meta",
  microsoft: "microsoft",
  google: "google",
  amazon: "amazon",
};

type Pt = [number, number];

export const rivals = defineScene({
  id: "rivals",
  states: STATES,
  marks(state, ctx) {
    const t = typeOf(ctx);
    const own = state !== "customers";
    // Under the key, once the three chips from outside the article are drawn, what their star means (standards
    // review 51, item 7: drawn solid, they made "solid: reported" untrue of the article). The plot keeps the room
    // for it in every step, so that nothing moves when it arrives.
    const starred = `${ctx.t("note")}\n${ctx.t("outside")}`;
    const caption = captionStrip(ctx, [{ key: "note", text: own ? starred : ctx.t("note") }]);
    const { plot } = steadyPlot(ctx, [ctx.t("note"), starred]);
    const W = plot.x1 - plot.x0;
    const H = plot.y1 - plot.y0;
    const X = (u: number) => plot.x0 + u * W;
    const Y = (v: number) => plot.y0 + v * H;
    const turned = state === "rivals";
    const r = t.label * 0.45;
    const marks: Mark[] = [];
    const obstacles: Box[] = [];
    const labels: PointLabel[] = [];
    const chipLabels: PointLabel[] = [];

    // NVIDIA: an ink chip at the left, its name beside it on the background.
    const S = Math.min(W * 0.16, H * 0.22);
    // The rows' band in the plot's height (top, span). Graphics review 55, item 6: on the desktop the customers' step
    // stood in the stage's upper part, its rows over 62 % of the plot; there they span 70 %, from nearer its top, and the
    // rivals' curve sags a little lower under them, so the first step fills more of the stage and the last still fits.
    const phone = ctx.layout === "square";
    const desk = ctx.layout === "column";
    const [rowTop, rowSpan] = phone ? [0.15, 0.46] : desk ? [0.04, 0.7] : [0.1, 0.62];
    // (NVIDIA as far down the desktop's rows as elsewhere: level with their middle and a little under it)
    const [nx, ny] = [X(0.02) + S / 2, Y(desk ? rowTop + rowSpan * 0.5 + 0.01 : 0.42)];
    const nv: Box = { x0: nx - S / 2, y0: ny - S / 2, x1: nx + S / 2, y1: ny + S / 2 };
    // The shared package (src/scenes/chip.ts); its ink die keeps the key the memory chapter hands over.
    marks.push(...chipTop({ key: "nvidia", dieKey: "nvidia", cx: nx, cy: ny, size: S, owner: "nvidia" }));
    obstacles.push(nv);
    labels.push(nameLabel(ctx, "nvidia", ctx.t("nvidia"), [nx, ny], S / 2, ["below", "above"]));

    // The rows: a dot per customer, its name right of it; the own-chip column further right.
    // On the phone the rows close up to leave the figure's foot to the bracket's words and the curve's (under the figure there).
    // So on a phone on its side (`land`): right of the bracket they ran one or two words to a line (graphics review 41).
    const land = ctx.layout === "land";
    const rowY = (i: number) => Y(rowTop + (i * rowSpan) / (ROWS.length - 1));
    // On the phone the right needs room for the tags and the bracket; wider, the fan opens across the stage's width.
    const dx = X(phone ? 0.3 : 0.42);
    const textW = (s: string, size: number, bold = false) => textWidth(s, size, bold);
    // The own chips at the largest size the rows leave room for (OpenAI's package's stacks legible).
    // Each chip's name under it, with a clear gap before the next row's chip (the name reads as its chip's); where the
    // rows are too close for that (a phone on its side), left of it, the column a little further right.
    const gapRows = (rowSpan / (ROWS.length - 1)) * H;
    // A name wraps at its longest word ("Trainium, / Inferentia"); the room under a chip takes two lines.
    const nameRoom = t.small * (LINE + 1.6);
    const under = !phone && gapRows - nameRoom >= t.label * 1.8;
    const c = Math.min(t.label * 2.6, gapRows * 0.75, under ? gapRows - nameRoom : Infinity);
    // Each chip's name; the three not in the article starred (the caption says what the star means).
    const chipName = (key: string) => ctx.t(CHIP[key]!) + (key === "google" ? "" : ctx.t("star"));
    const chipNames = Object.keys(CHIP).map(chipName);
    const nameMax = Math.max(...chipNames.flatMap((n) => n.split(/\s+/)).map((w) => textW(w, t.small))) + t.small * 0.5;
    const nameW = Math.max(...chipNames.flatMap((n) => wrapWidth(n, t.small, nameMax)).map((l) => textW(l, t.small)));
    const longest = Math.max(...ROWS.map((k) => textW(ctx.t(NAME[k]), t.label, true)));
    // On the phone the chips' names stand right of them (on them or left of them they covered the icons or pushed the
    // names against them: graphics reviews 40 and 44), the column clear of the longest name, the bracket right of the
    // chips' names, its words under the figure.
    const cx = phone ? Math.max(X(0.56), dx + r + t.label * 0.4 + longest + t.small * 0.7 + c / 2) : X(under ? 0.72 : 0.77);
    const arrow = t.label * 0.5;
    // The right edge of the room a chip and its name take: under it, right of it (the phone) or left of it (a phone on
    // its side).
    const colX1 = under ? cx + Math.max(c, nameW) / 2 : phone ? cx + c / 2 + t.small * 0.4 + nameW : cx + c / 2;
    ROWS.forEach((key, i) => {
      const y = rowY(i);
      // Supply: from NVIDIA's right edge to each customer, one weight for all five, the same in every step (the
      // article gives no volumes, and a heavier line would read as one). OpenAI's is its dependence on NVIDIA's
      // chips, told by its words beside it, not by weight.
      const from: Pt = [nv.x1 + t.label * 0.3, ny + (i - 2) * S * 0.16];
      const to: Pt = [dx - r - t.label * 0.3, y];
      const cls: ClassList = "arc arc-ink";
      marks.push(link(`sup-${key}`, from, to, cls, 0), arrowHead(`sup-${key}-head`, to, from, arrow, cls));
      const along: Box[] = [];
      arcObstacles(from, to, 0, along);
      // OpenAI's line keeps its words a line's breadth off it, not only off its centre.
      obstacles.push(...(key === "hero" ? along.map((b) => grow(b, t.small * 0.3)) : along));
      marks.push(dot(key, dx, y, r * 2, key === "hero" ? "marker marker-hero" : "marker marker-ring"));
      obstacles.push({ x0: dx - r, y0: y - r, x1: dx + r, y1: y + r });
      labels.push(nameLabel(ctx, key, ctx.t(NAME[key]), [dx, y], r, ["right"], W * 0.28));
      if (own) {
        // OpenAI's planned chip the story's package (chip.ts), dashed; the four others' a plain package of their own, not
        // NVIDIA's GPU with its memory stacks (graphics review 51, item 5: a reader saw more NVIDIA chips).
        marks.push(
          ...(key === "hero"
            ? chipTop({ key: `chip-${key}`, cx, cy: y, size: c, owner: "openai" })
            : customChip(`chip-${key}`, cx, y, c, ANNOUNCED.has(key))),
        );
        // Its name: one side only, the one the column keeps room for.
        if (CHIP[key])
          chipLabels.push({
            key: `chip-${key}-lbl`,
            text: chipName(key),
            x: cx,
            y,
            r: c / 2,
            size: t.small,
            cls: "lbl lbl-note",
            prefer: under ? ["below"] : phone ? ["right"] : ["left"],
            maxWidth: nameMax,
          });
      }
      obstacles.push({ x0: cx - c / 2, y0: y - c / 2, x1: cx + c / 2, y1: y + c / 2 });
    });
    if (own) {
      labels.push({
        key: "chip-hero-lbl",
        text: ctx.t("chip"),
        x: cx,
        y: rowY(0),
        r: c / 2,
        size: t.small,
        cls: "lbl lbl-note",
        // On the phone above it, as wide as the room either side of the chip (right of it, one word to a line, it ran into the bracket).
        // (On a phone on its side left of it, where it stood while the bracket's words took the right.)
        prefer: phone ? ["above"] : land ? ["left", "right"] : ["right", "below-right"],
        // Wrapped to the room right of the chip, so that it stands beside it rather than in the column.
        maxWidth: phone ? (plot.x1 - cx) * 2 - t.small : Math.min(W * 0.32, plot.x1 - cx - c / 2 - t.small),
      });
    }
    // The four others' chips, gathered by a bracket on their right (and their names), and named once.
    const bx = colX1 + t.label * 0.4;
    const [b0, b1] = [rowY(1) - c / 2, under ? rowY(ROWS.length - 1) + c / 2 + nameRoom - t.small * 0.6 : rowY(ROWS.length - 1) + c / 2];
    const bm = (b0 + b1) / 2;
    const bw = t.label * 0.5;
    if (own) {
      const d = `M${r1(bx)},${r1(b0)} Q${r1(bx + bw)},${r1(b0)} ${r1(bx + bw)},${r1(b0 + bw)} L${r1(bx + bw)},${r1(bm - bw)} Q${r1(bx + bw)},${r1(bm)} ${r1(bx + bw * 2)},${r1(bm)} Q${r1(bx + bw)},${r1(bm)} ${r1(bx + bw)},${r1(bm + bw)} L${r1(bx + bw)},${r1(b1 - bw)} Q${r1(bx + bw)},${r1(b1)} ${r1(bx)},${r1(b1)}`;
      marks.push({ key: "own-brace", tag: "path", attrs: { d, class: "brace", fill: "none" }, enter: { opacity: 0 } });
    }
    obstacles.push({ x0: bx, y0: b0, x1: bx + bw * 2, y1: b1 });

    // On the phone the bracket's words stand under the figure, as wide as the rows, a thin leader down to them
    // from the bracket's tip (right of them, one word to a line, they ran down a strip at the stage's edge); on a
    // phone on its side under the bracket, from the middle of the stage (the curve's words under its other end).
    // On the upright phone set flush left right under the rows, the leader turning onto the first line's end (graphics
    // review 49, item 6: flush right under the curve's words, hanging off a long leader, they were hard to read). In
    // the last step there they keep their place, their first line alone, what the four did (graphics review 57,
    // item 8: dropped there, the bracket was left unnamed and the curve back explained nothing); the curve passes under it.
    const ownText = `${ctx.t("own")}:\n${ctx.t("status")}`;
    let ownBox: Box | undefined;
    if (own && (phone || land)) {
      // (On a phone on its side from a little right of the middle: three lines there keep clear of the curve.)
      const x0 = land ? X(0.38) : dx - r;
      const lines_ = wrapWidth(turned && phone ? ctx.t("own") : ownText, t.small, plot.x1 - x0);
      const h = lines_.length * t.small * LINE;
      const top = land ? plot.y1 - h : b1 + t.small * 1.1;
      const w = Math.max(...lines_.map((l) => textW(l, t.small)));
      // On a phone on its side set flush right, under the bracket, so that its leader lands on the first line.
      if (land) marks.push(...lines("own-lbl", lines_, plot.x1, top + t.small * 0.8, t.small, "lbl lbl-note", "end"));
      else marks.push(...lines("own-lbl", lines_, x0, top + t.small * 0.8, t.small, "lbl lbl-note"));
      ownBox = land ? { x0: plot.x1 - w, y0: top, x1: plot.x1, y1: plot.y1 } : { x0, y0: top, x1: x0 + w, y1: top + h };
      obstacles.push(ownBox);
      const lx = bx + bw * 2 + t.small * 0.5;
      const ly = top - t.small * 0.3;
      // (Flush left, just under the bracket, from the bracket's lower end down and onto the first line's end.)
      const d = land
        ? `M${r1(bx + bw * 2 + 3)},${r1(bm)} H${r1(lx)} V${r1(ly)}`
        : `M${r1(bx)},${r1(b1 + 3)} V${r1(ly)} H${r1(Math.min(bx, x0 + textW(lines_[0]!, t.small) - t.small * 0.5))}`;
      marks.push({ key: "own-lead", tag: "path", attrs: { d, class: "leader", fill: "none" }, enter: { opacity: 0 } });
    } else if (own && !phone)
      labels.push({
        key: "own-lbl",
        // What they did, then (in the same words' block, so that it is read with the group) their status.
        text: ownText,
        x: bx + bw * 2,
        y: bm,
        r: 3,
        size: t.small,
        cls: "lbl lbl-note",
        prefer: ["right", "below-right"],
        // Wrapped to the room right of the bracket's tip (on the phone narrower than a quarter of the plot):
        // wider, it found no place there and was set over the chips.
        maxWidth: Math.min(W * 0.28, plot.x1 - (bx + bw * 2) - 3 - t.small * 0.4),
      });
    // Turned rivals: one grey curve from the bracket's lower end back to NVIDIA, bent so that in every layout it
    // sags under the rows to 84 % of the plot's height, its words below it. Leaving from under the bracket, not
    // from its tip, it passes below the lowest chip instead of through it.
    // (On the phone from under the bracket's outer edge: so it passes right of the bracket's words, under it in the
    // last step, and dips under them sooner.)
    const rFrom: Pt = [bx + bw * (phone ? 2 : 1), b1 + t.label * 0.4];
    const rTo: Pt = [nx, nv.y1 + t.label * 1.6];
    const mid = (rFrom[1] + rTo[1]) / 2;
    // (On the phone to 72 % or lower: it passes under the bracket's words, its own words under it.)
    // (On a phone on its side to 76 %, its words in one line: the bracket's words stand under them there.)
    const bendTo = (v: number) => (2 * v - mid - mid) / (rFrom[0] - rTo[0]);
    let bend = bendTo(Y(phone ? 0.72 : land ? 0.76 : desk ? 0.87 : 0.84));
    // (On the phone, lower where need be, until it passes a clear gap under the bracket's words.)
    if (phone && turned && ownBox) {
      const clear = grow(ownBox, t.small * 0.6);
      const hits = (b: number) =>
        Array.from({ length: 48 }, (_, i) => linkPoint(rFrom, rTo, b, i / 48)).some(
          ([x, y]) => x >= clear.x0 && x <= clear.x1 && y >= clear.y0 && y <= clear.y1,
        );
      for (let v = Y(0.72); hits(bend) && v < plot.y1; v += t.small * 0.25) bend = bendTo(v);
    }
    arcObstacles(rFrom, rTo, bend, obstacles);
    if (turned) {
      marks.push(
        link("riv-line", rFrom, rTo, "arc arc-grey", bend),
        arrowHead("riv-head", rTo, linkPoint(rFrom, rTo, bend, 0.9), arrow * 1.15, "arc arc-grey"),
      );
      // (On a phone on its side under its half by NVIDIA: the bracket's words stand under the bracket there.)
      labels.push(
        land
          ? arcLabel(ctx, "riv", ctx.t("rival"), rFrom, rTo, bend, ["below-left", "below"], { maxWidth: W * 0.36, at: 0.62 })
          : arcLabel(ctx, "riv", ctx.t("rival"), rFrom, rTo, bend, ["below", "above"], { maxWidth: W * 0.62, at: 0.42 }),
      );
      labels.at(-1)!.cls = "lbl lbl-note";
    }
    // OpenAI's line is the one unlike the others: named beside it. The four's arrows are named in the caption
    // (there is no room beside them in the column layout).
    // Set left of the line's upper part, where the line has left NVIDIA's chip behind and the stage is open.
    const [lx, ly] = linkPoint([nv.x1, ny - S * 0.32], [dx, rowY(0)], 0, 0.72);
    labels.push({
      key: "sup-hero-lbl",
      text: ctx.t("dep"),
      x: lx,
      y: ly,
      // Its gap from the point on the line clears the line's breadth.
      r: t.small,
      size: t.small,
      cls: "lbl lbl-note",
      prefer: ["left", "above-left", "above"],
      // (In two lines on a phone on its side, where at its larger type one line ran into OpenAI's steep line.)
      maxWidth: W * (ctx.layout === "land" ? 0.17 : phone ? 0.215 : 0.24),
    });

    // The names first, so that they keep their places from step to step whatever the notes say; then the notes
    // around them.
    const names = placeLabels(labels.slice(0, ROWS.length + 1), obstacles, plot);
    // The chips' names next, each on the side its column keeps for it, before any longer note takes that room.
    const chips = placeLabels(chipLabels, [...obstacles, ...names.boxes], plot);
    const rest = placeLabels(labels.slice(ROWS.length + 1), [...obstacles, ...names.boxes, ...chips.boxes], plot);
    marks.push(...names.marks, ...chips.marks, ...rest.marks);
    marks.push(...caption.marks);
    return marks;
  },
});
