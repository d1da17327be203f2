// Transitions are animated, never hard cuts, and follow the story whatever it
// holds: within every chapter the marks that stay move through in-between
// values; across every chapter boundary the declared hand-overs (keys that are
// not scoped to a scene) are the same elements before and after and move, while
// every other mark leaves or enters, the old picture cross-fading into the new one
// (never an empty stage, never both legible at once, never old words and new words
// visible together: labels leave first and arrive last); a label's new words arrive
// only after its old words have left; a new target takes
// over from wherever the marks are, without a jump. Every boundary and chapter on
// desktop; a sample on phones.
import type { Page } from "@playwright/test";
import { MOTION } from "../../src/render/motion.ts";
import { test, expect, expectSettledOn, jumpToStep, open, readSteps, yForStep, type StepInfo } from "./helpers.ts";
import { walksEveryStep } from "./sample.ts";

type M = { key: string; tag: string; text?: string; attrs: Record<string, string | number> };
type Chapter = { slug: string; steps: StepInfo[] };

/** The compiled top-level marks of a chapter's states, in the stage's current layout. */
async function stageMarks(page: Page, slug: string): Promise<Record<string, M[]>> {
  return page.evaluate(async (s) => {
    const host = document.querySelector<HTMLElement>("[data-stage]")!;
    const layout = host.querySelector("svg")!.getAttribute("data-layout")!;
    const data = (await (await fetch(host.dataset.stageSrc!.replace("{slug}", s).replace("{layout}", layout))).json()) as {
      states: Record<string, { marks: M[] }>;
    };
    return Object.fromEntries(Object.entries(data.states).map(([state, e]) => [state, e.marks]));
  }, slug);
}

function chaptersOf(steps: StepInfo[]): Chapter[] {
  const out: Chapter[] = [];
  for (const s of steps) {
    if (out.at(-1)?.slug !== s.slug) out.push({ slug: s.slug, steps: [] });
    out.at(-1)!.steps.push(s);
  }
  return out;
}

const num = (v: string | number | undefined): number[] =>
  v === undefined ? [] : (String(v).match(/-?\d*\.?\d+(e[-+]?\d+)?/gi) ?? []).map(Number);

/** The mark and attribute that change most between two drawings (same key and tag), or null. */
function mover(from: M[], to: M[]): { key: string; tag: string; attr: string; a: number; b: number } | null {
  let best: { key: string; tag: string; attr: string; a: number; b: number } | null = null;
  for (const m of to) {
    const was = from.find((f) => f.key === m.key && f.tag === m.tag);
    if (!was) continue;
    for (const attr of ["width", "x", "y", "transform", "cx", "cy", "height"]) {
      const a = num(was.attrs[attr]);
      const b = num(m.attrs[attr]);
      if (a.length !== b.length || a.length === 0) continue;
      // transform: follow the scale (last number), the other attributes: their first number
      const i = attr === "transform" ? a.length - 1 : 0;
      if (!best || Math.abs(b[i]! - a[i]!) > Math.abs(best.b - best.a)) best = { key: m.key, tag: m.tag, attr, a: a[i]!, b: b[i]! };
    }
  }
  return best && Math.abs(best.b - best.a) > 0.05 ? best : null;
}

/**
 * Scrolls to y and samples every frame for `ms`: one number of one stage mark (null without a
 * mark, or while it is absent), and the highest opacity among the marks leaving, among the
 * marks arriving (elements not on the stage before the scroll) and among the marks of the old
 * picture still on the stage (`old`: leaving or not yet, less the keys in `keep`), with the
 * frame's time `t` and the moment `now` the sampling callback ran (later than `t` when the
 * frame's scripts run late). `oldText` and `newText`: the most visible words (a text element's
 * opacity times its groups') of the old picture (leaving or not yet, less `keep`) and of the
 * arriving marks.
 */
async function sample(
  page: Page,
  m: { key: string; tag: string; attr: string } | null,
  y: number,
  ms: number,
  thenY?: { y: number; from: number; to: number; share: number },
  keep: string[] = [],
): Promise<
  { t: number; now: number; v: number | null; leaving: number; arriving: number; old: number; oldText: number; newText: number }[]
