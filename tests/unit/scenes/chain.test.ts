// Scene "chain": chapter 1, the chip Altman wants (and the page's lead picture).
// What each state must show, in every layout: NVIDIA's GPU (ink die) joined by a
// heavy ink line to the racks OpenAI's models run on, OpenAI's dot under them;
// OpenAI's own chip, planned (rust dashed die), linked dashed to the racks; the
// TPU veteran beside it; last, the planned chip's parts keyed by leaders. Words
// are checked against the labels (ctx.t), never literals; no fact value is pinned.

import { describe, expect, it } from "vitest";
import { pathPoints } from "../../../src/scenes/pathData.ts";
import { chain } from "../../../src/scenes/chain.ts";
import { PARTS } from "../../../src/scenes/chainParts.ts";
import { leadMarks } from "../../../src/scenes/chainLead.ts";
import { overlaps, steadyPlot, textBox, typeOf, type Box } from "../../../src/scenes/figure.ts";
import { PHONE_LAYOUT } from "../../../src/render/zoom.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { readPath } from "../../../src/scenes/pathData.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { builtMarks, ctxFor, find, labelText, LANGS, num, realStory, texts, unscope } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof chain.states)[number];
/** Chapter 1's steps: every state but the page's lead picture ("lead", src/scenes/chainLead.ts), which no step shows. */
const STEPS = chain.states.filter((s) => s !== "lead");
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const boxOf = (m: Mark): Box => ({
  x0: num(m, "x"),
  y0: num(m, "y"),
  x1: num(m, "x") + num(m, "width"),
  y1: num(m, "y") + num(m, "height"),
});
const mid = (b: Box): [number, number] => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
const words = (s: string | undefined) => s?.replace(/[\s\u00a0]+/g, " ");
const labelBox = (marks: Mark[], key: string): Box => {
  const bs = texts(marks)
    .filter((m) => m.key.replace(/-\d+$/, "") === key)
    .map(textBox);
  expect(bs.length, key).toBeGreaterThan(0);
  return {
    x0: Math.min(...bs.map((b) => b.x0)),
    y0: Math.min(...bs.map((b) => b.y0)),
    x1: Math.max(...bs.map((b) => b.x1)),
    y1: Math.max(...bs.map((b) => b.y1)),
  };
};
/** A part's words in the last step: its name, and the line under it where one is drawn (the phone: the manufacturing's only). */
const partBoxes = (marks: Mark[], key: string): Box[] =>
  [`part-${key}-lbl`, `part-${key}-to-lbl`].filter((k) => find(marks, `${k}-0`)).map((k) => labelBox(marks, k));
const racksBox = (marks: Mark[], key = "racks"): Box => {
  const rs = [0, 1, 2].map((i) => boxOf(find(marks, `${key}-${i}`)!));
  return { x0: rs[0]!.x0, y0: rs[0]!.y0, x1: rs[2]!.x1, y1: rs[0]!.y1 };
};
const within = ([x, y]: [number, number], b: Box, slack = 0.5) =>
  x >= b.x0 - slack && x <= b.x1 + slack && y >= b.y0 - slack && y <= b.y1 + slack;

