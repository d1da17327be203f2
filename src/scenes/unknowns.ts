// Scene "unknowns": what the story cannot say, and on whom it rests. Three
// schematic pictures. "money": an open checklist, the two questions the article
// leaves unanswered (investment secured? companies registered?), each box
// empty with a question mark. "sources": the story's main claims as a list,
// each tagged by its source as the article gives it (a ring for an unnamed
// person, grey for a media report, solid for the one named, public voice).
// "announcement": Altman speaks rarely in public (a broken line) but privately
// told an industry manager (a strong line) he would announce the plan this
// year; below, that year as a strip with the announcement still an open box at
// its end. Nothing is to scale; each caption says so.

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, link, linkPoint, r1 } from "./shapes.ts";
import { captionStrip, nameLabel, LINE, lines, placeLabels, typeOf, type Box, type PointLabel } from "./figure.ts";
import { textWidth, wrapWidth } from "./text.ts";

const STATES = ["money", "sources", "announcement"] as const;

const QUESTIONS = ["invest", "firms"] as const;

/** The sources in the article's order of appearance in this story, and what kind each is. */
const SOURCES = [
  { key: "tsmc", kind: "anon" },
  { key: "industry", kind: "anon" },
  { key: "insiders", kind: "anon" },
  { key: "wsj", kind: "media" },
  { key: "info", kind: "media" },
  { key: "wei", kind: "public" },
] as const;
const KIND_CLASS = { anon: "marker marker-no", media: "marker marker-muted", public: "marker" } as const;

export const unknowns = defineScene({
  id: "unknowns",
  states: STATES,
  marks(state, ctx) {
    const caption = captionStrip(ctx, [{ key: "note", text: ctx.t(`note.${state}`) }]);
    const t = typeOf(ctx);
    const plot: Box = { x0: t.pad, y0: t.pad, x1: ctx.width - t.pad, y1: caption.top - t.pad * 0.5 };
    const body = state === "money" ? checklist(ctx, plot) : state === "sources" ? sourceList(ctx, plot) : announcement(ctx, plot);
    return [...body, ...caption.marks];
  },
});

/** An open box with a question mark in it: the mark of something not known. */
function openBox(key: string, x: number, y: number, side: number, size: number, ctx: SceneContext): Mark[] {
  return [
    {
      key,
      tag: "rect",
      attrs: { x: r1(x), y: r1(y), width: r1(side), height: r1(side), rx: r1(side * 0.12), class: "box-schematic" },
      enter: { opacity: 0 },
    },
    ...lines(`${key}-mark`, [ctx.t("open")], x + side / 2, y + side / 2 + size * 0.36, size, "val", "middle"),
  ];
}

/**
 * "money": a heading and two unanswered questions, set like a form: each in its
 * own band, an empty box with a question mark beside it and, under it, what was
 * planned (so the reader sees what the question is about).
 */
function checklist(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const w = plot.x1 - plot.x0;
  const h = plot.y1 - plot.y0;
  const headSize = t.label * 1.2;
  const head = wrapWidth(ctx.t("head"), headSize, w, true);
  const headH = head.length * headSize * LINE + t.label * 0.6;
  const bands = (h - headH) / QUESTIONS.length;
  // The largest type at which each question, its context and its box fit their band with air around.
  let size = t.big * 1.35;
  let rows: { q: string[]; c: string[] }[] = [];
  let side = 0;
  let small = t.small;
  const rowH = (row: { q: string[]; c: string[] }) =>
    Math.max(side, row.q.length * size * LINE) + small * 0.5 + row.c.length * small * LINE;
  for (; size >= t.label; size -= 1) {
    side = size * 2.1;
    small = Math.max(t.small, size * 0.55);
    const textW = w - side - size * 0.7;
    rows = QUESTIONS.map((q) => ({ q: wrapWidth(ctx.t(q), size, textW, true), c: wrapWidth(ctx.t(`context.${q}`), small, textW) }));
    if (Math.max(...rows.map(rowH)) <= bands * 0.72) break;
  }
  const x = plot.x0;
  const tx = x + side + size * 0.7;
  const marks: Mark[] = [...lines("head-lbl", head, x, plot.y0 + headSize * 0.8, headSize, "lbl lbl-strong")];
  QUESTIONS.forEach((q, i) => {
    const top = plot.y0 + headH + i * bands;
    const ry = r1(top);
    marks.push({ key: `rule-${q}`, tag: "line", attrs: { x1: r1(plot.x0), y1: ry, x2: r1(plot.x1), y2: ry, class: "leader" } });
    const row = rows[i]!;
    const qH = Math.max(side, row.q.length * size * LINE);
    let y = top + (bands - rowH(row)) / 2;
    marks.push(...openBox(`q-${q}`, x, y + (qH - side) / 2, side, size * 1.2, ctx));
    const textH = (row.q.length - 1) * size * LINE;
    marks.push(...lines(`q-${q}-lbl`, row.q, tx, y + qH / 2 - textH / 2 + size * 0.35, size, "lbl lbl-strong"));
    y += qH + small * 0.5;
    marks.push(...lines(`q-${q}-val`, row.c, tx, y + small * 0.8, small, "lbl lbl-note"));
  });
  return marks;
}

