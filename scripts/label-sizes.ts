// How large the stage's labels come out on screen, and how much of the screen the
// drawing takes: every step of every language at desktop (1440 × 900, 1920 × 1080)
// and phone (390 × 844, dpr 2) size. Per viewport it prints the smallest and median
// on-screen size of the visible stage labels (CSS px: font-size times the SVG's scale
// on screen) and the drawing's drawn width and height against the viewport's, then
// the states whose smallest label is under the floor (14 px desktop, 13 px phone).
// By hand, not a test (tests/e2e/labels.spec.ts holds the floors on a sample of states).
// Usage: node scripts/label-sizes.ts [dist] (LABELS_PORT: another port; LABELS_LANG: one
// language; LABELS_SHOTS=dir: also a screenshot of each step; LABELS_ONLY=slug,slug: those chapters).

import { chromium, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { serve } from "./serve.ts";
import { launchOptions, waitForRuntime } from "./browser.ts";
import { langsOf } from "../src/story/config.ts";
import { loadStoryConfig } from "../src/story/storyConfig.ts";

/** The smallest label on the stage, CSS px: 14 on a desktop (the graphics editor's floor, issue 18; 13 until review 33 item 5), 13 on a phone (11 until review 38, 12 until graphics review 44, item 8). */
export const LABEL_FLOOR = { desktop: 14, phone: 13 } as const;

export const VIEWPORTS = {
  "1440x900": { viewport: { width: 1440, height: 900 }, phone: false },
  "1920x1080": { viewport: { width: 1920, height: 1080 }, phone: false },
  "390x844": { viewport: { width: 390, height: 844 }, phone: true },
} as const;

export interface StageMeasure {
  /** On-screen size (CSS px) of every visible text of the stage's drawing. */
  sizes: { key: string; text: string; px: number }[];
  /** The drawing as drawn (its viewBox times its scale), CSS px. */
  drawn: { width: number; height: number };
}

/** Reads the settled stage: its visible labels' on-screen sizes and the drawing's drawn size. Runs in the page. */
export async function measureStage(page: Page): Promise<StageMeasure> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>("[data-stage] > svg");
    if (!svg) return { sizes: [], drawn: { width: 0, height: 0 } };
    const vb = svg.viewBox.baseVal;
    const scale = svg.getScreenCTM()?.a ?? 1;
    const visible = (el: Element) => {
      for (let e: Element | null = el; e && e !== svg; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const sizes = Array.from(svg.querySelectorAll<SVGTextElement>("text"))
      .filter(visible)
      .map((t) => {
        const ctm = t.getScreenCTM();
        // The text's own scale on screen (a scaled group scales its labels too).
        const k = ctm ? Math.hypot(ctm.a, ctm.b) : scale;
        return {
          key: (t.closest("[data-key]") as HTMLElement | null)?.dataset.key ?? "",
          text: t.textContent ?? "",
          px: parseFloat(getComputedStyle(t).fontSize) * k,
        };
      });
    return { sizes, drawn: { width: vb.width * scale, height: vb.height * scale } };
  });
}

/** Scrolls so that the step's top is just above the trigger line (tests/e2e/helpers.ts jumpToStep) and waits until the stage has settled on it. */
export async function settleOn(page: Page, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    const stage = document.querySelector<HTMLElement>("[data-stage]");
    const box = stage?.parentElement?.getBoundingClientRect();
    const phone = !!box && box.width >= window.innerWidth * 0.9 && box.height > 0 && box.height < window.innerHeight * 0.9;
    const line = phone ? box!.height : window.innerHeight / 2;
    const el = document.getElementById(stepId)!;
    window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - line + 10, behavior: "instant" });
  }, id);
  await page.waitForFunction(
    (stepId) => {
      const s = document.querySelector<HTMLElement>("[data-stage]");
      const step = document.getElementById(stepId);
      const [, state] = (step?.dataset.step ?? "").split("/");
      const scene = step?.closest<HTMLElement>("section[data-chapter]")?.dataset.scene;
      return s?.dataset.state === state && s?.dataset.scene === scene && s?.dataset.settled === "true" && !s.hasAttribute("data-fallback");
    },
    id,
    { timeout: 10_000 },
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.env.LABELS_PORT ?? 4612);
  const shots = process.env.LABELS_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const onlyChapters = process.env.LABELS_ONLY?.split(",");
  const langs = process.env.LABELS_LANG ? [process.env.LABELS_LANG] : langsOf(loadStoryConfig("content"));
  const server = await serve(root, port);
  const browser = await chromium.launch(launchOptions());
  try {
    for (const [name, { viewport, phone }] of Object.entries(VIEWPORTS)) {
      const floor = phone ? LABEL_FLOOR.phone : LABEL_FLOOR.desktop;
      const all: number[] = [];
      const perStep: { id: string; min: number; smallest: string }[] = [];
      let drawn = { width: 0, height: 0 };
      for (const lang of langs) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: phone ? 2 : 1, isMobile: phone, hasTouch: phone });
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/${lang}/`);
        await page.evaluate(() => document.fonts.ready);
        await waitForRuntime(page);
        const ids = await page.$$eval(".step[data-step]", (els) => els.map((e) => e.id));
        for (const id of ids.filter((i) => !onlyChapters || onlyChapters.includes(i.split("--")[0]!))) {
          await settleOn(page, id);
          const m = await measureStage(page);
          drawn = m.drawn;
          const px = m.sizes.map((s) => s.px);
          all.push(...px);
          const least = m.sizes.reduce((a, b) => (b.px < a.px ? b : a), m.sizes[0] ?? { key: "", text: "", px: NaN });
          perStep.push({ id: `${lang}/${id}`, min: least.px, smallest: `${least.key} “${least.text}”` });
          if (shots) await page.screenshot({ path: `${shots}/${name}-${lang}-${id}.png` });
        }
        await context.close();
      }
      const pct = (v: number, of: number) => `${Math.round((v / of) * 100)} %`;
      console.log(
        `${name}: labels min ${Math.min(...all).toFixed(1)} px, median ${median(all).toFixed(1)} px (${all.length} labels, ${perStep.length} steps); ` +
          `drawing ${drawn.width.toFixed(0)} × ${drawn.height.toFixed(0)} px = ${pct(drawn.width, viewport.width)} of the width, ${pct(drawn.height, viewport.height)} of the height`,
      );
      const under = perStep.filter((s) => s.min < floor - 0.05).sort((a, b) => a.min - b.min);
      for (const s of under) console.log(`   under ${floor} px: ${s.id} ${s.min.toFixed(1)} px (${s.smallest})`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}
