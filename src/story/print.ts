// The print edition's figures: which pictures a chapter prints on paper. The scroll
// story draws every step; paper gets one figure per idea, declared in the chapter's
// frontmatter:
//
//   print:
//     - single: roadmap              # one state, the page's measure wide (the `print` layout)
//       caption: The plan's four parts
//     - strip: [crisis, stake]       # small multiples of states that differ in one way,
//                                    # side by side (the `square` layout, small), each keyed to its step's number
//       caption: [The board's worry, A stake for OpenAI]
//   print: []                        # the chapter prints its text only
//
// Each figure's caption says what it shows, in the language's own words (one for each of a strip's
// panels): paper prints it under the figure after its number ("Fig. 4 · …"), so a reader who turns to
// the picture knows what it is without the step's number the screen uses.
// Without `print:` a chapter prints its first step's state as a single figure, captioned with the chapter's title.
// Every state must be one of the chapter's steps (a figure is keyed to a step's
// number), and no state prints twice.

import { StoryError, suggest } from "./errors.ts";

export type PrintForm = "single" | "strip";
export interface PrintFigure {
  form: PrintForm;
  states: string[];
  /** Each panel's caption (one per state), or none for the default figure (the chapter's title stands in). */
  captions?: string[];
  /** The frontmatter line that declares it, for errors. */
  line: number;
}

/** Panels in a strip: one above the other, each at the page's measure, so their type prints at 8 pt and more (src/story/page.ts PRINT_LAYOUT); more than two would fill a page. */
export const STRIP_MAX = 2;

/** A caption is one line under its figure: a few words on what it shows. */
export const CAPTION_MAX = 90;

const FORMS: readonly PrintForm[] = ["single", "strip"];
const EXAMPLE =
  "write `print:` then lines `- single: <state>` or `- strip: [<state>, <state>]`, each with a line `caption: <what it shows>` under it";

/**
 * Reads and checks a chapter's `print:` frontmatter against its steps' states.
 * `lines` are the frontmatter's lines (line 1 of the file is `---`), for error lines.
 */
export function parsePrint(
  value: unknown,
  steps: readonly string[],
  file: string,
  keyLine: number | undefined,
  lines: readonly string[],
  /** The scene's states: one that is no step here is left to checkPrintedSteps (after the languages' parity, which names a missing step better). */
  sceneStates: readonly string[] = steps,
): PrintFigure[] {
  if (value === undefined) return [{ form: "single", states: [steps[0]!], line: 1 }];
  const at = keyLine ?? 2;
  // The line of an entry: the first line after `print:` that names it.
  const lineOf = (word: string, from = at): number => {
    for (let i = from; i < lines.length; i++) if (lines[i]!.includes(word)) return i + 1;
    return from;
  };
  if (value === null) return [];
  if (!Array.isArray(value)) throw new StoryError(file, at, "`print` is not a list of figures", EXAMPLE);
  const printed = new Map<string, number>();
  return value.map((entry: unknown) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry))
      throw new StoryError(file, at, `\`print\` entry ${JSON.stringify(entry)} is not one figure`, EXAMPLE);
    const { caption, ...rest } = entry as Record<string, unknown>;
    if (Object.keys(rest).length !== 1)
      throw new StoryError(file, at, `\`print\` entry ${JSON.stringify(entry)} is not one figure`, EXAMPLE);
    const [form, raw] = Object.entries(rest)[0]!;
    const line = lineOf(`${form}:`);
    if (!FORMS.includes(form as PrintForm)) throw new StoryError(file, line, `unknown print form "${form}"`, suggest(form, FORMS));
    const states = typeof raw === "string" ? [raw] : raw;
    if (!Array.isArray(states) || states.length === 0 || !states.every((s) => typeof s === "string"))
      throw new StoryError(file, line, `\`${form}\` does not name states`, EXAMPLE);
    if (form === "single" && states.length !== 1)
      throw new StoryError(
        file,
        line,
        "`single` prints one state",
        `write \`- strip: [${states.join(", ")}]\` for small multiples, or name one state`,
      );
    if (form === "strip" && (states.length < 2 || states.length > STRIP_MAX))
      throw new StoryError(
        file,
        line,
        `a strip of ${states.length} state${states.length === 1 ? "" : "s"}`,
        `a strip holds 2 to ${STRIP_MAX} states side by side (more would fill a page); write \`- single: ${states[0]}\` for one, or split it into two strips`,
      );
    for (const state of states as string[]) {
      const where = lineOf(state);
      if (!steps.includes(state) && !sceneStates.includes(state))
        throw new StoryError(file, where, `print state "${state}" is not a step of this chapter`, suggest(state, steps));
      if (printed.has(state))
        throw new StoryError(
          file,
          where,
          `state "${state}" is printed twice (first on line ${printed.get(state)})`,
          "print each state once",
        );
      printed.set(state, where);
    }
    const captions = typeof caption === "string" ? [caption] : caption;
    const what = form === "strip" ? `a list of ${states.length} captions, one for each panel` : "one caption";
    if (
      !Array.isArray(captions) ||
      captions.length !== states.length ||
      !captions.every((c) => typeof c === "string" && c.trim().length > 0)
    )
      throw new StoryError(
        file,
        caption === undefined ? line : lineOf("caption:", line - 1),
        caption === undefined ? `the figure of ${states.join(", ")} has no caption` : `the caption of ${states.join(", ")} is not ${what}`,
        `add a line \`caption: ${form === "strip" ? "[<what panel 1 shows>, <what panel 2 shows>]" : "<what it shows>"}\` under it (${what}: paper prints it under the figure)`,
      );
    if (captions.some((c) => (c as string).length > CAPTION_MAX))
      throw new StoryError(
        file,
        lineOf("caption:", line - 1),
        `a caption longer than ${CAPTION_MAX} characters`,
        "say in a few words what the figure shows: the step's text says the rest",
      );
    return { form: form as PrintForm, states: states as string[], captions: (captions as string[]).map((c) => c.trim()), line };
  });
}

/** Every language prints the same figures: the editions differ in words only. */
export function checkPrintParity(
  src: { file: string; print: PrintFigure[] },
  other: { file: string; print: PrintFigure[]; keyLines: Record<string, number> },
): void {
  const show = (p: PrintFigure[]) => (p.length ? p.map((f) => `${f.form}: [${f.states.join(", ")}]`).join("; ") : "no figure");
  if (show(src.print) !== show(other.print))
    throw new StoryError(
      other.file,
      other.keyLines.print ?? 2,
      `prints ${show(other.print)}, but ${src.file} prints ${show(src.print)}`,
      `copy the \`print:\` lines of ${src.file}: every language prints the same figures`,
    );
}

/** Every printed state is one of the chapter's steps (checked after the languages' parity, which names a missing step better). */
export function checkPrintedSteps(c: { file: string; print: PrintFigure[]; steps: { state: string }[] }): void {
  const steps = c.steps.map((s) => s.state);
  for (const f of c.print)
    for (const state of f.states)
      if (!steps.includes(state))
        throw new StoryError(c.file, f.line, `print state "${state}" is not a step of this chapter`, suggest(state, steps));
}
