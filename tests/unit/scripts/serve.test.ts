// scripts/serve.ts under hostile requests: raw HTTP over node:net (so paths go
// out byte for byte, unnormalised) against a temporary site with a secret file
// next to its root. Bad requests get 4xx, never the secret, and never kill the server.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHeaders, serve } from "../../../scripts/serve.ts";

const SERVE = fileURLToPath(new URL("../../../scripts/serve.ts", import.meta.url));
const SECRET = "TOP-SECRET-OUTSIDE-THE-ROOT";
const INDEX = "<h1>home page</h1>";
const SUB = "<h1>sub page</h1>";
const MISSING = "<h1>custom not found</h1>";

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/** Sends one request exactly as written and reads the reply until the server closes. */
function request(port: number, path: string, method = "GET"): Promise<Reply> {
  return new Promise((ok, fail) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", fail);
    socket.setTimeout(3000, () => {
      socket.destroy();
      fail(new Error(`no reply to ${method} ${path}`));
    });
    socket.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const split = raw.indexOf("\r\n\r\n");
      const [statusLine = "", ...lines] = raw.slice(0, split).split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      ok({ status: Number(statusLine.split(" ")[1]), headers, body: raw.slice(split + 4), raw });
    });
    socket.write(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, "latin1");
  });
}

let dir: string;
let site: string;
const servers: Server[] = [];

async function start(root: string, options?: { base?: string; gzip?: boolean }): Promise<number> {
  const server = await serve(root, 0, "127.0.0.1", options);
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "serve-test-"));
  site = join(dir, "site");
  mkdirSync(join(site, "sub", "deeper"), { recursive: true });
  mkdirSync(join(site, "trap", "index.html"), { recursive: true });
  writeFileSync(join(dir, "secret.txt"), SECRET);
  mkdirSync(join(dir, "site-evil"));
  writeFileSync(join(dir, "site-evil", "secret.txt"), SECRET);
  writeFileSync(join(site, "index.html"), INDEX);
  writeFileSync(join(site, "404.html"), MISSING);
  writeFileSync(join(site, "app.webmanifest"), "{}");
  writeFileSync(join(site, "sub", "index.html"), SUB);
  writeFileSync(join(site, "sub", "deeper", "notes.txt"), "deeper notes");
  // A regular file (to stat) whose read fails with EIO: provokes a stream error after the headers.
  if (process.platform === "linux") symlinkSync("/proc/self/mem", join(site, "broken.bin"));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  rmSync(dir, { recursive: true, force: true });
});

