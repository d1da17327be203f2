// The piece's one visual key (graphics review 50, item 5): blue means money and nothing else, and every figure that
// draws a status by line style (solid, dashed, dotted) keys it in the same words. Three definitions of solid
// ("exists", "in use", "reported") and a blue that meant money in chapters 3–4, "actual" in chapter 5 and "data" in the
// sources table had made the key change between chapters.
// The key is drawn (graphics review 54, item 9: the same sentence in nearly every caption took two to four lines of the
// phone's stage): three short swatches with their words at the caption's head, on every step that draws a status by
// line style, in full words in chapter 1, which teaches it, and one word each after; the notes say their sources
// alone. Paper says the key in words, in the caption of every printed figure that draws a status.
// On the phone its dashes and dots are drawn heavier, apart at 390 px (graphics review 51, item 4).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenes } from "../../../src/scenes/index.ts";
import { chain } from "../../../src/scenes/chain.ts";
import { company } from "../../../src/scenes/company.ts";
import { hbm } from "../../../src/scenes/hbm.ts";
import { hunt } from "../../../src/scenes/hunt.ts";
import { rivals } from "../../../src/scenes/rivals.ts";
import { team } from "../../../src/scenes/team.ts";
import { trillions } from "../../../src/scenes/trillions.ts";
import { unknowns } from "../../../src/scenes/unknowns.ts";
import { isCaption, LINE_KEY_MARK, STATUS_CLASSES } from "../../../src/scenes/figure.ts";
import { STAGE_LAYOUTS } from "../../../src/story/config.ts";
import { paperFigure, PRINT_LAYOUT, story } from "../../../src/story/page.ts";
import type { Lang, Mark, Scene } from "../../../src/story/types.ts";
import { ctxFor, realLabels, ROOT, unscope, walk } from "../support.ts";
import { BLUE, LINE_KEY, LINE_STYLE } from "./key.ts";

const LANG_LIST = ["en", "de"] as const;
/** The classes that draw a status by line style (src/scenes/chip.css, figure.css, team.css, world.css): planned or unsettled dashed, not known or inferred dotted. */
const DASHED = [
  "arc-dash",
  "arc-dashed",
  "arc-plan",
  "arc-broken",
  "sub-plan",
  "die-plan",
  "stack-plan",
  "rack-plan",
  "fab-new",
  "box-schematic",
  "tl-span",
];
const DOTTED = ["arc-dot", "arc-unknown", "sub-unknown", "die-unknown", "stack-unknown", "tl-undated"];
const STATUS = new RegExp(`\\b(${[...DASHED, ...DOTTED].join("|")})\\b`);
/** The classes that paint in the money's blue (var(--money): figure.css, trillions.css). */
const BLUE_CLASS = /\b(bar-money|arc-money|bar-compare)\b/;
/** The scenes whose figures hold money: the investors' money (chapters 3–4), the sums (chapter 5). */
const MONEY_SCENES = ["company", "trillions"];

const cls = (m: Mark) => String(m.attrs.class ?? "");
const marksOf = (scene: string, state: string, lang: Lang) =>
  [...walk(scenes[scene]!.marks(state, ctxFor(scene, "column", lang)))].map((w) => w.mark);
const noteOf = (marks: Mark[]) =>
  marks
    .filter((m) => m.tag === "text" && /\bnote\b/.test(cls(m)) && m.key.startsWith("note"))
    .map((m) => m.text ?? "")
    .join(" ");
/** Whether marks draw a status by line style: a shown mark of a status class, or one dashed on itself. Every one
 * is keyed, chapter 5's dotted lines to the uses too (on the stage's uses step and on paper in the giants' figure):
 * the drawn key costs one row, so no line is exempt. */
const drawsStatus = (marks: Mark[]) =>
  [...walk(marks)].some(
    ({ mark: m }) => Number(m.attrs.opacity ?? 1) > 0 && (STATUS.test(cls(m)) || m.attrs["stroke-dasharray"] !== undefined),
  );
/** How often a text says the key, its lines joined (the key's words wrap across a caption's lines). */
const keyCount = (text: string, lang: keyof typeof LINE_KEY) => text.replace(/\s+/g, " ").split(LINE_KEY[lang]).length - 1;

/** Every "note…" label of every scene, as "scene/key": text (nested notes, as unknowns' note.objects, flattened). */
function notes(lang: Lang): [string, string][] {
  const out: [string, string][] = [];
  const labels = (realLabels(lang) as unknown as { scenes: Record<string, unknown> }).scenes;
  const visit = (path: string, v: unknown) => {
    if (typeof v === "string") out.push([path, v]);
    else if (v && typeof v === "object") for (const [k, w] of Object.entries(v)) visit(`${path}.${k}`, w);
  };
  for (const [scene, tree] of Object.entries(labels))
    if (tree && typeof tree === "object") for (const [k, v] of Object.entries(tree)) if (k.startsWith("note")) visit(`${scene}/${k}`, v);
  return out;
}

