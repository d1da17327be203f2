// Scene "hunt": the map of Altman's search for chips. What each state must show,
// in every layout; words are checked against the labels, places against the
// facts file's places (projected), never against literals.

import { describe, expect, it } from "vitest";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { projection } from "../../../src/scenes/world.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LANDSCAPE_LAYOUT, LAYOUTS, STATIC_LAYOUT } from "../../../src/story/config.ts";
import { textWidth } from "../../../src/scenes/text.ts";
import { ctxFor, find, labelText, num, walk } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
/** The static figures' layouts (print, and a phone on its side): each step a picture of its own, nothing moves between them. */
const STATIC = new Set<Layout>([STATIC_LAYOUT, LANDSCAPE_LAYOUT]);
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
/** Labels keep short quotes together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");

describe("hunt", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("hunt", layout, "en");
    const at = (state: (typeof hunt.states)[number]) => hunt.marks(state, ctx);

    it("draws OpenAI as the hero dot in every state (a rect with round ends, ready to grow into a bar), labelled", () => {
      for (const state of hunt.states) {
        const hero = find(at(state), "hero");
        expect(hero?.tag, state).toBe("rect");
        expect(num(hero!, "width")).toBe(num(hero!, "height"));
        expect(Math.abs(num(hero!, "rx") - num(hero!, "width") / 2)).toBeLessThanOrEqual(0.1);
        expect(classes(hero)).toContain("marker-hero");
        expect(labelText(at(state), "hero-lbl"), state).toBe(ctx.t("openai"));
      }
    });

    it("puts companies on their headquarters, through the same projection as the map (the Bay Area in a frame where it is, its two dots in an inset tied to it, along their true bearing)", () => {
      const marks = at("tsmc");
      const map = find(marks, "map")!;
      // The map's shapes are drawn in the base projection and moved by the group's transform: a place, put
      // through the same transform, lands where the map shows it.
      const [, tx, ty, s] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)/.exec(String(map.attrs.transform))!.map(Number);
      const onMap = (id: string): [number, number] => {
        const [px, py] = projection("print")(ctx.place(id))!;
        return [tx! + s! * px, ty! + s! * py];
      };
      const ring = centre(find(marks, "tsmc")!);
      const hsinchu = onMap("tsmc-hq");
      expect(Math.hypot(hsinchu[0] - ring[0], hsinchu[1] - ring[1]), "TSMC on Hsinchu").toBeLessThan(1.5);
      // The Bay's frame holds both true places (review: Santa Clara had been drawn far inland).
      const frame = find(marks, "bay-frame")!;
      for (const id of ["openai-hq", "nvidia-hq"]) {
        const [x, y] = onMap(id);
        expect(x, id).toBeGreaterThan(num(frame, "x"));
        expect(x, id).toBeLessThan(num(frame, "x") + num(frame, "width"));
        expect(y, id).toBeGreaterThan(num(frame, "y"));
        expect(y, id).toBeLessThan(num(frame, "y") + num(frame, "height"));
      }
      // The inset holds both dots, apart, NVIDIA's from OpenAI's along the bearing from San Francisco to Santa Clara.
      const inset = find(marks, "bay-inset")!;
      const [h, n] = [centre(find(marks, "hero")!), centre(find(marks, "nvidia")!)];
      for (const [x, y] of [h, n]) {
        expect(x).toBeGreaterThan(num(inset, "x"));
        expect(x).toBeLessThan(num(inset, "x") + num(inset, "width"));
        expect(y).toBeGreaterThan(num(inset, "y"));
        expect(y).toBeLessThan(num(inset, "y") + num(inset, "height"));
      }
      expect(Math.hypot(h[0] - n[0], h[1] - n[1])).toBeGreaterThanOrEqual(num(find(marks, "hero")!, "width"));
      const [sf, sc] = [onMap("openai-hq"), onMap("nvidia-hq")];
      const bearing = (a: [number, number], b: [number, number]) => Math.atan2(b[1] - a[1], b[0] - a[0]);
      expect(Math.abs(bearing(h, n) - bearing(sf, sc)), "the inset keeps the true bearing").toBeLessThan(0.05);
      // The inset is apart from the frame (on the sea, not over the coast), a leader from one to the other, and
      // headed as enlarged.
      expect(num(inset, "y")).toBeGreaterThan(num(frame, "y") + num(frame, "height"));
      const leader = find(marks, "bay-leader")!;
      expect(num(leader, "y1")).toBeCloseTo(num(frame, "y") + num(frame, "height"), 0);
      expect(num(leader, "y2")).toBeCloseTo(num(inset, "y"), 0);
      expect(words(labelText(marks, "bay-head"))).toBe(ctx.t(layout === "land" ? "bay-short" : "bay"));
      for (const [x, y] of [h, n, ring]) {
        expect(x, "inside the figure").toBeGreaterThan(0);
        expect(x).toBeLessThan(ctx.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(ctx.height);
      }
    });

    it("keeps one map window through the chapter on the stage (no zoom, no jump)", () => {
      if (STATIC.has(layout)) return;
      const windows = hunt.states.map((s) => find(at(s), "map")!.attrs.transform);
      expect(new Set(windows).size).toBe(1);
    });

    it("keeps the map's window on the North Pacific in every state, above the answers' panels (the map itself unmoved)", () => {
      if (STATIC.has(layout)) return;
      const capTop = (s: (typeof hunt.states)[number]) => num(find(at(s), "cap-s")!, "y");
      expect(capTop("origin")).toBe(capTop("tsmc"));
      for (const s of ["refusal", "promise"] as const) expect(capTop(s)).toBeLessThanOrEqual(num(find(at(s), "public-rule")!, "y1"));
      expect(capTop("origin")).toBe(capTop("refusal"));
      // Never as far south as Australia's north coast (11° S): the window's lower edge is north of it.
      const map = find(at("origin"), "map")!;
      const [, , ty, k] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)/.exec(String(map.attrs.transform))!.map(Number);
      const [, y] = projection("print")([132, -11])!;
      expect(ty! + k! * y, "Australia's north coast below the window").toBeGreaterThan(capTop("origin"));
    });

    it("names the countries in every state, and the sea wherever the answers leave it room", () => {
      for (const state of hunt.states) {
        for (const key of ["usa", "china", "taiwan", "japan", "korea"])
          expect(words(labelText(at(state), `place-${key}`)), `${state} ${key}`).toBe(ctx.t(key));
        // A phone on its side, once the answers' panels shorten the map, leaves the sea unnamed (no room clear of the words).
        const unnamed = layout === "land" && (state === "refusal" || state === "promise");
        if (unnamed) expect(find(at(state), "place-pacific-0"), `${state}: no sea name`).toBeUndefined();
        else expect(words(labelText(at(state), "place-pacific")), `${state} pacific`).toBe(ctx.t("pacific"));
      }
    });

    it("origin: each Bay Area company named beside its own dot in the inset, west of it, OpenAI's line in its rust over NVIDIA's; no talks yet", () => {
      const marks = at("origin");
      expect(labelText(marks, "nvidia-lbl")).toBe(ctx.t("nvidia"));
      expect(classes(find(marks, "hero-lbl-0"))).toContain("lbl-hero");
      expect(classes(find(marks, "nvidia-lbl-0"))).not.toContain("lbl-hero");
      expect(num(find(marks, "hero-lbl-0")!, "y")).toBeLessThan(num(find(marks, "nvidia-lbl-0")!, "y"));
      expect(labelText(marks, "hero-town")).toContain(ctx.t("openai-place"));
      expect(labelText(marks, "nvidia-town")).toContain(ctx.t("nvidia-place"));
      expect(find(marks, "link-tsmc")).toBeUndefined();
      // Each line ends (its town's last letter) just west of its own dot, within a label's height of it.
      const size = num(find(marks, "hero-lbl-0")!, "font-size") || 0;
      for (const [key, town] of [
        ["hero", "openai-place"],
        ["nvidia", "nvidia-place"],
      ] as const) {
        const dot = find(marks, key)!;
        const [dx, dy] = centre(dot);
        const t = find(marks, `${key}-town-0`)!;
        const end = num(t, "x") + textWidth(ctx.t(town), num(t, "font-size") || size);
        const gap = dx - num(dot, "width") / 2 - end;
        expect(gap, `${key}: the name ends west of its dot`).toBeGreaterThan(0);
        expect(gap, `${key}: ...and close to it`).toBeLessThan(num(dot, "width") * 1.5);
        expect(Math.abs(num(t, "y") - dy), `${key}: on its dot's level`).toBeLessThan(2 * (num(t, "font-size") || size));
      }
    });

    it("tsmc, refusal, promise: one solid rust arc for the talks, whole to TSMC (a grey ring) in every state; TSMC's answers grey, the refusal solid and barred, the offer dashed", () => {
      for (const state of ["tsmc", "refusal", "promise"] as const) {
        const marks = at(state);
        const arc = find(marks, "link-tsmc")!;
        expect(classes(arc), state).not.toContain("arc-dash");
        expect(classes(arc), state).not.toContain("arc-dashed");
        expect(classes(arc), state).not.toContain("arc-grey");
        expect(classes(find(marks, "tsmc")), state).toContain("marker-ring");
        const [x, y] = String(arc.attrs.d).split(" ").at(-1)!.split(",").map(Number);
        const ring = centre(find(marks, "tsmc")!);
        expect(Math.hypot(x! - ring[0], y! - ring[1]), state).toBeLessThan(1);
      }
      expect(words(labelText(at("tsmc"), "link-tsmc-lbl"))).toBe(words(ctx.t("talks")));
      expect(find(at("tsmc"), "answer-refusal")).toBeUndefined();
      const refusal = at("refusal");
      expect(classes(find(refusal, "answer-refusal"))).toEqual(expect.arrayContaining(["arc-grey"]));
      expect(classes(find(refusal, "answer-refusal"))).not.toContain("arc-dash");
      expect(find(refusal, "answer-refusal-bar")?.tag).toBe("line");
      expect(words(labelText(refusal, "answer-refusal-lbl"))).toBe(words(ctx.t("rebuffed")));
      const promise = at("promise");
      expect(classes(find(promise, "answer-promise"))).toEqual(expect.arrayContaining(["arc-grey", "arc-dash"]));
      expect(words(labelText(promise, "answer-promise-lbl"))).toBe(words(ctx.t("offer")));
      // The offer ends at the one it is made to: its arrow's tip at OpenAI's name, within a label's height of its
      // first letter, not in open sea.
      const tip = String(find(promise, "answer-promise")!.attrs.d).split(" ").at(-1)!.split(",").map(Number);
      const name = find(promise, "hero-lbl-0")!;
      const size = num(name, "font-size") || 20;
      expect(
        Math.hypot(tip[0]! - num(name, "x"), tip[1]! - (num(name, "y") - size * 0.35)),
        "the offer's tip by OpenAI's name",
      ).toBeLessThan(size * 1.6);
    });

    it("keys its lines on the map, one sample a meaning in one colour: the talks, then TSMC's answer (solid in public, dashed in private), the same place in every state", () => {
      expect(find(at("origin"), "key-talks")).toBeUndefined();
      expect(find(at("tsmc"), "key-answer")).toBeUndefined();
      expect(find(at("tsmc"), "key-dashed")).toBeUndefined();
      expect(labelText(at("tsmc"), "key-talks-lbl")).toBe(ctx.t("key-talks"));
      expect(labelText(at("refusal"), "key-answer-lbl")).toBe(ctx.t("key-answer"));
      expect(labelText(at("promise"), "key-dashed-lbl")).toBe(ctx.t("key-dashed"));
      // Each sample drawn as the map draws the line it keys, and only that line: one colour, one style a sample.
      expect(classes(find(at("tsmc"), "key-talks"))).toEqual(classes(find(at("tsmc"), "link-tsmc")));
      expect(classes(find(at("refusal"), "key-answer"))).toEqual(classes(find(at("refusal"), "answer-refusal")));
      expect(classes(find(at("promise"), "key-dashed"))).toEqual(classes(find(at("promise"), "answer-promise")));
      expect(find(at("promise"), "key-answer"), "no grey solid line in the offer's state").toBeUndefined();
      for (const s of ["tsmc", "refusal", "promise"] as const)
        expect(
          [...walk(at(s))].map((w) => w.mark.key).filter((k) => /^key-[a-z]+-\d+$/.test(k)),
          `${s}: no sample split in two`,
        ).toEqual([]);
      // Nothing moves: the talks' sample where it was; the answer's two samples in one place.
      if (!STATIC.has(layout)) {
        expect(find(at("tsmc"), "key-talks")!.attrs).toEqual(find(at("promise"), "key-talks")!.attrs);
        const { class: _a, ...solid } = find(at("refusal"), "key-answer")!.attrs;
        const { class: _b, ...dashed } = find(at("promise"), "key-dashed")!.attrs;
        expect(solid).toEqual(dashed);
      }
      // On the map: above the caption and, on the stage, above the answers' panels.
      const y = num(find(at("promise"), "key-dashed")!, "y1");
      expect(y).toBeLessThan(num(find(at("promise"), "public-rule")!, "y1"));
    });

    it("refusal: the quote in italics with its speaker; promise: the offer as structure (one solid fab, one struck through), no rows of fabs", () => {
      const refusal = at("refusal");
      expect(words(labelText(refusal, "quote"))).toBe(words(ctx.t("quote")));
      expect(classes(find(refusal, "quote-0"))).toContain("lbl-quote");
      expect(words(labelText(refusal, "speaker"))).toBe(words(ctx.t("speaker")));
      expect(find(refusal, "fab-existing")).toBeUndefined();
      const promise = at("promise");
      expect(classes(find(promise, "fab-existing"))).toContain("fab-other");
      expect(classes(find(promise, "fab-new"))).toContain("fab-spared");
      expect(find(promise, "fab-new-strike"), "the spared fab is struck through").toBeDefined();
      expect(classes(find(promise, "order"))).toContain("arc-dashed");
      let fabs = 0;
      for (const { mark } of walk(promise)) if (classes(mark).includes("fab") && !mark.key.endsWith("-strike")) fabs++;
      expect(fabs).toBe(2);
    });
  });

  it("labels come from the language's label file", () => {
    const de = hunt.marks("origin", ctxFor("hunt", "column", "de"));
    const en = hunt.marks("origin", ctxFor("hunt", "column", "en"));
    expect(labelText(de, "place-usa")).toBe(ctxFor("hunt", "column", "de").t("usa"));
    expect(labelText(en, "place-usa")).toBe(ctxFor("hunt", "column", "en").t("usa"));
    expect(labelText(de, "place-usa")).not.toBe(labelText(en, "place-usa"));
  });

  it("draws its map from the shared world geometry, each shape once, with ids that name no scene", () => {
    expect(hunt.geometry).toContain("world");
    const names = geometryDefs(hunt.geometry!).map((d) => d.id);
    for (const id of names) expect(id).not.toContain("hunt");
    expect(names).toEqual(expect.arrayContaining([ctxFor("hunt", "print", "en").symbol("land")]));
    expect(new Set(names).size).toBe(names.length);
  });
});
