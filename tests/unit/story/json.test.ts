import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lineOfPath, parseJson, parseJsonWith, problem } from "../../../src/story/json.ts";
import { StoryError } from "../../../src/story/errors.ts";
import { errorOf } from "../support.ts";

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

describe("parseJsonWith: a schema's first problem, on the line of its value", () => {
  const schema = z.object({ a: z.object({ b: z.array(z.number({ error: problem("is not a number", "write digits") })) }) });
  const text = '{\n  "a": {\n    "b": [\n      1,\n      "two"\n    ]\n  }\n}';
  it("names the file, the offending value's line, the problem and its fix", () => {
    const e = errorOf(() => parseJsonWith(text, "x.json", schema, (path) => `"${path.join(".")}" `));
    expect(e.file).toBe("x.json");
    expect(e.line).toBe(5);
    expect(e.message).toContain('"a.b.1" is not a number');
    expect(e.fix).toBe("write digits");
  });
  it("returns the checked value", () => {
    expect(parseJsonWith('{"a": {"b": [1, 2]}}', "x.json", schema)).toEqual({ a: { b: [1, 2] } });
  });
  it("finds array items and keys by path, a key's value on the key's line", () => {
    expect(lineOfPath(text, ["a", "b", 1])).toBe(5);
    expect(lineOfPath(text, ["a", "b"])).toBe(3);
  });
});
