// What hosts, browsers, crawlers and share previews look for (docs/CONTRACT.md,
// "Publishing"): per-language metadata whose addresses agree with each other
// (canonical, hreflang alternates and x-default, Open Graph and Twitter cards),
// the share image, the sitemap and robots.txt, the icons and the manifest, the
// 404 page in both languages, and the Content-Security-Policy, which is enforced
// and never violated, as a meta tag and as the header of the build's _headers file
// (which scripts/serve.ts applies as a host would). Addresses are read from the pages, never pinned: the same
// spec runs against a build served under a base path (E2E_BASE).
import type { APIResponse, Browser, Page } from "@playwright/test";
import { test, expect, LANGS, at, open, jumpToStep, expectSettledOn, storySteps, builtLanguages, siteLanguages } from "./helpers.ts";
import { loadStoryConfig } from "../../src/story/storyConfig.ts";
import { landmarks } from "./sample.ts";

test.use({ reducedMotion: "reduce" });

interface Head {
  canonical: string | null;
  alternates: Record<string, string>;
  meta: Record<string, string>;
  icons: string[];
  manifest: string | null;
  csp: string | null;
}

async function readHead(page: Page): Promise<Head> {
  return page.evaluate(() => {
    const attr = (sel: string, name: string) => document.querySelector(sel)?.getAttribute(name) ?? null;
    const meta: Record<string, string> = {};
    for (const m of Array.from(document.querySelectorAll<HTMLMetaElement>("meta[property], meta[name]"))) {
      const key = m.getAttribute("property") ?? m.getAttribute("name")!;
      meta[key] = meta[key] ? `${meta[key]} | ${m.content}` : m.content;
    }
    return {
      canonical: attr('link[rel="canonical"]', "href"),
      alternates: Object.fromEntries(
        Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')).map((l) => [l.hreflang, l.href]),
      ),
      meta,
      icons: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"]')).map((l) => l.href),
      manifest: document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? null,
      csp: attr('meta[http-equiv="Content-Security-Policy"]', "content"),
    };
  });
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(1, 4).toString("latin1"), "a PNG signature").toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function ok(res: APIResponse, what: string, type: RegExp): Promise<Buffer> {
  expect(res.status(), what).toBe(200);
  expect(res.headers()["content-type"], `${what}: content type`).toMatch(type);
  return res.body();
}

async function withoutJs<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("metadata, share images, sitemap, robots.txt, icons and manifest agree on the site's addresses @desktop-only @subpath @sample", async ({
  browser,
  request,
}) => {
  await withoutJs(browser, async (page) => {
    await page.goto(at("/"));
    const root = await readHead(page);
    // the chooser is the x-default, and every address hangs off its canonical one
    expect(root.canonical, "the chooser's canonical address").toMatch(/^https?:\/\/[^/]+\/(.+\/)?$/);
    const site = root.canonical!;
    // every language the build was made with (content/story.json; the sample story adds one)
    const built = builtLanguages();
    const langs = built.map((l) => l.code);
    expect(await siteLanguages(request)).toEqual(langs);
    const want: Record<string, string> = { "x-default": site };
    for (const lang of langs) want[lang] = new URL(`${lang}/`, site).href;
    expect(root.alternates).toEqual(want);

    const heads: Record<string, Head> = {};
    for (const { code: lang, locale } of built) {
      await page.goto(at(`/${lang}/`));
      const head = (heads[lang] = await readHead(page));
      const title = await page.title();
      const description = await page.locator('meta[name="description"]').getAttribute("content");
      expect(head.canonical, `${lang}: canonical`).toBe(want[lang]);
      expect(head.alternates, `${lang}: hreflang alternates and x-default`).toEqual(want);
      const image = new URL(`${lang}/share.png`, site).href;
      expect(head.meta, `${lang}: Open Graph and Twitter tags`).toMatchObject({
        "og:type": "article",
        "og:url": want[lang],
        "og:title": title,
        "og:description": description,
        "og:locale": locale.replace("-", "_"),
        "og:image": image,
        "og:image:width": "1200",
        "og:image:height": "630",
        "twitter:card": "summary_large_image",
        "twitter:title": title,
        "twitter:image": image,
      });
      // the share image shows the story's first picture (whatever content/ makes it), and its alternative says so
      const firstFigure = (await page.locator(".step-figure img").first().getAttribute("alt"))?.trim();
      expect(firstFigure?.length ?? 0).toBeGreaterThan(20);
      expect(head.meta["og:image:alt"], `${lang}: the share image's text alternative`).toBe(`${title}: ${firstFigure}`);
      // the share image is served from the site under the same path, 1200 × 630
      const png = await ok(await request.get(at(`/${lang}/share.png`)), `${lang}: share image`, /^image\/png/);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(png.length, `${lang}: the share image has content`).toBeGreaterThan(20_000);
    }
    expect(heads[langs[0]!]!.meta["og:title"]).not.toBe(heads[langs[1]!]!.meta["og:title"]);

    // icons: PNG only (Chromium decodes the page icon again at every address change,
    // and an SVG icon costs a whole SVG document each time), on this site, under the base path
    for (const head of [root, ...Object.values(heads)]) {
      expect(head.icons.length).toBeGreaterThan(0);
      expect(
        head.icons.every((u) => u.endsWith(".png")),
        head.icons.join(" "),
      ).toBe(true);
      for (const u of head.icons) {
        expect(new URL(u).pathname.startsWith(at("/")), `${u} is under the base path`).toBe(true);
        await ok(await request.get(u), u, /^image\//);
      }
    }
    // the manifest: its start, scope and icons resolve (relative to it) to the site under the base path
    const manifestUrl = root.manifest!;
    const manifest = JSON.parse((await ok(await request.get(manifestUrl), "manifest", /manifest\+json/)).toString()) as {
      name: string;
      start_url: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name.length).toBeGreaterThan(5);
    expect(new URL(manifest.start_url, manifestUrl).pathname).toBe(at("/"));
    expect(new URL(manifest.scope, manifestUrl).pathname).toBe(at("/"));
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const body = await ok(
        await request.get(new URL(icon.src, manifestUrl).href),
        icon.src,
        new RegExp(`^${icon.type.replace("+", "\\+")}`),
      );
      if (icon.type === "image/png") expect(`${pngSize(body).width}x${pngSize(body).height}`).toBe(icon.sizes);
    }

    // the sitemap lists the chooser and every story with the same alternates, and the PDFs (named in content/story.json)
    const sitemap = (await ok(await request.get(at("/sitemap.xml")), "sitemap", /xml/)).toString();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pdf = loadStoryConfig("content").pdf;
    expect(locs).toEqual([site, ...langs.map((l) => want[l]), ...langs.map((l) => new URL(`${l}/${pdf}`, site).href)]);
    for (const [lang, href] of Object.entries(want))
      expect(sitemap, `the sitemap's ${lang} alternate`).toContain(`hreflang="${lang}" href="${href}"`);
    const robots = (await ok(await request.get(at("/robots.txt")), "robots.txt", /^text\/plain/)).toString();
    expect(robots).toContain(`Sitemap: ${site}sitemap.xml`);
  });
});

