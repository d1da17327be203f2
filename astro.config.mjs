// Static site, no integrations: pages are assembled from content/ at build time
// (src/story), figures come from src/scenes, and the client bundle is the
// runtime in src/runtime. Inline styles are kept small; the rest is one CSS file.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
