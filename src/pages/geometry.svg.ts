// The shared shapes (the map's coastline) as a file of their own, one for every page and
// language: the figures reference them by `<use href="geometry.svg#id">` (src/story/page.ts).
import type { APIRoute } from "astro";
import { geometryFile } from "../story/page.ts";

export const GET: APIRoute = () => new Response(geometryFile(), { headers: { "Content-Type": "image/svg+xml" } });
