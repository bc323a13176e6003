// Calendar arithmetic lives in src/lib/dates.ts so pages can use the very same rules (the browser
// cannot import from loaders/); the loaders import it from here.
export * from "../src/lib/dates.js";
