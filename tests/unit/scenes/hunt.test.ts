// Scene "hunt": a plain diagram of who talked to whom (one level row, no map:
// graphics reviews 40 and 41 called the locator inset decoration; the article
// names no places), TSMC's two answers hanging from it: in public over the row,
// in private under it. What each state must show, in every layout; words are
// checked against the labels, never against literals.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hunt } from "../../../src/scenes/hunt.ts";
import { textBox, typeOf } from "../../../src/scenes/figure.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, texts, walk } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
/** Labels keep short names together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");

describe("hunt", () => {
  // Standards review 41, item 1.1: one treatment of Wei's verdict in each language. The German prose quotes the
  // article's words (a :quote); its figure does the same, so it may not call them "sinngemäß". The English is our
  // translation of the article's German: a paraphrase, never in quotation marks, and marked as one.
  it.each(LAYOUT_LIST)(
    "%s: C. C. Wei's verdict is the article's own words in German (in quotation marks, not marked paraphrased), our paraphrase in English",
    (layout) => {
      const article = readFileSync(new URL("../../../content/source/article-de.txt", import.meta.url), "utf8");
      const de = hunt.marks("refusal", ctxFor("hunt", layout, "de"));
      const verdict = words(labelText(de, "verdict"))!;
      // The article's quotation of him, quoted once and whole (standards review 42: the article's words are one
      // phrase, so the label no longer sets them as two quotations), and nothing but it.
      const said = /TSMC-CEO CC Wei[^"]*"([^"]+)"/.exec(article)![1]!;
      const quoted = [...verdict.matchAll(/„([^“]+)“/g)].map((m) => m[1]!);
      expect(quoted.length, verdict).toBe(1);
      for (const q of quoted) expect(said).toContain(q);
      expect(verdict.replace(/[„“]/g, "")).toBe(said);
      expect(words(labelText(de, "speaker"))).not.toMatch(/sinngemäß/);
      const en = hunt.marks("refusal", ctxFor("hunt", layout, "en"));
      expect(labelText(en, "verdict")).not.toMatch(/[“”„"«»]/);
      expect(labelText(en, "speaker")).toMatch(/paraphrased/);
    },
  );

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

    it("draws no map in any state: no locator window, no coastline, no place or sea names, no shared geometry; its note names no map", () => {
      expect(hunt.geometry ?? []).toEqual([]);
      for (const state of hunt.states)
        for (const { mark } of walk(at(state))) {
          expect(["svg", "use"], `${state}: ${mark.key}`).not.toContain(mark.tag);
          expect(mark.key, state).not.toMatch(/^(map|view|land|loc-|place-)/);
          expect(classes(mark), `${state}: ${mark.key}`).not.toContain("lbl-place");
          expect(classes(mark), `${state}: ${mark.key}`).not.toContain("lbl-sea");
        }
      for (const lang of ["en", "de"] as const) expect(ctxFor("hunt", layout, lang).t("note")).not.toMatch(/\b(map|karte)\b/i);
    });

    it("is one level row, not a map: OpenAI at the right, NVIDIA under it, the chipmakers at the left", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const hero = centre(find(marks, "hero")!);
        const nvidia = centre(find(marks, "nvidia")!);
        expect(hero[0], "OpenAI at the right").toBeGreaterThan(ctx.width * 0.6);
        expect(nvidia[0]).toBe(hero[0]);
        expect(nvidia[1], "NVIDIA under OpenAI").toBeGreaterThan(hero[1]);
        // OpenAI depends on NVIDIA: a short grey upright stem joins the two dots, and NVIDIA's role names it.
        const dep = find(marks, "depends")!;
        expect(classes(dep)).toContain("leader");
        expect(num(dep, "x1")).toBe(num(dep, "x2"));
        expect(num(dep, "y1")).toBeGreaterThan(hero[1]);
        expect(num(dep, "y2")).toBeLessThan(nvidia[1]);
        expect(words(labelText(marks, "nvidia-role"))).toBe(ctx.t("nvidia-role"));
        if (state === "origin") continue;
        const ring = centre(find(marks, "tsmc")!);
        expect(Math.abs(ring[1] - hero[1]), `${state}: TSMC level with OpenAI`).toBeLessThan(0.5);
        expect(ring[0], `${state}: TSMC on the left`).toBeLessThan(hero[0] - ctx.width * 0.25);
      }
    });

    it("changes one thing a step and moves nothing: OpenAI's and NVIDIA's dots, TSMC's ring and the talks' line stay where they first stand", () => {
      for (const key of ["hero", "nvidia", "depends"]) {
        const dots = hunt.states.map((s) => JSON.stringify(find(at(s), key)!.attrs));
        expect(new Set(dots).size, key).toBe(1);
      }
      // The chipmakers' rings stand where they will stand from the first step on (only fainter there).
      for (const key of ["tsmc", "others-0", "others-1"]) {
        const { opacity: _o, ...place } = find(at("origin"), key)!.attrs;
        const { opacity: _t, ...then } = find(at("tsmc"), key)!.attrs;
        expect(JSON.stringify(place), key).toBe(JSON.stringify(then));
      }
      for (const key of ["tsmc", "link-tsmc", "others-0", "others-1"]) {
        const kept = (["tsmc", "refusal", "promise"] as const).map((s) => JSON.stringify(find(at(s), key)!.attrs));
        expect(new Set(kept).size, key).toBe(1);
      }
      // Each step adds: the talks (tsmc), the public answer (refusal), the private one (promise).
      expect(find(at("tsmc"), "public-rule")).toBeUndefined();
      expect(find(at("refusal"), "public-rule")).toBeDefined();
      expect(find(at("refusal"), "private-rule")).toBeUndefined();
      expect(find(at("promise"), "private-rule")).toBeDefined();
      // ...and takes nothing away: the public answer stays whole when the private one comes.
      for (const key of ["public-rule", "public-head-0", "verdict-0", "speaker-0", "wei-head", "most-0"]) {
        if (key === "most-0" && !find(at("refusal"), key)) continue;
        expect(JSON.stringify(find(at("promise"), key)?.attrs), key).toBe(JSON.stringify(find(at("refusal"), key)!.attrs));
      }
    });

    it("origin: OpenAI and NVIDIA, named beside their dots, OpenAI's in its rust over NVIDIA's; Altman's search in words beside OpenAI, no line or arrow pointing at no one", () => {
      const marks = at("origin");
      expect(labelText(marks, "nvidia-lbl")).toBe(ctx.t("nvidia"));
      expect(classes(find(marks, "hero-lbl-0"))).toContain("lbl-hero");
      expect(classes(find(marks, "nvidia-lbl-0"))).not.toContain("lbl-hero");
      expect(num(find(marks, "hero-lbl-0")!, "y")).toBeLessThan(num(find(marks, "nvidia-lbl-0")!, "y"));
      for (const key of ["hero", "nvidia"]) {
        const dot = find(marks, key)!;
        const [dx, dy] = centre(dot);
        const name = find(marks, `${key}-lbl-0`)!;
        const gap = num(name, "x") - (dx + num(dot, "width") / 2);
        expect(gap, `${key}: its name starts east of its dot`).toBeGreaterThan(0);
        expect(gap, `${key}: ...and close to it`).toBeLessThan(num(dot, "width") * 2.2);
        expect(Math.abs(num(name, "y") - dy), `${key}: on its dot's level`).toBeLessThan(2 * num(name, "font-size"));
      }
      expect(find(marks, "link-tsmc"), "no talks yet").toBeUndefined();
      // The opener lands on the whole row (graphics review 42, item 1): the chipmakers' rings already stand, faint
      // and unnamed, TSMC's fainter than it is once the talks name it, the others' fainter still; no panel yet.
      const tsmc = find(marks, "tsmc")!;
      expect(classes(tsmc)).toContain("marker-ring");
      expect(Number(tsmc.attrs.opacity), "TSMC's ring faint").toBeLessThanOrEqual(0.5);
      for (const key of ["others-0", "others-1"]) {
        expect(classes(find(marks, key))).toContain("marker-ring");
        expect(Number(find(marks, key)!.attrs.opacity), key).toBeLessThan(Number(tsmc.attrs.opacity));
      }
      for (const key of ["tsmc-lbl-0", "others-lbl-0", "public-rule", "private-rule"]) expect(find(marks, key), key).toBeUndefined();
      // The search's words on the row stand between the rings and OpenAI's dot, on neither; those over it clear the rings.
      const rightmost = find(marks, "tsmc")!;
      const search = texts(marks).filter((m) => m.key.startsWith("search-lbl-"));
      expect(textBox(search.at(-1)!).x0).toBeGreaterThan(num(rightmost, "x") + num(rightmost, "width"));
      for (const m of search.slice(0, -1)) expect(textBox(m).y1, m.key).toBeLessThan(num(rightmost, "y"));
      // A grey leader joins the words on the row to the rings (never the talks' rust line), level, clear of the words.
      const leader = find(marks, "search-leader");
      if (leader) {
        expect(classes(leader)).toEqual(["leader"]);
        expect(num(leader, "y1")).toBe(num(leader, "y2"));
        expect(num(leader, "x1")).toBeGreaterThan(num(rightmost, "x") + num(rightmost, "width") - 1);
        expect(num(leader, "x2")).toBeLessThan(textBox(search.at(-1)!).x0);
      }
      expect(find(marks, "search"), "no arrow into empty space").toBeUndefined();
      for (const { mark } of walk(marks)) expect(classes(mark), mark.key).not.toContain("arc");
      // The search: words ending just west of OpenAI's dot, on its level.
      expect(words(labelText(marks, "search-lbl"))).toBe(ctx.t("search"));
      const hero = find(marks, "hero")!;
      const last = texts(marks)
        .filter((m) => m.key.startsWith("search-lbl-"))
        .at(-1)!;
      const box = textBox(last);
      expect(box.x1).toBeLessThanOrEqual(num(hero, "x"));
      expect(num(hero, "x") - box.x1).toBeLessThan(num(hero, "width") * 2);
      expect(Math.abs(num(last, "y") - centre(hero)[1])).toBeLessThan(num(last, "font-size"));
    });

    it("draws the talks as one straight level thin solid rust line from the chipmakers' rings to OpenAI's dot, never a diagonal across the figure; named", () => {
      for (const state of ["tsmc", "refusal", "promise"] as const) {
        const marks = at(state);
        const line = find(marks, "link-tsmc")!;
        expect(line.tag, state).toBe("line");
        expect(classes(line)).toEqual(["arc"]);
        expect(num(line, "y1"), `${state}: level`).toBe(num(line, "y2"));
        const r = num(find(marks, "hero")!, "width");
        const ring = centre(find(marks, "tsmc")!);
        const hero = centre(find(marks, "hero")!);
        expect(Math.hypot(num(line, "x1") - ring[0], num(line, "y1") - ring[1]), state).toBeLessThan(r * 1.5);
        expect(Math.hypot(num(line, "x2") - hero[0], num(line, "y2") - hero[1]), state).toBeLessThan(r * 1.5);
        expect(classes(find(marks, "tsmc"))).toContain("marker-ring");
        expect(words(labelText(marks, "tsmc-lbl"))).toBe(ctx.t("tsmc"));
        // The other big chipmakers, unnamed as in the article: fainter rings behind TSMC's, overlapping it (a
        // group, not a count), and named as such under TSMC's name.
        for (const key of ["others-0", "others-1"]) {
          const o = find(marks, key)!;
          expect(classes(o)).toContain("marker-ring");
          expect(Number(o.attrs.opacity)).toBeLessThan(1);
          expect(centre(o)[1]).toBe(ring[1]);
          expect(centre(o)[0]).toBeLessThan(ring[0]);
        }
        // Close together, not touching.
        const w = num(find(marks, "tsmc")!, "width");
        expect(ring[0] - centre(find(marks, "others-1")!)[0]).toBeGreaterThan(w);
        expect(ring[0] - centre(find(marks, "others-1")!)[0]).toBeLessThan(w * 1.6);
        expect(words(labelText(marks, "others-lbl"))).toBe(ctx.t("others"));
        expect(num(find(marks, "others-lbl-0")!, "y")).toBeGreaterThan(num(find(marks, "tsmc-lbl-0")!, "y"));
        // The talks' words over the line, centred on it.
        const lbl = texts(marks).filter((m) => m.key.startsWith("link-tsmc-lbl-"));
        for (const m of lbl) expect(textBox(m).y1, m.key).toBeLessThan(num(line, "y1"));
      }
      expect(words(labelText(at("tsmc"), "link-tsmc-lbl"))).toBe(words(ctx.t("talks")));
      expect(words(labelText(at("promise"), "link-tsmc-lbl"))).toBe(words(ctx.t("talks-short")));
    });

    it("refusal: TSMC's public verdict with its speaker, marked as paraphrased and set as no quotation; promise: the offer as structure (one solid fab, one struck through), no rows of fabs", () => {
      const refusal = at("refusal");
      expect(words(labelText(refusal, "verdict"))).toBe(words(ctx.t("verdict")));
      expect(classes(find(refusal, "verdict-0"))).not.toContain("lbl-quote");
      expect(labelText(refusal, "verdict")).not.toMatch(/[“”„"«»]/);
      expect(words(labelText(refusal, "speaker"))).toBe(words(ctx.t("speaker")));
      // (The note on the other executives: in every layout but the phone on its side, where the prose says it.)
      if (layout !== "land") expect(labelText(refusal, "most")).toBe(ctx.t("most"));
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

    it("sets the public answer over the row and the private one under it, each hanging from TSMC's ring by a grey stem; no words on a rule, a stem or another's", () => {
      const marks = at("promise");
      const ring = find(marks, "tsmc")!;
      const [rx, ry] = centre(ring);
      const pub = find(marks, "public-rule")!;
      const priv = find(marks, "private-rule")!;
      const line = find(marks, "link-tsmc")!;
      // In public, over the row: its rule, head, verdict, speaker (and note) all above the talks' words and the line.
      const talks = texts(marks).filter((m) => m.key.startsWith("link-tsmc-lbl-"));
      const talksTop = Math.min(...talks.map((m) => textBox(m).y0));
      const publicWords = texts(marks).filter((m) => /^(public-|verdict|speaker|most)/.test(m.key));
      expect(publicWords.length).toBeGreaterThanOrEqual(3);
      for (const m of publicWords) expect(textBox(m).y1, m.key).toBeLessThan(talksTop);
      expect(num(pub, "y1")).toBeLessThan(talksTop);
      // In private, under the row and every name on it.
      const rowWords = texts(marks).filter((m) => /^(tsmc-lbl|others-lbl|hero-lbl|nvidia-lbl|nvidia-role)/.test(m.key));
      const rowFoot = Math.max(...rowWords.map((m) => textBox(m).y1), num(line, "y1"));
      expect(num(priv, "y1")).toBeGreaterThan(rowFoot);
      for (const m of texts(marks).filter((m) => /^(private-|existing|new)/.test(m.key)))
        expect(textBox(m).y0, m.key).toBeGreaterThan(num(priv, "y1") - 1);
      // Both answers span the figure's width (the room the map took): neither is a corner inset.
      for (const rule of [pub, priv]) expect(num(rule, "x2") - num(rule, "x1"), rule.key).toBeGreaterThan(ctx.width * 0.8);
      // The stem: from the ring up to just under the public answer's last words, and from the ring down onto the
      // private answer's rule, straight, at the ring's x.
      const d = String(find(marks, "stem")!.attrs.d);
      const legs = [...d.matchAll(/M([-\d.]+),([-\d.]+) V([-\d.]+)/g)].map((m) => m.slice(1).map(Number));
      expect(legs).toHaveLength(2);
      const [up, down] = legs as [number[], number[]];
      for (const leg of legs) expect(Math.abs(leg[0]! - rx)).toBeLessThan(1);
      expect(up[1]).toBeLessThan(ry);
      expect(up[2]).toBeLessThan(up[1]!);
      const publicFoot = Math.max(...publicWords.map((m) => textBox(m).y1));
      expect(up[2]).toBeGreaterThanOrEqual(publicFoot - 1);
      expect(up[2]! - publicFoot).toBeLessThan(typeOf(ctx).small);
      expect(down[1]).toBeGreaterThan(ry);
      expect(Math.abs(down[2]! - num(priv, "y1"))).toBeLessThan(1);
      // The refusal: the up leg alone.
      expect([...String(find(at("refusal"), "stem")!.attrs.d).matchAll(/M/g)]).toHaveLength(1);
      // No words on a rule, on the stem, on the talks' line or on another's words; all above the caption.
      const caption = num(find(marks, "caption-rule")!, "y1");
      const boxes = texts(marks)
        .filter((m) => !classes(m).includes("note"))
        .map((m) => ({ key: m.key, ...textBox(m) }));
      for (const rule of [pub, priv, line, find(marks, "caption-rule")!])
        for (const b of boxes)
          if (b.x1 > num(rule, "x1") && b.x0 < num(rule, "x2"))
            expect(b.y1 < num(rule, "y1") - 1 || b.y0 > num(rule, "y1") + 1, `${b.key} on ${rule.key}`).toBe(true);
      const stems: [number, number, number][] = [
        [up[0]!, up[2]!, up[1]!],
        [down[0]!, down[1]!, down[2]!],
      ];
      for (const [x, y0, y1] of stems)
        for (const b of boxes) expect(b.x0 < x && b.x1 > x && b.y0 < y1 && b.y1 > y0, `${b.key} on the stem`).toBe(false);
      for (const b of boxes) expect(b.y1, `${b.key} above the caption`).toBeLessThan(caption);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const hit = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
          expect(hit, `${a.key} × ${b.key}`).toBe(false);
        }
    });

    it("reaches its caption from the first step: the private answer's room under the row, the room over it left for the public answer", () => {
      const caption = num(find(at("origin"), "caption-rule")!, "y1");
      const promise = at("promise");
      const priv = texts(promise).filter((m) => /^(existing|new)-/.test(m.key));
      expect(caption - Math.max(...priv.map((m) => textBox(m).y1))).toBeLessThan(typeOf(ctx).small * 2);
      // The row stands where it will stand once both answers are drawn: in origin already under the public answer's room.
      const pubTop = num(find(promise, "public-rule")!, "y1");
      expect(pubTop).toBeGreaterThanOrEqual(0);
      expect(centre(find(at("origin"), "hero")!)[1]).toBeGreaterThan(pubTop + typeOf(ctx).label * 3);
    });
  });

  it("sets no word on the phone's stage under 20 units (12 px at 390 px wide, where the stage draws at 0.6), the answers' heads included", () => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", "square", lang);
      for (const state of hunt.states)
        for (const m of texts(hunt.marks(state, ctx))) expect(num(m, "font-size"), `${lang} ${state} ${m.key}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("sets the answers on the desktop's stage in the figures' one type scale: the verdict a little over a name's size, the offer and the heads at a name's", () => {
    const ctx = ctxFor("hunt", "column", "en");
    const t = typeOf(ctx);
    const marks = hunt.marks("promise", ctx);
    // (graphics review 43, item 5: the answers at 1.4 and 1.15 times a name read as another designer's type)
    expect(num(find(marks, "verdict-0")!, "font-size")).toBeGreaterThan(t.label);
    expect(num(find(marks, "verdict-0")!, "font-size")).toBeLessThanOrEqual(t.label * 1.2);
    expect(num(find(marks, "existing-0")!, "font-size")).toBe(t.label);
    for (const key of ["public-head-0", "private-head-0"]) expect(num(find(marks, key)!, "font-size"), key).toBe(t.label);
  });

  it("labels come from the language's label file", () => {
    const de = hunt.marks("promise", ctxFor("hunt", "column", "de"));
    const en = hunt.marks("promise", ctxFor("hunt", "column", "en"));
    for (const key of ["public-head", "private-head"]) {
      expect(labelText(de, key)).toBe(ctxFor("hunt", "column", "de").t(key.replace("-head", "")));
      expect(labelText(en, key)).toBe(ctxFor("hunt", "column", "en").t(key.replace("-head", "")));
      expect(labelText(de, key)).not.toBe(labelText(en, key));
    }
  });
});
