// Browser tests of the page contract (../shared/CONTRACT.md) against the built
// site in dist/ (or E2E_ROOT), served by scripts/serve.ts at E2E_BASE. Debian's Chromium when present,
// Playwright's own elsewhere. Desktop, phone portrait and phone landscape.
import { defineConfig, devices } from "@playwright/test";
import { launchOptions } from "./scripts/browser.ts";

const pathOf = (base: string) => `/${base.split("/").filter(Boolean).join("/")}/`.replace("//", "/");
const PORT = Number(process.env.E2E_PORT ?? 4322);
/** The built site under test: dist/, or another build (the generated sample story, say). */
const ROOT = process.env.E2E_ROOT ?? "dist";
/** The path the site is served under, as it was built for (BASE_PATH): "/" or "/sub/path/" (tests/e2e/helpers.ts `at`). */
const BASE = pathOf(process.env.E2E_BASE ?? "/");

const phoneUse = {
  browserName: "chromium" as const,
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: devices["Pixel 7"].userAgent,
};
const desktopUse = { browserName: "chromium" as const, viewport: { width: 1440, height: 900 } };
const server = (port: number, root: string, base: string) => ({
  command: `node scripts/serve.ts --port ${port} --root ${root} --base ${base}`,
  url: `http://127.0.0.1:${port}${base}`,
  reuseExistingServer: false,
  timeout: 30_000,
});

// Two more builds, checked in the same run when scripts/test-all.sh names them (their
// tests share the two workers with the story's, so no run waits for another's last test).
// Each runs, on desktop, the tests tagged for it (a tag at the end of the title, or in
// test(title, { tag }, …)), so a renamed test keeps its place. The story built for a sub-path (E2E_SUBPATH_ROOT, served
// at E2E_SUBPATH_BASE), @subpath: pages, links, stage data, icons, metadata, 404 and
// sharing, in both languages; tests whose outcome cannot depend on the path are not
// tagged. The generated sample story (E2E_SAMPLE_ROOT), a story of another shape (a scene
// over two chapters, other neighbours), @sample: the markup, every boundary's hand-over
// (crossed frame by frame), metadata, share image and sitemap.
const extra: { name: string; root: string; base: string; port: number; tag: RegExp }[] = [];
if (process.env.E2E_SUBPATH_ROOT)
  extra.push({
    name: "desktop-subpath",
    root: process.env.E2E_SUBPATH_ROOT,
    base: pathOf(process.env.E2E_SUBPATH_BASE ?? "/altman-chips/"),
    port: Number(process.env.E2E_SUBPATH_PORT ?? PORT + 1),
    tag: /@subpath\b/,
  });
if (process.env.E2E_SAMPLE_ROOT)
  extra.push({
    name: "desktop-sample",
    root: process.env.E2E_SAMPLE_ROOT,
    base: "/",
    port: Number(process.env.E2E_SAMPLE_PORT ?? PORT + 2),
    tag: /@sample\b/,
  });

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
  webServer: [server(PORT, ROOT, BASE), ...extra.map((e) => server(e.port, e.root, e.base))],
  projects: [
    // metadata.base: the path the site is served under (tests/e2e/helpers.ts `at`)
    // @short-screen: tests of a phone on its side only (the phone-landscape project).
    // @upright-phone: tests of the upright phone's stage only (the phone project).
    // @subpath-only: what the sub-path build checks as a superset of the root build (every request
    // stays on the origin), run there only when that build is in the run (scripts/test-all.sh).
    {
      name: "desktop",
      grepInvert: process.env.E2E_SUBPATH_ROOT ? /@short-screen|@subpath-only|@upright-phone/ : /@short-screen|@upright-phone/,
      metadata: { base: BASE },
      use: desktopUse,
    },
    {
      name: "phone",
      // Per-language repeats run on desktop only (tests/e2e/sample.ts), and so do the
      // specs whose subject does not depend on the viewport: the served markup, the
      // keyboard, the network, the print edition and the fonts, focus and zoom,
      // publishing metadata.
      grepInvert: /@desktop-only|@short-screen/,
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
      metadata: { base: BASE },
      use: { ...phoneUse, viewport: { width: 390, height: 844 } },
    },
    {
      name: "phone-landscape",
      // The landscape phone keeps the stage pinned beside the prose, in its own layout (`land`):
      // what differs is the layout, so it runs the walk, the readability of every card and the
      // size of the stage's words; everything else the phone project covers. Resizing and rotation
      // (resize.spec.ts) run on the phone project: the same device (touch, pixel ratio, user agent),
      // taken through the same sizes, the sideways ones among them (844 × 390, 740 × 360), so a run
      // that starts on its side would repeat it.
      testMatch: ["**/scroll.spec.ts", "**/phone.spec.ts", "**/labelsize.spec.ts"],
      grepInvert: /@desktop-only|@no-landscape|@upright-phone/,
      metadata: { base: BASE },
      use: { ...phoneUse, viewport: { width: 844, height: 390 } },
    },
    ...extra.map((e) => ({
      name: e.name,
      grep: e.tag,
      metadata: { base: e.base },
      use: { ...desktopUse, baseURL: `http://127.0.0.1:${e.port}` },
    })),
  ],
});
