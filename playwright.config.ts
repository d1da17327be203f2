// Browser tests of the page contract (../shared/CONTRACT.md) against the built
// site in dist/ (or E2E_ROOT), served by scripts/serve.ts at E2E_BASE. Debian's Chromium when present,
// Playwright's own elsewhere. Desktop, phone portrait and phone landscape.
import { defineConfig, devices } from "@playwright/test";
import { launchOptions } from "./scripts/browser.ts";

const PORT = Number(process.env.E2E_PORT ?? 4322);
/** The built site under test: dist/, or another build (the generated sample story, say). */
const ROOT = process.env.E2E_ROOT ?? "dist";
/** The path the site is served under, as it was built for (BASE_PATH): "/" or "/sub/path/" (tests/e2e/helpers.ts `at`). */
const BASE = `/${(process.env.E2E_BASE ?? "/").split("/").filter(Boolean).join("/")}/`.replace("//", "/");

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: launchOptions(),
    trace: "off",
  },
  webServer: {
    command: `node scripts/serve.ts --port ${PORT} --root ${ROOT} --base ${BASE}`,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  projects: [
    { name: "desktop", use: { browserName: "chromium", viewport: { width: 1440, height: 900 } } },
    {
      name: "phone",
      // Per-language repeats run on desktop only (tests/e2e/sample.ts), and so do the
      // specs whose subject does not depend on the viewport: the served markup, the
      // keyboard, the network, the print edition and the fonts, focus and zoom,
      // publishing metadata.
      grepInvert: /@desktop-only/,
      testIgnore: [
        "**/markup.spec.ts",
        "**/keyboard.spec.ts",
        "**/network.spec.ts",
        "**/pdf.spec.ts",
        "**/fonts.spec.ts",
        "**/focus.spec.ts",
        "**/zoom.spec.ts",
        "**/publish.spec.ts",
      ],
      use: {
        browserName: "chromium",
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices["Pixel 7"].userAgent,
      },
    },
    {
      name: "phone-landscape",
      // The landscape phone has the phone's square stage beside the prose: what differs
      // is the layout, so it runs the walk, the readability of every card, and resizing
      // and rotation; everything else the phone project covers.
      testMatch: ["**/scroll.spec.ts", "**/phone.spec.ts", "**/resize.spec.ts"],
      grepInvert: /@desktop-only|@no-landscape/,
      use: {
        browserName: "chromium",
        viewport: { width: 844, height: 390 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices["Pixel 7"].userAgent,
      },
    },
  ],
});
