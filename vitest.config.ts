// Unit tests: pure modules (story loader, facts, scenes, static renderer) in Node.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    allowOnly: false,
  },
});
