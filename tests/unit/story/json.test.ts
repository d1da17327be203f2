import { describe, expect, it } from "vitest";
import { lineOfPath, parseJson } from "../../../src/story/json.ts";
import { StoryError } from "../../../src/story/errors.ts";

describe("lineOfPath", () => {
  const text = '{\n  "numbers": {\n    "wsj-ref": { "via": "wsj" }\n  },\n  "names": {\n    "wsj": {}\n  }\n}';
  it("finds a nested key's line, not an earlier value with the same text", () => {
    expect(lineOfPath(text, ["names", "wsj"])).toBe(6);
    expect(lineOfPath(text, ["numbers"])).toBe(2);
  });
  it("falls back to the deepest part found", () => {
    expect(lineOfPath(text, ["names", "nope"])).toBe(5);
    expect(lineOfPath(text, ["nope"])).toBe(1);
  });
});

describe("parseJson", () => {
  const lineOf = (text: string) => {
    try {
      parseJson(text, "x.json");
    } catch (e) {
      expect(e).toBeInstanceOf(StoryError);
      return (e as StoryError).line;
    }
    throw new Error("did not throw");
  };
  it("parses valid JSON", () => {
    expect(parseJson('{"a": [1, 2.5e3, true, null, "x\\"y"]}', "x.json")).toEqual({ a: [1, 2500, true, null, 'x"y'] });
  });
  it("names the line of an unquoted value, a missing comma, a trailing comma, an open string", () => {
    expect(lineOf('{\n  "a": 1,\n  "b": usd\n}')).toBe(3);
    expect(lineOf('{\n  "a": 1\n  "b": 2\n}')).toBe(3);
    expect(lineOf('{\n  "a": 1,\n}')).toBe(3);
    expect(lineOf('{\n  "a": "open\n}')).toBe(2);
    expect(lineOf('{\n  "a": 1\n')).toBe(3);
  });
});
