// Composition rules over the marks of every scene, state, layout and language
// (a graphics desk's checklist, as numbers): every label inside the figure and
// above its caption strip, no label on another label, on a mark it does not
// name, or on a line; markers inside the plot (the trillions grid's use of
// its width: tests/unit/scenes/trillions.test.ts); no line break inside a short quotation or a name. Text boxes come from the
// font files the page ships (src/fonts/metrics.ts: advances with kerning, the
// ink above and below the baseline), which tests/e2e/labels.spec.ts holds to
// Chromium's drawing within 2 px and where it checks the same rules again.

import { describe, expect, it } from "vitest";
import { scenes } from "../../../src/scenes/index.ts";
import { grow, inside, isCaption, textBox, overlaps, type Box } from "../../../src/scenes/figure.ts";
import { linkPoint } from "../../../src/scenes/shapes.ts";
import { readPath } from "../../../src/scenes/pathData.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, realFacts, LANGS, realStory } from "../support.ts";
import { nameForms } from "../../../src/story/facts.ts";
import { ZOOMS } from "../../../src/render/zoom.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
/** The widest stroke a marker or bar draws (src/scenes/figure.css: a ring's 3 px): its box grows by half of it. */
const STROKE = 3;
const cls = (m: Mark) => String(m.attrs.class ?? "");
/** Label "tsmc-lbl-0" names mark "tsmc"; "hero-val-0" names "hero". */
const owner = (key: string) => key.replace(/-(lbl|val)(-\d+)?$/, "").replace(/-\d+$/, "");
const boxOf = (m: Mark): Box => ({
  x0: Number(m.attrs.x),
  y0: Number(m.attrs.y),
  x1: Number(m.attrs.x) + Number(m.attrs.width),
  y1: Number(m.attrs.y) + Number(m.attrs.height),
});

/** Points along a quadratic link path "M x,y Q cx,cy x2,y2" (the scenes' arcs). */
function arcPoints(d: string): [number, number][] {
  const path = readPath(d);
  if (path.length !== 2 || path[1]!.cmd !== "Q") return [];
  const [[x1, y1]] = path[0]!.points as [[number, number]];
  const [[cx, cy], [x2, y2]] = path[1]!.points as [[number, number], [number, number]];
  const out: [number, number][] = [];
  for (let i = 1; i < 30; i++) {
    const t = i / 30;
    const u = 1 - t;
    out.push([u * u * x1 + 2 * u * t * cx + t * t * x2, u * u * y1 + 2 * u * t * cy + t * t * y2]);
  }
  return out;
}

function problems(marks: Mark[], width: number, height: number): string[] {
  const out: string[] = [];
  const texts = marks.filter((m) => m.tag === "text");
  const band = marks.find((m) => m.key === "caption-band");
  const captionTop = band ? Number(band.attrs.y) : height;
  const figure: Box = { x0: 0, y0: 0, x1: width, y1: height };
  for (const t of texts) {
    const b = textBox(t);
    if (b.x0 < 0 || b.x1 > width || b.y0 < 0 || b.y1 > height) out.push(`"${t.key}" leaves the figure`);
    if (!isCaption(t) && b.y1 > captionTop) out.push(`"${t.key}" runs into the caption strip`);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlaps(textBox(texts[i]!), textBox(texts[j]!), 0.5)) out.push(`"${texts[i]!.key}" overlaps "${texts[j]!.key}"`);
    }
  }
  // Markers and bars: no label sits on one, nor on the stroke of the one it names (a ring struck through its own
  // words); only a label wholly inside its own mark, clear of the stroke, is meant to be there (a bar's own words).
  const solids = marks.filter((m) => m.tag === "rect" && !isCaption(m) && /marker|bar|fab/.test(cls(m)));
  for (const t of texts.filter((x) => !isCaption(x))) {
    for (const s of solids) {
      if (owner(t.key) === s.key && inside(textBox(t), grow(boxOf(s), -STROKE))) continue;
      if (overlaps(textBox(t), grow(boxOf(s), STROKE / 2), 0.5))
        out.push(`"${t.key}" ${owner(t.key) === s.key ? "is struck by its own" : "sits on"} "${s.key}"`);
    }
  }
  // Lines: no label on an arc.
  for (const p of marks.filter((m) => m.tag === "path" && /arc/.test(cls(m)))) {
    const pts = arcPoints(String(p.attrs.d));
    for (const t of texts) {
      const b = textBox(t);
      if (pts.some(([x, y]) => x > b.x0 + 1 && x < b.x1 - 1 && y > b.y0 + 1 && y < b.y1 - 1))
        out.push(`"${t.key}" lies on the line "${p.key}"`);
    }
  }
  // Markers apart from each other, and inside the plot (above the caption strip, inside the figure).
  const markers = solids.filter((m) => /marker/.test(cls(m)));
  for (let i = 0; i < markers.length; i++) {
    for (let j = i + 1; j < markers.length; j++) {
      if (overlaps(boxOf(markers[i]!), boxOf(markers[j]!), 0)) out.push(`markers "${markers[i]!.key}" and "${markers[j]!.key}" touch`);
    }
  }
  for (const s of solids.filter((m) => /marker/.test(cls(m)))) {
    const b = boxOf(s);
    if (b.x0 < 0 || b.x1 > figure.x1 || b.y0 < 0 || b.y1 > captionTop) out.push(`marker "${s.key}" is outside the plot`);
  }
  return out;
}

