// scripts/fonts.ts on a small built site in a temporary folder: one page, one
// stage data file, one style sheet naming the complete Source Sans 3. The font
// becomes a WOFF2 subset under a content-hashed name, the style sheet is renamed
// and relinked, and a character no font has stops the build, named with its file.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cmap, drawn, missingGlyphs, SAFE_TEXT, shownText, subsetSiteFonts } from "../../../scripts/fonts.ts";

const FULL = createRequire(import.meta.url).resolve("source-sans/TTF/SourceSans3-Regular.ttf");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function site(page: string, stage: object): string {
  const root = mkdtempSync(join(tmpdir(), "fonts-"));
  dirs.push(root);
  mkdirSync(join(root, "_astro"));
  mkdirSync(join(root, "de", "stage"), { recursive: true });
  writeFileSync(join(root, "_astro", "Sans.AbCd1234.ttf"), readFileSync(FULL));
  writeFileSync(
    join(root, "_astro", "Base.Zz9_-xYw.css"),
    `@font-face{font-family:"Source Sans 3";font-weight:400;src:url(/_astro/Sans.AbCd1234.ttf)format("truetype")}body{font-family:"Source Sans 3"}`,
  );
  writeFileSync(
    join(root, "de", "index.html"),
    `<html><head><link rel="preload" href="/_astro/Sans.AbCd1234.ttf" as="font"><link rel="stylesheet" href="/_astro/Base.Zz9_-xYw.css"></head><body>${page}</body></html>`,
  );
  writeFileSync(join(root, "de", "stage", "x.json"), JSON.stringify(stage));
  return root;
}

describe("scripts/fonts.ts", () => {
  it("reads the text a site shows from its pages (entities decoded) and the strings of its data", () => {
    const root = site("<p>Gr&#246;&#xdf;e &#8776; &#x2192; &amp; “Zitat”</p>", { marks: [{ text: "Ärger ≥ 3" }] });
    const shown = shownText(root);
    expect([...shown.keys()].sort()).toEqual(["de/index.html", "de/stage/x.json"]);
    expect(shown.get("de/index.html")).toContain("Größe ≈ → & “Zitat”");
    expect(shown.get("de/stage/x.json")).toContain("Ärger ≥ 3");
    expect(drawn("a\u00adb\u200bc\na")).toEqual(["a", "b", "c"]);
  });

  it("replaces each font with a WOFF2 subset of the shown and safe glyphs, renaming it and the style sheet, relinking pages", async () => {
    const root = site("<p>Größe ≈ 7 Billionen</p>", { marks: [{ text: "Ärger → Ω" }] });
    const [done] = await subsetSiteFonts(root);
    const files = readdirSync(join(root, "_astro")).sort();
    expect(files).toHaveLength(2);
    const [css, woff2] = files as [string, string];
    expect(css).toMatch(/^Base\.[\w-]{8}\.css$/);
    expect(css).not.toBe("Base.Zz9_-xYw.css");
    expect(woff2).toMatch(/^Sans\.[\w-]{8}\.woff2$/);
    expect(readFileSync(join(root, "_astro", css), "utf8")).toContain(`src:url(/_astro/${woff2})format("woff2")}`);
    const html = readFileSync(join(root, "de", "index.html"), "utf8");
    expect(html).toContain(`href="/_astro/${css}"`);
    expect(html).toContain(`<link rel="preload" href="/_astro/${woff2}" as="font">`);

    const bytes = readFileSync(join(root, "_astro", woff2));
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("wOF2");
    const font = cmap(bytes);
    expect(missingGlyphs(font, "Größe ≈ 7 Billionen Ärger → Ω" + SAFE_TEXT)).toEqual([]);
    // letters neither shown nor safe are gone
    expect(missingGlyphs(font, "ŁĐЖ")).toEqual(drawn("ŁĐЖ"));
    expect(done!.bytesAfter).toBeLessThan(done!.bytesBefore / 10);
    expect(font.glyphs).toBeLessThan(cmap(readFileSync(FULL)).glyphs / 5);
  });

  it("stops when a page shows a character the font cannot draw, naming it and the file", async () => {
    const root = site("<p>Schnee ☃</p>", { marks: [] });
    await expect(subsetSiteFonts(root)).rejects.toThrow(/has no glyph for “☃” \(U\+2603\) in de\/index\.html/);
  });
});
