// The site's icon, shared by the municipality's site and the region's pages (observablehq.*.config.ts).
// A small eye in the site's accent colour, unless a municipality's content folder has a favicon. A data: URI, so the browser never asks for /favicon.ico;
// base64 because Framework's decodeURI/encodeURI pass over head links double-encodes "%3D" and the like.
export const favicon =
  "data:image/svg+xml;base64," +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
      '<path d="M2 16C7 8 25 8 30 16C25 24 7 24 2 16Z" fill="#fff" stroke="#4269d0" stroke-width="2.5"/>' +
      '<circle cx="16" cy="16" r="5" fill="#4269d0"/></svg>'
  ).toString("base64");
