// Labels must not sit on top of each other: an estimate of each text mark's box
// (average glyph width of the figure font) must not overlap another label's box,
// in any scene, state, layout or language. Estimates, so a small tolerance.
import { describe, expect, it } from "vitest";
import { scenes } from "../../../src/scenes/index.ts";
import { type Layout, type Mark } from "../../../src/story/types.ts";
import { LANGS, LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor } from "../support.ts";

interface Box {
  key: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const GLYPH = 0.5; // average advance of Source Sans 3, in em
const SLACK = 2; // user units of overlap tolerated

function box(m: Mark): Box {
  const size = Number(m.attrs["font-size"]);
  const w = (m.text ?? "").length * size * GLYPH;
  const x = Number(m.attrs.x);
  const anchor = m.attrs["text-anchor"];
  const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
  const y = Number(m.attrs.y);
  return { key: m.key, x0, x1: x0 + w, y0: y - size * 0.75, y1: y + size * 0.2 };
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > SLACK && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > SLACK;

describe("figure labels do not collide", () => {
  for (const scene of Object.values(scenes)) {
    for (const layout of Object.keys(LAYOUTS) as Layout[]) {
      for (const lang of LANGS) {
        it(`${scene.id} (${layout}, ${lang})`, () => {
          const problems: string[] = [];
          for (const state of scene.states) {
            const boxes = scene
              .marks(state, ctxFor(scene.id, layout, lang))
              .filter((m) => m.tag === "text")
              .map(box);
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                if (overlap(boxes[i]!, boxes[j]!)) problems.push(`${state}: "${boxes[i]!.key}" overlaps "${boxes[j]!.key}"`);
              }
            }
          }
          expect(problems).toEqual([]);
        });
      }
    }
  }
});

describe("the collision estimate", () => {
  const t = (key: string, x: number, y: number, text: string, anchor = "start"): Mark => ({
    key,
    tag: "text",
    text,
    attrs: { x, y, "font-size": 20, "text-anchor": anchor },
  });
  it("sees two labels on one line that share space, and not two that do not", () => {
    expect(overlap(box(t("a", 100, 100, "Samsung, SK Hynix")), box(t("b", 180, 104, "SoftBank")))).toBe(true);
    expect(overlap(box(t("a", 100, 100, "Samsung")), box(t("b", 100, 130, "SoftBank")))).toBe(false);
    expect(overlap(box(t("a", 300, 100, "OpenAI", "end")), box(t("b", 305, 100, "NVIDIA")))).toBe(false);
  });
});
