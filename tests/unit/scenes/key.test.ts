// The piece's one visual key (graphics review 50, item 5): blue means money and nothing else, and every figure that
// draws a status by line style (solid, dashed, dotted) says what they mean in its note in the same words. Three
// definitions of solid ("exists", "in use", "reported") and a blue that meant money in chapters 3–4, "actual" in
// chapter 5 and "data" in the sources table had made the key change between chapters.
// On the phone its dashes and dots are drawn heavier, apart at 390 px (graphics review 51, item 4), and on the stage
// the key is said once per chapter: the same sentence under all 34 steps took a tenth of the phone's stage (same item).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenes } from "../../../src/scenes/index.ts";
import { isCaption, STATUS_CLASSES } from "../../../src/scenes/figure.ts";
import { loadStory } from "../../../src/story/load.ts";
import { STAGE_LAYOUTS } from "../../../src/story/config.ts";
import { paperFigure, PRINT_LAYOUT, story } from "../../../src/story/page.ts";
import type { Lang, Mark } from "../../../src/story/types.ts";
import { ctxFor, realLabels, ROOT, unscope, walk } from "../support.ts";
import { BLUE, LINE_KEY } from "./key.ts";
import { patched } from "../patch.ts";

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
/** Whether marks draw a status by line style: a shown mark of a status class, or one dashed on itself. */
/** Chapter 5's dotted lines to the uses, explained by their own label ("how it splits is not given"), on the stage's
 * uses step and on paper in the giants' figure, which prints them too (graphics review 54, item 2): no key for them. */
