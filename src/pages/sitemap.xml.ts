// sitemap.xml: the language chooser, each language's story page with its
// hreflang alternates (x-default: the chooser), and the print editions. Built
// from content/story.json and OUTPUT, so it follows the story without edits.
import type { APIRoute } from "astro";
import { sitemapXml } from "../story/sitemap.ts";
import { story } from "../story/page.ts";

export const GET: APIRoute = () => new Response(sitemapXml(story().config), { headers: { "Content-Type": "application/xml" } });
