// Scene "team": one figure across five steps. A horizontal time axis to scale from
// the first year the article gives to the end of 2026, cut once, the cut marked by one
// gap marker across the axis and Ho's (one) Google bar; two lanes named at their start
// (Ho's path, the project), no words on the rule between them; a dotted line across both
// for when the article appeared; what has no date (Ho's degrees, a note; Broadcom) at the
// lanes' start, off the axis.
// What each step adds, that nothing moves between steps, the dating rules (Ho's move in
// November of the year before the article), and that no words collide in any layout.
// Positions against the facts, words against the labels.

import { describe, expect, it } from "vitest";
import { STACKS } from "../../../src/scenes/chip.ts";
import { team } from "../../../src/scenes/team.ts";
import { unknowns } from "../../../src/scenes/unknowns.ts";
import { isCaption, overlaps, textBox } from "../../../src/scenes/figure.ts";
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
/** A year tick's x: ticks sit at the start of each year on the axis. */
const tickX = (marks: Mark[], year: number) => num(find(marks, `tick-${year}`)!, "x1");
/** The x of every point of a path's `d` (M/L pairs). */
const pathXs = (m: Mark) => [...String(m.attrs.d).matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((p) => Number(p[1]));
const pathYs = (m: Mark) => [...String(m.attrs.d).matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((p) => Number(p[2]));
/** A label's lines. */
const linesOf = (marks: Mark[], k: string) => marks.filter((m) => new RegExp(`^${k}-\\d+$`).test(m.key));

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

    it("each step adds pieces and moves none: every mark shared with the next step is drawn the same (the caption aside), but Google's, which the career step brings forward in place", () => {
      const order = team.states.slice(0, 4);
      /** Ho's Google years: quiet in the first step, brought forward by the second (fainter before, not elsewhere). */
      const google = (k: string) => /^(tenure|gap-bar)/.test(k);
      const place = (m: Mark) => Object.fromEntries(Object.entries(m.attrs).filter(([k]) => k !== "opacity" && k !== "class"));
      for (let i = 1; i < order.length; i++) {
        const before = at(order[i - 1]!);
        const after = at(order[i]!);
        const added = [...keys(after)].filter((k) => !keys(before).has(k));
        expect(added.length, order[i]).toBeGreaterThan(0);
        for (const m of before.filter((x) => !/^(caption|note)/.test(x.key))) {
          const where = `${order[i]}: ${m.key}`;
          if (order[i] === "career" && google(m.key)) {
            // The same mark in the same place, only its emphasis changes.
            expect(find(after, m.key), where).toBeDefined();
            expect(place(find(after, m.key)!), where).toEqual(place(m));
          } else expect(find(after, m.key)?.attrs, where).toEqual(m.attrs);
        }
      }
    });

    it("no words over other words, and all of them inside the stage above the caption, in every step and both languages", () => {
      for (const lang of ["en", "de"] as const) {
        const c = ctxFor("team", layout, lang);
        for (const state of team.states) {
          const marks = team.marks(state, c);
          const band = find(marks, "caption-band");
          const bottom = band ? num(band, "y") : c.height;
          const texts = marks
            .filter((m) => m.tag === "text" && !isCaption(m))
            .map((m) => ({ key: m.key, size: m.attrs["font-size"], b: textBox(m) }));
          for (const [i, a] of texts.entries()) {
            const where = `${lang} ${state} ${a.key}`;
            expect(a.b.x0, where).toBeGreaterThanOrEqual(0);
            expect(a.b.x1, where).toBeLessThanOrEqual(c.width);
            // Clear of the caption strip by three tenths of an em, as tests/e2e/labels.spec.ts asks of the drawn words.
            expect(a.b.y1, where).toBeLessThanOrEqual(bottom - Number(texts[i]!.size) * 0.3);
            for (const b of texts.slice(i + 1)) expect(overlaps(a.b, b.b, 0.5), `${where} × ${b.key}`).toBe(false);
          }
        }
      }
    });

    it('no words on the rule between the lanes, in any step or language (review 38: "Chief Engineer" sat on it)', () => {
      for (const lang of ["en", "de"] as const) {
        const c = ctxFor("team", layout, lang);
        for (const state of team.states) {
          const marks = team.marks(state, c);
          const rule = find(marks, "lane-rule")!;
          const y = num(rule, "y1");
          for (const m of marks.filter((x) => x.tag === "text" && !isCaption(x))) {
            const b = textBox(m);
            const clear = Number(m.attrs["font-size"]) * 0.15;
            expect(b.y1 + clear <= y || b.y0 - clear >= y, `${lang} ${state} ${m.key}`).toBe(true);
          }
        }
      }
    });

    it("one scale, left to right, cut once: a year the same width on both sides of the cut; the axis one bar ending with the earliest production year", () => {
      const marks = at("schedule");
      const from = year("ho-google-start");
      const end = year("production-earliest") + 1;
      const [c0, c1] = [from + 1, year("ho-google-end") - 1];
      const step = tickX(marks, from + 1) - tickX(marks, from);
      expect(step).toBeGreaterThan(0);
      for (let v = c1 + 1; v <= end; v++) expect(tickX(marks, v) - tickX(marks, v - 1)).toBeCloseTo(step, 0);
      // No ticks in the cut, none after the end; the axis one bar (review 38: in two pieces it read as two stretches),
      // the cut shorter than the years it stands for and marked by one gap marker in its middle.
      for (let v = c0 + 1; v < c1; v++) expect(find(marks, `tick-${v}`), String(v)).toBeUndefined();
      expect(find(marks, `tick-${end + 1}`)).toBeUndefined();
      const axis = find(marks, "axis")!;
      expect(marks.filter((m) => m.key.startsWith("axis"))).toEqual([axis]);
      expect(num(axis, "x")).toBeCloseTo(tickX(marks, from), 0);
      expect(num(axis, "x") + num(axis, "width")).toBeCloseTo(tickX(marks, end), 0);
      const cutW = tickX(marks, c1) - tickX(marks, c0);
      expect(cutW).toBeGreaterThan(0);
      expect(cutW).toBeLessThan(step * (c1 - c0));
      const gapMark = find(marks, "gap")!;
      expect(gapMark.tag).toBe("path");
      const gx = pathXs(gapMark);
      expect((Math.min(...gx) + Math.max(...gx)) / 2).toBeCloseTo((tickX(marks, c0) + tickX(marks, c1)) / 2, 0);
      const ay = pathYs(gapMark);
      expect(Math.min(...ay)).toBeLessThan(cy(axis));
      expect(Math.max(...ay)).toBeGreaterThan(cy(axis));
      // The years named, under the middle of their year, the last the earliest production.
      const named = ["ho-google-start", "ho-google-end", "report-year", "production-earliest"];
      for (const id of named) expect(num(find(marks, `year-${id}-0`)!, "x"), id).toBeCloseTo(tickX(marks, year(id)) + step / 2, 0);
      // Google, ONE bar from the middle of the year he joined to the middle of the year he left, across the cut
      // (review 38: parted at the cut, it read as two jobs), the gap marker drawn across it at the axis' x.
      const tenure = find(marks, "tenure")!;
      expect(marks.filter((m) => m.tag === "rect" && m.key.startsWith("tenure"))).toEqual([tenure]);
      expect(num(tenure, "x")).toBeCloseTo(tickX(marks, from) + step / 2, 0);
      expect(num(tenure, "x") + num(tenure, "width")).toBeCloseTo(tickX(marks, year("ho-google-end")) + step / 2, 0);
      const onBar = find(marks, "gap-bar")!;
      expect(pathXs(onBar)).toEqual(gx);
      const by = pathYs(onBar);
      expect(Math.min(...by)).toBeLessThan(num(tenure, "y"));
      expect(Math.max(...by)).toBeGreaterThan(num(tenure, "y") + num(tenure, "height"));
      // The gap marker crosses no words (on the bar it stands just over Google's).
      for (const g of [gapMark, onBar]) {
        const box = { x0: Math.min(...pathXs(g)), x1: Math.max(...pathXs(g)), y0: Math.min(...pathYs(g)), y1: Math.max(...pathYs(g)) };
        for (const m of marks.filter((x) => x.tag === "text" && !isCaption(x)))
          expect(overlaps(box, textBox(m), 0), `${g.key} × ${m.key}`).toBe(false);
      }
      // The only break marks: the gap marker on the axis and the same on the bar.
      expect(
        marks
          .filter((m) => /break|gap/.test(m.key))
          .map((m) => m.key)
          .sort(),
      ).toEqual(["gap", "gap-bar"]);
    });

    it("ho: both lanes named at their start; Ho's move in November of the year before the article; the article's dotted line across both lanes", () => {
      const marks = at("ho");
      const step = tickX(marks, year("prev-year") + 1) - tickX(marks, year("prev-year"));
      const hero = find(marks, "hero")!;
      expect((cx(hero) - tickX(marks, year("ho-joined"))) / step).toBeCloseTo(10.5 / 12, 1);
      // The article: a dotted line in the middle of its year (no month given), from above Ho's lane down to the axis.
      const article = find(marks, "article")!;
      expect(classes(article)).toContain("tl-undated");
      expect((num(article, "x1") - tickX(marks, year("report-year"))) / step).toBeCloseTo(0.5, 1);
      expect(num(article, "x2")).toBe(num(article, "x1"));
      expect(num(article, "y1")).toBeLessThan(cy(hero));
      expect(num(article, "y2")).toBeCloseTo(cy(find(marks, "axis")!), 0);
      expect(words(labelText(marks, "article-lbl"))).toBe(words(ctx.t("article")));
      expect(ctx.t("article")).toContain(ctx.fact("report-year"));
      // Ho's time at OpenAI runs from his bust to the article's line; the report a point on that line, in the project's lane.
      const run = find(marks, "hero-run")!;
      expect(run.tag).toBe("rect");
      expect(num(run, "x") + num(run, "width")).toBeCloseTo(num(article, "x1"), 0);
      const report = find(marks, "report")!;
      expect(cx(report)).toBeCloseTo(num(article, "x1"), 0);
      expect(cy(report)).toBeGreaterThan(cy(hero));
      expect(words(labelText(marks, "report-lbl"))).toBe(words(ctx.t("report")));
      expect(words(labelText(marks, "hero-lbl"))).toBe(words(ctx.t("joins")));
      // The lanes' names at their start (left of every dated mark), Ho's above the project's.
      const who = find(marks, "who-lbl-0")!;
      const proj = find(marks, "project-lbl-0")!;
      expect(words(labelText(marks, "who-lbl"))).toBe(words(ctx.t("who")));
      expect(words(labelText(marks, "project-lbl"))).toBe(words(ctx.t("project")));
      for (const m of [who, proj]) expect(num(m, "x")).toBeLessThan(num(find(marks, "axis")!, "x") + 1);
      expect(num(who, "y")).toBeLessThan(num(proj, "y"));
    });

    it('ho: Ho\'s Google years drawn already, quiet (review 40: two small marks on an empty grid): the bar and its gap marker fainter, named "Google" in grey; the career step brings them forward in place, with their words', () => {
      const first = at("ho");
      const career = at("career");
      for (const k of ["tenure", "gap-bar"]) {
        expect(num(find(first, k)!, "opacity"), k).toBeLessThan(0.6);
        expect(num(find(first, k)!, "opacity"), k).toBeGreaterThan(0.25);
        expect(find(career, k)!.attrs.opacity, k).toBeUndefined();
        expect(classes(find(first, k)), k).toEqual(classes(find(career, k)));
      }
      // Labelled from the first step, under the bar from its start as in the career step: only the words grow.
      expect(words(labelText(first, "tenure-lbl"))).toBe(words(ctx.t("google-short")));
      expect(ctx.t("google")).toContain(ctx.t("google-short"));
      const quiet = find(first, "tenure-lbl-0")!;
      const full = find(career, "tenure-lbl-0")!;
      expect(classes(quiet)).toContain("lbl-muted");
      expect(classes(full)).not.toContain("lbl-muted");
      for (const k of ["x", "y", "font-size"] as const) expect(num(quiet, k), k).toBe(num(full, k));
      expect(textBox(quiet).y0).toBeGreaterThan(num(find(first, "tenure")!, "y") + num(find(first, "tenure")!, "height"));
      // Ho's move stays the first step's strong mark: his bust and OpenAI bar full, Google's bar behind them.
      for (const k of ["hero", "hero-run"]) expect(find(first, k)!.attrs.opacity, k).toBeUndefined();
      // The caption says where the Google years come from, as the career step's does.
      expect(ctx.t("notes.ho")).toMatch(/Google years/);
      // The degrees wait for the career step, which tells them.
      expect(find(first, "degrees-lbl-0")).toBeUndefined();
    });

    it("career: the degrees a note under Ho's lane's name, off the axis, saying they have no years; the Google years a grey bar in his lane", () => {
      const marks = at("career");
      const axisX = num(find(marks, "axis")!, "x");
      const firstMark = num(find(marks, "tenure")!, "x");
      // A note in words (review 38: rings on a row over "no year given" read as a row floating on an undated axis).
      for (const k of ["manchester", "stanford", "undated-lbl-0", "undated-rule"]) expect(find(marks, k), k).toBeUndefined();
      expect(words(labelText(marks, "degrees-lbl"))).toBe(words(ctx.t("degrees")));
      expect(ctx.t("degrees")).toMatch(/no years given/);
      for (const k of ["Manchester", "Stanford"]) expect(ctx.t("degrees")).toContain(k);
      const note = linesOf(marks, "degrees-lbl").map(textBox);
      const who = linesOf(marks, "who-lbl").map(textBox);
      for (const b of note) {
        expect(b.y0).toBeGreaterThan(Math.max(...who.map((w) => w.y1)));
        // Left of the axis where the stage is wide; above the lane's dated row on the upright phone.
        if (layout === "square") expect(b.y1).toBeLessThan(num(find(marks, "tenure")!, "y"));
        else expect(b.x1).toBeLessThan(axisX);
      }
      expect(firstMark).toBeGreaterThan(axisX);
      expect(classes(find(marks, "tenure"))).toEqual(["bar"]);
      expect(words(labelText(marks, "tenure-lbl"))).toBe(words(ctx.t("google")));
      // In Ho's lane: above the project's.
      expect(cy(find(marks, "tenure")!)).toBeLessThan(cy(find(marks, "report")!));
      // One career bar: his time at OpenAI on the Google bar's line, as thick, after it.
      const run = find(marks, "hero-run")!;
      expect(cy(run)).toBeCloseTo(cy(find(marks, "tenure")!), 0);
      expect(num(run, "height")).toBeCloseTo(num(find(marks, "tenure")!, "height"), 0);
      expect(num(run, "x")).toBeGreaterThan(num(find(marks, "tenure")!, "x") + num(find(marks, "tenure")!, "width"));
      // Google's words under its bar, from its start; Ho's move's words over his bust, ending at it, so neither reads
      // as the other's label (review 36: "Ho joined OpenAI" stood under the bar).
      const tenure = find(marks, "tenure")!;
      const hero = find(marks, "hero")!;
      const google = marks.filter((m) => m.key.startsWith("tenure-lbl")).map(textBox);
      const joins = marks.filter((m) => m.key.startsWith("hero-lbl")).map(textBox);
      for (const b of google) expect(b.y0).toBeGreaterThan(num(tenure, "y") + num(tenure, "height"));
      for (const b of joins) {
        expect(b.y1).toBeLessThan(num(hero, "y"));
        expect(b.x1).toBeLessThan(cx(hero) + num(hero, "width") * 2);
        expect(b.x1).toBeGreaterThan(cx(hero));
      }
    });

    it("broadcom: a grey ring at the project's start, off the axis, tied to the lane's name by a dashed rust line", () => {
      const marks = at("broadcom");
      const bc = find(marks, "broadcom")!;
      expect(classes(bc)).toContain("marker-ring");
      const name = find(marks, "project-lbl-0")!;
      const tenure = find(marks, "tenure")!;
      if (layout === "square") expect(num(bc, "y") + num(bc, "height")).toBeLessThan(cy(find(marks, "report")!) - 20);
      else expect(num(bc, "x") + num(bc, "width")).toBeLessThan(num(find(marks, "axis")!, "x"));
      expect(cy(bc)).toBeGreaterThan(cy(tenure));
      const partner = find(marks, "link-partner")!;
      expect(partner.attrs["stroke-dasharray"]).toBeDefined();
      expect(classes(partner)).toEqual(["arc"]);
      expect(num(partner, "y1")).toBeGreaterThan(num(name, "y"));
      expect(num(partner, "y2")).toBeLessThanOrEqual(num(bc, "y"));
      expect(words(labelText(marks, "partner-lbl"))).toBe(words(ctx.t("partner")));
      expect(words(labelText(marks, "broadcom-lbl"))).toBe(words(ctx.t("broadcom")));
      expect(words(labelText(marks, "broadcom-val"))).toBe(words(ctx.t("tpu")));
    });

    it("schedule: the planned chip on the article's line, dashed on to the earliest production, dotted beyond: or later", () => {
      const marks = at("schedule");
      const report = find(marks, "report")!;
      const die = find(marks, "chip-die")!;
      // The shared package (chip.ts), drawn as chapter 9 draws OpenAI's planned chip: every part dashed, planned.
      expect(classes(die)).toEqual(["die", "die-plan"]);
      // On the article's line, the report's point above the chip, not hidden under it (review 36).
      expect(cx(die)).toBeCloseTo(cx(report), 0);
      const sub = find(marks, "chip-sub")!;
      expect(cy(report) + num(report, "height") / 2).toBeLessThan(num(sub, "y"));
      expect(classes(find(marks, "chip-sub"))).toEqual(["sub", "sub-plan"]);
      for (const id of STACKS) expect(classes(find(marks, `chip-hbm-${id}`)), id).toEqual(["stack", "stack-plan"]);
      const production = find(marks, "production")!;
      const step = tickX(marks, year("report-year") + 1) - tickX(marks, year("report-year"));
      // At the start of the earliest year, not inside it: the article gives a bound, not a date (standards review 41).
      expect((cx(production) - tickX(marks, year("production-earliest"))) / step).toBeCloseTo(0, 1);
      expect(cy(production)).toBeCloseTo(cy(die), 0);
      expect(find(marks, "run")!.attrs["stroke-dasharray"]).toBeDefined();
      expect(classes(find(marks, "later"))).toEqual(["arc", "arc-dot"]);
      expect(find(marks, "later-head")!.tag).toBe("path");
      // The arrow runs on past the axis' end: open-ended.
      expect(num(find(marks, "later")!, "x2")).toBeGreaterThan(tickX(marks, year("production-earliest") + 1));
      for (const k of ["chip", "production", "later"]) expect(words(labelText(marks, `${k}-lbl`)), k).toBe(words(ctx.t(k)));
      // No words across the article's line, which runs through the chip: they stand left of it, right of it, above its top
      // (its own words) or under the axis it ends at (the year).
      const line = find(marks, "article")!;
      const lineX = num(line, "x1");
      for (const m of marks.filter((x) => x.tag === "text" && !isCaption(x))) {
        const b = textBox(m);
        expect(b.x1 < lineX || b.x0 > lineX || b.y1 < num(line, "y1") || b.y0 > num(line, "y2"), m.key).toBe(true);
      }
    });

    it("open: the chip large in a panel under the axis (spanning no years), drawn as chapter 9 draws it; memory and packaging said not known beside them; the rest kept, dimmed", () => {
      const small = at("schedule");
      const marks = at("open");
      expect(num(find(marks, "pchip-sub")!, "width")).toBeGreaterThan(num(find(small, "chip-sub")!, "width") * 1.2);
      // The same glyph as unknowns--money's planned chip: the same classes part by part.
      const money = unknowns.marks("money", ctxFor("unknowns", layout, "en"));
      for (const part of ["sub", "die", ...STACKS.map((id) => `hbm-${id}`)])
        expect(classes(find(marks, `pchip-${part}`)), part).toEqual(classes(find(money, `chip-${part}`)));
      expect(words(labelText(marks, "panel-memory-lbl"))).toBe(words(ctx.t("memory")));
      expect(words(labelText(marks, "panel-package-lbl"))).toBe(words(ctx.t("package")));
      expect(ctx.t("memory")).toMatch(/not known/);
      expect(ctx.t("package")).toMatch(/not known/);
      // Each tied by a leader to its part: memory from a stack, packaging from the substrate's edge.
      const parts = chipBoxes(marks);
      const memTie = String(find(marks, "panel-memory-tie")!.attrs.d);
      const pkgTie = String(find(marks, "panel-package-tie")!.attrs.d);
      expect(Number(memTie.slice(1).split(",")[0]) - 2).toBeCloseTo(parts.r0, 0);
      expect(Number(pkgTie.slice(1).split(",")[0]) - 2).toBeCloseTo(parts.sub, 0);
      // The panel stands below the axis, under its own rule: the chip spans no years.
      const rule = num(find(marks, "panel-rule")!, "y1");
      expect(rule).toBeGreaterThan(num(find(marks, "year-report-year-0")!, "y"));
      expect(num(find(marks, "pchip-sub")!, "y")).toBeGreaterThan(rule);
      // Nothing of the steps before vanishes: the axis, Broadcom and the schedule's chip stay, fainter.
      for (const k of ["axis", "broadcom", "chip-sub", "run", "article"]) expect(num(find(marks, k)!, "opacity"), k).toBeLessThan(1);
      // The report's point, above the small chip, stays, fainter.
      expect(num(find(marks, "report")!, "opacity")).toBeLessThan(1);
      // Its words are said once, in the panel, not a second time beside the small chip.
      expect(marks.filter((m) => m.key.startsWith("chip-lbl"))).toEqual([]);
      for (const { mark } of walk(marks)) expect(mark.text ?? "", mark.key).not.toContain("?");
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

/** The right edges of the panel chip's upper right stack and of its substrate. */
function chipBoxes(marks: Mark[]): { r0: number; sub: number } {
  const edge = (k: string) => num(find(marks, k)!, "x") + num(find(marks, k)!, "width");
  return { r0: edge("pchip-hbm-r0"), sub: edge("pchip-sub") };
}
