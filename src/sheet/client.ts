// Draws the contact sheet's cells with the stage's own live renderer: a state is
// rendered at once; a transition frame renders the step before, then the step,
// frozen at its share of the timeline (a cross-fade where the scene changes, as
// on the stage). Marks `html[data-sheet-ready]` when done.

import { createRenderer } from "../render/live.ts";
import type { Mark } from "../story/types.ts";

export function drawSheet(): void {
  const data = JSON.parse(document.getElementById("sheet-data")!.textContent!) as {
    steps: { key: string; scene: string; marks: Record<string, Mark[]> }[];
  };
  // Static cells (the print figure) come drawn from the page.
  for (const cell of Array.from(document.querySelectorAll<HTMLElement>("[data-cell]:not([data-static])"))) {
    const svg = cell.querySelector("svg")!;
    const i = Number(cell.dataset.step);
    const layout = cell.dataset.layout!;
    const r = createRenderer(svg);
    const now = data.steps[i]!.marks[layout] ?? [];
    if (cell.dataset.at === undefined) {
      r.render(now, { animate: false, done: () => undefined });
      continue;
    }
    r.render(data.steps[i - 1]!.marks[layout] ?? [], { animate: false, done: () => undefined });
    const crossfade = data.steps[i - 1]!.scene !== data.steps[i]!.scene;
    r.render(now, { animate: true, at: Number(cell.dataset.at), done: () => undefined, crossfade });
  }
  document.documentElement.dataset.sheetReady = "true";
}
