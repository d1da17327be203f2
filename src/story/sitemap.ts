// The sitemap (sitemaps.org, with xhtml:link language alternates): the chooser,
// the story page of each language and the print edition of each. Pure, so a test
// can check it follows the site's settings and languages.

import { LANGS, OUTPUT } from "./config.ts";
import { SITE, siteUrl, type Site } from "./site.ts";
import { escapeHtml as esc } from "./escape.ts";

export function sitemapXml(site: Site = SITE): string {
  const at = (path: string) => esc(siteUrl(path, site));
  const alternates = [
    ...LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${at(OUTPUT.page(l))}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${at("")}"/>`,
  ].join("");
  const url = (path: string, withAlternates: boolean) => `<url><loc>${at(path)}</loc>${withAlternates ? alternates : ""}</url>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
    url("", true),
    ...LANGS.map((l) => url(OUTPUT.page(l), true)),
    ...LANGS.map((l) => url(OUTPUT.pdf(l), false)),
    `</urlset>`,
    "",
  ].join("\n");
}
