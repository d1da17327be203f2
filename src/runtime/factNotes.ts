// The numbers' source notes in place (issue 19). The page links each number in
// the prose to its endnote (src/story/factNotes.ts); here each link becomes a
// disclosure button that opens a copy of that note below the number's paragraph,
// inside its card: one note at a time; Escape, a second press or a click
// elsewhere closes it, Escape returning focus to the number.

export function setupFactNotes(root: HTMLElement): () => void {
  // One note per fact, whichever of its citations opens it: [data-fact-note="ID"] names one element.
  const notes = new Map<string, HTMLElement>();
  const noteFor = (id: string): HTMLElement | undefined => {
    if (notes.has(id)) return notes.get(id);
    const source = document.querySelector<HTMLElement>(`[data-endnote="${id}"]`);
    if (!source) return undefined;
    const note = document.createElement("div");
    note.className = "fact-note";
    note.id = `fact-note-${id}`;
    note.dataset.factNote = id;
    note.setAttribute("role", "note");
    note.hidden = true;
    for (const child of Array.from(source.children)) if (!child.matches(".note-back, .note-label")) note.append(child.cloneNode(true));
    notes.set(id, note);
    return note;
  };
  /** The block a number's note opens below: its paragraph. */
  const blockOf = (el: Element): Element | null => el.closest("p") ?? el.parentElement;

  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>("a.fact[data-fact]"))) {
    const id = link.dataset.fact!;
    const block = blockOf(link);
    const fresh = !notes.has(id);
    const note = noteFor(id);
    if (!note || !block) continue;
    if (fresh) block.after(note);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "fact";
    button.dataset.fact = id;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", note.id);
    if (link.id) button.id = link.id;
    button.append(...Array.from(link.childNodes));
    link.replaceWith(button);
  }
  // The endnotes' numbers, at their sentences' ends, are for paper (print CSS shows them): on screen each number opens
  // its note instead. Hidden as the closed notes are, so a reader's tools skip them (factnotes.css also hides them).
  for (const sup of Array.from(root.querySelectorAll<HTMLElement>(".fact-ref"))) sup.hidden = true;

  let open: HTMLButtonElement | null = null;
  const noteOf = (button: HTMLButtonElement) => notes.get(button.dataset.fact ?? "");
  const close = (focus: boolean) => {
    if (!open) return;
    const button = open;
    open = null;
    button.setAttribute("aria-expanded", "false");
    const note = noteOf(button);
    if (note) note.hidden = true;
    if (focus) button.focus();
  };
  const show = (button: HTMLButtonElement) => {
    close(false);
    const note = noteOf(button);
    const block = blockOf(button);
    if (!note || !block) return;
    // In place: below the paragraph of the number that was pressed.
    if (note.previousElementSibling !== block) block.after(note);
    open = button;
    button.setAttribute("aria-expanded", "true");
    note.hidden = false;
    // Below a number near the foot of the screen, the note would open out of sight.
    const box = note.getBoundingClientRect();
    if (box.bottom > window.innerHeight) note.scrollIntoView({ block: "nearest" });
  };

  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    const button = target?.closest?.<HTMLButtonElement>("button.fact[aria-controls]");
    if (button) {
      if (button === open) close(false);
      else show(button);
      return;
    }
    // A click outside the open note closes it; inside (selecting its words) it stays.
    if (open && !noteOf(open)?.contains(target)) close(false);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    event.preventDefault();
    close(true);
  };
  document.addEventListener("click", onClick);
  document.addEventListener("keydown", onKey);
  return () => {
    document.removeEventListener("click", onClick);
    document.removeEventListener("keydown", onKey);
  };
}
