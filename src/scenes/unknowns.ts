// Scene "unknowns" (chapter 9): the open questions. First step: the plan's three objects,
// large, one a row, drawn as the story drew them: OpenAI's planned chip (src/scenes/chip.ts,
// dashed), the planned data-centre company as chapters 3 and 4 draw it (a rust dashed box
// named planned, smaller; graphics review 42, item 10) and the sum sought as chapter 5's blue
// squares (25 a row, a row $1tn, each $40bn; drawn smaller than chapter 5 draws them, so the
// key does not call it chapter 5's unit: review 42, item 6); beside each its name, a hatched "open" tag and the open question.
// Second: who said what, as a typeset sourcing table in place of the objects: the story's
// voices, one a line, grouped by kind (by name, unnamed, media, data; each group with its
// count), each with what it is the source for and the chapters that rely on it (on the phone
// only the chapters), at the largest type that fits, its groups spread over the plot (graphics
// review 38: small type with half the stage empty). Last, the story's last picture (graphics
// review 46, item 9: a text list had ended it): the picture it opened with, chapter 1's roadmap
// chip, each part led to what the article reports of it (solid swatch) and what stayed open
// (hatched), and the announcement the headline expected at the year's end, a dashed diamond. On the phone the chip
// large, its parts numbered over it, their words under it after the same numbers (graphics review 50, item 2).

import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, r1 } from "./shapes.ts";
import { captionStrip, LINE, lines, numberTag, steadyPlot, typeOf, type Box } from "./figure.ts";
import { bust, chipParts, chipTop, floorPlan, racks } from "./chip.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { grid, PER_ROW, rowsOf, squares } from "./unitGrid.ts";

const STATES = ["money", "sources", "announcement"] as const;
type State = (typeof STATES)[number];

/**
 * The story's voices as the article gives them, in the order of the sourcing table (second step): grouped by kind,
 * the one quoted by name first, then the unnamed, the media, and SIFMA, whose bond figures are data, not a view.
 * What each is the source for is in the labels (`for.<key>`), with the chapters that rely on it.
 */
export const SOURCES = [
  { key: "wei", kind: "public" },
  { key: "tsmc", kind: "anon" },
  { key: "industry", kind: "anon" },
  { key: "insiders", kind: "anon" },
  { key: "wsj", kind: "media" },
  { key: "info", kind: "media" },
  { key: "sifma", kind: "data" },
] as const;
export const KINDS = ["public", "anon", "media", "data"] as const;
type Kind = (typeof KINDS)[number];
export const PARTS = ["chip", "company", "money"] as const;
type Part = (typeof PARTS)[number];

/** One object's row: where its object stands (left) and where its words start (right). */
interface Row {
  part: Part;
  obj: Box;
  tx: number;
  ty: number;
  tw: number;
  /** The open question's width: in the wide figure it may run on into the room beside the rows. */
  qw: number;
}

interface Geo {
  rows: Row[];
}

export const unknowns = defineScene({
  id: "unknowns",
  states: STATES,
  marks(state, ctx) {
    // (The first step's key gives the square's value, not "chapter 5's unit": its squares are drawn smaller.)
    const note = (s: State) => ctx.t(s === "money" ? "note.objects" : `note.${s}`);
    const { plot, wide } = steadyPlot(ctx, STATES.map(note));
    const marks: Mark[] = [];
    if (state === "sources") marks.push(...sourcing(ctx, plot));
    if (state === "money") for (const row of geometry(ctx, plot, wide).rows) marks.push(...part(ctx, row));
    if (state === "announcement") marks.push(...closing(ctx, plot));
    return [...marks, ...captionStrip(ctx, [{ key: "note", text: note(state) }]).marks];
  },
});

/** The words beside an object: its name, then its tag, then the open question. */
function words(ctx: SceneContext, p: Part, w: number): { name: string[]; tag: string; question: string[] } {
  const t = typeOf(ctx);
  const name = { chip: ctx.t("chip"), company: ctx.t("company-name"), money: ctx.t("sum") }[p];
  return {
    name: wrapWidth(name, t.label, w, true),
    tag: p === "chip" ? ctx.t("chip-tag") : ctx.t("not-known"),
    question: wrapWidth(ctx.t(`q-${p}`), t.small, w),
  };
}

/** How tall an object's words stand in the steps that show it (the rows are the same in both). */
function wordsHeight(ctx: SceneContext, p: Part, w: number): number {
  const t = typeOf(ctx);
  const x = words(ctx, p, w);
  // At least two small lines under the tag (as when each row named its voice there): the objects keep their size,
  // which chapter 6's last step matches for its chip.
  return x.name.length * t.label * LINE + t.small * 1.9 + t.small * 0.4 + Math.max(2, x.question.length) * t.small * LINE;
}

/**
 * The rows: the chip a square, the company's box lower and wider than tall, the squares 25 a row; each object
 * left, its words right. On the phone and the column the rows fill the plot; in the wide print
 * figure the rows take the left 60 %.
 */
