// Text as drawn: every label of every state of every scene, in the two stage
// layouts (column, square) and the static print figure, in both languages, is
// measured in the browser and held to the box the build computed for it from
// the font files (src/fonts/metrics.ts, via textBox in src/scenes/figure.ts)
// within 2 px, then checked against the other labels, the marks it does not
// name, the figure's lines and its edge, with the boxes as drawn.
//
// The stage layouts are drawn from the compiled story (as the build compiles it,
// src/story/page.ts) into the built page (its styles, its fonts, its map
// symbols) at 1:1, so a user unit is a CSS pixel. The print layout is measured
// in each step's own figure file (src/render/figureFile.ts), opened by itself,
// as the reader without JavaScript sees it and the PDF prints it (in the static
// faces the file carries). Across: the advance box Chromium reports (getBBox). Up and down: the
// ink of the same string in the same font, from the browser's own text metrics
// (canvas measureText), about the baseline getBBox places; and the line box
// (getBBox's height) against the font's ascender and descender.

import type { Page } from "@playwright/test";
import { test, expect, LANGS, at } from "./helpers.ts";
import { story } from "../../src/story/page.ts";
import { LAYOUTS, STAGE_LAYOUTS, STATIC_LAYOUT } from "../../src/story/config.ts";
import { drawnRuns, marksToSvg } from "../../src/render/static.ts";
import { grow, inside, isBold, overlaps, textBox, type Box } from "../../src/scenes/figure.ts";
import { LINE_BOX } from "../../src/fonts/metrics.ts";
import type { Mark } from "../../src/story/types.ts";

/** How far a drawn box may lie from the computed one, in user units: CSS px on the stage drawn 1:1, less than that in the static figures (shown narrower than 960). */
const TOLERANCE = 2;

interface DrawnText {
  key: string;
  text: string;
  top: boolean;
  attrs: Record<string, string>;
  /** getBBox: the advance across, the line box up and down. */
  bbox: Box;
  /** The browser's ink of the string above and below the baseline, and the font's ascent (to find the baseline in the line box). */
  ink: { ascent: number; descent: number; fontAscent: number };
}
interface DrawnFigure {
  name: string;
  frame: Box;
  captionTop: number;
  texts: DrawnText[];
  /** Marks and boxes; a box (`frame`: a company's, say) holds words of its own, and the rest keep clear of its edge. */
  solids: { key: string; box: Box; stroke: number; frame: boolean }[];
  lines: { key: string; points: [number, number][] }[];
}

