// The print edition's words that CSS puts in the page margins (the running
// title) and its paper, per language, as a stylesheet of its own: the page's CSP allows no
// inline style, and the title comes from the content.
import type { APIRoute, GetStaticPaths } from "astro";
import { langs, printCss } from "../../story/page.ts";
import type { Lang } from "../../story/config.ts";

export const getStaticPaths: GetStaticPaths = () => langs().map((lang) => ({ params: { lang } }));

export const GET: APIRoute = ({ params }) => new Response(printCss(params.lang as Lang), { headers: { "Content-Type": "text/css" } });
