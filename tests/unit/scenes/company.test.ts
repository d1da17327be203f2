// Scene "company": the planned data-centre company as a deal diagram with fixed
// seats, over two chapters (the plan, then OpenAI's board). What each state must
// show, in every layout; words are checked against the labels (ctx.t), never
// literals. Colour roles and line styles: src/scenes/figure.css.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { company } from "../../../src/scenes/company.ts";
import { boxAround, grow, inside, isCaption, overlaps, textBox, typeOf, type Box } from "../../../src/scenes/figure.ts";
import { pathPoints, readPath } from "../../../src/scenes/pathData.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS, STAGE_LAYOUTS } from "../../../src/story/config.ts";
import { builtMarks, ctxFor, find, labelText, num, realFacts, realStory, texts, walk, CONTENT, LANGS } from "../support.ts";
import { LINE_KEY, LINE_STYLE } from "./key.ts";
import { nameForms } from "../../../src/story/facts.ts";
import { specOf } from "../../../src/scenes/companySeats.ts";

type State = (typeof company.states)[number];
const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
/** Labels keep short quotes together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const rectBox = (m: Mark): Box => ({
  x0: num(m, "x"),
  y0: num(m, "y"),
  x1: num(m, "x") + num(m, "width"),
  y1: num(m, "y") + num(m, "height"),
});
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** How far apart two boxes lie (0 where they touch or overlap). */
const gapBetween = (a: Box, b: Box) => Math.hypot(Math.max(a.x0 - b.x1, 0, b.x0 - a.x1), Math.max(a.y0 - b.y1, 0, b.y0 - a.y1));
/** How far a point lies from a box (0 inside it). */
const boxDistance = (b: Box, [x, y]: [number, number]) => gapBetween(b, { x0: x, y0: y, x1: x, y1: y });
/** Points along a path's straight and quadratic pieces, 20 to a piece. */
function sampled(d: string): [number, number][] {
  const out: [number, number][] = [];
  let at: [number, number] = [0, 0];
  for (const c of readPath(d)) {
    const p = c.points as [number, number][];
    for (let i = 0; i <= 20; i++) {
      const t = i / 20;
      const u = 1 - t;
      if (c.cmd === "L") out.push([at[0] + (p[0]![0] - at[0]) * t, at[1] + (p[0]![1] - at[1]) * t]);
      if (c.cmd === "Q")
        out.push([u * u * at[0] + 2 * u * t * p[0]![0] + t * t * p[1]![0], u * u * at[1] + 2 * u * t * p[0]![1] + t * t * p[1]![1]]);
    }
    if (p.length) at = p.at(-1)!;
  }
  return out;
}
const DCS = [0, 1, 2].map((i) => `dc-${i}`);
/** The actors on seats (dots and rings), the company box and its data centres. */
const SEATED = ["hero", "investors", "pe", "softbank", "commerce", "gov", "board", "company", ...DCS];
/** Altman, a person: the story's bust (a head over shoulders), its centre and its height. */
const altmanOf = (marks: Mark[]): { c: [number, number]; h: number } | undefined => {
  const head = find(marks, "altman-head");
  const body = find(marks, "altman-body");
  if (!head || !body) return undefined;
  const pts = pathPoints(String(body.attrs.d));
  const y0 = num(head, "cy") - num(head, "r");
  const y1 = Math.max(...pts.map((p) => p[1]));
  return { c: [num(head, "cx"), (y0 + y1) / 2], h: y1 - y0 };
};

/** A state's marks as the built stage draws them in a layout (the phone's composed for its room). */
const stageOf = (lang: string, state: State, layout: Layout): Mark[] | undefined => builtMarks("company", lang, state, layout);

