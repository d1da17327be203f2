// Scenes with numbers offer them as a table (read by screen readers): the
// squares' groups and values, the timeline's dates. The tables follow what each state draws.
import { describe, expect, it } from "vitest";
import { scenes } from "../../../src/scenes/index.ts";
import { ctxFor, walk, LANGS } from "../support.ts";

const texts = (scene: string, state: string, lang: (typeof LANGS)[number]) =>
  [...walk(scenes[scene]!.marks(state, ctxFor(scene, "print", lang)))].map(({ mark }) => mark.text ?? "").join(" ");

describe("figure tables", () => {
  for (const lang of LANGS) {
    it(`${lang}: trillions lists each group of squares the state draws and the range's low end, named as in the figure, with its value in words`, () => {
      const s = scenes.trillions!;
      for (const state of s.states) {
        const ctx = ctxFor("trillions", "print", lang);
        const table = s.table!(state, ctx)!;
        const marks = s.marks(state, ctx);
        const groups = new Set(marks.flatMap((m) => /^(goal|bonds|giants)-\d+$/.exec(m.key)?.[1] ?? []));
        // (the market value, no squares of its own: a frame round the target's squares it fills, its row says how many
        // of how many; graphics reviews 51, item 10b, 54 and 57, item 3)
        const panel = marks.some((m) => m.key === "value-frame");
        if (panel) groups.add("giants");
        // (and, after the target, the range's low end, where its paler squares start)
        expect(table.rows).toHaveLength(groups.size + (groups.has("goal") ? 1 : 0));
        expect(table.head).toHaveLength(3);
        for (const [name, value, count] of table.rows) {
          expect(texts("trillions", state, lang).replace(/\s+/g, " ").toLowerCase()).toContain(name!.split(" ")[0]!.toLowerCase());
          expect(value).toMatch(/\d/);
          expect(count).toMatch(
            panel && value === ctx.fact("giants-value", "long")
              ? new RegExp(`^\\d+ ${ctx.t("table.of")} \\d+ \\(${ctx.t("table.framed")}\\)$`)
              : /^\d+$/,
          );
        }
      }
      expect(s.table!("giants", ctxFor("trillions", "print", lang))!.rows.map((r) => r[1])).toEqual(
        ["total-sum", "wsj-range-low", "bond-issuance", "giants-value"].map((id) => ctxFor("trillions", "print", lang).fact(id, "long")),
      );
    });

    it(`${lang}: team's timelines list their dates; the network and the chip have no table`, () => {
      const s = scenes.team!;
      const ctx = ctxFor("team", "print", lang);
      for (const state of s.states) {
        const table = s.table!(state, ctx);
        if (state === "broadcom" || state === "open") {
          expect(table).toBeNull();
          continue;
        }
        expect(table!.rows.length).toBeGreaterThanOrEqual(2);
        for (const [when] of table!.rows) expect(when!.length).toBeGreaterThan(0);
      }
      const career = s.table!("career", ctx)!.rows.flat().join(" ");
      for (const id of ["ho-google-start", "ho-google-end"]) expect(career).toContain(ctx.fact(id));
      const schedule = s.table!("schedule", ctx)!.rows.flat().join(" ");
      for (const id of ["report-year", "production-earliest"]) expect(schedule).toContain(ctx.fact(id));
    });
  }
});
