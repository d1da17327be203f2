// The coastlines' path data written relative (src/scenes/pathData.ts): the same
// points in fewer bytes, and a clear refusal of anything it could not keep exact.
import { describe, expect, it } from "vitest";
import { compactPath, pathPoints, readPath } from "../../../src/scenes/pathData.ts";
import { geometryDefs } from "../../../src/scenes/geometry.ts";
import { geoEqualEarth, geoPath } from "d3-geo";
import { merge } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json" with { type: "json" };

describe("compactPath", () => {
  it("writes each line relative to the point before, as short as path data allows", () => {
    expect(compactPath("M542.4,309.3L543.1,308.7L544,309.7L543.5,311.6Z")).toBe("M542.4,309.3l.7-.6 .9,1-.5,1.9z");
    expect(compactPath("M0,0L10,0L10,10ZM20,20L20.5,19.5Z")).toBe("M0,0l10,0 0,10zM20,20l.5-.5z");
    expect(compactPath("M-1.5,-2L-1.5,-2.1")).toBe("M-1.5-2l0-.1");
  });

  it("keeps every point exactly in about six tenths of the characters, on the real coastlines", () => {
    // what d3-geo writes for the world's land, every point absolute
    const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
    const land = merge(topo, topo.objects.countries.geometries as never);
    const raw = geoPath(geoEqualEarth()).digits(1)(land)!;
    expect(pathPoints(raw).length).toBeGreaterThan(1000);
    const compact = compactPath(raw);
    expect(pathPoints(compact)).toEqual(pathPoints(raw));
    expect(compact.length).toBeLessThan(raw.length * 0.65);
    // and what the page ships is written that way
    for (const def of geometryDefs(["world"]).filter((d) => d.d)) expect(def.d, def.id).toMatch(/^M[^L]*$/);
  });

  it("reads relative and absolute data to the same points, closing subpaths where they began", () => {
    const abs = "M1,1L2,1L2,2ZM5,5L6,6Z";
    expect(pathPoints(compactPath(abs))).toEqual(pathPoints(abs));
    expect(pathPoints("M1,1l1,0 0,1zl1,1")).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [2, 2],
    ]);
  });

  it("refuses what it could not keep exact: other commands, finer coordinates, odd numbers", () => {
    expect(() => compactPath("M0,0C1,1,2,2,3,3")).toThrow(/"C" in path data; only absolute M, L and Z/);
    expect(() => compactPath("M0,0l1,1")).toThrow(/"l" in path data/);
    expect(() => compactPath("M0.25,0L1,1")).toThrow(/0.25 has more than one decimal/);
    expect(() => compactPath("M0,0L1")).toThrow(/is not a list of points/);
  });

  it("reads every command as absolute points: shorthands, relative curves and repeated argument lists", () => {
    expect(readPath("M0,0 H10 v5 h-10 z")).toEqual([
      { cmd: "M", points: [[0, 0]] },
      { cmd: "L", points: [[10, 0]] },
      { cmd: "L", points: [[10, 5]] },
      { cmd: "L", points: [[0, 5]] },
      { cmd: "Z", points: [[0, 0]] },
    ]);
    // T reflects the last quadratic's control point, S the last cubic's second one.
    expect(readPath("M0,0 Q5,10 10,0 T20,0").at(-1)).toEqual({
      cmd: "Q",
      points: [
        [15, -10],
        [20, 0],
      ],
    });
    expect(readPath("M0,0 c1,2 3,4 5,6 s1,1 2,2").at(-1)).toEqual({
      cmd: "C",
      points: [
        [7, 8],
        [6, 7],
        [7, 8],
      ],
    });
    expect(readPath("M0,0 1,1 2,2").map((c) => c.cmd)).toEqual(["M", "L", "L"]);
    expect(readPath("M0 10 a5 5 0 0 1 20 30").at(-1)).toEqual({ cmd: "A", points: [[20, 40]] });
  });

  it("refuses what is not path data", () => {
    expect(() => readPath("M0,0 X1,1")).toThrow(/"X" is not a path command/);
    expect(() => readPath("M0,0 Q1,1")).toThrow(/does not hold 4 numbers per use/);
  });
});
