// The sitemap (sitemaps.org, with xhtml:link language alternates): the chooser,
// the story page of each language of content/story.json and the print edition of each. Pure, so a test
// can check it follows the site's settings and languages.

import { OUTPUT, langsOf, type StoryConfig } from "./config.ts";
import { SITE, siteUrl, type Site } from "./site.ts";
import { escapeHtml as esc } from "./escape.ts";

export function sitemapXml(config: StoryConfig, site: Site = SITE): string {
  const langs = langsOf(config);
  const at = (path: string) => esc(siteUrl(path, site));
  const alternates = [
    ...langs.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${at(OUTPUT.page(l))}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${at("")}"/>`,
  ].join("");
  const url = (path: string, withAlternates: boolean) => `<url><loc>${at(path)}</loc>${withAlternates ? alternates : ""}</url>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
    url("", true),
    ...langs.map((l) => url(OUTPUT.page(l), true)),
    ...langs.map((l) => url(OUTPUT.pdf(l, config), false)),
    `</urlset>`,
    "",
  ].join("\n");
}
