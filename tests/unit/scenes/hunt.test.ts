// Scene "hunt": the map of Altman's search for chips. What each state must show,
// in both layouts; words are checked against the labels, not against literals.

import { describe, expect, it } from "vitest";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { type Layout, type Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];

describe("hunt", () => {
  it("has the five states of the chapter, in reading order", () => {
    expect(hunt.id).toBe("hunt");
    expect([...hunt.states]).toEqual(["origin", "tsmc", "refusal", "promise", "partners"]);
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("hunt", layout, "en");
    const at = (state: (typeof hunt.states)[number]) => hunt.marks(state, ctx);

    it("draws OpenAI as the hero dot in every state (a rect with round ends, ready to grow into a bar)", () => {
      for (const state of hunt.states) {
        const hero = find(at(state), "hero");
        expect(hero?.tag, state).toBe("rect");
        expect(num(hero!, "width")).toBe(num(hero!, "height"));
        expect(num(hero!, "rx")).toBeCloseTo(num(hero!, "width") / 2, 6);
        expect(classes(hero)).toContain("marker-hero");
        const [x, y] = centre(hero!);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(ctx.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(ctx.height);
      }
    });

    it("origin: links OpenAI to NVIDIA and highlights the USA only", () => {
      const marks = at("origin");
      expect(find(marks, "nvidia")?.tag).toBe("rect");
      expect(find(marks, "link-nvidia")?.tag).toBe("path");
      expect(find(marks, "nvidia-lbl-0")?.text).toBe(ctx.t("nvidia"));
      const map = find(marks, "map")!;
      expect(map.children!.map((c) => c.key)).toEqual(["land", "c-usa"]);
      expect(find(marks, "tsmc")).toBeUndefined();
    });

    it("tsmc, refusal, promise: link OpenAI to TSMC, and only refusal breaks the link", () => {
      for (const state of ["tsmc", "refusal", "promise"] as const) {
        const marks = at(state);
        const link = find(marks, "link-tsmc");
        expect(link?.tag, state).toBe("path");
        expect(classes(link).includes("arc-broken"), state).toBe(state === "refusal");
        expect(classes(find(marks, "tsmc")).includes("marker-no"), state).toBe(state === "refusal");
        expect(find(marks, "map")!.children!.map((c) => c.key)).toEqual(["land", "c-usa", "c-taiwan"]);
        expect(find(marks, "nvidia")).toBeUndefined();
      }
    });

    it("labels the TSMC link with the talks, the refusal, then the offer", () => {
      expect(labelText(at("tsmc"), "link-tsmc-lbl")).toBe(ctx.t("talks"));
      expect(labelText(at("refusal"), "link-tsmc-lbl")).toBe(ctx.t("refusal"));
      expect(labelText(at("promise"), "link-tsmc-lbl")).toBe(ctx.t("offer"));
    });

    it("promise: three existing fabs and three unbuilt ones, all the same size, with a schematic note", () => {
      const marks = at("promise");
      const fabs = [0, 1, 2].map((i) => find(marks, `fab-${i}`)!);
      const fresh = [0, 1, 2].map((i) => find(marks, `newfab-${i}`)!);
      for (const f of [...fabs, ...fresh]) {
        expect(f.tag).toBe("rect");
        expect(num(f, "width")).toBe(num(fabs[0]!, "width"));
        expect(num(f, "height")).toBe(num(fabs[0]!, "height"));
      }
      for (const f of fresh) expect(classes(f)).toContain("fab-new");
      for (const f of fabs) expect(classes(f)).not.toContain("fab-new");
      expect(labelText(marks, "fabs-lbl")).toBe(ctx.t("fabs"));
      expect(find(at("tsmc"), "fab-0")).toBeUndefined();
    });

    describe("partners", () => {
      const marks = at("partners");
      const PARTNERS = ["korea", "japan", "uae", "commerce"] as const;

      it("has a marker, a link and a label for Korea, Japan, the UAE and the Commerce Department", () => {
        for (const key of PARTNERS) {
          const dot = find(marks, key);
          expect(dot?.tag, key).toBe("rect");
          expect(classes(dot), key).toContain("marker");
          expect(find(marks, `link-${key}`)?.tag, key).toBe("path");
          expect(labelText(marks, `${key}-lbl`), key).toBe(ctx.t(key));
        }
        expect(find(marks, "map")!.children!.map((c) => c.key)).toEqual(["land", "c-usa", "c-taiwan", "c-korea", "c-japan", "c-uae"]);
      });

      it("keeps every partner marker inside the viewBox", () => {
        for (const key of [...PARTNERS, "tsmc", "hero"]) {
          const [x, y] = centre(find(marks, key)!);
          expect(x, key).toBeGreaterThanOrEqual(0);
          expect(x, key).toBeLessThanOrEqual(ctx.width);
          expect(y, key).toBeGreaterThanOrEqual(0);
          expect(y, key).toBeLessThanOrEqual(ctx.height);
        }
      });

      it("drops a vertical leader from each dot to its own label row; the rightmost dot gets the top row", () => {
        const rows = PARTNERS.map((key) => {
          const dot = find(marks, key)!;
          const lead = find(marks, `lead-${key}`)!;
          const lbl = find(marks, `${key}-lbl-0`)!;
          expect(lead.tag).toBe("line");
          expect(num(lead, "x1")).toBe(num(lead, "x2"));
          expect(Math.abs(num(lead, "x1") - centre(dot)[0])).toBeLessThanOrEqual(0.1);
          expect(num(lead, "y2")).toBeGreaterThan(num(lead, "y1"));
          expect(num(lead, "y2")).toBeLessThan(num(lbl, "y"));
          return { x: centre(dot)[0], y: num(lbl, "y") };
        });
        const ys = rows.map((r) => r.y);
        expect(new Set(ys).size).toBe(4);
        const byX = [...rows].sort((a, b) => b.x - a.x).map((r) => r.y);
        expect(byX).toEqual([...ys].sort((a, b) => a - b));
      });
    });

    it("says in every state that dots stand for countries, not sites", () => {
      for (const state of hunt.states) expect(labelText(at(state), "note"), state).toBe(ctx.t("note"));
    });
  });

  it("labels come from the language's label file", () => {
    const de = hunt.marks("partners", ctxFor("hunt", "wide", "de"));
    const en = hunt.marks("partners", ctxFor("hunt", "wide", "en"));
    expect(labelText(de, "uae-lbl")).toBe(ctxFor("hunt", "wide", "de").t("uae"));
    expect(labelText(en, "uae-lbl")).toBe(ctxFor("hunt", "wide", "en").t("uae"));
    expect(labelText(de, "uae-lbl")).not.toBe(labelText(en, "uae-lbl"));
  });

  it("draws its map from the shared world geometry, each shape once, with ids that name no scene", () => {
    expect(hunt.geometry).toContain("world");
    const names = geometryDefs(hunt.geometry!).map((d) => d.id);
    for (const id of names) expect(id).not.toContain("hunt");
    expect(names).toEqual(
      expect.arrayContaining([ctxFor("hunt", "wide", "en").symbol("land"), ctxFor("hunt", "wide", "en").symbol("korea")]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