/** A mark's key as its scene names it: without the page's scene prefix and hand-over suffix ("hunt/tsmc", "hero~hunt"). */
const bare = (key: string) => key.replace(/^[^/]*\//, "").replace(/~.*$/, "");
/** Label "tsmc-lbl-0" names mark "tsmc"; "hero-val-0" names "hero" (as tests/unit/scenes/composition.test.ts). */
const owner = (key: string) =>
  bare(key)
    .replace(/-(lbl|val)(-\d+)?$/, "")
    .replace(/-\d+$/, "");
const isCaption = (key: string) => /^(caption|note-)/.test(bare(key));

/** Everything the checks need from each figure on the page whose svg carries `data-case`, read in one pass. */
async function readFigures(page: Page): Promise<{ faces: string[]; figures: DrawnFigure[] }> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(["400", "700"].map((w) => document.fonts.load(`${w} 20px "Source Sans 3"`)));
    // The faces loaded (by their weights: "400 700" is the variable one, "400" and "700" the static ones).
    const faces = Array.from(document.fonts)
      .filter((f) => f.family.replace(/"/g, "") === "Source Sans 3" && f.status === "loaded")
      .map((f) => f.weight)
      .sort();
    // (an HTML canvas in the page or in a figure file, an SVG document)
    const ctx = (document.createElementNS("http://www.w3.org/1999/xhtml", "canvas") as HTMLCanvasElement).getContext("2d")!;
    const box = (b: DOMRect) => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
    const figures = Array.from(document.querySelectorAll<SVGSVGElement>("svg[data-case]")).map((svg) => {
      const vb = svg.viewBox.baseVal;
      const top = (el: Element) => el.parentElement === (svg as Element);
      const texts = Array.from(svg.querySelectorAll<SVGTextElement>("text")).map((el) => {
        const s = getComputedStyle(el);
        // Measured at 1000 px and scaled, so the ink is the outline's, not rounded out to a small size's pixels.
        const size = parseFloat(s.fontSize);
        ctx.font = `${s.fontStyle} ${s.fontWeight} 1000px ${s.fontFamily}`;
        const m = ctx.measureText(el.textContent ?? "");
        const attrs: Record<string, string> = {};
        for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
        return {
          key: el.dataset.key ?? "",
          text: el.textContent ?? "",
          top: top(el),
          attrs,
          bbox: box(el.getBBox()),
          ink: {
            ascent: (m.actualBoundingBoxAscent * size) / 1000,
            descent: (m.actualBoundingBoxDescent * size) / 1000,
            fontAscent: (m.fontBoundingBoxAscent * size) / 1000,
          },
        };
      });
      const solids = Array.from(svg.querySelectorAll<SVGRectElement>(":scope > rect"))
        .filter((el) => /marker|bar|fab|box-/.test(el.getAttribute("class") ?? ""))
        .map((el) => ({
          key: el.dataset.key ?? "",
          box: box(el.getBBox()),
          stroke: parseFloat(getComputedStyle(el).strokeWidth) || 0,
          frame: /(^|\s)box-/.test(el.getAttribute("class") ?? ""),
        }));
      const lines = Array.from(svg.querySelectorAll<SVGPathElement>(":scope > path"))
        .filter((el) => /(^|\s)arc(\s|$)/.test(el.getAttribute("class") ?? ""))
        .map((el) => {
          const n = el.getTotalLength();
          return {
            key: el.dataset.key ?? "",
            points: Array.from({ length: 29 }, (_, i) => {
              const p = el.getPointAtLength((n * (i + 1)) / 30);
              return [p.x, p.y] as [number, number];
            }),
          };
        });
      // The rules a figure draws under its heads and over its caption (review 34: on the phone "(paraphrased)" sat
      // on a panel's rule, and only paths were read as lines): straight, so read from their two ends.
      const rules = Array.from(svg.querySelectorAll<SVGLineElement>(":scope > line.caption-rule")).map((el) => {
        const [x1, y1, x2, y2] = [el.x1, el.y1, el.x2, el.y2].map((a) => a.baseVal.value) as [number, number, number, number];
        return {
          key: el.dataset.key ?? "",
          points: Array.from(
            { length: 29 },
            (_, i) => [x1 + ((x2 - x1) * (i + 1)) / 30, y1 + ((y2 - y1) * (i + 1)) / 30] as [number, number],
          ),
        };
      });
      const band = svg.querySelector<SVGRectElement>(":scope > rect.caption-band");
      return {
        name: svg.dataset.case!,
        frame: { x0: vb.x, y0: vb.y, x1: vb.x + vb.width, y1: vb.y + vb.height },
        captionTop: band ? band.getBBox().y : vb.y + vb.height,
        texts,
        solids,
        lines: [...lines, ...rules],
      };
    });
    return { faces, figures };
  });
}

/** The largest distance between a drawn and a computed box edge, over every label checked (reported with the result). */
let worst = 0;

