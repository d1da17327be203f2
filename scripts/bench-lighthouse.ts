// Lighthouse for the bench: the npm package's Node API, driving the system's
// Chromium (chrome-launcher with chromePath), on a page served from loopback.
// Mobile is Lighthouse's default (a mid-range phone, simulated slow 4G and 4×
// CPU); desktop its desktop preset. Each figure is the median of `runs` runs.

import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { chromiumPath, CHROMIUM_ARGS } from "./browser.ts";

export const LH_FIGURES = ["performance", "accessibility", "best-practices", "seo", "CLS", "TBT ms", "LCP ms"] as const;
export type LhFigure = (typeof LH_FIGURES)[number];
export type LhResult = Record<LhFigure, number> & { failing: string[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function lighthouseMedians(url: string, runs = 3): Promise<Record<"mobile" | "desktop", LhResult>> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const out = {} as Record<"mobile" | "desktop", LhResult>;
    for (const [form, config] of [
      ["mobile", undefined],
      ["desktop", desktopConfig],
    ] as const) {
      const all: Record<LhFigure, number>[] = [];
      const failing = new Map<string, string[]>();
      const once = async () =>
        (
          await lighthouse(
            url,
            {
              port: chrome.port,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
            },
            config,
          )
        )?.lhr;
      for (let i = 0; i < runs; i++) {
        // Lighthouse now and then loses its own trace (NO_NAVSTART on a busy machine): one more try, then stop
        let lhr = await once();
        if (!lhr || lhr.runtimeError) {
          console.log(`  lighthouse ${form}: ${lhr?.runtimeError?.code ?? "no result"}; once more`);
          lhr = await once();
        }
        if (!lhr || lhr.runtimeError) throw new Error(`lighthouse ${form}: ${lhr?.runtimeError?.message ?? "no result"}`);
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        all.push({
          performance: score("performance"),
          accessibility: score("accessibility"),
          "best-practices": score("best-practices"),
          seo: score("seo"),
          CLS: value("cumulative-layout-shift"),
          "TBT ms": value("total-blocking-time"),
          "LCP ms": value("largest-contentful-paint"),
        });
        // what costs points, to act on
        for (const category of Object.values(lhr.categories))
          for (const ref of category.auditRefs) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
              const key = `${category.id}: ${ref.id}`;
              failing.set(key, [...(failing.get(key) ?? []), ...(audit.displayValue ? [audit.displayValue] : [])]);
            }
          }
      }
      out[form] = {
        ...(Object.fromEntries(LH_FIGURES.map((f) => [f, median(all.map((r) => r[f]))])) as Record<LhFigure, number>),
        failing: [...failing].map(([key, values]) => (values.length ? `${key} (${values.join(", ")})` : key)),
      };
    }
    return out;
  } finally {
    chrome.kill();
  }
}
