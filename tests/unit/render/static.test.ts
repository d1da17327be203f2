// render/static.ts: marks → SVG markup for the no-JavaScript page, print and PDF.

import { describe, expect, it } from "vitest";
import { geometrySvg, markToSvg, marksToSvg, shapeIds, svgDocument, symbolSprite } from "../../../src/render/static.ts";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { scenes } from "../../../src/scenes/index.ts";
import type { Mark, SymbolDef } from "../../../src/story/types.ts";
import { ctxFor, walk } from "../support.ts";

/** Checks that every opened element is closed in order (a small well-formedness check). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe("markToSvg", () => {
  it("writes the tag, the key as data-key, the attributes in order and the text", () => {
    const m: Mark = {
      key: "hero-lbl-0",
      tag: "text",
      text: "OpenAI",
      attrs: { x: 10, y: 20.5, "font-size": 12, "text-anchor": "middle", class: "lbl" },
    };
    expect(markToSvg(m)).toBe('<text data-key="hero-lbl-0" x="10" y="20.5" font-size="12" text-anchor="middle" class="lbl">OpenAI</text>');
  });

  it('escapes &, <, > and " in text', () => {
    const m: Mark = { key: "t", tag: "text", text: 'A & B <b> "C"', attrs: { x: 0, y: 0, "font-size": 12 } };
    expect(markToSvg(m)).toBe('<text data-key="t" x="0" y="0" font-size="12">A &amp; B &lt;b&gt; &quot;C&quot;</text>');
  });

  it('escapes &, <, > and " in attribute values and in the key', () => {
    const m: Mark = { key: 'k"<&>', tag: "use", attrs: { href: '#a" onload="x', fill: "<&>" } };
    expect(markToSvg(m)).toBe('<use data-key="k&quot;&lt;&amp;&gt;" href="#a&quot; onload=&quot;x" fill="&lt;&amp;&gt;"/>');
  });

  it("nests children in order inside their group", () => {
    const g: Mark = {
      key: "map",
      tag: "g",
      attrs: { transform: "translate(1,2) scale(3)" },
      children: [
        { key: "land", tag: "use", attrs: { href: "#sym-land" } },
        { key: "c-usa", tag: "use", attrs: { href: "#sym-usa" } },
      ],
    };
    expect(markToSvg(g)).toBe(
      '<g data-key="map" transform="translate(1,2) scale(3)"><use data-key="land" href="#sym-land"/><use data-key="c-usa" href="#sym-usa"/></g>',
    );
  });

  it("marksToSvg concatenates marks in order", () => {
    const a: Mark = { key: "a", tag: "circle", attrs: { cx: 0, cy: 0, r: 1 } };
    const b: Mark = { key: "b", tag: "line", attrs: { x1: 0, y1: 0, x2: 1, y2: 1 } };
    expect(marksToSvg([a, b])).toBe(markToSvg(a) + markToSvg(b));
    expect(marksToSvg([])).toBe("");
  });
});

describe("svgDocument", () => {
  const marks: Mark[] = [{ key: "a", tag: "rect", attrs: { x: 0, y: 0, width: 1, height: 1 } }];

  it("is an accessible image: role=img, labelled by its own <title>, with the viewBox", () => {
    const svg = svgDocument(marks, { width: 960, height: 640, title: "Karte der USA", id: "fig-hunt--origin-wide" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(svg).toContain('viewBox="0 0 960 640"');
    expect(svg).toContain('role="img"');
    const labelled = /aria-labelledby="([^"]+)"/.exec(svg)![1]!;
    expect(labelled).toBe("fig-hunt--origin-wide-t");
    expect(svg).toContain(`<title id="${labelled}">Karte der USA</title>`);
    expect(svg.indexOf("<title")).toBeLessThan(svg.indexOf('data-key="a"'));
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("leaves the keys out of a figure that is only a picture, and draws the same", () => {
    const marks: Mark[] = [
      { key: "a", tag: "rect", attrs: { x: 1, y: 2, width: 3, height: 4 } },
      { key: "g", tag: "g", attrs: { transform: "scale(2)" }, children: [{ key: "land", tag: "use", attrs: { href: "#sym-land" } }] },
    ];
    const opts = { width: 100, height: 50, title: "T", id: "f" };
    const keyed = svgDocument(marks, opts);
    const bare = svgDocument(marks, { ...opts, keys: false });
    expect(bare).not.toContain("data-key");
    expect(bare).toBe(keyed.replace(/ data-key="[^"]*"/g, ""));
  });

  it("points aria-labelledby at title and desc when there is a description", () => {
    const svg = svgDocument(marks, { width: 600, height: 600, title: "T", desc: "Longer", id: "f" });
    const ids = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(" ");
    expect(ids).toEqual(["f-t", "f-d"]);
    for (const id of ids) expect(svg).toMatch(new RegExp(`<(title|desc) id="${id}">`));
    expect(svg).toContain('<desc id="f-d">Longer</desc>');
    expect(svg).toContain('viewBox="0 0 600 600"');
  });

  it("escapes the title, description, class and extra attributes", () => {
    const svg = svgDocument([], {
      width: 1,
      height: 1,
      title: "Öffentlich: „zu aggressiv“ & <mehr>",
      desc: '"d"',
      id: "x",
      className: 'a"b',
      attrs: { "data-layout": "<wide>" },
    });
    expect(svg).toContain('<title id="x-t">Öffentlich: „zu aggressiv“ &amp; &lt;mehr&gt;</title>');
    expect(svg).toContain('<desc id="x-d">&quot;d&quot;</desc>');
    expect(svg).toContain('class="a&quot;b"');
    expect(svg).toContain('data-layout="&lt;wide&gt;"');
  });

  it("renders every real scene state to balanced markup with one element per mark", () => {
    for (const scene of Object.values(scenes)) {
      for (const state of scene.states) {
        const ms = scene.marks(state, ctxFor(scene.id, "square", "de"));
        const svg = svgDocument(ms, { width: 600, height: 600, title: `${scene.id} ${state}`, id: `fig-${state}` });
        expect(balanced(svg), `${scene.id}/${state}`).toBe(true);
        expect(svg.match(/ data-key="/g)?.length).toBe([...walk(ms)].length);
      }
    }
  });
});

describe("marksToSvg: squares of a picture", () => {
  const sq = (key: string, x: number, y: number, extra: Record<string, string | number> = {}): Mark =>
    ({ key, tag: "rect", attrs: { x, y, width: 10, height: 10, class: "bar bar-money", ...extra } }) as Mark;

  it("writes a run of squares differing only in place as one path of them, with their class", () => {
    const svg = marksToSvg([sq("a", 0, 0), sq("b", 12, 0), sq("c", 0, 12.5)], false);
    expect(svg).toBe('<path d="M0,0h10v10h-10zM12,0h10v10h-10zM0,12.5h10v10h-10z" class="bar bar-money"/>');
  });

  it("keeps rects apart that differ in more than place, round their corners, or are animated (keyed)", () => {
    expect(marksToSvg([sq("a", 0, 0), sq("b", 12, 0, { opacity: 0.5 })], false).match(/<rect /g)?.length).toBe(2);
    expect(marksToSvg([sq("a", 0, 0, { rx: 2 }), sq("b", 12, 0, { rx: 2 })], false).match(/<rect /g)?.length).toBe(2);
    expect(marksToSvg([sq("a", 0, 0), sq("b", 12, 0)], true).match(/<rect /g)?.length).toBe(2);
  });

  it("keeps the rect a value written inside follows (its colour is what the label sits on)", () => {
    const val: Mark = { key: "v", tag: "text", text: "1", attrs: { x: 1, y: 1, "font-size": 12, class: "val-inside" } } as unknown as Mark;
    const svg = marksToSvg([sq("a", 0, 0), sq("b", 12, 0), val], false);
    expect(svg.match(/<rect /g)?.length).toBe(2);
    expect(svg).not.toContain("<path");
  });
});

describe("symbolSprite", () => {
  it("is hidden from assistive technology and holds one path per symbol", () => {
    const svg = symbolSprite([
      { id: "sym-hunt-land", d: "M0,0L1,1Z" },
      { id: "sym-hunt-usa", d: "M2,2L3,3Z" },
      { id: "sym-hunt-uae", d: "M4,4Z" },
    ]);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain('focusable="false"');
    expect(svg.match(/<path /g)?.length).toBe(3);
    expect(svg).toContain('<path id="sym-hunt-usa" d="M2,2L3,3Z"');
    expect(balanced(svg)).toBe(true);
  });

  it("escapes ids and path data, and is empty but valid with no symbols", () => {
    expect(symbolSprite([{ id: 'a"b', d: "<x>" }])).toContain('<path id="a&quot;b" d="&lt;x&gt;"');
    const empty = symbolSprite([]);
    expect(empty).toContain("<defs></defs>");
    expect(empty).not.toContain("<path");
  });

  it("draws the real map symbols", () => {
    const defs = geometryDefs(["world"]);
    const svg = symbolSprite(defs);
    expect(svg.match(/<path /g)?.length).toBe(defs.filter((d) => d.d).length);
    expect(svg.match(/<linearGradient /g)?.length ?? 0).toBe(defs.filter((d) => d.fade).length);
    // The land (the map's window clips it: no fades over its edges).
    expect(defs.filter((d) => d.d).length).toBeGreaterThanOrEqual(1);
  });

  it("splits the map between the page (its fades) and the geometry file (its shapes)", () => {
    // The real land, and a fade (no figure draws one today; the sprite still keeps them in the page).
    const defs: SymbolDef[] = [...geometryDefs(["world"]), { id: "geo-fade-n", fade: "down" }];
    const page = symbolSprite(defs, { shapes: false });
    const file = geometrySvg(defs);
    // fill="url(#…)" cannot reach into another document: every fade stays in the page…
    expect(page.match(/<linearGradient /g)?.length).toBe(defs.filter((d) => d.fade).length);
    expect(page).not.toContain("<path");
    // …and every shape is in the file, once, as a standalone SVG document.
    expect(file.startsWith('<svg xmlns="http://www.w3.org/2000/svg">')).toBe(true);
    expect(file).not.toContain("<linearGradient");
    for (const id of shapeIds(defs)) expect(file.split(`<path id="${id}" `).length - 1).toBe(1);
    expect(shapeIds(defs).size).toBe(defs.filter((d) => d.d).length);
    expect(balanced(file)).toBe(true);
  });
});
