// Markdown → steps. A chapter file is YAML frontmatter plus `:::step{state="…"}`
// blocks (remark-directive). Inside a step, `:fact[id]` prints a number from the
// facts file and `:quote[words]{speaker="name-id"}` marks a quotation. Every
// mistake stops with the file, the line and the fix.

import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkDirective from "remark-directive";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { visit, SKIP } from "unist-util-visit";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import type { Root, RootContent, Text } from "mdast";
import type { ContainerDirective, TextDirective, LeafDirective } from "mdast-util-directive";
import { StoryError, suggest } from "./errors.ts";
import { parsePrint, type PrintFigure } from "./print.ts";
import { formatFact, nameForms, sharesUnit, type Facts, type NumberFact } from "./facts.ts";
import { parseJsonWith, problem } from "./json.ts";
import type { Lang } from "./types.ts";

/** Each language's quotation marks around a :quote (others fall back to the English ones). */
const QUOTE_MARKS: Record<string, readonly [string, string]> = { de: ["„", "“"], en: ["“", "”"], fr: ["« ", " »"] };

export interface ParsedStep {
  state: string;
  html: string;
  /** Plain text of the step, for checks. */
  text: string;
  /** The step's words as written, facts as their ids (language-neutral): tells a misplaced chapter. */
  source: string;
  facts: string[];
  /** Glossary term ids used in the step, in order. */
  terms: string[];
  line: number;
}

export interface ParsedChapter {
  file: string;
  slug: string;
  title: string;
  scene: string;
  /** Top-level mark keys this chapter's picture takes over from the chapter before (`receives: [hero]`; checked by src/story/compile.ts). */
  receives: string[];
  /** Line of each frontmatter key, for errors that concern them. */
  keyLines: Record<string, number>;
  steps: ParsedStep[];
  /** The figures the print edition prints (`print:`, src/story/print.ts). */
  print: PrintFigure[];
}

const REQUIRED = ["slug", "title", "scene"] as const;
const SLUG = /^[a-z][a-z0-9-]*$/;

export function splitFrontmatter(
  src: string,
  file: string,
): { data: Record<string, unknown>; body: string; bodyLine: number; keyLines: Record<string, number> } {
  const text = src.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (lines[0] !== "---") {
    throw new StoryError(
      file,
      1,
      "does not start with frontmatter",
      "begin the file with a line `---`, then `slug:`, `title:` and `scene:`, then `---`",
    );
  }
  const end = lines.indexOf("---", 1);
  if (end < 0) {
    throw new StoryError(file, 1, "frontmatter is not closed", "end the frontmatter with a line `---`");
  }
  const yamlText = lines.slice(1, end).join("\n");
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : 2;
    throw new StoryError(
      file,
      line,
      `frontmatter is not valid YAML: ${(e as Error).message.split("\n")[0]}`,
      "write one `key: value` per line; quote values that contain a colon",
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new StoryError(file, 2, "frontmatter is not a set of `key: value` lines", "write `slug:`, `title:` and `scene:`, one per line");
  }
  const keyLines: Record<string, number> = {};
  lines.slice(1, end).forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (m) keyLines[m[1]!] = i + 2;
  });
  return { data: data as Record<string, unknown>, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2, keyLines };
}

const toHtml = unified().use(remarkRehype).use(rehypeStringify);
const parser = unified().use(remarkParse).use(remarkDirective);

const NBSP = String.fromCharCode(0xa0);

const NEEDS_TERM = problem('needs "term" (the word) and "text" (its explanation)', 'write { "term": "…", "text": "…" } for it');
/** A glossary file (content/glossary/<lang>.json): term id → the word and its explanation. */
const glossaryFile = z.record(
  z.string(),
  z.looseObject(
    Object.fromEntries(["term", "text"].map((k) => [k, z.string({ error: NEEDS_TERM }).min(1, { error: NEEDS_TERM })])) as Record<
      "term" | "text",
      z.ZodString
    >,
    { error: NEEDS_TERM },
  ),
  { error: problem("is not a JSON object", 'write { "id": { "term": "…", "text": "…" } }') },
);
export type Glossary = z.infer<typeof glossaryFile>;

export function parseGlossary(text: string, file: string): Glossary {
  return parseJsonWith(text, file, glossaryFile, (path) => (path.length ? `term "${path[0]}" ` : ""));
}

export interface ParseOptions {
  file: string;
  lang: Lang;
  facts: Facts;
  /** Glossary of the chapter's language: term id → its words and definition. */
  glossary: Glossary;
  /** Known scenes and their states. */
  scenes: Record<string, readonly string[]>;
}