> {
  return page.evaluate(
    async ({ m, y, ms, thenY, keep }) => {
      const out: {
        t: number;
        now: number;
        v: number | null;
        leaving: number;
        arriving: number;
        old: number;
        oldText: number;
        newText: number;
      }[] = [];
      /** The most visible words of a top-level mark: each text's opacity times that of its groups up to the mark. */
      const words = (mark: Element): number => {
        let best = 0;
        for (const t of mark.tagName.toLowerCase() === "text" ? [mark] : Array.from(mark.querySelectorAll("text"))) {
          if (!t.textContent?.trim()) continue;
          let o = 1;
          for (let e: Element | null = t; e && e !== mark.parentElement; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
          best = Math.max(best, o);
        }
        return best;
      };
      const marks = () => Array.from(document.querySelectorAll("[data-stage] svg > [data-key]"));
      const old = new Set(marks());
      const start = performance.now();
      let switched = false;
      window.scrollTo({ top: y, behavior: "instant" });
      const sel = m ? `[data-stage] svg > ${m.tag}[data-key="${CSS.escape(m.key)}"]` : null;
      await new Promise<void>((resolve) => {
        // the frame's own time (the same for every callback in the frame), not the moment this one runs
        const tick = (frame: number) => {
          const el = sel ? document.querySelector(sel) : null;
          const raw = el?.getAttribute(m!.attr);
          const t = Math.max(frame - start, 0);
          let v: number | null = null;
          if (el && raw != null) {
            // What is drawn, not which attribute drew it: the attribute through the element's
            // CSS transform (the stage moves marks by transform and writes attributes at rest).
            const css = getComputedStyle(el).transform;
            const d = new DOMMatrix(css === "none" ? undefined : css);
            const ns = (raw.match(/-?\d*\.?\d+(e[-+]?\d+)?/gi) ?? []).map(Number);
            const n = (k: string) => Number(el.getAttribute(k) ?? 0);
            const a = m!.attr;
            if (a === "transform") v = d.a;
            else if (a === "width") v = d.a * ns[0]!;
            else if (a === "height") v = d.d * ns[0]!;
            else if (a === "x" || a === "cx") v = d.a * ns[0]! + d.c * n(a === "x" ? "y" : "cy") + d.e;
            else if (a === "y" || a === "cy") v = d.b * n(a === "y" ? "x" : "cx") + d.d * ns[0]! + d.f;
            else v = ns[0]!;
          }
          let leaving = 0;
          let arriving = 0;
          let was = 0;
          let oldText = 0;
          let newText = 0;
          for (const el of marks()) {
            const o = Number(getComputedStyle(el).opacity);
            const kept = keep.includes(el.getAttribute("data-key")!);
            if (el.hasAttribute("data-exiting")) leaving = Math.max(leaving, o);
            else if (!old.has(el)) arriving = Math.max(arriving, o);
            if (old.has(el) && !kept) was = Math.max(was, o);
            // old words: the old picture's, and copies carrying a label's old words out; new words: arrivals'
            if ((old.has(el) && !kept) || el.hasAttribute("data-exiting")) oldText = Math.max(oldText, words(el));
            else if (!old.has(el)) newText = Math.max(newText, words(el));
          }
          out.push({ t, now: performance.now() - start, v, leaving, arriving, old: was, oldText, newText });
          // Turn back once the mark is `share` of its way (read from the mark, not the clock: on a busy
          // machine a fixed time could find the move already done).
          if (thenY && !switched && v !== null && Math.abs(v - thenY.from) >= thenY.share * Math.abs(thenY.to - thenY.from)) {
            switched = true;
            window.scrollTo({ top: thenY.y, behavior: "instant" });
          }
          if (t < ms) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return out;
    },
    { m, y, ms, thenY, keep },
  );
}

const distinct = (xs: number[]) => new Set(xs.map((x) => x.toFixed(2))).size;
const between = (xs: number[], a: number, b: number) => xs.filter((v) => v > Math.min(a, b) + 0.01 && v < Math.max(a, b) - 0.01);

/** Desktop walks everything; phones take the first item only (the same code path, fewer minutes). */
const pick = <T>(items: T[], project: string): T[] => (walksEveryStep(project) ? items : items.slice(0, 1));

test("across every chapter boundary, handed-over marks move as the same elements, the rest cross-fade: never an empty stage, never two legible pictures, never old and new words together @sample", async ({
  page,
}, info) => {
  await open(page, "/de/");
  const chapters = chaptersOf(await readSteps(page));
  test.skip(chapters.length < 2, "a story of one chapter has no boundary");
  for (const [i, b] of pick(
    chapters.slice(1).map((c, j) => [j, c] as const),
    info.project.name,
  )) {
    const a = chapters[i]!;
    const last = a.steps.at(-1)!;
    const first = b.steps[0]!;
    await jumpToStep(page, last.id);
    await expectSettledOn(page, last);
    const from = (await stageMarks(page, a.slug))[last.state]!;
    const to = (await stageMarks(page, b.slug))[first.state]!;
    // What the build lets cross this boundary: declared hand-overs, or a whole picture when one scene spans both chapters.
    const handed = to.filter((m) => from.some((f) => f.key === m.key && f.tag === m.tag));
    // Tag every element on the stage (a JS property: the renderer owns the attributes).
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll("[data-stage] svg > [data-key]")))
        (el as Element & { probe?: true }).probe = true;
    });
    const move = mover(handed, to);
    const seen = await sample(
      page,
      move,
      await yForStep(page, first.id),
      1600,
      undefined,
      handed.map((m) => m.key),
    );
    await expectSettledOn(page, first);
    const after = await page.evaluate(() =>
      Array.from(document.querySelectorAll("[data-stage] svg > [data-key]")).map((el) => ({
        key: el.getAttribute("data-key")!,
        tag: el.tagName.toLowerCase(),
        kept: Boolean((el as Element & { probe?: true }).probe),
      })),
    );
    const label = `${a.slug} → ${b.slug}`;
    for (const m of handed)
      expect(after.find((e) => e.key === m.key && e.tag === m.tag)?.kept, `${label}: ${m.key} is the same element`).toBe(true);
    for (const e of after) if (!handed.some((m) => m.key === e.key)) expect(e.kept, `${label}: ${e.key} entered anew`).toBe(false);
    for (const f of from)
      if (!handed.some((m) => m.key === f.key))
        expect(
          after.some((e) => e.key === f.key),
          `${label}: ${f.key} left`,
        ).toBe(false);
    if (move) {
      const vs = seen.filter((s) => s.v !== null).map((s) => s.v!);
      expect(distinct(between(vs, move.a, move.b)), `${label}: ${move.key} ${move.attr} went ${vs.join(", ")}`).toBeGreaterThanOrEqual(3);
    }
    // A cross-fade: no frame shows both pictures legible (each over half its strength)…
    const overlap = seen.filter((f) => f.leaving > 0.5 && f.arriving > 0.5);
    expect(overlap, `${label}: frames with both pictures legible`).toEqual([]);
    // …no frame shows old words and new words together (words over words are read as one muddle)…
    const doubled = seen.filter((f) => f.oldText > 0.1 && f.newText > 0.1);
    expect(
      doubled.map((f) => `${Math.round(f.t)} ms: old ${f.oldText.toFixed(2)}, new ${f.newText.toFixed(2)}`),
      `${label}: frames with old and new words both visible`,
    ).toEqual([]);
    expect(Math.max(...seen.map((f) => f.newText)), `${label}: the new words were seen`).toBeGreaterThan(0.9);
    // …and none shows neither (handed-over marks alone are a stray shape, not a picture), until
    // the new picture has arrived. A picture under 0.15 of its strength is gone to the eye.
    // (Where one scene spans both chapters, its picture simply continues: nothing to cross-fade.)
    const sceneOf = (slug: string) => page.locator(`section[data-chapter="${slug}"]`).getAttribute("data-scene");
    const sameScene = (await sceneOf(a.slug)) === (await sceneOf(b.slug));
    const arrived = sameScene ? 0 : seen.findIndex((f) => f.arriving > 0.9);
    const blank = seen.slice(0, arrived < 0 ? seen.length : arrived).filter((f) => Math.max(f.old, f.arriving) < 0.15);
    expect(
      blank.map((f) => Math.round(f.t)),
      `${label}: times (ms) at which the stage showed neither picture`,
    ).toEqual([]);
    expect(Math.max(...seen.map((f) => f.leaving)), `${label}: the old picture was seen leaving`).toBeGreaterThan(0.1);
    expect(Math.max(...seen.map((f) => f.arriving)), `${label}: the new picture was seen arriving`).toBeGreaterThan(0.9);
  }
});

