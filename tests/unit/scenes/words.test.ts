// "No scene code contains a word a reader sees." Two checks:
// 1. Run every scene with a context whose t(key) returns «key» and fact(id)
//    returns ‹id›: every text mark must then be made of those sentinels, spaces
//    and punctuation only. Any word, digit or symbol typed into scene code shows.
// 2. Scan the string literals of src/scenes/*.ts with the TypeScript parser: ids,
//    keys, CSS class lists and SVG syntax are fine; a capitalised word, a
//    non-ASCII letter or two words that are not a class list are prose.

import { CLOSE_PARTS } from "../../../src/scenes/unknowns.ts";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { scenes } from "../../../src/scenes/index.ts";
import { type Layout, type SceneContext } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ROOT, ctxFor, walk, LANGS } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];

function sentinelCtx(scene: string, layout: Layout, lang: (typeof LANGS)[number], asked: string[]): SceneContext {
  const real = ctxFor(scene, layout, lang);
  return {
    ...real,
    t: (key) => {
      real.t(key); // the key must exist in the real labels too
      asked.push(key);
      return `«${key}»`;
    },
    fact: (id) => {
      real.fact(id);
      asked.push(id);
      return `‹${id}›`;
    },
    // the drawn line-style key's words: the language's labels (ui.key…), not the scene's code
    ...(real.lineKey ? { lineKey: { solid: "«ui.keySolid»", dashed: "«ui.keyDashed»", dotted: "«ui.keyDotted»" } } : {}),
  };
}

/** Sentinels, whitespace and punctuation only: no letter, digit or symbol of its own. */
const ONLY_SENTINELS = /^(?:«[^«»\s]+»|‹[^‹›\s]+›|[\s\p{P}])*$/u;
const VISIBLE_ATTRS = ["aria-label", "title", "alt", "aria-description"];

describe("scene words come from labels and facts only", () => {
  it("recognises a leak (self-test of the pattern)", () => {
    expect("«note» ‹total-sum›").toMatch(ONLY_SENTINELS);
    expect("«a», «b»").toMatch(ONLY_SENTINELS);
    expect("Taiwan").not.toMatch(ONLY_SENTINELS);
    expect("«note» 2023").not.toMatch(ONLY_SENTINELS);
    expect("‹total-sum› $").not.toMatch(ONLY_SENTINELS);
    expect("«tsmc» und").not.toMatch(ONLY_SENTINELS);
  });

  for (const scene of Object.values(scenes)) {
    it(`${scene.id}: every text mark, every state, layout and language, is made of t() and fact() results`, () => {
      const asked: string[] = [];
      let count = 0;
      for (const layout of LAYOUT_LIST) {
        for (const lang of LANGS) {
          const ctx = sentinelCtx(scene.id, layout, lang, asked);
          for (const state of scene.states) {
            // A label's lines (`<key>-0`, `<key>-1`, …) are read joined: a compound too wide for its line breaks after
            // its hyphen (src/scenes/text.ts wrapWidth), a sentinel's too ("«part-" / "fab»").
            const joined = new Map<string, string>();
            for (const { mark } of walk(scene.marks(state, ctx))) {
              if (mark.tag === "text") {
                count++;
                // A step's number in its key (the print figure's keys to the steps, `step-key-*`) is the chapter's order, not a word.
                if (/^step-key-/.test(mark.key) && /^\d+$/.test(mark.text ?? "")) continue;
                // So is a part's number on the closing chip (chapter 9, `close-<part>-no`/`-pin`: graphics review 56, item 4):
                // the part's place in the list, one to five, nothing else.
                const pin = /^close-(\w+)-(no|pin)-lbl-0$/.exec(mark.key);
                if (scene.id === "unknowns" && pin) {
                  expect(mark.text, mark.key).toBe(String((CLOSE_PARTS as readonly string[]).indexOf(pin[1]!) + 1));
                  expect(Number(mark.text), mark.key).toBeGreaterThan(0);
                  continue;
                }
                // So is a year named on the team's time axis (`year-<year>`, every second year: graphics review 45, item
                // 8): a point on a scale whose ends are facts (the first year and the earliest production year), its
                // number its key's, inside those ends.
                if (scene.id === "team" && /^year-\d{4}-0$/.test(mark.key)) {
                  const real = ctxFor(scene.id, layout, lang);
                  const v = Number(mark.key.slice(5, 9));
                  expect(mark.text, mark.key).toBe(String(v));
                  expect(v, mark.key).toBeGreaterThanOrEqual(real.value("ho-google-start"));
                  expect(v, mark.key).toBeLessThanOrEqual(real.value("production-earliest"));
                  continue;
                }
                const base = /^(.*)-\d+$/.exec(mark.key)?.[1];
                if (base !== undefined) {
                  const before = joined.get(base);
                  joined.set(base, before === undefined ? mark.text! : `${before}${before.endsWith("-") ? "" : " "}${mark.text}`);
                } else expect(mark.text, `${scene.id}/${state}/${layout}: ${mark.key}`).toMatch(ONLY_SENTINELS);
              } else {
                expect(mark.text, `${mark.key} is a ${mark.tag}: no text`).toBeUndefined();
              }
              for (const a of VISIBLE_ATTRS) {
                // Not among the typed attributes: a scene could only add them by a cast, and this would still catch their words.
                const value = (mark.attrs as Record<string, unknown>)[a];
                if (value !== undefined) expect(String(value), `${mark.key}[${a}]`).toMatch(ONLY_SENTINELS);
              }
            }
            for (const [key, text] of joined) expect(text, `${scene.id}/${state}/${layout}: ${key}`).toMatch(ONLY_SENTINELS);
          }
        }
      }
      expect(count).toBeGreaterThan(0);
      expect(asked.length).toBeGreaterThan(0);
    });
  }
});

