// Scene "hunt": the map of Altman's search for chips. What each state must show,
// in every layout; words are checked against the labels, places against the
// facts file's places (projected), never against literals.

import { describe, expect, it } from "vitest";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { projection } from "../../../src/scenes/world.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
/** Labels keep short quotes together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const scale = (m: Mark) => Number(/scale\(([\d.]+)\)/.exec(String(m.attrs.transform))![1]);

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

    it("puts companies on their headquarters and governments on their seats, through the same projection as the map", () => {
      // Each dot's centre is where the facts file's place lands under the map's transform.
      const spots: [string, string, (typeof hunt.states)[number]][] = [
        ["hero", "openai-hq", "origin"],
        ["nvidia", "nvidia-hq", "origin"],
        ["tsmc", "tsmc-hq", "tsmc"],
      ];
      for (const [key, id, state] of spots) {
        const marks = at(state);
        const map = find(marks, "map")!;
        const [x, y] = centre(find(marks, key)!);
        // The map's shapes are drawn in the base projection and moved by the group's transform:
        // the place, put through the same transform, must land on the dot.
        const [, tx, ty, s] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)/.exec(String(map.attrs.transform))!.map(Number);
        const [px, py] = projection("print")(ctx.place(id))!;
        expect(Math.abs(tx! + s! * px - x), `${key} x`).toBeLessThan(1.5);
        expect(Math.abs(ty! + s! * py - y), `${key} y`).toBeLessThan(1.5);
        expect(x, `${key} inside the figure`).toBeGreaterThan(0);
        expect(x).toBeLessThan(ctx.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(ctx.height);
      }
    });

    it("zooms from California out over the Pacific", () => {
      expect(scale(find(at("origin"), "map")!)).toBeGreaterThan(scale(find(at("tsmc"), "map")!) * 2);
    });

    it("origin: links NVIDIA to OpenAI; tsmc, refusal, promise: link OpenAI to TSMC, greyed when refused, dashed only for the conditional offer", () => {
      expect(find(at("origin"), "link-nvidia")?.tag).toBe("path");
      expect(labelText(at("origin"), "nvidia-lbl")).toBe(ctx.t("nvidia"));
      for (const state of ["tsmc", "refusal", "promise"] as const) {
        const marks = at(state);
        // The private offer hangs on large orders: only on the table, so dashed (the caption's rule), not bold.
        expect(classes(find(marks, "link-tsmc")).includes("arc-broken"), state).toBe(state === "promise");
        expect(classes(find(marks, "link-tsmc")), state).not.toContain("arc-strong");
        expect(classes(find(marks, "link-tsmc")).includes("arc-grey"), state).toBe(state === "refusal");
        // TSMC stays a filled dot even when it refuses in public: it named its terms in private.
        expect(classes(find(marks, "tsmc")).includes("marker-no"), state).toBe(false);
        expect(find(marks, "nvidia")).toBeUndefined();
      }
      expect(words(labelText(at("tsmc"), "link-tsmc-lbl"))).toBe(words(ctx.t("talks")));
      expect(words(labelText(at("refusal"), "link-tsmc-lbl"))).toBe(words(ctx.t("refusal")));
      expect(words(labelText(at("promise"), "link-tsmc-lbl"))).toBe(words(ctx.t("offer")));
    });

    it("promise: three existing fabs and three unbuilt ones, all the same size, with a schematic note", () => {
      const marks = at("promise");
      const fabs = [0, 1, 2].map((i) => find(marks, `fab-${i}`)!);
      const fresh = [0, 1, 2].map((i) => find(marks, `newfab-${i}`)!);
      for (const f of [...fabs, ...fresh]) expect(num(f, "width")).toBe(num(fabs[0]!, "width"));
      for (const f of fresh) expect(classes(f)).toContain("fab-new");
      expect(labelText(marks, "fabs-lbl")).toBe(ctx.t("fabs"));
    });
  });

  it("labels come from the language's label file", () => {
    const de = hunt.marks("origin", ctxFor("hunt", "column", "de"));
    const en = hunt.marks("origin", ctxFor("hunt", "column", "en"));
    expect(labelText(de, "link-nvidia-lbl")).toBe(ctxFor("hunt", "column", "de").t("dependence"));
    expect(labelText(en, "link-nvidia-lbl")).toBe(ctxFor("hunt", "column", "en").t("dependence"));
    expect(labelText(de, "link-nvidia-lbl")).not.toBe(labelText(en, "link-nvidia-lbl"));
  });

  it("draws its map from the shared world geometry, each shape once, with ids that name no scene", () => {
    expect(hunt.geometry).toContain("world");
    const names = geometryDefs(hunt.geometry!).map((d) => d.id);
    for (const id of names) expect(id).not.toContain("hunt");
    expect(names).toEqual(expect.arrayContaining([ctxFor("hunt", "print", "en").symbol("land")]));
    expect(new Set(names).size).toBe(names.length);
  });
});