type Pt = readonly [number, number];
const orient = (a: Pt, b: Pt, c: Pt) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
/** Whether two segments cross or touch (beyond a shared end). */
function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const same = (p: Pt, q: Pt) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.5;
  if (same(a, c) || same(a, d) || same(b, c) || same(b, d)) return false;
  const [o1, o2, o3, o4] = [orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)];
  if (o1 !== o2 && o3 !== o4) return true;
  const on = (p: Pt, q: Pt, r: Pt) =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return (o1 === 0 && on(a, b, c)) || (o2 === 0 && on(a, b, d)) || (o3 === 0 && on(c, d, a)) || (o4 === 0 && on(c, d, b));
}
/** Whether a segment runs through a box (Liang–Barsky clipping). */
function segmentInBox(a: Pt, b: Pt, box: Box): boolean {
  let [t0, t1] = [0, 1];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  for (const [p, q] of [
    [-dx, a[0] - box.x0],
    [dx, box.x1 - a[0]],
    [-dy, a[1] - box.y0],
    [dy, box.y1 - a[1]],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  return t0 < t1;
}
const inset = (b: Box, d: number): Box => ({ x0: b.x0 + d, y0: b.y0 + d, x1: b.x1 - d, y1: b.y1 - d });
/** A link's line (M … Q …, src/scenes/shapes.ts link) as points along it, every fiftieth of its way. */
function curvePoints(d: string): Pt[] {
  const [m, q] = readPath(d);
  const a = m!.points.at(-1)!;
  if (!q || q.cmd !== "Q")
    return [
      a,
      ...readPath(d)
        .slice(1)
        .map((c) => c.points.at(-1)!),
    ];
  const [ctrl, b] = [q.points[0]!, q.points[1]!];
  return Array.from({ length: 51 }, (_, i) => {
    const t = i / 50;
    const u = 1 - t;
    return [u * u * a[0] + 2 * u * t * ctrl[0] + t * t * b[0], u * u * a[1] + 2 * u * t * ctrl[1] + t * t * b[1]] as const;
  });
}

/** The last step as the upright phone's stage draws it (composed for its room), its keys as the scene gives them. */
function stageMarks(lang: "en" | "de"): Mark[] {
  const step = realStory()
    .compiled.chapters[lang]!.flatMap((c) => c.steps)
    .find((st) => st.key.endsWith("/roadmap"))!;
  return unscope(step.marks[PHONE_LAYOUT]!);
}

describe("chain, as built on its stages", () => {
  // Graphics review 51, item 1: on the German phone the search's words stood on the planned chip (the piece's one key
  // had taken a caption line from the stage, the words found no room under the chip and were set where they collided).
  it.each(LAYOUT_LIST.flatMap((layout) => LANGS.map((lang) => [layout, lang] as const)))(
    "own-chips (%s, %s): the search's words stand under the planned chip, clear of it",
    (layout, lang) => {
      const marks = builtMarks("chain", lang, "own-chips", layout);
      if (!marks) throw new Error(`no built stage for chain ${lang} ${layout}`);
      const plan = boxOf(find(marks, "plan-sub")!);
      const since = labelBox(marks, "since-lbl");
      expect(since.y0).toBeGreaterThan(plan.y1);
    },
  );

  // Graphics review 53, item 9: connectors and wraps set by hand. The plan's dashed line to the racks ended beside the
  // third rack's corner on the desktop: it ends at an anchor, the middle of the racks' top (from above) or of their
  // side (level), or, on the phone, straight above a rack's middle. "dependence / on / NVIDIA's chips" broke into three
  // ragged lines on the phone: at most two, of about one width. On a phone on its side "Data centers" touched the
  // dashed racks: their words stand clear of them by most of the small type, a leader between.
  it.each(LAYOUT_LIST.flatMap((layout) => LANGS.map((lang) => [layout, lang] as const)))(
    "(%s, %s): the plan's line ends on an anchor of the racks; the dependence's words in two balanced lines at most; the data centres' words clear of their racks",
    (layout, lang) => {
      const t = typeOf(ctxFor("chain", layout, lang));
      for (const state of STEPS) {
        const marks = builtMarks("chain", lang, state, layout)!;
        const dep = texts(marks).filter((m) => m.key.replace(/-\d+$/, "") === "dependence-lbl");
        expect(dep.length, `${state}: dependence lines`).toBeLessThanOrEqual(2);
        if (dep.length === 2) {
          const [a, b] = dep.map((m) => textBox(m).x1 - textBox(m).x0) as [number, number];
          expect(Math.min(a, b) / Math.max(a, b), `${state}: "${dep[0]!.text}" / "${dep[1]!.text}"`).toBeGreaterThan(0.6);
        }
        const link = find(marks, "plan-link");
        if (!link) continue;
        const r = racksBox(marks);
        const [x, y] = pathPoints(String(link.attrs.d)).at(-1)!;
        const rack = boxOf(find(marks, "racks-2")!);
        const anchors: [number, number][] = [
          [(r.x0 + r.x1) / 2, r.y0],
          [r.x1, (r.y0 + r.y1) / 2],
          ...(layout === "square" ? [[(rack.x0 + rack.x1) / 2, r.y0] as [number, number]] : []),
        ];
        const near = Math.min(...anchors.map(([ax, ay]) => Math.hypot(x - ax, y - ay)));
        expect(near, `${state}: plan's line ends at ${x},${y}`).toBeLessThanOrEqual(8);
      }
      const road = builtMarks("chain", lang, "roadmap", layout)!;
      const nr = racksBox(road, "new-racks");
      for (const box of partBoxes(road, "dc")) {
        const clear = Math.max(box.x0 - nr.x1, nr.x0 - box.x1, nr.y0 - box.y1, box.y0 - nr.y1);
        expect(clear, "data centres' words off their racks").toBeGreaterThanOrEqual(Math.max(4, t.small * 0.8));
      }
    },
  );
});

describe("chain", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("chain", layout, "en");
    const at = (state: State) => chain.marks(state, ctx);

    it("keeps the racks, OpenAI's dot under them and the planned chip in one place from step to step", () => {
      const first = at("dependence");
      for (const state of STEPS) {
        const marks = at(state);
        // In place and unchanged, named the same: the racks keep their meaning in every step (the new data centres are a shape of their own).
        for (const key of ["racks-0", "racks-2", "hero"])
          expect(find(marks, key)!.attrs, `${state} ${key}`).toEqual(find(first, key)!.attrs);
        expect(classes(find(marks, "racks-0")), state).toEqual(["rack"]);
        expect(words(labelText(marks, "racks-lbl")), state).toBe(words(ctx.t("racks")));
        if (state !== "roadmap") expect(find(marks, "new-racks-0"), state).toBeUndefined();
        const hero = find(marks, "hero")!;
        expect(classes(hero)).toContain("marker-hero");
        expect(mid(boxOf(hero))[1]).toBeGreaterThan(racksBox(marks).y1);
        expect(labelText(marks, "hero-lbl")).toBe(ctx.t("openai"));
        // The planned chip keeps its place to the end: it stands beside NVIDIA's, never in its place.
        if (state !== "dependence") expect(find(marks, "plan-sub")!.attrs, state).toEqual(find(at("own-chips"), "plan-sub")!.attrs);
        // NVIDIA's GPU is drawn in every step and keeps its place from the first (graphics review 44, item 7: centred over
        // the racks in the first step, it jumped aside as the plan came, as if the figure re-centred); only on the phone,
        // in the last step, it steps aside, small, for the parts' words (graphics review 46, item 5: it vanished there).
        const gpu = find(marks, "gpu-sub");
        expect(gpu, `${state} gpu-sub`).toBeDefined();
        if (layout !== "square" || state !== "roadmap") expect(boxOf(gpu!), `${state} gpu-sub`).toEqual(boxOf(find(first, "gpu-sub")!));
      }
    });

    it("dependence (the lead picture): NVIDIA's GPU with an ink die, a heavy ink line to the racks, each named; no plan yet", () => {
      const marks = at("dependence");
      const sub = boxOf(find(marks, "gpu-sub")!);
      const die = boxOf(find(marks, "gpu-die")!);
      expect(classes(find(marks, "gpu-die"))).toContain("die-ink");
      // The die is 0.46 of the substrate, in its middle; two stacks either side.
      expect((die.x1 - die.x0) / (sub.x1 - sub.x0)).toBeCloseTo(0.46, 2);
      expect(mid(die)[0]).toBeCloseTo(mid(sub)[0], 0);
      for (const id of ["l0", "l1", "r0", "r1"]) expect(find(marks, `gpu-hbm-${id}`)?.tag).toBe("rect");
      expect(classes(find(marks, "dependence"))).toEqual(expect.arrayContaining(["arc", "arc-ink", "arc-strong"]));
      const d = readPath(String(find(marks, "dependence")!.attrs.d));
      const [sx, sy] = d[0]!.points[0]!;
      const [ex, ey] = d.at(-1)!.points.at(-1)!;
      expect(within([sx!, sy!], sub, 8), "from the GPU").toBe(true);
      expect(within([ex!, ey!], racksBox(marks), 8), "to the racks").toBe(true);
      expect(words(labelText(marks, "dependence-lbl"))).toBe(words(ctx.t("dependence")));
      expect(words(labelText(marks, "gpu-lbl"))).toBe(words(ctx.t("gpu")));
      expect(labelBox(marks, "gpu-lbl").y1).toBeLessThan(sub.y0);
      expect(words(labelText(marks, "racks-lbl"))).toBe(words(ctx.t("racks")));
      expect(find(marks, "plan-die")).toBeUndefined();
    });

    it("own-chips: OpenAI's own chip, planned: a rust dashed die beside NVIDIA's, a dashed line to the racks, the search since last year under it", () => {
      const marks = at("own-chips");
      expect(classes(find(marks, "plan-die"))).toContain("die-plan");
      expect(classes(find(marks, "plan-link"))).toEqual(expect.arrayContaining(["arc", "arc-plan"]));
      const plan = boxOf(find(marks, "plan-sub")!);
      const gpu = boxOf(find(marks, "gpu-sub")!);
      expect(plan.x0).toBeGreaterThan(gpu.x1);
      expect(plan.y0).toBeCloseTo(gpu.y0, 5);
      expect(words(labelText(marks, "plan-lbl"))).toBe(words(ctx.t("plan")));
      expect(words(labelText(marks, "since-lbl"))).toBe(words(ctx.t("since")));
      // The year is inferred ("seit letztem Jahr"): marked at the year, as every figure marks an inferred year (standards review 46, accuracy 9).
      expect(labelText(marks, "since-lbl")).toMatch(new RegExp(`${ctx.fact("travels-since")} \\((inferred|erschlossen)\\)`));
      expect(labelBox(marks, "since-lbl").y0).toBeGreaterThan(plan.y1);
      expect(find(marks, "dependence")).toBeDefined();
    });

    it("breakthrough: the TPU veteran, a rust bust under the planned chip, a small grey TPU beside him, named", () => {
      const marks = at("breakthrough");
      const plan = boxOf(find(marks, "plan-sub")!);
      expect(classes(find(marks, "ho-body"))).toEqual(["bust"]);
      expect(num(find(marks, "ho-head")!, "cy")).toBeGreaterThan(plan.y1);
      expect(classes(find(marks, "tpu-die"))).toEqual(["die"]);
      expect(num(find(marks, "tpu-sub")!, "width")).toBeLessThan((plan.x1 - plan.x0) / 3);
      expect(labelText(marks, "ho-lbl")).toBe(ctx.t("ho"));
      expect(words(labelText(marks, "ho-note-lbl"))).toBe(words(ctx.t("ho-note")));
      expect(words(labelText(marks, "tpu-lbl"))).toBe(words(ctx.t("tpu")));
      expect(find(marks, "since-lbl-0")).toBeUndefined();
      // The step's one change drawn: his line, solid rust (his joining is reported, not planned), from his head up into the planned chip's die.
      const join = find(marks, "ho-join")!;
      expect(classes(join)).toEqual(["arc"]);
      const pts = pathPoints(String(join.attrs.d));
      const die = boxOf(find(marks, "plan-die")!);
      expect(Math.min(...pts.map((p) => p[1]))).toBeLessThan(die.y1);
      expect(Math.max(...pts.map((p) => p[1]))).toBeLessThan(num(find(marks, "ho-head")!, "cy"));
      expect(pts.every((p) => p[0] > die.x0 && p[0] < die.x1)).toBe(true);
      expect(find(at("own-chips"), "ho-join")).toBeUndefined();
    });

    it("roadmap: NVIDIA's GPU and its solid dependence line stay, fainter, beside the plan (the phone: it steps aside); each part named with its chapter", () => {
      const marks = at("roadmap");
      // The comparison the step depends on: its hue kept (ink die, heavy solid ink line), only fainter; the GPU's name
      // muted, unchanged. In its place; on the phone stepped aside, small (graphics review 46, item 5: it vanished there).
      const before = at("own-chips");
      for (const key of ["gpu-sub", "gpu-die", "dependence"]) {
        const m = find(marks, key)!;
        expect(m, key).toBeDefined();
        expect(num(m, "opacity"), key).toBeLessThan(1);
        expect(classes(m), key).toEqual(classes(find(before, key)));
        if (layout !== "square")
          expect({ ...m.attrs, opacity: undefined }, key).toEqual({ ...find(before, key)!.attrs, opacity: undefined });
      }
      expect(words(labelText(marks, "gpu-lbl"))).toBe(words(ctx.t("gpu")));
      expect(words(labelText(marks, "dependence-lbl"))).toBe(words(ctx.t("dependence")));
      expect(classes(find(marks, "gpu-lbl") ?? find(marks, "gpu-lbl-0"))).toContain("lbl-muted");
      // Graphics review 56, item 10: the line's words keep a link's ink, as in every step before (muted to the
      // stepped-back grey, they read as the weakest ink on the stage); never faded by opacity.
      const depWords = (m: Mark[]) => texts(m).filter((t) => t.key.replace(/-\d+$/, "") === "dependence-lbl");
      expect(depWords(marks).length).toBeGreaterThan(0);
      for (const m of depWords(marks)) {
        expect(classes(m), m.key).toEqual(classes(depWords(before)[0]));
        expect(classes(m), m.key).toEqual(["lbl", "lbl-link"]);
        expect(m.attrs.opacity, m.key).toBeUndefined();
      }
      const [gpu, plan] = [boxOf(find(marks, "gpu-sub")!), boxOf(find(marks, "plan-sub")!)];
      // Beside it, not on it.
      expect(plan.x0 >= gpu.x1 || plan.y0 >= gpu.y1).toBe(true);
      // The dependence line still runs from the GPU to the racks.
      const dep = pathPoints(String(find(marks, "dependence")!.attrs.d));
      const rk = racksBox(marks);
      expect(within(dep[0]! as [number, number], gpu, 8), "dependence leaves the GPU").toBe(true);
      expect(within(dep.at(-1)! as [number, number], rk, 8), "dependence ends at the racks").toBe(true);
      if (layout === "square") {
        // Small, to the side: under the parts' words, left of the racks, clear of every word.
        expect(gpu.x1 - gpu.x0).toBeLessThan((plan.x1 - plan.x0) * 0.4);
        expect(gpu.x1).toBeLessThan(rk.x0);
        expect(gpu.y0).toBeGreaterThan(Math.max(...PARTS.flatMap((k) => partBoxes(marks, k).map((b) => b.y1))));
        for (const m of texts(marks)) expect(overlaps(textBox(m), gpu), m.key).toBe(false);
        // The plan's dashed line ends on the new data centres (it ended in the gap between the two sets of racks).
        expect(find(marks, "plan-link")).toBeUndefined();
        const line = pathPoints(String(find(marks, "plan-dc-link")!.attrs.d));
        const dc = racksBox(marks, "new-racks");
        const rack0 = boxOf(find(marks, "new-racks-0")!);
        const [a, b] = [line[0]!, line.at(-1)!];
        expect(within([a[0], a[1]], plan, 6), "it leaves the planned chip").toBe(true);
        expect(b[0], "over the first planned rack").toBeGreaterThan(rack0.x0);
        expect(b[0]).toBeLessThan(rack0.x1);
        expect(b[1], "down onto it").toBeGreaterThan(dc.y0 - 10);
        expect(b[1]).toBeLessThanOrEqual(dc.y0);
        expect(classes(find(marks, "plan-dc-link"))).toContain("arc-plan");
      }
      const part: Record<string, Box> = {
        fab: boxOf(find(marks, "plan-die")!),
        design: boxOf(find(marks, "plan-die")!),
        // Right of the chip (across, on the desktop since graphics review 52 and on a phone on its side) the memory named is
        // its upper right stack; on the phone, left of it, its upper left one.
        memory: boxOf(find(marks, layout === "square" ? "plan-hbm-l0" : "plan-hbm-r0")!),
        packaging: boxOf(find(marks, "plan-sub")!),
        dc: racksBox(marks, "new-racks"),
      };
      // The new data centres: planned (dashed), beside or under the racks, not on them.
      expect(classes(find(marks, "new-racks-0"))).toEqual(["rack", "rack-plan"]);
      const [old, neu] = [racksBox(marks), racksBox(marks, "new-racks")];
      expect(neu.x1 <= old.x0 || neu.x0 >= old.x1 || neu.y0 >= old.y1).toBe(true);
      let last = -Infinity;
      const chip = boxOf(find(marks, "plan-sub")!);
      for (const key of [...PARTS, "dc"]) {
        expect(words(labelText(marks, `part-${key}-lbl`)), key).toBe(words(ctx.t(`part-${key}`)));
        // Every part has its chapter, in words and on the phone's tag the same (graphics review 50, item 9: the
        // manufacturing had none, though chapter 2, the hunt for capacity at chipmakers, takes it up).
        // Graphics review 55, item 5: on the phone "Memory ⑦" read as a count; the phone's chapter is said as the
        // desktop's words begin ("ch. 7"), a chapter reference, not a bare number.
        expect(ctx.t(`part-${key}-to`).split(":")[0], key).toBe(ctx.t(`lead-ch-${key}`));
        expect(ctx.t(`lead-ch-${key}`), key).toMatch(/^\D+\d+$/);
        if (layout === "square") {
          // Graphics review 48, item 6: on the phone four names and four chapter references in words beside the chip
          // read as a table of contents drawn as a diagram. Each part is its name and a numbered tag (the lead
          // picture's), the chapter that takes it up, the tag between the name and the chip. Graphics review 50, item 9:
          // the manufacturing had no tag though chapter 2 (the hunt for capacity) takes it up, so the key's "each
          // number: the chapter that takes up the part" held for some parts only: it has chapter 2's, and keeps one
          // short line saying this chip's maker is not named (chapter 2 does not name it either). Graphics review 55,
          // item 5: a number in a circle read as a count ("Memory ⑦"): no circle, the chapter in the desktop's words and
          // italic ("ch. 7"), right of the name and left of the chip, on the name's line; the data centres' under their
          // name.
          if (key === "fab") expect(words(labelText(marks, "part-fab-to-lbl"))).toBe(words(ctx.t("part-fab-short")));
          else expect(labelText(marks, `part-${key}-to-lbl`), `${key}: no chapter in words`).toBeUndefined();
          expect(find(marks, `part-${key}-tag`), key).toBeUndefined();
          expect(words(labelText(marks, `part-${key}-no`)), key).toBe(words(ctx.t(`part-${key}-to`).split(":")[0]));
          expect(labelText(marks, `part-${key}-no`), key).not.toMatch(/^\d+$/);
          expect(classes(find(marks, `part-${key}-no-0`)), key).toEqual(["lbl", "lbl-link"]);
          const name = labelBox(marks, `part-${key}-lbl`);
          const ref = labelBox(marks, `part-${key}-no`);
          if (key !== "dc") {
            expect(ref.x0, `${key}: chapter right of its name`).toBeGreaterThanOrEqual(name.x1);
            expect(ref.x1, `${key}: chapter left of the chip`).toBeLessThan(chip.x0);
            expect(num(find(marks, `part-${key}-no-0`)!, "y"), `${key}: on its name's line`).toBe(
              num(find(marks, `part-${key}-lbl-0`)!, "y"),
            );
          } else {
            expect(ref.y0, "dc: chapter under its name").toBeGreaterThanOrEqual(name.y1 - 1);
            expect(Math.abs(ref.x0 - name.x0), "dc: flush with its name").toBeLessThan(1);
          }
        } else expect(words(labelText(marks, `part-${key}-to-lbl`)), key).toBe(words(ctx.t(`part-${key}-to`)));
        const end = readPath(String(find(marks, `part-${key}-leader`)!.attrs.d))
          .at(-1)!
          .points.at(-1)! as [number, number];
        expect(within(end, part[key]!), `${key}: leader ends on its part`).toBe(true);
        // The chip's parts are named top to bottom in the order they sit.
        if (key !== "dc") {
          const b = labelBox(marks, `part-${key}-lbl`);
          expect(b.y0, key).toBeGreaterThan(last);
          last = b.y0;
        }
      }
    });

    // Graphics review 38, item 3: the leaders from the chip's parts crossed each other and one ran through another
    // part's words. In both languages: no two leaders cross, no leader runs through any words of the figure, and
    // each leaves its words level (a horizontal first stretch), the blocks in the order of the heights their
    // leaders meet the chip at.
    // Graphics review 40, item 5: on the phone the leaders seemed to cross, and "Design" and "Packaging" to point at
    // one bare spot: the test checked only that leaders do not cross and end inside a box, and the die was the box
    // of two parts; nor did it look at the phone's figure as the stage draws it (src/render/zoom.ts composes the
    // square for its room): it does now, besides the scene's own drawing.
    it.each(
      (["en", "de"] as const).flatMap((lang) =>
        (layout === "square" ? ["scene", "stage"] : ["scene"]).map((from) => [lang, from] as const),
      ),
    )(
      "roadmap (%s, %s): the parts' leaders are short level elbows that cross neither each other nor any words, each to a part of its own",
      (lang, from) => {
        const c = ctxFor("chain", layout, lang);
        const marks = from === "scene" ? chain.marks("roadmap", c) : stageMarks(lang);
        const leaders = [...PARTS, "dc"].map((key) => ({ key, pts: pathPoints(String(find(marks, `part-${key}-leader`)!.attrs.d)) }));
        const segments = leaders.flatMap(({ key, pts }) => pts.slice(1).map((q, i) => ({ key, a: pts[i]!, b: q })));
        for (const [i, s1] of segments.entries())
          for (const s2 of segments.slice(i + 1))
            if (s1.key !== s2.key) expect(segmentsCross(s1.a, s1.b, s2.a, s2.b), `${s1.key} × ${s2.key}`).toBe(false);
        // Every line of words in the figure, each a little inset (a leader may end at a block's edge, never run into it).
        const boxes = texts(marks).map((m) => ({ key: m.key, b: inset(textBox(m), 1) }));
        for (const { key, a, b } of segments)
          for (const box of boxes) expect(segmentInBox(a, b, box.b), `${key} leader through "${box.key}"`).toBe(false);
        // Level out of its words, and short: no longer than the stage's third.
        const plot = steadyPlot(c, [c.t("note"), c.t("note-parts")]);
        for (const { key, pts } of leaders.filter((l) => l.key !== "dc")) {
          expect(pts[1]![1], `${key}: leaves its words level`).toBeCloseTo(pts[0]![1], 5);
          const length = pts.slice(1).reduce((sum, q, i) => sum + Math.hypot(q[0] - pts[i]![0], q[1] - pts[i]![1]), 0);
          expect(length, key).toBeLessThan((plot.plot.x1 - plot.plot.x0) / 3);
        }
        // The blocks stand in the order their leaders meet the chip's side (the jog's lower end), top to bottom.
        const meets = PARTS.map((key) => leaders.find((l) => l.key === key)!.pts[2]![1]);
        expect([...meets].sort((a, b) => a - b)).toEqual(meets);
        // No leader meets the chip level with another block's name: on the phone the packaging's met it level with
        // "Design", and read as the design's.
        for (const key of PARTS) {
          const meet = leaders.find((l) => l.key === key)!.pts[2]![1];
          for (const other of PARTS.filter((k) => k !== key)) {
            const name = labelBox(marks, `part-${other}-lbl`);
            expect(meet < name.y0 || meet > name.y1, `${key} meets the chip level with ${other}'s name`).toBe(true);
          }
        }
        // Each leader ends on a drawn part of its own: on its part, and on no other part's shape (the die's floor
        // plan is the design; the die around it, the manufacturing; the stack, the memory; the substrate's bare
        // band, the packaging). Ends apart by more than the small type.
        const rect = (key: string) => boxOf(find(marks, key)!);
        const shapes: Record<string, Box[]> = {
          design: [rect("plan-design")],
          fab: [rect("plan-die")],
          memory: ["l0", "l1", "r0", "r1"].map((id) => rect(`plan-hbm-${id}`)),
          packaging: [rect("plan-sub")],
        };
        const endOf = (key: string) => leaders.find((l) => l.key === key)!.pts.at(-1)! as [number, number];
        const order = ["design", "fab", "memory", "packaging"];
        for (const key of PARTS) {
          const end = endOf(key);
          // The first shape in `order` the end lies on (the floor plan in the die, the die and stacks on the substrate).
          const on = order.find((k) => shapes[k]!.some((b) => within(end, b, 0)));
          expect(on, `${key}: ends on its own part`).toBe(key);
        }
        // Graphics review 41: the design's leader ran through the narrow gap between the memory stacks and seemed to
        // cross them. Each leader runs clear of every shape of the figure (by a fifth of the small type) but those its
        // end lies in: its own part, and what holds it (the die holds the floor plan; the substrate, every part).
        const clear = typeOf(c).small * 0.2;
        const figure: { key: string; b: Box }[] = [
          ...["plan-sub", "plan-die", "plan-design", ...["l0", "l1", "r0", "r1"].map((id) => `plan-hbm-${id}`)].map((k) => ({
            key: k,
            b: rect(k),
          })),
          ...(find(marks, "gpu-sub") ? ["gpu-sub"].map((k) => ({ key: k, b: rect(k) })) : []),
          { key: "racks", b: racksBox(marks) },
          { key: "new-racks", b: racksBox(marks, "new-racks") },
          { key: "hero", b: rect("hero") },
        ];
        for (const { key, pts } of leaders) {
          const end = pts.at(-1)! as [number, number];
          for (const shape of figure.filter((f) => !within(end, f.b)))
            for (const [a, b] of pts.slice(1).map((q, i) => [pts[i]!, q] as const))
              expect(
                segmentInBox(a, b, { x0: shape.b.x0 - clear, y0: shape.b.y0 - clear, x1: shape.b.x1 + clear, y1: shape.b.y1 + clear }),
                `${key} leader against ${shape.key}`,
              ).toBe(false);
        }
        for (const [i, a] of PARTS.entries())
          for (const b of PARTS.slice(i + 1)) {
            const [p, q] = [endOf(a), endOf(b)];
            expect(Math.hypot(p[0] - q[0], p[1] - q[1]), `${a} and ${b} end apart`).toBeGreaterThan(typeOf(c).small);
          }
      },
    );

    // Graphics review 46, item 1: on a phone on its side the planned chip came out at 80 px (a sixth of the stage's width),
    // four leaders from a column two and a half times its height crowding onto it, words on words. Its parts' words now
    // stand in a column beside it no more than twice its height, the chip at least a fifth of the stage's width there.
    it.each(["en", "de"] as const)("roadmap (%s): no words on other words; the parts' column no taller than twice the chip", (lang) => {
      const c = ctxFor("chain", layout, lang);
      const marks = chain.marks("roadmap", c);
      const boxes = texts(marks).map((m) => ({ key: m.key, b: inset(textBox(m), 1) }));
      for (const [i, p] of boxes.entries())
        for (const q of boxes.slice(i + 1)) expect(overlaps(p.b, q.b), `${p.key} on ${q.key}`).toBe(false);
      const plan = boxOf(find(marks, "plan-sub")!);
      const side = plan.y1 - plan.y0;
      const column = PARTS.flatMap((k) => partBoxes(marks, k));
      const height = Math.max(...column.map((b) => b.y1)) - Math.min(...column.map((b) => b.y0));
      expect(height, "the parts' column").toBeLessThanOrEqual(side * 2);
      if (layout === "land") expect(side / c.width, "the planned chip's share of the width").toBeGreaterThanOrEqual(0.2);
    });

    // Graphics review 52, item 4: on the desktop the parts' four blocks stood squeezed into the gap between the two
    // chips, "Packaging … still open" on the plan's dashed line to the racks and the leaders across it. Where the two
    // chips stand side by side, no part's words stand between them; every word keeps 9 units (8 px on the desktop's
    // stage, drawn at about nine tenths) clear of every line between chip and racks, and no leader crosses one.
    it.each(["en", "de"] as const)("roadmap (%s): no part's words between the two chips; words and leaders clear of the links", (lang) => {
      const c = ctxFor("chain", layout, lang);
      const marks = chain.marks("roadmap", c);
      const [gpu, plan] = [boxOf(find(marks, "gpu-sub")!), boxOf(find(marks, "plan-sub")!)];
      const blocks = [...PARTS, "dc"].flatMap((k) => partBoxes(marks, k).map((b) => ({ key: k, b })));
      if (gpu.x1 < plan.x0 && gpu.y1 > plan.y0 && gpu.y0 < plan.y1) {
        const gap: Box = { x0: gpu.x1, y0: Math.min(gpu.y0, plan.y0), x1: plan.x0, y1: Math.max(gpu.y1, plan.y1) };
        for (const { key, b } of blocks) expect(overlaps(b, gap), `${key}'s words between the chips`).toBe(false);
      }
      if (layout === "column")
        for (const { key, b } of blocks.filter((x) => x.key !== "dc")) expect(b.x0, `${key}: right of the plan`).toBeGreaterThan(plan.x1);
      const links = ["dependence", "plan-link", "plan-dc-link"]
        .map((key) => ({ key, m: find(marks, key) }))
        .filter((l) => l.m)
        .map(({ key, m }) => ({ key, pts: curvePoints(String(m!.attrs.d)) }));
      expect(links.length).toBeGreaterThanOrEqual(2);
      // (The desktop's stage and the printed page's; the phone's words stand closer to their own lines: not yet held.)
      for (const m of texts(marks).filter((m) => !/^note/.test(m.key) && (layout === "column" || layout === "print"))) {
        const b = textBox(m);
        for (const { key, pts } of links) {
          const d = Math.min(...pts.map(([x, y]) => Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1))));
          expect(d, `"${m.text}" against ${key}`).toBeGreaterThanOrEqual(9);
        }
      }
      for (const key of [...PARTS, "dc"]) {
        const pts = pathPoints(String(find(marks, `part-${key}-leader`)!.attrs.d));
        for (const [a, b] of pts.slice(1).map((q, i) => [pts[i]!, q] as const))
          for (const l of links)
            for (const [p, q] of l.pts.slice(1).map((r, i) => [l.pts[i]!, r] as const))
              expect(segmentsCross(a, b, p, q), `${key}'s leader across ${l.key}`).toBe(false);
      }
    });

    it("says in its caption that it is a diagram; the last step's caption explains the part names", () => {
      for (const state of STEPS)
        expect(words(labelText(at(state), "note") ?? ""), state).toBe(words(ctx.t(state !== "roadmap" ? "note" : "note-parts")));
    });
  });

  describe.each(["column", "square", "land"] as Layout[])("the page's lead picture, layout %s", (layout) => {
    const ctx = ctxFor("chain", layout, "en");
    const lead = chain.marks("lead", ctx);
    /** What a state draws, its keys aside: each mark's kind, words and attributes. */
    const drawing = (marks: Mark[]) => new Set(marks.map((m) => JSON.stringify([m.tag, m.text ?? "", m.attrs])));

    it("is a picture of its own: it draws what no step of chapter 1 draws (graphics review 41, item 3: the lead was the second step's)", () => {
      const own = drawing(lead);
      for (const state of STEPS) {
        const step = drawing(chain.marks(state, ctx));
        const shared = [...own].filter((m) => step.has(m) && !/"note"|caption/.test(m));
        // Not the step's picture, nor any large part of it: at most a stray shared word.
        expect(shared.length, `${state}: ${shared.join("\n")}`).toBeLessThan(own.size / 10);
      }
    });

    // Graphics review 48, item 4: the planned chip was drawn at about three times the GPU's area, and readers take size
    // for power. Both packages the same size, every part of each (substrate, die, stacks) too; side by side across,
    // one above the other on the phone, neither overlapping the other.
    it("draws OpenAI's planned chip and NVIDIA's GPU, the chip in use, as packages of the same size", () => {
      const plan = boxOf(find(lead, "lead-plan-sub")!);
      const gpu = boxOf(find(lead, "lead-gpu-sub")!);
      expect(classes(find(lead, "lead-plan-die"))).toContain("die-plan");
      expect(classes(find(lead, "lead-gpu-die"))).toContain("die-ink");
      for (const part of ["sub", "die", "hbm-l0", "hbm-r1"]) {
        const [a, b] = [boxOf(find(lead, `lead-plan-${part}`)!), boxOf(find(lead, `lead-gpu-${part}`)!)];
        expect(a.x1 - a.x0, part).toBeCloseTo(b.x1 - b.x0, 1);
        expect(a.y1 - a.y0, part).toBeCloseTo(b.y1 - b.y0, 1);
      }
      expect(overlaps(plan, gpu)).toBe(false);
      // no other package in the picture, at any size
      expect(
        lead
          .filter((m) => /-sub$/.test(m.key))
          .map((m) => m.key)
          .sort(),
      ).toEqual(["lead-gpu-sub", "lead-plan-sub"]);
      // large enough that the plan's tagged parts stay apart: at least a quarter of the stage's width
      expect((plan.x1 - plan.x0) / ctx.width).toBeGreaterThan(0.25);
      expect(words(labelText(lead, "lead-plan-lbl"))).toBe(words(ctx.t("plan")));
      expect(words(labelText(lead, "lead-gpu-lbl"))).toBe(words(ctx.t("lead-gpu")));
    });

    // Graphics review 53, item 2: the lead, its parts tagged with chapter numbers and keyed "each number: the chapter
    // that takes up the part", came back almost unchanged as chapter 1's last step. The two now differ in purpose: the
    // lead is the hook (NVIDIA's GPU beside OpenAI's planned chip and its data centres, each named), the last step the
    // reading guide. No number in the lead, no numbered tag, no leader, no key to numbers; the last step names the
    // chapter of every part a chapter takes up, in every layout (its tag's number on the phone, in words elsewhere).
    it("names the GPU, the planned chip and its data centres, with no chapter number, tag or leader: the numbers are the last step's", () => {
      for (const lang of LANGS) {
        const c = ctxFor("chain", layout, lang);
        const drawn = chain.marks("lead", c);
        for (const m of texts(drawn)) expect(m.text, `${lang}: "${m.text}"`).not.toMatch(/\d/);
        expect(
          drawn.filter((m) => m.tag === "circle" || /leader|-tag|-no\b/.test(m.key)).map((m) => m.key),
          lang,
        ).toEqual([]);
        expect(words(labelText(drawn, "lead-dc-lbl")), lang).toBe(words(c.t("lead-dc")));
        const keyed = [...PARTS, "dc"].filter((k) => /\d/.test(c.t(`part-${k}-to`)));
        expect(keyed.length, lang).toBe(PARTS.length + 1);
        const step = chain.marks("roadmap", c);
        for (const k of keyed) {
          const no = c.t(`part-${k}-to`).match(/\d+/)![0];
          const shown = (layout === "square" ? labelText(step, `part-${k}-no`) : labelText(step, `part-${k}-to-lbl`))?.match(/\d+/)?.[0];
          expect(shown, `${lang} roadmap: ${k}`).toBe(no);
        }
      }
    });

    // The data centres, planned (dashed racks), under the plan, their name beside them, clear of them and of the chips.
    it("draws the new data centres under the planned chip, dashed, named beside them", () => {
      const plan = boxOf(find(lead, "lead-plan-sub")!);
      const gpu = boxOf(find(lead, "lead-gpu-sub")!);
      const dc = racksBox(lead, "lead-dc");
      expect(classes(find(lead, "lead-dc-0"))).toEqual(["rack", "rack-plan"]);
      expect(dc.y0).toBeGreaterThan(plan.y1);
      expect(dc.x0).toBeGreaterThan(plan.x0);
      expect(dc.x1).toBeLessThan(plan.x1);
      const name = labelBox(lead, "lead-dc-lbl");
      expect(name.x1, "left of the racks").toBeLessThanOrEqual(dc.x0 - 4);
      expect(name.y0 < dc.y1 && name.y1 > dc.y0, "level with the racks").toBe(true);
      expect(name.y0, "under the GPU").toBeGreaterThan(gpu.y1);
    });

    it("keeps every word inside the stage's width, in both languages", () => {
      for (const m of [...texts(lead), ...texts(chain.marks("lead", ctxFor("chain", layout, "de")))]) {
        const b = textBox(m);
        expect(b.x0, m.text).toBeGreaterThanOrEqual(0);
        expect(b.x1, m.text).toBeLessThanOrEqual(ctx.width);
      }
    });

    it("keeps every word clear of every other word and of the chips", () => {
      const ts = texts(lead).filter((m) => !/note/.test(String(m.attrs.class)));
      const chips = lead.filter((m) => m.tag === "rect" && /-sub$/.test(m.key)).map(boxOf);
      for (const t of ts) {
        for (const u of ts) if (u !== t) expect(overlaps(textBox(t), textBox(u)), `${t.text} / ${u.text}`).toBe(false);
        for (const c of chips) expect(overlaps(textBox(t), c), `${t.text}`).toBe(false);
      }
    });

    it("keys its line styles, not numbers, in one line under it", () => {
      expect(words(labelText(lead, "note"))).toBe(words(ctx.t("note-lead")));
      // (no numbers drawn, none keyed)
      for (const lang of LANGS) expect(ctxFor("chain", layout, lang).t("note-lead"), lang).not.toMatch(/\bnumber|\bZahl|\bNummer/i);
    });
  });

  // Graphics review 52, item 4: the root page is bilingual, its lead picture was labelled in English only. Drawn for it
  // in both languages: each word of either language's lead there, marked with its language, none on another or on a
  // chip, all inside the stage.
  describe.each(["column", "square"] as Layout[])("the page's lead picture in both languages (the root), layout %s", (layout) => {
    const [de, en] = [ctxFor("chain", layout, "de"), ctxFor("chain", layout, "en")];
    const marks = leadMarks(de, { first: "de", second: "en", t: en.t });
    const ts = texts(marks);
    const said = (lang: string) =>
      words(
        ts
          .filter((m) => m.attrs.lang === lang)
          .map((m) => m.text)
          .join(" "),
      )!;
    it("says every word of each language's lead, each marked with its language", () => {
      for (const [lang, c, other] of [
        ["de", de, en],
        ["en", en, de],
      ] as const) {
        // each key's words in its language (a word the same in both, drawn once, marked as the first's)
        for (const key of ["lead-gpu", "plan", "note-lead", "lead-dc"])
          expect(said(lang === "en" && c.t(key) === other.t(key) ? "de" : lang), `${lang}: ${key}`).toContain(words(c.t(key))!);
        // and every line the language's own lead draws
        const all = words(ts.map((m) => m.text).join(" "))!;
        for (const m of texts(chain.marks("lead", c))) expect(all, `${lang}: "${m.text}"`).toContain(words(m.text)!);
      }
      for (const m of ts) expect(m.attrs.lang, m.key).toBe(m.key.includes("-2nd") ? "en" : "de");
    });
    it("keeps every word inside the stage, clear of every other word and of the chips", () => {
      const chips = marks.filter((m) => m.tag === "rect" && /-sub$/.test(m.key)).map(boxOf);
      for (const t of ts) {
        const b = textBox(t);
        expect(b.x0, t.text).toBeGreaterThanOrEqual(0);
        expect(b.x1, t.text).toBeLessThanOrEqual(de.width);
        for (const u of ts) if (u !== t) expect(overlaps(inset(b, 1), inset(textBox(u), 1)), `${t.text} / ${u.text}`).toBe(false);
        for (const c of chips) expect(overlaps(b, c), `${t.text}`).toBe(false);
      }
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("chain", "column", "de");
    const en = ctxFor("chain", "column", "en");
    expect(words(labelText(chain.marks("dependence", de), "dependence-lbl"))).toBe(words(de.t("dependence")));
    expect(words(labelText(chain.marks("dependence", en), "dependence-lbl"))).toBe(words(en.t("dependence")));
    expect(de.t("dependence")).not.toBe(en.t("dependence"));
  });

  // The article has OpenAI's team weighing memory suppliers and gives HBM as GPUs' memory; that OpenAI's chip would use
  // HBM is our inference (standards review 48, item 1): a part's words that name HBM say so, in both languages and in
  // the text alternatives; the lead's tag, a bare name, does not name it.
  it.each(["de", "en"] as const)("memory (%s): HBM named only as our inference", (lang) => {
    const ctx = ctxFor("chain", "column", lang);
    const ours = lang === "de" ? /HBM \(unsere Folgerung\)|nach unserer Folgerung HBM/ : /HBM \(our inference\)|by our inference HBM/;
    const keys = ["part-memory", "part-memory-to", "alt.roadmap", "alt.lead", "printAlt.roadmap"];
    for (const key of keys) if (/HBM/.test(ctx.t(key))) expect(ctx.t(key), key).toMatch(ours);
    expect(ctx.t("part-memory"), "the part's name (the lead's tag too)").not.toMatch(/HBM/);
    expect(ctx.t("part-memory-to")).toMatch(ours);
    expect(ctx.t("alt.roadmap")).toMatch(ours);
    expect(
      texts(chain.marks("lead", ctx)).some((m) => /HBM/.test(m.text ?? "")),
      "the lead names no HBM",
    ).toBe(false);
  });
});