test("within every chapter, the marks that stay move through in-between values", async ({ page }, info) => {
  await open(page, "/de/");
  const chapters = chaptersOf(await readSteps(page)).filter((c) => c.steps.length > 1);
  let checked = 0;
  for (const c of pick(chapters, info.project.name)) {
    const marks = await stageMarks(page, c.slug);
    // The pair of consecutive steps with the largest move in this chapter.
    const pairs = c.steps.slice(1).map((s, i) => ({ from: c.steps[i]!, to: s, m: mover(marks[c.steps[i]!.state]!, marks[s.state]!) }));
    const best = pairs.filter((p) => p.m).sort((p, q) => Math.abs(q.m!.b - q.m!.a) - Math.abs(p.m!.b - p.m!.a))[0];
    if (!best) continue;
    await jumpToStep(page, best.from.id);
    await expectSettledOn(page, best.from);
    const vs = (await sample(page, best.m!, await yForStep(page, best.to.id), 1500)).filter((s) => s.v !== null).map((s) => s.v!);
    await expectSettledOn(page, best.to);
    expect(
      distinct(between(vs, best.m!.a, best.m!.b)),
      `${c.slug}: ${best.m!.key} ${best.m!.attr} went ${vs.join(", ")}`,
    ).toBeGreaterThanOrEqual(3);
    checked++;
  }
  expect(checked, "at least one chapter has marks that move").toBeGreaterThan(0);
});

