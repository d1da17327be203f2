// Scene "hunt": a locator inset of where the companies are, and beside it a plain
// diagram of who talked to whom (one level row, no map positions), TSMC's two
// answers hanging from it. What each state must show, in every layout; words
// are checked against the labels, places against the facts file's places
// (projected), never against literals.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { projection } from "../../../src/scenes/world.ts";
import { textBox } from "../../../src/scenes/figure.ts";
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
      // Each quoted piece from the article's quotation of him (a long quotation is set in pieces, so that it can
      // break: text.ts keeps a short quotation on one line), and nothing but it.
      const said = /TSMC-CEO CC Wei[^"]*"([^"]+)"/.exec(article)![1]!;
      const quoted = [...verdict.matchAll(/„([^“]+)“/g)].map((m) => m[1]!);
      expect(quoted.length, verdict).toBeGreaterThan(0);
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
    /** A point through the map group's transform: where the map shows a lon/lat place. */
    const onMap = (marks: Mark[], lonLat: [number, number]): [number, number] => {
      const [, tx, ty, s] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)/
        .exec(String(find(marks, "view")!.attrs.transform))!
        .map(Number);
      const [px, py] = projection("print")(lonLat)!;
      return [tx! + s! * px, ty! + s! * py];
    };
    /** The map's window: the box of the nested svg that clips it (the map draws nowhere else). */
    const windowOf = (marks: Mark[]) => {
      const w = find(marks, "map")!;
      return { x0: num(w, "x"), y0: num(w, "y"), x1: num(w, "x") + num(w, "width"), y1: num(w, "y") + num(w, "height") };
    };

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

    it("pins the companies in the locator on their headquarters through the map's own projection: OpenAI on San Francisco, TSMC on Hsinchu, NVIDIA beside OpenAI towards Santa Clara; each dot named", () => {
      const marks = at("tsmc");
      const near = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
      expect(near(centre(find(marks, "loc-tsmc")!), onMap(marks, ctx.place("tsmc-hq"))), "TSMC on Hsinchu").toBeLessThan(1.5);
      const [h, n] = [centre(find(marks, "loc-hero")!), centre(find(marks, "loc-nvidia")!)];
      expect(near(h, onMap(marks, ctx.place("openai-hq"))), "OpenAI on San Francisco").toBeLessThan(1.5);
      // Side by side, apart (a locator's scale puts the two towns a dot's width apart), along the true bearing.
      expect(near(h, n)).toBeGreaterThan(num(find(marks, "loc-hero")!, "width"));
      expect(near(h, n)).toBeLessThan(num(find(marks, "loc-hero")!, "width") * 2.5);
      const [sf, sc] = [onMap(marks, ctx.place("openai-hq")), onMap(marks, ctx.place("nvidia-hq"))];
      const bearing = (a: [number, number], b: [number, number]) => Math.atan2(b[1] - a[1], b[0] - a[0]);
      expect(Math.abs(bearing(h, n) - bearing(sf, sc)), "NVIDIA towards Santa Clara").toBeLessThan(0.05);
      expect(classes(find(marks, "loc-tsmc"))).toContain("marker-ring");
      expect(classes(find(marks, "loc-hero"))).toContain("marker-hero");
      for (const [key, name] of [
        ["loc-tsmc-lbl", "tsmc"],
        ["loc-hero-lbl", "openai"],
        ["loc-nvidia-lbl", "nvidia"],
      ] as const)
        expect(labelText(marks, key), key).toBe(ctx.t(name));
    });

    it("is an inset in the top left corner; the diagram is one level row beside or under it, not a map: OpenAI at the right, NVIDIA under it, the chipmakers at the left", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const win = windowOf(marks);
        const west = win.x0;
        expect(west).toBeLessThan(ctx.width * 0.1);
        expect(win.y0).toBeLessThan(ctx.height * 0.1);
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
        // The row stands under the locator, or (a short stage) beside it: never inside its window.
        const east = win.x1;
        expect(hero[1] > win.y1 || hero[0] > east, `${state}: OpenAI outside the locator`).toBe(true);
        if (state === "origin") continue;
        const ring = centre(find(marks, "tsmc")!);
        expect(Math.abs(ring[1] - hero[1]), `${state}: TSMC level with OpenAI`).toBeLessThan(0.5);
        expect(ring[0], `${state}: TSMC on the left`).toBeLessThan(hero[0] - ctx.width * 0.25);
      }
    });

    it("changes one thing a step and moves nothing: the locator, OpenAI's and NVIDIA's dots, TSMC's ring and the talks' line stay where they first stand", () => {
      const windows = hunt.states.map((s) => JSON.stringify([find(at(s), "map")!.attrs, find(at(s), "view")!.attrs]));
      expect(new Set(windows).size).toBe(1);
      for (const key of ["hero", "nvidia", "depends"]) {
        const dots = hunt.states.map((s) => JSON.stringify(find(at(s), key)!.attrs));
        expect(new Set(dots).size, key).toBe(1);
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
    });

    it("is a locator, not a basemap: its window cut close to Taiwan and California, well under half the figure, no open ocean south of the Tropic", () => {
      const marks = at("promise");
      const win = windowOf(marks);
      expect(win.y1 - win.y0).toBeLessThan(ctx.height * 0.45);
      for (const id of ["tsmc-hq", "openai-hq"]) {
        const [, y] = onMap(marks, ctx.place(id));
        expect(y, id).toBeGreaterThan(win.y0);
        expect(y, id).toBeLessThan(win.y1);
      }
      // The window ends north of 12° N in mid-Pacific (the old basemap showed the ocean down to the Equator).
      expect(onMap(marks, [180, 12])[1]).toBeGreaterThan(win.y1);
    });

    it("names Taiwan and California in every state, inside the locator's window", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const win = windowOf(marks);
        for (const key of ["taiwan", "california"]) {
          expect(words(labelText(marks, `place-${key}`)), `${state} ${key}`).toBe(ctx.t(key));
          const y = num(find(marks, `place-${key}-0`)!, "y");
          expect(y).toBeGreaterThan(win.y0);
          expect(y).toBeLessThan(win.y1);
        }
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
      // No company town in the diagram: places belong to the locator alone.
      expect(find(marks, "hero-town-0")).toBeUndefined();
      expect(find(marks, "nvidia-town-0")).toBeUndefined();
      expect(find(marks, "link-tsmc"), "no talks yet").toBeUndefined();
      expect(find(marks, "tsmc"), "no TSMC yet").toBeUndefined();
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
      expect(find(promise, "most-0"), "the other executives' note gives way to the private answer").toBeUndefined();
      expect(classes(find(promise, "fab-existing"))).toContain("fab-other");
      expect(classes(find(promise, "fab-new"))).toContain("fab-spared");
      expect(find(promise, "fab-new-strike"), "the spared fab is struck through").toBeDefined();
      expect(classes(find(promise, "order"))).toContain("arc-dashed");
      let fabs = 0;
      for (const { mark } of walk(promise)) if (classes(mark).includes("fab") && !mark.key.endsWith("-strike")) fabs++;
      expect(fabs).toBe(2);
    });

    it("keeps every name on the map (places, the sea, the companies' dots) inside the locator's frame, clear of each other, in every state", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const win = windowOf(marks);
        const names = texts(marks)
          .filter((m) => /^(loc-|place-)/.test(m.key))
          .map((m) => ({ key: m.key, ...textBox(m) }));
        expect(names.map((n) => n.key)).toEqual(expect.arrayContaining(["place-taiwan-0", "place-california-0", "loc-hero-lbl-0"]));
        for (const n of names) {
          const inside = n.x0 >= win.x0 && n.x1 <= win.x1 && n.y0 >= win.y0 && n.y1 <= win.y1;
          expect(
            inside,
            `${state}: ${n.key} [${[n.x0, n.y0, n.x1, n.y1].map(Math.round)}] in the frame [${[win.x0, win.y0, win.x1, win.y1].map(Math.round)}]`,
          ).toBe(true);
        }
        for (const [i, a] of names.entries())
          for (const b of names.slice(i + 1))
            expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${state}: ${a.key} on ${b.key}`).toBe(true);
      }
    });

    it("keeps the talks' line, its words and the companies' names out of the locator's window in every state", () => {
      for (const state of hunt.states) {
        const marks = at(state);
        const win = windowOf(marks);
        const inWin = (x: number, y: number) => x > win.x0 && x < win.x1 && y > win.y0 && y < win.y1;
        const line = find(marks, "link-tsmc");
        if (line)
          for (let i = 0; i <= 20; i++) {
            const x = num(line, "x1") + ((num(line, "x2") - num(line, "x1")) * i) / 20;
            const y = num(line, "y1") + ((num(line, "y2") - num(line, "y1")) * i) / 20;
            expect(inWin(x, y), `${state}: the line at ${i}/20`).toBe(false);
          }
        const dep = find(marks, "depends")!;
        for (const [x, y] of [
          [num(dep, "x1"), num(dep, "y1")],
          [num(dep, "x2"), num(dep, "y2")],
        ] as const) {
          expect(inWin(x, y), `${state}: OpenAI's stem to NVIDIA`).toBe(false);
        }
        for (const m of texts(marks).filter((m) => !/^(loc-|place-)/.test(m.key))) {
          const b = textBox(m);
          const hit = Math.min(b.x1, win.x1) - Math.max(b.x0, win.x0) > 0 && Math.min(b.y1, win.y1) - Math.max(b.y0, win.y0) > 0;
          expect(hit, `${state}: ${m.key} in the locator`).toBe(false);
        }
      }
    });

    it("sets the two answers under the locator, side by side on a wide figure and stacked on the phone's, no words on a rule or on another's", () => {
      const marks = at("promise");
      const win = windowOf(marks);
      const pub = find(marks, "public-rule")!;
      const priv = find(marks, "private-rule")!;
      expect(num(pub, "y1")).toBeGreaterThanOrEqual(win.y1);
      // The answers hang from TSMC's ring: a stem from under the ring down to the first answer's rule.
      const ring = centre(find(marks, "tsmc")!);
      const stem = /^M([-\d.]+),([-\d.]+) V([-\d.]+)/.exec(String(find(marks, "stem")!.attrs.d))!.map(Number);
      expect(Math.abs(stem[1]! - ring[0])).toBeLessThan(1);
      expect(stem[2]).toBeGreaterThan(ring[1]);
      expect(stem[2]! - ring[1]).toBeLessThan(num(find(marks, "tsmc")!, "width"));
      expect(Math.abs(stem[3]! - num(pub, "y1"))).toBeLessThan(1);
      expect(stem[1]).toBeGreaterThanOrEqual(num(pub, "x1"));
      // ...reaching it: straight down onto it, or (a ring beside the locator, past the rule's end) turning to its end.
      if (stem[1]! > num(pub, "x2")) expect(String(find(marks, "stem")!.attrs.d)).toContain(`H${num(pub, "x2")}`);
      if (layout === "square") expect(num(priv, "y1")).toBeGreaterThan(num(pub, "y1"));
      else {
        expect(num(priv, "y1")).toBe(num(pub, "y1"));
        expect(num(priv, "x1")).toBeGreaterThan(num(pub, "x2"));
      }
      const caption = num(find(marks, "caption-rule")!, "y1");
      const boxes = texts(marks)
        .filter((m) => !classes(m).includes("note"))
        .map((m) => ({ key: m.key, ...textBox(m) }));
      for (const rule of [pub, priv, find(marks, "caption-rule")!])
        for (const b of boxes)
          if (b.x1 > num(rule, "x1") && b.x0 < num(rule, "x2"))
            expect(b.y1 < num(rule, "y1") - 1 || b.y0 > num(rule, "y1") + 1, `${b.key} on ${rule.key}`).toBe(true);
      for (const b of boxes) expect(b.y1, `${b.key} above the caption`).toBeLessThan(caption);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const hit = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
          expect(hit, `${a.key} × ${b.key}`).toBe(false);
        }
    });
  });

  it("sets no word on the phone's stage under 20 units (12 px at 390 px wide, where the stage draws at 0.6), the locator's names and the answers' heads included", () => {
    for (const lang of ["en", "de"] as const) {
      const ctx = ctxFor("hunt", "square", lang);
      for (const state of hunt.states)
        for (const m of texts(hunt.marks(state, ctx))) expect(num(m, "font-size"), `${lang} ${state} ${m.key}`).toBeGreaterThanOrEqual(20);
    }
  });

  it("labels come from the language's label file", () => {
    const de = hunt.marks("origin", ctxFor("hunt", "column", "de"));
    const en = hunt.marks("origin", ctxFor("hunt", "column", "en"));
    expect(labelText(de, "place-california")).toBe(ctxFor("hunt", "column", "de").t("california"));
    expect(labelText(en, "place-california")).toBe(ctxFor("hunt", "column", "en").t("california"));
    expect(labelText(de, "place-california")).not.toBe(labelText(en, "place-california"));
  });

  it("draws its map from the shared world geometry, each shape once, with ids that name no scene", () => {
    expect(hunt.geometry).toContain("world");
    const names = geometryDefs(hunt.geometry!).map((d) => d.id);
    for (const id of names) expect(id).not.toContain("hunt");
    expect(names).toEqual(expect.arrayContaining([ctxFor("hunt", "print", "en").symbol("land")]));
    expect(new Set(names).size).toBe(names.length);
  });
});
