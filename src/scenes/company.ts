// Scene "company": the data-centre company Altman reportedly planned, as a deal
// diagram with fixed seats (src/scenes/companySeats.ts says who sits where and
// what each step draws). The planned company is a rust dashed box, its data
// centres three dashed racks, OpenAI the rust dot handed over from the map,
// Altman a person (the story's rust bust, never OpenAI's dot); investors,
// SoftBank, governments and the board are grey rings; money runs as a blue
// stream with a square on it. Two chapters share it: the plan and its
// backers (plan … motives), then OpenAI's board (crisis … calm).

import { withoutClass, type ClassList, type Mark } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import {
  boxWidth,
  linkWidthOf,
  nameWidthOf,
  seatsOf,
  sidesOf,
  SUB_KEYS,
  STATES,
  specOf,
  type LinkSpec,
  type Seat,
} from "./companySeats.ts";
import { arrowHead, dot, link, linkPoint, r1, withOpacity } from "./shapes.ts";
import {
  arcLabel,
  arcObstacles,
  boxAround,
  captionStrip,
  grow,
  inside,
  LINE,
  lines,
  overlaps,
  placeLabels,
  typeOf,
  type Box,
  type PointLabel,
  type Side,
} from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { bust } from "./chip.ts";

type Pt = [number, number];
/** A link's ends and bend (see shapes.ts `link`). */
type Arc = [Pt, Pt, number];

/** How far a node or line steps back when the focus moves: fainter, in its own hue. */
const FAINT = 0.4;
type Shape = { kind: "dot"; x: number; y: number; r: number } | { kind: "box"; box: Box };

const centreOf = (s: Shape): Pt => (s.kind === "dot" ? [s.x, s.y] : [(s.box.x0 + s.box.x1) / 2, (s.box.y0 + s.box.y1) / 2]);

/** Where the line from a shape's centre towards `to` leaves the shape, `gap` beyond its edge. */
function edgeOf(s: Shape, to: Pt, gap: number): Pt {
  const [cx, cy] = centreOf(s);
  const dx = to[0] - cx;
  const dy = to[1] - cy;
  const len = Math.hypot(dx, dy) || 1;
  if (s.kind === "dot") return [cx + (dx / len) * (s.r + gap), cy + (dy / len) * (s.r + gap)];
  const hw = (s.box.x1 - s.box.x0) / 2 + gap;
  const hh = (s.box.y1 - s.box.y0) / 2 + gap;
  const k = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return [cx + dx * k, cy + dy * k];
}

/** The point `gap` above a box's top edge under `from`, kept `inset` in from its corners. */
function dropOnto(from: Pt, box: Box, gap: number, inset: number): Pt {
  return [Math.min(Math.max(from[0], box.x0 + inset), box.x1 - inset), box.y0 - gap];
}

/** The caption's two keys: with money on the stage (blue named), and without. */
const NOTES = ["note", "note-plain"] as const;