test("a label whose words change lets its old words fade out before its new words appear", async ({ page }, info) => {
  await open(page, "/de/");
  const chapters = chaptersOf(await readSteps(page)).filter((c) => c.steps.length > 1);
  let checked = 0;
  for (const c of chapters) {
    const marks = await stageMarks(page, c.slug);
    // the first pair of consecutive steps in which a label keeps its key and changes its words
    const pair = c.steps
      .slice(1)
      .map((s, i) => {
        const from = marks[c.steps[i]!.state]!;
        const label = marks[s.state]!.find(
          (m) => m.tag === "text" && from.some((f) => f.key === m.key && f.tag === "text" && f.text !== m.text),
        );
        return { from: c.steps[i]!, to: s, label, was: from.find((f) => f.key === label?.key)?.text };
      })
      .find((p) => p.label);
    if (!pair) continue;
    await jumpToStep(page, pair.from.id);
    await expectSettledOn(page, pair.from);
    const frames = await page.evaluate(
      async ({ top, was, now }) => {
        const out: { old: number; new: number }[] = [];
        const start = performance.now();
        window.scrollTo({ top, behavior: "instant" });
        const shown = (el: Element) => Number(getComputedStyle(el).opacity);
        await new Promise<void>((resolve) => {
          const tick = () => {
            let o = 0;
            let n = 0;
            for (const el of Array.from(document.querySelectorAll("[data-stage] svg text"))) {
              if (el.textContent === was) o = Math.max(o, shown(el));
              if (el.textContent === now) n = Math.max(n, shown(el));
            }
            out.push({ old: o, new: n });
            if (performance.now() - start < 1600) requestAnimationFrame(tick);
            else resolve();
          };
          requestAnimationFrame(tick);
        });
        return out;
      },
      { top: await yForStep(page, pair.to.id), was: pair.was!, now: pair.label!.text! },
    );
    await expectSettledOn(page, pair.to);
    const what = `${c.slug}: "${pair.was}" → "${pair.label!.text}"`;
    expect(
      frames.filter((f) => f.old > 0.1 && f.new > 0.1),
      `${what}: frames with both words visible`,
    ).toEqual([]);
    expect(frames[0]!.old, `${what}: the old words are still there as the transition starts`).toBeGreaterThan(0.5);
    expect(frames.at(-1)!.new, `${what}: the new words in the end`).toBe(1);
    expect(frames.at(-1)!.old, `${what}: the old words gone`).toBe(0);
    checked++;
    // one chapter: the same code path in every chapter (the sheet shows them all)
    break;
  }
  expect(checked, "at least one label changes its words within a chapter").toBeGreaterThan(0);
});

