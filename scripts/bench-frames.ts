// Frame timing for the bench: scrolls through a whole story page with one
// continuous gesture (mouse wheel on desktop, touch on a phone) while the CPU
// runs 4× slower (Chrome DevTools protocol, Emulation.setCPUThrottlingRate),
// and records the time between animation frames (requestAnimationFrame). A frame
// that takes longer than one display refresh (16.7 ms at 60 Hz) shows as a gap.

import type { Browser } from "@playwright/test";
import { waitForRuntime } from "./browser.ts";

export interface Device {
  name: string;
  viewport: { width: number; height: number };
  mobile: boolean;
}

export interface FrameTiming {
  frames: number;
  p95: number;
  max: number;
  /** frames over 50 ms */
  long: number;
  /** share of frames that missed a refresh (over 17.2 ms: 16.7 plus the timer's jitter), % */
  missed: number;
  seconds: number;
  /** where the long frames' script time went (Long Animation Frames API): the costliest invokers, ms in all */
  hotspots: string[];
}

/** Scrolls at a brisk reading pace, px per second. */
const SPEED = 1500;

export async function frameTiming(browser: Browser, url: string, device: Device, slowdown = 4): Promise<FrameTiming> {
  const context = await browser.newContext({
    viewport: device.viewport,
    isMobile: device.mobile,
    hasTouch: device.mobile,
    deviceScaleFactor: device.mobile ? 2 : 1,
  });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    await waitForRuntime(page);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    const distance = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __loaf: Record<string, number> };
      w.__frames = [];
      w.__loaf = {};
      type Script = { invoker: string; sourceFunctionName: string; sourceURL: string; duration: number };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { scripts: Script[]; renderStart: number; startTime: number; duration: number }[]) {
          for (const s of e.scripts) {
            const key = `${s.invoker} ${s.sourceFunctionName || "(anonymous)"} @ ${s.sourceURL.split("/").pop()}`;
            w.__loaf[key] = (w.__loaf[key] ?? 0) + s.duration;
          }
          // style, layout and paint of the frame
          const render = e.startTime + e.duration - e.renderStart;
          if (e.renderStart > 0) w.__loaf["(style, layout, paint)"] = (w.__loaf["(style, layout, paint)"] ?? 0) + render;
        }
      }).observe({ type: "long-animation-frame" });
      const tick = (t: number) => {
        w.__frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = performance.now();
    await cdp.send("Input.synthesizeScrollGesture", {
      x: Math.round(device.viewport.width * 0.3),
      y: Math.round(device.viewport.height * 0.6),
      yDistance: -distance,
      speed: SPEED,
      preventFling: true,
      gestureSourceType: device.mobile ? "default" : "mouse",
    });
    // the last transition ends
    await page.waitForTimeout(1_500);
    const seconds = (performance.now() - started) / 1000;
    const stamps = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
    const loaf = await page.evaluate(() => (window as unknown as { __loaf: Record<string, number> }).__loaf);
    const hotspots = Object.entries(loaf)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, ms]) => `${Math.round(ms)} ms ${k}`);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    const deltas = stamps.slice(1).map((t, i) => t - stamps[i]!);
    const sorted = [...deltas].sort((a, b) => a - b);
    const y = await page.evaluate(() => window.scrollY);
    if (y < distance * 0.9) throw new Error(`frame timing: the gesture scrolled ${Math.round(y)} of ${distance} px`);
    return {
      frames: deltas.length,
      p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      max: sorted.at(-1) ?? 0,
      long: deltas.filter((d) => d > 50).length,
      missed: (100 * deltas.filter((d) => d > 17.2).length) / Math.max(deltas.length, 1),
      seconds,
      hotspots,
    };
  } finally {
    await context.close();
  }
}

/**
 * `runs` walks (a single walk's p95 flips between 33 and 50 ms on a busy VM); the median of
 * each figure, and every walk's line for the record.
 */
export async function frameTimingMedian(
  browser: Browser,
  url: string,
  device: Device,
  runs: number,
): Promise<FrameTiming & { walks: string[] }> {
  const all: FrameTiming[] = [];
  for (let i = 0; i < runs; i++) all.push(await frameTiming(browser, url, device));
  const mid = <K extends "p95" | "max" | "long" | "missed" | "frames" | "seconds">(k: K) =>
    all.map((f) => f[k]).sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
  return {
    frames: mid("frames"),
    p95: mid("p95"),
    max: mid("max"),
    long: mid("long"),
    missed: mid("missed"),
    seconds: mid("seconds"),
    hotspots: all.at(-1)!.hotspots,
    walks: all.map(
      (f) =>
        `${f.frames} frames in ${f.seconds.toFixed(1)} s, p95 ${f.p95.toFixed(1)} ms, ${f.missed.toFixed(0)} % missed a refresh, ${f.long} over 50 ms`,
    ),
  };
}
