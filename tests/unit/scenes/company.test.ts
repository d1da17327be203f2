// Scene "company": the planned data-centre company as a schematic chart, over
// two chapters (the plan, then OpenAI's board). What each state must show, in
// every layout; words are checked against the labels (ctx.t), never literals.

import { describe, expect, it } from "vitest";
import { company } from "../../../src/scenes/company.ts";
import { isCaption, textBox, type Box } from "../../../src/scenes/figure.ts";
import type { Layout, Mark } from "../../../src/story/types.ts";
import { LAYOUTS } from "../../../src/story/config.ts";
import { ctxFor, find, labelText, num, realFacts, texts, LANGS } from "../support.ts";
import { nameForms } from "../../../src/story/facts.ts";

type State = (typeof company.states)[number];
const LAYOUT_LIST = Object.keys(LAYOUTS) as Layout[];
const classes = (m: Mark | undefined) => String(m?.attrs.class ?? "").split(/\s+/);
/** Labels keep short quotes together with non-breaking spaces; compare the words. */
const words = (s: string | undefined) => s?.replace(/\u00a0/g, " ");
const rectBox = (m: Mark): Box => ({
  x0: num(m, "x"),
  y0: num(m, "y"),
  x1: num(m, "x") + num(m, "width"),
  y1: num(m, "y") + num(m, "height"),
});
const DCS = [0, 1, 2, 3].map((i) => `dc-${i}`);

