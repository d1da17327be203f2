// The keys the page stores the reader's choices under in localStorage: the
// story's prefix (content/story.json "storageKey", which the page carries as
// <html data-storage-key>, src/layouts/Base.astro) and the choice's name, so two
// stories on one origin keep their own. src/head/boot.js reads the same attribute.

/** "altman-chips:theme"; null on a page without the prefix (nothing is then stored). */
export function storageKey(name: string): string | null {
  const prefix = document.documentElement.dataset.storageKey;
  return prefix ? `${prefix}:${name}` : null;
}
