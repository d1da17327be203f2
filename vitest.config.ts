// Unit tests: pure modules (story loader, facts, scenes, static renderer) in Node.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    allowOnly: false,
    // Some tests load or compile the whole story; a busy 2-core machine needs more than the default 5 s.
    testTimeout: 30_000,
    // Files share one module graph per worker: the story is loaded and compiled once,
    // not once per file (43 s → 17 s). Tests keep no global state between files.
    isolate: false,
  },
});