describe("scripts/serve.ts", () => {
  let port: number;
  beforeAll(async () => {
    port = await start(site);
  });

  it("serves index.html for / with type, length and no-cache", async () => {
    const r = await request(port, "/");
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["content-length"]).toBe(String(INDEX.length));
    expect(r.headers["cache-control"]).toBe("no-cache");
    expect((await request(port, "/app.webmanifest")).headers["content-type"]).toBe("application/manifest+json");
    expect((await request(port, "/sub/deeper/notes.txt")).body).toBe("deeper notes");
  });

  it("answers malformed percent-encoding with 400", async () => {
    for (const path of ["/%E0%A4%A", "/%", "/sub/%zz", "/%E0%A4%A?x=1"]) {
      const r = await request(port, path);
      expect(r.status, path).toBe(400);
    }
  });

  it("never serves a file outside the root", async () => {
    const paths = [
      "/..%2f..%2fsecret.txt",
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/%2e%2e%2fsecret.txt",
      "/sub/../../secret.txt",
      "/sub/%2e%2e/%2e%2e/secret.txt",
      "/sub/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/sub/..%5c..%5csecret.txt",
      "/..\\secret.txt",
      "/../site-evil/secret.txt",
      "/%2e%2e/site-evil/secret.txt",
      "http://localhost/../secret.txt",
    ];
    for (const path of paths) {
      const r = await request(port, path);
      expect([400, 403], path).toContain(r.status);
      expect(r.raw, path).not.toContain(SECRET);
    }
  });

  it("answers a NUL byte with 400", async () => {
    for (const path of ["/a%00b", "/index.html%00.txt", "/sub/%00"]) {
      const r = await request(port, path);
      expect(r.status, path).toBe(400);
    }
  });

  it("answers paths over 2,048 bytes with 414", async () => {
    const r = await request(port, "/" + "a".repeat(5000));
    expect(r.status).toBe(414);
    expect((await request(port, "/" + "a".repeat(2000))).status).toBe(404);
  });

  it("allows only GET and HEAD (405 with Allow)", async () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) {
      const r = await request(port, "/index.html", method);
      expect(r.status, method).toBe(405);
      expect(r.headers.allow, method).toBe("GET, HEAD");
      expect(r.raw).not.toContain(INDEX);
    }
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const r = await request(port, "/", "HEAD");
    expect(r.status).toBe(200);
    expect(r.headers["content-length"]).toBe(String(INDEX.length));
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.body).toBe("");
    const missing = await request(port, "/nope", "HEAD");
    expect(missing.status).toBe(404);
    expect(missing.body).toBe("");
  });

  it("redirects a directory without slash, keeping the query, and serves its index.html", async () => {
    const r = await request(port, "/sub?lang=de&x=1");
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe("/sub/?lang=de&x=1");
    expect((await request(port, "/sub/deeper")).headers.location).toBe("/sub/deeper/");
    // "//sub" must not turn into a protocol-relative redirect to another host.
    expect((await request(port, "//sub")).headers.location).toBe("/sub/");
    const index = await request(port, "/sub/");
    expect(index.status).toBe(200);
    expect(index.body).toBe(SUB);
  });

  it("answers a missing file with 404 and the root's 404.html", async () => {
    for (const path of ["/nope.html", "/sub/nope/", "/index.html/x", "/sub/deeper/", "/trap/"]) {
      const r = await request(port, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toBe(MISSING);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    }
  });

  it("answers a plain 404 when the root has no 404.html", async () => {
    const other = await start(join(site, "sub"));
    const r = await request(other, "/nope");
    expect(r.status).toBe(404);
    expect(r.body).toBe("Not found");
    expect((await request(other, "/")).body).toBe(SUB);
  });

  it("still serves after all the bad requests", async () => {
    const r = await request(port, "/");
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
  });
});

