// The server-rendered story, read with JavaScript off: the whole story must be
// there (chapters, steps, static figures with text alternatives, links).
import type { APIRequestContext, Browser } from "@playwright/test";
import { STAGE_LAYOUTS, type Paper } from "../../src/story/config.ts";
import { test, expect, LANGS, at, builtLanguages, siteLanguages, type Lang } from "./helpers.ts";

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
      /** Its images: the figure file (an SVG of its own), its alt text, and the file's own title and accessible role. */
      imgs: { src: string; alt: string | null; role: string | null; title: string | null; drawn: boolean; visible: boolean }[];
    }[];
  }[];
}

async function readMarkup(browser: Browser, lang: Lang): Promise<Markup> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const res = await page.goto(at(`/${lang}/`));
    expect(res?.status()).toBe(200);
    return await page.evaluate(async () => {
      // Every image loaded (without JavaScript a browser loads lazy images at once); a broken one rejects, and reads as not drawn.
      await Promise.all(Array.from(document.images, (i) => i.decode().catch(() => undefined)));
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        if (r.width <= 0 || r.height <= 0) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const cs = getComputedStyle(e);
          if (cs.display === "none" || cs.visibility === "hidden" || Number(cs.opacity) === 0) return false;
        }
        return true;
      };
      const out = {
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
            imgs: Array.from(f.querySelectorAll("img")).map((img) => ({
              src: img.src,
              alt: img.getAttribute("alt"),
              role: null as string | null,
              title: null as string | null,
              drawn: img.complete && img.naturalWidth > 0,
              visible: visible(img),
            })),
          })),
        })),
      };
      // The figure files: each an SVG with role img and its text alternative as its <title>.
      const files = new Map<string, Promise<Document>>();
      const read = (src: string) => {
        if (!files.has(src))
          files.set(
            src,
            fetch(src).then(async (r) =>
              new DOMParser().parseFromString((await r.text()).replace(/<style>[^]*?<\/style>/, ""), "image/svg+xml"),
            ),
          );
        return files.get(src)!;
      };
      for (const img of out.steps.flatMap((s) => s.figures.flatMap((f) => f.imgs))) {
        const svg = (await read(img.src)).documentElement;
        img.role = svg.localName === "svg" ? svg.getAttribute("role") : null;
        img.title = svg.querySelector(":scope > title")?.textContent?.trim() ?? null;
      }
      return out;
    });
  } finally {
    await context.close();
  }
}

/** The whole story is in one language's served HTML: chapters, steps, static figures with text alternatives. */
function expectStoryMarkup(m: Markup, lang: Lang): void {
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
    const imgs = s.figures[0]!.imgs;
    expect(imgs.length, `figure ${s.key} holds an img of its figure file`).toBe(1);
    for (const img of imgs) {
      expect(img.alt?.length ?? 0, `figure ${s.key}: the img's alt is its text alternative`).toBeGreaterThan(10);
      expect(img.role, `figure ${s.key}: its file ${img.src} is an svg with role=img`).toBe("img");
      expect(img.title, `figure ${s.key}: its file's <title> is the alt text`).toBe(img.alt);
      expect(img.drawn, `figure ${s.key}: its file ${img.src} loaded and drawn`).toBe(true);
    }
    expect(
      imgs.some((v) => v.visible),
      `figure ${s.key} is visible with JavaScript off`,
    ).toBe(true);
  }
}

for (const lang of LANGS) {
  test(`${lang}: chapters, steps and static figures are in the HTML (JavaScript off) @subpath @sample`, async ({ browser }) => {
    expectStoryMarkup(await readMarkup(browser, lang), lang);
  });
}

/** Page sizes in PDF points, as Chromium writes them (rounded). */
const PAPER_POINTS: Record<Paper, [number, number]> = { A4: [595, 842], Letter: [612, 792] };

/** A language's page fetches every chapter's stage data and links its print edition, on the language's paper (content/story.json). */
async function expectStageDataAndPdf(browser: Browser, request: APIRequestContext, lang: Lang, paper: Paper): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(at(`/${lang}/`));
    const { src, chapters, pdf } = await page.evaluate(() => ({
      src: document.querySelector("[data-stage]")!.getAttribute("data-stage-src")!,
      chapters: Array.from(document.querySelectorAll("section[data-chapter]")).map((s) => ({
        slug: s.getAttribute("data-chapter")!,
        states: Array.from(s.querySelectorAll(".step[data-step]")).map((el) => el.getAttribute("data-step")!.split("/")[1]!),
      })),
      pdf: document.querySelector<HTMLAnchorElement>("a[data-pdf]")!.href,
    }));
    for (const c of chapters)
      for (const layout of STAGE_LAYOUTS) {
        const res = await request.get(new URL(src.replace("{slug}", c.slug).replace("{layout}", layout), page.url()).href);
        expect(res.status(), `${lang}: stage data of ${c.slug} (${layout})`).toBe(200);
        const data = (await res.json()) as { slug: string; states: Record<string, unknown> };
        expect(data.slug).toBe(c.slug);
        expect(Object.keys(data.states), `${lang}: the stage data of ${c.slug} (${layout}) has its steps' states`).toEqual(c.states);
      }
    const res = await request.get(pdf);
    expect(res.status(), `${lang}: the print edition`).toBe(200);
    const body = (await res.body()).toString("latin1");
    expect(body.slice(0, 5)).toBe("%PDF-");
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(body);
    expect(box, `${lang}: the PDF's page size`).not.toBeNull();
    expect([Math.round(Number(box![1])), Math.round(Number(box![2]))], `${lang}: ${paper} paper`).toEqual(PAPER_POINTS[paper]);
  } finally {
    await context.close();
  }
}

test("every language has the same chapters and steps as the source language, in order, with texts in its own language, its stage data and its print edition on its paper @sample", async ({
  browser,
  request,
}) => {
  const built = builtLanguages();
  const langs = await siteLanguages(request);
  expect(langs, "the site offers the languages it was built with, in their order").toEqual(built.map((l) => l.code));
  for (const { code, paper } of built) await expectStageDataAndPdf(browser, request, code, paper);
  const [source, ...others] = langs;
  const first = await readMarkup(browser, source!);
  for (const lang of others) {
    const m = await readMarkup(browser, lang);
    // A language with no test of its own above (the sample story's added one) is checked here.
    if (!LANGS.includes(lang)) expectStoryMarkup(m, lang);
    expect(
      m.chapters.map((c) => [c.slug, c.scene]),
      `${lang}: chapters`,
    ).toEqual(first.chapters.map((c) => [c.slug, c.scene]));
    expect(
      m.steps.map((s) => s.key),
      `${lang}: steps`,
    ).toEqual(first.steps.map((s) => s.key));
    expect(
      m.steps.map((s) => s.id),
      `${lang}: step ids`,
    ).toEqual(first.steps.map((s) => s.id));
    for (let i = 0; i < first.steps.length; i++) {
      const a = first.steps[i]!.figures[0]!.imgs[0]!.alt;
      const b = m.steps[i]!.figures[0]!.imgs[0]!.alt;
      expect(b, `${lang}: figure ${first.steps[i]!.key}: the text alternative is translated`).not.toBe(a);
    }
    expect(
      m.chapters.map((c) => c.h2[0]),
      `${lang}: chapter titles are translated`,
    ).not.toEqual(first.chapters.map((c) => c.h2[0]));
  }
});

test("/ links every language, and the links work without JavaScript @subpath @sample", async ({ browser, request }) => {
  const langs = await siteLanguages(request);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const res = await page.goto(at("/"));
    expect(res?.status()).toBe(200);
    for (const lang of langs) {
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
