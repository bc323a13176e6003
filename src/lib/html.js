// Escaping text for the HTML the build writes, one rule for every writer. Plain JavaScript with JSDoc
// types so that scripts/schoolPages.mjs, which postbuild runs with plain node, imports it too.

/**
 * Text as it may stand inside an element or a double-quoted attribute.
 * @param {string} text
 */
export const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The same, for HTML that goes into a Framework Markdown page, where ${…} would run as code.
 * @param {string} text
 */
export const escapeMarkdownHtml = (text) => text.replace(/[&<>"$]/g, (c) => `&#${c.charCodeAt(0)};`);
