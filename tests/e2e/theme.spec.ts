// The colour schemes (docs/CONTRACT.md, `[data-theme-toggle]`): the page follows
// the system's scheme, the toggle overrides it, the choice is remembered and
// applied before the first frame is painted, print is always light, and every
// word in every figure is legible in both schemes. (Text outside the figures is
// checked by axe in both schemes: a11y.spec.ts.)
import type { Page } from "@playwright/test";
import { test, expect, at, open } from "./helpers.ts";
import { loadStoryConfig } from "../../src/story/storyConfig.ts";

test.use({ reducedMotion: "reduce" });

const LIGHT_BG = "rgb(251, 250, 247)";
const DARK_BG = "rgb(22, 21, 19)";
const LIGHT_INK = "rgb(27, 26, 24)";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const toggle = (page: Page) => page.locator("button[data-theme-toggle]");

/** Records the page's background colour in the first animation frame, i.e. before the first paint. */
async function recordFirstFrame(page: Page): Promise<void> {
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as { __firstFrame: string }).__firstFrame = getComputedStyle(document.documentElement).backgroundColor;
    });
  });
}
/** The background of the page's first frame, once that frame has been drawn (the page may have loaded before it). */
const firstFrame = async (page: Page) => {
  await page.waitForFunction(() => (window as unknown as { __firstFrame?: string }).__firstFrame !== undefined, undefined, {
    timeout: 5_000,
  });
  return page.evaluate(() => (window as unknown as { __firstFrame?: string }).__firstFrame ?? null);
};

// Desktop and phone portrait cover the two top bars.
test("the page follows the system's scheme; the toggle overrides it, is remembered and applies before first paint @no-landscape", async ({
  page,
}, testInfo) => {
  await recordFirstFrame(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, "/en/");
  expect(await firstFrame(page)).toBe(DARK_BG);
  await expect(toggle(page)).toBeVisible();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");

  // the system changes while the page is open: followed, the toggle says so
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");

  // the reader chooses dark on a light system: remembered across a reload, before first paint
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.reload();
  expect(await firstFrame(page), "the stored choice is applied before the first frame").toBe(DARK_BG);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  // and on the other pages of the site
  await open(page, "/");
  expect(await firstFrame(page)).toBe(DARK_BG);

  // back to light on a dark system
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, "/de/");
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  expect(await firstFrame(page)).toBe(LIGHT_BG);
  // stored under the story's own key (content/story.json "storageKey"), so two stories on one site keep their own
  const key = `${loadStoryConfig("content").storageKey}:theme`;
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe("light");

  // the head script that applies it is a blocking classic script before the stylesheets
  const order = await page.evaluate(() =>
    Array.from(document.head.querySelectorAll('script, link[rel="stylesheet"]')).map((e) =>
      e.tagName === "SCRIPT"
        ? `script${(e as HTMLScriptElement).type ? `:${(e as HTMLScriptElement).type}` : ""}${(e as HTMLScriptElement).defer || (e as HTMLScriptElement).async ? ":deferred" : ""}`
        : "stylesheet",
    ),
  );
  expect(order[0]).toBe("script");
  expect(order.indexOf("stylesheet")).toBeGreaterThan(0);
});

test("without JavaScript the page follows the system's scheme @desktop-only", async ({ browser }) => {
  for (const [colorScheme, bg] of [
    ["dark", DARK_BG],
    ["light", LIGHT_BG],
  ] as const) {
    // (a figure file opened by itself is under the site's CSP header, which forbids the <style> it carries;
    // shown by an <img>, as the page shows it, its style applies: so the CSP is set aside here)
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme, bypassCSP: true });
    try {
      const page = await context.newPage();
      const figure = await context.newPage();
      await page.goto(at("/en/"));
      expect(await background(page), colorScheme).toBe(bg);
    } finally {
      await context.close();
    }
  }
});

test("print is always light, whatever the system or the toggle says @desktop-only", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, "/en/");
  await toggle(page).click();
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const look = await page.evaluate(async () => ({
    bg: getComputedStyle(document.documentElement).backgroundColor,
    ink: getComputedStyle(document.body).color,
    // The printed figures are files of their own (src/render/figureFile.ts), drawn as images: an image
    // follows the system's scheme, not the page's print CSS, so a file for paper has no dark colours at all.
    darkFiles: (
      await Promise.all(
        Array.from(document.querySelectorAll<HTMLImageElement>(".print-figure img, .cover-figure img"), async (img) =>
          /prefers-color-scheme/.test(await (await fetch(img.src)).text()) ? img.getAttribute("src") : null,
        ),
      )
    ).filter(Boolean),
    printed: document.querySelectorAll(".print-figure img, .cover-figure img").length,
  }));
  expect(look.printed).toBeGreaterThan(1);
  expect(look).toEqual({ bg: "rgb(255, 255, 255)", ink: LIGHT_INK, darkFiles: [], printed: look.printed });
});

/**
 * Every visible `<text>` of the figures in `root` whose contrast with what is behind
 * it is too low: 4.5:1, or 3:1 for large text (24 px, or 18.7 px bold, as rendered).
 * Behind a word is its halo when it has one (a stroke painted first), else the last
 * filled rectangle or circle drawn before it under its centre, else the page.
 */