// Standards review 55, accuracy 3: the article names no manufacturer for OpenAI's chip and does not raise who would
// make it; chapter 2's talks with TSMC were about capacity, not said to be for this chip. The manufacturing's tag says
// the maker is not named and keeps the talks apart from the chip; no label or alternative says who would make it was open.
describe("the chip's manufacturing, in words", () => {
  it.each(LANGS)("%s: the maker not named, chapter 2's talks not explicitly for this chip", (lang) => {
    const ctx = ctxFor("chain", "column", lang);
    expect(ctx.t("part-fab-to")).toMatch(lang === "de" ? /Hersteller ungenannt/ : /maker not named/);
    // Standards review 56, item 4: "ohne Bezug zum Chip" / "not tied to this chip" said more than the article, which
    // only does not say the talks were for it; the tag says what the alternative says (`nicht ausdrücklich`, in the tag `nicht explizit`).
    expect(ctx.t("part-fab-to")).toMatch(lang === "de" ? /nicht explizit dafür/ : /not explicitly for this chip/);
    expect(ctx.t("part-fab-to")).not.toMatch(/ohne Bezug|not tied/);
    for (const key of ["alt.roadmap", "printAlt.roadmap"]) {
      expect(ctx.t(key), key).toMatch(lang === "de" ? /kein Hersteller genannt/ : /no maker named/);
      expect(ctx.t(key), key).not.toMatch(/wer diesen Chip fertigen sollte|who would make this chip/);
    }
    const un = ctxFor("unknowns", "column", lang);
    expect(un.t("alt.announcement")).not.toMatch(/wer fertigt|the maker,/);
  });
});
