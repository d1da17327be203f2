// A small static file server for dist/ (used by `npm run serve`, the PDF printer,
// the benchmark and the end-to-end tests). It must never serve a file outside the
// root and never crash on a hostile or malformed request, since it runs unattended:
// bad encoding, NUL or encoded slashes -> 400, `..` -> 403, long paths -> 414,
// other methods -> 405, missing files -> 404 (with the root's 404.html if present).
// `--base /sub/path/` serves the root under a sub-path, as if published there.
// A `_headers` file in the root (Netlify / Cloudflare Pages syntax, written by the
// build) is honoured like a host would, except its caching: this server always
// says no-cache, so a rebuild shows at once. The file itself is not served.
// Usage: node scripts/serve.ts [--port 4321] [--root dist] [--base /]

import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml",
  ".map": "application/json",
};
const MAX_URL = 2048;

export interface ServeOptions {
  /** URL path the root is published under, e.g. "/sub/path/" (default "/"). */
  base?: string;
  /** gzip text responses for clients that accept it, as a web host would (the bench's Lighthouse runs). */
  gzip?: boolean;
}
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".webmanifest"]);

export interface HeaderRule {
  pattern: RegExp;
  headers: Record<string, string>;
}

/** The rules of a `_headers` file: a path pattern (`*` matches anything, also nothing) and its indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split("*")
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
      rules.push({ pattern: new RegExp(`^${source.join(".*")}$`), headers: {} });
      continue;
    }
    const colon = line.indexOf(":");
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number) {
    super(String(status));
    this.status = status;
  }
}

/** Decoded, checked path segments of a request path; throws HttpError on anything unsafe. */
function segments(pathname: string): string[] {
  if (!pathname.startsWith("/") || pathname.includes("\\")) throw new HttpError(400);
  return pathname
    .split("/")
    .filter(Boolean)
    .map((raw) => {
      let s: string;
      try {
        s = decodeURIComponent(raw);
      } catch {
        throw new HttpError(400);
      }
      if (/[/\\\0]/.test(s)) throw new HttpError(400);
      if (s === "." || s === "..") throw new HttpError(403);
      return s;
    });
}

export function serve(rootDir: string, port: number, host = "127.0.0.1", options: ServeOptions = {}): Promise<Server> {
  const root = resolve(rootDir);
  const base = segments("/" + (options.base ?? ""));
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeaders(readFileSync(join(root, "_headers"), "utf8"));
  } catch {
    // no headers file: plain responses
  }
  /** The headers file's headers for a request path, caching left out. */
  const ruled = (pathname: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const r of rules)
      if (r.pattern.test(pathname)) for (const [k, v] of Object.entries(r.headers)) if (k.toLowerCase() !== "cache-control") out[k] = v;
    return out;
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-cache",
      ...headers,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse, pathname = "/") => {
    const page = await readFile(join(root, "404.html")).catch(() => undefined);
    if (page) send(req, res, 404, page, { ...ruled(pathname), "Content-Type": TYPES[".html"]! });
    else send(req, res, 404, "Not found");
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url.length > MAX_URL) throw new HttpError(414);
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(req, res, 405, "Method not allowed", { Allow: "GET, HEAD" });
    }
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? "" : url.slice(q);
    const parts = segments(pathname);
    if (base.some((s, i) => parts[i] !== s)) return notFound(req, res, pathname);
    if (parts.length === base.length + 1 && parts.at(-1) === "_headers") return notFound(req, res, pathname);
    let file = join(root, ...parts.slice(base.length));
    if (file !== root && !file.startsWith(root + sep)) throw new HttpError(403);

    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith("/")) {
        // Rebuilt from the checked segments, so "//host" can never become an open redirect.
        const location = "/" + parts.map(encodeURIComponent).join("/") + (parts.length ? "/" : "") + query;
        return send(req, res, 301, "Moved permanently", { Location: location });
      }
      file = join(file, "index.html");
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return notFound(req, res, pathname); // also keeps FIFOs and devices out
    if (options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipSync(await readFile(file));
      return send(req, res, 200, body, {
        ...ruled(pathname),
        "Content-Type": TYPES[extname(file)]!,
        "Content-Encoding": "gzip",
        Vary: "Accept-Encoding",
      });
    }
    const fh = await open(file, "r").catch(() => undefined);
    if (!fh) return notFound(req, res, pathname);
    res.writeHead(200, {
      ...ruled(pathname),
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": info.size,
      "Cache-Control": "no-cache",
    });
    if (req.method === "HEAD") {
      await fh.close();
      res.end();
      return;
    }
    // pipeline handles read errors and early client disconnects without throwing.
    pipeline(fh.createReadStream(), res, () => {});
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (res.headersSent) res.destroy();
      else send(req, res, status, `${status} ${STATUS_CODES[status]}\n`);
    });
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : fallback;
  };
  const port = Number(arg("port", process.env.PORT ?? "4321"));
  const root = arg("root", "dist");
  const base = arg("base", "/");
  const dirs = base.split("/").filter(Boolean);
  const prefix = dirs.length ? `/${dirs.join("/")}/` : "/";
  serve(root, port, "127.0.0.1", { base }).then((server) => {
    const { port: actual } = server.address() as AddressInfo; // the real one, also for --port 0
    console.log(`Serving ${root}/ at http://127.0.0.1:${actual}${prefix}  (the language chooser; each language at ${prefix}<lang>/)`);
  });
}
