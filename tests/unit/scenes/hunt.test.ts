// Scene "hunt": one figure of who went to whom (one level row, no map: graphics
// reviews 40 and 41 called the locator inset decoration; the article names no
// places). The actors placed and named from the first step, the chipmakers one
// soft group with nothing to count (graphics review 49, item 4); then one change a
// step: the talks, an arrow from OpenAI to TSMC; the refusal, two callouts of a few
// words over the row (graphics review 51, item 2: they had been a stack of quotes and
// run-ins, a text slide): TSMC's chief's quoted words on a stroke from TSMC's ring,
// tied to no one else (standards review 46: he was asked about new fabs; nothing in
// it was addressed to OpenAI), and the executives' no (standards review 48) tied to
// the chipmakers' group; its answer in
// private, an arrow back to OpenAI under the row, its words on it (graphics
// review 44, item 3: no empty rings, no sentences in boxes). What each state must
// show, in every layout; words are checked against the labels and the facts, never
// against literals.

import { describe, expect, it } from "vitest";
import { hunt, ICON } from "../../../src/scenes/hunt.ts";
import { runZooms, ZOOMS } from "../../../src/render/zoom.ts";
import { chipTop } from "../../../src/scenes/chip.ts";
import { isCaption, textBox, typeOf, type Box } from "../../../src/scenes/figure.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, realFacts, texts, walk, CONTENT } from "../support.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
/** Labels keep short names together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const ACTORS = ["hero", "nvidia", "tsmc", "chipmakers"] as const;
const NAMES = ["hero-lbl", "nvidia-lbl", "nvidia-role", "tsmc-lbl", "others-lbl"] as const;
type State = (typeof hunt.states)[number];

/** An answer's words as read: its head, then its text (first line beside the head, the rest under it). */
function answerText(marks: Mark[], key: string): string {
  const parts = [labelText(marks, `${key}-head`), labelText(marks, `${key}-first`), labelText(marks, `${key}-text`)];
  return words(parts.filter(Boolean).join(" "))!;
}
/** An elbow arrow's legs: start, the level it runs across at, end ("M x0,y0 V … Q … x,via H … Q … V y1", corners rounded). */
function elbow(m: Mark): { x0: number; y0: number; via: number; x1: number; y1: number } {
  const d = String(m.attrs.d);
  const [x0, y0] = /^M([-\d.]+),([-\d.]+) V/.exec(d)!.slice(1).map(Number) as [number, number];
  const via = Number(/Q[-\d.]+,[-\d.]+ [-\d.]+,([-\d.]+) H/.exec(d)![1]);
  const x1 = Number(/ H[-\d.]+ Q([-\d.]+),/.exec(d)![1]);
  const y1 = Number(/ V([-\d.]+)$/.exec(d)![1]);
  return { x0, y0, via, x1, y1 };
}
/** The tip of an open arrowhead ("M a L tip L b"). */
function tip(m: Mark): [number, number] {
  const [, x, y] = /L([-\d.]+),([-\d.]+) L/.exec(String(m.attrs.d))!;
  return [Number(x), Number(y)];
}

/** The words inside a passage's quotation marks ("…", „…“, “…”). */
const quoted = (s: string): string => /["„“]([^"“”]+)["“”]/.exec(s)![1]!;

/** The boxes of a drawing's texts, rects and lines (its picture, the caption left out), through its groups. */
function pictureBoxes(marks: Mark[]): Box[] {
  return [...walk(marks)]
    .map((w) => w.mark)
    .filter((m) => !isCaption(m))
    .flatMap((m): Box[] =>
      m.tag === "text"
        ? [textBox(m)]
        : m.tag === "rect"
          ? [{ x0: num(m, "x"), y0: num(m, "y"), x1: num(m, "x") + num(m, "width"), y1: num(m, "y") + num(m, "height") }]
          : m.tag === "line"
            ? [
                {
                  x0: Math.min(num(m, "x1"), num(m, "x2")),
                  y0: Math.min(num(m, "y1"), num(m, "y2")),
                  x1: Math.max(num(m, "x1"), num(m, "x2")),
                  y1: Math.max(num(m, "y1"), num(m, "y2")),
                },
              ]
            : [],
    );
}
/** A chapter's `:quote[…]{speaker="cc-wei"}` words, if it quotes him. */
const chapterQuote = (file: string): string | undefined =>
  /:quote\[([^\]]+)\]\{speaker="cc-wei"\}/.exec(readFileSync(join(CONTENT, file), "utf8"))?.[1];

