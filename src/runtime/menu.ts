// The top bar's chapter menu (src/components/ChapterMenu.astro, a <details> that opens
// and closes without JavaScript): closed again by Escape (focus back on its button), by
// choosing a chapter and by a click elsewhere. Teardown removes the listeners.

export function setupMenu(): () => void {
  const added: [EventTarget, string, (e: Event) => void][] = [];
  const on = (target: EventTarget, type: string, fn: (e: Event) => void) => {
    target.addEventListener(type, fn);
    added.push([target, type, fn]);
  };
  for (const menu of document.querySelectorAll<HTMLDetailsElement>("details[data-menu]")) {
    const close = (refocus: boolean) => {
      if (!menu.open) return;
      menu.open = false;
      if (refocus) menu.querySelector("summary")?.focus();
    };
    on(menu, "keydown", (e) => {
      if ((e as KeyboardEvent).key === "Escape" && menu.open) {
        e.preventDefault();
        close(true);
      }
    });
    on(menu, "click", (e) => {
      if ((e.target as Element).closest("a[data-nav]")) close(false);
    });
    on(document, "click", (e) => {
      if (!menu.contains(e.target as Node)) close(false);
    });
  }
  return () => {
    for (const [target, type, fn] of added) target.removeEventListener(type, fn);
  };
}
