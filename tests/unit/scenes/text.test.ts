// text.ts: the label metrics and wrapping every scene places labels with.
import { describe, expect, it } from "vitest";
import { keepQuotesTogether, textWidth, wrapWidth } from "../../../src/scenes/text.ts";

const NB = String.fromCharCode(0xa0);

describe("textWidth", () => {
  it("grows with the text and the size, and bold runs wider", () => {
    expect(textWidth("OpenAI", 20)).toBeGreaterThan(textWidth("TSMC", 20));
    expect(textWidth("OpenAI", 40)).toBeCloseTo(textWidth("OpenAI", 20) * 2, 6);
    expect(textWidth("OpenAI", 20, true)).toBeGreaterThan(textWidth("OpenAI", 20));
  });
  it("counts narrow and wide glyphs differently", () => {
    expect(textWidth("iiii", 10)).toBeLessThan(textWidth("mmmm", 10) / 2);
  });
});

describe("wrapWidth", () => {
  it("never exceeds the width when the words allow it", () => {
    for (const line of wrapWidth("What the money is meant to pay for, over several years", 20, 200)) {
      expect(textWidth(line, 20)).toBeLessThanOrEqual(200);
    }
  });
  it("keeps a short quotation on one line", () => {
    const lines = wrapWidth("In public: “too aggressive and hard to believe” said the chief", 20, 180);
    const quoted = lines.find((l) => l.includes("“"))!;
    expect(quoted).toContain("”");
    expect(keepQuotesTogether("„zu aggressiv“")).toBe(`„zu${NB}aggressiv“`);
  });
  it("breaks a compound after its hyphen only when it is too wide for a line", () => {
    expect(wrapWidth("US-Handelsministerium", 20, 120)).toEqual(["US-", "Handelsministerium"]);
    expect(wrapWidth("US-Handelsministerium", 20, 400)).toEqual(["US-Handelsministerium"]);
    expect(wrapWidth("Ein US-Handelsministerium", 20, 120)[0]).toBe("Ein US-");
  });
  it("holds non-breaking spaces (numbers with their units)", () => {
    expect(wrapWidth(`about 1,44${NB}Bio.${NB}$ in all`, 20, 60).some((l) => l.includes(`1,44${NB}Bio.${NB}$`))).toBe(true);
  });
  it("leaves no short word alone on the last line when it fits beside its neighbour", () => {
    const lines = wrapWidth("Talks about more capacity since 2023", 20, 260);
    expect(lines.at(-1)!.split(" ").length).toBeGreaterThan(1);
  });
});
