// The figures' colours stay apart for readers with a colour-vision deficiency:
// the palette of src/styles/global.css (:root), simulated for protanopia,
// deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1),
// keeps every pair of colours that tell marks apart at least ΔE 15 (CIE76) and
// keeps text colours at 4.5:1 against the background.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync("src/styles/global.css", "utf8");
const root = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
const colour = (name: string): number[] => {
  const m = new RegExp(`--${name}:\\s*#([0-9a-f]{6})`, "i").exec(root);
  if (!m) throw new Error(`no --${name} in :root of global.css`);
  return [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clamp = (c: number) => Math.min(1, Math.max(0, c));

const MACHADO: Record<string, number[][]> = {
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(rgb: number[], m: number[][]): number[] {
  const lin = rgb.map(toLinear);
  return m.map((row) => toSrgb(clamp(row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!)));
}

function lab(rgb: number[]): number[] {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

/** Pairs that tell marks apart: the story's own marks against comparisons, markers and land. */
const PAIRS: [string, string][] = [
  ["accent", "grey"],
  ["accent", "ink"],
  ["accent", "land"],
  ["accent", "land-hi"],
  ["land", "land-hi"],
  ["grey", "bg"],
  ["accent", "bg"],
];

describe("the palette under colour-vision deficiencies", () => {
  for (const [kind, m] of Object.entries(MACHADO)) {
    it(`${kind}: marks stay apart (ΔE ≥ 15) and text keeps 4.5:1`, () => {
      const low = PAIRS.map(([a, b]) => ({ a, b, d: deltaE(simulate(colour(a), m), simulate(colour(b), m)) }))
        .filter((p) => p.d < 15)
        .map((p) => `${p.a}/${p.b}: ΔE ${p.d.toFixed(1)}`);
      expect(low).toEqual([]);
      for (const text of ["ink", "muted", "accent-ink"]) {
        expect(contrast(simulate(colour(text), m), simulate(colour("bg"), m)), text).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});

/** The dark scheme's colours (src/styles/theme.css, --dark-NAME). */
const theme = readFileSync("src/styles/theme.css", "utf8");
const dark = (name: string): number[] => {
  const m = new RegExp(`--dark-${name}:\\s*#([0-9a-f]{6})`, "i").exec(theme);
  if (!m) throw new Error(`no --dark-${name} in src/styles/theme.css`);
  return [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
};

// Review 10, item 10: in the dark scheme NVIDIA's die (ink) turned into a glowing white square; later a dimmed cream
// (review 36). Graphics review 47, item 9: a cream die is another chip than the light page's black one (the key glyph
// changed identity with the scheme). Reviews 34 and 50 (item 7): a black die, darker than its dark package and the
// page, read as a hole in the page; graphics review 51 (item 5): the graphite die then given, lighter than its package,
// weakened the solid die against the planned one. The die takes its own colour (--chip, not the ink, which the dark
// scheme turns light): near-black on the light page; in the dark scheme too the darkest shape, darker than its package,
// the page and the planned die's fill, far from the cream ink and the other firms' grey, framed by a light edge (the
// edge keeps it a raised die, not a hole).
describe("NVIDIA's die: the darkest shape in both schemes, framed so it is never a hole", () => {
  const chipCss = readFileSync("src/scenes/chip.css", "utf8");
  const body = (sel: string) => new RegExp(`(?:^|\\n)${sel.replace(/[.[\]()]/g, "\\$&")} \\{([^}]*)\\}`).exec(chipCss)?.[1] ?? "";
  it("the die is filled with --chip, a dark colour of its own (not the ink the dark scheme turns light)", () => {
    expect(body(".die-ink")).toMatch(/fill: var\(--chip\)/);
    expect(luminance(colour("chip"))).toBeLessThan(0.02);
    expect(contrast(colour("chip"), colour("land"))).toBeGreaterThanOrEqual(4.5);
  });
  it("both dark cases (the reader's choice, the system's) fill it with --dark-chip and give it a light edge", () => {
    const rules = [...theme.matchAll(/(:root[^{]*) \.die-ink \{([^}]*)\}/g)];
    expect(rules.map((r) => r[1])).toEqual([':root[data-theme="dark"]', ':root:not([data-theme="light"])']);
    for (const [, , b] of rules) {
      expect(b).toMatch(/fill: var\(--dark-chip\)/);
      expect(b).toMatch(/stroke: var\(--dark-chip-edge\)/);
      expect(Number(/stroke-width: ([\d.]+)px/.exec(b!)?.[1])).toBeGreaterThanOrEqual(1.5);
    }
  });
  it("in the dark scheme the die is the darkest shape: darker than its package, the page and the planned die's fill", () => {
    // (--card fills the planned die, dashed: the solid one must be the darker, by a clear step.)
    for (const under of ["land", "bg", "card", "land-hi", "grey"]) {
      expect(luminance(dark("chip")), under).toBeLessThan(luminance(dark(under)));
      // (Against the near-black page and card a black die can gain no more than these.)
      expect(contrast(dark("chip"), dark(under)), under).toBeGreaterThanOrEqual({ bg: 1.1, card: 1.25 }[under] ?? 1.3);
    }
    expect(contrast(dark("chip"), dark("land")), "against its package").toBeGreaterThanOrEqual(1.5);
  });
  it("it stays a dark die: far from the cream ink (review 47), darker than and apart from the other firms' grey", () => {
    expect(contrast(dark("ink"), dark("chip"))).toBeGreaterThanOrEqual(4.5);
    expect(luminance(dark("chip"))).toBeLessThan(luminance(dark("grey")));
    expect(deltaE(dark("chip"), dark("grey"))).toBeGreaterThanOrEqual(15);
    expect(contrast(dark("chip"), dark("grey"))).toBeGreaterThanOrEqual(2);
  });
  it("its edge stands 3:1 from the die and all it sits on", () => {
    for (const next of ["land", "bg", "card", "land-hi", "chip"])
      expect(contrast(dark("chip-edge"), dark(next)), next).toBeGreaterThanOrEqual(3);
  });
});

// Graphics review 41, item 9: in the dark scheme the trillions' blue comparisons (.bar-compare, the light scheme's pale
// mix of the money blue into the page) nearly vanished on the dark page. Every colour that alone draws a mark there
// stands at least 3:1 from the dark page (WCAG 1.4.11, graphic objects).
describe("the dark scheme's marks stand out from the page", () => {
  it("both dark cases fill the comparisons' squares with --dark-money-pale", () => {
    const rules = [...theme.matchAll(/(:root[^{]*) \.bar-compare \{([^}]*)\}/g)];
    expect(rules.map((r) => r[1])).toEqual([':root[data-theme="dark"]', ':root:not([data-theme="light"])']);
    for (const [, , body] of rules) expect(body).toMatch(/fill: var\(--dark-money-pale\)/);
  });
  it("money, its pale comparison, the accent and the grey: 3:1 from the page and the card; the pale blue apart from the solid", () => {
    for (const mark of ["money", "money-pale", "accent", "grey"])
      for (const under of ["bg", "card"]) expect(contrast(dark(mark), dark(under)), `${mark} on ${under}`).toBeGreaterThanOrEqual(3);
    expect(contrast(dark("money"), dark("money-pale"))).toBeGreaterThanOrEqual(1.5);
  });
});

// Graphics review 54, item 7: in the dark scheme the section's links through the interposer (.slot, fine line art
// in the grey) stood 2.3:1 on the interposer and almost vanished. Fine line art takes a dark colour of its own, 3:1
// from the interposer it runs through and the package, card and page around it (WCAG 1.4.11), and below the ink the
// links turn to while data flows, so the data step still strengthens them.
describe("the dark scheme's fine line art stands out from what it crosses", () => {
  it("both dark cases stroke the fine lines with --dark-line", () => {
    const rules = [...theme.matchAll(/(:root[^{]*) \.slot \{([^}]*)\}/g)];
    expect(rules.map((r) => r[1])).toEqual([':root[data-theme="dark"]', ':root:not([data-theme="light"])']);
    for (const [, , body] of rules) expect(body).toMatch(/stroke: var\(--dark-line\)/);
  });
  it("--dark-line: 3:1 from the interposer, the package, the card and the page; quieter than the ink", () => {
    for (const under of ["land-hi", "interposer", "land", "card", "bg"])
      expect(contrast(dark("line"), dark(under)), `line on ${under}`).toBeGreaterThanOrEqual(3);
    expect(luminance(dark("line"))).toBeLessThan(luminance(dark("ink")));
    expect(contrast(dark("ink"), dark("line"))).toBeGreaterThanOrEqual(1.5);
  });
});

// Graphics review 57, item 10: in the dark scheme the memory chapter's cross-section went flat. Its processor, NVIDIA's
// black die, merged with the dark stage and read as a hollow outline; the interposer, filled with the dark land-hi,
// turned grey, and the material coding the figure rests on was lost. Drawn cut open (.die-cut: the section, its
// enlarged detail, the contrast under it), the processor takes a light fill of its own, a solid part well off the page
// and apart from the grey memory stacks; the interposer a warm tan of its own, as on the light page, apart from the
// substrate, the stacks and the page. (The die seen from above stays the dark motif, tested above.)
describe("the dark scheme keeps the cross-section's materials", () => {
  const chroma = (rgb: number[]) => Math.hypot(lab(rgb)[1]!, lab(rgb)[2]!);
  it("both dark cases fill the cut processor with --dark-processor and the interposer with --dark-interposer", () => {
    const dies = [...theme.matchAll(/(:root[^{]*) \.die-ink\.die-cut \{([^}]*)\}/g)];
    expect(dies.map((r) => r[1])).toEqual([':root[data-theme="dark"]', ':root:not([data-theme="light"])']);
    for (const [, , b] of dies) expect(b).toMatch(/fill: var\(--dark-processor\)/);
    const ints = [...theme.matchAll(/(:root[^{]*) \.interposer \{([^}]*)\}/g)];
    expect(ints.map((r) => r[1])).toEqual([':root[data-theme="dark"]', ':root:not([data-theme="light"])']);
    for (const [, , b] of ints) expect(b).toMatch(/fill: var\(--dark-interposer\)/);
  });
  it("the processor is a solid light part: 3:1 from the page, the card and the package, lighter than and apart from the stacks", () => {
    for (const under of ["bg", "card", "land", "interposer"])
      expect(contrast(dark("processor"), dark(under)), `processor on ${under}`).toBeGreaterThanOrEqual(3);
    expect(luminance(dark("processor"))).toBeGreaterThan(luminance(dark("grey")));
    expect(contrast(dark("processor"), dark("grey"))).toBeGreaterThanOrEqual(1.8);
    expect(deltaE(dark("processor"), dark("grey"))).toBeGreaterThanOrEqual(15);
  });
  it("the interposer keeps a warm tint, as on the light page, apart from the substrate, the stacks and the page", () => {
    const [, a, b] = lab(dark("interposer")) as [number, number, number];
    // Warm: yellow-red, at least as saturated as the light page's tan (the old dark land-hi, about 8, read grey).
    expect(b).toBeGreaterThan(0);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    expect(chroma(dark("interposer"))).toBeGreaterThanOrEqual(Math.max(15, chroma(colour("land-hi"))));
    for (const next of ["land", "grey", "bg", "processor"]) expect(deltaE(dark("interposer"), dark(next)), next).toBeGreaterThanOrEqual(15);
    expect(contrast(dark("interposer"), dark("land")), "against the substrate").toBeGreaterThanOrEqual(1.5);
  });
});
