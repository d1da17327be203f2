// A static figure as a file of its own (`<lang>/fig/<name>.svg`, shown by an <img>):
// no JavaScript, print, the PDF and the stage's fallback. An SVG shown as an image
// sees nothing of the page: no style sheet, no sprite, no web font, no other file.
// So each file carries what it draws with: the shared shapes and fades it uses, the
// figure rules its marks name (src/scenes/*.css) with the page's light colours
// (src/styles/global.css) and, for the screen, a block of their dark twins under the
// system's colour scheme (src/styles/theme.css); the fonts are added by the build
// (scripts/figureFonts.ts), subset to the words of the file.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Mark, SymbolDef } from "../story/types.ts";
import { defsFor, svgDocument, type SvgOptions } from "./static.ts";

/** CSS as a list of rules and blocks (`@media … { rules }`), comments dropped. */
type Css = ({ sel: string; body: string } | { at: string; rules: Css })[];

export function parseCss(css: string): Css {
  const src = css.replace(/\/\*[^]*?\*\//g, "");
  let i = 0;
  const read = (): Css => {
    const out: Css = [];
    while (i < src.length) {
      const open = src.indexOf("{", i);
      const close = src.indexOf("}", i);
      if (close >= 0 && (open < 0 || close < open)) {
        i = close + 1;
        return out;
      }
      if (open < 0) break;
      const head = src.slice(i, open).trim();
      i = open + 1;
      if (head.startsWith("@")) out.push({ at: head, rules: read() });
      else {
        const end = src.indexOf("}", i);
        out.push({ sel: head, body: src.slice(i, end).trim() });
        i = end + 1;
      }
    }
    return out;
  };
  return read();
}

const squash = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/\s*([{};:,>])\s*/g, "$1")
    .replace(/;}/g, "}");

export function printCss(css: Css): string {
  return css
    .map((r) =>
      "at" in r ? (r.rules.length ? `${squash(r.at)}{${printCss(r.rules)}}` : "") : `${squash(r.sel)}{${squash(r.body).replace(/;$/, "")}}`,
    )
    .join("");
}

/** Only the rules that can match `markup`: each class a selector names is one the markup uses. */
export function pruneCss(css: Css, markup: string): Css {
  const used = new Set<string>();
  for (const m of markup.matchAll(/class="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) used.add(c);
  const matches = (sel: string) =>
    sel.split(",").some((one) => [...one.matchAll(/\.([\w-]+)/g)].every((c) => used.has(c[1]!)) && !/\b(html|body)\b|:root/.test(one));
  return css.flatMap((r): Css => {
    if ("at" in r) {
      const rules = pruneCss(r.rules, markup);
      return rules.length ? [{ at: r.at, rules }] : [];
    }
    return matches(r.sel) ? [r] : [];
  });
}

/** The figure rules of every scene: src/scenes/figure.css, then each scene's own. */
function sceneCss(): Css {
  const dir = join(process.cwd(), "src/scenes");
  const files = [
    "figure.css",
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".css") && f !== "figure.css")
      .sort(),
  ];
  return files.flatMap((f) => parseCss(readFileSync(join(dir, f), "utf8")));
}

/** The declarations of the first rule with exactly this selector (at any depth of `css`), or "". */
function declarations(css: Css, selector: string): string {
  for (const r of css) {
    if ("at" in r) {
      const found = declarations(r.rules, selector);
      if (found) return found;
    } else if (squash(r.sel) === selector) return r.body;
  }
  return "";
}

/** The colours of a figure: the page's light palette (global.css :root) and the dark twins the system's dark scheme maps them to (theme.css). */
function palette(): { light: string; dark: Css } {
  const global = parseCss(readFileSync(join(process.cwd(), "src/styles/global.css"), "utf8"));
  const theme = parseCss(readFileSync(join(process.cwd(), "src/styles/theme.css"), "utf8"));
  const light = declarations(global, ":root")
    .split(";")
    .filter((d) => d.trim().startsWith("--"))
    .join(";");
  const twins = declarations(theme, ":root")
    .split(";")
    .filter((d) => d.trim().startsWith("--dark-"))
    .join(";");
  // The block the page applies when the system is dark and the reader made no choice, on the figure's root.
  const block = theme.find((r) => "at" in r && /prefers-color-scheme:\s*dark/.test(r.at));
  if (!block || !("at" in block) || !twins)
    throw new Error("src/styles/theme.css: no dark palette found for the figure files (src/render/figureFile.ts)");
  const dark: Css = block.rules.flatMap((r): Css => {
    if ("at" in r || /\.js\b/.test(r.sel)) return [];
    return [{ sel: r.sel.replace(/:root:not\(\[data-theme="light"\]\)/g, "svg"), body: r.body }];
  });
  return { light: `${light};${twins}`, dark };
}

let cached: { scene: Css; light: string; dark: Css } | undefined;
const sources = () => (cached ??= { scene: sceneCss(), ...palette() });

export interface FigureFileOptions extends SvgOptions {
  /** The shared shapes and fades (compiled geometry), copied in where the marks use them. */
  geometry: SymbolDef[];
  /** For paper only: light colours alone, and the map's names at 8 pt at the page's measure. */
  paper?: boolean;
}

/** A figure as a standalone SVG file: marks, the shapes they use, the rules they name, light and (on screen) dark colours. */
export function figureFile(marks: Mark[], o: FigureFileOptions): string {
  const doc = svgDocument(marks, { ...o, keys: false });
  // The shapes and fades it uses (a fade's stops take the background's colour by class: its rules are kept too).
  const defs = defsFor(o.geometry, doc);
  const used = doc + defs;
  const { scene, light, dark } = sources();
  // An image does not know the page is printed: a paper file takes the print rules as its own, a screen file leaves them out.
  const own = scene.flatMap((r) => ("at" in r ? (/^@media print$/.test(squash(r.at)) ? (o.paper ? r.rules : []) : [r]) : [r]));
  const rules = printCss(pruneCss(own, used));
  const paperRules = o.paper
    ? // The hunt scene sets the map's country and sea names at 0.8 of its small type: on paper, at the page's measure, 8 pt.
      printCss(pruneCss(parseCss(".lbl-place,.lbl-sea{font-size:15.6px}"), used))
    : `@media (prefers-color-scheme:dark){${printCss(pruneCss(dark, used))}}`;
  const style = `<style>svg{${squash(light)}}${rules}${paperRules}</style>`;
  const open = doc.indexOf(">") + 1;
  // Width and height: an image's natural size is the figure's, in the units its type was measured in.
  const root = doc.slice(0, open - 1) + ` width="${o.width}" height="${o.height}">`;
  return root + style + defs + doc.slice(open) + "\n";
}