describe("company", () => {
  it("has seven states, the plan's four and the board's three", () => {
    expect(company.states).toEqual(["plan", "investors", "approval", "motives", "crisis", "stake", "calm"]);
  });

  // Graphics review 52, item 2: the step showed nothing of itself, the plan again with one lone ring beside it. Now the
  // governments are tied to the planned company by a dotted line (the tie is not known: the article does not say they had
  // a part in the plan), grey like its giver, arrowed into the company box; what it leaves open is said under their name.
  // Graphics review 53, item 5: the aims floated beside that line as an indented list attached to nothing, and the
  // arrowhead ran into the box's corner. The aims, the article's three in the prose's order, are one callout on the
  // governments: a block headed by what it is ("Their aims:"), each aim its own line after a tick, joined to their ring
  // by a leader, clear of every other word and of the dotted line; the line ends on the middle of the box's bottom edge
  // (on the phone, where the company stands below them and Altman's line holds the left edge's middle, on the left edge
  // a fifth down), its arrowhead at least 4 units from every corner. (Graphics review 51, item 2, still holds: no
  // bullet characters, no list marker class; every word drawn is an actor's name, its lines, or the callout's.)
  it.each(LAYOUT_LIST.flatMap((layout) => LANGS.flatMap((lang) => ["scene", "stage"].map((from) => [layout, lang, from] as const))))(
    "motives (%s, %s, %s): the governments' aims one callout on their ring; a dotted line from them onto the middle of the company box's edge",
    (layout, lang, from) => {
      const ctx = ctxFor("company", layout, lang);
      const marks = from === "scene" ? company.marks("motives", ctx) : stageOf(lang, "motives", layout);
      if (!marks) return;
      const owners = /^(company-(lbl|val)|dcs-lbl|altman-lbl|hero-lbl|gov-(lbl|val)|gov-aims-head|aims-(data|standing|growth)-lbl)-\d+$/;
      const drawn = texts(marks).filter((m) => !isCaption(m));
      expect(
        drawn.filter((m) => !owners.test(m.key)).map((m) => `${m.key}: ${m.text}`),
        "words that are no actor's name, its lines, or the callout's",
      ).toEqual([]);
      expect([...walk(marks)].filter((w) => classes(w.mark).includes("bullet")).length, "no bullet").toBe(0);
      for (const m of drawn) expect(m.text ?? "", m.key).not.toMatch(/^[•·\-–]/);
      // The line: from the governments' ring into the company box, dotted, grey, arrowed.
      const line = find(marks, "link-aims");
      expect(line, "a line from the governments to the company").toBeDefined();
      expect(classes(line)).toEqual(expect.arrayContaining(["arc", "arc-grey", "arc-dot"]));
      expect(classes(line)).not.toContain("arc-dash");
      const head = find(marks, "link-aims-head");
      expect(head, "arrowed into the company").toBeDefined();
      const pts = sampled(String(line!.attrs.d));
      const ring = find(marks, "gov")!;
      const box = rectBox(find(marks, "company")!);
      const heading = find(marks, "gov-aims-head-0")!;
      const size = num(heading, "font-size");
      expect(dist(pts[0]!, centre(ring)), "it starts at the governments' ring").toBeLessThan(num(ring, "width") + size);
      const tip = pts.at(-1)!;
      expect(boxDistance(box, tip), "it ends at the company box").toBeLessThan(size);
      // On an edge's middle: the bottom's (the phone: the left edge, clear of its middle, which is Altman's line's);
      // every point of its arrowhead at least 4 units from every corner of the box.
      if (layout === "square") {
        expect(Math.abs(tip[0] - box.x0), "onto the left edge").toBeLessThan(size);
        expect(tip[1]).toBeGreaterThan(box.y0);
        expect(tip[1]).toBeLessThan((box.y0 + box.y1) / 2);
      } else {
        expect(Math.abs(tip[0] - (box.x0 + box.x1) / 2), "the bottom edge's middle").toBeLessThan(1);
        expect(tip[1] - box.y1, "onto the bottom edge").toBeGreaterThan(0);
        expect(tip[1] - box.y1, "onto the bottom edge").toBeLessThan(size);
      }
      const corners: [number, number][] = [
        [box.x0, box.y0],
        [box.x1, box.y0],
        [box.x0, box.y1],
        [box.x1, box.y1],
      ];
      for (const p of pathPoints(String(head!.attrs.d)))
        for (const c of corners) expect(dist(p, c), "arrowhead off the corner").toBeGreaterThanOrEqual(4);
      // The callout: its heading, then the three aims in the prose's order, each its own line(s), after a tick.
      expect(words(heading.text)).toBe(words(ctx.t("aims-head")));
      const keys = ["aims-data", "aims-standing", "aims-growth"];
      const block = [heading, ...drawn.filter((m) => /^aims-(data|standing|growth)-lbl-/.test(m.key))];
      expect(keys.map((k) => words(labelText(marks, `${k}-lbl`))?.replace(/\s+/g, " "))).toEqual(keys.map((k) => words(ctx.t(k))));
      const boxes = block.map((m) => textBox(m));
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]!.y0, `${block[i]!.key} under ${block[i - 1]!.key}`).toBeGreaterThan(boxes[i - 1]!.y0);
      for (const k of keys) {
        const tick = find(marks, `${k}-tick`)!;
        expect(tick?.tag, `${k}: a tick`).toBe("line");
        const first = textBox(find(marks, `${k}-lbl-0`)!);
        expect(num(tick, "x2"), `${k}: the tick before its words`).toBeLessThan(first.x0);
        expect(first.x0 - num(tick, "x2")).toBeLessThan(size);
        expect(num(tick, "y1")).toBeGreaterThan(first.y0);
        expect(num(tick, "y1")).toBeLessThan(first.y1);
      }
      // Joined to the ring: a leader from the ring's edge to the heading.
      const leader = find(marks, "gov-aims-leader")!;
      expect(classes(leader)).toContain("leader");
      const lp = sampled(String(leader.attrs.d));
      expect(dist(lp[0]!, centre(ring)), "the leader leaves the ring").toBeLessThan(num(ring, "width"));
      expect(Math.min(...lp.map((p) => boxDistance(boxes[0]!, p))), "and reaches the heading").toBeLessThan(size);
      // The callout clear of every other word, the box and the dotted line; no word on the leader.
      const others = drawn.filter((m) => !block.includes(m));
      for (const b of boxes) {
        expect(overlaps(b, box), "the callout on the company box").toBe(false);
        for (const o of others) expect(overlaps(b, textBox(o), 0.5), `the callout on ${o.key}`).toBe(false);
        for (const p of pts) expect(boxDistance(b, p), "the dotted line through the callout").toBeGreaterThan(size * 0.3);
      }
      for (const o of drawn) for (const p of lp) expect(boxDistance(textBox(o), p), `the leader through ${o.key}`).toBeGreaterThan(0);
      // Above the caption strip, with room to spare (on paper the German caption's second line had met the last aim).
      const band = num(find(marks, "caption-band")!, "y");
      for (const b of boxes) expect(band - b.y1, "the callout above the caption").toBeGreaterThan(size * 0.3);
      // Under the governments' name: their wish, and in words what the dotted line leaves open.
      expect(words(labelText(marks, "gov-val"))?.replace(/\s+/g, " ")).toBe(words(`${ctx.t("want")} ${ctx.t("gov-open")}`));
    },
  );

  // Graphics review 51, item 6: 150 ms into the plan, OpenAI's dot (handed over from the chapter before) was in mid-flight
  // without its name, which the renderer brings in only once the dot has landed. The name is handed over with it: the
  // chapter receives "hero-lbl-0" too, so the same words travel beside the dot. Both pictures set it as one line, the
  // same words, flush left right of the dot at nearly the same offset, so it keeps beside the dot all the way.
  it.each(LANGS.flatMap((lang) => STAGE_LAYOUTS.map((layout) => [lang, layout] as const)))(
    "plan (%s, %s): OpenAI's name is handed over with its dot, beside it before and after",
    (lang, layout) => {
      const list = realStory().compiled.chapters[lang]!;
      const i = list.findIndex((c) => c.scene === "company");
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(b.receives).toEqual(["hero", "hero-lbl-0"]);
      const beside = (marks: Mark[]) => {
        const dot = marks.find((m) => m.key === b.handoverNames["hero"])!;
        const name = marks.filter((m) => m.key === b.handoverNames["hero-lbl-0"]);
        expect(dot, "the dot").toBeDefined();
        expect(name.length, "one name").toBe(1);
        const [cx, cy] = centre(dot);
        const size = num(name[0]!, "font-size");
        // The gap from the dot's right edge to the words and the baseline under the dot's centre, in ems.
        return {
          text: name[0]!.text,
          anchor: name[0]!.attrs["text-anchor"],
          gap: (num(name[0]!, "x") - cx - num(dot, "width") / 2) / size,
          dy: (num(name[0]!, "y") - cy) / size,
        };
      };
      const before = beside(a.steps.at(-1)!.marks[layout]!);
      const after = beside(b.steps[0]!.marks[layout]!);
      expect(after.text).toBe(before.text);
      expect([before.anchor, after.anchor]).toEqual(["start", "start"]);
      // Right of the dot, a short gap from it, on its line, before and after (so all the way between).
      for (const p of [before, after]) {
        expect(p.gap, JSON.stringify(p)).toBeGreaterThan(0);
        expect(p.gap, JSON.stringify(p)).toBeLessThan(1.5);
        expect(Math.abs(p.dy - 0.35), JSON.stringify(p)).toBeLessThan(0.2);
      }
    },
  );

  // Commerce's approval, which insiders say Altman obtained for the planned company (graphics review 44, item 6: drawn to Altman, it read as an
  // approval of him): its line drops straight down from Commerce's ring onto the company box's top edge, clear of every
  // word and not through the box; and no two lines of words lie on each other.
  it.each(LAYOUT_LIST.flatMap((layout) => LANGS.map((lang) => [layout, lang] as const)))(
    "approval (%s, %s): Commerce's line drops straight onto the company box, crossing no words; no words on other words",
    (layout, lang) => {
      const marks = company.marks("approval", ctxFor("company", layout, lang));
      const line = find(marks, "link-approval")!;
      const [x1, y1, cx, cy, x2, y2] = (String(line.attrs.d).match(/-?[\d.]+/g) ?? []).map(Number) as number[];
      const along = Array.from({ length: 41 }, (_, i) => {
        const t = i / 40;
        const u = 1 - t;
        return [u * u * x1! + 2 * u * t * cx! + t * t * x2!, u * u * y1! + 2 * u * t * cy! + t * t * y2!] as const;
      });
      const words = texts(marks).filter((m) => !isCaption(m));
      for (const w of words.map((m) => [m.key, textBox(m)] as const))
        for (const [x, y] of along)
          expect(overlaps(w[1], { x0: x - 1, y0: y - 1, x1: x + 1, y1: y + 1 }, 0.5), `line on ${w[0]}`).toBe(false);
      const box = rectBox(find(marks, "company")!);
      for (const [x, y] of along.slice(1, -1))
        expect(inside({ x0: x, y0: y, x1: x, y1: y }, box), "line through the company box").toBe(false);
      // Straight down, ending just over the box's top edge, inside its span.
      expect(Math.abs(x1! - x2!), "straight down").toBeLessThan(1);
      expect(y2!).toBeGreaterThan(y1!);
      expect(x2!).toBeGreaterThan(box.x0);
      expect(x2!).toBeLessThan(box.x1);
      expect(box.y0 - y2!, "its arrow at the box's top edge").toBeGreaterThan(0);
      expect(box.y0 - y2!, "its arrow at the box's top edge").toBeLessThan(typeOf(ctxFor("company", layout, lang)).label);
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j < words.length; j++)
          expect(overlaps(textBox(words[i]!), textBox(words[j]!), 0.5), `${words[i]!.key} on ${words[j]!.key}`).toBe(false);
    },
  );

  // Graphics review 45, item 5: on the phone "Governments abroad, e.g. in the Middle East" ran up to the Commerce
  // Department's ring, so the ring read as a bullet of the other label. No words come within half a line's height of
  // another actor's ring or dot (its own name and words stand beside it), in any state, layout or language, in the
  // scene's drawing and as the built stage draws it.
  it.each(LAYOUT_LIST.flatMap((layout) => LANGS.flatMap((lang) => ["scene", "stage"].map((from) => [layout, lang, from] as const))))(
    "(%s, %s, %s) keeps every label clear of the other actors' rings",
    (layout, lang, from) => {
      const ctx = ctxFor("company", layout, lang);
      for (const state of company.states) {
        const marks = from === "scene" ? company.marks(state, ctx) : stageOf(lang, state, layout);
        if (!marks) continue;
        const rings = ["hero", "investors", "pe", "softbank", "commerce", "gov", "board"].flatMap((k) => {
          const m = find(marks, k);
          return m ? [[k, rectBox(m)] as const] : [];
        });
        for (const t of texts(marks).filter((m) => !isCaption(m))) {
          const b = textBox(t);
          const clear = num(t, "font-size") * 0.5;
          for (const [k, ring] of rings) {
            if (t.key.startsWith(`${k}-lbl-`) || t.key.startsWith(`${k}-val-`)) continue;
            expect(overlaps(b, grow(ring, clear)), `${state}: ${t.key} runs into ${k}'s ring`).toBe(false);
          }
        }
      }
    },
  );

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("company", layout, "en");
    const at = (state: State) => company.marks(state, ctx);
    const label = (state: State, key: string) => words(labelText(at(state), key));
    /** A link's ends, and whether each lies nearer one seat than the other. */
    const ends = (m: Mark) => {
      const pts = pathPoints(String(m.attrs.d));
      return [pts[0]!, pts.at(-1)!] as const;
    };

    it("holds every seat through both chapters: a mark drawn in two states sits in the same place in both", () => {
      const seen = new Map<string, string>();
      for (const state of company.states) {
        for (const key of SEATED) {
          const m = find(at(state), key);
          if (!m) continue;
          const where = JSON.stringify([num(m, "x"), num(m, "y"), num(m, "width"), num(m, "height")]);
          expect(seen.get(key) ?? where, `${state}: ${key}`).toBe(where);
          seen.set(key, where);
        }
      }
      // The company box, its name and its data centres are there in every state.
      for (const state of company.states) {
        expect(classes(find(at(state), "company")), state).toContain("box-schematic");
        expect(label(state, "company-lbl"), state).toBe(words(ctx.t("company")));
        for (const key of DCS) expect(classes(find(at(state), key)), `${state} ${key}`).toContain("fab-new");
        expect(label(state, "dcs-lbl"), state).toBe(words(ctx.t("dcs")));
      }
      // Altman, a person, keeps his place too.
      const places = company.states.map((s) => altmanOf(at(s))?.c).filter((c) => c !== undefined);
      expect(places.length).toBeGreaterThan(4);
      for (const c of places) expect(c).toEqual(places[0]);
    });

    it("colour roles: OpenAI a rust dot, Altman a rust person, everyone else grey rings, money blue", () => {
      for (const state of company.states) {
        const marks = at(state);
        // (OpenAI is left out of the crisis's step: graphics review 54, item 3)
        const hero = find(marks, "hero")!;
        if (state === "crisis") continue;
        expect(hero.tag, state).toBe("rect");
        expect(Math.abs(num(hero, "rx") - num(hero, "width") / 2)).toBeLessThanOrEqual(0.1);
        expect(classes(hero)).toContain("marker-hero");
        expect(label(state, "hero-lbl"), state).toBe(words(ctx.t("openai")));
        for (const key of ["investors", "pe", "softbank", "commerce", "gov", "board"]) {
          const m = find(marks, key);
          // Everyone else: a ring, or greyed out (a muted dot) when the step no longer speaks of them.
          if (m)
            expect(
              classes(m).some((c) => c === "marker-ring" || c === "marker-muted"),
              `${state} ${key}`,
            ).toBe(true);
        }
        // A person is drawn as one, never as the dot that stands for OpenAI.
        if (find(marks, "altman-body")) {
          expect(find(marks, "altman"), state).toBeUndefined();
          for (const k of ["altman-head", "altman-body"]) expect(classes(find(marks, k)), `${state} ${k}`).toEqual(["bust"]);
        }
        for (const m of marks.filter((x) => /^link-capital$/.test(x.key))) {
          expect(classes(m), `${state} ${m.key}`).toContain("arc-money");
          expect(classes(find(marks, `${m.key}-money`)), `${state} ${m.key}`).toContain("bar-money");
        }
        // Rust lines (an arc without another colour) only for Altman's and OpenAI's plan.
        const plan = new Set(["link-found", "link-build", "link-rent", "link-talks", "link-stake"]);
        for (const m of marks.filter((x) => /^link-[a-z]+$/.test(x.key))) {
          const rust = classes(m).includes("arc") && !classes(m).some((c) => c === "arc-grey" || c === "arc-money" || c === "arc-ink");
          expect(rust, `${state} ${m.key}`).toBe(plan.has(m.key));
        }
      }
    });

    it("plan: Altman founds the company, outside money flows in; it builds data centres; OpenAI rents servers there", () => {
      const marks = at("plan");
      expect(label("plan", "altman-lbl")).toBe(words(ctx.t("altman")));
      expect(label("plan", "investors-lbl")).toBe(words(ctx.t("investors")));
      for (const [key, text] of [
        ["link-found", "found"],
        ["link-capital", "capital"],
        ["link-build", "build"],
        ["link-rent", "rent"],
      ] as const) {
        expect(find(marks, key)?.tag, key).toBe("path");
        expect(find(marks, `${key}-head`)?.tag, `${key} has an arrowhead`).toBe("path");
        expect(label("plan", `${key}-lbl`)).toBe(words(ctx.t(text)));
      }
      expect(label("plan", "company-val")).toBe(words(ctx.t("planned")));
      const middle = (k: string): number => {
        const b = rectBox(find(marks, k)!);
        return (b.y0 + b.y1) / 2;
      };
      expect(middle("company")).toBeLessThanOrEqual(middle("dc-0") + 0.5);
      expect(middle("dc-2")).toBeLessThan(middle("hero"));
      // A tight grid (graphics review 44, item 6: long diagonals left half the stage empty): money drops straight down
      // onto the company; across the page the plan runs along the middle row to the racks and straight down to OpenAI.
      const dx = (k: string) => {
        const [a, b] = ends(find(marks, k)!);
        return Math.abs(a[0] - b[0]);
      };
      const dy = (k: string) => {
        const [a, b] = ends(find(marks, k)!);
        return Math.abs(a[1] - b[1]);
      };
      expect(dx("link-capital"), "money straight down").toBeLessThan(1);
      if (layout !== "square") {
        expect(dy("link-found"), "founding along the row").toBeLessThan(1);
        expect(dy("link-build"), "building along the row").toBeLessThan(1);
        expect(dx("link-rent"), "renting straight down").toBeLessThan(1);
      }
    });

    it("investors: private equity considered by Altman (dashed, to him, no money drawn into the company); SoftBank linked to Altman (discussed: solid), not to the company", () => {
      const marks = at("investors");
      expect(label("investors", "pe-lbl")).toBe(words(ctx.t("pe")));
      expect(label("investors", "softbank-lbl")).toBe(words(ctx.t("softbank")));
      expect(label("investors", "softbank-val")).toBe(words(ctx.t("softbank-talk")));
      const sb = find(marks, "link-softbank")!;
      expect(classes(sb)).toEqual(["arc", "arc-grey"]);
      expect(find(marks, "link-softbank-head")).toBeUndefined();
      // Its ends lie at Altman's and SoftBank's dots, far from the company box.
      const altman = altmanOf(marks)!;
      const near = (p: readonly [number, number], key: string) =>
        dist([p[0], p[1]], key === "altman" ? altman.c : centre(find(marks, key)!));
      const r = altman.h;
      const [a, b] = ends(sb);
      expect(Math.min(near(a, "altman"), near(b, "altman"))).toBeLessThan(r * 2);
      expect(Math.min(near(a, "softbank"), near(b, "softbank"))).toBeLessThan(r * 2);
      // Private equity: only in Altman's considerations, not tied to the company: a dashed grey line to him, no arrow, no money.
      expect(label("investors", "pe-val")).toBe(words(ctx.t("pe-talk")));
      const pe = find(marks, "link-pe")!;
      expect(classes(pe)).toEqual(["arc", "arc-grey", "arc-dash"]);
      expect(find(marks, "link-pe-head")).toBeUndefined();
      expect(find(marks, "link-pe-money")).toBeUndefined();
      const [c, d] = ends(pe);
      expect(Math.min(near(c, "altman"), near(d, "altman"))).toBeLessThan(r * 2);
      expect(Math.min(near(c, "pe"), near(d, "pe"))).toBeLessThan(r * 2);
      // The only money into the company is the outside investors'.
      expect(marks.filter((m) => m.key.endsWith("-money")).map((m) => m.key)).toEqual(["link-capital-money"]);
    });

    it("approval: the Commerce Department's approval (obtained, insiders say: reported, so solid, and its text alternative says who reports it) and Altman's talks with governments abroad (rust solid, from his dot: held, insiders say), the UAE not yet named", () => {
      const marks = at("approval");
      expect(label("approval", "commerce-lbl")).toBe(words(ctx.t("commerce")));
      expect(label("approval", "commerce-val")).toBe(words(ctx.t("approval")));
      expect(label("approval", "gov-lbl")).toBe(words(ctx.t("gov")));
      expect(label("approval", "gov-val")).toBe(words(ctx.t("talks")));
      expect(ctx.t("approval")).toMatch(/insiders/);
      expect(ctx.t("talks")).toMatch(/insiders/);
      // "Insider sagen, Altman habe … die Genehmigung … eingeholt". Duden reads "einholen" as "erbitten [und erhalten]":
      // the word may also be read as only asked for. Standards review 55, item 1 (the English said "sought" under a
      // solid arrow from Commerce, drawn as a grant): the German keeps the article's verb, "eingeholt", everywhere;
      // the English follows its usual reading, "obtained, insiders say", never "sought", and one source note (the
      // name's, in facts.json) says the verb may also be read as asked for. Drawn as reported (solid: insiders report
      // that he obtained it); the text alternative says who reports it.
      expect(classes(find(marks, "link-approval"))).toEqual(["arc", "arc-grey"]);
      expect(find(marks, "link-approval-head")).toBeDefined();
      for (const [lang, tx] of [
        ["en", ctx.t],
        ["de", ctxFor("company", "column", "de").t],
      ] as const) {
        for (const key of ["approval", "alt.approval"]) {
          expect(tx(key), `${lang} ${key}`).toMatch(lang === "en" ? /insiders/i : /Insider/);
          expect(tx(key), `${lang} ${key}`).toMatch(lang === "en" ? /obtained/ : /eingeholt/);
          expect(tx(key), `${lang} ${key}`).not.toMatch(/sought|applied|erhalten|beantragt|our reading|Lesart/i);
        }
        // Standards review 56, item 5: the alternative says whose word it is ("insiders say"), not how the line is
        // drawn ("the arrow is solid because insiders report it"), which read aloud says the drawing, not the news.
        expect(tx("alt.approval"), lang).not.toMatch(/solid|durchgezogen|dashed|gestrichelt|because|weil/i);
      }
      expect(classes(find(marks, "link-talks"))).toEqual(["arc"]);
      // The talks were Altman's: the line runs from his dot to the governments, not from the planned company.
      const [a, b] = ends(find(marks, "link-talks")!);
      const altman = altmanOf(marks)!;
      const near = (p: readonly [number, number], key: string) =>
        dist([p[0], p[1]], key === "altman" ? altman.c : centre(find(marks, key)!));
      expect(near(a, "altman")).toBeLessThan(altman.h * 1.5);
      expect(near(b, "gov")).toBeLessThan(near(b, "company"));
      // The approval was for the planned company: its arrow ends at the company's box, far from Altman.
      const [c, d] = ends(find(marks, "link-approval")!);
      const box = rectBox(find(marks, "company")!);
      const toBox = boxDistance(box, d);
      expect(toBox).toBeLessThan(altman.h * 0.5);
      expect(near(d, "altman")).toBeGreaterThan(altman.h * 3);
      expect(near(c, "commerce")).toBeLessThan(near(c, "company"));
      const uae = nameForms(realFacts().names.uae!, "en");
      const all = texts(marks).map((m) => m.text ?? "");
      expect(all.some((t) => uae.some((n) => t.includes(n)))).toBe(false);
      expect(texts(at("motives")).some((m) => uae.some((n) => (m.text ?? "").includes(n)))).toBe(true);
    });

    it("motives: the governments' seat renamed (the UAE among them); Altman's talks line leaves (the article does not say he talked with the UAE); one line from them, into the company, not to Altman", () => {
      const marks = at("motives");
      expect(centre(find(marks, "gov")!)).toEqual(centre(find(at("approval"), "gov")!));
      expect(label("motives", "gov-lbl")).toBe(words(ctx.t("gov-uae")));
      expect(find(marks, "link-talks")).toBeUndefined();
      expect(marks.filter((m) => /^link-[a-z]+$/.test(m.key) && /gov|talks|aims/.test(m.key)).map((m) => m.key)).toEqual(["link-aims"]);
      const [a, b] = ends(find(marks, "link-aims")!);
      const box = rectBox(find(marks, "company")!);
      expect(dist(a, centre(find(marks, "gov")!))).toBeLessThan(boxDistance(box, a));
      expect(boxDistance(box, b)).toBeLessThan(dist(b, altmanOf(marks)!.c));
      expect(find(marks, "commerce")).toBeUndefined();
    });

    it("draws dashed what is planned, considered or under review, and solid only what the article reports as having happened", () => {
      const done = new Set(["link-approval", "link-talks", "link-softbank", "link-worry"]);
      // Dotted what is not known: the governments' tie to the planned company (graphics review 52, item 2).
      const open = new Set(["link-aims"]);
      for (const state of company.states) {
        for (const m of at(state).filter((m) => /^link-[a-z]+$/.test(m.key))) {
          expect(classes(m).includes("arc-dash"), `${state} ${m.key}`).toBe(!done.has(m.key) && !open.has(m.key));
          expect(classes(m).includes("arc-dot"), `${state} ${m.key}`).toBe(open.has(m.key));
          expect(classes(m), `${state} ${m.key}`).not.toContain("arc-strong");
        }
      }
      // The piece's one key (graphics review 50, item 5): "unsettled" takes in the considered and the under review.
      // (said by the drawn key, src/scenes/figure.ts captionStrip; the notes say their sources alone)
      for (const k of ["note", "note-plain"]) expect(ctx.t(k)).not.toMatch(LINE_STYLE.en);
      expect(LINE_KEY.en).toMatch(/solid: reported; dashed: planned or unsettled/i);
      expect(ctx.t("note-plain")).not.toMatch(/talks/i);
    });

    it("one meaning per colour: Altman and OpenAI stay rust in every state, stepping back only by opacity; the investors stay a ring", () => {
      for (const state of company.states) {
        const marks = at(state);
        if (state === "crisis") continue;
        expect(find(marks, "hero")!.attrs.class, state).toBe("marker marker-hero");
        for (const k of ["altman-head", "altman-body"])
          if (find(marks, k)) expect(find(marks, k)!.attrs.class, `${state}: ${k}`).toBe("bust");
        if (find(marks, "investors")) expect(find(marks, "investors")!.attrs.class, state).toBe("marker marker-ring");
      }
      for (const state of ["motives", "stake"] as const)
        for (const k of ["altman-head", "altman-body"]) expect(num(find(at(state), k)!, "opacity"), `${state} ${k}`).toBeLessThan(1);
      expect(find(at("plan"), "altman-body")!.attrs.opacity).toBeUndefined();
    });

    it("crisis: the board worries about Altman, the project stands apart from OpenAI, no investors yet, the crisis is dated", () => {
      const marks = at("crisis");
      expect(label("crisis", "board-lbl")).toBe(words(ctx.t("board")));
      expect(label("crisis", "board-val")).toBe(words(ctx.t("crisis")));
      expect(label("crisis", "link-worry-lbl")).toBe(words(ctx.t("worry")));
      expect(find(marks, "investors")).toBeUndefined();
      expect(find(marks, "link-capital")).toBeUndefined();
      expect(label("crisis", "company-idea")).toBe(words(ctx.t("independent")));
      expect(find(marks, "link-stake")).toBeUndefined();
      // The plan keeps its structure while the focus is on the board: its lines stay, fainter, in their own hue and dash.
      for (const k of ["link-found", "link-build"]) {
        expect(num(find(marks, k)!, "opacity"), k).toBeLessThan(1);
        expect(find(marks, k)!.attrs.class, k).toBe(find(at("plan"), k)!.attrs.class);
      }
      // The idea of that year stood apart from OpenAI: no tenancy drawn, though the plan's step before and after has it.
      expect(find(marks, "link-rent")).toBeUndefined();
      expect(find(at("motives"), "link-rent")).toBeDefined();
      expect(find(at("stake"), "link-rent")).toBeDefined();
      // So OpenAI, which no line of this step reaches, is not drawn (review 40: drawn strong with nothing tied to it, it
      // floated; graphics review 54, item 3: faded, it stayed a ghost in the stage's corner), neither its dot nor its
      // name; the steps before and after, where lines reach it, draw it full.
      for (const l of specOf("crisis", ctx.t, layout).links) expect([l.from, l.to], l.key).not.toContain("hero");
      expect(specOf("crisis", ctx.t, layout).nodes.map((n) => n.key)).not.toContain("hero");
      for (const { mark } of walk(marks)) expect(mark.key, "nothing of OpenAI's").not.toMatch(/^hero(-|$)/);
      for (const state of ["motives", "stake"] as const) expect(find(at(state), "hero")!.attrs.opacity, state).toBeUndefined();
    });

    it("stake and calm: OpenAI's proposed stake, the new board reviewing (dashed in both); calm says the little resistance left at OpenAI beside the plan it was to, not on the new board", () => {
      for (const state of ["stake", "calm"] as const) {
        const marks = at(state);
        expect(label(state, "board-lbl"), state).toBe(words(ctx.t("new-board")));
        expect(label(state, "board-val"), state).toBe(words(ctx.t("review")));
        expect(classes(find(marks, "link-stake"))).toEqual(["arc", "arc-dash"]);
        expect(find(marks, "link-stake-head")).toBeDefined();
        expect(label(state, "link-stake-lbl")).toBe(words(ctx.t("stake")));
        // Standards review 44: early in the year is when Altman told colleagues of it, not when a stake was granted.
        expect(ctx.t("stake")).toMatch(/Altman told colleagues/);
        expect(classes(find(marks, "link-review")), state).toEqual(["arc", "arc-grey", "arc-dash"]);
        // The box says the same in both: the step's change is drawn, not written into it.
        expect(label(state, "company-val"), state).toBe(words(ctx.t("planned")));
      }
      // Standards review 47, item 3: calm had drawn the crisis's worry again, faded, from the board's seat, which by then
      // holds the new board (the old board's worry on the new one). No worry in either step, no stroke in any state; the
      // little resistance left at OpenAI is said in words, clear of every line.
      for (const state of ["stake", "calm"] as const) expect(find(at(state), "link-worry"), state).toBeUndefined();
      for (const state of company.states) expect(find(at(state), "link-resist"), state).toBeUndefined();
      for (const state of company.states) for (const m of at(state)) expect(m.key, state).not.toMatch(/strike/);
      for (const state of company.states.filter((s) => s !== "calm")) expect(find(at(state), "company-state-0"), state).toBeUndefined();
      expect(label("calm", "company-state")).toBe(words(ctx.t("calm")));
      // (it names whose resistance: beside the plan, not under OpenAI's name, the words must say it)
      expect(ctx.t("calm")).toMatch(/OpenAI/);
      // Graphics review 50, item 6: calm had only added a grey note to the stake's figure. The step's one change is
      // said in ink, not as a grey note; the new board, its review line and the investors' money step back (fainter,
      // same hue and dash: the review goes on); Altman, faint in the stake, comes forward with nothing drawn against him.
      expect(classes(find(at("calm"), "company-state-0"))).toEqual(["lbl"]);
      // OpenAI's name carries no second line in either step.
      for (const state of ["stake", "calm"] as const) expect(find(at(state), "hero-val-0"), state).toBeUndefined();
      for (const k of ["board", "link-review", "link-review-head", "link-capital", "link-capital-money"]) {
        expect(find(at("stake"), k)!.attrs.opacity, `stake ${k}`).toBeUndefined();
        expect(num(find(at("calm"), k)!, "opacity"), `calm ${k}`).toBeLessThan(1);
        expect(find(at("calm"), k)!.attrs.class, k).toBe(find(at("stake"), k)!.attrs.class);
      }
      expect(classes(find(at("calm"), "board-lbl-0"))).toContain("lbl-muted");
      // (stepping back, its name keeps its side: the narrower muted name had fitted centred under the ring and jumped)
      for (const lang of LANGS) {
        const [a, b] = (["stake", "calm"] as const).map((s) =>
          textBox(find(company.marks(s, ctxFor("company", layout, lang)), "board-lbl-0")!),
        );
        expect(Math.abs(a!.x0 - b!.x0), `${lang}: the board's name in place`).toBeLessThan(2);
      }
      expect(classes(find(at("stake"), "board-lbl-0"))).not.toContain("lbl-muted");
      for (const k of ["altman-head", "altman-body"]) {
        expect(num(find(at("stake"), k)!, "opacity"), k).toBeLessThan(1);
        expect(find(at("calm"), k)!.attrs.opacity, k).toBeUndefined();
      }
      for (const k of ["hero", "link-stake", "link-found", "link-build", "link-rent"])
        expect(find(at("calm"), k)!.attrs.opacity, `calm ${k}`).toBeUndefined();
      const small = typeOf(ctx).small;
      for (const lang of LANGS) {
        const drawn = company.marks("calm", ctxFor("company", layout, lang));
        const note = texts(drawn)
          .filter((m) => m.key.startsWith("company-state-"))
          .map(textBox);
        expect(note.length).toBeGreaterThan(0);
        for (const key of ["link-review", "link-stake", "link-rent", "link-build"].filter((k) => find(drawn, k))) {
          const pts = sampled(String(find(drawn, key)!.attrs.d));
          for (const b of note) expect(Math.min(...pts.map((p) => boxDistance(b, p))), `${lang} ${key}`).toBeGreaterThan(small * 0.3);
        }
      }
      // The board's name and words keep an em and a half of their type off its line to the company (they had nearly
      // touched it, an em and a fifth off on the phone).
      for (const state of ["stake", "calm"] as const) {
        const pts = sampled(String(find(at(state), "link-review")!.attrs.d));
        for (const m of texts(at(state)).filter((m) => /^board-(lbl|val)-/.test(m.key)))
          expect(Math.min(...pts.map((p) => boxDistance(textBox(m), p))), `${state}: ${m.key}`).toBeGreaterThan(num(m, "font-size") * 1.5);
      }
    });

    // Graphics review 41: on the German phone "Gründung" touched the box (the stage composes the square in a smaller
    // box, src/render/zoom.ts, where the word had no clear place). Every other label keeps a few px off its edge (a
    // fifth of the small type), in both languages, in the scene's drawing and as the built stage draws it.
    it.each(LANGS.flatMap((lang) => ["scene", "stage"].map((from) => [lang, from] as const)))(
      "(%s, %s) keeps words off the company box's edge: its own name and line inside it, every other label a few px outside",
      (lang, from) => {
        const own = /^(company-(lbl|val|idea|calm))-\d+$/;
        const clear = typeOf(ctxFor("company", layout, lang)).small * 0.2;
        for (const state of company.states) {
          const marks = from === "scene" ? company.marks(state, ctxFor("company", layout, lang)) : stageOf(lang, state, layout);
          if (!marks) continue;
          const box = rectBox(find(marks, "company")!);
          for (const t of texts(marks).filter((m) => !isCaption(m))) {
            const b = textBox(t);
            if (own.test(t.key)) expect(inside(b, box), `${state}: ${t.key} inside the box`).toBe(true);
            else expect(overlaps(b, grow(box, clear)), `${state}: ${t.key} clear of the box`).toBe(false);
          }
        }
      },
    );

    it("fills its layout: the seats span most of the plot above the caption, each state at least half of it", () => {
      const extent = (marks: Mark[]) => {
        const content = marks.filter((m) => !isCaption(m));
        const boxes = [...content.filter((m) => m.tag === "rect").map(rectBox), ...content.filter((m) => m.tag === "text").map(textBox)];
        return {
          w: Math.max(...boxes.map((b) => b.x1)) - Math.min(...boxes.map((b) => b.x0)),
          h: Math.max(...boxes.map((b) => b.y1)) - Math.min(...boxes.map((b) => b.y0)),
        };
      };
      const top = num(find(at("plan"), "caption-band")!, "y");
      // Seats are fixed, so a step with few actors leaves some empty: the chapter as a whole fills the figure.
      const all = extent(company.states.flatMap((s) => at(s)));
      expect(all.w / ctx.width).toBeGreaterThan(0.85);
      expect(all.h / top).toBeGreaterThan(0.85);
      for (const state of company.states) {
        const e = extent(at(state));
        expect(e.w / ctx.width, `${state} width`).toBeGreaterThan(0.5);
        expect(e.h / top, `${state} height`).toBeGreaterThan(0.5);
      }
    });

    it("keys what is drawn: the caption names blue only in the states that draw money", () => {
      for (const state of company.states) {
        const marks = at(state);
        const caption = texts(marks)
          .filter((m) => m.key.startsWith("note-"))
          .map((m) => m.text)
          .join(" ");
        const blue = marks.some((m) => classes(m).includes("arc-money") || classes(m).includes("bar-money"));
        expect(words(caption), state).toBe(words(ctx.t(blue ? "note" : "note-plain")));
        expect(/blue/i.test(caption), state).toBe(blue);
      }
      // Both keys in the chapter's run: money in the plan, none in the approval.
      expect(at("plan").some((m) => classes(m).includes("bar-money"))).toBe(true);
      expect(at("approval").some((m) => classes(m).includes("bar-money"))).toBe(false);
    });
  });

  it("labels come from the language's label file", () => {
    for (const lang of LANGS) {
      const ctx = ctxFor("company", "column", lang);
      expect(words(labelText(company.marks("plan", ctx), "link-rent-lbl"))).toBe(words(ctx.t("rent")));
    }
    const de = labelText(company.marks("plan", ctxFor("company", "column", "de")), "investors-lbl");
    const en = labelText(company.marks("plan", ctxFor("company", "column", "en")), "investors-lbl");
    expect(de).not.toBe(en);
  });
});

