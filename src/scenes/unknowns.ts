// Scene "unknowns" (chapter 9): the open questions. First step: the plan's three objects,
// large, one a row, drawn as the story drew them: OpenAI's planned chip (src/scenes/chip.ts,
// dashed), the planned data-centre company as chapters 3 and 4 draw it (a rust dashed box
// named planned, smaller; graphics review 42, item 10) and the sum sought as chapter 5's blue
// squares (25 a row, a row $1tn, each $40bn; drawn smaller than chapter 5 draws them, so the
// key does not call it chapter 5's unit: review 42, item 6); beside each its name, an "open" tag (its empty square) and the open question.
// Second and last: the story's last picture (graphics review 46, item 9: a text list had ended it), the picture it
// opened with, chapter 1's roadmap chip, each part led to a block of words beside it. Second, whose word each part
// rests on, a small source badge under its name (graphics review 51, item 2: this step had been a sourcing table; the
// voices in full are in the step's words and the page's sources). Last, what the article reports of each part (solid
// swatch) and what stayed open (empty), and the announcement the headline expected at the year's end, a dashed
// diamond with a callout of at most five words; on the phone too each part's statements beside their swatches (review 52,
// item 1: swatches alone beside its name, with a source badge, had said nothing of what was known), no source badges.
import type { Mark, SceneContext } from "../story/types.ts";
import { defineScene } from "./defineScene.ts";
import { dot, r1 } from "./shapes.ts";
import { captionStrip, LINE, lines, steadyPlot, typeOf, type Box } from "./figure.ts";
import { chipParts, chipTop, floorPlan, racks } from "./chip.ts";
import { textWidth, wrapWidth } from "./text.ts";
import { grid, PER_ROW, rowsOf, squares } from "./unitGrid.ts";

const STATES = ["money", "sources", "announcement"] as const;
type State = (typeof STATES)[number];

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
    if (state === "sources") marks.push(...closing(ctx, plot, "sources"));
    if (state === "money") for (const row of geometry(ctx, plot, wide).rows) marks.push(...part(ctx, row));
    if (state === "announcement") marks.push(...closing(ctx, plot, "facts"));
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
  const heights = () => [rowH(0, size), rowH(1, boxH(size, t.small)), rowH(2, pitchMax * rowsOf(n))];
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
    const oh = p === "chip" ? size : p === "company" ? boxH(size, t.small) : pitchMax * rowsOf(n);
    // (The company's box never narrower than its word "planned" and a pad: see boxH.)
    const planned = textWidth(ctx.t("planned"), t.small) + t.small * 1.2;
    const ow = p === "chip" ? size : p === "company" ? Math.max(Math.min(size, w), planned) : gridW;
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
// (Never under its word "planned" and a little room: in the print figure, under a two-line German key, the box had
// shrunk onto its word.)
const boxH = (size: number, small: number) => Math.max(size * 0.42, small * 1.7);

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
 * A source badge's marker, centred on (cx, cy), `r` its half-size, in the grey of everyone else, told apart by shape
 * only (its word beside it, so no shape stands alone), all three filled alike: a triangle for the unnamed (insiders,
 * an executive), a plus for a media report, a star for the article itself. No square, no circle, no diamond: in this
 * chapter a square is a statement's state (filled reported, empty open), a circle a part's number, the diamond the
 * announcement (graphics review 56, item 3: an outlined page for the article had read as the empty "open" square, a
 * grey dot for a media report as the leaders' end dots). Not the money's blue (graphics review 50, item 5).
 */
export const SOURCE_SHAPE: Record<SourceKind, "triangle" | "plus" | "star"> = { anon: "triangle", media: "plus", article: "star" };
function kindMarker(key: string, kind: SourceKind, cx: number, cy: number, r: number): Mark {
  const at = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${r1(cx + x * r)},${r1(cy + y * r)}`).join(" L")} Z`;
  const shape = SOURCE_SHAPE[kind];
  const a = 0.34;
  const pts: [number, number][] =
    shape === "triangle"
      ? [
          [0, -1.05],
          [1.05, 0.8],
          [-1.05, 0.8],
        ]
      : shape === "plus"
        ? [
            [-a, -1],
            [a, -1],
            [a, -a],
            [1, -a],
            [1, a],
            [a, a],
            [a, 1],
            [-a, 1],
            [-a, a],
            [-1, a],
            [-1, -a],
            [-a, -a],
          ]
        : [...Array(10).keys()].map((k) => {
            const ang = -Math.PI / 2 + (k * Math.PI) / 5;
            const d = k % 2 ? 0.62 : 1.4;
            return [Math.cos(ang) * d, Math.sin(ang) * d + 0.08] as [number, number];
          });
  return { key, tag: "path", attrs: { d: at(pts), class: "marker marker-muted" } };
}

/** The sources' key across the plot's foot, its baseline at y: each badge's marker, then whose word it stands for. */
function sourceKey(ctx: SceneContext, x0: number, y: number, size: number): Mark[] {
  const sw = size * 0.7;
  const marks: Mark[] = [];
  let x = x0;
  for (const kind of ["anon", "media", "article"] as const) {
    const word = ctx.t(`source-key.${kind}`);
    marks.push(kindMarker(`source-key-${kind}-mark`, kind, x + sw / 2, y - size * 0.36, sw * 0.5));
    marks.push(...lines(`source-key-${kind}-lbl`, [word], x + sw + size * 0.5, y, size, "lbl lbl-note"));
    x += sw + size * 0.5 + textWidth(word, size) + size * 1.2;
  }
  return marks;
}

/** How wide an "open" tag with the given word stands. */
function tagWidth(ctx: SceneContext, word: string): number {
  const t = typeOf(ctx);
  return t.small * 0.35 * 3 + t.small * 0.9 + textWidth(word, t.small);
}

/**
 * A swatch `side` wide, its top left at (sx, sy): solid (reported) or empty, an outline (open). The chapter's one code
 * for what is known, in every step (graphics review 56, item 3; review 55, item 4: hatched squares of 6 pt read as
 * solid in print, so the first step's "open" tag carries the empty square too).
 */
function swatch(key: string, sx: number, sy: number, side: number, fill: "solid" | "open"): Mark {
  return {
    key,
    tag: "rect",
    attrs: { x: r1(sx), y: r1(sy), width: r1(side), height: r1(side), class: fill === "solid" ? "swatch-solid" : "swatch-open" },
  };
}

/** A "not known" tag, its left edge at x, its top at y: the empty ("open") swatch and the word, framed (the money step's parts). */
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
    swatch(`${key}-sw`, sx, sy, sw, "open"),
    ...lines(`${key}-lbl`, [word], sx + sw + pad, y + h / 2 + t.small * 0.35, t.small, "lbl"),
  ];
}