export const company = defineScene({
  id: "company",
  states: STATES,
  marks(state, ctx) {
    const ty = typeOf(ctx);
    const spec = specOf(state, ctx.t, ctx.layout);
    // The key names blue only while money is on the stage; the plot ends above the taller of the two keys, so
    // the seats hold whichever a step shows.
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(spec.links.some((l) => l.money) ? "note" : "note-plain") }]);
    const top = Math.min(...NOTES.map((k) => captionStrip(ctx, [{ key: "note", text: ctx.t(k) }]).top));
    const plot: Box = { x0: ty.pad, y0: ty.pad, x1: ctx.width - ty.pad, y1: top - ty.pad * 0.5 };
    const W = plot.x1 - plot.x0;
    const H = plot.y1 - plot.y0;
    const seats = seatsOf(ctx.layout);
    const at = (seat: Seat): Pt => [plot.x0 + seats[seat][0] * W, plot.y0 + seats[seat][1] * H];
    const r = ty.label * 0.45;
    const marks: Mark[] = [];
    const obstacles: Box[] = [];
    const shapes = new Map<Seat, Shape>();
    const labels: PointLabel[] = [];
    /** Second lines, set under their names once those are placed (a block per actor). */
    const vals: PointLabel[] = [];
    /** A line's words set last, round the names and their second lines (a block of several lines). */
    const late: (PointLabel & { under?: Seat; along?: Arc })[] = [];

    // The company: a rust dashed box (planned), its name and one line inside, the same size in every state.
    const bw = boxWidth(ctx.layout) * W;
    const inner = bw - ty.pad * 1.4;
    const name = wrapWidth(ctx.t("company"), ty.label, inner, true);
    const subLines = Math.max(...SUB_KEYS.map((k) => wrapWidth(ctx.t(k), ty.small, inner).length));
    const bh = name.length * ty.label * LINE + subLines * ty.small * LINE + ty.pad * 1.1;
    const [cx, cy] = at("company");
    const box: Box = { x0: cx - bw / 2, y0: cy - bh / 2, x1: cx + bw / 2, y1: cy + bh / 2 };
    marks.push({
      key: "company",
      tag: "rect",
      attrs: { x: r1(box.x0), y: r1(box.y0), width: r1(bw), height: r1(bh), rx: 6, class: "box-schematic" },
      enter: { opacity: 0 },
    });
    const textTop = box.y0 + ty.pad * 0.55 + ty.label * 0.8;
    marks.push(...lines("company-lbl", name, cx, textTop, ty.label, "lbl lbl-strong", "middle"));
    const sub = wrapWidth(spec.sub.text, ty.small, inner);
    marks.push(...lines(spec.sub.key, sub, cx, textTop + name.length * ty.label * LINE, ty.small, "lbl lbl-note", "middle"));
    // Words outside keep a few px off its dashed edge (graphics review 41: on the German phone "Gründung" touched it).
    obstacles.push(grow(box, ty.small * 0.2));
    shapes.set("company", { kind: "box", box });
    // A change in the plan's standing: in ink, over the box's top-left corner, ending short of the money dropping onto
    // its middle (else on another side of the box, never on another actor's mark).
    if (spec.state)
      labels.push({
        key: "company-state",
        text: spec.state,
        x: cx - ty.label,
        y: box.y0,
        r: ty.small * 0.1,
        size: ty.small,
        cls: "lbl",
        prefer: ["above-left", "above", "below-left", "left"],
        maxWidth: Math.min(W * 0.3, cx - ty.label - plot.x0),
      });

    // The data centres: three racks with their slots, dashed (planned, not built), named beside them.
    const rw = Math.min(W * 0.035, H * 0.05);
    const rh = rw * 2.4;
    const [dx, dy] = at("dcs");
    const racks: Box = { x0: dx - rw * 2.1, y0: dy - rh / 2, x1: dx + rw * 2.1, y1: dy + rh / 2 };
    for (let i = 0; i < 3; i++) {
      const x = racks.x0 + i * rw * 1.6;
      marks.push({
        key: `dc-${i}`,
        tag: "rect",
        attrs: { x: r1(x), y: r1(racks.y0), width: r1(rw), height: r1(rh), class: "fab fab-new" },
        enter: { opacity: 0 },
      });
      for (let j = 0; j < 4; j++) {
        const ly = racks.y0 + rh * (0.2 + j * 0.2);
        marks.push({
          key: `dc-${i}-rack-${j}`,
          tag: "line",
          attrs: { x1: r1(x + rw * 0.25), y1: r1(ly), x2: r1(x + rw * 0.75), y2: r1(ly), class: "leader" },
          enter: { opacity: 0 },
        });
      }
    }
    obstacles.push(racks);
    shapes.set("dcs", { kind: "box", box: racks });
    labels.push({
      key: "dcs-lbl",
      text: ctx.t("dcs"),
      x: dx,
      y: dy,
      // Beside the racks on the phone, so clear of their full width; elsewhere over them (the line in comes from the
      // left, the line out leaves downward).
      r: ctx.layout === "square" ? (racks.x1 - racks.x0) / 2 : rh / 2,
      size: ty.label,
      cls: "lbl",
      prefer: sidesOf(ctx.layout, "dcs", ["above", "below"]),
      maxWidth: W * 0.26,
    });

    // People, firms, institutions: a dot or a ring on its seat, named beside it.
    for (const nd of spec.nodes) {
      let [x, y] = at(nd.key);
      let rr = r;
      if (nd.key === "altman") {
        // A person, not a firm: Altman is drawn as the story's bust (rust), OpenAI keeps the rust dot.
        // Its box centred on the seat (the shoulders sit low in it).
        const size = r * 2.6;
        const b = bust("altman", x, y + size * 0.315, size);
        marks.push(...(nd.faint ? b.marks.map((m) => withOpacity(m, FAINT)) : b.marks));
        obstacles.push(b.box);
        // Lines and the name keep to the whole figure: its centre and half its height.
        [x, y] = centreOf({ kind: "box", box: b.box });
        rr = (b.box.y1 - b.box.y0) / 2;
        shapes.set(nd.key, { kind: "box", box: b.box });
      } else {
        marks.push(dot(nd.key, x, y, r * 2, nd.cls, nd.faint ? { opacity: FAINT } : {}));
        obstacles.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
        shapes.set(nd.key, { kind: "dot", x, y, r });
      }
      const item = {
        x,
        y,
        r: rr + ty.label * (nd.clear ?? 0),
        maxWidth: W * nameWidthOf(ctx.layout, nd.key, nd.maxWidth, state === "motives"),
      };
      labels.push({
        ...item,
        key: `${nd.key}-lbl`,
        text: nd.text,
        size: ty.label,
        cls: nd.faint ? (nd.bold ? "lbl lbl-strong lbl-muted" : "lbl lbl-muted") : "lbl lbl-strong",
        prefer: sidesOf(ctx.layout, nd.key, nd.prefer),
      });
      if (nd.val)
        vals.push({
          ...item,
          key: `${nd.key}-val`,
          text: nd.val,
          size: ty.small,
          cls: "lbl lbl-note",
          maxWidth: W * (nd.valWidth ?? 0.42),
        });
    }

    // Links under the dots: ending short of their shapes, arrowed where they have a direction; money carries a square.
    const gap = ty.label * 0.3;
    const linkMarks: Mark[] = [];
    /** A line round a callout: drawn once the callout stands (leaving its ring on the left, down the stage's edge). */
    let around: LinkSpec | undefined;
    for (const l of spec.links) {
      if (l.leaveLeft) {
        around = l;
        continue;
      }
      const a = shapes.get(l.from)!;
      const b = shapes.get(l.to)!;
      // Dropped onto a box: from the ring straight down onto its top edge, where the ring stands over it.
      const onto = l.drop && b.kind === "box" ? dropOnto(centreOf(a), b.box, gap * (l.head ? 1.2 : 1), ty.label) : undefined;
      // Up onto a box above: the middle of its bottom edge, clear of its corners.
      const rise: Pt | undefined =
        l.rise && b.kind === "box" ? [(b.box.x0 + b.box.x1) / 2, b.box.y1 + gap * (l.head ? 1.2 : 1)] : undefined;
      // (into a box's left edge, the line leaves its ring straight down, or on its left: bowed, it runs down the stage's
      // edge first; up onto a box, it leaves the ring up and to the right, clear of the name beside it)
      const [ax, ay] = centreOf(a);
      const away: Pt = l.fromLeft ? [ax, ay + 1] : rise ? [ax + 0.5, ay - 0.87] : centreOf(b);
      const p = edgeOf(a, onto ?? away, gap);
      const side: Pt | undefined =
        l.fromLeft && b.kind === "box" ? [b.box.x0 - gap * (l.head ? 1.2 : 1), b.box.y0 + (b.box.y1 - b.box.y0) * 0.25] : undefined;
      const q = onto ?? rise ?? side ?? edgeOf(b, centreOf(a), gap * (l.head ? 1.2 : 1));
      const bend = l.bend ?? 0;
      const before = linkMarks.length;
      linkMarks.push(link(l.key, p, q, l.cls, bend));
      if (l.head)
        linkMarks.push(arrowHead(`${l.key}-head`, q, linkPoint(p, q, bend, 0.9), ty.label * 0.55, withoutClass(l.cls, "arc-dash")));
      if (l.money) {
        const [mx, my] = linkPoint(p, q, bend, 0.45);
        const m = ty.label * 0.6;
        linkMarks.push({
          key: `${l.key}-money`,
          tag: "rect",
          attrs: { x: r1(mx - m / 2), y: r1(my - m / 2), width: r1(m), height: r1(m), class: "bar bar-money" },
          enter: { opacity: 0 },
        });
        obstacles.push({ x0: mx - m / 2, y0: my - m / 2, x1: mx + m / 2, y1: my + m / 2 });
      }
      // A line stepping back keeps its hue and style, only fainter.
      if (l.faint) for (let i = before; i < linkMarks.length; i++) linkMarks[i] = withOpacity(linkMarks[i]!, FAINT);
      arcObstacles(p, q, bend, obstacles);
      if (l.text) {
        const label = arcLabel(ctx, l.key, l.text, p, q, bend, l.prefer ?? ["right", "left"], {
          at: l.at,
          maxWidth: W * linkWidthOf(ctx.layout, l.key),
        });
        // Only the plan's own lines speak in rust; the others' words are grey.
        const hung = l.under
          ? { ...label, r: 0, prefer: ["below-right", "below"] as Side[], under: l.under, along: [p, q, bend] as Arc }
          : label;
        (l.late || l.under ? late : labels).push(
          l.cls.includes("arc-grey") || l.cls.includes("arc-money") || l.cls.includes("leader") ? { ...hung, cls: "lbl lbl-note" } : hung,
        );
      }
    }

    marks.unshift(...linkMarks);
    const named = placeLabels(labels, obstacles, plot);
    marks.push(...named.marks);
    // Each second line under its name's block, flush with the side away from the figure's edge.
    const under = vals.map((v) => {
      const box = named.boxes[labels.findIndex((l) => l.key === v.key.replace(/-val$/, "-lbl"))]!;
      // Flush with the side the name reads from: right of its ring flush left, left of it flush right; over or under
      // it, flush away from the nearer edge.
      const right = box.x1 <= v.x || (box.x0 < v.x && v.x > plot.x0 + W / 2);
      // On the phone the governments' words keep right of the company's line down to its racks; on a phone on its
      // side (`land`, larger type for its width) they wrap shorter, clear of the company's box.
      const maxWidth = right ? W * (ctx.layout === "square" ? 0.42 : ctx.layout === "land" ? 0.26 : 0.3) : v.maxWidth!;
      // Flush right under a name that stands over its ring, the words would run into the ring: they end short of it.
      const clear = right && box.y1 < v.y + v.r ? Math.min(box.x1, v.x - v.r - ty.small * 0.5) : box.x1;
      return {
        ...v,
        // (flush left with the name: below-right sets its words a small gap in from the point)
        x: right ? clear : Math.max(box.x0 - ty.small * 0.28, plot.x0),
        y: box.y1,
        r: 0,
        maxWidth,
        prefer: [right ? "below-left" : "below-right", "below"] as Side[],
      };
    });
    const seconds = placeLabels(under, [...obstacles, ...named.boxes], plot);
    marks.push(...seconds.marks);
    // Words hung under an actor's: flush left with its second line (else its name), just under it.
    // (and clear of their own line, which runs down beside them: right of the furthest it reaches over their height)
    const hang = late.map(({ under: seat, along, ...l }) => {
      const i = seat === undefined ? -1 : under.findIndex((v) => v.key === `${seat}-val`);
      const box =
        i >= 0 ? seconds.boxes[i] : seat === undefined ? undefined : named.boxes[labels.findIndex((n) => n.key === `${seat}-lbl`)];
      if (!box) return l;
      const y = box.y1 + ty.small * 0.15;
      const h = (wrapWidth(l.text, l.size, l.maxWidth!).length + 1) * l.size * LINE;
      const beside = along
        ? Array.from({ length: 25 }, (_, k) => linkPoint(...along, k / 24))
            .filter(([, py]) => py >= y && py <= y + h)
            .map(([px]) => px + ty.small * 0.5)
        : [];
      const x = Math.max(box.x0, ...beside);
      return { ...l, x, y, maxWidth: Math.min(l.maxWidth!, plot.x1 - x) };
    });
    marks.push(...placeLabels(hang, [...obstacles, ...named.boxes, ...seconds.boxes], plot).marks);

    // A callout on a node (the governments' aims): a block headed by what it is, each item its own line after a tick,
    // joined to the ring by a leader; under the node's words, or beside them on the ring's row.
    let bottom = -Infinity;
    for (const nd of spec.nodes) {
      if (!nd.callout) continue;
      const c = nd.callout;
      const ring = shapes.get(nd.key)!;
      const [rx, ry] = centreOf(ring);
      const rr = ring.kind === "dot" ? ring.r : 0;
      const own = [
        named.boxes[labels.findIndex((l) => l.key === `${nd.key}-lbl`)],
        seconds.boxes[under.findIndex((v) => v.key === `${nd.key}-val`)],
      ].filter((b): b is Box => b !== undefined);
      const words = boxAround(own);
      const size = ty.small;
      const step = size * LINE;
      const tick = size * 0.45;
      const indent = size * 0.8;
      const x0 = c.beside ? words.x1 + size * 0.8 : words.x0;
      // (beside the words, short of OpenAI's dot and the line down to it)
      const hero = shapes.get("hero");
      const right = c.beside && hero?.kind === "dot" ? hero.x - hero.r - size * 0.5 : plot.x1;
      const width = Math.min(W * c.width, right - x0) - indent;
      const items = c.items.map((it) => ({ ...it, lines: wrapWidth(it.text, size, width) }));
      const height = (1 + items.reduce((n, it) => n + it.lines.length, 0)) * step;
      // Under the words, a small gap below them; beside them, centred on the ring's row, below the company box.
      const companyBox = (shapes.get("company") as { box: Box }).box;
      const top = c.beside ? Math.min(Math.max(ry - height / 2, companyBox.y1 + size), plot.y1 - height) : words.y1 + size * 0.25;
      let y = top + size * 0.8;
      const head = y;
      marks.push(...lines(`${nd.key}-aims-head`, [c.head], x0, y, size, "lbl lbl-strong"));
      for (const it of items) {
        y += step;
        const ty0 = y - size * 0.3;
        marks.push({
          key: `${it.key}-tick`,
          tag: "line",
          attrs: { x1: r1(x0), y1: r1(ty0), x2: r1(x0 + tick), y2: r1(ty0), class: "leader" },
          enter: { opacity: 0 },
        });
        marks.push(...lines(`${it.key}-lbl`, it.lines, x0 + indent, y, size, "lbl"));
        y += (it.lines.length - 1) * step;
      }
      const mid = head - size * 0.3;
      const end = x0 - size * 0.35;
      // Under the words: down from the ring, left of them, then into the heading. Beside: along the ring's row to a
      // bracket on the block's left, from the heading to the last item.
      const d = c.beside
        ? `M${r1(rx + rr + gap)},${r1(ry)} H${r1(end)} M${r1(end)},${r1(mid)} V${r1(y - size * 0.3)}`
        : `M${r1(rx)},${r1(ry + rr + gap)} V${r1(mid)} H${r1(end)}`;
      marks.push({ key: `${nd.key}-aims-leader`, tag: "path", attrs: { d, class: "leader", fill: "none" }, enter: { opacity: 0 } });
      bottom = Math.max(bottom, y + size * 0.3);
    }
    // The line round the callout (the phone): from the ring's left, straight down the stage's edge past the callout,
    // then across under it, above Altman's name, into the company box's left edge a fifth down (its middle is
    // Altman's line's), clear of the corner.
    if (around) {
      const l = around;
      const a = shapes.get(l.from)!;
      const b = shapes.get(l.to)!;
      if (a.kind === "dot" && b.kind === "box") {
        const xe = a.x - a.r - gap;
        const ys = Math.max(bottom, a.y + a.r) + ty.small * 0.3;
        const q: Pt = [b.box.x0 - gap * 1.2, b.box.y0 + (b.box.y1 - b.box.y0) * 0.2];
        const bendR = ty.small * 0.8;
        const len = Math.hypot(q[0] - xe, q[1] - ys);
        const turn: Pt = [xe + ((q[0] - xe) / len) * bendR, ys + ((q[1] - ys) / len) * bendR];
        const d = `M${r1(xe)},${r1(a.y)} L${r1(xe)},${r1(ys - bendR)} Q${r1(xe)},${r1(ys)} ${r1(turn[0])},${r1(turn[1])} L${r1(q[0])},${r1(q[1])}`;
        marks.unshift(
          { key: l.key, tag: "path", attrs: { d, class: l.cls, fill: "none" }, enter: { opacity: 0 } },
          arrowHead(
            `${l.key}-head`,
            q,
            [q[0] - (q[0] - xe) * 0.1, q[1] - (q[1] - ys) * 0.1],
            ty.label * 0.55,
            withoutClass(l.cls, "arc-dash"),
          ),
        );
      }
    }

    marks.push(...caption.marks);
    return marks;
  },
});