function geometry(ctx: SceneContext, plot: Box, wide: boolean): Geo {
  const t = typeOf(ctx);
  const W = plot.x1 - plot.x0;
  const H = plot.y1 - plot.y0;
  const area: Box = wide ? { ...plot, x1: plot.x0 + W * 0.6 } : plot;
  const AW = area.x1 - area.x0;
  const gap = t.pad * (wide ? 3 : 1);
  const objW = AW * (wide ? 0.3 : 0.34);
  // A phone on its side: the squares, last row, run on under the announcement's words (which stand high on the
  // right), half the figure wide, so a square stays about as large as chapter 5 draws it there (graphics review 38:
  // at 42 % of the left part a square was 3 px); their words take the rest of the width.
  const land = ctx.layout === "land";
  const gridW = land ? W * 0.5 : AW * (wide ? 0.42 : 0.52);
  const restH = wide ? 0 : t.label * LINE * 2 + t.small * LINE * 2 + t.label * 3.2;
  // The chip as large as the room allows, the company's box as wide as it and under half as tall; the squares as wide as their column.
  const widthOf = (p: Part) => (p === "money" ? gridW : objW);
  const textOf = (p: Part) => (land && p === "money" ? W : AW) - widthOf(p) - gap;
  const hText = PARTS.map((p) => wordsHeight(ctx, p, textOf(p)));
  const n = squares(ctx, "total-sum");
  const pitchMax = gridW / PER_ROW;
  // On paper the rows stay about as tall as the figure they replaced (the printed pages are paginated by hand).
  // (A phone on its side, `land`, is no page: its rows take the figure's height.)
  const room = ctx.layout === "land" ? H : wide ? H * 0.78 : H - gap * 2;
  let size = Math.min(objW * 0.9, room * 0.45);
  const rowH = (p: number, objH: number) => Math.max(objH, hText[p]!);
  const heights = () => [rowH(0, size), rowH(1, boxH(size)), rowH(2, pitchMax * rowsOf(n))];
  while (heights().reduce((a, b) => a + b, 0) > room && size > t.label * 2) size -= 2;
  const [h0, h1, h2] = heights() as [number, number, number];
  // What the rows leave of their room goes between them (up to two and a half pads each), not all under them.
  const between = gap + (wide ? 0 : Math.max(0, Math.min(t.pad * 1.5, (room - h0 - h1 - h2) / 2)));
  const rows: Row[] = [];
  let y = area.y0;
  for (const [i, p, h] of [
    [0, "chip", h0],
    [1, "company", h1],
    [2, "money", h2],
  ] as const) {
    const w = widthOf(p);
    const oh = p === "chip" ? size : p === "company" ? boxH(size) : pitchMax * rowsOf(n);
    const ow = p === "chip" ? size : p === "company" ? Math.min(size, w) : gridW;
    const cx = area.x0 + w / 2;
    rows.push({
      part: p,
      obj: { x0: cx - ow / 2, y0: y, x1: cx + ow / 2, y1: y + oh },
      tx: area.x0 + w + gap,
      ty: y,
      tw: textOf(p),
      qw: wide ? plot.x1 - (area.x0 + w + gap) : textOf(p),
    });
    y += h + (i < 2 ? between : 0);
  }
  return { rows };
}

/** The company's box: under half as tall as wide (as chapters 3 and 4 draw it, a box a line or two tall). */
const boxH = (size: number) => size * 0.42;

/**
 * The planned data-centre company as chapters 3 and 4 draw it (src/scenes/company.ts): a rust dashed box with
 * round corners, "planned" inside it; smaller, its name beside it as the other objects' are.
 */
function companyBox(ctx: SceneContext, b: Box): Mark[] {
  const t = typeOf(ctx);
  return [
    {
      key: "company-box",
      tag: "rect",
      attrs: { x: r1(b.x0), y: r1(b.y0), width: r1(b.x1 - b.x0), height: r1(b.y1 - b.y0), rx: 6, class: "box-schematic" },
      enter: { opacity: 0 },
    },
    ...lines(
      "company-planned",
      [ctx.t("planned")],
      (b.x0 + b.x1) / 2,
      (b.y0 + b.y1) / 2 + t.small * 0.35,
      t.small,
      "lbl lbl-note",
      "middle",
    ),
  ];
}

/** One object, its name and tag beside it, and under the tag its question. */
function part(ctx: SceneContext, row: Row): Mark[] {
  const t = typeOf(ctx);
  const { obj, part: p } = row;
  const marks: Mark[] = [];
  if (p === "chip")
    marks.push(...chipTop({ key: "chip", cx: (obj.x0 + obj.x1) / 2, cy: (obj.y0 + obj.y1) / 2, size: obj.x1 - obj.x0, owner: "openai" }));
  if (p === "company") marks.push(...companyBox(ctx, obj));
  if (p === "money") marks.push(...grid("goal", squares(ctx, "total-sum"), [obj.x0, obj.y0], (obj.x1 - obj.x0) / PER_ROW));
  const x = words(ctx, p, row.tw);
  const key = p === "chip" ? "chip" : `${p}-name`;
  let y = row.ty + t.label * 0.85;
  marks.push(...lines(`${key}-lbl`, x.name, row.tx, y, t.label, "lbl lbl-strong"));
  y += (x.name.length - 1) * t.label * LINE + t.small * 0.6;
  marks.push(...unknownTag(ctx, `${p}-tag`, row.tx, y, x.tag));
  y += t.small * 1.5 + t.small * 0.4 + t.small * 0.9;
  marks.push(...lines(`${p}-q-lbl`, wrapWidth(ctx.t(`q-${p}`), t.small, row.qw), row.tx, y, t.small, "lbl"));
  return marks;
}

