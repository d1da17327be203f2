// The build hands the loaded story to Astro as JSON (scripts/build.ts writes it,
// the pages and the stage data read it back): whatever its types say must be what
// arrives. A Set, a Map or a class instance would arrive as `{}` while its type
// still promised the original.

import { describe, expect, it } from "vitest";
import { realStory } from "../support.ts";

describe("the compiled story as JSON", () => {
  const story = realStory();

  it("survives a JSON round trip equal to itself", () => {
    expect(JSON.parse(JSON.stringify(story))).toEqual(story);
  });

  it("lists the places some drawing used, as the type says", () => {
    const back = JSON.parse(JSON.stringify(story.compiled)) as typeof story.compiled;
    expect(back.placesUsed).toEqual(story.compiled.placesUsed);
    // As many as the facts file holds (load.ts stops on a place no drawing uses): none since the hunt lost its map.
    expect(back.placesUsed).toEqual(Object.keys(story.facts.places).sort());
  });
});