/** The drawn key in marks: its group, and each line style's swatch and words (src/scenes/figure.ts captionStrip). */
const drawnKey = (marks: Mark[]) => {
  const all = [...walk(marks)].map((w) => w.mark);
  const group = all.find((m) => m.key === LINE_KEY_MARK);
  const part = (style: string) => ({
    swatch: group?.children?.find((m) => m.key === `${LINE_KEY_MARK}-${style}`),
    words: group?.children?.find((m) => m.key === `${LINE_KEY_MARK}-${style}-word-0`)?.text,
  });
  return group && { solid: part("solid"), dashed: part("dashed"), dotted: part("dotted") };
};
/** The drawn key's words, per language: one word each; in chapter 1 in full. */
const WORDS = {
  en: { short: ["reported", "planned", "inferred"], full: ["reported", "planned or unsettled", "inferred or not known"] },
  de: { short: ["berichtet", "geplant", "erschlossen"], full: ["berichtet", "geplant oder ungeklärt", "erschlossen oder unbekannt"] },
} as const;

describe("one key for the whole piece", () => {
  for (const lang of LANG_LIST) {
    it(`${lang}: every step that draws a status by line style draws the key, its three swatches dashed and dotted as the figures' lines, on every stage and the static figure; no other step draws it`, () => {
      const missing: string[] = [];
      const stray: string[] = [];
      let checked = 0;
      for (const c of story().compiled.chapters[lang]!)
        for (const st of c.steps)
          for (const l of [...STAGE_LAYOUTS, "print"] as const) {
            const marks = unscope(st.marks[l]!);
            const key = drawnKey(marks);
            if (!drawsStatus(marks)) {
              if (key) stray.push(`${st.id} ${l}`);
              continue;
            }
            checked++;
            if (!key) {
              missing.push(`${st.id} ${l}`);
              continue;
            }
            // each swatch drawn in its style, shown, with its words
            expect(cls(key.solid.swatch!), st.id).toBe("line-key");
            expect(cls(key.dashed.swatch!), st.id).toBe("line-key line-key-dash");
            expect(cls(key.dotted.swatch!), st.id).toBe("line-key line-key-dot");
            const words = [key.solid.words, key.dashed.words, key.dotted.words];
            expect(words, `${st.id} ${l}`).toEqual([...WORDS[lang][c === story().compiled.chapters[lang]![0] ? "full" : "short"]]);
          }
      expect(checked).toBeGreaterThan(60);
      expect(missing).toEqual([]);
      expect(stray).toEqual([]);
    });

    it(`${lang}: no note words the line styles (the drawn key does), but the lead's, which keys them in the one key's words`, () => {
      const all = notes(lang);
      expect(all.length).toBeGreaterThan(15);
      for (const [key, text] of all) {
        if (key === "chain/note-lead") continue;
        expect(text, key).not.toMatch(LINE_STYLE[lang]);
      }
      // The opening figure's key is the same as every chapter's (it said "in use", chapter 1 "exists", chapter 3 "reported").
      expect(all.find(([k]) => k === "chain/note-lead")![1]).toBe(LINE_KEY[lang]);
    });

    it(`${lang}: a note that names the blue names it money`, () => {
      const blue = lang === "en" ? /\bblue\b/i : /\bblau\b/i;
      for (const [key, text] of notes(lang)) if (blue.test(text)) expect(text, key).toMatch(BLUE[lang]);
    });
  }

  it("blue is drawn only where money is: the investors' money (chapters 3–4) and the sums (chapter 5), never a source's kind", () => {
    const stray: string[] = [];
    const seen = new Set<string>();
    for (const scene of Object.values(scenes))
      for (const state of scene.states)
        for (const m of marksOf(scene.id, state, "en"))
          if (BLUE_CLASS.test(cls(m))) {
            seen.add(scene.id);
            if (!MONEY_SCENES.includes(scene.id)) stray.push(`${scene.id}/${state}/${m.key}`);
          }
    expect(stray).toEqual([]);
    expect([...seen].sort()).toEqual(MONEY_SCENES);
  });
});