/** "sources": one row per source: its mark and name, then what the story takes from it. */
function sourceList(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const w = plot.x1 - plot.x0;
  const h = plot.y1 - plot.y0;
  // Two columns (source | claims) where the figure is wide enough, else each row stacked.
  const twoCols = w >= 700;
  const minGap = t.label * (twoCols ? 0.9 : 0.35);
  // Air between a row's claims, and between its name and its claims when stacked.
  const claimGap = twoCols ? 0.25 : 0.1;
  const nameGap = 0.15;
  type Row = { name: string[]; kind: string[]; kindBeside: boolean; claims: string[][]; height: number };
  let scale = 1.3;
  let rows: Row[] = [];
  let total = 0;
  let r = 0;
  for (; scale >= 0.9; scale -= 0.02) {
    const nameSize = t.label * scale;
    const small = t.small * scale;
    r = nameSize * 0.4;
    const indent = r * 2 + nameSize * 0.5;
    const nameW = twoCols ? w * 0.34 - indent : w - indent;
    const claimW = twoCols ? w * 0.62 : w - indent;
    rows = SOURCES.map((s) => {
      const name = wrapWidth(ctx.t(`sources.${s.key}.name`), nameSize, nameW, true);
      const kindText = ctx.t(`kinds.${s.kind}`);
      const lastW = textWidth(name.at(-1)!, nameSize, true);
      const kindBeside = !twoCols && lastW + small * 0.6 + textWidth(kindText, small) <= nameW;
      const kind = kindBeside ? [kindText] : wrapWidth(kindText, small, nameW);
      const claims = ctx
        .t(`sources.${s.key}.claims`)
        .split("\n")
        .map((c) => wrapWidth(c, small, claimW - small * 0.8));
      const claimsH = claims.reduce((n, c) => n + c.length * small * LINE, 0) + (claims.length - 1) * small * claimGap;
      const left = name.length * nameSize * LINE + (kindBeside ? 0 : kind.length * small * LINE);
      const height = twoCols ? Math.max(left, claimsH) : left + small * nameGap + claimsH;
      return { name, kind, kindBeside, claims, height };
    });
    total = rows.reduce((n, row) => n + row.height, 0);
    if (total + (rows.length - 1) * minGap <= h) break;
  }
  const nameSize = t.label * scale;
  const small = t.small * scale;
  const indent = r * 2 + nameSize * 0.5;
  // The gaps share what the rows leave, within reason; the block sits in the middle.
  const gap = Math.min(Math.max((h - total) / rows.length, minGap), t.label * 3);
  let y = plot.y0 + Math.max(0, (h - total - gap * (rows.length - 1)) / 2);
  const marks: Mark[] = [];
  rows.forEach((row, i) => {
    const s = SOURCES[i]!;
    if (i > 0) {
      const ry = r1(y - gap / 2);
      marks.push({ key: `rule-${i}`, tag: "line", attrs: { x1: r1(plot.x0), y1: ry, x2: r1(plot.x1), y2: ry, class: "leader" } });
    }
    const first = y + nameSize * 0.8;
    marks.push(dot(`src-${s.key}`, plot.x0 + r + 1.5, first - nameSize * 0.33, r * 2, KIND_CLASS[s.kind]));
    marks.push(...lines(`src-${s.key}-lbl`, row.name, plot.x0 + indent, first, nameSize, "lbl lbl-strong"));
    let ly = y + row.name.length * nameSize * LINE;
    if (row.kindBeside) {
      const nx = plot.x0 + indent + textWidth(row.name.at(-1)!, nameSize, true) + small * 0.6;
      marks.push(...lines(`src-${s.key}-val`, row.kind, nx, first + (row.name.length - 1) * nameSize * LINE, small, "lbl lbl-note"));
    } else {
      marks.push(...lines(`src-${s.key}-val`, row.kind, plot.x0 + indent, ly + small * 0.8, small, "lbl lbl-note"));
      ly += row.kind.length * small * LINE;
    }
    let cy = twoCols ? y : ly + small * nameGap;
    const cx = twoCols ? plot.x1 - w * 0.62 : plot.x0 + indent;
    row.claims.forEach((c, j) => {
      // A short dash before each claim; its lines align after it.
      const by = r1(cy + small * 0.5);
      marks.push({
        key: `dash-${s.key}-${j}`,
        tag: "line",
        attrs: { x1: r1(cx), y1: by, x2: r1(cx + small * 0.45), y2: by, class: "leader" },
      });
      marks.push(...lines(`claim-${s.key}-${j}`, c, cx + small * 0.8, cy + small * 0.8, small, "lbl"));
      cy += c.length * small * LINE + small * claimGap;
    });
    y += row.height + gap;
  });
  return marks;
}