/**
 * A voice's kind marker, centred on (cx, cy), all in the grey of everyone else, told apart by shape: a person by name,
 * a ring unnamed, a dot media, a square data. Not the money's blue (graphics review 50, item 5: blue means money, and
 * only money, across the piece; SIFMA's figures are a sum, but SIFMA is a voice, not money).
 */
function kindMarker(key: string, kind: Kind, cx: number, cy: number, r: number): Mark[] {
  if (kind === "public") return bust(key, cx, cy + r * 0.5, r * 2.2, true).marks;
  if (kind === "data")
    return [
      {
        key,
        tag: "rect",
        attrs: { x: r1(cx - r * 0.85), y: r1(cy - r * 0.85), width: r1(r * 1.7), height: r1(r * 1.7), class: "marker marker-muted" },
      },
    ];
  return [dot(key, cx, cy, r * 2, kind === "anon" ? "marker marker-ring" : "marker marker-muted")];
}

/** A voice's "source for" with the spaces in its closing brackets made unbreakable ("(ch. 3, 9)" one line). */
const unbroken = (what: string): string => what.replace(/\([^()]*\)\s*$/, (m) => m.replace(/ /g, String.fromCharCode(0xa0)));

/** The chapters a voice's "source for" names, from its closing brackets ("(ch. 3, 4, 6, 7)" → "3, 4, 6, 7"). */
export function chaptersOf(what: string): string {
  const m = /\(([^()]*)\)\s*$/.exec(what);
  return (m?.[1] ?? "").replace(/^[^\d]*/, "");
}

/**
 * The second step's picture: a sourcing table, set left in the plot, no wider than a comfortable measure. The voices
 * one an entry, in groups by kind, each group headed by its kind's word and how many voices it holds, under a
 * hairline; a small kind marker before each voice (the kind is written too, so no mark or colour stands alone). Where
 * there is room, two columns under small heads (the voice; what it is the source for); in a narrow plot (a phone)
 * one line a voice, its name and, in a column at the right under the head "chapters", the chapters that rely on it
 * (graphics review 36: with what each is the source for under its name, the phone's table ran to 14 lines of small
 * type under a head that read as a clipped sentence). The first of these that fits: at label size, then at the small
 * size; where even that is too tall (a phone on its side), the groups run on in a second table beside the first.
 */
function sourcing(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const PW = plot.x1 - plot.x0;
  /** One table of the given groups, its left edge at x0, `W` wide; null where its "source for" column would be too narrow. */
  const table = (kinds: readonly Kind[], x0: number, W: number, size: number, part: number, compact: boolean, spread = 0) => {
    const gut = size * 1.5;
    const gap = size * 1.1;
    const shown = SOURCES.filter((s) => kinds.includes(s.kind));
    // (The chapters' bracket is kept on one line: "(ch. 3, 9)" never breaks after "ch.".)
    const what = (key: string) => (compact ? chaptersOf(ctx.t(`for.${key}`)) : unbroken(ctx.t(`for.${key}`)));
    // Compact: the chapters' column as wide as its widest entry (or its head), at the table's right edge.
    const chW = Math.max(textWidth(ctx.t("table.chapters"), t.small), ...shown.map((s) => textWidth(what(s.key), size)));
    const nameW = compact
      ? W - gut - gap - chW
      : Math.min(Math.max(...shown.map((s) => textWidth(ctx.t(`sources.${s.key}`), size))), (W - gut - gap) * 0.42);
    const forX = compact ? x0 + W : x0 + gut + nameW + gap;
    const forW = x0 + W - forX;
    if (!compact && forW < size * 18) return null;
    if (compact && nameW < size * 8) return null;
    let y = plot.y0;
    const suffix = part ? `-${part}` : "";
    // The heads, one over each column.
    const anchor = compact ? "end" : "start";
    const marks: Mark[] = [
      ...lines(`th-voice-lbl${suffix}`, [ctx.t("table.voice")], x0 + gut, y + t.small * 0.85, t.small, "lbl lbl-note"),
      ...lines(
        `th-for-lbl${suffix}`,
        [ctx.t(compact ? "table.chapters" : "table.for")],
        forX,
        y + t.small * 0.85,
        t.small,
        "lbl lbl-note",
        anchor,
      ),
    ];
    y += t.small * LINE + size * 0.2;
    for (const kind of kinds) {
      y += size * 0.45 + (kind === kinds[0] ? 0 : spread);
      const rule = { x1: r1(x0), y1: r1(y), x2: r1(x0 + W), y2: r1(y), class: "table-rule" } as const;
      marks.push({ key: `rule-${kind}`, tag: "line", attrs: rule, enter: { opacity: 0 } });
      y += size * 0.45;
      const group = SOURCES.filter((v) => v.kind === kind);
      // The group's word, and after it how many voices it holds (a count of the story's voices: data, not a word).
      const word = ctx.t(`kinds.${kind}`);
      marks.push(...lines(`kind-${kind}-lbl`, [word], x0, y + t.small * 0.85, t.small, "lbl lbl-strong"));
      const nx = x0 + textWidth(word, t.small, true) + t.small * 0.45;
      marks.push(...lines(`kind-${kind}-n-lbl`, [String(group.length)], nx, y + t.small * 0.85, t.small, "lbl lbl-note"));
      y += t.small * LINE + size * 0.15;
      for (const s of group) {
        const name = wrapWidth(ctx.t(`sources.${s.key}`), size, nameW);
        const said = compact ? [what(s.key)] : wrapWidth(what(s.key), size, forW);
        marks.push(...kindMarker(`src-${s.key}`, kind, x0 + gut * 0.4, y + size * 0.5, size * 0.38));
        marks.push(...lines(`src-${s.key}-lbl`, name, x0 + gut, y + size * 0.85, size, "lbl"));
        marks.push(...lines(`src-${s.key}-for-lbl`, said, forX, y + size * 0.85, size, compact ? "lbl lbl-note" : "lbl", anchor));
        y += Math.max(name.length, said.length) * size * LINE + size * 0.3;
      }
    }
    return { marks, bottom: y };
  };
  // Where the table leaves room under it, the room goes between its groups (up to two lines' worth each; four on the
  // desktop, whose table is set at the label size), so that it stands over the plot rather than in its top half.
  // (on the desktop at most the label size: its labels stay near the prose's size, graphics review 46, item 10)
  const most = ctx.layout === "column" ? t.label : t.label * 1.2;
  for (const size of [most, t.label, t.small])
    for (const compact of [false, true]) {
      // (One line a voice at a shorter measure: its chapters not a screen's width from its name.)
      const W = Math.min(PW, size * (compact ? 30 : 44));
      const one = table(KINDS, plot.x0, W, size, 0, compact);
      if (!one || one.bottom > plot.y1) continue;
      const spread = Math.min(size * (ctx.layout === "column" ? 4 : 2), (plot.y1 - one.bottom) / (KINDS.length - 1));
      return table(KINDS, plot.x0, W, size, 0, compact, spread)!.marks;
    }
  // Two tables side by side: by name and unnamed; media and data.
  const gap = t.pad * 2;
  const W = (PW - gap) / 2;
  const halves = (compact: boolean) => [
    table(KINDS.slice(0, 2), plot.x0, W, t.small, 0, compact),
    table(KINDS.slice(2), plot.x0 + W + gap, W, t.small, 1, compact),
  ];
  const [a, b] = halves(false).every((h) => h && h.bottom <= plot.y1) ? halves(false) : halves(true);
  if (!a || !b)
    throw new Error(
      `unknowns, step "sources" (${ctx.layout}, ${Math.round(PW)} wide): the sources table does not fit even as two ` +
        `compact halves. Shorten the longest "for" entries or the note in content/labels/<lang>/unknowns.json.`,
    );
  return [...a.marks, ...b.marks];
}