describe("the key on paper", () => {
  for (const lang of LANG_LIST)
    it(`${lang}: every printed figure that draws a status gives the key in its caption, once, in words; no other does`, () => {
      const s = story();
      let checked = 0;
      for (const c of s.compiled.chapters[lang]!)
        for (const f of s.chapters[lang]!.find((p) => p.slug === c.slug)!.print)
          for (const state of f.states) {
            const step = c.steps.find((x) => x.state === state)!;
            const paper = paperFigure(lang, c, step, PRINT_LAYOUT[f.form]);
            // (the drawn key is the stage's: paper prints no picture of it)
            expect(drawnKey(paper.marks), step.id).toBeUndefined();
            const n = keyCount(paper.key, lang);
            if (!drawsStatus(paper.marks)) {
              expect(n, step.id).toBe(0);
              continue;
            }
            checked++;
            expect(n, step.id).toBe(1);
          }
      expect(checked).toBeGreaterThanOrEqual(7);
    });
});

describe("the key left out moves nothing", () => {
  // A step that draws no status leaves the key out but keeps its room, so its picture stands as its chapter's other
  // steps' do (left out with its room, chapter 1's GPU jumped as the plan arrived beside it: transitions.spec caught it).
  it("every scene, state, layout and language: the drawing without the key is the drawing with it, less the key's marks", () => {
    const RAW = { chain, hunt, company, trillions, rivals, unknowns, team, hbm } as Record<string, Scene>;
    const drop = (ms: Mark[]): Mark[] =>
      ms.filter((m) => m.key !== LINE_KEY_MARK).map((m) => (m.children ? ({ ...m, children: drop(m.children) } as Mark) : m));
    let left = 0;
    for (const scene of Object.values(scenes))
      for (const state of scene.states)
        for (const l of [...STAGE_LAYOUTS, "print"] as const)
          for (const lang of LANG_LIST) {
            const ctx = ctxFor(scene.id, l, lang);
            const shown = scene.marks(state, ctx);
            const kept = RAW[scene.id]!.marks(state, ctx);
            // (the page's lead keys its lines in words: chapter 1's steps draw the key that teaches them)
            if (scene.id === "chain" && state === "lead") continue;
            // (and a figure that never draws a status keeps no room for it: the memory chapter's cutaway)
            if (!drawnKey(kept)) {
              expect(drawsStatus(kept), `${scene.id}/${state} ${l}`).toBe(false);
              expect(scene.id, `${scene.id}/${state} ${l}`).toBe("hbm");
              continue;
            }
            if (drawnKey(shown)) {
              expect(shown).toEqual(kept);
              continue;
            }
            left++;
            // the band, its room, and every other mark as drawn with the key (the rule goes where no words are left)
            const words = shown.some((m) => m.tag === "text" && isCaption(m));
            expect(shown, `${scene.id}/${state} ${l}`).toEqual(drop(kept).filter((m) => words || m.key !== "caption-rule"));
          }
    expect(left).toBeGreaterThan(40);
  });
});

describe("the key's line styles on the phone", () => {
  it("on the phone's stage (upright and on its side), dashed is a heavier stroke in long dashes and dotted round dots, for every status class", () => {
    const css = readFileSync(join(ROOT, "src/scenes/figure.css"), "utf8").replace(/\/\*[^]*?\*\//g, "");
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => ({ sel: m[1]!.split(",").map((x) => x.trim()), body: m[2]! }));
    // one rule styles the class on the upright stage and on its side
    const rule = (c: string) =>
      rules.find((r) => r.sel.includes(`svg[data-layout="square"] .${c}`) && r.sel.includes(`svg[data-layout="land"] .${c}`))?.body ?? "";
    const decl = (body: string, prop: string) => body.match(new RegExp(`${prop}:\\s*([^;]+);`))?.[1]?.trim() ?? "";
    expect([...STATUS_CLASSES].sort()).toEqual([...DASHED, ...DOTTED].sort());
    // (the drawn key's swatches too: the key drawn as the lines it keys)
    for (const c of [...DASHED, "line-key-dash"]) {
      const [dash, gap] = decl(rule(c), "stroke-dasharray").split(/\s+/).map(Number);
      expect(dash, c).toBeGreaterThanOrEqual(8);
      expect(gap, c).toBeGreaterThanOrEqual(4);
      expect(parseFloat(decl(rule(c), "stroke-width")), c).toBeGreaterThanOrEqual(2.5);
    }
    for (const c of [...DOTTED, "line-key-dot"]) {
      // a dash of no length with round caps: a dot as wide as the stroke, a gap at least twice that
      const [dash, gap] = decl(rule(c), "stroke-dasharray").split(/\s+/).map(Number);
      const width = parseFloat(decl(rule(c), "stroke-width"));
      expect(dash, c).toBe(0);
      expect(decl(rule(c), "stroke-linecap"), c).toBe("round");
      expect(width, c).toBeGreaterThanOrEqual(3.5);
      expect(gap! - width, c).toBeGreaterThanOrEqual(width);
    }
  });
});
