// text.ts and src/fonts/metrics.ts: the label metrics every scene places labels with,
// read from the font files the page ships. Whether Chromium draws them so is the
// browser's to say (tests/e2e/labels.spec.ts); here: that they are the shipped faces',
// cross-checked with a second font reader, and that the wrapping keeps its rules.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create } from "fontkitten";
import { describe, expect, it } from "vitest";
import { keepQuotesTogether, textInk, textWidth, wrapWidth } from "../../../src/scenes/text.ts";
import { FACES, fontOf, shapeText } from "../../../src/fonts/metrics.ts";
import { isBold, isItalic } from "../../../src/scenes/figure.ts";
import { scenes } from "../../../src/scenes/index.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import type { Layout } from "../../../src/story/types.ts";
import { LANGS, ROOT, ctxFor, walk } from "../support.ts";

const NB = String.fromCharCode(0xa0);
const fontDir = dirname(createRequire(import.meta.url).resolve("source-sans/package.json"));

describe("the faces measured are the faces shipped", () => {
  it("are the files src/styles/fonts.css serves for Source Sans 3: variable on screen, static in print", () => {
    const css = readFileSync(join(ROOT, "src/styles/fonts.css"), "utf8");
    const [screen, print] = [css.slice(css.indexOf("@media screen"), css.indexOf("@media print")), css.slice(css.indexOf("@media print"))];
    const urls = (part: string) => [...part.matchAll(/url\("source-sans\/([^"]+)"/g)].map((m) => m[1]);
    expect(urls(screen)).toEqual([FACES.screen]);
    expect(urls(print)).toEqual(expect.arrayContaining([FACES.print[400], FACES.print[700]]));
  });

  // Every style sheet under src/ (scene styles may move beside their scenes).
  const sheets = readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".css"))
    .map((d) => readFileSync(join(d.parentPath, d.name), "utf8"))
    .join("\n");

  it("figure text is set in Source Sans 3 (svg text uses --sans, whose first family it is)", () => {
    expect(sheets).toMatch(/svg text \{\s*font-family: var\(--sans\);/);
    expect(sheets).toMatch(/--sans: "Source Sans 3",/);
  });

  it("a text mark is measured bold or italic exactly when its classes make it so in the style sheets", () => {
    const rule = (cls: string, prop: string) => new RegExp(`(?:^|[\\s,}])\\.${cls}\\s*\\{[^}]*${prop}`, "m");
    const classes = new Set<string>();
    for (const scene of Object.values(scenes))
      for (const state of scene.states)
        for (const { mark } of walk(scene.marks(state, ctxFor(scene.id, "column", "de"))))
          if (mark.tag === "text") for (const c of String(mark.attrs.class ?? "").split(/\s+/)) if (c) classes.add(c);
    expect(classes.size).toBeGreaterThan(5);
    for (const c of classes) {
      const m = { attrs: { class: c } };
      expect(isBold(m), `.${c} bold`).toBe(rule(c, "font-weight:\\s*(?:700|bold)").test(sheets));
      expect(isItalic(m), `.${c} italic`).toBe(rule(c, "font-style:\\s*italic").test(sheets));
    }
  });

  it("the print faces set every label of every scene within 0.3 px of the screen face, so one measure serves both", () => {
    const print = { 400: fontOf(FACES.print[400]), 700: fontOf(FACES.print[700]) };
    let worst = 0;
    let count = 0;
    for (const scene of Object.values(scenes))
      for (const layout of Object.keys(LAYOUTS) as Layout[])
        for (const lang of LANGS)
          for (const state of scene.states)
            for (const { mark } of walk(scene.marks(state, ctxFor(scene.id, layout, lang)))) {
              if (mark.tag !== "text" || !mark.text) continue;
              const size = Number(mark.attrs["font-size"]);
              const bold = isBold(mark);
              worst = Math.max(
                worst,
                Math.abs(shapeText(print[bold ? 700 : 400], mark.text).width * size - textWidth(mark.text, size, bold)),
              );
              count++;
            }
    expect(count).toBeGreaterThan(1000);
    expect(worst).toBeLessThan(0.3);
  });
});