/** How wide an "open" tag with the given word stands. */
function tagWidth(ctx: SceneContext, word: string): number {
  const t = typeOf(ctx);
  return t.small * 0.35 * 3 + t.small * 0.9 + textWidth(word, t.small);
}

/** A swatch `side` wide, its top left at (sx, sy): hatched (diagonals a quarter of its side apart, outlined: open) or solid (reported). */
function swatch(key: string, sx: number, sy: number, side: number, fill: "hatch" | "solid"): Mark {
  if (fill === "solid")
    return { key, tag: "rect", attrs: { x: r1(sx), y: r1(sy), width: r1(side), height: r1(side), class: "swatch-solid" } };
  const d = [1, 2, 3, 4, 5, 6, 7].map((k) => {
    const o = (k * side) / 4;
    const a = o <= side ? [sx + o, sy] : [sx + side, sy + o - side];
    const c = o <= side ? [sx, sy + o] : [sx + o - side, sy + side];
    return `M${r1(a[0]!)},${r1(a[1]!)} L${r1(c[0]!)},${r1(c[1]!)}`;
  });
  d.push(`M${r1(sx)},${r1(sy)} h${r1(side)} v${r1(side)} h${r1(-side)} Z`);
  return { key, tag: "path", attrs: { d: d.join(" "), class: "hatch" } };
}

/** A "not known" tag, its left edge at x, its top at y: a hatched swatch and the word, framed (the money step's parts). */
function unknownTag(ctx: SceneContext, key: string, x0: number, y: number, word: string): Mark[] {
  const t = typeOf(ctx);
  const sw = t.small * 0.9;
  const pad = t.small * 0.35;
  const w = tagWidth(ctx, word);
  const h = t.small * 1.5;
  const sx = x0 + pad;
  const sy = y + (h - sw) / 2;
  return [
    { key, tag: "rect", attrs: { x: r1(x0), y: r1(y), width: r1(w), height: r1(h), rx: 3, class: "tag" } },
    swatch(`${key}-hatch`, sx, sy, sw, "hatch"),
    ...lines(`${key}-lbl`, [word], sx + sw + pad, y + h / 2 + t.small * 0.35, t.small, "lbl"),
  ];
}

/**
 * The last picture's parts: the story's opening roadmap (chapter 1's last step), from the chip's top to the new data
 * centres under it, then the money, which has no shape of its own. Each with what the article reports of it (`rep`,
 * solid) and what stayed open (`open`, hatched): the labels `close.<part>.rep` and `close.<part>.open`.
 */
