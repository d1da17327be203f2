// The content check as writers meet it: `node scripts/check-content.ts DIR`
// prints "Content error in file:line: …" and a Fix line and exits 1 on bad
// content, and says "content ok" with exit 0 on good content. The counts it
// prints and the broken line come from the story and the patch, not from here.
import { spawnSync } from "node:child_process";
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