describe("textWidth", () => {
  // fontkitten reads the advances from the font's tables on its own; HarfBuzz adds the kerning.
  const regular = create(readFileSync(join(fontDir, FACES.print[400])));
  if (!("glyphForCodePoint" in regular)) throw new Error("not a single font");
  const advances = (text: string, size: number) =>
    [...text].reduce((w, c) => w + regular.glyphForCodePoint(c.codePointAt(0)!).advanceWidth, 0) * (size / regular.unitsPerEm);

  it("is the sum of the font's advances where no pair kerns", () => {
    for (const text of ["0123456789", "iiii", "mmmm", "Huhn"]) expect(textWidth(text, 20)).toBeCloseTo(advances(text, 20), 1);
  });
  it("applies the font's kerning", () => {
    expect(textWidth("AV", 100)).toBeLessThan(advances("AV", 100) - 1);
    expect(textWidth("Tor", 100)).toBeLessThan(textWidth("T", 100) + textWidth("or", 100) - 1);
  });
  it("scales with the size, and bold runs wider", () => {
    expect(textWidth("OpenAI", 40)).toBeCloseTo(textWidth("OpenAI", 20) * 2, 6);
    expect(textWidth("OpenAI", 20, true)).toBeGreaterThan(textWidth("OpenAI", 20));
    expect(textWidth("iiii", 10)).toBeLessThan(textWidth("mmmm", 10) / 2);
  });
});

describe("textInk", () => {
  it("reaches as high as the tallest glyph and as low as the deepest", () => {
    expect(textInk("Ä", 100).top).toBeGreaterThan(textInk("A", 100).top + 5);
    expect(textInk("A", 100).top).toBeGreaterThan(textInk("a", 100).top + 5);
    expect(textInk("ag", 100).bottom).toBeGreaterThan(15);
    expect(textInk("ab", 100).bottom).toBeLessThan(2);
  });
  it("leans right in the browser's slanted italic, most where a tall glyph ends the line", () => {
    expect(textInk("W", 100, false, true).right).toBeGreaterThan(textWidth("W", 100) + 10);
    expect(textInk("W", 100).right).toBeLessThanOrEqual(textWidth("W", 100) + 1);
    expect(textInk("Wa", 100, false, true).right - textWidth("Wa", 100)).toBeLessThan(
      textInk("aW", 100, false, true).right - textWidth("aW", 100),
    );
  });
});

describe("wrapWidth", () => {
  it("never exceeds the width when the words allow it", () => {
    for (const line of wrapWidth("What the money is meant to pay for, over several years", 20, 200)) {
      expect(textWidth(line, 20)).toBeLessThanOrEqual(200);
    }
  });
  it("keeps a short quotation on one line", () => {
    const lines = wrapWidth("In public: “too aggressive and hard to believe” said the chief", 20, 180);
    const quoted = lines.find((l) => l.includes("“"))!;
    expect(quoted).toContain("”");
    expect(keepQuotesTogether("„zu aggressiv“")).toBe(`„zu${NB}aggressiv“`);
  });
  it("breaks a compound after its hyphen only when it is too wide for a line", () => {
    expect(wrapWidth("US-Handelsministerium", 20, 120)).toEqual(["US-", "Handelsministerium"]);
    expect(wrapWidth("US-Handelsministerium", 20, 400)).toEqual(["US-Handelsministerium"]);
    expect(wrapWidth("Ein US-Handelsministerium", 20, 120)[0]).toBe("Ein US-");
  });
  it("holds non-breaking spaces (numbers with their units)", () => {
    expect(wrapWidth(`about 1,44${NB}Bio.${NB}$ in all`, 20, 60).some((l) => l.includes(`1,44${NB}Bio.${NB}$`))).toBe(true);
  });
  it("leaves no short word alone on the last line when it fits beside its neighbour", () => {
    const lines = wrapWidth("Talks about more capacity since 2023", 20, 260);
    expect(lines.at(-1)!.split(" ").length).toBeGreaterThan(1);
  });
});

describe("the font reading stays out of the reader's browser", () => {
  // Scenes run at build; the runtime gets compiled marks. Follow every relative import of the code the pages ship.
  const reach = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/^\s*import\s[^;]*?from\s+"(\.[^"]+)"/gm))
      if (!/^\s*import\s+type\s/.test(m[0])) reach(join(dirname(file), m[1]!), seen);
    return seen;
  };
  it("no module the runtime or the contact sheet's client imports reads a font", () => {
    const shipped = [...reach(join(ROOT, "src/runtime/main.ts")), ...reach(join(ROOT, "src/sheet/client.ts"))];
    expect(shipped.length).toBeGreaterThan(5);
    expect(shipped.filter((f) => /src\/(fonts|scenes)\//.test(f))).toEqual([]);
  });
});
