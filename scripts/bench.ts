// Measures, does not time-test: build time, and what a reader downloads on the
// first view of each language (JavaScript gzip, HTML, CSS, fonts, data), plus
// the PDFs. Prints a table and flags every figure over its budget.
// The generated 8-chapter sample story is built and measured beside the real one,
// to show how first-view bytes grow with the story.
// Usage: node scripts/bench.ts [--no-build]   (exit 0; figures, not a gate)

import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve } from "./serve.ts";
import { launchOptions } from "./browser.ts";

// JS and total from issue 9; the rest are this script's own guards.
const BUDGET_KB = { js: 45, html: 60, css: 10, fonts: 50, data: 20, total: 130 } as const;
type Kind = keyof typeof BUDGET_KB;

const kb = (n: number) => (n / 1024).toFixed(1);
let buildSeconds: number | null = null;
const SAMPLE = ".build/sample-dist";
if (!process.argv.includes("--no-build")) {
  const t0 = performance.now();
  execFileSync(process.execPath, ["scripts/build.ts"], { stdio: "inherit" });
  buildSeconds = (performance.now() - t0) / 1000;
  execFileSync(process.execPath, ["scripts/sample-story.ts", ".build/sample-content"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build.ts", "--content", ".build/sample-content", "--out", SAMPLE], { stdio: "inherit" });
}

const browser = await chromium.launch(launchOptions());
const breaks: string[] = [];
for (const [name, root] of [
  ["story", "dist"],
  ["sample story (8 chapters)", SAMPLE],
] as const) {
  if (!existsSync(root)) {
    console.log(`\n${name}: ${root} is not built; skipped`);
    continue;
  }
  const steps = (readFileSync(join(root, "de", "index.html"), "utf8").match(/class="step"/g) ?? []).length;
  console.log(`\n### ${name}: ${root}, ${steps} steps per language`);
  const server = await serve(root, 0);
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  try {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      for (const lang of ["de", "en"]) {
        const page = await browser.newPage({ viewport });
        const sizes: Record<Kind, number> = { js: 0, html: 0, css: 0, fonts: 0, data: 0, total: 0 };
        const pending: Promise<void>[] = [];
        page.on("response", (res) => {
          pending.push(
            res.body().then(
              (body) => {
                const url = res.url();
                const gz = gzipSync(body, { level: 9 }).length;
                const kind: Kind = url.endsWith(".js")
                  ? "js"
                  : url.endsWith(".css")
                    ? "css"
                    : /\.woff2?$/.test(url)
                      ? "fonts"
                      : url.endsWith(".json")
                        ? "data"
                        : "html";
                // Fonts are already compressed: count them as sent.
                const bytes = kind === "fonts" ? body.length : gz;
                sizes[kind] += bytes;
                sizes.total += bytes;
              },
              () => undefined,
            ),
          );
        });
        await page.goto(`http://127.0.0.1:${port}/${lang}/`, { waitUntil: "networkidle" });
        await Promise.all(pending);
        console.log(`\nfirst view /${lang}/ on ${device} (gzip, KB):`);
        for (const k of Object.keys(BUDGET_KB) as Kind[]) {
          const over = sizes[k] / 1024 > BUDGET_KB[k];
          console.log(`  ${k.padEnd(6)} ${kb(sizes[k]).padStart(7)}   budget ${BUDGET_KB[k]}${over ? "   <-- OVER BUDGET" : ""}`);
          if (over) breaks.push(`${name} /${lang}/ ${device}: ${k} ${kb(sizes[k])} KB > ${BUDGET_KB[k]} KB`);
        }
        await page.close();
      }
    }
  } finally {
    server.close();
  }
}
await browser.close();

console.log("\nfiles in dist/:");
for (const lang of ["de", "en"]) {
  const dir = join("dist", lang);
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".pdf") || x.endsWith(".html"))) {
    console.log(`  ${join(dir, f).padEnd(28)} ${kb(statSync(join(dir, f)).size).padStart(8)} KB raw`);
  }
}
if (buildSeconds !== null) console.log(`\nbuild (content check + Astro + PDFs): ${buildSeconds.toFixed(1)} s`);
console.log(breaks.length ? `\nOVER BUDGET:\n  ${breaks.join("\n  ")}` : "\nall figures within budget");
