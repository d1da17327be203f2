// Per-chapter stage data (marks for every state and layout), fetched by the
// runtime when the chapter nears.
import type { APIRoute, GetStaticPaths } from "astro";
import { stageData, story } from "../../../story/page.ts";
import { LANGS, type Lang } from "../../../story/types.ts";

export const getStaticPaths: GetStaticPaths = () =>
  LANGS.flatMap((lang) => story().chapters[lang].map((c) => ({ params: { lang, chapter: c.slug } })));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(stageData(params.lang as Lang, params.chapter!)), {
    headers: { "Content-Type": "application/json" },
  });