describe("company", () => {
  it("has seven states, the plan's four and the board's three", () => {
    expect(company.states).toEqual(["plan", "investors", "approval", "motives", "crisis", "stake", "calm"]);
  });

  describe.each(LAYOUT_LIST)("layout %s", (layout) => {
    const ctx = ctxFor("company", layout, "en");
    const at = (state: State) => company.marks(state, ctx);
    const label = (state: State, key: string) => words(labelText(at(state), key));

    it("keeps the company box, its name and its four data centres in every state, with the same keys", () => {
      for (const state of company.states) {
        const marks = at(state);
        const box = find(marks, "company");
        expect(box?.tag, state).toBe("rect");
        expect(classes(box)).toContain("box-schematic");
        expect(label(state, "company-lbl"), state).toBe(words(ctx.t("company")));
        const size = num(find(marks, "dc-0")!, "width");
        for (const key of DCS) {
          const dc = find(marks, key)!;
          expect(classes(dc), `${state} ${key}`).toContain("fab-new");
          expect(num(dc, "width")).toBe(size);
          expect(num(dc, "height")).toBe(size);
        }
        expect(label(state, "dcs-lbl"), state).toBe(words(ctx.t("dcs")));
        expect(find(marks, "altman"), state).toBeDefined();
      }
    });

    it("draws OpenAI as the hero dot (a rect with round ends, as the chapter before hands it over), labelled", () => {
      for (const state of company.states.filter((s) => s !== "motives")) {
        const hero = find(at(state), "hero");
        expect(hero?.tag, state).toBe("rect");
        expect(num(hero!, "width")).toBe(num(hero!, "height"));
        expect(Math.abs(num(hero!, "rx") - num(hero!, "width") / 2)).toBeLessThanOrEqual(0.1);
        expect(classes(hero)).toContain("marker-hero");
        expect(label(state, "hero-lbl"), state).toBe(words(ctx.t("openai")));
      }
    });

    it("plan: Altman and outside investors found the company; it builds data centres; OpenAI rents servers there", () => {
      const marks = at("plan");
      expect(label("plan", "altman-lbl")).toBe(words(ctx.t("altman")));
      expect(label("plan", "investors-lbl")).toBe(words(ctx.t("investors")));
      for (const [key, text] of [
        ["link-found", "found"],
        ["link-capital", "capital"],
        ["link-build", "build"],
        ["link-rent", "rent"],
      ] as const) {
        expect(find(marks, key)?.tag, key).toBe("path");
        expect(find(marks, `${key}-head`)?.tag, `${key} has an arrowhead`).toBe("path");
        expect(label("plan", `${key}-lbl`)).toBe(words(ctx.t(text)));
      }
      expect(label("plan", "company-val")).toBe(words(ctx.t("planned")));
      // The arrows run the way the plan does: into the company, out to the data centres, on to OpenAI.
      const middle = (k: string): number => {
        const b = rectBox(find(marks, k)!);
        return (b.y0 + b.y1) / 2;
      };
      expect(middle("company")).toBeLessThan(middle("dc-0"));
      expect(middle("dc-2")).toBeLessThan(middle("hero"));
    });

    it("investors: private equity joins the backers; SoftBank is linked to Altman by a dashed line, without an arrow", () => {
      const marks = at("investors");
      expect(label("investors", "pe-lbl")).toBe(words(ctx.t("pe")));
      expect(label("investors", "softbank-lbl")).toBe(words(ctx.t("softbank")));
      expect(label("investors", "softbank-val")).toBe(words(ctx.t("softbank-talk")));
      expect(classes(find(marks, "link-softbank"))).toContain("arc-broken");
      expect(find(marks, "link-softbank-head")).toBeUndefined();
      expect(find(marks, "link-pe-head")).toBeDefined();
    });

    it("approval: the Commerce Department's approval and the talks with other governments, the UAE not yet named", () => {
      const marks = at("approval");
      expect(label("approval", "commerce-lbl")).toBe(words(ctx.t("commerce")));
      expect(label("approval", "gov-lbl")).toBe(words(ctx.t("gov")));
      expect(label("approval", "link-approval-lbl")).toBe(words(ctx.t("approval")));
      expect(label("approval", "link-talks-lbl")).toBe(words(ctx.t("talks")));
      expect(classes(find(marks, "link-talks"))).toContain("arc-broken");
      expect(find(marks, "link-approval-head")).toBeDefined();
      // The step says "such as in the Middle East"; the UAE come in with the next step.
      const uae = nameForms(realFacts().names.uae!, "en");
      const all = texts(marks).map((m) => m.text ?? "");
      expect(all.some((t) => uae.some((n) => t.includes(n)))).toBe(false);
      expect(texts(at("motives")).some((m) => uae.some((n) => (m.text ?? "").includes(n)))).toBe(true);
    });

    it("motives: the governments (the UAE among them), what they want, and their three reasons as a list", () => {
      const marks = at("motives");
      expect(label("motives", "gov-lbl")).toBe(words(ctx.t("gov-uae")));
      expect(label("motives", "gov-val")).toBe(words(ctx.t("want")));
      const ys: number[] = [];
      for (let i = 0; i < 3; i++) {
        const bullet = find(marks, `reason-${i}`)!;
        expect(bullet.tag).toBe("rect");
        expect(label("motives", `reason-${i}-lbl`)).toBe(words(ctx.t(`reason-${i + 1}`)));
        ys.push(num(bullet, "y"));
      }
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
      expect(find(marks, "commerce")).toBeUndefined();
    });

    it("draws dashed what is planned or under discussion and solid only what the article reports as done (the caption's rule)", () => {
      // Reported as done: the Commerce Department's approval (insiders say) and the board's worry in 2023.
      const done = new Set(["link-approval", "link-worry"]);
      for (const state of company.states) {
        for (const m of at(state).filter((m) => /^link-[a-z]+$/.test(m.key))) {
          expect(classes(m).includes("arc-broken"), `${state} ${m.key}`).toBe(!done.has(m.key));
          if (!done.has(m.key)) expect(classes(m), `${state} ${m.key}`).not.toContain("arc-strong");
        }
      }
      expect(ctx.t("note")).toMatch(/dashed: planned or under discussion/i);
    });

    it("motives: no line joins the governments to the plan (the article says only that they want data centres)", () => {
      expect(find(at("motives"), "link-talks")).toBeUndefined();
    });

    it("crisis: the board worries about Altman, the project stands apart from OpenAI, no investors yet, the crisis is dated", () => {
      const marks = at("crisis");
      expect(label("crisis", "board-lbl")).toBe(words(ctx.t("board")));
      expect(label("crisis", "board-val")).toBe(words(ctx.t("crisis")));
      expect(label("crisis", "link-worry-lbl")).toBe(words(ctx.t("worry")));
      expect(find(marks, "investors")).toBeUndefined();
      expect(find(marks, "link-capital")).toBeUndefined();
      expect(label("crisis", "company-idea")).toBe(words(ctx.t("independent")));
      expect(find(marks, "link-stake")).toBeUndefined();
      expect(find(marks, "link-rent")).toBeUndefined();
    });

    it("stake and calm: OpenAI's proposed stake in the company; the new board still reviewing; the staff's calm told in the company's box", () => {
      for (const state of ["stake", "calm"] as const) {
        const marks = at(state);
        expect(label(state, "board-lbl"), state).toBe(words(ctx.t("new-board")));
        expect(classes(find(marks, "link-stake"))).toContain("arc-broken");
        expect(find(marks, "link-stake-head")).toBeDefined();
        expect(label(state, "link-stake-lbl")).toBe(words(ctx.t("stake")));
        expect(find(marks, "link-worry")).toBeUndefined();
        expect(classes(find(marks, "link-review")), state).toContain("arc-broken");
        expect(label(state, "link-review-lbl")).toBe(words(ctx.t("review")));
      }
      expect(label("calm", "company-calm")).toBe(words(ctx.t("calm")));
      expect(label("stake", "company-val")).toBe(words(ctx.t("planned")));
    });

    it("fills its layout: the drawing spans most of the plot above the caption, in every state", () => {
      for (const state of company.states) {
        const marks = at(state);
        const top = num(find(marks, "caption-band")!, "y");
        const content = marks.filter((m) => !isCaption(m));
        const boxes = [...content.filter((m) => m.tag === "rect").map(rectBox), ...content.filter((m) => m.tag === "text").map(textBox)];
        const x0 = Math.min(...boxes.map((b) => b.x0));
        const x1 = Math.max(...boxes.map((b) => b.x1));
        const y0 = Math.min(...boxes.map((b) => b.y0));
        const y1 = Math.max(...boxes.map((b) => b.y1));
        expect((x1 - x0) / ctx.width, `${state} width`).toBeGreaterThan(0.75);
        expect((y1 - y0) / top, `${state} height`).toBeGreaterThan(0.75);
      }
    });

    it("says in its caption that it is schematic", () => {
      for (const state of company.states) {
        const caption = texts(at(state))
          .filter((m) => m.key.startsWith("note-"))
          .map((m) => m.text)
          .join(" ");
        expect(words(caption)).toBe(words(ctx.t("note")));
      }
    });
  });

  it("labels come from the language's label file", () => {
    for (const lang of LANGS) {
      const ctx = ctxFor("company", "column", lang);
      expect(words(labelText(company.marks("plan", ctx), "link-rent-lbl"))).toBe(words(ctx.t("rent")));
    }
    const de = labelText(company.marks("plan", ctxFor("company", "column", "de")), "investors-lbl");
    const en = labelText(company.marks("plan", ctxFor("company", "column", "en")), "investors-lbl");
    expect(de).not.toBe(en);
  });
});