/** Where a drawn label lies from its computed box, and where the drawn boxes collide; one line per fault, naming the figure and label. */
function faults(f: DrawnFigure): string[] {
  const out: string[] = [];
  const drawn = new Map<DrawnText, Box>();
  for (const t of f.texts) {
    const size = Number(t.attrs["font-size"]);
    const want = textBox({ attrs: t.attrs, text: t.text });
    const baseline = t.bbox.y0 + t.ink.fontAscent;
    const got: Box = { x0: t.bbox.x0, x1: t.bbox.x1, y0: baseline - t.ink.ascent, y1: baseline + t.ink.descent };
    drawn.set(t, got);
    const off = Math.max(...(["x0", "x1", "y0", "y1"] as const).map((k) => Math.abs(got[k] - want[k])));
    worst = Math.max(worst, off);
    const r = (b: Box) => `[${[b.x0, b.y0, b.x1, b.y1].map((v) => v.toFixed(1)).join(", ")}]`;
    if (off > TOLERANCE) out.push(`${f.name} "${t.key}" (“${t.text}”${isBold(t) ? ", bold" : ""}) drawn ${r(got)}, computed ${r(want)}`);
    const lineBox = (LINE_BOX.ascent + LINE_BOX.descent) * size;
    if (Math.abs(t.bbox.y1 - t.bbox.y0 - lineBox) > TOLERANCE)
      out.push(`${f.name} "${t.key}" line box ${(t.bbox.y1 - t.bbox.y0).toFixed(1)} high, the font's ${lineBox.toFixed(1)}`);
  }
  // Collisions, as tests/unit/scenes/composition.test.ts checks them, among the figure's own (top-level) marks.
  const tops = f.texts.filter((t) => t.top);
  for (const t of tops) {
    const b = drawn.get(t)!;
    if (b.x0 < f.frame.x0 - 0.5 || b.x1 > f.frame.x1 + 0.5 || b.y0 < f.frame.y0 - 0.5 || b.y1 > f.frame.y1 + 0.5)
      out.push(`${f.name} "${t.key}" leaves the figure`);
    // Clear of the caption strip by three tenths of an em: ink that ends on its rule reads as touching the note under
    // it (review 34: "dozens of new fabs" on the phone, whose letters have no descenders to cross it).
    const clear = Number(t.attrs["font-size"] ?? 0) * 0.3;
    if (!isCaption(t.key) && b.y1 > f.captionTop - clear + 0.5) out.push(`${f.name} "${t.key}" runs into the caption strip`);
    // Not on a mark, nor on the stroke of its own (a ring through its words); only wholly inside its own, clear of the stroke.
    // A box holds words of its own (wholly inside it, clear of its stroke); outside it, words keep 0.15 em clear of
    // its stroke (graphics review 41: on the German phone "Gründung" touched the company's box, and a check of
    // overlaps only let it pass).
    for (const s of f.solids) {
      const own = owner(t.key) === bare(s.key);
      if ((own || s.frame) && inside(b, grow(s.box, -s.stroke))) continue;
      const margin = s.frame ? Number(t.attrs["font-size"] ?? 0) * 0.15 : 0;
      if (overlaps(b, grow(s.box, s.stroke / 2 + margin), margin ? 0 : 0.5))
        out.push(`${f.name} "${t.key}" ${own ? "is struck by its own" : "sits on"} "${s.key}"`);
    }
    for (const l of f.lines)
      if (l.points.some(([x, y]) => x > b.x0 + 1 && x < b.x1 - 1 && y > b.y0 + 1 && y < b.y1 - 1))
        out.push(`${f.name} "${t.key}" lies on the line "${l.key}"`);
  }
  for (let i = 0; i < tops.length; i++)
    for (let j = i + 1; j < tops.length; j++)
      if (overlaps(drawn.get(tops[i]!)!, drawn.get(tops[j]!)!, 0.5)) out.push(`${f.name} "${tops[i]!.key}" overlaps "${tops[j]!.key}"`);
  // A map's names (countries, seas) are set in the same grey as a story label's words: touching on a line they read
  // as one phrase ("Pacific in public: skeptical"), so a story label keeps half an em clear of them across, and a
  // tenth up and down (review 33: the boxes only touched, and the check above let it pass).
  const isName = (t: DrawnText) => /(^|\s)lbl-(place|sea)(\s|$)/.test(t.attrs["class"] ?? "");
  for (const n of tops.filter(isName)) {
    const size = Number(n.attrs["font-size"]);
    const b = drawn.get(n)!;
    const room = { x0: b.x0 - size * 0.5, x1: b.x1 + size * 0.5, y0: b.y0 - size * 0.1, y1: b.y1 + size * 0.1 };
    for (const t of tops)
      if (!isName(t) && !isCaption(t.key) && overlaps(room, drawn.get(t)!, 0.5))
        out.push(`${f.name} "${t.key}" runs into the map's name "${n.key}"`);
  }
  return out;
}

/** Every state a chapter shows, once: its step key and marks. */
const statesOf = (lang: (typeof LANGS)[number]) =>
  story().compiled.chapters[lang]!.flatMap((c) => c.steps.filter((s, i) => c.steps.findIndex((x) => x.state === s.state) === i));

