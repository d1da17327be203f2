// The one escaper for text put into HTML, SVG and XML, in element content and in
// double-quoted attributes alike (pages, figures, share cards, sitemap).

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export const escapeHtml = (s: string | number): string => String(s).replace(/[&<>"]/g, (c) => ENTITIES[c]!);
