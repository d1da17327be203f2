// The languages against each other: every language has the source language's
// chapters (the first of content/story.json), in its order, with the same
// slugs, scenes, hand-overs and steps, citing the same facts, terms and names,
// in its own words; and no language has two chapters with one slug. The first
// difference stops the build with the file, the line and the fix.

import { dirname } from "node:path";
import { StoryError } from "./errors.ts";
import { nameForms, type Facts } from "./facts.ts";
import type { ParsedChapter } from "./markdown.ts";
import type { Lang } from "./config.ts";

/** Two chapters of one language with one slug would give the page two sections and steps with the same ids. */
export function checkUniqueSlugs(list: ParsedChapter[]): void {
  const seen = new Map<string, ParsedChapter>();
  for (const c of list) {
    const first = seen.get(c.slug);
    if (first) {
      throw new StoryError(
        c.file,
        c.keyLines.slug ?? 2,
        `slug "${c.slug}" is already the slug of ${first.file} (line ${first.keyLines.slug ?? 2})`,
        "give each chapter its own slug: it names the chapter's section and its steps' addresses",
      );
    }
    seen.set(c.slug, c);
  }
}

export interface Side {
  /** The language's chapter folder, as errors name it. */
  dir: string;
  lang: Lang;
}

/** The other language has the source language's chapters, in its order, with its scenes and hand-overs. */
export function checkChapterParity(src: ParsedChapter[], other: ParsedChapter[], srcSide: Side, otherSide: Side): void {
  for (const [list, against, side] of [
    [src, other, otherSide],
    [other, src, srcSide],
  ] as const) {
    const has = new Set(against.map((c) => c.slug));
    for (const c of list) {
      if (!has.has(c.slug)) {
        throw new StoryError(
          c.file,
          c.keyLines.slug ?? 2,
          `chapter "${c.slug}" has no counterpart in ${side.dir}`,
          `add a chapter file with \`slug: ${c.slug}\` to ${side.dir}, or rename this slug to match`,
        );
      }
    }
  }
  src.forEach((c, i) => {
    const e = other[i]!;
    if (e.slug !== c.slug) {
      throw new StoryError(
        e.file,
        e.keyLines.slug ?? 2,
        `chapter "${e.slug}" is chapter ${i + 1} here but "${c.slug}" is chapter ${i + 1} in ${c.file}`,
        "number the files of every language in the same order",
      );
    }
    if (e.scene !== c.scene) {
      throw new StoryError(
        e.file,
        e.keyLines.scene ?? 2,
        `scene "${e.scene}" differs from scene "${c.scene}" in ${c.file}`,
        `use \`scene: ${c.scene}\` in every language`,
      );
    }
    if (e.receives.join(",") !== c.receives.join(",")) {
      throw new StoryError(
        e.file,
        e.keyLines.receives ?? e.keyLines.scene ?? 2,
        `receives [${e.receives.join(", ")}] but ${c.file} receives [${c.receives.join(", ")}]`,
        c.receives.length ? `write \`receives: [${c.receives.join(", ")}]\` as in ${c.file}` : `remove \`receives\`, as in ${c.file}`,
      );
    }
  });
}

/** A chapter of another language has the source chapter's steps, in order, citing the same facts, terms and names. */
export function checkStepParity(src: ParsedChapter, other: ParsedChapter, facts: Facts, srcLang: Lang, lang: Lang): void {
  const n = Math.max(src.steps.length, other.steps.length);
  for (let i = 0; i < n; i++) {
    const a = src.steps[i];
    const b = other.steps[i];
    if (!a || !b || a.state !== b.state) {
      // The source language leads: when both have the step, the other language follows it.
      const [has, lacks] =
        !b || (a && !other.steps.some((s) => s.state === a.state)) || (a && b && src.steps.some((s) => s.state === b.state))
          ? [src, other]
          : [other, src];
      const step = (has === src ? a : b)!;
      const missing = !lacks.steps.some((s) => s.state === step.state);
      throw new StoryError(
        lacks.file,
        lacks.steps[i]?.line ?? lacks.steps.at(-1)?.line ?? 1,
        missing ? `step "${step.state}" (${has.file}:${step.line}) is missing here` : `steps are in a different order than in ${has.file}`,
        missing
          ? `add :::step{state="${step.state}"} as step ${i + 1}, or remove it from ${has.file}`
          : `order the steps as in ${has.file}: ${has.steps.map((s) => s.state).join(", ")}`,
      );
    }
    const theirs = `the "${srcLang}" step (${src.file}:${a.line})`;
    if (a.source === b.source) {
      throw new StoryError(
        other.file,
        b.line,
        `step "${b.state}" has the same text as ${theirs}`,
        `write this step in "${lang}"; a "${srcLang}" chapter belongs in ${dirname(src.file)}`,
      );
    }
    const fa = [...a.facts].sort().join(", ");
    const fb = [...b.facts].sort().join(", ");
    if (fa !== fb) {
      throw new StoryError(
        other.file,
        b.line,
        `step "${b.state}" cites facts [${fb}] but ${theirs} cites [${fa}]`,
        "cite the same :fact[…] ids in every language",
      );
    }
    const ta = [...new Set(a.terms)].sort().join(", ");
    const tb = [...new Set(b.terms)].sort().join(", ");
    if (ta !== tb) {
      throw new StoryError(
        other.file,
        b.line,
        `step "${b.state}" marks the terms [${tb}] but ${theirs} marks [${ta}]`,
        "mark the same :term[…] words in every language",
      );
    }
    for (const [id, name] of Object.entries(facts.names)) {
      const inSrc = mentions(a.text, nameForms(name, srcLang));
      const inOther = mentions(b.text, nameForms(name, lang));
      if (inSrc !== inOther) {
        const [where, line, missing] = inSrc ? [other.file, b.line, lang] : [src.file, a.line, srcLang];
        throw new StoryError(
          where,
          line,
          `step "${a.state}" names ${nameForms(name, inSrc ? srcLang : lang)[0]} in ${inSrc ? srcLang : lang} but not in ${missing}`,
          `mention "${nameForms(name, missing)[0]}" here too (name "${id}" in content/facts.json), or drop it from the other language`,
        );
      }
    }
  }
}

export function mentions(text: string, forms: string[]): boolean {
  const plain = text.replace(/\u00a0/g, " ");
  return forms.some((f) => new RegExp(`(?<![\\p{L}])${escape(f.replace(/\u00a0/g, " "))}(?:s|'s|’s)?(?![\\p{L}])`, "u").test(plain));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