test.describe("labels as drawn @desktop-only", () => {
  // Without JavaScript the page shows every step's static figure, and nothing moves while it is measured.
  // A figure file opened by itself is a document under the site's CSP header, which forbids the <style> it
  // carries; shown by an <img>, as the page shows it, the file's style applies: so the CSP is set aside here.
  test.use({ javaScriptEnabled: false, bypassCSP: true });

  for (const lang of LANGS) {
    test(`${lang}: every label of every state, column, square, land and print (screen and PDF faces), within ${TOLERANCE} px of its computed box and clear of the rest`, async ({
      page,
    }) => {
      await page.goto(at(`/${lang}/`));
      const steps = statesOf(lang);
      // The stage layouts, drawn from the compiled marks into the page, one figure per state and layout.
      const stage = steps.flatMap((s) =>
        STAGE_LAYOUTS.map((l) => {
          const { width, height } = LAYOUTS[l];
          return `<svg xmlns="http://www.w3.org/2000/svg" data-case="${lang} ${s.key} ${l}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${marksToSvg(s.marks[l] ?? [])}</svg>`;
        }),
      );
      // The print figures are files of their own: name them, and give their top-level marks the compiled keys (the files leave keys out).
      const printed = steps.map((s) => ({
        key: s.key,
        // a run of squares is drawn as one path (render/static.ts drawnRuns): it takes the first one's key
        keys: drawnRuns(s.marks[STATIC_LAYOUT] ?? []).map((run: Mark[]) => [
          run.length > 1 ? "path" : run[0]!.tag,
          run[0]!.key,
          run[0]!.text ?? null,
        ]),
      }));
      await page.evaluate((stage) => {
        const host = document.createElement("div");
        host.innerHTML = stage.join("");
        document.body.append(host);
      }, stage);
      const screen = await readFigures(page);
      expect(screen.faces, "on screen the stage is drawn in the variable face").toEqual(["400 700"]);

      // The print layout is each step's figure file (src/render/figureFile.ts), shown by an image without
      // JavaScript and printed in the PDF: measured in the file itself, in the static faces it carries.
      // (a document without a page's <link rel=icon>: the browser asks for /favicon.ico, which the site does not have)
      await page.route("**/favicon.ico", (r) => r.fulfill({ status: 204 }));
      const files: DrawnFigure[] = [];
      const mismatched: string[] = [];
      const faces = new Set<string>();
      for (const p of printed) {
        await page.goto(at(`/${lang}/fig/${p.key.replace("/", "--")}.svg`));
        mismatched.push(
          ...(await page.evaluate(
            ({ p, lang }) => {
              const svg = document.documentElement as unknown as SVGSVGElement;
              const wrong: string[] = [];
              svg.dataset.case = `${lang} ${p.key} print`;
              // the file's own furniture (its text alternative, its rules and fonts, the shapes it uses) is not a mark
              const kids = Array.from(svg.children).filter((el) => !["title", "desc", "style", "defs"].includes(el.tagName));
              if (kids.length !== p.keys.length) wrong.push(`${p.key}: ${kids.length} marks drawn, ${p.keys.length} compiled`);
              kids.forEach((el, i) => {
                const [tag, key, text] = p.keys[i] ?? [];
                if (el.tagName !== tag || (text !== null && el.textContent !== text)) wrong.push(`${p.key}: mark ${i} is not ${key}`);
                else (el as SVGElement).dataset.key = key!;
              });
              return wrong;
            },
            { p, lang },
          )),
        );
        const read = await readFigures(page);
        read.faces.forEach((f) => faces.add(f));
        files.push(...read.figures.map((f) => ({ ...f, name: `${f.name} (file)` })));
      }
      expect(mismatched, "the built figure files are the compiled story's (rebuild dist/ if not)").toEqual([]);
      expect([...faces].sort(), "the figure files carry the static faces, as the PDF prints them").toEqual(["400", "700"]);
      const figures = [...screen.figures, ...files];
      const labels = figures.reduce((n, f) => n + f.texts.length, 0);
      // Every state in each stage layout and print; each with labels.
      expect(figures.length).toBe(steps.length * (STAGE_LAYOUTS.length + 1));
      expect(labels).toBeGreaterThan(figures.length * 3);
      worst = 0;
      expect(figures.flatMap(faults)).toEqual([]);
      test
        .info()
        .annotations.push({ type: "labels", description: `${labels} drawn, at most ${worst.toFixed(2)} px from their computed boxes` });
    });
  }
});
