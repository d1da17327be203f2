// Screenshots of the built site for a human look: every step at phone and
// desktop size, in every language of content/story.json. Usage: node scripts/shots.ts [outDir]
// (SHOTS_ROOT: another build than dist/; SHOTS_PORT: another port; SHOTS_LANG: one language;
// SHOTS_STEPS: only these steps, ids separated by commas, e.g. "stakes--roadmap,unknowns--announcement")
// (serves the build itself; open the PNGs afterwards).

import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { serve } from "./serve.ts";
import { launchOptions, waitForRuntime } from "./browser.ts";
import { langsOf } from "../src/story/config.ts";
import { loadStoryConfig } from "../src/story/storyConfig.ts";

const out = process.argv[2] ?? "shots";
mkdirSync(out, { recursive: true });
const port = Number(process.env.SHOTS_PORT ?? 4611);
const server = await serve(process.env.SHOTS_ROOT ?? "dist", port);
const browser = await chromium.launch(launchOptions());
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 }, landscape: { width: 844, height: 390 } };
const steps = process.env.SHOTS_STEPS?.split(",").filter(Boolean);
const only = process.env.SHOTS_LANG ? [process.env.SHOTS_LANG] : langsOf(loadStoryConfig("content"));
try {
  for (const lang of only) {
    for (const [name, viewport] of Object.entries(sizes)) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      await page.goto(`http://127.0.0.1:${port}/${lang}/`);
      await waitForRuntime(page);
      await page.screenshot({ path: `${out}/${lang}-${name}-top.png` });
      const ids = (await page.$$eval(".step[data-step]", (els) => els.map((e) => e.id))).filter((id) => !steps || steps.includes(id));
      for (const id of ids) {
        await page.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: "start", behavior: "instant" }), id);
        const state = id.split("--")[1];
        await page.waitForFunction((st) => {
          const s = document.querySelector("[data-stage]");
          return s?.getAttribute("data-state") === st && s?.getAttribute("data-settled") === "true";
        }, state);
        await page.waitForTimeout(150);
        await page.screenshot({ path: `${out}/${lang}-${name}-${id}.png` });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out}/`);
