// src/story/site.ts: the site's address and base path from SITE_URL / BASE_PATH,
// links and absolute addresses built from them, the headers file for hosts, and
// the sitemap (src/story/sitemap.ts) that hangs off the same address.
import { describe, expect, it } from "vitest";
import {
  CSP_HEADER,
  CSP_META,
  DEFAULT_SITE_URL,
  headersFile,
  href,
  normalizeBase,
  placeholderWarning,
  releaseRefusal,
  siteFromEnv,
  siteUrl,
} from "../../../src/story/site.ts";
import { edition, ui } from "../../../src/story/page.ts";
import { OUTPUT } from "../../../src/story/config.ts";
import { sitemapXml } from "../../../src/story/sitemap.ts";
import type { Mark } from "../../../src/story/types.ts";
import { realStory } from "../patch.ts";
import type { StoryConfig } from "../../../src/story/config.ts";

const CONFIG = realStory().config;

describe("siteFromEnv", () => {
  it("defaults to the placeholder address, served at the root", () => {
    expect(siteFromEnv({})).toEqual({ url: DEFAULT_SITE_URL, base: "/", placeholder: true });
  });
  it("takes the base path from SITE_URL's path", () => {
    expect(siteFromEnv({ SITE_URL: "https://news.example/graphics/altman" })).toEqual({
      url: "https://news.example/graphics/altman/",
      base: "/graphics/altman/",
      placeholder: false,
    });
    expect(siteFromEnv({ SITE_URL: "https://news.example" })).toEqual({ url: "https://news.example/", base: "/", placeholder: false });
  });
  it("lets BASE_PATH override the base (a host serving under another path than the public one)", () => {
    expect(siteFromEnv({ SITE_URL: "https://cdn.example/", BASE_PATH: "altman-chips" })).toEqual({
      url: "https://cdn.example/",
      base: "/altman-chips/",
      placeholder: false,
    });
    expect(siteFromEnv({ BASE_PATH: "/a//b/" }).base).toBe("/a/b/");
  });
  it("drops a query or fragment and refuses what is not an http(s) address", () => {
    expect(siteFromEnv({ SITE_URL: "https://x.example/p/?q=1#h" }).url).toBe("https://x.example/p/");
    expect(() => siteFromEnv({ SITE_URL: "example.org/p/" })).toThrow(/not an absolute URL/);
    expect(() => siteFromEnv({ SITE_URL: "ftp://example.org/" })).toThrow(/http\(s\)/);
  });
  it("normalizes base paths", () => {
    expect(["", "/", "//", "a", "/a", "a/b/", "/a//b"].map(normalizeBase)).toEqual(["/", "/", "/", "/a/", "/a/", "/a/b/", "/a/b/"]);
  });
});

describe("a build without SITE_URL (a preview)", () => {
  const preview = siteFromEnv({});
  const published = siteFromEnv({ SITE_URL: "https://news.example/altman-chips/" });
  it("warns, naming the variable, the placeholder and how to set it; a published build does not", () => {
    const w = placeholderWarning(preview)!;
    expect(w).toContain("SITE_URL is not set");
    expect(w).toContain(DEFAULT_SITE_URL);
    expect(w).toMatch(/SITE_URL=https:\/\/\S+ npm run build/);
    expect(placeholderWarning(published)).toBeUndefined();
  });
  it("is refused for release, with the fix and the way to a local preview", () => {
    expect(releaseRefusal(preview)).toMatch(/SITE_URL is not set[\s\S]*Fix: SITE_URL=https:\/\/\S+ npm run build[\s\S]*npm run up/);
    expect(releaseRefusal(published)).toBeUndefined();
  });
  it("prints no address on the cover, and no line about one (the interactive version unnamed)", () => {
    for (const lang of ["de", "en"] as const) {
      expect(edition(lang, preview).map((row) => row.term)).toEqual([
        ui(lang, "editionReported"),
        ui(lang, "editionSource"),
        ui(lang, "editionThis"),
      ]);
      expect(edition(lang, preview).some((row) => row.href)).toBe(false);
      expect(JSON.stringify(edition(lang, preview))).not.toContain("example.org");
      const real = edition(lang, published).find((row) => row.term === ui(lang, "editionOnline"))!;
      expect(real).toEqual({
        term: ui(lang, "editionOnline"),
        value: siteUrl(OUTPUT.page(lang), published),
        href: siteUrl(OUTPUT.page(lang), published),
      });
    }
  });
});

describe("the cover's dates", () => {
  it("tell the reporting's year (the article's, inferred, as the facts give it) apart from this edition's date", () => {
    const year = realStory().facts.numbers["report-year"]!;
    for (const lang of ["de", "en"] as const) {
      const [reported, source, self] = edition(lang);
      expect(reported!.value).toContain(String(year.value));
      expect(source!.value).not.toContain(String(year.value));
      expect(self!.term).not.toBe(ui(lang, "editionDate"));
      expect(self!.value).toMatch(/\d{4}/);
      expect(self!.value).not.toBe(reported!.value);
    }
  });
});

