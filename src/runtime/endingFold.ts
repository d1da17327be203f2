// The ending's long back matter (src/components/Ending.astro: the source guide and the colophon, each
// `[data-ending-part][data-fold]`; the box about the story, methods and credits, stands open: graphics
// review 42, item 9), folded on screen once the script runs (graphics review 38: the page closed on its
// licences at the weight of the story): each part's heading is
// made the button that opens and closes it, the rest of the part hidden by ending.css while
// `data-folded` is set. Without JavaScript all of it stands open, and on paper too (the print CSS
// shows a folded part whole; the PDF is printed without the script). Teardown undoes it all.

export function setupEndingFold(): () => void {
  const made: { section: HTMLElement; heading: HTMLElement; button: HTMLButtonElement; click: () => void }[] = [];
  for (const section of document.querySelectorAll<HTMLElement>("[data-ending] [data-ending-part][data-fold]")) {
    const heading = section.querySelector<HTMLElement>(":scope > h2");
    if (!heading) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "fold-toggle";
    button.setAttribute("aria-expanded", "false");
    button.append(...heading.childNodes);
    heading.append(button);
    section.dataset.folded = "";
    const click = () => {
      const open = section.hasAttribute("data-folded");
      if (open) delete section.dataset.folded;
      else section.dataset.folded = "";
      button.setAttribute("aria-expanded", String(open));
    };
    button.addEventListener("click", click);
    made.push({ section, heading, button, click });
  }
  return () => {
    for (const { section, heading, button, click } of made) {
      button.removeEventListener("click", click);
      heading.append(...button.childNodes);
      button.remove();
      delete section.dataset.folded;
    }
  };
}