test("a new target interrupts a running transition from where the marks are, without a jump", async ({ page }) => {
  await open(page, "/en/");
  const steps = await readSteps(page);
  // The consecutive pair of steps (within or across chapters) with the largest move of a mark they share.
  let best: { from: StepInfo; to: StepInfo; m: NonNullable<ReturnType<typeof mover>> } | null = null;
  const cache = new Map<string, Record<string, M[]>>();
  const marksOf = async (s: StepInfo) => {
    if (!cache.has(s.slug)) cache.set(s.slug, await stageMarks(page, s.slug));
    return cache.get(s.slug)![s.state]!;
  };
  for (let i = 1; i < steps.length; i++) {
    const m = mover(await marksOf(steps[i - 1]!), await marksOf(steps[i]!));
    const span = (x: typeof m) => (x ? Math.abs(x.b - x.a) / Math.max(Math.abs(x.a), Math.abs(x.b), 1) : 0);
    if (m && span(m) > span(best?.m ?? null)) best = { from: steps[i - 1]!, to: steps[i]!, m };
  }
  expect(best, "some mark moves between two steps").not.toBeNull();
  const { from, to, m } = best!;
  await jumpToStep(page, from.id);
  await expectSettledOn(page, from);
  // Head for the next step, then turn back a third of the way through.
  const back = { y: await yForStep(page, from.id), from: m.a, to: m.b, share: 1 / 3 };
  const samples = (await sample(page, m, await yForStep(page, to.id), 1800, back))
    .filter((s) => s.v !== null)
    .map((s) => ({ t: s.t, now: s.now, v: s.v! }));
  await expectSettledOn(page, from);
  const vs = samples.map((s) => s.v);
  const lo = Math.min(m.a, m.b);
  const hi = Math.max(m.a, m.b);
  const reached = m.b > m.a ? Math.max(...vs) : Math.min(...vs);
  expect(Math.abs(reached - m.a), "the mark had started to move").toBeGreaterThan((hi - lo) * 0.02);
  expect(Math.abs(m.b - reached), "and had not arrived").toBeGreaterThan((hi - lo) * 0.02);
  // No jump: no change faster than the move's ease could make (peak slope 2×, plus margin),
  // measured per elapsed time so a slow frame on a busy machine is no false alarm. The tween
  // reads the clock when it ticks, somewhere between a frame's start and the moment the
  // sampler runs (late, on a busy machine; the tween may tick before or after it in the frame):
  // so the time between two readings is at most the longer of sampler-now minus the previous
  // frame's start and two frames' starts apart, and at least a refresh. A jump is a whole move
  // in one frame: still several times the limit.
  const limit = ((hi - lo) / MOTION.move) * 2 * 1.5;
  const rates = samples.slice(1).map((s, i) => {
    const before = samples[i]!;
    const span = Math.max(s.now - before.t, s.t - (samples[i - 1] ?? before).t, 1000 / 60);
    return Math.abs(s.v - before.v) / (span / 1000);
  });
  expect(Math.max(...rates), `samples: ${samples.map((s) => `${s.t.toFixed(0)}:${s.v.toFixed(2)}`).join(" ")}`).toBeLessThan(limit);
  expect(vs.at(-1)!).toBeCloseTo(m.a, 1);
});

test("at a chapter change the stage's header keeps the old chapter's name until the old picture has left, then names the new one", async ({
  page,
}) => {
  await open(page, "/en/");
  const chapters = chaptersOf(await readSteps(page));
  const [a, b] = [chapters[0]!, chapters[1]!];
  await jumpToStep(page, a.steps.at(-1)!.id);
  await expectSettledOn(page, a.steps.at(-1)!);
  const before = await page.locator("[data-stage-head]").textContent();
  // What of the old picture is still on the stage at the moment the header's words change.
  await page.evaluate(() => {
    const stage = document.querySelector<HTMLElement>("[data-stage]")!;
    const head = stage.querySelector("[data-stage-head]")!;
    const w = window as unknown as { __left?: number; __oldWords?: number };
    new MutationObserver(() => {
      if (w.__left !== undefined) return;
      const old = Array.from(stage.querySelectorAll("svg [data-exiting]"));
      w.__left = old.filter((el) => Number(getComputedStyle(el).opacity) > 0.02).length;
      w.__oldWords = old.filter((el) => el.matches("text, tspan") || el.querySelector("text")).length;
    }).observe(head, { childList: true, characterData: true, subtree: true });
  });
  await jumpToStep(page, b.steps[0]!.id);
  await expectSettledOn(page, b.steps[0]!);
  const after = await page.locator("[data-stage-head]").textContent();
  const { left, oldWords } = await page.evaluate(() => {
    const w = window as unknown as { __left?: number; __oldWords?: number };
    return { left: w.__left, oldWords: w.__oldWords };
  });
  expect(after).not.toBe(before);
  expect(after).toContain(await page.locator(`#${b.slug} h2`).textContent());
  // The header changed only once nothing of the old picture was visible: no old shape, no old word.
  expect(left, "old marks still visible when the header changed").toBe(0);
  expect(oldWords).toBe(0);
});
