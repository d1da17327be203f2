import { describe, expect, it } from "vitest";
import { activeIndex } from "../../../src/runtime/scroller.ts";

const steps = (...tops: number[]) => tops;

describe("activeIndex", () => {
  it("is -1 while no step's top has reached the trigger line", () => {
    expect(activeIndex(steps(500, 900, 1300), 400)).toBe(-1);
    expect(activeIndex([], 400)).toBe(-1);
  });
  it("is the last step whose top is at or above the line", () => {
    expect(activeIndex(steps(-900, -100, 399, 401), 400)).toBe(2);
    expect(activeIndex(steps(-900, -100, 400, 401), 400)).toBe(2);
    expect(activeIndex(steps(-3000, -2000, -1000), 400)).toBe(2);
  });
  it("agrees with a linear scan for every line position", () => {
    const tops = [-1200, -700, -20, 35, 380, 820, 1500];
    for (let line = -1500; line <= 1600; line += 25) {
      const expected = tops.reduce((found, top, i) => (top <= line ? i : found), -1);
      expect(activeIndex(steps(...tops), line)).toBe(expected);
    }
  });
});
