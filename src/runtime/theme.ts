// The colour-scheme toggle ([data-theme-toggle], rendered hidden): the page
// follows the system (prefers-color-scheme) until the reader presses it; the
// choice is stored under "<storage key>:theme" (src/runtime/storage.ts) and applied
// before first paint next time by src/head/boot.js (which reads the same key). The
// button says whether the dark scheme is on (aria-pressed), following the system
// while there is no choice.

import { storageKey } from "./storage.ts";

export type Theme = "light" | "dark";
const themeKey = () => storageKey("theme");

function stored(): Theme | null {
  const key = themeKey();
  if (!key) return null;
  try {
    const v = localStorage.getItem(key);
    return v === "dark" || v === "light" ? v : null;
  } catch {
    return null;
  }
}

export function setupTheme(): () => void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-theme-toggle]"));
  if (buttons.length === 0) return () => undefined;
  const root = document.documentElement;
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const current = (): Theme => (root.dataset.theme as Theme | undefined) ?? stored() ?? (system.matches ? "dark" : "light");
  const show = () => {
    for (const b of buttons) b.setAttribute("aria-pressed", String(current() === "dark"));
  };
  const onClick = () => {
    const next: Theme = current() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    const key = themeKey();
    try {
      if (key) localStorage.setItem(key, next);
    } catch {
      // storage blocked: the choice lasts for this page
    }
    show();
  };
  for (const b of buttons) {
    b.hidden = false;
    b.addEventListener("click", onClick);
  }
  system.addEventListener("change", show);
  show();
  return () => {
    for (const b of buttons) {
      b.removeEventListener("click", onClick);
      b.hidden = true;
    }
    system.removeEventListener("change", show);
  };
}
