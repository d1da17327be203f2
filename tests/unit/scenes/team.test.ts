// Scene "team": Richard Ho's path on a time axis, the team with its likely
// partner, the project's schedule and the chip's open parts. What each state
// must show, in every layout; words are checked against the labels, positions
// against the facts (years to scale), never against literals.

import { describe, expect, it } from "vitest";
import { team } from "../../../src/scenes/team.ts";
import { pathPoints } from "../../../src/scenes/pathData.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num } from "../support.ts";

const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
type State = (typeof team.states)[number];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
const cx = (m: Mark) => num(m, "x") + num(m, "width") / 2;
const cy = (m: Mark) => num(m, "y") + num(m, "height") / 2;
/** Labels keep names together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const contains = (outer: Mark, inner: Mark) =>
  num(inner, "x") >= num(outer, "x") &&
  num(inner, "y") >= num(outer, "y") &&
  num(inner, "x") + num(inner, "width") <= num(outer, "x") + num(outer, "width") &&
  num(inner, "y") + num(inner, "height") <= num(outer, "y") + num(outer, "height");

describe("team", () => {
  it("declares its five states in reading order", () => {
    expect(team.states).toEqual(["ho", "career", "broadcom", "schedule", "open"]);
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("team", layout, "en");
    const at = (state: State) => team.marks(state, ctx);
    const year = (id: string) => ctx.value(id);

    it("keeps OpenAI as the hero mark in every state, and a caption note from the labels", () => {
      for (const state of team.states) {
        const marks = at(state);
        const hero = find(marks, "hero");
        expect(hero?.tag, state).toBe("rect");
        expect(classes(hero), state).toContain("marker-hero");
        expect(num(hero!, "width"), state).toBe(num(hero!, "height"));
        expect(labelText(marks, "note") ?? "", state).toBe(ctx.t(`notes.${state}`));
      }
    });

    it("ho: Ho joins OpenAI in November of the year before the report, above the report's station on one axis", () => {
      const marks = at("ho");
      const [axis, hero, report] = ["axis", "hero", "report"].map((k) => find(marks, k)!);
      expect(cx(hero!)).toBeCloseTo(cx(axis!), 0);
      expect(cx(report!)).toBeCloseTo(cx(axis!), 0);
      expect(cy(hero!)).toBeLessThan(cy(report!));
      expect(labelText(marks, "hero-val")).toBe(ctx.t("nov"));
      expect(labelText(marks, "report-val")).toBe(ctx.fact("report-year"));
      expect(ctx.t("report")).toMatch(/month unknown/);
      // The article gives no date for the report: on the axis to scale it is a band over its whole year, not a
      // point at a month. Measured in the hero's own scale: from November of the year before to the band's top
      // is the rest of that year (1.5 months), and the band is one year long.
      const perYear = num(report!, "height");
      expect((num(report!, "y") - cy(hero!)) / perYear).toBeCloseTo(1 - 10.5 / 12, 1);
      expect(perYear).toBeGreaterThan(num(hero!, "height") * 3);
      expect(words(labelText(marks, "hero-joins-lbl"))).toBe(words(ctx.t("joins")));
      expect(words(labelText(marks, "report-lbl"))).toBe(words(ctx.t("report")));
      expect(labelText(marks, "who-lbl")).toBe(ctx.t("who"));
    });

    it("career: the Google years and the move to OpenAI to scale, the undated degrees on a dashed stretch before them", () => {
      const marks = at("career");
      const tenure = find(marks, "tenure")!;
      const hero = find(marks, "hero")!;
      const early = find(marks, "early")!;
      const axis = find(marks, "axis")!;
      // Years to scale: the gap from leaving Google to joining OpenAI, against the years at Google.
      const perYear = num(tenure, "height") / (year("ho-google-end") - year("ho-google-start"));
      const gap = cy(hero) - (num(tenure, "y") + num(tenure, "height"));
      const months = year("prev-year") + 10.5 / 12 - (year("ho-google-end") + 0.5);
      expect(gap / perYear).toBeCloseTo(months, 1);
      expect(cx(tenure)).toBeCloseTo(cx(axis), 0);
      // The undated stretch is dashed, ends where the scale begins, and holds both degrees.
      expect(early.tag).toBe("line");
      expect(classes(early)).toContain("ref-line");
      expect(num(early, "y2")).toBeCloseTo(num(axis, "y"), 0);
      for (const k of ["manchester", "stanford"]) {
        const m = find(marks, k)!;
        expect(cy(m), k).toBeGreaterThan(num(early, "y1"));
        expect(cy(m), k).toBeLessThan(num(early, "y2"));
        expect(words(labelText(marks, `${k}-lbl`)), k).toBe(words(ctx.t(k)));
      }
      expect(cy(find(marks, "manchester")!)).toBeLessThan(cy(find(marks, "stanford")!));
      expect(labelText(marks, "early-val")).toBe(ctx.t("undated"));
      expect(labelText(marks, "tenure-val")).toBe(ctx.fact("ho-google-start"));
      expect(labelText(marks, "tenure-end-val")).toBe(ctx.fact("ho-google-end"));
      expect(words(labelText(marks, "tenure-lbl"))).toBe(words(ctx.t("google")));
      expect(words(labelText(marks, "tenure-end-lbl"))).toBe(words(ctx.t("google-end")));
      expect(words(labelText(marks, "hero-openai-lbl"))).toBe(words(ctx.t("openai")));
      expect(find(marks, "report")).toBeUndefined();
    });

    it("broadcom: the team's likely partner (dashed), the TPU precedent with Google, and Ho's link to Google", () => {
      const marks = at("broadcom");
      for (const k of ["google", "broadcom"]) {
        expect(classes(find(marks, k)), k).toContain("marker");
        expect(labelText(marks, `${k}-lbl`), k).toBe(ctx.t(k === "google" ? "google-node" : k));
      }
      expect(words(labelText(marks, "hero-team-lbl"))).toBe(words(ctx.t("team")));
      const partner = find(marks, "link-partner")!;
      expect(partner.tag).toBe("path");
      expect(partner.attrs["stroke-dasharray"]).toBeDefined();
      expect(find(marks, "link-tpu")?.tag).toBe("path");
      expect(classes(find(marks, "link-ho"))).toContain("arc-broken");
      expect(words(labelText(marks, "link-partner-lbl"))).toBe(words(ctx.t("partner")));
      expect(words(labelText(marks, "link-tpu-lbl"))).toBe(words(ctx.t("tpu")));
      expect(words(labelText(marks, "link-ho-lbl"))).toBe(words(ctx.t("ho-google")));
      // Each arc runs between the nodes it names.
      const ends = (key: string) => pathPoints(String(find(marks, key)!.attrs.d)).flat();
      const [x1, y1, x2, y2] = ends("link-partner");
      expect(Math.hypot(x1! - cx(find(marks, "hero")!), y1! - cy(find(marks, "hero")!))).toBeLessThan(1);
      expect(Math.hypot(x2! - cx(find(marks, "broadcom")!), y2! - cy(find(marks, "broadcom")!))).toBeLessThan(1);
      expect(find(marks, "axis")).toBeUndefined();
    });

    it("schedule: from the report's year to the earliest year of production, then dashed; the design an empty outline", () => {
      const marks = at("schedule");
      const [axis, hero, production, blueprint] = ["axis", "hero", "production", "blueprint"].map((k) => find(marks, k)!);
      const later = find(marks, "later")!;
      expect(cy(hero!)).toBeLessThan(cy(production!));
      expect(cx(production!)).toBeCloseTo(cx(axis!), 0);
      // A filled dot: the open ring means "unnamed" in the sources chart.
      expect(classes(production)).not.toContain("marker-no");
      // The solid axis ends at the earliest year of production; the dashed rest says "or later".
      expect(num(axis!, "y") + num(axis!, "height")).toBeCloseTo(cy(production!), 0);
      expect(num(later, "y1")).toBeCloseTo(cy(production!), 0);
      expect(num(later, "y2")).toBeGreaterThan(num(later, "y1"));
      expect(labelText(marks, "hero-val")).toBe(ctx.fact("report-year"));
      expect(labelText(marks, "production-val")).toBe(ctx.fact("production-earliest"));
      expect(words(labelText(marks, "hero-now-lbl"))).toBe(words(ctx.t("now")));
      expect(words(labelText(marks, "production-lbl"))).toBe(words(ctx.t("production")));
      expect(words(labelText(marks, "later-lbl"))).toBe(words(ctx.t("later")));
      expect(labelText(marks, "project-lbl")).toBe(ctx.t("project"));
      // The empty outline of the chip sits beside the report's station, right of the axis.
      expect(classes(blueprint)).toContain("fab-new");
      expect(cy(blueprint!)).toBeCloseTo(cy(hero!), 0);
      expect(num(blueprint!, "x")).toBeGreaterThan(cx(axis!));
    });

    it("open: the chip's outline holds the OpenAI dot; two memory slots and the package are marked open", () => {
      const marks = at("open");
      const pkg = find(marks, "package")!;
      const blueprint = find(marks, "blueprint")!;
      const hero = find(marks, "hero")!;
      expect(contains(pkg, blueprint)).toBe(true);
      expect(contains(blueprint, hero)).toBe(true);
      for (const k of ["mem-a", "mem-b"]) {
        const slot = find(marks, k)!;
        expect(classes(slot), k).toContain("fab-new");
        expect(contains(pkg, slot), k).toBe(true);
        expect(labelText(marks, `${k}-lbl`), k).toBe(ctx.t("open-mark"));
      }
      expect(num(find(marks, "mem-a")!, "width")).toBe(num(find(marks, "mem-b")!, "width"));
      expect(words(labelText(marks, "package-lbl"))).toBe(words(ctx.t("package")));
      expect(words(labelText(marks, "mem-lbl"))).toBe(words(ctx.t("memory")));
      expect(words(labelText(marks, "blueprint-lbl"))).toBe(words(ctx.t("chip")));
    });

    it("keeps the axis from state to state of the timelines, and the chip's outline from the schedule into the package", () => {
      for (const state of ["ho", "career", "schedule"] as const) expect(find(at(state), "axis")?.tag, state).toBe("rect");
      for (const state of ["schedule", "open"] as const) expect(find(at(state), "blueprint")?.tag, state).toBe("rect");
      expect(num(find(at("open"), "blueprint")!, "width")).toBeGreaterThan(num(find(at("schedule"), "blueprint")!, "width"));
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
