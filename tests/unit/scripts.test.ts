// The content check as writers meet it: `node scripts/check-content.ts DIR`
// prints "Content error in file:line: …" and a Fix line and exits 1 on bad
// content, and says "content ok" with exit 0 on good content. The counts it
// prints and the broken line come from the story and the patch, not from here.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT, LANGS, ROOT } from "./support.ts";
import { chapterPath, patched, realStory, typo } from "./patch.ts";

const check = (dir: string) => spawnSync(process.execPath, [join(ROOT, "scripts/check-content.ts"), dir], { cwd: ROOT, encoding: "utf8" });

describe("scripts/check-content.ts", () => {
  it("passes the real content, counting its chapters and steps", () => {
    const { chapters } = realStory();
    const steps = chapters.de!.reduce((n, c) => n + c.steps.length, 0);
    const r = check(CONTENT);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`content ok: ${chapters.de!.length} chapters, ${steps} steps, in ${LANGS.join(", ")}`)).toBe(true);
  });

  it("stops on bad content with file, line and fix, and exit code 1", () => {
    const c = realStory().chapters.de![0]!;
    const file = chapterPath(c);
    const t = patched();
    const line = t.replace(file, t.lineOf(file, /^scene:/), `scene: ${c.scene}`, `scene: ${typo(c.scene)}`);
    const r = check(t.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Content error in ${relative(ROOT, join(t.dir, file))}:${line}: unknown scene "${typo(c.scene)}"`);
    expect(r.stderr).toMatch(/\n {2}Fix: /);
  });
});

describe("scripts/build.ts --release (npm run build)", () => {
  it("refuses a build without SITE_URL before building anything, saying how to set it", () => {
    const dir = mkdtempSync(join(tmpdir(), "release-"));
    const out = join(dir, "dist");
    const env = { ...process.env };
    delete env.SITE_URL;
    try {
      const r = spawnSync(process.execPath, [join(ROOT, "scripts/build.ts"), "--release", "--out", out], {
        cwd: ROOT,
        env,
        encoding: "utf8",
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("SITE_URL is not set");
      expect(r.stderr).toMatch(/Fix: SITE_URL=https:\/\/\S+ npm run build/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
