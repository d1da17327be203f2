// The page's opening and ending (src/components/Opening.astro, ChapterMenu.astro,
// Ending.astro), in every language: the chapter menu (closed at first, opened and
// left from the keyboard, closed on Escape and on choosing a chapter), the order
// of the opening (headline before any chapter list, in reading order and on
// screen), what is schematic said once, in the methods at the end (no disclaimer up top, no figure repeats it), and the
// ending's parts after the last chapter. The words come from content/page/<lang>.md.
import type { Page } from "@playwright/test";
import { test, expect, LANGS, SETTLE_MS, expectSettledOn, jumpTo, jumpToStep, open, readSteps } from "./helpers.ts";
import { onPhones } from "./sample.ts";
import { story, ui } from "../../src/story/page.ts";
import { formatFact } from "../../src/story/facts.ts";

test.use({ reducedMotion: "reduce" });

const menu = (page: Page) => page.locator("details[data-menu]");
const isOpen = (page: Page) => menu(page).evaluate((d) => (d as HTMLDetailsElement).open);
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el?.tagName === "SUMMARY") return "menu";
    return el instanceof HTMLAnchorElement && el.hasAttribute("data-nav") ? el.hash : (el?.tagName ?? "");
  });
const squeeze = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

for (const lang of LANGS) {
  test(`${lang}: the chapter menu is closed at first, opens from the keyboard, and closes on Escape, on a chosen chapter and on a click elsewhere${onPhones(lang)}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    const links = menu(page).locator("a[data-nav]");
    const hashes = await page.evaluate(() => Array.from(document.querySelectorAll("section[data-chapter]"), (s) => `#${s.id}`));
    expect(await isOpen(page)).toBe(false);
    await expect(links.first()).toBeHidden();

    // Tab from the top reaches the menu's button (after the skip link) before any chapter
    for (let n = 0; n < 5 && (await focused(page)) !== "menu"; n++) await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("menu");
    await page.keyboard.press("Enter");
    expect(await isOpen(page)).toBe(true);
    expect(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash))).toEqual(hashes);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(hashes[0]);

    // Escape closes it and gives the focus back to its button
    await page.keyboard.press("Escape");
    expect(await isOpen(page)).toBe(false);
    expect(await focused(page)).toBe("menu");
    await expect(links.first()).toBeHidden();

    // choosing a chapter closes it and goes there
    const target = Math.min(2, hashes.length - 1);
    await page.keyboard.press("Space");
    expect(await isOpen(page)).toBe(true);
    for (let n = 0; n <= target; n++) await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(hashes[target]);
    await page.keyboard.press("Enter");
    expect(await isOpen(page)).toBe(false);
    await expect
      .poll(() => page.evaluate((id) => Math.abs(document.getElementById(id)!.getBoundingClientRect().top), hashes[target]!.slice(1)))
      .toBeLessThan(80);

    // a click outside closes it too
    await page.evaluate(() => window.scrollTo(0, 0));
    await menu(page).locator("summary").click();
    expect(await isOpen(page)).toBe(true);
    // (the open panel covers the headline: click near the foot of the window, beside it)
    const { width, height } = page.viewportSize()!;
    await page.mouse.click(width - 5, height - 5);
    expect(await isOpen(page)).toBe(false);
  });

  test(`${lang}: the opening reads kicker, headline, dek, byline, dates and lead picture, in that order in the page and on screen, before any chapter list${onPhones(lang)}`, async ({
    page,
  }) => {
    const { fields } = story().page[lang]!;
    await open(page, `/${lang}/`);
    const parts = [".opening .kicker", ".opening h1", ".opening .dek", ".opening .byline", ".dateline", "figure[data-lead] svg"];
    const words = await Promise.all(parts.slice(0, 4).map((sel) => page.locator(sel).textContent()));
    expect(words.map(squeeze)).toEqual([fields.kicker, fields.headline, fields.dek, fields.byline].map(squeeze));
    expect(squeeze(await page.locator(".dateline").textContent())).toContain(squeeze(fields.based));
    expect(fields.based).toContain(formatFact(story().facts.numbers["report-year"]!, lang));
    expect(await page.locator(".dateline time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const boxes = await page.evaluate((sels) => {
      // each part's rendered element (the lead picture is drawn twice, for a wide and a narrow screen; one shows)
      const els = [...sels, "section[data-chapter]"].map((s) =>
        [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0)!,
      );
      const inOrder = els.every((el, i) => i === 0 || Boolean(els[i - 1]!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
      return { inOrder, rects: els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect), vh: window.innerHeight };
    }, parts);
    expect(boxes.inOrder, "document order").toBe(true);
    const lead = parts.indexOf("figure[data-lead] svg");
    for (let i = 1; i < boxes.rects.length; i++) {
      const [prev, rect] = [boxes.rects[i - 1]!, boxes.rects[i]!];
      // On a wide screen the lead picture stands beside the headline's block, to its right.
      if (i === lead && rect.left >= boxes.rects.slice(0, lead).reduce((r, b) => Math.max(r, b.right), 0) - 1) continue;
      expect(rect.top, `${parts[i] ?? "first chapter"} below ${parts[i - 1]}`).toBeGreaterThanOrEqual(prev.bottom - 1);
    }
    // the headline is on the first screen, near its top
    expect(boxes.rects[1]!.bottom).toBeLessThan(boxes.vh * 0.6);

    // reading order (the accessibility tree): the headline comes before any chapter's title
    const tree = await page.locator("body").ariaSnapshot();
    const firstTitle = (await page.locator("section[data-chapter] h2").first().textContent())!.trim();
    const h1 = tree.indexOf(`heading "${fields.headline}" [level=1]`);
    expect(h1, tree.slice(0, 600)).toBeGreaterThanOrEqual(0);
    expect(tree.indexOf(firstTitle)).toBeGreaterThan(h1);

    // the lead picture is the story's key figure (content/story.json's lead), not the first step's drawing
    // again a screen later: another step's, its text alternative the lead's own
    const picture = await page.evaluate(() => ({
      step: document.querySelector("figure[data-lead]")?.getAttribute("data-lead-step"),
      title: document.querySelector("figure[data-lead] svg title")?.textContent,
      first: document.querySelector("section[data-chapter] .step[data-step]")?.getAttribute("id"),
      firstAlt: document.querySelector("figure[data-figure] img")?.getAttribute("alt"),
    }));
    expect(picture.step).toBe(story().config.lead);
    expect(picture.first, "the first step's anchor").toBeTruthy();
    expect(picture.step).not.toBe(picture.first);
    expect(squeeze(picture.title ?? "")).toBe(squeeze(ui(lang, "leadAlt")));
    expect(picture.title).not.toBe(picture.firstAlt);
  });

  // Graphics reviews 40 and 41, item 3: the lead was chapter 1's second step, so a reader met the same chip
  // diagram twice in a row. The lead is a picture of its own: what it draws (its words and its shapes) is
  // what no state of chapter 1's stage draws.
  test(`${lang}: the lead picture is none of the first chapter's steps: its words and shapes differ from each state the stage shows${onPhones(lang)}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    const drawing = (sel: string) =>
      page.evaluate((s) => {
        const svg = [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0)!;
        const words = [...svg.querySelectorAll("text")]
          .filter((t) => !t.classList.contains("note"))
          .map((t) => (t.textContent ?? "").trim())
          .filter(Boolean)
          .sort();
        const shapes = ["rect", "circle", "path"].map((tag) => svg.querySelectorAll(`${tag}:not(.caption-band):not(.caption-rule)`).length);
        return JSON.stringify({ words, shapes });
      }, sel);
    const lead = await drawing("figure[data-lead] svg");
    // Its words read at the stage's sizes (tests/e2e/labelsize.spec.ts): 12 px and more on an upright phone, 14 on a
    // wide screen (the key, at the stage's caption size, came out at 11.7 px on a 390 px phone).
    const least = await page.evaluate(() => {
      const svg = [...document.querySelectorAll<SVGSVGElement>("figure[data-lead] svg")].find((e) => e.getClientRects().length > 0)!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return {
        px: Math.min(...[...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")) * scale)),
        w: innerWidth,
        h: innerHeight,
      };
    });
    if (least.h >= 500) expect(least.px).toBeGreaterThanOrEqual(least.w >= 900 ? 14 : 12);
    const first = (await readSteps(page)).filter((st, _, all) => st.slug === all[0]!.slug);
    expect(first.length).toBeGreaterThan(1);
    for (const st of first) {
      await jumpToStep(page, st.id);
      await expectSettledOn(page, st);
      expect(await drawing("[data-stage] svg"), st.id).not.toBe(lead);
      // nor the same words: the old lead said exactly what its step's picture said
      const words = (json: string) => (JSON.parse(json) as { words: string[] }).words.join("|");
      expect(words(await drawing("[data-stage] svg")), st.id).not.toBe(words(lead));
    }
  });

  // Graphics review 38, item 4: the opening ran a disclaimer under its picture ("The drawings are diagrams…"),
  // which the methods said again at the end. Said once: in the methods, none of it in the opening.
  test(`${lang}: the page says once what is schematic, in the methods at the end; not in the opening, and no figure repeats it${onPhones(lang)}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    const scale = /to scale|maßstab/i;
    const diagram = /diagrams|schemata|illustrative|der anschauung/i;
    expect(squeeze(await page.locator("header.opening").textContent())).not.toMatch(scale);
    expect(squeeze(await page.locator("header.opening").textContent())).not.toMatch(diagram);
    const methods = squeeze(await page.locator('[data-ending] [data-ending-part="methods"]').textContent());
    expect(methods).toMatch(scale);
    const paragraphs = await page.locator("p").evaluateAll((ps) => ps.map((p) => p.textContent ?? ""));
    expect(
      paragraphs.filter((p) => /(two|zwei) \S+ (are|sind) (drawn )?(to scale|maßstab)/i.test(p)),
      "one paragraph says which figures are to scale",
    ).toHaveLength(1);
    const repeats = await page.evaluate(async () => {
      // the steps' figures are files of their own (src/render/figureFile.ts): their notes read from each file
      const files = await Promise.all(
        Array.from(document.querySelectorAll<HTMLImageElement>("figure[data-figure] img"), async (img) =>
          // (without its <style>: a parsed copy's style would meet the page's CSP; only its words are read)
          new DOMParser().parseFromString((await (await fetch(img.src)).text()).replace(/<style>[^]*?<\/style>/, ""), "image/svg+xml"),
        ),
      );
      return [document, ...files]
        .flatMap((d) => Array.from(d.querySelectorAll("svg text.note"), (t) => t.textContent ?? ""))
        .filter((t) => /^\s*(schema|diagram|drawings are)|not to scale|nicht maßstäblich/i.test(t));
    });
    expect(repeats).toEqual([]);
  });

  test(`${lang}: after the last chapter, the closing line, then what to watch for, the box about the story (the methods, the credits), the sources, the numbers and names and last the colophon, in that order${onPhones(lang)}`, async ({
    page,
  }) => {
    const { blocks, fields } = story().page[lang]!;
    await open(page, `/${lang}/`);
    const ending = page.locator("[data-ending]");
    const after = await page.evaluate(() => {
      const last = [...document.querySelectorAll("section[data-chapter]")].at(-1)!;
      const end = document.querySelector("[data-ending]")!;
      return {
        follows: Boolean(last.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING),
        below: end.getBoundingClientRect().top >= last.getBoundingClientRect().bottom,
      };
    });
    expect(after).toEqual({ follows: true, below: true });
    // The ending opens on its closing line (the takeaway), before the first of its parts.
    const closing = ending.locator("[data-closing]");
    await expect(closing).toHaveCount(1);
    expect(squeeze(await closing.textContent())).toBe(squeeze(fields.closing));
    expect(
      await ending.evaluate((e) => e.firstElementChild === e.querySelector("[data-closing]")),
      "the closing line comes first in the ending",
    ).toBe(true);
    // The parts in the page's order: what it hinged on, then the box about the story, the methods and the credits,
    // read before the long lists (graphics review 42, item 9: the page ended on a stack of folded panels, its credits
    // after them); then the source guide, the numbers and names (#sources) and the colophon, last.
    const names = await ending
      .locator(":scope > [data-ending-part], :scope > #sources")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-ending-part") ?? `#${e.id}`));
    expect(names).toEqual(["watch", "methods", "credits", "sources", "#sources", "colophon"]);
    expect(
      await ending.evaluate((e) => e.lastElementChild?.getAttribute("data-ending-part")),
      "the ending's last part is the colophon",
    ).toBe("colophon");
    for (const name of ["watch", "methods", "sources", "credits", "colophon"] as const) {
      await expect(ending.locator(`[data-ending-part="${name}"] h2`)).toHaveText(blocks[name].title);
    }

    const watch = ending.locator('[data-ending-part="watch"]');
    const text = squeeze(await watch.locator("p").first().textContent());
    const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).length;
    expect(sentences, text).toBeGreaterThanOrEqual(3);
    expect(sentences, text).toBeLessThanOrEqual(5);
    const facts = await watch.locator("[data-fact]").evaluateAll((els) => els.map((e) => e.getAttribute("data-fact")));
    expect(new Set(facts)).toEqual(new Set(["report-year", "total-sum", "production-earliest"]));

    const methods = squeeze(await ending.locator('[data-ending-part="methods"]').textContent());
    expect(methods).toContain("Richard Ho");
    expect(methods).toContain(formatFact(story().facts.numbers["prev-year"]!, lang));
    expect(methods).toContain("Perplexity");
    // the article's garbled SoftBank sum is named as left out, not repeated
    expect(methods).not.toMatch(/\d\s*(Milliarden|billion)/);

    // Credits name who made it and from what; the software's and fonts' licences are the colophon's, set smaller.
    const credits = squeeze(await ending.locator('[data-ending-part="credits"]').textContent());
    // No figure draws a map any more (chapter 2 lost its map; geometry.svg is empty): no map data is credited.
    for (const w of ["GSAP", "Playwright", "License", "Lizenz", "Natural Earth", "world-atlas"]) expect(credits).not.toContain(w);
    const colophon = ending.locator('[data-ending-part="colophon"]');
    const printed = squeeze(await colophon.textContent());
    for (const w of ["Astro", "D3", "GSAP", "scrollama", "Source Serif 4", "Open Font License"]) expect(printed).toContain(w);
    for (const w of ["Natural Earth", "world-atlas"]) expect(printed).not.toContain(w);
    const px = (l: typeof colophon) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await px(colophon), "the colophon is set smaller than the credits").toBeLessThan(
      await px(ending.locator('[data-ending-part="credits"]')),
    );

    const sources = ending.locator('[data-ending-part="sources"]');
    expect(await sources.locator("h3").count()).toBeGreaterThanOrEqual(3);
    const said = squeeze(await sources.textContent()).replace(/\u00a0/g, " ");
    // C. C. Wei as each edition writes him (German "C. C. Wei", US English "C.C. Wei").
    // (its spaces are no-break spaces in the facts, so the name never breaks; compared as the text above, with plain ones)
    const wei = (story().facts.names["cc-wei"]![lang] as string).replace(/\u00a0/g, " ");
    for (const who of ["Wall Street Journal", "The Information", wei, "TSMC"]) expect(said).toContain(who);
    const translated = said.match(/our translation/g)?.length ?? 0;
    if (lang === "en") expect(translated, "the German passages are translated, and say so").toBeGreaterThanOrEqual(4);
    if (lang === "de") expect(translated).toBe(0);
  });

  test(`${lang}: on a wide screen the stage is pinned, its drawing whole on screen, by the time the first step turns it, the lead picture gone above it @desktop-only`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    const first = (await readSteps(page))[0]!;
    // the first step's top just past the trigger line (the screen's middle): it has just become the active step
    await jumpToStep(page, first.id, 2);
    await expectSettledOn(page, first);
    const seen = await page.evaluate(() => {
      const wrap = document.querySelector("[data-stage]")!.parentElement!.getBoundingClientRect();
      const svg = document.querySelector("[data-stage] > svg")!.getBoundingClientRect();
      const note = document.querySelector("figure[data-lead]")!.getBoundingClientRect();
      return { wrapTop: wrap.top, svgTop: svg.top, svgBottom: svg.bottom, noteBottom: note.bottom, height: innerHeight };
    });
    expect(Math.abs(seen.wrapTop), "the stage is pinned to the screen's top").toBeLessThan(1);
    expect(seen.svgTop).toBeGreaterThanOrEqual(0);
    expect(seen.svgBottom, "the drawing's foot (its caption) is on screen").toBeLessThanOrEqual(seen.height);
    expect(seen.noteBottom, "the lead picture is above the screen, not over the stage").toBeLessThanOrEqual(0);
  });

  test(`${lang}: the stage stays while the last step's card is on screen and leaves after it, no mark of it left over the room before the ending; the ending stands centred at a reading measure${onPhones(lang)}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    // The stage's marks a reader can see: inside the viewport (their foot under `below`), visible, and not faded
    // to nothing on the way up.
    const painted = (below = 0) =>
      page.evaluate((below) => {
        const seen = (el: Element) => {
          let opacity = 1;
          for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
          return getComputedStyle(el).visibility === "visible" && opacity > 0.02;
        };
        return [...document.querySelectorAll("[data-stage] svg :is(text, rect, path, line, circle, use)")].filter((el) => {
          const r = el.getBoundingClientRect();
          return (
            r.bottom > Math.max(0, below) &&
            r.top < innerHeight &&
            r.right > 0 &&
            r.left < innerWidth &&
            (r.width > 0 || r.height > 0) &&
            seen(el)
          );
        }).length;
      }, below);
    const steps = await readSteps(page);
    const last = steps.at(-1)!;
    await jumpToStep(page, last.id);
    await expectSettledOn(page, last);
    expect(await painted(), "the last step's figure is on the stage").toBeGreaterThan(0);

    // Read on until only the foot of the last card is left to read: a tenth of the screen of it showing, under
    // the stage where the stage is a band over the cards (a phone held upright), else at the screen's top.
    const geo = () =>
      page.evaluate(() => {
        const card = [...document.querySelectorAll("[data-step] .step-text")].at(-1)!.getBoundingClientRect();
        const wrap = document.querySelector("[data-stage]")!.parentElement!.getBoundingClientRect();
        const over = wrap.left <= card.left + 1 && wrap.right >= card.right - 1;
        return {
          bottom: card.bottom + scrollY,
          over,
          cover: over ? wrap.bottom - wrap.top : 0,
          ending: document.querySelector("[data-ending]")!.getBoundingClientRect().top + scrollY,
        };
      });
    const g = await geo();
    const vh = page.viewportSize()!.height;
    await jumpTo(page, g.bottom - g.cover - vh * 0.1);
    // (two frames: the observers that send the stage away have run by then)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const ended = await page.evaluate(() => document.querySelector("[data-stage]")!.parentElement!.hasAttribute("data-ended"));
    expect(ended, "the stage is not sent away while the last card is still on screen").toBe(false);
    expect(await painted(), "the stage stays while the last card is still on screen").toBeGreaterThan(0);

    // the ending's top at 40 % of the screen (and at its very top): nothing of the stage is left over the room
    // before the ending (where the stage is a band over the cards, it has scrolled away with the last card:
    // nothing of it at or under the ending's top), and at the top nothing of it at all
    for (const share of [0.4, 0]) {
      await jumpTo(page, g.ending - vh * share);
      const line = g.over ? vh * share : 0;
      await expect
        .poll(() => painted(line), { timeout: SETTLE_MS, message: `stage marks left with the ending at ${share * 100} %` })
        .toBe(0);
    }
    const watch = await page.locator('[data-ending-part="watch"]').boundingBox();
    const width = page.viewportSize()!.width;
    // a reading measure (at most 42 rem of 19 px), centred on the page when the page is wider than that
    expect(watch!.width).toBeLessThanOrEqual(42 * 19 + 1);
    if (width >= 900) expect(Math.abs(watch!.x + watch!.width / 2 - width / 2), "the ending is centred").toBeLessThan(12);

    // scrolled back to the last step, the stage is there again
    await jumpToStep(page, last.id);
    await expect.poll(painted, { timeout: SETTLE_MS }).toBeGreaterThan(0);
  });

  test(`${lang}: the story ends on its kicker, set larger than anything after it; the back matter is quiet: the box about the story open, the source guide and the colophon folded on screen under their headings, which open and close them, whole on paper and without the script${onPhones(lang)}`, async ({
    page,
    browser,
  }) => {
    const { blocks } = story().page[lang]!;
    await open(page, `/${lang}/`);
    const ending = page.locator("[data-ending]");
    const size = (sel: string) =>
      ending
        .locator(sel)
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    // Graphics review 38: the page closed on a licence list at the weight of the story.
    const kicker = await size("[data-closing]");
    for (const part of ["watch", "methods", "sources", "credits", "colophon"])
      expect(await size(`[data-ending-part="${part}"] p, [data-ending-part="${part}"] li`), part).toBeLessThan(kicker * 0.75);
    const folded = ["sources", "colophon"] as const;
    for (const name of folded) {
      const part = ending.locator(`[data-ending-part="${name}"]`);
      const button = part.locator("h2 > button");
      const body = part.locator(":scope > :not(h2)").first();
      // Folded at first: the heading (its words the part's title) a button, the rest hidden.
      await expect(button, name).toHaveAttribute("aria-expanded", "false");
      await expect(part.locator("h2"), name).toHaveText(blocks[name].title);
      await expect(body, name).toBeHidden();
      await button.click();
      await expect(button, name).toHaveAttribute("aria-expanded", "true");
      await expect(body, name).toBeVisible();
      await button.click();
      await expect(body, name).toBeHidden();
    }
    // What it hinged on and the box about the story stand open, no heading of theirs a button (graphics review 42,
    // item 9: the methods and credits, folded, left the page ending on a stack of panels): the methods whole.
    for (const name of ["watch", "methods", "credits"]) {
      const part = ending.locator(`[data-ending-part="${name}"]`);
      await expect(part.locator("h2 > button"), name).toHaveCount(0);
      await expect(part.locator("p, li").first(), name).toBeVisible();
      await expect(part.locator("p, li").last(), name).toBeVisible();
    }
    // The box: the methods and the credits, one after the other, on a tint of their own.
    const box = await ending
      .locator('[data-ending-part="methods"], [data-ending-part="credits"]')
      .evaluateAll((els) =>
        els.map((e) => ({ bg: getComputedStyle(e).backgroundColor, next: e.nextElementSibling?.getAttribute("data-ending-part") })),
      );
    expect(box[0]!.next).toBe("credits");
    expect(box[0]!.bg).toBe(box[1]!.bg);
    expect(box[0]!.bg).not.toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    // On paper the folded parts print whole.
    await page.emulateMedia({ media: "print" });
    for (const name of folded) {
      await expect(ending.locator(`[data-ending-part="${name}"] > :not(h2)`).first(), name).toBeVisible();
      await expect(ending.locator(`[data-ending-part="${name}"] h2`), name).toBeVisible();
    }
    await page.emulateMedia({ media: "screen" });
    // Without the script nothing is folded (and no heading is a button).
    const context = await browser.newContext({ javaScriptEnabled: false });
    const bare = await context.newPage();
    await bare.goto(page.url().replace(/#.*$/, ""));
    for (const name of folded) {
      const part = bare.locator(`[data-ending] [data-ending-part="${name}"]`);
      await expect(part.locator("h2 > button")).toHaveCount(0);
      await expect(part.locator(":scope > :not(h2)").first(), name).toBeVisible();
    }
    await context.close();
  });

  test(`${lang}: the numbers and names are folded on screen and stay online, not on paper; the page ends on its foot, with a way back to the top${onPhones(lang)}`, async ({
    page,
  }) => {
    await open(page, `/${lang}/`);
    const fold = page.locator("#sources details[data-sources-fold]");
    const items = fold.locator("li");
    expect(await items.count()).toBeGreaterThan(10);
    // closed at first, its heading the summary; opened by it
    await expect(items.first()).toBeHidden();
    await expect(fold.locator("summary h2")).toBeVisible();
    await fold.locator("summary").click();
    await expect(items.last()).toBeVisible();
    await fold.locator("summary").click();
    await expect(items.first()).toBeHidden();

    // the foot: last on the page, the story's name, the edition's date and a link to the top that gets there
    const foot = page.locator("footer[data-page-foot]");
    await expect(foot).toBeVisible();
    const last = await page.evaluate(() =>
      [...document.body.children]
        .filter((e) => e.getClientRects().length > 0)
        .at(-1)
        ?.hasAttribute("data-page-foot"),
    );
    expect(last, "the foot is the page's last block").toBe(true);
    await expect(foot).toContainText(ui(lang, "title"));
    await expect(foot.locator("time[datetime]")).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await foot.locator('a[href="#top"]').click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBe(0);

    // on paper the list (a check, not a read) gives way to the notes, which say where it is; the foot is gone
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("#sources")).toBeHidden();
    await expect(page.locator(".endnotes .notes-online")).toBeVisible();
    await expect(foot).toBeHidden();
  });
}
