// Unit tests: pure modules (story loader, facts, scenes, static renderer) in Node.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    allowOnly: false,
    // Some tests load or compile the whole story (a full load draws every state in every layout: about 6 s on a
    // quiet 2-core machine, 33–49 s seen while eight other builds ran, which failed at 30 s). The limit only
    // catches a hang; no unit test asserts a duration.
    testTimeout: 120_000,
    // Files share one module graph per worker: the story is loaded and compiled once,
    // not once per file (43 s → 17 s). Tests keep no global state between files.
    isolate: false,
  },
});