async function illegibleWords(page: Page, selector: string): Promise<{ checked: number; problems: string[] }> {
  return page.evaluate((sel) => {
    const rgba = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = "1"] = m[1]!.split(/[\s,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] =>
      [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])) as [number, number, number];
    const lum = ([r, g, b]: [number, number, number]) =>
      [r, g, b]
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (a: [number, number, number], b: [number, number, number]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const alpha = (el: Element, stop: Element) => {
      let a = 1;
      for (let e: Element | null = el; e && e !== stop.parentElement; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
      return a;
    };
    const pageBg = (el: Element): [number, number, number] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.99) return [c[0], c[1], c[2]];
      }
      return [255, 255, 255];
    };
    const problems: string[] = [];
    let checked = 0;
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>(sel))) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const scale = box.width / svg.viewBox.baseVal.width;
      const shapes = Array.from(svg.querySelectorAll<SVGGraphicsElement>("rect, circle"));
      const behindBg = pageBg(svg);
      for (const text of Array.from(svg.querySelectorAll<SVGTextElement>("text"))) {
        const words = (text.textContent ?? "").trim();
        const cs = getComputedStyle(text);
        const a = alpha(text, svg) * Number(cs.fillOpacity);
        if (!words || cs.visibility !== "visible" || cs.display === "none" || a < 0.05) continue;
        const r = text.getBoundingClientRect();
        const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
        let behind = behindBg;
        const halo = cs.paintOrder.startsWith("stroke") && cs.stroke !== "none" && parseFloat(cs.strokeWidth) >= 2;
        if (halo) behind = over(rgba(cs.stroke), behindBg);
        else {
          for (const s of shapes) {
            if (!(s.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) || s.contains(text)) continue;
            const sc = getComputedStyle(s);
            const fill = rgba(sc.fill);
            const b = s.getBoundingClientRect();
            if (fill[3] === 0 || cx < b.left || cx > b.right || cy < b.top || cy > b.bottom) continue;
            behind = over([fill[0], fill[1], fill[2], fill[3] * alpha(s, svg) * Number(sc.fillOpacity)], behind);
          }
        }
        const fg = over([...rgba(cs.fill).slice(0, 3), rgba(cs.fill)[3] * a] as [number, number, number, number], behind);
        const px = parseFloat(cs.fontSize) * scale;
        const large = px >= 24 || (px >= 18.66 && Number(cs.fontWeight) >= 700);
        const need = large ? 3 : 4.5;
        const got = ratio(fg, behind);
        checked++;
        if (got < need)
          problems.push(
            `${text.closest("[data-figure]")?.getAttribute("data-figure") ?? "stage"} "${words.slice(0, 30)}": ${got.toFixed(2)} < ${need} (${cs.fill} on rgb(${behind.map(Math.round).join(", ")}))`,
          );
      }
    }
    return { checked, problems };
  }, selector);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`${colorScheme}: every word of every figure is legible @desktop-only`, async ({ browser }) => {
    // (a figure file opened by itself is under the site's CSP header, which forbids the <style> it carries;
    // shown by an <img>, as the page shows it, its style applies: so the CSP is set aside here)
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme, bypassCSP: true });
    try {
      const page = await context.newPage();
      const figure = await context.newPage();
      const problems: string[] = [];
      for (const lang of ["de", "en"]) {
        await page.goto(at(`/${lang}/`));
        // The steps' figures are files of their own (src/render/figureFile.ts), shown by images: each is
        // checked in the file itself, under the same system scheme, over the page's background.
        const { bg, files } = await page.evaluate(() => ({
          bg: getComputedStyle(document.documentElement).backgroundColor,
          files: Array.from(document.querySelectorAll<HTMLImageElement>(".step-figure img"), (img) => img.src),
        }));
        expect(files.length).toBeGreaterThan(10);
        // Every file in one language per scheme (light: the first, dark: the second); in the other, each
        // chapter's first figure and every third: a word's colour comes from its class and the scheme,
        // not from its language, so the sample reads every chapter's classes at a third of the time.
        const every = lang === (colorScheme === "light" ? "de" : "en");
        const chapter = (f: string) => f.replace(/^.*\//, "").split("--")[0];
        let count = 0;
        let checked = 0;
        for (const file of files.filter((f, i) => every || i % 3 === 0 || chapter(f) !== chapter(files[i - 1] ?? ""))) {
          await figure.goto(file);
          count += await figure.locator("svg text").count();
          await figure.evaluate((bg) => (document.documentElement as unknown as SVGElement).style.setProperty("background-color", bg), bg);
          const found = await illegibleWords(figure, "svg");
          checked += found.checked;
          problems.push(...found.problems.map((p) => `${lang} ${file.replace(/^.*\//, "")} ${p}`));
        }
        expect(count, "the figures have words").toBeGreaterThan(50);
        expect(checked, "words checked").toBe(count);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

// Phone-landscape (its own `land` layout) shares the phone's colours; the phone covers them.
test("dark: the stage's words are legible @no-landscape", async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, "/en/");
  await expect(page.locator("[data-stage]")).toHaveAttribute("data-settled", "true");
  const found = await illegibleWords(page, "[data-stage] svg");
  expect(found.checked, "words checked").toBeGreaterThan(3);
  expect(found.problems).toEqual([]);
  // the check can fail: labels drawn in the background colour are reported
  await page.evaluate(() => {
    // a constructed sheet: the page's CSP refuses inline <style>, not the CSSOM
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("[data-stage] text { fill: var(--bg) !important; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  expect((await illegibleWords(page, "[data-stage] svg")).problems.length).toBe(found.checked);
});
