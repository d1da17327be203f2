// The static figures as files of their own (OUTPUT.figure, src/story/page.ts figureFiles):
// each step's figure, the printed panels and the cover's picture, shown by <img> and
// fetched only where they show (no JavaScript, print, the stage's fallback). The build
// adds each file's fonts (scripts/figureFonts.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import { figureFiles, langs } from "../../../story/page.ts";

export const getStaticPaths: GetStaticPaths = () =>
  langs().flatMap((lang) => figureFiles(lang).map((f) => ({ params: { lang, file: f.name }, props: { svg: f.svg } })));

export const GET: APIRoute = ({ props }) => new Response(props.svg as string, { headers: { "Content-Type": "image/svg+xml" } });
