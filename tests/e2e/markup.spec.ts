// The server-rendered story, read with JavaScript off: the whole story must be
// there (chapters, steps, static figures with text alternatives, links).
import type { Browser } from "@playwright/test";
import { test, expect, LANGS, at, type Lang } from "./helpers.ts";

interface Markup {
  lang: string;
  chapters: { id: string; slug: string | null; scene: string | null; h2: string[] }[];
  steps: {
    id: string;
    key: string | null;
    chapter: string | null;
    textLength: number;
    figures: {
      key: string | null;
      svgs: { role: string | null; labelledby: string | null; title: string | null; titleIsChild: boolean; visible: boolean }[];
    }[];
  }[];
}

async function readMarkup(browser: Browser, lang: Lang): Promise<Markup> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const res = await page.goto(at(`/${lang}/`));
    expect(res?.status()).toBe(200);
    return await page.evaluate(() => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width <= 0 || r.height <= 0) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const cs = getComputedStyle(e);
          if (cs.display === "none" || cs.visibility === "hidden" || Number(cs.opacity) === 0) return false;
        }
        return true;
      };
      return {
        lang: document.documentElement.lang,
        chapters: Array.from(document.querySelectorAll<HTMLElement>("section[data-chapter]")).map((s) => ({
          id: s.id,
          slug: s.getAttribute("data-chapter"),
          scene: s.getAttribute("data-scene"),
          h2: Array.from(s.querySelectorAll("h2")).map((h) => h.textContent?.trim() ?? ""),
        })),
        steps: Array.from(document.querySelectorAll<HTMLElement>(".step")).map((el) => ({
          id: el.id,
          key: el.getAttribute("data-step"),
          chapter: el.closest("section[data-chapter]")?.getAttribute("data-chapter") ?? null,
          textLength: (el.querySelector(".step-text")?.textContent ?? el.textContent ?? "").trim().length,
          figures: Array.from(el.querySelectorAll("figure[data-figure]")).map((f) => ({
            key: f.getAttribute("data-figure"),
            svgs: Array.from(f.querySelectorAll("svg")).map((svg) => {
              const labelledby = svg.getAttribute("aria-labelledby");
              const target = labelledby ? document.getElementById(labelledby) : null;
              return {
                role: svg.getAttribute("role"),
                labelledby,
                title: target && target.tagName.toLowerCase() === "title" ? (target.textContent ?? "").trim() : null,
                titleIsChild: !!target && svg.contains(target),
                visible: visible(svg),
              };
            }),
          })),
        })),
      };
    });
  } finally {
    await context.close();
  }
}

for (const lang of LANGS) {
  test(`${lang}: chapters, steps and static figures are in the HTML (JavaScript off) @subpath @sample`, async ({ browser }) => {
    const m = await readMarkup(browser, lang);
    expect(m.lang).toBe(lang);

    expect(m.chapters.length).toBeGreaterThan(0);
    for (const c of m.chapters) {
      expect(c.slug, "chapter has data-chapter").toBeTruthy();
      expect(c.scene, `chapter ${c.slug} has data-scene`).toBeTruthy();
      expect(c.id, `chapter ${c.slug}: id equals data-chapter`).toBe(c.slug);
      expect(c.h2.length, `chapter ${c.slug} has exactly one h2`).toBe(1);
      expect(c.h2[0], `chapter ${c.slug}: h2 has text`).not.toBe("");
    }

    // no count is pinned: every chapter has steps, and every step sits in a chapter (checked below)
    expect(m.steps.length, "the story has steps").toBeGreaterThan(0);
    for (const c of m.chapters)
      expect(m.steps.filter((s) => s.chapter === c.slug).length, `chapter ${c.slug} has at least one step`).toBeGreaterThan(0);
    const ids = m.steps.map((s) => s.id);
    expect(new Set(ids).size, "step ids are unique").toBe(ids.length);
    const chapterOrder = m.chapters.map((c) => c.slug);
    let lastChapter = 0;
    for (const s of m.steps) {
      expect(s.key, `step ${s.id} has data-step SLUG/STATE`).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      const [slug, state] = (s.key ?? "").split("/");
      expect(s.id, "id is SLUG--STATE").toBe(`${slug}--${state}`);
      expect(s.chapter, `step ${s.id} sits inside its chapter`).toBe(slug);
      // reading order: chapters are never revisited
      const ci = chapterOrder.indexOf(slug ?? "");
      expect(ci, `step ${s.id}: chapters in reading order`).toBeGreaterThanOrEqual(lastChapter);
      lastChapter = ci;
      expect(s.textLength, `step ${s.id} holds its prose`).toBeGreaterThan(40);

      expect(
        s.figures.map((f) => f.key),
        `step ${s.id} has exactly one figure[data-figure="${s.key}"]`,
      ).toEqual([s.key]);
      const svgs = s.figures[0]!.svgs;
      expect(svgs.length, `figure ${s.key} holds an svg`).toBeGreaterThan(0);
      for (const svg of svgs) {
        expect(svg.role, `figure ${s.key}: svg role=img`).toBe("img");
        expect(svg.labelledby, `figure ${s.key}: svg aria-labelledby`).toBeTruthy();
        expect(svg.title, `figure ${s.key}: aria-labelledby points at a <title>`).not.toBeNull();
        expect(svg.title!.length, `figure ${s.key}: the <title> is not empty`).toBeGreaterThan(10);
        expect(svg.titleIsChild, `figure ${s.key}: the <title> belongs to the svg`).toBe(true);
      }
      expect(
        svgs.some((v) => v.visible),
        `figure ${s.key} is visible with JavaScript off`,
      ).toBe(true);
    }
  });
}

test("both languages have the same chapters and steps in the same order, with texts in their own language @sample", async ({ browser }) => {
  const [de, en] = [await readMarkup(browser, "de"), await readMarkup(browser, "en")];
  expect(en.chapters.map((c) => [c.slug, c.scene])).toEqual(de.chapters.map((c) => [c.slug, c.scene]));
  expect(en.steps.map((s) => s.key)).toEqual(de.steps.map((s) => s.key));
  expect(en.steps.map((s) => s.id)).toEqual(de.steps.map((s) => s.id));
  for (let i = 0; i < de.steps.length; i++) {
    const d = de.steps[i]!.figures[0]!.svgs[0]!.title;
    const e = en.steps[i]!.figures[0]!.svgs[0]!.title;
    expect(e, `figure ${de.steps[i]!.key}: the text alternative is translated`).not.toBe(d);
  }
  expect(en.chapters.map((c) => c.h2[0])).not.toEqual(de.chapters.map((c) => c.h2[0]));
});

test("/ links both languages, and the links work without JavaScript @subpath @sample", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const res = await page.goto(at("/"));
    expect(res?.status()).toBe(200);
    for (const lang of LANGS) {
      const link = page.locator(`a[href="${at(`/${lang}/`)}"]`);
      await expect(link.first()).toBeVisible();
    }
    await page
      .locator(`a[href="${at("/en/")}"]`)
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`:\\d+${at("/en/")}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goBack();
    await page
      .locator(`a[href="${at("/de/")}"]`)
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`:\\d+${at("/de/")}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  } finally {
    await context.close();
  }
});