export const CLOSE_PARTS = ["fab", "memory", "design", "packaging", "dc", "money"] as const;
export type ClosePart = (typeof CLOSE_PARTS)[number];
export const STATUS: Record<ClosePart, readonly ("rep" | "open")[]> = {
  fab: ["open"],
  memory: ["rep"],
  design: ["rep", "open"],
  packaging: ["open"],
  dc: ["rep", "open"],
  money: ["rep", "open"],
};

interface Block {
  part: ClosePart;
  name: string[];
  items: { kind: "rep" | "open"; text: string[] }[];
  h: number;
  y: number;
  /** Its left edge: the column's, or the plot's where it runs across the foot. */
  x: number;
  /** Where its leader meets the chip's side, and where it ends on its part (none for the money). */
  entry?: number;
  d?: (x: number) => string;
}

/**
 * Where the announcement stands: across the plot's foot, or under the data centres, left of the parts' words; or
 * (`money`, on the phone) across the foot with the money, which has no part to be led to, over it, as wide as the plot.
 */
type Foot = "across" | "under" | "money";

/**
 * The last step, the story's last picture (graphics review 46, item 9: it was a text list): the picture the story
 * opened with, chapter 1's roadmap, OpenAI's planned chip (dashed) with its parts and the new data centres under it
 * (dashed racks), each part keyed by a leader to a block beside the chip: its name, then what the article reports of
 * it, each with a solid swatch and its voice, and what stayed open, each with a hatched swatch; the money last, no
 * shape of its own. The announcement the headline expected at the year's end: a large dashed milestone diamond
 * (expected, as planned things are drawn), named beside it (what Altman said of it, privately and in public, the step's
 * words tell: on the phone there was no room for it). Across the foot where it fits, else under the data centres. The largest type
 * and chip that fit, the type never over the sources table's before it, never under the least size.
 */
function closing(ctx: SceneContext, plot: Box): Mark[] {
  const t = typeOf(ctx);
  const W = plot.x1 - plot.x0;
  const tableSize = Math.max(...sourcing(ctx, plot).map((m) => (m.tag === "text" ? Number(m.attrs["font-size"]) : 0)));
  const sizes = [t.label * 1.1, t.label, t.small, t.least].filter((s, i, all) => s <= tableSize + 0.01 && all.indexOf(s) === i);
  // On the phone the chip large, its parts numbered, their words under it (graphics review 50, item 2).
  if (ctx.layout === "square")
    for (const size of sizes)
      for (let f = 0.62; f >= 0.299; f -= 0.02)
        for (const beside of [true, false]) {
          const r = composePhone(ctx, plot, { size, S: W * f, beside });
          if (r) return r;
        }
  for (const size of sizes)
    for (const feet of FEET[ctx.layout === "square" ? "phone" : "wide"])
      for (let f = 0.4; f >= 0.139; f -= 0.02)
        for (const foot of feet) {
          const r = compose(ctx, plot, { size, S: W * f, foot }, false);
          if (r) return r;
        }
  return compose(ctx, plot, { size: Math.min(...sizes), S: W * 0.14, foot: "under" }, true)!;
}

/** A part's block of words in a measure `w` wide (its items `indent` in from its name), and how tall it stands. */
function blockWords(ctx: SceneContext, part: ClosePart, size: number, w: number, indent: number) {
  const name = wrapWidth(ctx.t(`close.${part}.name`), size, w, true);
  const items = STATUS[part].map((kind) => ({ kind, text: wrapWidth(ctx.t(`close.${part}.${kind}`), size, w - indent) }));
  const h = (name.length + items.reduce((n, i) => n + i.text.length, 0)) * size * LINE + (items.length - 1) * size * 0.25;
  return { part, name, items, h };
}

/**
 * The feet tried, in groups: each group at every chip size, the largest first, before the next. On the phone (graphics
 * review 49, item 6: beside a chip 0.37 of its width the parts' words ran in a column of 12 sizes, two and three lines
 * an item, the announcement in four lines beside the money's) the money and the announcement go across its foot, one
 * under the other, at whatever chip size leaves the parts' words room: their measure before the chip's size.
 */
const FEET: Record<"phone" | "wide", readonly (readonly Foot[])[]> = {
  phone: [["money"], ["across", "under"]],
  wide: [["across", "under"]],
};