export function parseChapter(src: string, opts: ParseOptions): ParsedChapter {
  const { file } = opts;
  const fm = splitFrontmatter(src, file);
  for (const key of REQUIRED) {
    const v = fm.data[key];
    if (typeof v !== "string" || v.trim() === "") {
      throw new StoryError(
        file,
        fm.keyLines[key] ?? 2,
        `frontmatter lacks \`${key}\``,
        `add a line \`${key}: …\` between the \`---\` lines`,
      );
    }
  }
  const slug = String(fm.data.slug);
  const scene = String(fm.data.scene);
  if (!SLUG.test(slug)) {
    throw new StoryError(
      file,
      fm.keyLines.slug!,
      `slug "${slug}" is not kebab-case`,
      "use lower-case letters, digits and hyphens, e.g. `slug: hunt`",
    );
  }
  const states = opts.scenes[scene];
  if (!states) {
    throw new StoryError(file, fm.keyLines.scene!, `unknown scene "${scene}"`, suggest(scene, Object.keys(opts.scenes)));
  }
  const offset = fm.bodyLine - 1;
  checkClosed(fm.body, offset, file);
  const tree = parser.parse(fm.body) as Root;
  const steps: ParsedStep[] = [];
  const seen = new Map<string, number>();
  for (const node of tree.children) {
    const line = (node.position?.start.line ?? 1) + offset;
    if (node.type === "containerDirective" && node.name === "step") {
      const state = node.attributes?.state ?? "";
      if (!state) {
        throw new StoryError(file, line, "step has no state", `write :::step{state="…"} with one of: ${states.join(", ")}`);
      }
      if (!states.includes(state)) {
        throw new StoryError(file, line, `unknown state "${state}" for scene "${scene}"`, suggest(state, states));
      }
      if (seen.has(state)) {
        throw new StoryError(
          file,
          line,
          `state "${state}" is used twice in this chapter (first on line ${seen.get(state)})`,
          "give each step its own state, or merge the two steps",
        );
      }
      seen.set(state, line);
      steps.push(parseStep(node, line, offset, opts));
      continue;
    }
    if (node.type === "html" && /^<!--[\s\S]*-->$/.test(node.value.trim())) continue;
    throw new StoryError(file, line, `${describe(node)} outside a step`, 'put all prose inside :::step{state="…"} … ::: blocks');
  }
  if (steps.length === 0) {
    throw new StoryError(file, fm.bodyLine, "chapter has no steps", `add at least one :::step{state="${states[0]}"} … ::: block`);
  }
  return {
    file,
    slug,
    title: String(fm.data.title),
    scene,
    receives: receivesOf(fm.data.receives, file, fm.keyLines.receives),
    keyLines: fm.keyLines,
    steps,
    print: parsePrint(
      fm.data.print,
      steps.map((s) => s.state),
      file,
      fm.keyLines.print,
      src.replace(/\r\n?/g, "\n").split("\n"),
      states,
    ),
  };
}

function receivesOf(v: unknown, file: string, line = 2): string[] {
  if (v === undefined) return [];
  const list = typeof v === "string" ? [v] : v;
  if (!Array.isArray(list) || list.length === 0 || !list.every((k) => typeof k === "string" && SLUG.test(k)))
    throw new StoryError(
      file,
      line,
      "`receives` is not a list of mark keys",
      "write `receives: [hero]`: the keys of the marks this chapter takes over from the one before",
    );
  return list as string[];
}

// A `:::` block left open is not an error to the Markdown parser: it runs to the
// end of the file (so the last step silently swallows nothing, or whatever comes
// after it), and a step opened before the previous one was closed becomes a step
// inside it, which would be reported at the inner step's line. Fences are paired
// here as the author wrote them, so the error names the line the block opened on.
const OPENER = /^ {0,3}(:{3,})\s*([A-Za-z][\w-]*)/;
const CLOSER = /^ {0,3}(:{3,})\s*$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

function checkClosed(body: string, offset: number, file: string): void {
  const open: { line: number; colons: number; name: string }[] = [];
  let code: string | undefined;
  body.split("\n").forEach((text, i) => {
    const fence = CODE_FENCE.exec(text)?.[1];
    if (code !== undefined) {
      if (fence && fence[0] === code[0] && fence.length >= code.length) code = undefined;
      return;
    }
    if (fence) {
      code = fence;
      return;
    }
    const opener = OPENER.exec(text);
    if (opener) {
      open.push({ line: i + 1 + offset, colons: opener[1]!.length, name: opener[2]! });
      return;
    }
    const colons = CLOSER.exec(text)?.[1]!.length;
    if (colons === undefined || open.length === 0) return;
    // A closer belongs to the latest block opened with as many colons; blocks
    // opened after that one were left open. Otherwise it closes the innermost
    // block if it is long enough (a closing fence needs at least its colons).
    const owner = open.findLastIndex((b) => b.colons === colons);
    if (owner >= 0 && owner < open.length - 1) throw unclosed(file, open[owner + 1]!);
    if (owner >= 0 || colons >= open.at(-1)!.colons) open.pop();
  });
  // The outermost block still open is the one the author forgot to close: the
  // closers after it were taken by blocks opened later.
  if (open[0]) throw unclosed(file, open[0]);
}

