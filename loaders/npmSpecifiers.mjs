// Node resolve hook for build-time rendering: the site's components import Framework's `npm:` specifiers
// (`npm:@observablehq/plot`), which Framework maps to its own bundles in the browser. In Node the same
// package comes from node_modules, as vitest's alias does for the tests.
export async function resolve(specifier, context, next) {
  return next(specifier.startsWith("npm:") ? specifier.slice(4) : specifier, context);
}
