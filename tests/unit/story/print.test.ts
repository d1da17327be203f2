// The print edition's figures (`print:` in a chapter's frontmatter): read and
// checked with file, line and fix; the same in every language; a strip's panels
// legible on paper; the cover's QR code is the address's, module for module; the cover's key figure is the web
// hero's, its labels clear of each other and of every mark.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import QRCode from "qrcode";
import { CAPTION_MAX, checkPrintParity, checkPrintedSteps, parsePrint, STRIP_MAX } from "../../../src/story/print.ts";
import { StoryError } from "../../../src/story/errors.ts";
import { qrMatrix, qrModulesOf, qrSvg } from "../../../src/story/qr.ts";
import { grow, overlaps, textBox, typeOf, type Box } from "../../../src/scenes/figure.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import {
  coverKey,
  coverMarks,
  figureFiles,
  leadFigure,
  onPaper,
  paperFigure,
  paperPanel,
  PRINT_LAYOUT,
  PRINT_ZOOM,
  story,
} from "../../../src/story/page.ts";
import type { Mark } from "../../../src/story/types.ts";
import { realStory } from "../patch.ts";

const STEPS = ["sum", "bonds", "giants", "uses"];
/** A chapter file's frontmatter with `print` as given, parsed as the loader does. */
function read(printYaml: string) {
  const lines = ["---", "slug: x", "title: X", "scene: trillions", ...printYaml.split("\n"), "---"];
  const data = parseYaml(lines.slice(1, -1).join("\n")) as Record<string, unknown>;
  const keyLine = lines.findIndex((l) => l.startsWith("print:")) + 1 || undefined;
  return parsePrint(data.print, STEPS, "en/05-x.md", keyLine, lines);
}
function error(printYaml: string): StoryError {
  try {
    read(printYaml);
  } catch (e) {
    if (e instanceof StoryError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("print: frontmatter", () => {
  test("single and strip figures, in order; none declared prints the first step; an empty list prints text only", () => {
    expect(
      read(
        'print:\n  - single: uses\n    caption: "Where the sum goes"\n  - strip: [bonds, giants]\n    caption: [The bonds, "Two giants: their worth"]',
      ).map((f) => [f.form, f.states, f.captions]),
    ).toEqual([
      ["single", ["uses"], ["Where the sum goes"]],
      ["strip", ["bonds", "giants"], ["The bonds", "Two giants: their worth"]],
    ]);
    expect(read("").map((f) => [f.form, f.states])).toEqual([["single", ["sum"]]]);
    expect(read("print: []")).toEqual([]);
  });

  test("a figure without its caption, a strip without one per panel, a caption too long: each refused at its line", () => {
    const none = error("print:\n  - single: uses\n    caption: Uses\n  - strip: [bonds, giants]");
    expect(none.line).toBe(8);
    expect(none.message).toContain("the figure of bonds, giants has no caption");
    expect(none.fix).toContain("caption: [<what panel 1 shows>, <what panel 2 shows>]");
    const short = error("print:\n  - strip: [bonds, giants]\n    caption: [The bonds]");
    expect(short.line).toBe(7);
    expect(short.message).toContain("the caption of bonds, giants is not a list of 2 captions, one for each panel");
    expect(error("print:\n  - single: uses\n    caption: ''").message).toContain("is not one caption");
    const long = error(`print:\n  - single: uses\n    caption: ${"word ".repeat(CAPTION_MAX / 5 + 1)}`);
    expect(long.line).toBe(7);
    expect(long.message).toContain(`a caption longer than ${CAPTION_MAX} characters`);
  });

  test("an unknown state names the line and the chapter's steps", () => {
    const e = error("print:\n  - single: uses\n    caption: Uses\n  - strip: [bonds, giantz]");
    expect(e.file).toBe("en/05-x.md");
    expect(e.line).toBe(8);
    expect(e.message).toContain('print state "giantz" is not a step of this chapter');
    expect(e.fix).toContain('did you mean "giants"');
  });

  test("an unknown form, a single of two, a strip too long or too short, a state twice: each refused with its fix", () => {
    expect(error("print:\n  - big: uses").message).toContain('unknown print form "big"');
    expect(error("print:\n  - single: [sum, uses]").fix).toContain("strip");
    expect(error(`print:\n  - strip: [${STEPS.slice(0, STRIP_MAX + 1).join(", ")}]`).fix).toContain(
      `a strip holds 2 to ${STRIP_MAX} states`,
    );
    expect(error("print:\n  - strip: [sum]").line).toBe(6);
    const twice = error("print:\n  - single: sum\n    caption: Sum\n  - strip: [bonds, sum]");
    expect(twice.message).toContain('state "sum" is printed twice (first on line 6)');
    expect(error("print: uses").message).toContain("not a list");
  });

  test("a state of the scene that is no step of the chapter passes the parse and is refused after parity, at its figure's line", () => {
    const lines = ["---", "print:", "  - single: uses", "---"];
    const print = parsePrint([{ single: "uses", caption: "Uses" }], ["sum"], "en/05-x.md", 2, lines, STEPS);
    const e = (() => {
      try {
        checkPrintedSteps({ file: "en/05-x.md", print, steps: [{ state: "sum" }] });
      } catch (err) {
        return err as StoryError;
      }
    })();
    expect(e?.line).toBe(3);
    expect(e?.message).toContain('print state "uses" is not a step of this chapter');
  });

  test("every language prints the same figures", () => {
    const de = { file: "de/05-x.md", print: read("print:\n  - single: uses\n    caption: Wofür"), keyLines: { print: 5 } };
    const en = { file: "en/05-x.md", print: read("print:\n  - single: sum\n    caption: The sum"), keyLines: { print: 5 } };
    expect(() => checkPrintParity(de, de)).not.toThrow();
    expect(() => checkPrintParity(de, en)).toThrow(/en\/05-x\.md:5: prints single: \[sum\], but de\/05-x\.md prints single: \[uses\]/);
  });

  test("the story's chapters each declare their figures, the same in both languages", () => {
    const { chapters } = realStory();
    for (const list of Object.values(chapters))
      for (const c of list) expect(c.keyLines.print, `${c.file} has no print:`).toBeGreaterThan(1);
  });
});

describe("printed figures on paper", () => {
  // The print CSS's strip: how many panels stand side by side (src/styles/global.css).
  const css = readFileSync(fileURLToPath(new URL("../../../src/styles/global.css", import.meta.url)), "utf8");
  const columns = /\.print-strip \{[^}]*grid-template-columns:\s*([^;]+);/.exec(css)?.[1]?.trim().split(/\s+/).length ?? 0;

  test("the print CSS sets a strip's panels in one column or more", () => {
    expect(columns).toBeGreaterThanOrEqual(1);
  });

  for (const form of ["single", "strip"] as const)
    test(`a ${form}'s smallest type prints at 8 pt or more on the narrower paper's measure`, () => {
      // A4's measure (210 mm less 2 × 18 mm margins); a strip's panels share it less the 5 mm between them.
      const across = form === "strip" ? columns : 1;
      const panelMm = (210 - 36 - 5 * (across - 1)) / across;
      const layout = PRINT_LAYOUT[form];
      const type = typeOf({ layout });
      const smallest = Math.min(type.label, type.small, type.note);
      const pt = ((smallest / LAYOUTS[layout].width) * panelMm * 72) / 25.4;
      expect(pt).toBeGreaterThanOrEqual(8);
    });
});

describe("a printed figure's one caption (graphics review 49, item 9)", () => {
  test("paperPanel takes the caption strip out of the picture and gives its notes in words, each note one sentence again", () => {
    const marks = [
      { key: "chip", tag: "rect", attrs: { x: 0, y: 0, width: 10, height: 10, class: "chip" } },
      { key: "caption-band", tag: "rect", attrs: { x: 0, y: 400, width: 960, height: 40, class: "caption-band" } },
      { key: "caption-rule", tag: "line", attrs: { x1: 0, y1: 400, x2: 960, y2: 400, class: "caption-rule" } },
      { key: "note-key-0", tag: "text", attrs: { x: 0, y: 420, class: "note" }, text: "Solid: exists; dashed: planned by the US-" },
      { key: "note-key-1", tag: "text", attrs: { x: 0, y: 430, class: "note" }, text: "Handelsministerium and" },
      { key: "note-key-2", tag: "text", attrs: { x: 0, y: 440, class: "note" }, text: "others." },
      { key: "note-gone-0", tag: "text", attrs: { x: 0, y: 450, class: "note", opacity: 0 }, text: "Hidden." },
      { key: "note-src-0", tag: "text", attrs: { x: 0, y: 460, class: "note" }, text: "Source: the article." },
    ] as unknown as Mark[];
    const { marks: picture, key } = paperPanel(marks);
    expect(picture.map((m) => m.key)).toEqual(["chip"]);
    expect(key).toBe("Solid: exists; dashed: planned by the US-Handelsministerium and others. Source: the article.");
  });

  for (const lang of ["de", "en"] as const)
    test(`${lang}: no printed panel's file draws a key line: its notes are its caption's`, () => {
      const printed = figureFiles(lang).filter((f) => f.name.startsWith("print-"));
      expect(printed.length).toBeGreaterThan(3);
      expect(printed.filter((f) => /class="(note|caption-band|caption-rule)[" ]/.test(f.svg)).map((f) => f.name)).toEqual([]);
    });
});

describe("printed figures drawn large (graphics reviews 48 item 8, 49 items 9–10)", () => {
  // The smallest type of marks (user units): every word's font-size.
  const smallest = (marks: Mark[]): number => {
    const sizes: number[] = [];
    const visit = (m: Mark) => {
      if (m.tag === "text" && m.attrs["font-size"] !== undefined) sizes.push(Number(m.attrs["font-size"]));
      m.children?.forEach(visit);
    };
    marks.forEach(visit);
    expect(sizes.length).toBeGreaterThan(0);
    return Math.min(...sizes);
  };
  for (const lang of ["de", "en"] as const)
    test(`${lang}: each printed panel is drawn as large as its composition fits, at most PRINT_ZOOM; most larger than the scroll story's, none smaller, its least words at 8 pt and more on A4's measure`, () => {
      const s = story();
      const zooms: number[] = [];
      for (const c of s.compiled.chapters[lang]!) {
        const parsed = s.chapters[lang]!.find((p) => p.slug === c.slug)!;
        for (const f of parsed.print)
          for (const state of f.states) {
            const step = c.steps.find((x) => x.state === state)!;
            const paper = paperFigure(lang, c, step, PRINT_LAYOUT[f.form]);
            const screen = paperPanel(step.marks[PRINT_LAYOUT[f.form]]!).marks;
            zooms.push(paper.zoom);
            expect(paper.zoom).toBeGreaterThanOrEqual(1);
            expect(paper.zoom).toBeLessThanOrEqual(PRINT_ZOOM);
            // its words as large as the scroll story's static figure's times its zoom, measured on the marks drawn
            expect(smallest(paper.marks), step.id).toBeGreaterThanOrEqual(smallest(screen) * paper.zoom * 0.99);
            const pt = ((smallest(paper.marks) / LAYOUTS[PRINT_LAYOUT[f.form]].width) * (210 - 36) * 72) / 25.4;
            expect(pt, step.id).toBeGreaterThanOrEqual(8);
          }
      }
      expect(zooms.filter((z) => z > 1).length).toBeGreaterThan(zooms.length / 2);
    });
});

describe("printed figures at full emphasis", () => {
  test("onPaper brings forward what a step steps back (a shape's opacity, a label's muted grey), keeps what is hidden and the asides' ink", () => {
    const marks = [
      { key: "gpu", tag: "rect", attrs: { x: 0, y: 0, width: 10, height: 10, class: "chip", opacity: 0.3 } },
      { key: "gone", tag: "rect", attrs: { x: 0, y: 0, width: 10, height: 10, class: "chip", opacity: 0 } },
      { key: "gpu-l", tag: "text", attrs: { x: 0, y: 0, class: "lbl lbl-strong lbl-muted" }, text: "GPU" },
      { key: "aside", tag: "text", attrs: { x: 0, y: 0, class: "lbl lbl-note" }, text: "our addition" },
      { key: "run", tag: "text", attrs: { x: 0, y: 0, class: "lbl lbl-strong lbl-dim" }, text: "Google" },
      { key: "g", tag: "g", attrs: {}, children: [{ key: "g/a", tag: "circle", attrs: { cx: 0, cy: 0, r: 2, opacity: 0.55 } }] },
    ] as unknown as Mark[];
    const out = onPaper(marks) as unknown as {
      key: string;
      attrs: Record<string, unknown>;
      children?: { attrs: Record<string, unknown> }[];
    }[];
    expect(out[0]!.attrs.opacity).toBeUndefined();
    expect(out[1]!.attrs.opacity).toBe(0);
    expect(out[2]!.attrs.class).toBe("lbl lbl-strong");
    expect(out[3]!.attrs.class).toBe("lbl lbl-note");
    expect(out[5]!.children![0]!.attrs.opacity).toBeUndefined();
    expect(out[4]!.attrs.class).toBe("lbl lbl-strong");
  });

  for (const lang of ["de", "en"] as const)
    test(`${lang}: no printed panel draws a mark faded or a label in the stepped-back grey (graphics review 44, item 9)`, () => {
      const printed = figureFiles(lang).filter((f) => f.name.startsWith("print-"));
      expect(printed.length).toBeGreaterThan(3);
      // (lbl-dim: the team's last step's dimmer grey, which its one printed figure, the full timeline, had; review 55, item 8)
      const faded = printed.filter((f) => /opacity="0\.\d+"|lbl-muted|lbl-dim/.test(f.svg)).map((f) => f.name);
      expect(faded).toEqual([]);
    });
});

describe("the cover's QR code", () => {
  test("is drawn from the address: read back from the SVG, its modules are the encoder's", () => {
    const address = "https://news.example/altman-chips/en/";
    const svg = qrSvg(address, "Interactive version");
    const modules = qrModulesOf(svg);
    expect(modules).toEqual(qrMatrix(address));
    // and the encoder's own matrix, not a copy of ours
    const { modules: m } = QRCode.create(address, { errorCorrectionLevel: "M" });
    expect(modules.length).toBe(m.size);
    expect(modules.flat().filter(Boolean).length).toBe([...m.data].filter(Boolean).length);
    expect(qrModulesOf(qrSvg("https://news.example/altman-chips/de/", "x"))).not.toEqual(modules);
  });
});

describe("the cover's key figure", () => {
  /** Every drawn mark, nested ones too (a chip's parts, a rack's slots). */
  const flat = (marks: Mark[]): Mark[] => marks.flatMap((m) => [m, ...flat(m.children ?? [])]);
  const rectBox = (m: Mark): Box => ({
    x0: Number(m.attrs.x),
    y0: Number(m.attrs.y),
    x1: Number(m.attrs.x) + Number(m.attrs.width),
    y1: Number(m.attrs.y) + Number(m.attrs.height),
  });
  /** The least white between a label and any mark, in the figure's units (960 across the page's 174 mm: about 0.5 mm). */
  const CLEAR = 3;

  for (const lang of ["de", "en"] as const)
    test(`${lang}: it says what the web hero says: the same words as the opening's wide figure, less its caption strip`, () => {
      realStory();
      const words = (texts: string[]) => new Set(texts.join(" ").split(/\s+/).filter(Boolean));
      const cover = words(
        flat(coverMarks(lang))
          .filter((m) => m.tag === "text")
          .map((m) => m.text ?? ""),
      );
      // the hero's labels (its caption strip, class `note`, stays with the chapter's figure)
      const hero = words(
        [...leadFigure(lang).wide.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].filter((t) => !/class="note"/.test(t[1]!)).map((t) => t[2]!),
      );
      // (the hero names three things, the GPU, the planned chip and its data centres: graphics review 53, item 2)
      expect(hero.size).toBeGreaterThanOrEqual(8);
      expect([...cover].filter((w) => !hero.has(w))).toEqual([]);
      expect([...hero].filter((w) => !cover.has(w))).toEqual([]);
    });

  for (const lang of ["de", "en"] as const)
    test(`${lang}: every label stands clear of every mark and every other label`, () => {
      realStory();
      const marks = flat(coverMarks(lang));
      const texts = marks.filter((m) => m.tag === "text");
      const rects = marks.filter((m) => m.tag === "rect" && !Number.isNaN(Number(m.attrs.width)));
      expect(texts.length).toBeGreaterThan(2);
      expect(rects.length).toBeGreaterThan(2);
      const found: string[] = [];
      for (const t of texts) {
        const box = grow(textBox(t), CLEAR);
        for (const r of rects) if (overlaps(box, rectBox(r), 0)) found.push(`"${t.text}" on ${r.key}`);
        for (const u of texts) if (u !== t && overlaps(textBox(t), textBox(u), 0)) found.push(`"${t.text}" on "${u.text}"`);
      }
      expect(found).toEqual([]);
    });
});

/** The keys of the marks a state draws on paper (at full emphasis, its caption strip taken out), hidden ones left out. */
const drawn = (marks: Mark[]): Set<string> =>
  new Set(
    paperPanel(marks)
      .marks.filter((m) => Number(m.attrs.opacity ?? 1) > 0)
      .map((m) => m.key),
  );

describe("the states the reviewers found unprinted (graphics review 50, item 1)", () => {
  // "The memory bottleneck" printed only the cross-section: the talks with Samsung and SK Hynix and the way around NVIDIA
  // (its steps 3 and 4) had no figure.
  const named = [
    ["memory", "talks"],
    ["memory", "nvidia"],
  ] as const;
  for (const lang of ["de", "en"] as const)
    for (const [slug, state] of named)
      test(`${lang}: every mark of ${slug}--${state} prints in one of its chapter's figures`, () => {
        const s = story();
        const c = s.compiled.chapters[lang]!.find((x) => x.slug === slug)!;
        const parsed = s.chapters[lang]!.find((p) => p.slug === slug)!;
        const at = (st: string) => c.steps.find((x) => x.state === st)!.marks[PRINT_LAYOUT.single]!;
        const printed = new Set(parsed.print.flatMap((f) => f.states.flatMap((st) => [...drawn(at(st))])));
        const wanted = [...drawn(at(state))];
        expect(wanted.length).toBeGreaterThan(2);
        expect(wanted.filter((k) => !printed.has(k))).toEqual([]);
      });
});

describe("the pictures the reviewers found missing from print (graphics review 52, item 9)", () => {
  // Richard Ho's own picture (the chip team's first step) printed no figure of its own; then a strip printed it above
  // the full timeline, which draws Ho's path again: the same timeline twice on facing pages (graphics review 55, item 8).
  // The chapter prints one figure, the full one, and every mark each of its steps draws is in it.
  // (graphics review 54, item 2: the trillions' uses, a panel of their own, repeated the head, key and grid of the
  // giants' panel above them: the same chart twice. The giants' printed file draws them now: tested below.)
  for (const lang of ["de", "en"] as const)
    test(`${lang}: the chip team prints one timeline, the full one, with Ho's picture and every step's marks in it`, () => {
      const s = story();
      const parsed = s.chapters[lang]!.find((p) => p.slug === "team")!;
      expect(parsed.print.map((f) => [f.form, f.states])).toEqual([["single", ["open"]]]);
      const c = s.compiled.chapters[lang]!.find((x) => x.slug === "team")!;
      const at = (st: string) => c.steps.find((x) => x.state === st)!.marks[PRINT_LAYOUT.single]!;
      const printed = drawn(at("open"));
      for (const step of c.steps) {
        const wanted = [...drawn(at(step.state))];
        expect(wanted.length).toBeGreaterThan(2);
        expect(
          wanted.filter((k) => !printed.has(k)),
          step.state,
        ).toEqual([]);
      }
      const file = figureFiles(lang).find((f) => f.name === "print-team--open");
      expect(file, "print-team--open").toBeDefined();
      expect(figureFiles(lang).find((f) => f.name === "print-team--ho")).toBeUndefined();
    });

  for (const lang of ["de", "en"] as const)
    test(`${lang}: trillions--uses prints in its chapter's one figure, the giants', under the sum it is for (graphics review 54, item 2)`, () => {
      const s = story();
      const parsed = s.chapters[lang]!.find((p) => p.slug === "trillions")!;
      expect(parsed.print.map((f) => [f.form, f.states])).toEqual([["single", ["giants"]]]);
      const file = figureFiles(lang).find((f) => f.name === "print-trillions--giants");
      expect(file, "print-trillions--giants").toBeDefined();
      const text = [...file!.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!).join(" ");
      const uses = JSON.parse(readFileSync(`content/labels/${lang}/trillions.json`, "utf8")) as Record<string, string>;
      // the uses' words (their first words: a line may break after them) and the brace
      expect(text).toContain(uses.uses!.split(" ").slice(0, 2).join(" "));
      expect(file!.svg).toMatch(/class="brace"/);
    });

  for (const lang of ["de", "en"] as const)
    test(`${lang}: the cover's figure has its key, the web lead's caption strip in words`, () => {
      realStory();
      const strip = [...leadFigure(lang).wide.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)]
        .filter((t) => /class="note"/.test(t[1]!))
        .map((t) => t[2]!.trim());
      expect(strip.length).toBeGreaterThan(0);
      const key = coverKey(lang);
      expect(key).toMatch(/\.$/);
      for (const line of strip) expect(key.replace(/\s+/g, " ")).toContain(line.replace(/-$/, ""));
    });
});