/**
 * The last picture's parts: the story's opening roadmap (chapter 1's last step), from the chip's top to the new data
 * centres under it, then the money, which has no shape of its own. Each with what the article reports of it (`rep`,
 * solid) and what stayed open (`open`, empty): the labels `close.<part>.rep` and `close.<part>.open`.
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

/**
 * Whose word each part's report rests on (the second step's badges; the voices in full are in the step's words and the
 * page's sources): insiders (unnamed), a media report (The Information, the Wall Street Journal), or the article
 * itself, which names no maker and no packaging. The words are the labels `close.<part>.src`.
 */
export const SOURCE_KIND: Record<ClosePart, SourceKind> = {
  fab: "article",
  memory: "anon",
  design: "media",
  packaging: "article",
  dc: "anon",
  money: "media",
};
export type SourceKind = "article" | "anon" | "media";

/**
 * What a part's block says: `sources`, its name and its source badge (the second step); `facts`, its name, what was
 * reported (solid swatch) and what stayed open (empty), in the article's words (the last step);
 * On the phone as elsewhere (graphics review 52, item 1: there a `brief`, its name and bare swatches, had said nothing).
 */
export type Mode = "sources" | "facts";

interface Block {
  part: ClosePart;
  name: string[];
  items: { kind: "rep" | "open" | "src"; text: string[] }[];
  h: number;
  y: number;
  x: number;
  /** Its number's place on its part (none for the money). */
  pin?: readonly [number, number];
}

/** Where the announcement stands: across the plot's foot, or under the data centres, left of the parts' words. */
type Foot = "across" | "under";

/**
 * The second and the last step: the story's last picture (graphics review 46, item 9: it was a text list; review 51,
 * item 2: the sources had been a table, the phone's parts a numbered list): the picture the story opened with,
 * chapter 1's roadmap, OpenAI's planned chip (dashed) with its parts and the new data centres under it (dashed racks),
 * each part keyed by a leader to a block beside the chip (see `Mode`); the money last, no shape of its own. In the
 * last step the announcement the headline expected at the year's end: a large dashed milestone diamond (expected, as
 * planned things are drawn) with a callout of at most five words (the headline's hedge is in the key and the step's
 * words). Across the foot where it fits, else under the data centres. The largest type and chip that fit.
 */