describe("scripts/serve.ts with a base path", () => {
  let port: number;
  beforeAll(async () => {
    port = await start(site, { base: "/sub/path/" });
  });

  it("maps the base to the root", async () => {
    const r = await request(port, "/sub/path/");
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
    expect((await request(port, "/sub/path/sub/")).body).toBe(SUB);
    expect((await request(port, "/sub/path/sub/deeper/notes.txt")).body).toBe("deeper notes");
  });

  it("redirects the bare base and sub-directories to their slash form", async () => {
    const bare = await request(port, "/sub/path?q=1");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/sub/path/?q=1");
    const sub = await request(port, "/sub/path/sub");
    expect(sub.status).toBe(301);
    expect(sub.headers.location).toBe("/sub/path/sub/");
  });

  it("answers 404 outside the base and for missing files inside it", async () => {
    for (const path of ["/", "/index.html", "/sub/", "/sub/pathX/", "/sub/path-other/index.html", "/sub/path/nope"]) {
      const r = await request(port, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toBe(MISSING);
    }
  });

  it("still refuses to leave the root", async () => {
    for (const path of [
      "/sub/path/../../../secret.txt",
      "/sub/path/%2e%2e/%2e%2e/%2e%2e/secret.txt",
      "/sub/path/..%2f..%2f..%2fsecret.txt",
    ]) {
      const r = await request(port, path);
      expect([400, 403], path).toContain(r.status);
      expect(r.raw, path).not.toContain(SECRET);
    }
    expect((await request(port, "/sub/path/")).status).toBe(200);
  });
});

describe("scripts/serve.ts with a _headers file", () => {
  const HEADERS = [
    "# comment",
    "/pub/*",
    "  X-Test: everywhere",
    "  Cache-Control: public, max-age=300",
    "",
    "/pub/sub/*",
    "  X-Sub: yes",
    "",
  ].join("\n");
  let port: number;
  beforeAll(async () => {
    const root = join(dir, "site-headers");
    mkdirSync(join(root, "sub"), { recursive: true });
    writeFileSync(join(root, "index.html"), INDEX);
    writeFileSync(join(root, "404.html"), MISSING);
    writeFileSync(join(root, "sub", "index.html"), SUB);
    writeFileSync(join(root, "_headers"), HEADERS);
    port = await start(root, { base: "/pub/" });
  });

  it("parses path patterns and their headers", () => {
    const rules = parseHeaders(HEADERS);
    expect(rules.map((r) => r.headers)).toEqual([{ "X-Test": "everywhere", "Cache-Control": "public, max-age=300" }, { "X-Sub": "yes" }]);
    const sub = rules[1]!.pattern;
    expect(["/pub/sub/", "/pub/sub/a.json", "/pub/sub/a/b"].every((p) => sub.test(p))).toBe(true);
    expect(["/pub/sub", "/pub/subx/", "/x/pub/sub/"].some((p) => sub.test(p))).toBe(false);
    expect(parseHeaders("/a.b\n  X: 1")[0]!.pattern.test("/aXb")).toBe(false);
  });

  it("sends the matching rules' headers, on pages and on the 404 page, but keeps no-cache", async () => {
    const home = await request(port, "/pub/");
    expect(home.headers["x-test"]).toBe("everywhere");
    expect(home.headers["x-sub"]).toBeUndefined();
    expect(home.headers["cache-control"]).toBe("no-cache");
    const sub = await request(port, "/pub/sub/");
    expect([sub.headers["x-test"], sub.headers["x-sub"]]).toEqual(["everywhere", "yes"]);
    const missing = await request(port, "/pub/nope/");
    expect([missing.status, missing.headers["x-test"]]).toEqual([404, "everywhere"]);
  });

  it("does not serve the headers file itself", async () => {
    const r = await request(port, "/pub/_headers");
    expect(r.status).toBe(404);
    expect(r.body).not.toContain("X-Test");
  });
});

describe("node scripts/serve.ts (the CLI)", () => {
  it("takes --port, --root and --base, and the process survives bad requests", async () => {
    const child = spawn(process.execPath, [SERVE, "--port", "0", "--root", site, "--base", "/pub/"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      child.stdout.setEncoding("utf8");
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (c: string) => (out += c));
      const url = await new Promise<RegExpMatchArray>((ok, fail) => {
        child.stdout.on("data", (c: string) => {
          out += c;
          const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)(\/pub\/)/);
          if (m) ok(m);
        });
        child.on("exit", () => fail(new Error(`serve.ts exited: ${out}`)));
      });
      const port = Number(url[1]);
      expect(port).toBeGreaterThan(0);
      for (const path of ["/pub/%E0%A4%A", "/pub/..%2f..%2fsecret.txt", "/pub/a%00b", "/pub/" + "a".repeat(5000)]) {
        expect((await request(port, path)).status, path).toBeGreaterThanOrEqual(400);
      }
      expect((await request(port, "/pub/", "POST")).status).toBe(405);
      if (process.platform === "linux") await request(port, "/pub/broken.bin").catch(() => undefined);
      const r = await request(port, "/pub/");
      expect(r.status).toBe(200);
      expect(r.body).toBe(INDEX);
      expect(child.exitCode).toBeNull();
      expect(out).not.toMatch(/Error/);
    } finally {
      child.kill();
      if (child.exitCode === null) await once(child, "exit");
    }
  });
  it("with gzip on, compresses text for clients that accept it, and nothing else", async () => {
    const port = await start(site, { gzip: true });
    const get = (path: string, encoding?: string, at = port) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((ok, fail) =>
        httpGet({ host: "127.0.0.1", port: at, path, headers: encoding ? { "Accept-Encoding": encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", fail),
      );
    const zipped = await get("/", "br, gzip");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(INDEX);
    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(INDEX);
    // without the option: never compressed
    const off = await start(site);
    expect((await get("/", "gzip", off)).headers["content-encoding"]).toBeUndefined();
  });
});
