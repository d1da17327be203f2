// The one escaper for text put into HTML, SVG and XML, in element content and in
// double-quoted attributes alike (pages, figures, share cards, sitemap).

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export const escapeHtml = (s: string | number): string => String(s).replace(/[&<>"]/g, (c) => ENTITIES[c]!);

/**
 * A passage for inside a `<q>`: escaped, and each quotation within it ("…", “…” or „…“, as the
 * article and our translations write them) made a nested `<q>`, so the page's quotation marks
 * apply at the second level (German ‚…‘, English ‘…’: src/styles/global.css) instead of the
 * passage showing straight or first-level marks inside its own.
 */
export const quotedHtml = (s: string): string =>
  escapeHtml(s).replace(/&quot;([^&]*?)&quot;|“([^”“]*)”|„([^“„]*)“/g, (_, a?: string, b?: string, c?: string) => `<q>${a ?? b ?? c}</q>`);
