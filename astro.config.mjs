// Static site, no integrations: pages are assembled from content/ at build time
// (src/story), figures come from src/scenes, and the client bundle is the
// runtime in src/runtime. No inline styles or scripts (the pages' CSP forbids
// them); the rest is one CSS file. Where the site is published (SITE_URL,
// BASE_PATH) is read once, in src/story/site.ts.
import { defineConfig } from "astro/config";
import { SITE, ASSETS_DIR } from "./src/story/site.ts";

export default defineConfig({
  output: "static",
  site: SITE.url,
  base: SITE.base,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never", assets: ASSETS_DIR },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
