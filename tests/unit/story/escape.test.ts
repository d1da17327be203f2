import { describe, expect, it } from "vitest";
import { escapeHtml, quotedHtml } from "../../../src/story/escape.ts";

describe("quotedHtml: a passage for inside a <q>", () => {
  it("makes the article's straight quotation marks a nested quotation (the page sets ‚…‘ or ‘…’)", () => {
    expect(quotedHtml('einer der Auslöser für die "Entlassungskrise" am Ende')).toBe(
      "einer der Auslöser für die <q>Entlassungskrise</q> am Ende",
    );
  });
  it("does the same with typographic marks, English and German", () => {
    expect(quotedHtml("the “firing crisis” at the end")).toBe("the <q>firing crisis</q> at the end");
    expect(quotedHtml("die „Entlassungskrise“ am Ende")).toBe("die <q>Entlassungskrise</q> am Ende");
  });
  it("still escapes what it does not quote, and leaves a lone mark as text", () => {
    expect(quotedHtml('<b> & "a" and "b"')).toBe("&lt;b&gt; &amp; <q>a</q> and <q>b</q>");
    expect(quotedHtml('5" screen')).toBe(escapeHtml('5" screen'));
  });
});
