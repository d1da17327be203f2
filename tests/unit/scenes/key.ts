// The piece's one reading key (graphics review 50, item 5), as every figure note that explains line styles words it. Not a test file itself.

/** Line styles: solid, dashed, dotted; the same words in every figure note. */
export const LINE_KEY = {
  en: "Solid: reported; dashed: planned or unsettled; dotted: inferred or not known.",
  de: "Durchgezogen: berichtet; gestrichelt: geplant, ungeklärt; gepunktet: erschlossen, unbekannt.",
} as const;

/** A note's words for the line styles: none since the key is drawn (src/scenes/figure.ts captionStrip). */
export const LINE_STYLE = { en: /\b(solid|dashed|dotted)\b/i, de: /(durchgezogen|gestrichelt|gepunktet)/i } as const;

/** The words a note uses for the money's blue, wherever a note names the colour. */
export const BLUE = { en: /\bblue: money\b/i, de: /\bblau: Geld\b/i } as const;
