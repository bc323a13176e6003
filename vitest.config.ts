import {defineConfig} from "vitest/config";

export default defineConfig({
  // Framework's `npm:` specifiers resolve to node_modules in tests.
  resolve: {alias: [{find: /^npm:(.*)$/, replacement: "$1"}]},
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**", "src/.observablehq/**"],
    environment: "node",
    testTimeout: 60_000
  }
});