function closing(ctx: SceneContext, plot: Box, mode: Mode): Mark[] {
  const t = typeOf(ctx);
  const W = plot.x1 - plot.x0;
  // (On the desktop at most the label size: its labels stay near the prose's size, graphics review 46, item 10.)
  const most = ctx.layout === "column" ? t.label : t.label * 1.1;
  const sizes = [most, t.label, t.small, t.least].filter((s, i, all) => all.indexOf(s) === i);
  for (const size of sizes)
    for (let f = mode === "facts" ? 0.4 : 0.56; f >= 0.139; f -= 0.02)
      for (const foot of ["across", "under"] as const) {
        const r = compose(ctx, plot, { size, S: W * f, foot, mode }, false);
        if (r) return r;
      }
  return compose(ctx, plot, { size: Math.min(...sizes), S: W * 0.14, foot: "under", mode }, true)!;
}

/** A part's number in a small circle centred on (x, y), `r` its radius, the number at the words' size. */
function numberPin(key: string, no: string, x: number, y: number, r: number, size: number): Mark[] {
  return [
    { key, tag: "circle", attrs: { cx: r1(x), cy: r1(y), r: r1(r), class: "tag" } },
    ...lines(`${key}-lbl`, [no], x, y + size * 0.35, size, "lbl lbl-strong", "middle"),
  ];
}

/** The dot that ends a leader on its part. */
const endDot = (key: string, x: number, y: number, size: number): Mark => ({
  key,
  tag: "circle",
  attrs: { cx: r1(x), cy: r1(y), r: r1(size * 0.22), class: "marker marker-muted" },
});

/** A part's block of words in a measure `w` wide (its items `indent` in from its name), and how tall it stands. */
function blockWords(ctx: SceneContext, part: ClosePart, size: number, w: number, indent: number, mode: Mode) {
  const name = wrapWidth(ctx.t(`close.${part}.name`), size, w, true);
  const items =
    mode === "facts"
      ? STATUS[part].map((kind) => ({ kind, text: wrapWidth(ctx.t(`close.${part}.${kind}`), size, w - indent) }))
      : [{ kind: "src" as const, text: wrapWidth(ctx.t(`close.${part}.src`), size, w - indent) }];
  const h = (name.length + items.reduce((n, i) => n + i.text.length, 0)) * size * LINE + (items.length - 1) * size * 0.25;
  return { part, name, items, h };
}