/** The last picture at type `size` and chip side `S`; null where it does not fit the plot (unless `force`). */
function compose(ctx: SceneContext, plot: Box, o: { size: number; S: number; foot: Foot }, force: boolean): Mark[] | null {
  const { size, S } = o;
  const lh = size * LINE;
  // The chip, its name above it (as chapter 1 names it), the new data centres under it.
  // (No wider than the chip and half its lane: the first leader leaves its words beside it.)
  const chipName = wrapWidth(ctx.t("chip"), size, S + size * 1.2, true);
  const top = plot.y0 + chipName.length * lh + size * 0.5;
  const cx = plot.x0 + S / 2;
  const cy = top + S / 2;
  const p = chipParts(cx, cy, S);
  const dc: Box = { x0: cx - S * 0.26, y0: p.sub.y1 + S * 0.14, x1: cx + S * 0.26, y1: p.sub.y1 + S * 0.56 };
  // The blocks' column right of the chip, the leaders' jogs in a lane between.
  const laneIn = p.sub.x1 + size * 0.6;
  const laneOut = p.sub.x1 + size * 1.8;
  const colX = p.sub.x1 + size * 2.4;
  const colW = plot.x1 - colX;
  if (colW < size * 10 && !force) return null;
  // The announcement: the diamond, its name beside it.
  const D = size * 2.4;
  const across = o.foot !== "under";
  const fx1 = across ? plot.x1 : colX - size * 1.2;
  const tx = plot.x0 + D + size * 0.8;
  const tw = fx1 - tx;
  if (tw < size * 6 && !force) return null;
  const aName = wrapWidth(ctx.t("close.announce"), size, tw, true);
  const footH = Math.max(D, aName.length * lh);
  // (Its last line's descenders clear of the caption's rule.)
  const fy = plot.y1 - footH - size * 0.3;
  const sw = size * 0.7;
  const indent = sw + size * 0.5;
  // The money across the plot over the announcement (`money`): its block as wide as the plot, from its left edge.
  const W = plot.x1 - plot.x0;
  const wide = o.foot === "money";
  const widthOf = (part: ClosePart) => (wide && part === "money" ? W : colW);
  const moneyH = wide ? blockWords(ctx, "money", size, W, indent).h : 0;
  const my0 = fy - size * 1.4 - moneyH;
  // The column's foot: over the money, or over the announcement across, or the plot's foot beside it.
  const uy1 = wide ? my0 - size * 1.4 : across ? fy - size * 1.4 : plot.y1;
  if (dc.y1 > (across ? uy1 : fy - size * 1.2) && !force) return null;
  const { box: fp, marks: design } = floorPlan("close-design", p.die);
  const r0 = p.stacks.r0;
  const at: Record<Exclude<ClosePart, "money">, { entry: number; d: (x: number) => string }> = {
    // Manufacturing: the die itself, over the upper stack to its top corner.
    fab: { entry: cy - S * 0.36, d: (x) => `${x},${r1(cy - S * 0.36)} H${r1(p.die.x1 - S * 0.05)} V${r1(p.die.y0 + S * 0.04)}` },
    memory: { entry: (r0.y0 + r0.y1) / 2, d: (x) => `${x},${r1((r0.y0 + r0.y1) / 2)} H${r1(r0.x1 - S * 0.03)}` },
    // Design: the die's floor plan, through the gap between the stacks.
    design: { entry: cy, d: (x) => `${x},${r1(cy)} H${r1(fp.x1 - S * 0.02)}` },
    // Packaging: the package, its substrate's edge (a dot where the leader ends, as the page's lead picture has it).
    packaging: { entry: cy + S * 0.36, d: (x) => `${x},${r1(cy + S * 0.36)} H${r1(p.sub.x1)}` },
    dc: { entry: (dc.y0 + dc.y1) / 2, d: (x) => `${x},${r1((dc.y0 + dc.y1) / 2)} H${r1(dc.x1 + S * 0.03)}` },
  };
  const blocks: Block[] = CLOSE_PARTS.map((part) => ({
    ...blockWords(ctx, part, size, widthOf(part), indent),
    y: 0,
    x: wide && part === "money" ? plot.x0 : colX,
    ...(part === "money" ? {} : at[part]),
  }));
  const column = blocks.filter((b) => !(wide && b.part === "money"));
  // Each block's name level with its part where it can be, pushed down past the block above, then up from the foot.
  const sep = size * 0.55;
  const lead = size * 0.5;
  let floor = plot.y0;
  for (const b of column) {
    b.y = Math.max(b.entry === undefined ? floor + size * 0.3 : b.entry - lead, floor);
    floor = b.y + b.h + sep;
  }
  let ceiling = uy1;
  for (const b of [...column].reverse()) {
    b.y = Math.min(b.y, ceiling - b.h);
    ceiling = b.y - sep;
  }
  if (column[0]!.y < plot.y0 - 0.5 && !force) return null;
  for (const b of blocks) if (!column.includes(b)) b.y = my0;

  const marks: Mark[] = [
    ...lines("chip-lbl", chipName, p.sub.x0, plot.y0 + size * 0.85, size, "lbl lbl-strong"),
    ...chipTop({ key: "chip", cx, cy, size: S, owner: "openai" }),
    ...design,
    ...racks("close-dc", dc, true),
  ];
  for (const b of blocks) {
    let y = b.y + size * 0.85;
    marks.push(...lines(`close-${b.part}-lbl`, b.name, b.x, y, size, "lbl lbl-strong"));
    y += b.name.length * lh;
    for (const i of b.items) {
      marks.push(swatch(`close-${b.part}-${i.kind}-sw`, b.x, y - size * 0.72, sw, i.kind === "rep" ? "solid" : "hatch"));
      marks.push(...lines(`close-${b.part}-${i.kind}-lbl`, i.text, b.x + indent, y, size, "lbl"));
      y += i.text.length * lh + size * 0.25;
    }
    if (b.entry === undefined || !b.d) continue;
    // Level out of the name, the jog in the lane, level into the chip at the part's height.
    const ly = b.y + lead;
    const d = `M${r1(colX - size * 0.3)},${r1(ly)} H${r1(laneOut)} L${b.d(r1(laneIn))}`;
    marks.push({ key: `close-${b.part}-leader`, tag: "path", attrs: { d, class: "leader", fill: "none" }, enter: { opacity: 0 } });
    if (b.part === "packaging")
      marks.push({
        key: "close-packaging-end",
        tag: "circle",
        attrs: { cx: r1(p.sub.x1), cy: r1(b.entry), r: r1(size * 0.22), class: "marker marker-muted" },
      });
  }
  // The announcement: a milestone diamond, dashed (expected), level with its name.
  const my = fy + Math.max(D, aName.length * lh) / 2;
  const mx = plot.x0 + D / 2;
  const diamond = `M${r1(mx)},${r1(my - D / 2)} L${r1(mx + D / 2)},${r1(my)} L${r1(mx)},${r1(my + D / 2)} L${r1(mx - D / 2)},${r1(my)} Z`;
  marks.push({ key: "announce-mark", tag: "path", attrs: { d: diamond, class: "box-schematic" }, enter: { opacity: 0 } });
  marks.push(...lines("announce-lbl", aName, tx, fy + Math.max(0, (D - aName.length * lh) / 2) + size * 0.85, size, "lbl lbl-strong"));
  return marks;
}