const OWN_LABEL_MARK = /^use-[a-z]+-link$/;
const drawsStatus = (marks: Mark[]) =>
  [...walk(marks)].some(
    ({ mark: m }) =>
      Number(m.attrs.opacity ?? 1) > 0 && !OWN_LABEL_MARK.test(m.key) && (STATUS.test(cls(m)) || m.attrs["stroke-dasharray"] !== undefined),
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

describe("one key for the whole piece", () => {
  for (const lang of LANG_LIST) {
    it(`${lang}: every figure that draws a status by line style gives the one key in its note, as the scene composes it (the static and printed figures)`, () => {
      const missing: string[] = [];
      let checked = 0;
      for (const scene of Object.values(scenes))
        for (const state of scene.states) {
          const marks = marksOf(scene.id, state, lang);
          if (!marks.some((m) => STATUS.test(cls(m)) || m.attrs["stroke-dasharray"] !== undefined)) continue;
          // The one exception: chapter 5's dotted lines to the uses, which their own label explains ("how it splits is
          // not given"); the caption's room goes to the squares, whose width is the figure's point (review 50, item 3).
          if (scene.id === "trillions" && state === "uses") continue;
          checked++;
          if (!noteOf(marks).includes(LINE_KEY[lang])) missing.push(`${scene.id}/${state}`);
        }
      expect(checked).toBeGreaterThan(20);
      expect(missing).toEqual([]);
    });

    it(`${lang}: every note that speaks of line styles words them as the one key, once; no other definition of solid`, () => {
      const style = lang === "en" ? /\b(solid|dashed|dotted)\b/i : /(durchgezogen|gestrichelt|gepunktet)/i;
      const all = notes(lang);
      expect(all.length).toBeGreaterThan(15);
      for (const [key, text] of all) {
        if (!style.test(text)) continue;
        expect(text.split(LINE_KEY[lang]).length - 1, key).toBe(1);
        expect(text.replace(LINE_KEY[lang], ""), key).not.toMatch(style);
      }
      // The opening figure's key is the same as every chapter's (it said "in use", chapter 1 "exists", chapter 3 "reported").
      expect(all.find(([k]) => k === "chain/note-lead")![1].startsWith(LINE_KEY[lang])).toBe(true);
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

/** Chapter 5's first status step, "uses": its dotted lines are explained by their own label, so no key, on the stage or on paper. */
const KEYED_BY_OWN_LABEL = "trillions--uses";

describe("the key once per chapter on the stage", () => {
  for (const lang of LANG_LIST)
    it(`${lang}: each chapter's first step that draws a status says the key once in every stage layout; no other step of the chapter says it`, () => {
      const said: string[] = [];
      const firsts: string[] = [];
      for (const c of story().compiled.chapters[lang]!) {
        const first = c.steps.find((s) => drawsStatus(unscope(s.marks.print!)));
        if (first) firsts.push(first.id);
        for (const s of c.steps)
          for (const l of STAGE_LAYOUTS) {
            const n = keyCount(noteOf(unscope(s.marks[l]!)), lang);
            expect(n, `${s.id} ${l}`).toBeLessThanOrEqual(1);
            if (n === 1) said.push(`${s.id} ${l}`);
          }
      }
      const expected = firsts.filter((id) => id !== KEYED_BY_OWN_LABEL).flatMap((id) => STAGE_LAYOUTS.map((l) => `${id} ${l}`));
      expect(firsts.length).toBeGreaterThanOrEqual(8);
      expect(said).toEqual(expected);
    });

  for (const lang of LANG_LIST)
    it(`${lang}: every printed figure that draws a status gives the key in its caption, whichever step it prints`, () => {
      const s = story();
      let checked = 0;
      for (const c of s.compiled.chapters[lang]!)
        for (const f of s.chapters[lang]!.find((p) => p.slug === c.slug)!.print)
          for (const state of f.states) {
            const step = c.steps.find((x) => x.state === state)!;
            const paper = paperFigure(lang, c, step, PRINT_LAYOUT[f.form]);
            if (!drawsStatus(paper.marks) || step.id === KEYED_BY_OWN_LABEL) continue;
            checked++;
            expect(keyCount(paper.key, lang), step.id).toBe(1);
          }
      // most printed figures print a chapter's later step, whose stage note no longer says the key
      expect(checked).toBeGreaterThanOrEqual(6);
    });
});

describe("the key left out moves nothing", () => {
  // A step that leaves the key out keeps its room (captionStrip, ctx.room), so its picture stands as it would with the
  // key: left out with its room, chapter 1's GPU jumped as the plan arrived beside it (transitions.spec caught it) and
  // every chapter's picture changed size at the step that says the key. The same story without the key's label keeps
  // every note (compile.ts): each step's picture, on every stage, must be the one drawn then.
  it("every step on every stage draws the picture it draws with the key kept; only the caption's words differ", () => {
    const kept = loadStory(
      patched((t) => {
        for (const f of ["labels/en.json", "labels/de.json"]) t.write(f, t.read(f).replace(/\n\s*"lineKey": "[^"]*",/, ""));
      }).dir,
      scenes,
    );
    const picture = (ms: Mark[]) => JSON.stringify(unscope(ms).filter((m) => !isCaption(m)));
    let left = 0;
    for (const lang of LANG_LIST)
      story().compiled.chapters[lang]!.forEach((c, i) =>
        c.steps.forEach((st, k) => {
          const other = kept.compiled.chapters[lang]![i]!.steps[k]!;
          for (const l of STAGE_LAYOUTS) {
            if (keyCount(noteOf(unscope(other.marks[l]!)), lang) > keyCount(noteOf(unscope(st.marks[l]!)), lang)) left++;
            expect(picture(st.marks[l]!), `${st.id} ${l}`).toBe(picture(other.marks[l]!));
          }
        }),
      );
    // (the case this is about: steps that leave the key out)
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
    for (const c of DASHED) {
      const [dash, gap] = decl(rule(c), "stroke-dasharray").split(/\s+/).map(Number);
      expect(dash, c).toBeGreaterThanOrEqual(8);
      expect(gap, c).toBeGreaterThanOrEqual(4);
      expect(parseFloat(decl(rule(c), "stroke-width")), c).toBeGreaterThanOrEqual(2.5);
    }
    for (const c of DOTTED) {
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
