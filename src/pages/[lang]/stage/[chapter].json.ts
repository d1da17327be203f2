// Per-chapter stage data (marks for every state in the stage layouts), fetched
// by the runtime as the chapter nears; the file name comes from OUTPUT.stageData.
import type { APIRoute, GetStaticPaths } from "astro";
import { langs, stageData, story } from "../../../story/page.ts";
import type { Lang } from "../../../story/config.ts";

export const getStaticPaths: GetStaticPaths = () =>
  langs().flatMap((lang) => story().compiled.chapters[lang]!.map((c) => ({ params: { lang, chapter: c.slug } })));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(stageData(params.lang as Lang, params.chapter!)), {
    headers: { "Content-Type": "application/json" },
  });
