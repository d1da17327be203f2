// Static site, no integrations: pages are assembled from content/ at build time
// (src/story), figures come from src/scenes, and the client bundle is the
// runtime in src/runtime. No inline styles or scripts (the pages' CSP forbids
// them); the rest is one CSS file. Where the site is published (SITE_URL,
// BASE_PATH) is read once, in src/story/site.ts.
import { defineConfig } from "astro/config";
import { SITE, ASSETS_DIR } from "./src/story/site.ts";
import { mkdirSync, writeFileSync } from "node:fs";

/**
 * Records which npm packages end up in the browser's bundle (.build/client-packages.json),
 * so the bench can flag a build-time package that slipped into the client code.
 */
const clientPackages = {
  name: "client-packages",
  apply: "build",
  generateBundle(_, bundle) {
    if (this.environment?.name !== "client") return;
    const packages = new Set();
    for (const chunk of Object.values(bundle))
      for (const id of Object.keys(chunk.type === "chunk" ? chunk.modules : {})) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
        if (m) packages.add(m[1]);
      }
    mkdirSync(".build", { recursive: true });
    writeFileSync(".build/client-packages.json", JSON.stringify([...packages].sort()));
  },
};

export default defineConfig({
  output: "static",
  site: SITE.url,
  base: SITE.base,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never", assets: ASSETS_DIR },
  devToolbar: { enabled: false },
  vite: {
    plugins: [clientPackages],
    build: { assetsInlineLimit: 0 },
  },
});
