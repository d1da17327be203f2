// Share a step: each step's button ([data-share], rendered hidden) is revealed
// and, when pressed, hands the step's deep link (this page's address + #<step
// id>) to the device's share sheet where there is one (navigator.share), else
// copies it to the clipboard and says so in a polite live region. If neither
// works, the link is put in the address bar. Teardown hides the buttons again.
// The region and its words are in the page (src/components/ShareStatus.astro).

/** The absolute deep link of a step on this page. */
export function stepLink(id: string, where: Pick<Location, "origin" | "pathname" | "search"> = location): string {
  return `${where.origin}${where.pathname}${where.search}#${encodeURIComponent(id)}`;
}

export function setupShare(root: HTMLElement): () => void {
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>("button[data-share]"));
  // The live region, with the words to say in the page's language (src/components/ShareStatus.astro).
  const status = document.querySelector<HTMLElement>("[data-share-status]");
  if (buttons.length === 0 || !status) return () => undefined;
  const words = { copied: status.dataset.copied ?? "", failed: status.dataset.failed ?? "" };
  for (const b of buttons) b.hidden = false;

  let clear = 0;
  const announce = (text: string) => {
    // Emptied first, so the same words twice are announced twice.
    status.textContent = "";
    window.clearTimeout(clear);
    clear = window.setTimeout(() => {
      status.textContent = text;
      clear = window.setTimeout(() => (status.textContent = ""), 4_000);
    }, 50);
  };

  const share = async (id: string, title: string) => {
    const url = stepLink(id);
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ url, title });
        return;
      } catch (e) {
        // The reader closed the sheet: nothing to say. Anything else: fall back to copying.
        if (e instanceof DOMException && e.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      announce(words.copied);
    } catch {
      history.replaceState(history.state, "", `#${encodeURIComponent(id)}`);
      announce(words.failed);
    }
  };

  const onClick = (event: Event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>("button[data-share]");
    if (!button || !root.contains(button)) return;
    share(button.dataset.share!, document.title).catch(() => undefined);
  };
  root.addEventListener("click", onClick);
  return () => {
    root.removeEventListener("click", onClick);
    window.clearTimeout(clear);
    status.textContent = "";
    for (const b of buttons) b.hidden = true;
  };
}
