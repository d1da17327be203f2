// The numbers' source notes (issue 19; docs/CONTRACT.md): each number of the prose,
// [data-fact="ID"], opens its source note [data-fact-note="ID"] in place, by pointer,
// touch or keyboard; one at a time; Escape closes it and gives focus back to the
// number. The note quotes the facts file word for word (and our translation in
// English). Without JavaScript the number links to its endnote; on paper it carries
// the endnote's number, and the endnotes list each cited fact once, in order.
// The phone runs what a touch screen changes (a tap opens and closes a note; the open
// note in full view, clear of the stage); the markup, the quotations, the keyboard, the
// links without JavaScript and paper are the same on every screen: desktop only.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { test, expect, LANGS, open, type Lang } from "./helpers.ts";
import { onPhones } from "./sample.ts";

/** A passage's words as the facts file writes them, every quotation mark made a plain '"'. */
const plainMarks = (s: string) => s.replace(/[„“”"]/g, '"');
/** The words a <q> shows, a quotation inside it (a nested <q>, its marks drawn by CSS) between plain '"'. */
const quoted = (q: Locator) =>
  q.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll("q").forEach((inner) => inner.replaceWith(`"${inner.textContent}"`));
    return copy.textContent;
  });

test.use({ reducedMotion: "reduce" });

interface Fact {
  kind: string;
  source: "article" | "inferred" | "knowledge";
  quote?: string;
  translation?: Record<string, string>;
  note?: Record<string, string>;
}
const FACTS = (JSON.parse(readFileSync("content/facts.json", "utf8")) as { numbers: Record<string, Fact> }).numbers;
const SOURCE_LANG = LANGS[0]!;

/** The facts a language's chapters cite, in the order they first cite them, read from the Markdown. */
function citedInContent(lang: Lang): string[] {
  const dir = join("content", lang);
  const text = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  return [...new Set([...text.matchAll(/:fact\[([a-z0-9-]+)\]/g)].map((m) => m[1]!))];
}

const numbers = (page: Page) => page.locator(".step [data-fact]");
/** A fact's number in the prose (its first citation, or its last) and the note it controls. */
const noteOf = async (page: Page, id: string, which: "first" | "last" = "first") => {
  const button = page.locator(`.step [data-fact="${id}"]`)[which]();
  return { button, note: page.locator(`#${await button.getAttribute("aria-controls")}`) };
};

