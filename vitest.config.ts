import {defineConfig} from "vitest/config";
import BuildsLastSequencer from "./tests/sequencer.js";

// Two projects. `unit` is every test outside tests/browser/ (node environment, no build; a test file
// may switch itself to jsdom with a `// @vitest-environment jsdom` comment). `browser` builds the site
// once with the network blocked (tests/browser/global-setup.ts, in the background while the unit
// files run), serves dist/ on 127.0.0.1 and checks it in headless Chromium. `npm test` runs both, `npm run test:unit` only the first.
export default defineConfig({
  // Framework's `npm:` specifiers resolve to node_modules in tests.
  resolve: {alias: [{find: /^npm:(.*)$/, replacement: "$1"}]},
  test: {
    exclude: ["node_modules/**", "dist/**", "src/.observablehq/**"],
    environment: "node",
    testTimeout: 60_000,
    sequence: {sequencer: BuildsLastSequencer},
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/browser/**", "node_modules/**"],
          globalSetup: ["tests/release-setup.ts"],
          // The files share their worker's module cache instead of importing loaders/ afresh each:
          // measured under load 7, 113 s CPU and 215 s wall against 174 s and 422 s isolated. No file
          // mocks modules or leaves globals behind (jsdom files get their own environment still).
          isolate: false
        }
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          // Each file waits here until the background build is served (global-setup.ts).
          setupFiles: ["tests/browser/wait-for-build.ts"],
          // One Chromium at a time: two cores, and timings stay comparable.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      }
    ]
  }
});
