// robots.txt: everything may be crawled; the sitemap's absolute address comes
// from SITE_URL (src/story/site.ts). Crawlers read it only at a host's root: at a
// sub-path, copy its Sitemap line into the host's own robots.txt.
import type { APIRoute } from "astro";
import { siteUrl } from "../story/site.ts";

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl("sitemap.xml")}\n`);
