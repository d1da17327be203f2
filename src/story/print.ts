// The print edition's figures: which pictures a chapter prints on paper. The scroll
// story draws every step; paper gets one figure per idea, declared in the chapter's
// frontmatter:
//
//   print:
//     - single: roadmap              # one state, the page's measure wide (the `print` layout)
//     - strip: [crisis, stake]       # small multiples of states that differ in one way,
//                                    # side by side (the `square` layout, small), each keyed to its step's number
//   print: []                        # the chapter prints its text only
//
// Without `print:` a chapter prints its first step's state as a single figure.
// Every state must be one of the chapter's steps (a figure is keyed to a step's
// number), and no state prints twice.

import { StoryError, suggest } from "./errors.ts";

export type PrintForm = "single" | "strip";
export interface PrintFigure {
  form: PrintForm;
  states: string[];
  /** The frontmatter line that declares it, for errors. */
  line: number;
}

/** Panels in a strip: one above the other, each at the page's measure, so their type prints at 8 pt and more (src/story/page.ts PRINT_LAYOUT); more than two would fill a page. */
export const STRIP_MAX = 2;

const FORMS: readonly PrintForm[] = ["single", "strip"];
const EXAMPLE = "write `print:` then lines `- single: <state>` or `- strip: [<state>, <state>]`";

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
  const lineOf = (word: string): number => {
    for (let i = at; i < lines.length; i++) if (lines[i]!.includes(word)) return i + 1;
    return at;
  };
  if (value === null) return [];
  if (!Array.isArray(value)) throw new StoryError(file, at, "`print` is not a list of figures", EXAMPLE);
  const printed = new Map<string, number>();
  return value.map((entry: unknown) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry) || Object.keys(entry).length !== 1)
      throw new StoryError(file, at, `\`print\` entry ${JSON.stringify(entry)} is not one figure`, EXAMPLE);
    const [form, raw] = Object.entries(entry)[0]!;
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
    return { form: form as PrintForm, states: states as string[], line };
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
