// The content check as writers meet it: `node scripts/check-content.ts DIR`
// prints "Content error in file:line: …" and a Fix line and exits 1 on bad
// content, and says "content ok" with exit 0 on good content.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./support.ts";

const check = (dir: string) => spawnSync(process.execPath, [join(ROOT, "scripts/check-content.ts"), dir], { cwd: ROOT, encoding: "utf8" });

describe("scripts/check-content.ts", () => {
  it("passes the real content", () => {
    const r = check(join(ROOT, "content"));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^content ok: 2 chapters, 9 steps, in de and en/);
  });
  it("stops on bad content with file, line and fix, and exit code 1", () => {
    const r = check(join(FIXTURES, "unknown-scene"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Content error in tests\/fixtures\/unknown-scene\/de\/01-jagd\.md:\d+: unknown scene/);
    expect(r.stderr).toMatch(/\n {2}Fix: /);
  });
});