/** A literal reads as prose unless it is ids, a class list or SVG syntax. */
function prose(text: string): boolean {
  // Any letter outside ASCII (ä, ö, ü, ß, “ …) belongs to words, not to ids.
  if (/[^\x00-\x7f]/.test(text)) return true;
  // Capitalised or upper-case words; single letters are SVG path commands (M, Q).
  if (/[A-Z][A-Za-z]|[a-z][A-Z]/.test(text)) return true;
  const tokens = text.split(/\s+/).filter((t) => /[a-z]{2}/.test(t));
  if (tokens.length < 2) return false;
  // Several words: only a CSS class list with modifiers ("marker marker-hero").
  const [first, ...rest] = tokens;
  return !/^[a-z][a-z0-9-]*$/.test(first!) || !rest.every((t) => t.startsWith(`${first}-`) && /^[a-z][a-z0-9-]*$/.test(t));
}

/** String literals (and template pieces) that could reach a reader, with their lines. */
function proseLiterals(source: string, file = "scene.ts"): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    // Module specifiers and import attributes are not shown to anyone; neither
    // is a thrown Error (it stops the build for a developer).
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isThrowStatement(n)) return;
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      if (prose(n.text)) found.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: n.text });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("static scan of src/scenes/*.ts", () => {
  const dir = join(ROOT, "src/scenes");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it("flags prose in a snippet (self-test of the scan)", () => {
    expect(proseLiterals('label("x", "Taiwan", 0, 0, { size: 1 });').map((f) => f.text)).toEqual(["Taiwan"]);
    expect(proseLiterals('marks.push(...label("k", "too aggressive", 0, 0, { size: 1 }));').map((f) => f.text)).toEqual(["too aggressive"]);
    expect(proseLiterals('const a = "Öffentlich";\nconst b = `${n} Dollar`;').map((f) => f.line)).toEqual([1, 2]);
    expect(proseLiterals('const c = "Schematisch: Punkte";').length).toBe(1);
    expect(proseLiterals('const d = "dots stand for countries";').length).toBe(1);
  });

  it("lets ids, class lists, SVG syntax, imports and thrown errors through (self-test)", () => {
    const ok = [
      'import { x } from "../story/types.ts";',
      'const k = { key: "use-realestate", tag: "rect", attrs: { class: "marker marker-hero", "font-size": 12, "text-anchor": "middle" } };',
      "const d = `M${a},${b} Q${c},${e} ${f},${g}`;",
      "const t = `translate(${x},${y}) scale(${k})`;",
      "const href = `#${id}`;",
      "if (!f) throw new Error(`world-atlas has no country ${iso}`);",
      'const iso = { usa: "840" };',
    ].join("\n");
    expect(proseLiterals(ok)).toEqual([]);
  });

  it.each(files)("%s has no prose in its string literals", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    expect(proseLiterals(source, file)).toEqual([]);
  });

  it("scans real code (the scene files hold many literals)", () => {
    let literals = 0;
    for (const file of files) {
      const sf = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
      const count = (n: ts.Node): void => {
        if (ts.isStringLiteral(n)) literals++;
        ts.forEachChild(n, count);
      };
      count(sf);
    }
    expect(files).toEqual(expect.arrayContaining(["hunt.ts", "trillions.ts", "shapes.ts", "world.ts"]));
    expect(literals).toBeGreaterThan(50);
  });
});