for (const lang of LANGS) {
  test(`${lang}: every number of the prose is a disclosure button naming its closed note @desktop-only`, async ({ page }) => {
    await open(page, `/${lang}/`);
    const all = await numbers(page).all();
    expect(all.length, "numbers cited in the prose").toBeGreaterThanOrEqual(citedInContent(lang).length);
    const ids = new Set<string>();
    for (const n of all) {
      expect(await n.evaluate((e) => e.tagName)).toBe("BUTTON");
      await expect(n).toHaveAttribute("aria-expanded", "false");
      const id = (await n.getAttribute("data-fact"))!;
      ids.add(id);
      const note = page.locator(`#${await n.getAttribute("aria-controls")}`);
      await expect(note).toHaveAttribute("data-fact-note", id);
      await expect(note).toBeHidden();
    }
    expect([...ids].sort()).toEqual(citedInContent(lang).sort());
    // One note per fact, however often the prose cites it.
    for (const id of ids) await expect(page.locator(`[data-fact-note="${id}"]`)).toHaveCount(1);
  });

  test(`${lang}: each note says where its number comes from, quoting the facts file word for word @desktop-only`, async ({ page }) => {
    await open(page, `/${lang}/`);
    for (const id of citedInContent(lang)) {
      const fact = FACTS[id]!;
      // The last citation: a fact cited in several steps opens its note in the card pressed.
      const { button, note } = await noteOf(page, id, "last");
      await button.click();
      await expect(note).toBeVisible();
      await expect(button).toHaveAttribute("aria-expanded", "true");
      // Inside the number's own card.
      expect(await note.evaluate((n, b) => n.closest(".step") === b!.closest(".step"), await button.elementHandle())).toBe(true);
      const quote = note.locator(".note-quote > q");
      if (fact.quote) {
        await expect(quote).toHaveCount(1);
        expect(await quoted(quote)).toBe(plainMarks(fact.quote));
        await expect(quote).toHaveAttribute("lang", SOURCE_LANG);
      } else await expect(quote).toHaveCount(0);
      const translation = note.locator(".note-translation");
      if (fact.quote && lang !== SOURCE_LANG) {
        await expect(translation).toHaveCount(1);
        expect(await quoted(translation.locator(":scope > q"))).toBe(plainMarks(fact.translation![lang]!));
        await expect(translation, "marked as ours").toContainText(lang === "en" ? "our translation" : /\S/);
      } else await expect(translation).toHaveCount(0);
      if (fact.note?.[lang]) await expect(note.locator(".note-text")).toHaveText(fact.note[lang]);
      const kind = await note.locator(".note-kind").textContent();
      expect(kind, `${id}: its source's kind`).toBeTruthy();
    }
  });

  // How notes open and close (pointer and keyboard) is the runtime's, whatever the language: walked in the
  // source language only; every note's own words are checked in each language above and below.
  if (lang === SOURCE_LANG)
    test(`${lang}: one note at a time; a second press or a click elsewhere closes it${onPhones(lang)}`, async ({ page }) => {
      await open(page, `/${lang}/`);
      const [a, b] = citedInContent(lang);
      const first = await noteOf(page, a!);
      const second = await noteOf(page, b!);
      await first.button.click();
      await expect(first.note).toBeVisible();
      await second.button.click();
      await expect(second.note).toBeVisible();
      await expect(first.note).toBeHidden();
      await expect(first.button).toHaveAttribute("aria-expanded", "false");
      await expect(page.locator("[data-fact-note]:visible")).toHaveCount(1);
      // A click inside the note leaves it open (a reader selecting its words).
      await second.note.locator(".note-kind").click();
      await expect(second.note).toBeVisible();
      await second.button.click();
      await expect(second.note).toBeHidden();
      await second.button.click();
      await expect(second.note).toBeVisible();
      const box = (await second.note.boundingBox())!;
      await page.mouse.click(4, Math.max(4, box.y - 40));
      await expect(second.note).toBeHidden();
      await expect(second.button).toHaveAttribute("aria-expanded", "false");
    });

  if (lang === SOURCE_LANG)
    test(`${lang}: keyboard: Enter and Space open the note, Escape closes it and returns focus to the number @desktop-only`, async ({
      page,
    }) => {
      await open(page, `/${lang}/`);
      const { button, note } = await noteOf(page, citedInContent(lang)[0]!);
      await button.focus();
      await page.keyboard.press("Enter");
      await expect(note).toBeVisible();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Escape");
      await expect(note).toBeHidden();
      await expect(button).toBeFocused();
      await expect(button).toHaveAttribute("aria-expanded", "false");
      await page.keyboard.press("Space");
      await expect(note).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(note).toBeHidden();
      await expect(button).toBeFocused();
    });

  // Graphics review 42, item 4: a rust corner triangle on the last digit read as a rendering glitch, a 6 px target.
  // At rest a number's cue is a dashed rule well below its digits, not the glossary's dotted one, in a colour at
  // least 3:1 on the card; the tap target is 24 px at least each way (WCAG 2.5.8), and no picture marks it.
  test(`${lang}: at rest a number is marked by a dashed rule, unlike a glossary term's dots, at 3:1 at least, with a tap target of 24 px each way${onPhones(lang)}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    const { button } = await noteOf(page, citedInContent(lang)[0]!);
    // Low on the screen, clear of the stage (on a phone a band over the cards).
    await button.evaluate((b) => scrollBy(0, b.getBoundingClientRect().top - innerHeight * 0.85));
    await page.waitForTimeout(300);
    const seen = await button.evaluate((b) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, bl]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(bl!);
      };
      let el: Element | null = b;
      let bg = "rgb(255, 255, 255)";
      while (el) {
        const c = getComputedStyle(el).backgroundColor;
        const parts = rgb(c);
        if (parts.length === 3 || (parts.length === 4 && parts[3] === 1)) {
          bg = c;
          break;
        }
        el = el.parentElement;
      }
      const s = getComputedStyle(b);
      const [l1, l2] = [lum(rgb(s.textDecorationColor)), lum(rgb(bg))].sort((x, y) => y - x);
      const term = document.querySelector(".term-toggle");
      const r = b.getBoundingClientRect();
      const cx = r.left + Math.min(r.width, 40) / 2;
      const cy = r.top + r.height / 2;
      const hits = [
        [cx, cy],
        [cx, cy - 11.5],
        [cx, cy + 11.5],
        [r.left + r.width / 2 - 11.5, cy],
        [r.left + r.width / 2 + 11.5, cy],
      ].map(([x, y]) => b.contains(document.elementFromPoint(x!, y!)));
      return {
        line: s.textDecorationLine,
        style: s.textDecorationStyle,
        termStyle: term ? getComputedStyle(term).textDecorationStyle : "dotted",
        offset: parseFloat(s.textUnderlineOffset) / parseFloat(s.fontSize),
        contrast: (l1! + 0.05) / (l2! + 0.05),
        image: s.backgroundImage,
        hits,
      };
    });
    expect(seen.line).toBe("underline");
    expect(seen.style).toBe("dashed");
    expect(seen.style).not.toBe(seen.termStyle);
    expect(seen.offset, "the rule clear of the digits").toBeGreaterThanOrEqual(0.3);
    expect(seen.contrast, "the cue at 3:1 at least").toBeGreaterThanOrEqual(3);
    expect(seen.image, "no painted mark over the digits").toBe("none");
    expect(seen.hits, "the number answers 11.5 px above, below and to each side of its middle").toEqual([true, true, true, true, true]);
  });

  test(`${lang}: an open note is in full view, not cut off at the edges nor under the stage`, async ({ page }, info) => {
    await open(page, `/${lang}/`);
    const touch = info.project.use.hasTouch === true;
    for (const id of citedInContent(lang)) {
      const { button, note } = await noteOf(page, id);
      await button.scrollIntoViewIfNeeded();
      if (touch) await button.tap();
      else await button.click();
      await expect(note).toBeVisible();
      const seen = await note.evaluate((n) => {
        const r = n.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
        return {
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
          width: innerWidth,
          height: innerHeight,
          scrollWidth: document.documentElement.scrollWidth,
          onTop: !!hit && n.contains(hit),
        };
      });
      expect(seen.left, `${id}: left edge`).toBeGreaterThanOrEqual(0);
      expect(seen.right, `${id}: right edge`).toBeLessThanOrEqual(seen.width);
      expect(seen.top, `${id}: top edge`).toBeGreaterThanOrEqual(0);
      expect(seen.bottom, `${id}: bottom edge`).toBeLessThanOrEqual(seen.height + 1);
      expect(seen.scrollWidth, "no sideways scrolling").toBeLessThanOrEqual(seen.width);
      expect(seen.onTop, `${id}: nothing (the stage) covers the note`).toBe(true);
    }
  });

  test(`${lang}: without JavaScript each number links to its endnote @desktop-only`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${lang}/`);
    const links = await page.locator(".step [data-fact]").all();
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      await expect(link).toBeVisible();
      const id = await link.getAttribute("data-fact");
      await expect(link).toHaveAttribute("href", `#note-${id}`);
      const target = page.locator(`#note-${id}`);
      await expect(target).toBeVisible();
      await expect(target).toHaveAttribute("data-endnote", id!);
    }
    await link(page, links);
    await context.close();
  });

  for (const js of [false, true])
    test(`${lang}: on paper${js ? " (printed with JavaScript)" : ""}, each amount's first citation carries its endnote's number, a plain year and a repeat none; the notes are the amounts', in order @desktop-only`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: js, reducedMotion: "reduce" });
      const page = await context.newPage();
      if (js) await open(page, `/${lang}/`);
      else await page.goto(`/${lang}/`);
      if (js) await (await noteOf(page, citedInContent(lang)[0]!)).button.click();
      await page.emulateMedia({ media: "print" });
      const cited = citedInContent(lang);
      // The facts paper numbers: every cited one but a plain year, in the order of first citation.
      const numbered = cited.filter((id) => FACTS[id]!.kind !== "year");
      expect(numbered.length, "some amounts are cited").toBeGreaterThan(0);
      expect(numbered.length, "some years are cited (else this test checks nothing about them)").toBeLessThan(cited.length);
      const printedNotes = page.locator(".endnotes li:visible");
      await expect(page.locator(".endnotes")).toBeVisible();
      expect(await printedNotes.evaluateAll((els) => els.map((e) => e.getAttribute("data-endnote")))).toEqual(numbered);
      // Every cited fact keeps its note in the page (the screen's notes are copied from it).
      expect(await page.locator(".endnotes li").evaluateAll((els) => els.map((e) => e.getAttribute("data-endnote")))).toEqual(cited);
      await expect(page.locator("[data-fact-note]:visible"), "the notes in place stay off paper").toHaveCount(0);
      // Each marker at the end of its sentence (graphics review 55, item 3: right after an amount it read as an
      // exponent): a paragraph's markers, each with the numbers it carries and the facts cited since the one before.
      const runs = await page.locator(".step p").evaluateAll((ps) =>
        ps.flatMap((p) => {
          const out: { ids: string[]; n: string; shown: boolean }[] = [];
          let ids: string[] = [];
          for (const e of p.querySelectorAll("[data-fact], sup.fact-ref")) {
            if (e.matches("[data-fact]")) ids.push(e.getAttribute("data-fact")!);
            else {
              out.push({ ids, n: e.textContent ?? "", shown: getComputedStyle(e).display !== "none" });
              ids = [];
            }
          }
          return out;
        }),
      );
      const seen = new Set<string>();
      const all: number[] = [];
      for (const r of runs) {
        // the amounts first cited in its sentence carry their note's number in it; a year, or a repeat, none
        const marked = r.ids.filter((id) => {
          const first = numbered.includes(id) && !seen.has(id);
          seen.add(id);
          return first;
        });
        expect(r.shown, `the marker ${r.n} after ${r.ids.join(", ")} prints`).toBe(true);
        expect(r.n.split(",").map(Number), r.ids.join(", ")).toEqual(marked.map((id) => numbered.indexOf(id) + 1));
        all.push(...r.n.split(",").map(Number));
      }
      expect(all, "every amount's number once, in order").toEqual(numbered.map((_, i) => i + 1));
      // none inside a number's own words
      expect(await page.locator(".step [data-fact] sup.fact-ref").count()).toBe(0);
      // The list prints the same numbers.
      expect(await printedNotes.evaluateAll((els) => els.map((e) => (e as HTMLLIElement).value))).toEqual(numbered.map((_, i) => i + 1));
      for (const [i, id] of numbered.entries()) {
        const fact = FACTS[id]!;
        const li = printedNotes.nth(i);
        // the claim in the page's language: the passage, or in another language our translation of it
        if (fact.quote && lang === SOURCE_LANG) await expect(li).toContainText(fact.quote);
        if (fact.quote && lang !== SOURCE_LANG) await expect(li).toContainText(fact.translation![lang]!);
      }
      await context.close();
    });
}

/** Following a number's link lands on its endnote, whose link leads back to the number's first citation. */
async function link(page: Page, links: Locator[]): Promise<void> {
  const first = links[0]!;
  const id = await first.getAttribute("data-fact");
  await first.click();
  await expect(page).toHaveURL(new RegExp(`#note-${id}$`));
  await page.locator(`#note-${id} .note-back`).click();
  await expect(page).toHaveURL(new RegExp(`#cite-${id}$`));
  await expect(page.locator(`#cite-${id}`)).toHaveAttribute("data-fact", id!);
}
