// The reader's "animation off" switch (a toggle button in the top bar): when
// pressed, the stage changes states without tweening, as with
// prefers-reduced-motion (the page's own scrolling never glides: global.css). The choice is remembered
// across visits (localStorage); when the system already asks for reduced motion
// the button shows it pressed and cannot turn animation back on.

import { storageKey } from "./storage.ts";

const key = () => storageKey("animation");

function stored(): boolean {
  const k = key();
  if (!k) return false;
  try {
    return localStorage.getItem(k) === "off";
  } catch {
    return false; // storage blocked (privacy settings): the switch still works for this visit
  }
}

function store(off: boolean): void {
  const k = key();
  if (!k) return;
  try {
    if (off) localStorage.setItem(k, "off");
    else localStorage.removeItem(k);
  } catch {
    // not remembered, still applied
  }
}

export interface MotionSwitch {
  /** Whether animation is off, by the reader's choice or the system's. */
  reduced(): boolean;
  destroy(): void;
}

export function setupMotionSwitch(button: HTMLButtonElement | null): MotionSwitch {
  const query = window.matchMedia("(prefers-reduced-motion: reduce)");
  let off = stored();
  const reduced = () => off || query.matches;
  const show = () => {
    document.documentElement.classList.toggle("motion-off", reduced());
    if (!button) return;
    button.setAttribute("aria-pressed", String(reduced()));
    button.disabled = query.matches;
  };
  const onClick = () => {
    off = !off;
    store(off);
    show();
  };
  button?.addEventListener("click", onClick);
  query.addEventListener("change", show);
  show();
  return {
    reduced,
    destroy() {
      button?.removeEventListener("click", onClick);
      query.removeEventListener("change", show);
    },
  };
}