describe("href and siteUrl", () => {
  const sub = siteFromEnv({ SITE_URL: "https://news.example/altman-chips/" });
  const root = siteFromEnv({ SITE_URL: "https://news.example/" });
  it("prefix links with the base path", () => {
    expect(href("de/", sub)).toBe("/altman-chips/de/");
    expect(href("/favicon.svg", sub)).toBe("/altman-chips/favicon.svg");
    expect(href("", sub)).toBe("/altman-chips/");
    expect(href("en/stage/{slug}.json", root)).toBe("/en/stage/{slug}.json");
  });
  it("give absolute public addresses", () => {
    expect(siteUrl("", sub)).toBe("https://news.example/altman-chips/");
    expect(siteUrl("en/altman-chips.pdf", sub)).toBe("https://news.example/altman-chips/en/altman-chips.pdf");
    expect(siteUrl("/de/", root)).toBe("https://news.example/de/");
  });
});

describe("the Content-Security-Policy", () => {
  it("allows only the site itself, nothing inline, and framing only in the header", () => {
    for (const csp of [CSP_META, CSP_HEADER]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toMatch(/unsafe|\*|https?:/);
    }
    expect(CSP_META).not.toContain("frame-ancestors");
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });

  it("is never violated by a drawing: no mark carries a style attribute or an event handler", () => {
    const offending: string[] = [];
    let seen = 0;
    const walk = (m: Mark, where: string) => {
      seen++;
      for (const name of Object.keys(m.attrs)) if (name === "style" || name.startsWith("on")) offending.push(`${where} ${m.key}: ${name}`);
      for (const c of m.children ?? []) walk(c, where);
    };
    for (const [lang, chapters] of Object.entries(realStory().compiled.chapters))
      for (const c of chapters)
        for (const s of c.steps)
          for (const [layout, marks] of Object.entries(s.marks)) for (const m of marks ?? []) walk(m, `${lang} ${s.key} ${layout}`);
    expect(seen).toBeGreaterThan(1000);
    expect(offending).toEqual([]);
  });
});

describe("headersFile", () => {
  const rules = (text: string) =>
    Object.fromEntries(
      text
        .split("\n\n")
        .filter((b) => !b.startsWith("#"))
        .map((b) => {
          const [path, ...lines] = b.trim().split("\n");
          return [
            path!,
            Object.fromEntries(
              lines.map((l) =>
                l
                  .trim()
                  .split(/: (.*)/)
                  .slice(0, 2),
              ),
            ),
          ];
        }),
    ) as Record<string, Record<string, string>>;
  const entries = ["_astro/", "de/", "en/", "index.html", "404.html", "favicon.svg", "_headers"];

  it("caches hashed assets for a year, everything else briefly, and never one path by two caching rules", () => {
    const r = rules(headersFile(entries, siteFromEnv({ SITE_URL: "https://x.example/sub/" })));
    expect(r["/sub/_astro/*"]).toEqual({ "Cache-Control": "public, max-age=31536000, immutable" });
    for (const p of ["/sub/", "/sub/de/*", "/sub/en/*", "/sub/index.html", "/sub/404.html", "/sub/favicon.svg"])
      expect(r[p]?.["Cache-Control"], p).toMatch(/max-age=300/);
    expect(Object.keys(r)).not.toContain("/sub/_headers");
    // the catch-all carries the security headers and no caching (hosts join overlapping values)
    expect(r["/sub/*"]).toMatchObject({
      "Content-Security-Policy": CSP_HEADER,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(r["/sub/*"]!["Permissions-Policy"]).toContain("camera=()");
    expect(r["/sub/*"]!["Cache-Control"]).toBeUndefined();
  });
  it("follows the base path", () => {
    expect(Object.keys(rules(headersFile(entries, siteFromEnv({}))))).toEqual(
      expect.arrayContaining(["/*", "/_astro/*", "/", "/de/*", "/en/*"]),
    );
  });
});

describe("sitemapXml", () => {
  it("lists the chooser, both stories with their alternates, and both PDFs, at the site's address", () => {
    const xml = sitemapXml(CONFIG, siteFromEnv({ SITE_URL: "https://news.example/altman-chips/" }));
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://news.example/altman-chips/",
      "https://news.example/altman-chips/de/",
      "https://news.example/altman-chips/en/",
      "https://news.example/altman-chips/de/altman-chips.pdf",
      "https://news.example/altman-chips/en/altman-chips.pdf",
    ]);
    const alternates = '<xhtml:link rel="alternate" hreflang="de" href="https://news.example/altman-chips/de/"/>';
    expect(xml.split(alternates).length - 1).toBe(3);
    expect(xml).toContain('hreflang="x-default" href="https://news.example/altman-chips/"');
  });

  it("follows content/story.json: every language it names, in its order, and its PDF name", () => {
    const third: StoryConfig = {
      ...CONFIG,
      pdf: "story.pdf",
      languages: [...CONFIG.languages, { code: "fr", locale: "fr-FR", dates: "fr-FR", paper: "A4" }],
    };
    const xml = sitemapXml(third, siteFromEnv({ SITE_URL: "https://news.example/s/" }));
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://news.example/s/",
      "https://news.example/s/de/",
      "https://news.example/s/en/",
      "https://news.example/s/fr/",
      "https://news.example/s/de/story.pdf",
      "https://news.example/s/en/story.pdf",
      "https://news.example/s/fr/story.pdf",
    ]);
    // the chooser and each of the three stories carry every alternate
    expect(xml.split('hreflang="fr" href="https://news.example/s/fr/"').length - 1).toBe(4);
  });
});
