// Finds the Chromium to drive: Debian's /usr/bin/chromium (or $CHROMIUM_PATH)
// when present, else Playwright's own download. Shared by the Playwright config,
// the PDF printer, the benchmark and the screenshot script; so is the wait for
// the story's runtime.

import type { Page } from "@playwright/test";
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  try {
    const found = execSync("command -v chromium", { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

export function launchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumPath();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: [] };
}

/**
 * Resolves once the story's runtime runs (`data-live` on the stage; it is fetched after
 * the first paint), at once on a page without a stage or without JavaScript.
 */
export async function waitForRuntime(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector("[data-stage]") ||
      !document.documentElement.classList.contains("js") ||
      document.querySelector("[data-stage][data-live]") !== null,
  );
}
