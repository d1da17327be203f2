// Scene "rivals": NVIDIA in the middle, its biggest customers on a ring around
// it. What each state must show, in every layout: supply arrows out from NVIDIA,
// then a chip of each customer's own, then arrows back from those chips. Words
// are checked against the labels (ctx.t), never against literals; positions
// against each other, since the picture is schematic.

import { describe, expect, it } from "vitest";
import { rivals } from "../../../src/scenes/rivals.ts";
import { pathPoints } from "../../../src/scenes/pathData.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const CUSTOMERS = [
  ["hero", "openai"],
  ["meta", "meta"],
  ["microsoft", "microsoft"],
  ["google", "google"],
  ["amazon", "amazon"],
] as const;
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const centre = (m: Mark): [number, number] => [num(m, "x") + num(m, "width") / 2, num(m, "y") + num(m, "height") / 2];
/** Start and end of a straight link ("M x,y Q cx,cy x2,y2"). */
const ends = (m: Mark): [[number, number], [number, number]] => {
  const points = pathPoints(String(m.attrs.d));
  return [points[0]!, points.at(-1)!];
};
const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");

describe("rivals", () => {
  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("rivals", layout, "en");
    const at = (state: (typeof rivals.states)[number]) => rivals.marks(state, ctx);

    it("draws NVIDIA in the middle, named inside its chip, and the five customers around it, each named", () => {
      for (const state of rivals.states) {
        const marks = at(state);
        const nv = find(marks, "nvidia")!;
        const [nx, ny] = centre(nv);
        expect(labelText(marks, "nvidia-lbl"), state).toBe(ctx.t("nvidia"));
        for (const [key, text] of CUSTOMERS) {
          const dot = find(marks, key);
          expect(dot?.tag, `${state}: ${key}`).toBe("rect");
          expect(labelText(marks, `${key}-lbl`), `${state}: ${key}`).toBe(ctx.t(text));
          // Every customer lies outside NVIDIA's chip.
          const [x, y] = centre(dot!);
          expect(dist([x, y], [nx, ny]), key).toBeGreaterThan(num(nv, "width") / 2);
        }
        expect(classes(find(marks, "hero"))).toContain("marker-hero");
        // NVIDIA sits at the centre of the ring of customers (horizontally: the ring is symmetric).
        const xs = CUSTOMERS.map(([k]) => centre(find(marks, k)!)[0]);
        expect(Math.abs((Math.min(...xs) + Math.max(...xs)) / 2 - nx)).toBeLessThan(1);
      }
    });

    it("fills the figure: the ring spans most of its width and height above the caption", () => {
      for (const state of rivals.states) {
        const marks = at(state);
        const top = num(find(marks, "caption-band")!, "y");
        const pts = CUSTOMERS.map(([k]) => centre(find(marks, k)!));
        const w = Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0]));
        const h = Math.max(...pts.map((p) => p[1])) - Math.min(...pts.map((p) => p[1]));
        expect(w / ctx.width, state).toBeGreaterThan(0.6);
        expect(h / top, state).toBeGreaterThan(0.6);
      }
    });

    it("keeps every customer and its name in place from state to state", () => {
      for (const [key] of CUSTOMERS) {
        const spots = rivals.states.map((s) => JSON.stringify([centre(find(at(s), key)!), find(at(s), `${key}-lbl-0`)!.attrs]));
        expect(new Set(spots).size, key).toBe(1);
      }
    });

    it("customers: an arrow from NVIDIA out to each customer, no own chips, no arrows back", () => {
      const marks = at("customers");
      const nv = centre(find(marks, "nvidia")!);
      for (const [key] of CUSTOMERS) {
        const sup = find(marks, `sup-${key}`)!;
        expect(classes(sup), key).toContain("arc");
        const [from, to] = ends(sup);
        const c = centre(find(marks, key)!);
        // It starts near NVIDIA and ends near the customer: it points outwards.
        expect(dist(from, nv), key).toBeLessThan(dist(to, nv));
        expect(dist(to, c), key).toBeLessThan(dist(from, c));
        expect(find(marks, `sup-${key}-head`)?.tag, key).toBe("path");
        expect(find(marks, `chip-${key}`), key).toBeUndefined();
        expect(find(marks, `riv-${key}`), key).toBeUndefined();
      }
      expect(words(labelText(marks, "sup-hero-lbl"))).toBe(words(ctx.t("buys")));
    });

    it("own: each customer gets a chip of its own beside it, all the same size; OpenAI's is named", () => {
      const marks = at("own");
      const size = num(find(marks, "chip-hero")!, "width");
      for (const [key] of CUSTOMERS) {
        const chip = find(marks, `chip-${key}`)!;
        expect(num(chip, "width"), key).toBe(size);
        expect(num(chip, "height"), key).toBe(size);
        // Beside its customer: closer to it than to any other customer.
        const c = centre(chip);
        const nearest = CUSTOMERS.map(([k]) => [k, dist(c, centre(find(marks, k)!))] as const).sort((a, b) => a[1] - b[1])[0]![0];
        expect(nearest, key).toBe(key);
        expect(find(marks, `riv-${key}`), key).toBeUndefined();
      }
      expect(words(labelText(marks, "chip-hero-lbl"))).toBe(words(ctx.t("chip")));
      // OpenAI's chip is drawn as planned (a dashed outline, as the team scene draws it), the others' as in
      // development (a solid outline): none is drawn finished.
      for (const [key] of CUSTOMERS) {
        expect(classes(find(marks, `chip-${key}`)).includes("fab-new"), key).toBe(key === "hero");
        expect(classes(find(marks, `chip-${key}`)).includes("fab-dev"), key).toBe(key !== "hero");
      }
    });

    it("rivals: an arrow from each own chip back to NVIDIA; the supply arrows stay, greyed", () => {
      const marks = at("rivals");
      const nv = centre(find(marks, "nvidia")!);
      for (const [key] of CUSTOMERS) {
        const riv = find(marks, `riv-${key}`)!;
        // OpenAI's chip is only planned: its arrow dashed; the others' solid. None bold: how far the chips are is open.
        expect(classes(riv).includes("arc-strong"), key).toBe(false);
        expect(classes(riv).includes("arc-broken"), key).toBe(key === "hero");
        const [from, to] = ends(riv);
        const chip = centre(find(marks, `chip-${key}`)!);
        expect(dist(from, chip), key).toBeLessThan(dist(to, chip));
        expect(dist(to, nv), key).toBeLessThan(dist(from, nv));
        expect(find(marks, `riv-${key}-head`)?.tag, key).toBe("path");
        // Still customers: the supply arrow is there, no longer in the accent colour.
        expect(classes(find(marks, `sup-${key}`)), key).not.toContain("arc");
        expect(find(marks, `chip-${key}`), key).toBeDefined();
      }
      expect(words(labelText(marks, "sup-hero-lbl"))).toBe(words(ctx.t("still")));
      expect(words(labelText(marks, "riv-hero-lbl"))).toBe(words(ctx.t("rival")));
    });

    it("says in its caption that it is schematic, with no sizes", () => {
      for (const state of rivals.states) expect(words(labelText(at(state), "note")), state).toBe(words(ctx.t("note")));
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("rivals", "column", "de");
    const en = ctxFor("rivals", "column", "en");
    expect(words(labelText(rivals.marks("rivals", de), "riv-hero-lbl"))).toBe(words(de.t("rival")));
    expect(words(labelText(rivals.marks("rivals", en), "riv-hero-lbl"))).toBe(words(en.t("rival")));
    expect(de.t("rival")).not.toBe(en.t("rival"));
  });
});