/**
 * The phone's parts, numbered left to right as their leaders stand over the chip: a stack of memory (the left top one),
 * the die (manufacturing), its floor plan (design), the substrate (packaging); then the data centres, beside the chip.
 */
export const PHONE_ORDER = ["memory", "fab", "design", "packaging", "dc"] as const;

/** Where a line of words first `w1` wide, then `w2`, breaks: the first line and the rest (the first empty where not even a word fits). */
function wrapFirst(text: string, size: number, w1: number, w2: number): [string, string[]] {
  const words = text.split(" ");
  let n = 0;
  while (n < words.length && textWidth(words.slice(0, n + 1).join(" "), size) <= w1) n++;
  const rest = words.slice(n).join(" ");
  return [words.slice(0, n).join(" "), rest ? wrapWidth(rest, size, w2) : []];
}

/**
 * The last picture on the phone (graphics review 50, item 2: beside a chip about 55 px wide five leaders ran into its
 * parts, and which words were whose could not be told): the chip large, at the plot's left, each part a numbered badge
 * over it, a short upright leader from the badge down into its part; its name and the new data centres (their badge
 * beside them) at its right, with the money where it fits; under it the parts' words, one part a line or more, each
 * after its part's badge: its name, then what was reported (solid swatch) and what stayed open (hatched), the first
 * on the name's line; the money (no shape, no badge) last, then the announcement across the foot. Null where it does
 * not fit the plot at chip side `S`.
 */