describe("composition", () => {
  for (const scene of Object.values(scenes)) {
    for (const layout of LAYOUT_LIST) {
      for (const lang of LANGS) {
        it(`${scene.id} (${layout}, ${lang}): labels clear of labels, marks, lines and edges`, () => {
          const ctx = ctxFor(scene.id, layout, lang);
          const found = scene.states.flatMap((state) =>
            problems(scene.marks(state, ctx), ctx.width, ctx.height).map((p) => `${state}: ${p}`),
          );
          expect(found).toEqual([]);
        });
      }
    }
  }

  // The phone's stages, upright and on its side, and the desktop's draw each step at the zoom it has room for (src/render/zoom.ts
  // ZOOMS), composed in a smaller box: the same rules hold for the drawings as the stage shows them (scaled back).
  for (const layout of Object.keys(ZOOMS) as Layout[])
    for (const lang of LANGS) {
      it(`every step as the stage draws it (${layout}, zoomed, ${lang}): labels clear of labels, marks, lines and edges`, () => {
        const { width, height } = LAYOUTS[layout];
        const found = realStory().compiled.chapters[lang]!.flatMap((c) =>
          c.steps.flatMap((st) => problems(st.marks[layout]!, width, height).map((p) => `${st.key}: ${p}`)),
        );
        expect(found).toEqual([]);
      });
    }

  it("never breaks a line inside a short quotation or a name", () => {
    const names = Object.values(realFacts().names)
      .flatMap((n) => LANGS.flatMap((lang) => nameForms(n, lang)))
      .filter((n) => n.includes(" "));
    for (const scene of Object.values(scenes)) {
      for (const layout of LAYOUT_LIST) {
        for (const lang of LANGS) {
          for (const state of scene.states) {
            const marks = scene.marks(state, ctxFor(scene.id, layout, lang));
            // Group each label's lines ("key-0", "key-1"…) and look at the breaks between them.
            const groups = new Map<string, string[]>();
            for (const m of marks.filter((x) => x.tag === "text")) {
              const k = m.key.replace(/-\d+$/, "");
              groups.set(k, [...(groups.get(k) ?? []), (m.text ?? "").replace(/\u00a0/g, " ")]);
            }
            for (const [key, ls] of groups) {
              for (let i = 1; i < ls.length; i++) {
                const open = (
                  ls
                    .slice(0, i)
                    .join(" ")
                    .match(/[„“”"]/g) ?? []
                ).length;
                expect(open % 2, `${scene.id}/${state}/${layout}/${lang} "${key}" breaks inside a quotation`).toBe(0);
                for (const name of names) {
                  const [first, ...rest] = name.split(" ");
                  expect(ls[i - 1]!.endsWith(` ${first}`) && ls[i]!.startsWith(rest.join(" ")), `"${key}" breaks "${name}"`).toBe(false);
                }
              }
            }
          }
        }
      }
    }
  });
});

it("the arc sampler follows the shapes' own curve", () => {
  const pts = arcPoints("M0,0 Q50,-50 100,0");
  const [x, y] = linkPoint([0, 0], [100, 0], 0.5, 0.5);
  expect(pts[14]![0]).toBeCloseTo(x, -1);
  expect(pts[14]![1]).toBeCloseTo(y, -1);
});
