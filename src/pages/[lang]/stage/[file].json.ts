// Per-chapter stage data, one file per stage layout (the marks of every state in
// that layout), fetched by the runtime as the chapter nears, in the layout the
// stage shows; the file name comes from OUTPUT.stageData ("<slug>.<layout>.json").
import type { APIRoute, GetStaticPaths } from "astro";
import { langs, stageData, story } from "../../../story/page.ts";
import { OUTPUT, STAGE_LAYOUTS, type Lang } from "../../../story/config.ts";

export const getStaticPaths: GetStaticPaths = () =>
  langs().flatMap((lang) =>
    story().compiled.chapters[lang]!.flatMap((c) =>
      STAGE_LAYOUTS.map((layout) => ({
        params: {
          lang,
          file: OUTPUT.stageData(lang, c.slug, layout)
            .replace(/^.*\//, "")
            .replace(/\.json$/, ""),
        },
        props: { slug: c.slug, layout },
      })),
    ),
  );

export const GET: APIRoute = ({ params, props }) =>
  new Response(JSON.stringify(stageData(params.lang as Lang, props.slug, props.layout)), {
    headers: { "Content-Type": "application/json" },
  });