function composePhone(ctx: SceneContext, plot: Box, o: { size: number; S: number; beside: boolean }): Mark[] | null {
  const { size, S, beside } = o;
  const lh = size * LINE;
  const R = size * 0.68;
  const sw = size * 0.7;
  const indent = sw + size * 0.5;
  // The badges' row over the chip, the chip under it (its leaders a little longer than a badge).
  const badgeY = plot.y0 + R + 1;
  const top = badgeY + R + size * 0.8;
  const cx = plot.x0 + S / 2;
  const cy = top + S / 2;
  const p = chipParts(cx, cy, S);
  const { box: fp, marks: design } = floorPlan("close-design", p.die);
  // Each part's leader: its x over the chip, and where it ends in its part.
  const ends: Record<Exclude<ClosePart, "money" | "dc">, [number, number]> = {
    memory: [cx - S * 0.385, p.stacks.l0.y0 + S * 0.06],
    fab: [cx - S * 0.175, p.die.y0 + S * 0.05],
    design: [cx + S * 0.06, fp.y0 + S * 0.04],
    packaging: [cx + S * 0.42, cy - S * 0.4],
  };
  // Badges clear of each other and of the plot's left edge.
  const xs = Object.values(ends).map((e) => e[0]);
  if (xs.some((x, i) => i && x - xs[i - 1]! < R * 2 + size * 0.3) || xs[0]! - R < plot.x0) return null;
  // Right of the chip: its name, the data centres with their badge, the money where it fits.
  const colX = r1(p.sub.x1 + size);
  const colW = plot.x1 - colX;
  if (colW < size * 8) return null;
  const chipName = wrapWidth(ctx.t("chip"), size, colW, true);
  const rw = Math.min(colW - R * 2 - size * 1.2, S * 0.42);
  const rh = rw * 0.8;
  const dcY = plot.y0 + chipName.length * lh + size * 0.6 + Math.max(0, R - rh / 2);
  const dc: Box = { x0: colX + R * 2 + size * 1.2, y0: dcY, x1: colX + R * 2 + size * 1.2 + rw, y1: dcY + rh };
  const money = blockWords(ctx, "money", size, colW, indent);
  const moneyY = dc.y1 + size * 0.9;
  const bandY1 = Math.max(p.sub.y1, beside ? moneyY + money.h : dc.y1);

  // Under the chip, one part after another: its badge, its name, its first item on the name's line.
  const tx = plot.x0 + R * 2 + size * 0.45;
  const w2 = plot.x1 - tx - indent;
  type Row = {
    part: ClosePart;
    y: number;
    items: { kind: "rep" | "open"; sx: number; sy: number; first: [number, string]; rest: string[] }[];
  };
  const rows: Row[] = [];
  let y = bandY1 + size * 1.2 + size * 0.85;
  const order: ClosePart[] = [...PHONE_ORDER, ...(beside ? [] : (["money"] as const))];
  for (const part of order) {
    const row: Row = { part, y, items: [] };
    let x = tx + textWidth(ctx.t(`close.${part}.name`), size, true) + size * 0.6;
    for (const kind of STATUS[part]) {
      let [first, rest] = wrapFirst(ctx.t(`close.${part}.${kind}`), size, plot.x1 - x - indent, w2);
      if (!first) {
        y += lh;
        x = tx;
        [first, rest] = wrapFirst(ctx.t(`close.${part}.${kind}`), size, w2, w2);
      }
      row.items.push({ kind, sx: x, sy: y, first: [x + indent, first], rest });
      y += (rest.length + 1) * lh;
      x = tx;
    }
    rows.push(row);
    y += size * 0.35;
  }
  // The announcement across the foot: the diamond, its name beside it.
  const D = size * 2.4;
  const ax = plot.x0 + D + size * 0.8;
  const aName = wrapWidth(ctx.t("close.announce"), size, plot.x1 - ax, true);
  const footH = Math.max(D, aName.length * lh);
  const fy = plot.y1 - footH - size * 0.3;
  if (y - size * 0.85 + size * 0.8 > fy) return null;

  const marks: Mark[] = [
    ...lines("chip-lbl", chipName, colX, plot.y0 + size * 0.85, size, "lbl lbl-strong"),
    ...chipTop({ key: "chip", cx, cy, size: S, owner: "openai" }),
    ...design,
    ...racks("close-dc", dc, true),
  ];
  const badge = (part: ClosePart, bx: number, by: number, key = "badge"): Mark[] =>
    numberTag(`close-${part}-${key}`, `close-${part}-${key}-lbl`, String(PHONE_ORDER.indexOf(part as never) + 1), bx, by, R, size);
  const leader = (part: ClosePart, d: string): Mark => ({
    key: `close-${part}-leader`,
    tag: "path",
    attrs: { d, class: "leader", fill: "none" },
    enter: { opacity: 0 },
  });
  const end = (part: ClosePart, ex: number, ey: number): Mark => ({
    key: `close-${part}-end`,
    tag: "circle",
    attrs: { cx: r1(ex), cy: r1(ey), r: r1(size * 0.18), class: "marker marker-muted" },
  });
  for (const [part, [ex, ey]] of Object.entries(ends) as [ClosePart, [number, number]][]) {
    marks.push(...badge(part, ex, badgeY));
    marks.push(leader(part, `M${r1(ex)},${r1(badgeY + R)} V${r1(ey)}`), end(part, ex, ey));
  }
  // The data centres' badge left of their racks, a short level leader into them.
  const dy = (dc.y0 + dc.y1) / 2;
  marks.push(...badge("dc", colX + R, dy));
  marks.push(leader("dc", `M${r1(colX + R * 2)},${r1(dy)} H${r1(dc.x0 + rw * 0.06)}`), end("dc", dc.x0 + rw * 0.06, dy));
  if (beside) {
    let my = moneyY + size * 0.85;
    marks.push(...lines("close-money-lbl", money.name, colX, my, size, "lbl lbl-strong"));
    my += money.name.length * lh;
    for (const i of money.items) {
      marks.push(swatch(`close-money-${i.kind}-sw`, colX, my - size * 0.72, sw, i.kind === "rep" ? "solid" : "hatch"));
      marks.push(...lines(`close-money-${i.kind}-lbl`, i.text, colX + indent, my, size, "lbl"));
      my += i.text.length * lh + size * 0.25;
    }
  }
  for (const row of rows) {
    if (row.part !== "money") marks.push(...badge(row.part, plot.x0 + R, row.y - size * 0.35, "key"));
    marks.push(...lines(`close-${row.part}-lbl`, [ctx.t(`close.${row.part}.name`)], tx, row.y, size, "lbl lbl-strong"));
    for (const i of row.items) {
      const key = `close-${row.part}-${i.kind}`;
      marks.push(swatch(`${key}-sw`, i.sx, i.sy - size * 0.72, sw, i.kind === "rep" ? "solid" : "hatch"));
      marks.push(...lines(`${key}-lbl`, [i.first[1]], i.first[0], i.sy, size, "lbl"));
      marks.push(...lines(`${key}-lbl`, i.rest, tx + indent, i.sy + lh, size, "lbl").map((m, k) => ({ ...m, key: `${key}-lbl-${k + 1}` })));
    }
  }
  const my = fy + footH / 2;
  const mx = plot.x0 + D / 2;
  const diamond = `M${r1(mx)},${r1(my - D / 2)} L${r1(mx + D / 2)},${r1(my)} L${r1(mx)},${r1(my + D / 2)} L${r1(mx - D / 2)},${r1(my)} Z`;
  marks.push({ key: "announce-mark", tag: "path", attrs: { d: diamond, class: "box-schematic" }, enter: { opacity: 0 } });
  marks.push(...lines("announce-lbl", aName, ax, fy + Math.max(0, (D - aName.length * lh) / 2) + size * 0.85, size, "lbl lbl-strong"));
  return marks;
}
