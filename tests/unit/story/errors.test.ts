// errors.ts: what a writer reads when the build stops.

import { describe, expect, it } from "vitest";
import { StoryError, suggest } from "../../../src/story/errors.ts";

describe("StoryError", () => {
  it("carries file, line and fix, and prints them as file:line: problem / Fix", () => {
    const e = new StoryError("content/de/01-jagd.md", 12, 'unknown fact id "x"', "use :fact[total-sum]");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("StoryError");
    expect([e.file, e.line, e.fix]).toEqual(["content/de/01-jagd.md", 12, "use :fact[total-sum]"]);
    expect(e.message).toBe('content/de/01-jagd.md:12: unknown fact id "x"\n  Fix: use :fact[total-sum]');
  });
});

describe("suggest", () => {
  const states = ["origin", "tsmc", "refusal", "promise", "partners"];

  it("proposes the nearest id for a typo, and lists all", () => {
    expect(suggest("tsmx", states)).toBe('did you mean "tsmc"? Known: "origin", "tsmc", "refusal", "promise", "partners"');
    expect(suggest("partner", states)).toMatch(/^did you mean "partners"\?/);
    expect(suggest("refusl", states)).toMatch(/^did you mean "refusal"\?/);
  });

  it("only lists the ids when nothing is close", () => {
    expect(suggest("billionen", states)).toBe('use one of: "origin", "tsmc", "refusal", "promise", "partners"');
    expect(suggest("x", [])).toBe("use one of: ");
  });
});