function unclosed(file: string, block: { line: number; colons: number; name: string }): StoryError {
  const fence = ":".repeat(block.colons);
  return new StoryError(
    file,
    block.line,
    `the ${block.name === "step" ? "step" : `"${block.name}" block`} opened here is never closed`,
    `end it with a line \`${fence}\` after its prose, before the next ${fence}step{…} or the end of the file`,
  );
}

function describe(node: RootContent): string {
  if (node.type === "containerDirective" || node.type === "leafDirective") return `directive "${node.name}"`;
  return node.type === "paragraph" ? "text" : `a ${node.type}`;
}

function parseStep(node: ContainerDirective, line: number, offset: number, opts: ParseOptions): ParsedStep {
  const { file, facts, lang } = opts;
  const used: string[] = [];
  const terms: string[] = [];
  let fail: StoryError | undefined;
  const at = (n: { position?: { start: { line: number } } }) => (n.position?.start.line ?? 1) + offset;
  // A range's low end, :fact[id]{bare}, waiting for the high end that carries its unit.
  let bare: { id: string; fact: NumberFact; line: number } | undefined;
  const bareAlone = (id: string, line: number) =>
    new StoryError(
      file,
      line,
      `:fact[${id}]{bare} is not followed by a number of its unit`,
      `{bare} writes a range's low end without its unit: follow it with the high end in the same unit, ":fact[${id}]{bare} to :fact[high-id]", or drop {bare}`,
    );
  const source = plainText(node).replace(/\s+/g, " ").trim();

  visit(node, (n, index, parent) => {
    if (fail || n === node) return;
    if (n.type === "containerDirective" || n.type === "leafDirective") {
      const d = n as ContainerDirective | LeafDirective;
      fail = new StoryError(
        file,
        at(d),
        d.name === "step" ? "a step inside a step" : `unknown block directive "${d.name}"`,
        'close the step with ::: before the next one; inside a step use :fact[id] or :quote[…]{speaker="…"}',
      );
      return;
    }
    if (n.type === "html") {
      fail = new StoryError(file, at(n), "raw HTML inside a step", "write Markdown (emphasis, links) instead; HTML is not published");
      return;
    }
    if (n.type === "textDirective") {
      const d = n as TextDirective;
      const inner = d.children
        .map((c) => ("value" in c ? c.value : ""))
        .join("")
        .trim();
      if (d.name === "fact") {
        const fact = facts.numbers[inner];
        if (!fact) {
          fail = new StoryError(
            file,
            at(d),
            `unknown fact id "${inner}"`,
            suggest(inner, Object.keys(facts.numbers)) + " (content/facts.json)",
          );
          return;
        }
        if (bare && !sharesUnit(bare.fact, fact)) {
          fail = bareAlone(bare.id, bare.line);
          return;
        }
        bare = d.attributes && "bare" in d.attributes ? { id: inner, fact, line: at(d) } : undefined;
        used.push(inner);
        const text: Text = { type: "text", value: formatFact(fact, lang, bare ? "bare" : "long") };
        (parent!.children as unknown[])[index!] = {
          type: "emphasis",
          data: { hName: "span", hProperties: { className: ["fact"], dataFact: inner } },
          children: [text],
        };
        return SKIP;
      }
      if (d.name === "term") {
        const inner = d.children
          .map((c) => ("value" in c ? c.value : ""))
          .join("")
          .trim();
        const id = d.attributes?.id ?? inner.toLowerCase();
        if (!opts.glossary[id]) {
          fail = new StoryError(
            file,
            at(d),
            `unknown term "${id}"`,
            `add "${id}" to content/glossary/${lang}.json (and the other language's glossary), or write :term[…]{id="…"} with one of: ${suggest(id, Object.keys(opts.glossary))}`,
          );
          return;
        }
        terms.push(id);
        d.data = { hName: "span", hProperties: { className: ["term"], dataTerm: id } };
        return;
      }
      if (d.name === "quote") {
        const speaker = d.attributes?.speaker ?? "";
        const name = facts.names[speaker];
        if (!name) {
          fail = new StoryError(
            file,
            at(d),
            speaker ? `unknown speaker "${speaker}"` : "quotation without a speaker",
            `write :quote[…]{speaker="id"} with a name id from content/facts.json: ${suggest(speaker, Object.keys(facts.names))}`,
          );
          return;
        }
        d.data = { hName: "q", hProperties: { className: ["quote"], dataSpeaker: nameForms(name, lang)[0] } };
        // The marks as real characters, not CSS quotes (screen readers seldom voice generated content);
        // global.css turns the <q>'s own marks off for .quote.
        const [open, close] = QUOTE_MARKS[lang] ?? QUOTE_MARKS.en!;
        d.children = [{ type: "text", value: open } as Text, ...d.children, { type: "text", value: close } as Text];
        return;
      }
      fail = new StoryError(
        file,
        at(d),
        `unknown directive ":${d.name}"`,
        'use :fact[id] or :quote[…]{speaker="…"}; to write a plain colon before a letter, escape it as \\:',
      );
      return;
    }
    if (n.type === "text" && /\d/.test((n as Text).value)) {
      const value = (n as Text).value;
      // The number without a comma or full stop that merely ends the clause ("2024," names "2024").
      const m = /\d(?:[\d.,]*\d)?/.exec(value)!;
      const line = at(n) + (value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      fail = new StoryError(
        file,
        line,
        `the number "${m[0]}" is typed into the prose`,
        "numbers and dates live in content/facts.json: cite them as :fact[id]",
      );
    }
  });
  if (!fail && bare) fail = bareAlone(bare.id, bare.line);
  if (fail) throw fail;
  // Initials stay with the name they belong to ("C. C. Wei" never breaks after "C.").
  visit(node, "text", (t: Text) => {
    t.value = t.value.replace(/\b(\p{Lu})\. (?=\p{Lu})/gu, `$1.${NBSP}`);
  });

  const text = plainText(node).trim();
  if (text === "") {
    throw new StoryError(file, line, "step is empty", "write the step's prose between :::step{…} and :::");
  }
  const hast = toHtml.runSync({ type: "root", children: node.children } as Root);
  const html = String(toHtml.stringify(hast as never)).trim();
  return { state: node.attributes!.state!, html, text, source, facts: used, terms, line };
}

function plainText(n: unknown): string {
  const node = n as { value?: string; children?: unknown[] };
  if (typeof node.value === "string") return node.value;
  return (node.children ?? []).map(plainText).join(node.children && (n as { type: string }).type === "containerDirective" ? "\n" : "");
}

/** A block of prose outside the chapters (the page's opening and ending file): `:::name{title="…"}` … `:::`. */
export interface ParsedBlock {
  name: string;
  title: string;
  html: string;
  /** Fact ids cited in the block, in order (prose blocks only). */
  facts: string[];
  line: number;
}

/**
 * The body of a page file: nothing but `:::name{title="…"}` blocks. A block named in
 * `prose` is held to a step's rules (numbers as :fact[id], no raw HTML, :quote with a
 * speaker); the others (credits, sources) are plain Markdown, whose numbers are the
 * sources' own words, with `{fact-id}` filled in by `fill`.
 */
export function parseBlocks(
  body: string,
  bodyLine: number,
  opts: Omit<ParseOptions, "scenes">,
  prose: readonly string[],
  fill: (markdown: string, line: number) => string,
): ParsedBlock[] {
  const { file } = opts;
  const offset = bodyLine - 1;
  checkClosed(body, offset, file);
  const tree = parser.parse(body) as Root;
  const blocks: ParsedBlock[] = [];
  for (const node of tree.children) {
    const line = (node.position?.start.line ?? 1) + offset;
    if (node.type === "html" && /^<!--[\s\S]*-->$/.test(node.value.trim())) continue;
    if (node.type !== "containerDirective") {
      throw new StoryError(file, line, `${describe(node)} outside a block`, 'put all prose inside :::name{title="…"} … ::: blocks');
    }
    const title = node.attributes?.title ?? "";
    if (!title.trim()) throw new StoryError(file, line, `block "${node.name}" has no title`, `write :::${node.name}{title="…"}`);
    if (prose.includes(node.name)) {
      const step = parseStep(node, line, offset, { ...opts, scenes: {} });
      blocks.push({ name: node.name, title, html: step.html, facts: step.facts, line });
      continue;
    }
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    const inner = body.slice(start, end).split("\n").slice(1, -1).join("\n");
    const parsed = parser.parse(fill(inner, line + 1)) as Root;
    let raw: { line: number } | undefined;
    visit(parsed, "html", (n) => {
      raw ??= { line: (n.position?.start.line ?? 1) + line };
    });
    if (raw) throw new StoryError(file, raw.line, "raw HTML inside a block", "write Markdown (emphasis, links, lists) instead");
    const html = String(toHtml.stringify(toHtml.runSync(parsed) as never)).trim();
    blocks.push({ name: node.name, title, html, facts: [], line });
  }
  return blocks;
}
