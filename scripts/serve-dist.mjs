// A small static server for the built site, bound to 127.0.0.1 only. It behaves like the static hosts
// Framework targets: clean URLs (/foo -> foo.html, /dir/ -> dir/index.html), application/wasm for
// DuckDB (WebAssembly.instantiateStreaming refuses anything else), byte ranges, optional gzip.
//
// Usage: node scripts/serve-dist.mjs [--dir dist] [--port 8123] [--gzip] [--verbose]
//   --port 0 picks a free port. The first line on stdout ends with the URL (tests read it).
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer} from "node:http";
import path from "node:path";
import {parseArgs} from "node:util";
import {createGzip} from "node:zlib";

const {values: options} = parseArgs({
  options: {
    dir: {type: "string", default: "dist"},
    port: {type: "string", default: "8123"},
    gzip: {type: "boolean", default: false},
    verbose: {type: "boolean", default: false}
  }
});

const root = path.resolve(options.dir);
if (!(await stat(root).catch(() => null))?.isDirectory()) {
  console.error(`serve-dist: map ${root} bestaat niet; draai eerst npm run build`);
  process.exit(1);
}
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".zip": "application/zip"
};
const COMPRESSIBLE = /\.(html|js|css|json|csv|tsv|txt|svg|wasm|arrow)$/;

/** The file for a URL path, or null: tries the path, then `<path>.html`, then `<path>/index.html`. */
async function resolveFile(/** @type {string} */ urlPath) {
  const file = path.join(root, urlPath);
  if (file !== root && !file.startsWith(root + path.sep)) return null; // "..": outside dist
  for (const candidate of [file, `${file}.html`, path.join(file, "index.html")]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return {file: candidate, size: info.size};
  }
  return null;
}

/** Parses a single `bytes=` range; null when absent, "invalid" when unsatisfiable. */
function parseRange(/** @type {string | undefined} */ header, /** @type {number} */ size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? "");
  if (!match || (match[1] === "" && match[2] === "")) return header ? "invalid" : null;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end ? {start, end} : "invalid";
}

const server = createServer(async (req, res) => {
  if (options.verbose) res.on("finish", () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
  if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, {allow: "GET, HEAD"}).end();
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    return void res.writeHead(400).end();
  }
  const found = await resolveFile(urlPath);
  if (!found) {
    const notFound = await resolveFile("/404.html");
    res.writeHead(404, {"content-type": TYPES[".html"]});
    return void (notFound && req.method === "GET" ? createReadStream(notFound.file).pipe(res) : res.end("Niet gevonden"));
  }
  const {file, size} = found;
  const headers = {
    "content-type": TYPES[/** @type {keyof TYPES} */ (path.extname(file))] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    "cache-control": "no-cache"
  };
  const range = parseRange(req.headers.range, size);
  if (range === "invalid") return void res.writeHead(416, {"content-range": `bytes */${size}`}).end();
  if (range) {
    res.writeHead(206, {...headers, "content-range": `bytes ${range.start}-${range.end}/${size}`, "content-length": range.end - range.start + 1});
    return void (req.method === "HEAD" ? res.end() : createReadStream(file, range).pipe(res));
  }
  if (options.gzip && COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers["accept-encoding"]))) {
    res.writeHead(200, {...headers, "content-encoding": "gzip", vary: "accept-encoding"});
    return void (req.method === "HEAD" ? res.end() : createReadStream(file).pipe(createGzip()).pipe(res));
  }
  res.writeHead(200, {...headers, "content-length": size});
  return void (req.method === "HEAD" ? res.end() : createReadStream(file).pipe(res));
});

server.listen(Number(options.port), "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  console.log(`${path.relative(process.cwd(), root) || "."} wordt geserveerd op http://127.0.0.1:${port}/`);
});
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => process.exit(0));
