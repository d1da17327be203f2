// Scene "team": one figure across five steps. A year axis to scale from the first
// year the article gives; Ho's lane and the project's; what has no date (Ho's
// degrees, Broadcom) in the lanes' heads above a rule, off the axis. What each step adds, that nothing moves between steps,
// and the dating rules: the report a point in its year (no month, no span), Ho's move in
// November of the year before. Positions against the facts, words against the labels.

import { describe, expect, it } from "vitest";
import { STACKS } from "../../../src/scenes/chip.ts";
import { team } from "../../../src/scenes/team.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, walk } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof team.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const cx = (m: Mark) => num(m, "x") + num(m, "width") / 2;
const cy = (m: Mark) => num(m, "y") + num(m, "height") / 2;
/** Labels keep names together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const keys = (marks: Mark[]) => new Set([...walk(marks)].map((w) => w.mark.key));
/** A year tick's y: ticks sit at the start of each year on the axis. */
const tickY = (marks: Mark[], year: number) => num(find(marks, `tick-${year}`)!, "y1");

describe("team", () => {
  it("declares its five states in reading order", () => {
    expect(team.states).toEqual(["ho", "career", "broadcom", "schedule", "open"]);
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("team", layout, "en");
    const at = (state: State) => team.marks(state, ctx);
    const year = (id: string) => ctx.value(id);

    it("keeps Ho (the hero) in every state, and a caption note from the labels", () => {
      for (const state of team.states) {
        const marks = at(state);
        expect(classes(find(marks, "hero")), state).toContain("marker-hero");
        expect(labelText(marks, "note") ?? "", state).toBe(ctx.t(`notes.${state}`));
      }
    });

    it("each step adds pieces and moves none: every mark shared with the next step is drawn the same (the caption aside)", () => {
      const order = team.states.slice(0, 4);
      for (let i = 1; i < order.length; i++) {
        const before = at(order[i - 1]!);
        const after = at(order[i]!);
        const added = [...keys(after)].filter((k) => !keys(before).has(k));
        expect(added.length, order[i]).toBeGreaterThan(0);
        for (const m of before.filter((x) => !/^(caption|note)/.test(x.key)))
          expect(find(after, m.key)?.attrs, `${order[i]}: ${m.key}`).toEqual(m.attrs);
      }
    });

    it("one scale, broken once: a year the same height on both sides of the break, the middle Google years cut out", () => {
      const marks = at("schedule");
      const from = year("ho-google-start");
      const [c0, c1] = [from + 1, year("ho-google-end") - 1];
      const step = tickY(marks, from + 1) - tickY(marks, from);
      for (let v = c1 + 1; v <= year("production-earliest") + 1; v++) expect(tickY(marks, v) - tickY(marks, v - 1)).toBeCloseTo(step, 0);
      // No ticks in the cut; the axis in two pieces with a break mark between them, shorter than the years it cuts.
      for (let v = c0 + 1; v < c1; v++) expect(find(marks, `tick-${v}`), String(v)).toBeUndefined();
      const axis = find(marks, "axis")!;
      const end = find(marks, "axis-end")!;
      const gap = num(end, "y") - (num(axis, "y") + num(axis, "height"));
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(step * (c1 - c0));
      expect(find(marks, "axis-break")?.tag).toBe("path");
      // The years named stand closer: 2014 to 2022 less than four years apart on the scale.
      expect(tickY(marks, year("ho-google-end")) - tickY(marks, from)).toBeLessThan(step * 4);
      // Google, from the middle of the year he joined to the middle of the year he left, broken with the axis.
      const tenure = find(marks, "tenure")!;
      const tail = find(marks, "tenure-end")!;
      expect(num(tenure, "y")).toBeCloseTo(tickY(marks, from) + step / 2, 0);
      expect(num(tenure, "y") + num(tenure, "height")).toBeCloseTo(tickY(marks, c0), 0);
      expect(num(tail, "y")).toBeCloseTo(tickY(marks, c1), 0);
      expect(num(tail, "y") + num(tail, "height")).toBeCloseTo(tickY(marks, year("ho-google-end")) + step / 2, 0);
    });

    it("ho, schedule: no line runs across from Ho's lane to the project's (on a vertical time axis it would read as a span)", () => {
      // Where the project's lane starts: its heading's place (drawn from the partner's step on; nothing moves).
      const px = num(find(at("schedule"), "project-lbl-0")!, "x");
      for (const state of ["ho", "schedule"] as const) {
        const marks = at(state);
        const across = [...walk(marks)].filter(
          ({ mark }) =>
            mark.tag === "line" &&
            num(mark, "y1") === num(mark, "y2") &&
            num(mark, "x1") < px &&
            num(mark, "x2") > px - 30 &&
            !/rule/.test(mark.key),
        );
        expect(
          across.map((w) => w.mark.key),
          state,
        ).toEqual([]);
      }
    });

    it("ho: Ho's move in November of the year before the report; the report a point in its year (a moment, no span)", () => {
      const marks = at("ho");
      const step = tickY(marks, year("prev-year") + 1) - tickY(marks, year("prev-year"));
      // The bust's shoulders sit on November (the tie to the axis marks the month).
      const tie = find(marks, "hero-tie")!;
      expect((num(tie, "y1") - tickY(marks, year("prev-year"))) / step).toBeCloseTo(10.5 / 12, 1);
      const band = find(marks, "report")!;
      expect(classes(band)).toEqual(["marker"]);
      expect(num(band, "width")).toBeLessThan(step);
      // In the middle of its year, and nothing drawn as a band across the lane.
      expect((cy(band) - tickY(marks, year("report-year"))) / step).toBeCloseTo(0.5, 1);
      expect([...walk(marks)].some((w) => classes(w.mark).includes("year-band"))).toBe(false);
      // One plain line for the report, naming its year only, under the band.
      expect(ctx.t("report")).toContain(ctx.fact("report-year"));
      expect(words(labelText(marks, "report-lbl"))).toBe(words(ctx.t("report")));
      // Beside the point, to its right.
      expect(num(find(marks, "report-lbl-0")!, "x")).toBeGreaterThan(cx(band));
      expect(words(labelText(marks, "hero-lbl"))).toBe(words(ctx.t("joins")));
      expect(find(marks, "tenure")).toBeUndefined();
      // No heading over an empty head (review 33): Ho's words name him; the headings and their rule come with their words.
      expect(ctx.t("joins")).toContain(ctx.t("who").split(/\s/).at(-1)!);
      for (const k of ["who-lbl-0", "project-lbl-0", "head-rule"]) expect(find(marks, k), k).toBeUndefined();
      expect(find(at("career"), "who-lbl-0")).toBeDefined();
      expect(find(at("career"), "project-lbl-0")).toBeUndefined();
      expect(find(at("broadcom"), "project-lbl-0")).toBeDefined();
    });

    /** The rule under the lanes' heads: above it nothing is dated. */
    const ruleY = (marks: Mark[]) => num(find(marks, "head-rule")!, "y1");

    it("career: the degrees in Ho's head, above the rule and off the axis; the Google years a grey bar", () => {
      const marks = at("career");
      // The axis starts at the first year given: nothing of it, and no break, above the rule.
      expect(ruleY(marks)).toBeLessThan(tickY(marks, year("ho-google-start")));
      expect(num(find(marks, "axis")!, "y")).toBeGreaterThan(ruleY(marks));
      expect(find(marks, "early")).toBeUndefined();
      expect(find(marks, "break")).toBeUndefined();
      for (const k of ["manchester", "stanford"]) {
        const m = find(marks, k)!;
        expect(classes(m), k).toContain("marker-ring");
        expect(num(m, "y") + num(m, "height"), k).toBeLessThan(ruleY(marks));
        expect(words(labelText(marks, `${k}-lbl`)), k).toBe(words(ctx.t(k)));
      }
      expect(cy(find(marks, "manchester")!)).toBeLessThan(cy(find(marks, "stanford")!));
      expect(classes(find(marks, "tenure"))).toEqual(["bar"]);
      expect(words(labelText(marks, "tenure-lbl"))).toBe(words(ctx.t("google")));
    });

    it("broadcom: a grey ring in the project's head, above the rule (no date), tied to the heading by a dashed rust line", () => {
      const marks = at("broadcom");
      const bc = find(marks, "broadcom")!;
      expect(classes(bc)).toContain("marker-ring");
      expect(num(bc, "y") + num(bc, "height")).toBeLessThan(ruleY(marks));
      // In the project's lane (right of Ho's), not on the axis.
      expect(cx(bc)).toBeGreaterThan(num(find(marks, "project-lbl-0")!, "x") - 1);
      const partner = find(marks, "link-partner")!;
      expect(partner.attrs["stroke-dasharray"]).toBeDefined();
      expect(classes(partner)).toEqual(["arc"]);
      // From under the heading down to the ring.
      expect(num(partner, "y1")).toBeGreaterThan(num(find(marks, "project-lbl-0")!, "y"));
      expect(num(partner, "y2")).toBeLessThanOrEqual(num(bc, "y"));
      expect(words(labelText(marks, "partner-lbl"))).toBe(words(ctx.t("partner")));
      expect(words(labelText(marks, "broadcom-lbl"))).toBe(words(ctx.t("broadcom")));
      expect(words(labelText(marks, "broadcom-val"))).toBe(words(ctx.t("tpu")));
      // Every word of the step sits above the rule: none reads as dated.
      for (const k of ["partner-lbl", "broadcom-lbl", "broadcom-val"]) {
        const lines = [...walk(marks)].map((w) => w.mark).filter((m) => m.key.startsWith(`${k}-`));
        for (const l of lines) expect(num(l, "y"), l.key).toBeLessThan(ruleY(marks));
      }
    });

    it("schedule: the planned chip in the report's year, dashed on to the earliest production, dotted beyond", () => {
      const marks = at("schedule");
      const band = find(marks, "report")!;
      const die = find(marks, "chip-die")!;
      // The shared package (chip.ts): the die planned (rust dashed), memory and packaging not known (dotted).
      expect(classes(die)).toEqual(["die", "die-plan"]);
      expect(cy(die)).toBeCloseTo(cy(band), 0);
      expect(classes(find(marks, "chip-sub"))).toEqual(["sub", "sub-unknown"]);
      for (const id of STACKS) expect(classes(find(marks, `chip-hbm-${id}`)), id).toEqual(["stack", "stack-unknown"]);
      const production = find(marks, "production")!;
      const step = tickY(marks, year("report-year") + 1) - tickY(marks, year("report-year"));
      expect((cy(production) - tickY(marks, year("production-earliest"))) / step).toBeCloseTo(0.5, 1);
      expect(find(marks, "run")!.attrs["stroke-dasharray"]).toBeDefined();
      // Beyond it the line runs on dotted (when is not known) to an open arrowhead: or later.
      expect(classes(find(marks, "later"))).toEqual(["arc", "arc-dot"]);
      expect(find(marks, "later-head")!.tag).toBe("path");
      expect(num(find(marks, "later")!, "y1")).toBeGreaterThan(cy(production));
      for (const k of ["chip", "production", "later"]) expect(words(labelText(marks, `${k}-lbl`)), k).toBe(words(ctx.t(k)));
    });

    it("open: the chip large in a panel under the axis (spanning no years), memory and packaging named as not known; the rest kept, dimmed", () => {
      const small = at("schedule");
      const marks = at("open");
      expect(num(find(marks, "pchip-sub")!, "width")).toBeGreaterThan(num(find(small, "chip-sub")!, "width") * 1.3);
      for (const id of STACKS) expect(classes(find(marks, `pchip-hbm-${id}`)), id).toEqual(["stack", "stack-unknown"]);
      expect(classes(find(marks, "pchip-sub"))).toEqual(["sub", "sub-unknown"]);
      expect(words(labelText(marks, "panel-memory-lbl"))).toBe(words(ctx.t("memory")));
      expect(words(labelText(marks, "panel-package-lbl"))).toBe(words(ctx.t("package")));
      expect(ctx.t("memory")).toMatch(/not known/);
      expect(ctx.t("package")).toMatch(/not known/);
      // The panel stands below the axis' end, under its own rule: the chip spans no years.
      const axisEnd = find(marks, "axis-end")!;
      const rule = num(find(marks, "panel-rule")!, "y1");
      expect(rule).toBeGreaterThan(num(axisEnd, "y") + num(axisEnd, "height"));
      expect(num(find(marks, "pchip-sub")!, "y")).toBeGreaterThan(rule);
      // Nothing of the steps before vanishes: the axis, Broadcom and the schedule's chip stay, fainter.
      for (const k of ["axis", "broadcom", "chip-sub", "run"]) expect(num(find(marks, k)!, "opacity"), k).toBeLessThan(1);
      // Its words are said once, in the panel, not a second time beside the small chip.
      expect(marks.filter((m) => m.key.startsWith("chip-lbl"))).toEqual([]);
      expect(at("schedule").some((m) => m.key.startsWith("chip-lbl"))).toBe(true);
      for (const { mark } of walk(marks)) expect(mark.text ?? "", mark.key).not.toContain("?");
    });
  });

  // On a phone (upright: the square stage; on its side: land) the dated part is one timeline: the words in one column
  // (review item 6: two lanes there wrapped the project's words to four lines and crowded the break).
  describe.each([
    ["square", "en"],
    ["square", "de"],
    ["land", "en"],
    ["land", "de"],
  ] as const)("%s, %s: one timeline, its dated words in one column", (layout, lang) => {
    const ctx = ctxFor("team", layout, lang);
    const marks = team.marks("schedule", ctx);
    const dated = ["tenure-lbl", "hero-lbl", "report-lbl", "chip-lbl", "production-lbl", "later-lbl"];
    const linesOf = (k: string) => marks.filter((m) => new RegExp(`^${k}-\\d+$`).test(m.key));
    it("every dated label starts at one x, right of the chip and of Ho's marks, and is tied to its mark", () => {
      const chip = find(marks, "chip-sub")!;
      const xs = new Set(dated.flatMap((k) => linesOf(k).map((m) => num(m, "x"))));
      expect(xs.size).toBe(1);
      expect([...xs][0]).toBeGreaterThan(num(chip, "x") + num(chip, "width"));
      for (const k of dated) {
        expect(linesOf(k).length, k).toBeGreaterThan(0);
        expect(
          linesOf(k).every((m) => m.attrs["text-anchor"] === "start"),
          k,
        ).toBe(true);
        expect(find(marks, `${k}-tie`), k).toBeDefined();
      }
    });
    it("the blocks stand in time order, none over another, none wider than two lines", () => {
      const ys = dated.map((k) => linesOf(k).map((m) => num(m, "y")));
      for (const l of ys) expect(l.length).toBeLessThanOrEqual(2);
      for (let i = 1; i < ys.length; i++) expect(Math.min(...ys[i]!), dated[i]).toBeGreaterThan(Math.max(...ys[i - 1]!) + 20);
      // Production's words level with their ring, give or take a line.
      const ring = find(marks, "production")!;
      expect(Math.abs(num(linesOf("production-lbl")[0]!, "y") - cy(ring))).toBeLessThan(30);
    });
  });

  it("labels come from the language's label file", () => {
    const de = ctxFor("team", "column", "de");
    const en = ctxFor("team", "column", "en");
    expect(words(labelText(team.marks("career", de), "tenure-lbl"))).toBe(words(de.t("google")));
    expect(words(labelText(team.marks("career", en), "tenure-lbl"))).toBe(words(en.t("google")));
    expect(de.t("google")).not.toBe(en.t("google"));
  });
});
