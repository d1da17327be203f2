// Glossary terms: the page carries each term's explanation as a note after the
// step that first uses it (readable without JavaScript and in print). Here that
// note becomes an accessible disclosure: the term turns into a button that shows
// or hides it.

export function setupGlossary(root: HTMLElement): () => void {
  for (const term of Array.from(root.querySelectorAll<HTMLElement>(".term-first"))) {
    const dfn = term.querySelector("dfn");
    const note = document.getElementById(`term-${term.dataset.term}`);
    if (!dfn || !note || dfn.querySelector("button")) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "term-toggle";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", note.id);
    button.textContent = dfn.textContent;
    dfn.replaceChildren(button);
    note.hidden = true;
  }
  const onClick = (event: Event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>(".term-toggle");
    if (!button) return;
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    const note = document.getElementById(button.getAttribute("aria-controls") ?? "");
    if (note) note.hidden = !open;
  };
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}
