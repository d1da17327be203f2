// Unit tests: pure modules (story loader, facts, scenes, static renderer) in Node.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    allowOnly: false,
    // Some tests load or compile the whole story; a busy 2-core machine needs more than the default 5 s.
    testTimeout: 30_000,
  },
});
