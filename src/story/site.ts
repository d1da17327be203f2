// Where the site is published, from one setting: SITE_URL, the public address
// of the site's root (the language chooser), e.g. https://news.example/altman-chips/.
// Its path is the base path every link the build writes starts with, unless
// BASE_PATH says otherwise (a host that serves the files under another path than
// the public one, say behind a CDN that rewrites). Read once, here: by
// astro.config.mjs (Astro's `site` and `base`), the pages, and the build scripts.
// Also the publishing policy that follows from it: the Content-Security-Policy
// and the headers file for hosts that read one.

/**
 * The placeholder address used when SITE_URL is not set: a build for looking at
 * locally. Canonical and share URLs, the sitemap and robots.txt point here, so
 * the build warns (placeholderWarning), `npm run build` (--release) refuses it,
 * and the printed cover names no address (src/story/page.ts).
 */
export const DEFAULT_SITE_URL = "https://example.org/altman-chips/";

export interface Site {
  /** Absolute address of the site root, always ending in "/". */
  url: string;
  /** URL path the files are served under, "/" or "/a/b/". */
  base: string;
  /** True when SITE_URL was not set and `url` is the placeholder: not fit to publish. */
  placeholder: boolean;
}

/** A path as "/", or "/a/b/" (leading and trailing slash, no doubles). */
export function normalizeBase(path: string): string {
  const parts = path.split("/").filter(Boolean);
  return parts.length ? `/${parts.join("/")}/` : "/";
}

/**
 * The site's address and base path from the environment. Without SITE_URL the
 * placeholder address is used and the base is "/" (a local build served at the
 * root); with it, the base is SITE_URL's path unless BASE_PATH is set.
 */
export function siteFromEnv(env: Record<string, string | undefined> = process.env): Site {
  const raw = env.SITE_URL?.trim();
  let parsed: URL;
  try {
    parsed = new URL(raw || DEFAULT_SITE_URL);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL (e.g. https://news.example/altman-chips/)`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`SITE_URL "${raw}" must be an http(s) address`);
  parsed.pathname = normalizeBase(parsed.pathname);
  parsed.search = "";
  parsed.hash = "";
  const basePath = env.BASE_PATH?.trim();
  const base = basePath ? normalizeBase(basePath) : raw ? parsed.pathname : "/";
  return { url: parsed.href, base, placeholder: !raw };
}

const SET_IT = "SITE_URL=https://news.example/altman-chips/ npm run build";

/**
 * The block a build without SITE_URL prints at its start and its end: the files
 * name a placeholder address, which a reader who follows a shared link, a search
 * engine or a printed cover would be sent to.
 */
export function placeholderWarning(site: Site): string | undefined {
  if (!site.placeholder) return undefined;
  const rule = "!".repeat(78);
  return [
    rule,
    "!! PREVIEW BUILD: SITE_URL is not set.",
    `!! Canonical links, hreflang, share cards, sitemap.xml and robots.txt name the`,
    `!! placeholder ${site.url}; the PDF covers say "not published".`,
    "!! Fine for looking at it here; do not publish these files. To publish, set the",
    "!! public address of the site's root and build again:",
    `!!   ${SET_IT}`,
    rule,
  ].join("\n");
}

/** Why a release build (`npm run build`, `--release`) cannot go ahead on this site, if it cannot. */
export function releaseRefusal(site: Site): string | undefined {
  if (!site.placeholder) return undefined;
  return [
    "SITE_URL is not set: a build for publishing needs the public address of the site's root,",
    "which its canonical links, sitemap, robots.txt and PDF covers name.",
    `  Fix: ${SET_IT}`,
    "  (for a local preview without an address: npm run up, or npm run build:preview)",
  ].join("\n");
}

/** The site this build publishes (read from the environment once). */
export const SITE: Site = siteFromEnv();

const relative = (path: string) => path.replace(/^\/+/, "");

/** A link inside the site, from a path relative to its root ("de/", "favicon.svg"): base + path. */
export function href(path = "", site: Site = SITE): string {
  return site.base + relative(path);
}

/**
 * The absolute public address of a path relative to the site root: `siteUrl("de/")`
 * is the German story as published, `siteUrl("en/altman-chips.pdf")` the English PDF.
 */
export function siteUrl(path = "", site: Site = SITE): string {
  return new URL(relative(path), site.url).href;
}

/**
 * The Content-Security-Policy of every page: everything from the site itself,
 * nothing inline (no inline script or style attribute is emitted: the head script
 * is a file, figures use classes), no plugins, no framing. `frame-ancestors` is
 * only honoured as a header, so the `<meta>` form leaves it out.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
export const CSP_META = CSP_DIRECTIVES.join("; ");
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join("; ");

/** Headers every response gets (security), for hosts that read a headers file. */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CSP_HEADER,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

/** Caching: hashed build assets for a year; pages, data, PDFs and images for minutes, then revalidated. */
export const CACHE = {
  immutable: "public, max-age=31536000, immutable",
  short: "public, max-age=300, must-revalidate",
} as const;

/** The folder of hashed build assets (Astro's `build.assets`). */
export const ASSETS_DIR = "_astro";

/**
 * The `_headers` file (Netlify / Cloudflare Pages syntax) for a build under
 * `site.base` whose root holds `entries` (names; folders end in "/"). Security
 * headers on every path; `Cache-Control` by kind, with no path matched by two
 * caching rules (both hosts join the values of overlapping rules).
 */
export function headersFile(entries: readonly string[], site: Site = SITE): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  const short = { "Cache-Control": CACHE.short };
  const paths = [...entries]
    .filter((e) => e !== `${ASSETS_DIR}/` && e !== "_headers")
    .sort()
    .map((e) => (e.endsWith("/") ? `${site.base}${e}*` : `${site.base}${e}`));
  const comment =
    "# Written by the build (src/story/site.ts): security headers on every path;\n# hashed assets cached for a year, everything else for five minutes.";
  const blocks = [
    block(`${site.base}*`, SECURITY_HEADERS),
    block(`${site.base}${ASSETS_DIR}/*`, { "Cache-Control": CACHE.immutable }),
    block(site.base, short),
    ...paths.map((p) => block(p, short)),
  ];
  return `${comment}\n\n${blocks.join("\n\n")}\n`;
}