test("a missing address answers 404 with a page in both languages that links both stories @desktop-only @subpath", async ({ browser }) => {
  await withoutJs(browser, async (page) => {
    // deep, so that links relative to the page would break
    const res = await page.goto(at("/no/such/page/"));
    expect(res?.status()).toBe(404);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    for (const lang of LANGS) {
      const part = page.locator(`main section[lang="${lang}"]`);
      await expect(part.locator("h1")).toBeVisible();
      await expect(part.locator(`a[href="${at(`/${lang}/`)}"]`)).toBeVisible();
    }
    // the stylesheet and fonts load at that depth (the page is styled, not bare)
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("h1")!).fontFamily)).toContain("Source Sans 3");
    await page.locator(`a[href="${at("/en/")}"]`).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("section[data-chapter]").first()).toBeVisible();
  });
});

test("the Content-Security-Policy allows nothing inline and nothing foreign, and reading, sharing and switching schemes never violate it @desktop-only @subpath", async ({
  page,
  request,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const path of ["/", "/404.html", "/en/", "/de/"]) {
    const html = (await ok(await request.get(at(path)), path, /^text\/html/)).toString();
    expect(html, `${path}: no inline script`).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html, `${path}: no style attribute`).not.toMatch(/<[^>]+\sstyle=/);
    expect(html, `${path}: no style element`).not.toMatch(/<style[\s>]/);
  }
  await open(page, "/de/");
  const csp = (await readHead(page)).csp ?? "";
  const directives = Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(" ")]),
  );
  expect(directives).toMatchObject({ "default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "object-src": "'none'" });
  expect(csp).not.toContain("unsafe");
  expect(csp, "frame-ancestors only works as a header").not.toContain("frame-ancestors");
  const places = landmarks(await storySteps(page, "de"));
  for (const step of [places.middleOfFirstChapter, places.firstOfLastChapter, places.last]) {
    await jumpToStep(page, step.id);
    await expectSettledOn(page, step);
  }
  await page.locator("[data-theme-toggle]").click();
  await page.locator(`#${places.last.id} [data-share]`).click();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test("the policy is enforced: an inline script and a foreign request are refused @desktop-only", async ({ browser }) => {
  // A context of its own: the refusals log console errors, which every other test treats as failures.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(at("/en/"));
    const outcome = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
      const s = document.createElement("script");
      s.textContent = "window.__ran = true";
      document.head.append(s);
      const foreign = await fetch("https://example.org/x.json").then(
        () => "fetched",
        () => "refused",
      );
      await new Promise((r) => setTimeout(r, 100));
      return { ran: (window as unknown as { __ran?: boolean }).__ran ?? false, foreign, seen };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.foreign).toBe("refused");
    expect(outcome.seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), "connect-src"]));

    // the headers file as a host applies it (scripts/serve.ts honours it): the policy with
    // frame-ancestors, so no other page may frame the story
    const res = await page.request.get(at("/en/"));
    expect(res.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const framer = await context.newPage();
    await framer.setContent(`<iframe src="${new URL(at("/en/"), page.url()).href}"></iframe>`);
    const frame = framer.frames()[1]!;
    await framer.waitForTimeout(500);
    expect(await frame.evaluate(() => document.querySelector("[data-story]") !== null).catch(() => false), "the story inside a frame").toBe(
      false,
    );
  } finally {
    await context.close();
  }
});
