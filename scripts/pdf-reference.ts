// Writes the print edition's reference images (tests/e2e/pdf.spec.ts compares
// one page per language with them) from the built PDFs, and a PNG of each to
// look at. Usage: node scripts/pdf-reference.ts [root=dist]
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OUTPUT, langsOf } from "../src/story/config.ts";
import { loadStoryConfig } from "../src/story/storyConfig.ts";
import { packGrey, renderPages } from "../tests/e2e/pdf-tools.ts";
import { REFERENCE_DPI, REFERENCE_PAGE, referenceFile } from "../tests/e2e/pdf-reference.ts";

const root = process.argv[2] ?? "dist";
const config = loadStoryConfig("content");
for (const lang of langsOf(config)) {
  const pdf = join(root, OUTPUT.pdf(lang, config));
  const [page] = renderPages(pdf, REFERENCE_DPI, REFERENCE_PAGE, REFERENCE_PAGE);
  const file = referenceFile(lang);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, packGrey(page!));
  const png = join(".build", `pdf-reference-${lang}`);
  mkdirSync(".build", { recursive: true });
  execFileSync("pdftoppm", [
    "-png",
    "-singlefile",
    "-r",
    String(REFERENCE_DPI),
    "-f",
    String(REFERENCE_PAGE),
    "-l",
    String(REFERENCE_PAGE),
    pdf,
    png,
  ]);
  console.log(`wrote ${file} (${page!.width}×${page!.height}); look at ${png}.png`);
}
