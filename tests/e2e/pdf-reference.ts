// The committed reference image of the print edition: one page per language,
// rendered in grey by pdftoppm and kept as a gzipped PGM. `npm run
// pdf:reference` writes them anew from dist/ (look at the PNGs it also writes
// before committing).
import { join } from "node:path";
import type { Lang } from "./helpers.ts";

/** The first chapter's first page: type, a figure, notes and the running title. */
export const REFERENCE_PAGE = 2;
export const REFERENCE_DPI = 40;
export const referenceFile = (lang: Lang): string => join("tests", "e2e", "reference", `pdf-${lang}-p${REFERENCE_PAGE}.pgm.gz`);