/** The last picture at type `size` and chip side `S`; null where it does not fit the plot (unless `force`). */
function compose(ctx: SceneContext, plot: Box, o: { size: number; S: number; foot: Foot; mode: Mode }, force: boolean): Mark[] | null {
  const { size, S, mode } = o;
  const lh = size * LINE;
  const announce = mode !== "sources";
  // The chip, its name above it (as chapter 1 names it), the new data centres under it.
  // (No wider than the chip and a little: the gutter's first number stands beside it, graphics review 56, item 4.)
  const chipName = wrapWidth(ctx.t("chip"), size, S + size * 0.5, true);
  const top = plot.y0 + chipName.length * lh + size * 0.5;
  const cx = plot.x0 + S / 2;
  const cy = top + S / 2;
  const p = chipParts(cx, cy, S);
  const dc: Box = { x0: cx - S * 0.26, y0: p.sub.y1 + S * 0.14, x1: cx + S * 0.26, y1: p.sub.y1 + S * 0.56 };
  // The blocks' column right of the chip, each part's number in a gutter between (graphics review 56, item 4: leaders
  // from the words to the parts had tangled on the phone; the parts are numbered on the chip instead, no leaders).
  const nr = size * 0.68;
  if (nr > S * 0.1 && !force) return null;
  const colX = p.sub.x1 + size * 2.4;
  const colW = plot.x1 - colX;
  if (colW < size * (mode === "facts" ? 10 : 7) && !force) return null;
  // The announcement: the diamond, its callout beside it (none in the sources' step: the foot is the plot's).
  const D = size * 2.4;
  const across = o.foot === "across";
  const fx1 = across ? plot.x1 : colX - size * 1.2;
  const tx = plot.x0 + D + size * 0.8;
  const tw = fx1 - tx;
  if (announce && tw < size * 6 && !force) return null;
  const aName = announce ? wrapWidth(ctx.t("close.announce"), size, tw, true) : [];
  // (In the sources' step the foot is the badges' key, drawn: graphics review 52, item 1, it had been only named.)
  if (!announce && !across && !force) return null;
  const footH = announce ? Math.max(D, aName.length * lh) : lh;
  // (Its last line's descenders clear of the caption's rule.)
  const fy = plot.y1 - footH - size * 0.3;
  // (The badges' width; the swatches a little larger, a capital's height and more: in print the hatched one had read as
  // the solid at 6 pt, graphics review 55, item 4.)
  const sw = size * 0.7;
  const ss = size * 0.8;
  const indent = ss + size * 0.5;
  // The column's foot: over the announcement across, or the plot's foot beside it.
  // (Its last line's descenders clear of the caption's rule, as the announcement's are.)
  const uy1 = across ? fy - size * 1.4 : plot.y1 - size * 0.3;
  if (dc.y1 > (across ? uy1 : fy - size * 1.2) && !force) return null;
  const { box: fp, marks: design } = floorPlan("close-design", p.die);
  const r0 = p.stacks.r0;
  // Each part's number beside its point, clear of the others' outlines: on the die's top edge (the maker), astride the
  // right stacks (memory), on the floor plan (design), in the substrate's free corner (packaging), right of the racks.
  const at: Record<Exclude<ClosePart, "money">, { pin: readonly [number, number] }> = {
    fab: { pin: [cx, p.die.y0] },
    memory: { pin: [(r0.x0 + r0.x1) / 2, cy] },
    design: { pin: [(fp.x0 + fp.x1) / 2, (fp.y0 + fp.y1) / 2] },
    packaging: { pin: [cx - S * 0.36, cy + S * 0.36] },
    dc: { pin: [dc.x1 + size * 0.25 + nr, (dc.y0 + dc.y1) / 2] },
  };
  const blocks: Block[] = CLOSE_PARTS.map((part) => ({
    ...blockWords(ctx, part, size, colW, indent, mode),
    y: 0,
    x: colX,
    ...(part === "money" ? {} : at[part]),
  }));
  // The blocks one under the other from the chip's top (the numbers join them to their parts: no need to stand level
  // with them), then up from the foot where they run past it.
  const sep = size * 0.55;
  let floor = p.sub.y0;
  for (const b of blocks) {
    b.y = floor + (b.pin ? 0 : size * 0.3);
    floor = b.y + b.h + sep;
  }
  let ceiling = uy1;
  for (const b of [...blocks].reverse()) {
    b.y = Math.min(b.y, ceiling - b.h);
    ceiling = b.y - sep;
  }
  if (blocks[0]!.y < plot.y0 - 0.5 && !force) return null;

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
      if (i.kind === "src")
        marks.push(kindMarker(`close-${b.part}-src-mark`, SOURCE_KIND[b.part], b.x + sw / 2, y - size * 0.36, sw * 0.5));
      else marks.push(swatch(`close-${b.part}-${i.kind}-sw`, b.x, y - size * 0.76, ss, i.kind === "rep" ? "solid" : "open"));
      const cls = i.kind === "src" ? "lbl lbl-note" : "lbl";
      marks.push(...lines(`close-${b.part}-${i.kind}-lbl`, i.text, b.x + indent, y, size, cls));
      y += i.text.length * lh + size * 0.25;
    }
    if (!b.pin) continue;
    // Its number twice: beside its name, and on its part.
    const no = String(CLOSE_PARTS.indexOf(b.part) + 1);
    marks.push(...numberPin(`close-${b.part}-no`, no, colX - size * 0.35 - nr, b.y + size * 0.5, nr, size));
    marks.push(...numberPin(`close-${b.part}-pin`, no, b.pin[0], b.pin[1], nr, size));
  }
  if (!announce) return [...marks, ...sourceKey(ctx, plot.x0, fy + size * 0.85, size)];
  // The announcement: a milestone diamond, dashed (expected), level with its callout.
  const my = fy + footH / 2;
  const mx = plot.x0 + D / 2;
  const diamond = `M${r1(mx)},${r1(my - D / 2)} L${r1(mx + D / 2)},${r1(my)} L${r1(mx)},${r1(my + D / 2)} L${r1(mx - D / 2)},${r1(my)} Z`;
  marks.push({ key: "announce-mark", tag: "path", attrs: { d: diamond, class: "box-schematic" }, enter: { opacity: 0 } });
  // Tied to the chip it would announce (graphics review 55, item 4: the diamond stood connected to nothing): a leader
  // from its top corner up to the package's foot, left of the data centres' racks (a jog left where the diamond stands
  // under them), a dot where it meets the chip.
  const lx = Math.min(mx, (p.sub.x0 + dc.x0) / 2);
  const jog = (dc.y1 + my - D / 2) / 2;
  const link =
    lx === mx ? `M${r1(mx)},${r1(my - D / 2)} V${r1(p.sub.y1)}` : `M${r1(mx)},${r1(my - D / 2)} V${r1(jog)} H${r1(lx)} V${r1(p.sub.y1)}`;
  marks.push({ key: "announce-leader", tag: "path", attrs: { d: link, class: "leader", fill: "none" }, enter: { opacity: 0 } });
  marks.push(endDot("announce-end", lx, p.sub.y1, size));
  marks.push(...lines("announce-lbl", aName, tx, fy + Math.max(0, (D - aName.length * lh) / 2) + size * 0.85, size, "lbl lbl-strong"));
  return marks;
}