describe("hunt", () => {
  // Standards review 46, item 1: the article quotes C. C. Wei directly („zu aggressiv und schwer zu glauben“); the
  // figure had reworded it ("überzogen und kaum glaubhaft", "overblown and hard to credit"), dropping "aggressive".
  // Graphics review 51, item 2: the figure had set his whole remark, its run-in and its speaker line as a block of small
  // print. The German step's prose carries the whole quotation with its speaker (the facts' quote); the figure's
  // callout names him and quotes the remark's first words, in quotation marks, set as a quotation.
  // Standards review 54, item 2: the article gives his words in German, not his own (he may have spoken English); the
  // English edition must not quote our translation back as his words. Its prose and callout tell it as reported speech:
  // no quotation, no quotation marks, the translation's words kept.
  it.each(LAYOUT_LIST)(
    "%s: C. C. Wei's callout names him; in German it quotes the start of his words, in English it reports them",
    (layout) => {
      const wei = realFacts().names["cc-wei"]!;
      const de = quoted(wei.quote!);
      const en = quoted(wei.translation!.en!);
      expect(chapterQuote("de/02-jagd.md")).toBe(de);
      expect(chapterQuote("en/02-hunt.md"), "English prose: reported speech, no quotation").toBeUndefined();
      const enProse = readFileSync(join(CONTENT, "en/02-hunt.md"), "utf8");
      expect(enProse).toContain(en);
      expect(enProse).not.toMatch(new RegExp(`[“"]${en}`));
      for (const lang of ["de", "en"] as const) {
        const ctx = ctxFor("hunt", layout, lang);
        const drawn = hunt.marks("refusal", ctx);
        expect(words(labelText(drawn, "public-head")), lang).toMatch(/Wei/);
        const remark = texts(drawn).filter((m) => /^public-(first|text)-/.test(m.key));
        expect(remark.length, lang).toBeGreaterThan(0);
        const text = words(remark.map((m) => m.text).join(" "))!;
        if (lang === "de") {
          for (const m of remark) expect(classes(m), m.key).toContain("lbl-quote");
          expect(text.startsWith("„") && text.endsWith("“"), text).toBe(true);
          // Standards review 55, DE 10: "„zu aggressiv“" clipped his words as if whole; a part ends in an ellipsis.
          const part = text.slice(1, -1);
          const cut = part !== de;
          if (cut) expect(part.endsWith(" …"), `"${part}": the cut is marked`).toBe(true);
          const opening = cut ? part.slice(0, -2) : part;
          expect(opening.length).toBeGreaterThan(4);
          expect(de.startsWith(opening), `"${opening}" opens Wei's words`).toBe(true);
        } else {
          for (const m of remark) expect(classes(m), m.key).not.toContain("lbl-quote");
          expect(text, "reported, not quoted").not.toMatch(/[“”"]/);
          expect(text).toMatch(/too aggressive/);
        }
        expect(find(drawn, "public-source-0"), "his speaker line is the prose's").toBeUndefined();
        // (no more the old paraphrase's words)
        expect(JSON.stringify(drawn)).not.toMatch(/überzogen|glaubhaft|overblown|to credit/);
      }
    },
  );

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("hunt", layout, "en");
    const t = typeOf(ctx);
    const at = (state: State) => hunt.marks(state, ctx);

    it("draws no map in any state: no locator window, no coastline, no place or sea names, no shared geometry", () => {
      expect(hunt.geometry ?? []).toEqual([]);
      for (const state of hunt.states)
        for (const { mark } of walk(at(state))) {
          expect(["svg", "use"], `${state}: ${mark.key}`).not.toContain(mark.tag);
          expect(mark.key, state).not.toMatch(/^(map|view|land|loc-|place-)/);
          expect(classes(mark), `${state}: ${mark.key}`).not.toContain("lbl-place");
        }
    });

    it("places and names every actor from the first step, at full strength: OpenAI, NVIDIA, TSMC, the other chipmakers", () => {
      const origin = at("origin");
      expect(classes(find(origin, "hero"))).toContain("marker-hero");
      expect(labelText(origin, "hero-lbl")).toBe(ctx.t("openai"));
      expect(labelText(origin, "nvidia-lbl")).toBe(ctx.t("nvidia"));
      expect(words(labelText(origin, "nvidia-role"))).toBe(words(ctx.t("nvidia-role")));
      expect(classes(find(origin, "tsmc"))).toContain("marker-ring");
      expect(find(origin, "tsmc")!.attrs.opacity, "TSMC's ring is not faint").toBeUndefined();
      expect(labelText(origin, "tsmc-lbl")).toBe(ctx.t("tsmc"));
      expect(words(labelText(origin, "others-lbl"))).toBe(ctx.t("others"));
      // Graphics review 49, item 4: the others (the article names none, and counts none) had been two fainter rings
      // beside TSMC's, read as a count of three chipmakers. They are one soft group round TSMC's ring and the names:
      // TSMC's is the only ring, and nothing else stands for a chipmaker.
      const rings = [...walk(origin)].filter(({ mark }) => classes(mark).includes("marker-ring")).map(({ mark }) => mark.key);
      expect(rings).toEqual(["tsmc"]);
      expect([...walk(origin)].filter(({ mark }) => classes(mark).includes("marker")).map(({ mark }) => mark.key)).toEqual(
        expect.arrayContaining(["hero", "tsmc"]),
      );
      expect([...walk(origin)].filter(({ mark }) => classes(mark).includes("marker")).length).toBe(2);
      const group = find(origin, "chipmakers")!;
      expect(group.tag).toBe("rect");
      expect(classes(group)).toEqual(["group"]);
      const gb: Box = {
        x0: num(group, "x"),
        y0: num(group, "y"),
        x1: num(group, "x") + num(group, "width"),
        y1: num(group, "y") + num(group, "height"),
      };
      const tsmc = find(origin, "tsmc")!;
      expect(num(tsmc, "x")).toBeGreaterThan(gb.x0);
      expect(num(tsmc, "x") + num(tsmc, "width")).toBeLessThan(gb.x1);
      expect(num(tsmc, "y")).toBeGreaterThan(gb.y0);
      for (const m of texts(origin).filter((m) => /^(tsmc|others)-lbl-/.test(m.key))) {
        const b = textBox(m);
        expect(b.x0 >= gb.x0 && b.x1 <= gb.x1 && b.y0 >= gb.y0 && b.y1 <= gb.y1, `${m.key} in the group`).toBe(true);
      }
      // ...and it holds nothing of OpenAI's or NVIDIA's.
      expect(num(find(origin, "nvidia-sub")!, "x")).toBeGreaterThan(gb.x1);
      expect(num(find(origin, "hero")!, "x")).toBeGreaterThan(gb.x1);
      // ...and nothing yet joins them: no arrow into empty space, no words floating between them.
      for (const { mark } of walk(origin)) expect(classes(mark), mark.key).not.toContain("arc");
      expect(
        texts(origin)
          .map((m) => m.key.replace(/-\d+$/, ""))
          .filter((k) => !k.startsWith("caption") && k !== "note"),
      ).toEqual(expect.arrayContaining([...NAMES]));
      expect(new Set(texts(origin).map((m) => m.key.replace(/-\d+$/, "")))).toEqual(new Set([...NAMES, ...captionKeys(origin)]));
    });

    // Graphics review 45, item 1: chapters 1, 7 and 8 draw NVIDIA as the story's chip; here it had been a black dot.
    it("draws NVIDIA as the story's chip (src/scenes/chip.ts: a sand package, an ink die, four stacks), not a dot", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const die = find(marks, "nvidia")!;
        expect(classes(die), state).toEqual(expect.arrayContaining(["die", "die-ink"]));
        expect(classes(die), state).not.toContain("marker");
        const sub = find(marks, "nvidia-sub")!;
        const side = num(sub, "width");
        const [cx, cy] = [num(sub, "x") + side / 2, num(sub, "y") + num(sub, "height") / 2];
        const glyph = chipTop({ key: "nvidia", dieKey: "nvidia", cx, cy, size: side, owner: "nvidia" });
        for (const m of glyph) {
          const drawn = find(marks, m.key)!;
          expect(drawn, `${state}: ${m.key}`).toBeDefined();
          expect(drawn.tag).toBe(m.tag);
          for (const [k, v] of Object.entries(m.attrs))
            if (typeof v === "number")
              expect(Number((drawn.attrs as Record<string, unknown>)[k]), `${state}: ${m.key} ${k}`).toBeCloseTo(v, 0);
            else expect((drawn.attrs as Record<string, unknown>)[k], `${state}: ${m.key} ${k}`).toBe(v);
        }
        // at a size its stacks read at (about 2.5 label heights, as the customers' chips), larger than OpenAI's dot
        expect(side).toBeGreaterThanOrEqual(t.label * 2.3);
        expect(side).toBeGreaterThan(num(find(marks, "hero")!, "width") * 2);
        // its name over it, centred on it, its role between the name and the chip
        const name = textBox(find(marks, "nvidia-lbl-0")!);
        expect(Math.abs((name.x0 + name.x1) / 2 - cx)).toBeLessThan(1);
        const roles = texts(marks).filter((m) => m.key.startsWith("nvidia-role-"));
        expect(num(roles[0]!, "y")).toBeGreaterThan(num(find(marks, "nvidia-lbl-0")!, "y"));
        expect(Math.max(...roles.map((m) => textBox(m).y1))).toBeLessThan(num(sub, "y"));
      }
    });

    // Graphics review 46, item 8: NVIDIA had stood under OpenAI's name, where the private answer's arrow came up into
    // OpenAI's dot against its chip and its name.
    it("is one level row: OpenAI at the right, NVIDIA over it, the chipmakers at the left, TSMC's ring nearest OpenAI", () => {
      const marks = at("promise");
      const hero = centre(find(marks, "hero")!);
      const nvidia = centre(find(marks, "nvidia")!);
      const ring = centre(find(marks, "tsmc")!);
      expect(hero[0]).toBeGreaterThan(ctx.width * 0.5);
      expect(nvidia[1], "NVIDIA over OpenAI's dot, clear of the arrow that comes up into it from under it").toBeLessThan(hero[1]);
      expect(Math.abs(nvidia[0] - hero[0])).toBeLessThan(1);
      // nothing of NVIDIA's (its chip, its name, its role) under the row
      const sub = find(marks, "nvidia-sub")!;
      expect(num(sub, "y") + num(sub, "height")).toBeLessThan(hero[1] - num(find(marks, "hero")!, "width") / 2);
      for (const m of texts(marks).filter((m) => /^nvidia-/.test(m.key))) expect(textBox(m).y1, m.key).toBeLessThan(hero[1]);
      expect(Math.abs(ring[1] - hero[1])).toBeLessThan(0.5);
      expect(ring[0]).toBeLessThan(hero[0] - ctx.width * 0.3);
      expect(find(marks, "others-0")).toBeUndefined();
      expect(classes(find(marks, "depends"))).toEqual(["leader"]);
    });

    it("changes one thing a step and moves nothing: the talks' arrow, then the public answer, then the private one", () => {
      const keys = (s: State) => new Set([...walk(at(s))].map((w) => w.mark.key));
      const added = (a: State, b: State) => [...keys(b)].filter((k) => !keys(a).has(k));
      const removed = (a: State, b: State) => [...keys(a)].filter((k) => !keys(b).has(k));
      const groups = (ks: string[]) => new Set(ks.map((k) => k.replace(/-(head|lbl|first|text|source)(-\d+)?$/, "").replace(/-\d+$/, "")));
      expect(groups(added("origin", "tsmc"))).toEqual(new Set(["link-tsmc"]));
      // (the refusal: two callouts over the row, TSMC's chief's remark on its stroke from TSMC, the executives' no on its
      // leader from the chipmakers' group)
      expect(groups(added("tsmc", "refusal"))).toEqual(new Set(["remark", "public", "refused-tie", "refused"]));
      expect(groups(added("refusal", "promise"))).toEqual(new Set(["answer-private", "private"]));
      // Nothing taken away (only the talks' words shortened, once the answers need the room).
      for (const [a, b] of [
        ["origin", "tsmc"],
        ["tsmc", "refusal"],
        ["refusal", "promise"],
      ] as const)
        for (const k of removed(a, b)) expect(k, `${a} → ${b}`).toMatch(/^link-tsmc-lbl-/);
      // Every mark a state keeps stands where it stood.
      for (const [a, b] of [
        ["origin", "tsmc"],
        ["tsmc", "refusal"],
        ["refusal", "promise"],
      ] as const)
        for (const { mark } of walk(at(a))) {
          if (mark.key.startsWith("link-tsmc-lbl")) continue;
          const then = find(at(b), mark.key);
          if (then) expect(JSON.stringify(then.attrs), `${a} → ${b}: ${mark.key}`).toBe(JSON.stringify(mark.attrs));
        }
      for (const key of [...ACTORS, "depends"]) expect(find(at("origin"), key), key).toBeDefined();
    });

    it("draws the talks as a level rust arrow from OpenAI's dot to TSMC's ring (Altman went to TSMC), named over it", () => {
      for (const state of ["tsmc", "refusal", "promise"] as const) {
        const marks = at(state);
        const line = find(marks, "link-tsmc")!;
        // (strong: the figure's subject, graphics review 53, item 3)
        expect(classes(line)).toEqual(["arc", "arc-strong"]);
        expect(num(line, "y1")).toBe(num(line, "y2"));
        const r = num(find(marks, "hero")!, "width");
        const ring = centre(find(marks, "tsmc")!);
        const hero = centre(find(marks, "hero")!);
        expect(Math.abs(num(line, "x1") - hero[0])).toBeLessThan(r * 1.5);
        expect(Math.abs(num(line, "x2") - ring[0])).toBeLessThan(r * 1.5);
        const head = tip(find(marks, "link-tsmc-head")!);
        expect(Math.abs(head[0] - num(line, "x2")), `${state}: the arrow points at TSMC`).toBeLessThan(0.2);
        // Over the arrow; once the answers' uprights stand, between them.
        for (const m of texts(marks).filter((m) => m.key.startsWith("link-tsmc-lbl-"))) {
          expect(textBox(m).y1, m.key).toBeLessThan(num(line, "y1"));
          if (state === "tsmc") continue;
          expect(textBox(m).x0, m.key).toBeGreaterThan(ring[0]);
          expect(textBox(m).x1, m.key).toBeLessThan(hero[0]);
        }
      }
      expect(words(labelText(at("tsmc"), "link-tsmc-lbl"))).toBe(words(ctx.t("talks")));
      expect(words(labelText(at("promise"), "link-tsmc-lbl"))).toBe(words(ctx.t("talks-short")));
    });

    // Standards review 46, item 2: the public remark had been drawn as an arrow from TSMC back to OpenAI, as if Wei had
    // answered OpenAI; he was answering a question about new fabs.
    it("draws Wei's public remark as a remark: a leader up from TSMC's ring to his words over it, no arrow, nothing reaching OpenAI", () => {
      const marks = at("promise");
      const ring = centre(find(marks, "tsmc")!);
      const hero = centre(find(marks, "hero")!);
      expect(find(marks, "answer-public"), "no reply arrow").toBeUndefined();
      const stroke = find(marks, "remark")!;
      expect(stroke.tag).toBe("line");
      expect(classes(stroke)).toEqual(["leader"]);
      expect(Math.abs(num(stroke, "x1") - ring[0])).toBeLessThan(0.2);
      expect(Math.abs(num(stroke, "x2") - ring[0])).toBeLessThan(0.2);
      expect(num(stroke, "y1")).toBeLessThan(ring[1]);
      expect(num(stroke, "y2"), "up, over the row").toBeLessThan(num(stroke, "y1"));
      // No head on it, and of all the arrowheads only the talks' (at TSMC) and the private answer's (at OpenAI).
      expect(
        [...walk(marks)].map((w) => w.mark.key).filter((k) => k.endsWith("-head") && !/^(public|private|refused)-head/.test(k)),
      ).toEqual(["link-tsmc-head", "answer-private-head"]);
      // Nothing grey comes to OpenAI's dot from over the row.
      for (const { mark } of walk(marks)) {
        if (!classes(mark).includes("arc-grey") || mark.tag !== "line") continue;
        expect(Math.abs(num(mark, "x2") - hero[0]), mark.key).toBeGreaterThan(num(find(marks, "hero")!, "width"));
      }
      // Its words end just over the leader's top, the leader under them.
      const words = texts(marks)
        .filter((m) => m.key.startsWith("public-"))
        .map(textBox);
      const foot = Math.max(...words.map((b) => b.y1));
      expect(num(stroke, "y2")).toBeGreaterThan(foot);
      expect(num(stroke, "y2") - foot).toBeLessThan(t.small);
      expect(Math.min(...words.map((b) => b.x0))).toBeLessThan(ring[0]);
      expect(Math.max(...words.map((b) => b.x1))).toBeGreaterThan(ring[0]);
    });

    // Standards review 48: the refusal step (most executives Altman approached said no) had had no drawing; its one
    // change had been Wei's remark alone. Graphics review 51, item 2: the two had stood as one stacked panel tied to
    // TSMC. Graphics review 54, item 4: Wei's words and the executives' no had hung on uprights of different heights from
    // TSMC's ring, read as bars, one larger. The executives' no is its own callout by the chipmakers' group (those Altman
    // approached), under it (on a phone on its side right of it, under the arrow), on a leader from the group's edge;
    // the article names no source for it, so none stands under it.
    it("shows the executives' refusal in its step: a callout on a leader from the chipmakers' group, clear of the row", () => {
      expect(find(at("tsmc"), "refused-head-0")).toBeUndefined();
      for (const state of ["refusal", "promise"] as const) {
        const marks = at(state);
        expect(answerText(marks, "refused"), state).toBe(words(`${ctx.t("refused-head")} ${ctx.t("refused")}`));
        expect(find(marks, "refused-source-0"), "the article names no source for it").toBeUndefined();
        const refused = texts(marks)
          .filter((m) => m.key.startsWith("refused-"))
          .map(textBox);
        const box: Box = {
          x0: Math.min(...refused.map((b) => b.x0)),
          y0: Math.min(...refused.map((b) => b.y0)),
          x1: Math.max(...refused.map((b) => b.x1)),
          y1: Math.max(...refused.map((b) => b.y1)),
        };
        const row = centre(find(marks, "tsmc")!)[1];
        const hero = centre(find(marks, "hero")!);
        const tie = find(marks, "refused-tie")!;
        const group = find(marks, "chipmakers")!;
        const g: Box = {
          x0: num(group, "x"),
          y0: num(group, "y"),
          x1: num(group, "x") + num(group, "width"),
          y1: num(group, "y") + num(group, "height"),
        };
        expect(classes(tie)).toEqual(["leader"]);
        // under the row, left of the private answer's upright at OpenAI, outside the group
        expect(box.y0, state).toBeGreaterThan(row);
        expect(box.x1, state).toBeLessThan(hero[0]);
        expect(box.y0 >= g.y1 || box.x0 >= g.x1, `${state}: outside the group`).toBe(true);
        // its leader from the group's edge to the callout, a short way
        const [a, b] = [
          [num(tie, "x1"), num(tie, "y1")],
          [num(tie, "x2"), num(tie, "y2")],
        ] as const;
        // (k: the axis it runs along, level on a phone on its side, down elsewhere; o: the other)
        const k = layout === "land" ? 0 : 1;
        const o = 1 - k;
        const [lo, hi, edge] = [
          [box.x0, box.y0],
          [box.x1, box.y1],
          [g.x1, g.y1],
        ];
        expect(a[o]).toBe(b[o]);
        expect(a[k]).toBeCloseTo(edge[k]!, 0);
        expect(lo[k]! - b[k]).toBeGreaterThan(0);
        expect(lo[k]! - b[k]).toBeLessThan(t.small);
        expect(a[o]).toBeGreaterThan(lo[o]!);
        expect(a[o]).toBeLessThan(Math.min(hi[o]!, edge[o]!));
      }
      // the words come from the label files, the same in both languages' structure
      expect(ctxFor("hunt", layout, "de").t("refused-head")).not.toBe(ctx.t("refused-head"));
    });

    it("draws TSMC's answer in private as a grey dashed arrow back from its ring to OpenAI's dot, under the row", () => {
      const marks = at("promise");
      const ring = centre(find(marks, "tsmc")!);
      const hero = centre(find(marks, "hero")!);
      const r = num(find(marks, "hero")!, "width");
      const priv = find(marks, "answer-private")!;
      expect(classes(priv)).toEqual(["arc", "arc-grey", "arc-dash"]);
      for (const [m, side] of [[priv, 1]] as const) {
        const e = elbow(m);
        expect(Math.abs(e.x0 - ring[0]), `${m.key} leaves TSMC's ring`).toBeLessThan(0.2);
        expect(Math.abs(e.x1 - hero[0]), `${m.key} comes to OpenAI's dot`).toBeLessThan(0.2);
        expect(Math.sign(e.y0 - ring[1]), m.key).toBe(side);
        expect(Math.abs(e.y1 - hero[1]), m.key).toBeLessThan(r * 1.2);
        expect(Math.sign(e.via - ring[1]), `${m.key} runs ${side < 0 ? "over" : "under"} the row`).toBe(side);
        const head = tip(find(marks, `${m.key}-head`)!);
        expect(head[0], `${m.key}: its head at OpenAI`).toBeCloseTo(e.x1, 1);
        expect(head[1]).toBeCloseTo(e.y1, 1);
        expect(classes(find(marks, `${m.key}-head`)), `${m.key}: its head solid`).toEqual(["arc", "arc-grey"]);
      }
      // Under the row's names (NVIDIA's role and the chipmakers' names): the private arrow crosses no word.
      const rowFoot = Math.max(
        ...texts(marks)
          .filter((m) => /^(tsmc-lbl|others-lbl|nvidia-lbl|nvidia-role)/.test(m.key))
          .map((m) => textBox(m).y1),
      );
      expect(elbow(priv).via).toBeGreaterThan(rowFoot);
      // No panels, no rules, no bust: the answers are the arrows and their words.
      for (const state of hunt.states)
        for (const { mark } of walk(at(state))) {
          expect(classes(mark), `${state}: ${mark.key}`).not.toContain("table-rule");
          if (mark.key !== "caption-rule") expect(mark.key, state).not.toMatch(/rule$|^wei-|^fab-|^order/);
        }
    });

    // Graphics review 51, item 2: the answers had been bold run-ins and whole sentences ("In public, asked about new
    // fabs:", Wei's remark and its speaker line, "Most executives Altman approached:"), a text slide. Each is now a
    // callout of a few words, its head (who, or how) bold, its words beside it; only the private offer keeps its source,
    // the hedge "per a senior TSMC manager", under it.
    it("sets each answer as a callout of a few words: its head bold, its words beside it, the private offer's source under it", () => {
      const marks = at("promise");
      for (const [key, text] of [
        ["refused", "refused"],
        ["public", "verdict"],
        ["private", "offer"],
      ] as const) {
        const head = key === "refused" ? "refused-head" : key;
        const read = answerText(marks, key);
        expect(read).toBe(words(`${ctx.t(head)} ${ctx.t(text)}`));
        expect(read.split(/\s+/).length, `${key}: "${read}"`).toBeLessThanOrEqual(7);
        expect(classes(find(marks, `${key}-head-0`))).toContain("lbl-strong");
        const first = find(marks, `${key}-first-0`)!;
        expect(num(first, "y")).toBe(num(find(marks, `${key}-head-0`)!, "y"));
        expect(textBox(first).x0).toBeGreaterThan(textBox(find(marks, `${key}-head-0`)!).x1);
        // two lines at most
        expect(texts(marks).filter((m) => m.key.startsWith(`${key}-text-`)).length, key).toBeLessThanOrEqual(1);
      }
      expect(words(labelText(marks, "private-source"))).toBe(words(ctx.t("manager")));
      expect(ctx.t("manager")).toMatch(/TSMC/);
      expect(classes(find(marks, "private-source-0"))).toContain("lbl-muted");
      // The private words on its arrow, just under its level, from its upright onward; the public ones over the row.
      const box = (key: string): Box => {
        const bs = texts(marks)
          .filter((m) => m.key.startsWith(`${key}-`))
          .map(textBox);
        return {
          x0: Math.min(...bs.map((b) => b.x0)),
          y0: Math.min(...bs.map((b) => b.y0)),
          x1: Math.max(...bs.map((b) => b.x1)),
          y1: Math.max(...bs.map((b) => b.y1)),
        };
      };
      const priv = elbow(find(marks, "answer-private")!);
      const pb = box("public");
      const qb = box("private");
      expect(pb.y1).toBeLessThan(centre(find(marks, "tsmc")!)[1]);
      expect(qb.y0).toBeGreaterThan(priv.via);
      expect(qb.y0 - priv.via).toBeLessThan(t.small);
      expect(Math.abs(qb.x0 - priv.x0)).toBeLessThan(t.label * 1.3);
    });

    it("keeps every word clear of the others, of the arrows and of the figure's edges, above the caption", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const caption = num(find(marks, "caption-rule")!, "y1");
        const boxes = texts(marks)
          .filter((m) => !classes(m).includes("note"))
          .map((m) => ({ key: m.key, ...textBox(m) }));
        for (const b of boxes) {
          // (three tenths of an em clear of its rule: ink ending on it reads as touching the note under it)
          expect(b.y1, `${state}: ${b.key} above the caption`).toBeLessThan(
            caption -
              0.3 *
                num(
                  texts(marks).find((m) => m.key === b.key)!,
                  "font-size",
                ),
          );
          expect(b.y0, `${state}: ${b.key} inside the top`).toBeGreaterThanOrEqual(0);
          expect(b.x0, `${state}: ${b.key} inside the left`).toBeGreaterThanOrEqual(0);
          expect(b.x1, `${state}: ${b.key} inside the right`).toBeLessThanOrEqual(ctx.width);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            const hit = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
            expect(hit, `${state}: ${a.key} × ${b.key}`).toBe(false);
          }
        // The arrows' segments: level ones and uprights; no word on any.
        const segs: [number, number, number, number][] = [];
        const line = find(marks, "link-tsmc");
        if (line) segs.push([num(line, "x2"), num(line, "y1"), num(line, "x1"), num(line, "y1")]);
        for (const key of ["remark", "refused-tie"]) {
          const m = find(marks, key);
          if (m) segs.push([num(m, "x1"), num(m, "y2"), num(m, "x1"), num(m, "y1")]);
        }
        for (const key of ["answer-private"]) {
          const m = find(marks, key);
          if (!m) continue;
          const e = elbow(m);
          segs.push(
            [e.x0, Math.min(e.y0, e.via), e.x0, Math.max(e.y0, e.via)],
            [e.x0, e.via, e.x1, e.via],
            [e.x1, Math.min(e.y1, e.via), e.x1, Math.max(e.y1, e.via)],
          );
        }
        for (const [x0, y0, x1, y1] of segs)
          for (const b of boxes)
            expect(b.x0 < x1 + 1 && b.x1 > x0 - 1 && b.y0 < y1 + 1 && b.y1 > y0 - 1, `${state}: ${b.key} on an arrow`).toBe(false);
      }
    });
  });

  // Graphics review 53, item 3: on the desktop NVIDIA's chip (fifteen label heights across) had been the largest thing on
  // the stage and the TSMC exchange small in its lower left, while on the phone the chip was an icon: the emphasis flipped
  // between screens. NVIDIA is context: an icon at one size in label heights on every screen, to the side; the exchange,
  // OpenAI's arrow to TSMC and the answers' callouts, takes the figure's width, centred; the nodes stay at the story's one
  // size (graphics review 52, item 3: grow the room, not the dots).
  it.each(LAYOUT_LIST)("%s: the TSMC exchange is the subject, NVIDIA an icon to the side, the same on every screen", (layout) => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", layout, lang);
      const t = typeOf(ctx);
      const W = ctx.width - 2 * t.pad;
      for (const state of hunt.states) {
        const marks = hunt.marks(state, ctx);
        const side = num(find(marks, "nvidia-sub")!, "width");
        const msg = `${lang} ${state}`;
        expect(side / t.label, `${msg}: NVIDIA's chip, in label heights`).toBeCloseTo(ICON, 1);
        for (const key of ["tsmc", "hero"])
          expect(Math.abs(num(find(marks, key)!, "width") - t.label), `${msg}: ${key}`).toBeLessThanOrEqual(t.label * 0.1);
        // the exchange across the figure, TSMC's ring to OpenAI's dot: more than half its width, many times the chip's
        const ring = centre(find(marks, "tsmc")!);
        const hero = centre(find(marks, "hero")!);
        expect(hero[0] - ring[0], `${msg}: the exchange's span`).toBeGreaterThan(W * 0.55);
        expect(hero[0] - ring[0], `${msg}: the exchange's span against the chip`).toBeGreaterThan(side * 6);
        // NVIDIA to the side: its chip right of the middle of the exchange, over OpenAI, never over the span's middle half
        const sub = find(marks, "nvidia-sub")!;
        expect(num(sub, "x"), msg).toBeGreaterThan(ring[0] + (hero[0] - ring[0]) * 0.75);
        // the figure centred across the stage
        const boxes = pictureBoxes(marks);
        const left = Math.min(...boxes.map((b) => b.x0));
        const right = Math.max(...boxes.map((b) => b.x1));
        expect(Math.abs(left + right - ctx.width), `${msg}: centred`).toBeLessThan(ctx.width * 0.06);
        // the answers' callouts beside their marks, each larger than NVIDIA's chip, left of NVIDIA's column
        if (state === "origin" || state === "tsmc") continue;
        for (const key of ["public", "refused", ...(state === "promise" ? ["private"] : [])]) {
          const bs = texts(marks)
            .filter((m) => m.key.startsWith(`${key}-`))
            .map(textBox);
          const width = Math.max(...bs.map((b) => b.x1)) - Math.min(...bs.map((b) => b.x0));
          expect(width, `${msg}: ${key} wider than the chip`).toBeGreaterThan(side * 2.5);
          if (key !== "private") expect(Math.max(...bs.map((b) => b.x1)), `${msg}: ${key} left of NVIDIA`).toBeLessThan(num(sub, "x"));
        }
      }
    }
  });

  // Graphics review 54, item 4: Wei's words and the executives' no had hung on uprights of different heights from TSMC's
  // ring and read as bars, as if one were larger. Each callout is tied to its mark by a leader of one short length and
  // one weight, the same for both, in both languages and on every screen: nothing in them reads as a quantity.
  it.each(LAYOUT_LIST)("%s: the refusal's two callouts hang on leaders of equal length and weight, short", (layout) => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", layout, lang);
      const t = typeOf(ctx);
      for (const state of ["refusal", "promise"] as const) {
        const marks = hunt.marks(state, ctx);
        const length = (m: Mark) => Math.hypot(num(m, "x2") - num(m, "x1"), num(m, "y2") - num(m, "y1"));
        const [wei, most] = [find(marks, "remark")!, find(marks, "refused-tie")!];
        const msg = `${lang} ${state}`;
        expect(Math.abs(length(wei) - length(most)), `${msg}: ${length(wei)} against ${length(most)}`).toBeLessThan(0.5);
        expect(wei.attrs.class, msg).toBe(most.attrs.class);
        expect(length(wei), `${msg}: short`).toBeLessThan(t.small * 4.5);
        expect(length(wei), `${msg}: long enough to see`).toBeGreaterThan(t.small * 0.8);
      }
    }
  });

  // Graphics review 53, item 3: on the desktop the exchange stood small in the stage's lower left, the chip's column up
  // to the stage's top on a long stem. The figure in the middle of the stage's height, NVIDIA's name just over its chip,
  // its stem short; the last step spans most of the height above the caption.
  it("on the desktop centres the exchange in the stage's height, NVIDIA's icon on a short stem just over OpenAI", () => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", "column", lang);
      const t = typeOf(ctx);
      const marks = hunt.marks("promise", ctx);
      const cap = num(find(marks, "caption-band")!, "y");
      const boxes = pictureBoxes(marks);
      const [top, foot] = [Math.min(...boxes.map((b) => b.y0)), Math.max(...boxes.map((b) => b.y1))];
      // (about two thirds since graphics review 55, item 6: its spare room shared over and under the figure, so that the
      // first steps, the row and NVIDIA's icon, stand near the stage's middle: tests/unit/render/zoom.test.ts, CENTRED)
      expect((foot - top) / cap, lang).toBeGreaterThan(0.6);
      expect(Math.abs(top - t.pad - (cap - foot)), `${lang}: as much room over it as under it`).toBeLessThan(cap * 0.12);
      const stem = find(marks, "depends")!;
      expect(Math.abs(num(stem, "y2") - num(stem, "y1")), lang).toBeLessThan(t.label * 2);
    }
  });

  // With NVIDIA an icon the chapter draws at the desktop's zoom, 1.05 (src/render/zoom.ts COLUMN_ZOOM): words set larger
  // than the names (1.05 and 1.15 times, when it drew at 1) came out over 1.1 times the prose at 1920 × 1080
  // (tests/e2e/labelsize.spec.ts).
  it("on the desktop sets no word on the stage larger than the names", () => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", "column", lang);
      for (const state of hunt.states)
        for (const m of texts(hunt.marks(state, ctx)))
          expect(num(m, "font-size"), `${lang} ${state} ${m.key}`).toBeLessThanOrEqual(typeOf(ctx).label + 0.01);
    }
  });

  // The stage's zoom on a phone (src/render/zoom.ts) never draws a shape smaller than at the stage's own size: the
  // chipmakers' names, wrapped to what the row left, had wrapped narrower in English in the smaller box, their group came
  // out smaller, and the English stage stayed at zoom 1 while the German drew at 1.15 (graphics review 53).
  it.each(["square", "land"] as const)("%s: draws the English and the German stage at the same zoom, step for step", (layout) => {
    const zooms = (lang: "en" | "de") =>
      runZooms(hunt.states.length, (i, c) => hunt.marks(hunt.states[i]!, c), ctxFor("hunt", layout, lang), ZOOMS[layout]);
    const [en, de] = [zooms("en"), zooms("de")];
    expect(en).toEqual(de);
    expect(Math.min(...en), "larger than the stage's own size").toBeGreaterThan(1);
  });

  it("sets no word on the phone's stage under 20 units (12 px at 390 px wide, where the stage draws at 0.6)", () => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", "square", lang);
      for (const state of hunt.states)
        for (const m of texts(hunt.marks(state, ctx))) expect(num(m, "font-size"), `${lang} ${state} ${m.key}`).toBeGreaterThanOrEqual(20);
    }
  });

  // (in German on a phone on its side the group, as wide as its long name, had reached nearly to OpenAI's dot)
  it("keeps the chipmakers' group well clear of OpenAI: a third of the row at least between them, in both languages", () => {
    for (const lang of ["en", "de"] as const)
      for (const layout of LAYOUT_LIST) {
        const marks = hunt.marks("promise", ctxFor("hunt", layout, lang));
        const group = find(marks, "chipmakers")!;
        const ring = centre(find(marks, "tsmc")!);
        const hero = find(marks, "hero")!;
        const right = num(group, "x") + num(group, "width");
        expect(num(hero, "x") - right, `${lang} ${layout}`).toBeGreaterThan((centre(hero)[0] - ring[0]) / 3);
      }
  });

  it("German: the same composition, every word clear of the others and inside the figure", () => {
    for (const layout of LAYOUT_LIST) {
      const ctx = ctxFor("hunt", layout, "de");
      for (const state of hunt.states) {
        const boxes = texts(hunt.marks(state, ctx)).map((m) => ({ key: m.key, ...textBox(m) }));
        for (const b of boxes) {
          expect(b.x1, `${layout} ${state} ${b.key}`).toBeLessThanOrEqual(ctx.width);
          expect(b.y0, `${layout} ${state} ${b.key}`).toBeGreaterThanOrEqual(0);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            const hit = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
            expect(hit, `${layout} ${state}: ${a.key} × ${b.key}`).toBe(false);
          }
      }
    }
  });

  it("labels come from the language's label file", () => {
    const de = hunt.marks("promise", ctxFor("hunt", "column", "de"));
    const en = hunt.marks("promise", ctxFor("hunt", "column", "en"));
    for (const key of ["public", "private"]) {
      expect(labelText(de, `${key}-head`)).toBe(ctxFor("hunt", "column", "de").t(key));
      expect(labelText(en, `${key}-head`)).toBe(ctxFor("hunt", "column", "en").t(key));
      expect(labelText(de, `${key}-head`)).not.toBe(labelText(en, `${key}-head`));
    }
  });
});

/** The caption strip's text keys (its note), whatever the strip calls them. */
function captionKeys(marks: Mark[]): string[] {
  return texts(marks)
    .filter((m) => classes(m).includes("note") || m.key.startsWith("caption") || m.key.startsWith("note"))
    .map((m) => m.key.replace(/-\d+$/, ""));
}