// Standards review 55, item 1 (final after reviews 52-55 disagreed): every mention of the approval, in prose, figures,
// their text alternatives, the closing figure and the page, keeps the article's verb in German, "eingeholt", never
// "erhalten"; the English gives its usual reading with the insiders' hedge, "obtained", never "sought", which under
// the solid arrow from Commerce read as a request drawn as a grant. (The name's source note in facts.json, the one
// place that explains the verb, is not among these files.)
describe("the Commerce Department's approval, everywhere in the story's words", () => {
  const files = (lang: "de" | "en") => [
    ...readdirSync(join(CONTENT, lang)).map((f) => join(CONTENT, lang, f)),
    ...readdirSync(join(CONTENT, "labels", lang)).map((f) => join(CONTENT, "labels", lang, f)),
    join(CONTENT, "page", `${lang}.md`),
  ];
  const mentions = (lang: "de" | "en") =>
    files(lang).flatMap((f) =>
      readFileSync(f, "utf8")
        // (the state's and the label's key are named "approval": not words)
        .replace(/"approval":|state="approval"|single: approval/g, "")
        .split(/(?<=[.;!?])\s+|\n/)
        .filter((s) => (lang === "de" ? /Genehmigung/ : /approval/).test(s))
        .map((s) => `${f.slice(CONTENT.length)}: ${s}`),
    );
  it.each(["de", "en"] as const)("%s: the approval is eingeholt in German, obtained (insiders say) in English", (lang) => {
    const said = mentions(lang);
    expect(said.length, lang).toBeGreaterThanOrEqual(5);
    for (const s of said) {
      expect(s).not.toMatch(lang === "de" ? /erhalten|erteilt|beantragt/i : /sought|applied|granted/i);
      expect(s).toMatch(lang === "de" ? /eingeholt/ : /obtained/);
      expect(s).toMatch(lang === "de" ? /Insider/ : /insiders/i);
    }
  });
});

