// src/runtime/share.ts: the deep link a step's share button hands on is this
// page's address (under whatever base path it is served) with the step's id as
// its fragment, never the address's current fragment.
import { describe, expect, it } from "vitest";
import { stepLink } from "../../../src/runtime/share.ts";

describe("stepLink", () => {
  it("is the page's absolute address with the step id as the fragment", () => {
    expect(stepLink("hunt--tsmc", { origin: "https://news.example", pathname: "/altman-chips/en/", search: "" })).toBe(
      "https://news.example/altman-chips/en/#hunt--tsmc",
    );
  });
  it("keeps a query and encodes the id", () => {
    expect(stepLink("a b", { origin: "http://127.0.0.1:4321", pathname: "/de/", search: "?x=1" })).toBe(
      "http://127.0.0.1:4321/de/?x=1#a%20b",
    );
  });
});