/** "announcement": Altman's two channels above, the report's year below with the announcement still open at its end. */
function announcement(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const w = plot.x1 - plot.x0;
  const h = plot.y1 - plot.y0;
  const r = t.label * 0.45;
  const marks: Mark[] = [];
  const obstacles: Box[] = [];

  // Above: Altman on the left, the public and the industry manager on the right.
  const targetW = Math.max(textWidth(ctx.t("public"), t.label, true), textWidth(ctx.t("manager"), t.label, true));
  const tx = plot.x1 - Math.min(targetW, w * 0.36) - r - t.label * 0.6;
  const altman: [number, number] = [plot.x0 + Math.max(w * 0.12, r + 2), plot.y0 + h * 0.3];
  const pub: [number, number] = [tx, plot.y0 + h * 0.1];
  const mgr: [number, number] = [tx, plot.y0 + h * 0.5];
  const arcs = [
    {
      key: "link-public",
      to: pub,
      bend: 0.08,
      cls: "arc arc-broken",
      text: ctx.t("rarely"),
      lcls: "lbl lbl-note",
      prefer: ["above", "above-left"],
    },
    {
      key: "link-manager",
      to: mgr,
      bend: -0.08,
      cls: "arc arc-strong",
      text: ctx.t("privately"),
      lcls: "lbl lbl-link",
      prefer: ["below", "below-left"],
    },
  ] as const;
  const labels: PointLabel[] = [];
  for (const a of arcs) {
    const from: [number, number] = [altman[0] + r * 1.6, altman[1]];
    const to: [number, number] = [a.to[0] - r * 1.6, a.to[1]];
    marks.push(link(a.key, from, to, a.cls, a.bend));
    for (let i = 0; i <= 24; i++) {
      const [x, y] = linkPoint(from, to, a.bend, i / 24);
      obstacles.push({ x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3 });
    }
    const [mx, my] = linkPoint(from, to, a.bend, 0.5);
    labels.push({
      key: `${a.key}-lbl`,
      text: a.text,
      x: mx,
      y: my,
      r: 3,
      size: t.small,
      cls: a.lcls,
      prefer: [...a.prefer],
      maxWidth: w * 0.5,
    });
  }
  const nodes = [
    { key: "altman", p: altman, cls: "marker marker-hero", text: ctx.t("altman"), prefer: ["below", "above"] },
    { key: "public", p: pub, cls: "marker marker-muted", text: ctx.t("public"), prefer: ["right", "below-right"] },
    { key: "manager", p: mgr, cls: "marker", text: ctx.t("manager"), prefer: ["right", "below-right"] },
  ] as const;
  for (const n of nodes) {
    marks.push(dot(n.key, n.p[0], n.p[1], r * 2, n.cls));
    obstacles.push({ x0: n.p[0] - r, y0: n.p[1] - r, x1: n.p[0] + r, y1: n.p[1] + r });
    labels.push(nameLabel(ctx, n.key, n.text, n.p, r, [...n.prefer], w * 0.36));
  }

  // Below: the report's year as a strip, its end the open announcement.
  const side = t.big * 1.7;
  const stripH = t.label * 1.1;
  const sy = plot.y0 + h * 0.8;
  const endX = plot.x1 - side - t.label * 0.5;
  marks.push({
    key: "year",
    tag: "rect",
    attrs: { x: r1(plot.x0), y: r1(sy - stripH / 2), width: r1(endX - plot.x0), height: r1(stripH), rx: 3, class: "bar bar-past" },
    enter: { width: 0, opacity: 1 },
  });
  obstacles.push({ x0: plot.x0, y0: sy - stripH / 2, x1: endX, y1: sy + stripH / 2 });
  marks.push(...lines("year-lbl", [ctx.t("year")], plot.x0, sy - stripH / 2 - t.label * 0.45, t.label, "lbl lbl-strong"));
  marks.push(...lines("yearend-lbl", [ctx.t("yearend")], endX, sy - stripH / 2 - t.small * 0.45, t.small, "lbl lbl-note", "end"));
  const bx = plot.x1 - side;
  marks.push(...openBox("announce", bx, sy - side / 2, side, t.big, ctx));
  obstacles.push({ x0: bx, y0: sy - side / 2, x1: plot.x1, y1: sy + side / 2 });
  labels.push({
    key: "announce-lbl",
    text: ctx.t("announce"),
    x: bx + side / 2,
    y: sy,
    r: side / 2,
    size: t.small,
    cls: "lbl lbl-note",
    prefer: ["below-left", "below"],
    maxWidth: w * 0.6,
  });
  marks.push(...placeLabels(labels, obstacles, plot).marks);
  return marks;
}