// Graphics review 56, item 10: "hardly any resistance left" hung under OpenAI's dot, on the wrong element. The step's
// change is the plan's standing at OpenAI: its words stand beside the company box, nearer it than any other mark (a
// seat's dot or ring, the data centres, Altman), in every layout and language, in the scene and on the built stage.
describe("calm: the little resistance left, beside the plan it is about", () => {
  /** Every line of the words that say the calm's text, whatever their key: their box. */
  const saying = (marks: Mark[], text: string): Box | undefined => {
    const keys = [...new Set(texts(marks).map((m) => m.key.replace(/-\d+$/, "")))];
    const key = keys.find((k) => words(labelText(marks, k))?.replace(/\s+/g, " ") === words(text)?.replace(/\s+/g, " "));
    if (!key) return undefined;
    return boxAround(
      texts(marks)
        .filter((m) => m.key.replace(/-\d+$/, "") === key)
        .map(textBox),
    );
  };
  it.each(LANGS.flatMap((lang) => LAYOUT_LIST.flatMap((layout) => ["scene", "stage"].map((from) => [lang, layout, from] as const))))(
    "(%s, %s, %s)",
    (lang, layout, from) => {
      const ctx = ctxFor("company", layout, lang);
      const marks = from === "scene" ? company.marks("calm", ctx) : stageOf(lang, "calm", layout);
      if (!marks) return;
      const words = saying(marks, ctx.t("calm"));
      expect(words, "the calm's words are drawn").toBeDefined();
      const plan = rectBox(find(marks, "company")!);
      const near = gapBetween(words!, plan);
      // Close to it: within about an em of the small type.
      expect(near).toBeLessThan(typeOf(ctx).small * 1.2);
      const others: [string, Box][] = [
        ...SEATED.filter((k) => k !== "company" && find(marks, k)).map((k) => [k, rectBox(find(marks, k)!)] as [string, Box]),
      ];
      const altman = altmanOf(marks);
      if (altman)
        others.push([
          "altman",
          {
            x0: altman.c[0] - altman.h / 2,
            y0: altman.c[1] - altman.h / 2,
            x1: altman.c[0] + altman.h / 2,
            y1: altman.c[1] + altman.h / 2,
          },
        ]);
      expect(others.some(([k]) => k === "hero")).toBe(true);
      for (const [k, b] of others) expect(gapBetween(words!, b), `nearer the plan than ${k}`).toBeGreaterThan(near);
    },
  );
});
