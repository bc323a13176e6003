// Preload that proves a process (and every Node child it starts: NODE_OPTIONS is inherited, so data
// loaders are covered too) makes no network request. Use:
//   NODE_OPTIONS=--import=./scripts/no-network.mjs npx observable build
// Every blocked attempt prints one `[no-network] ...` line on stderr and fails the way an unreachable
// host would, so the offline build test can require zero such lines.
//
// Covered: fetch() (Framework's only HTTP client) and any TCP/TLS connection through node:net, which
// node:http, node:https, node:http2 and node:tls all use. Loopback and local sockets (IPC pipes, the test
// server on 127.0.0.1) stay allowed. Not covered: UDP (node:dgram) and bare DNS lookups.
// With NO_NETWORK_TRACE=<file>, each process that loads this preload appends "<pid> <argv>" to that file.
import {appendFileSync} from "node:fs";
import net from "node:net";

// Lets a test prove the preload was really active: every process that loads it adds a line.
if (process.env.NO_NETWORK_TRACE) appendFileSync(process.env.NO_NETWORK_TRACE, `${process.pid} ${process.argv.slice(1).join(" ")}\n`);

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i;
const isLoopback = (/** @type {string} */ host) => LOOPBACK.test(host.replace(/^\[|\]$/g, ""));

function report(/** @type {string} */ what) {
  const message = `[no-network] geblokkeerd: ${what} (pid ${process.pid})`;
  process.stderr.write(`${message}\n`);
  return message;
}

const realFetch = globalThis.fetch;
/** @type {typeof fetch} */
globalThis.fetch = function fetch(input, init) {
  const url = String(input instanceof Request ? input.url : input);
  if (URL.canParse(url) && isLoopback(new URL(url).hostname)) return realFetch(input, init);
  return Promise.reject(new TypeError(report(`fetch ${url}`)));
};

// Socket#connect takes (options[, cb]), (port[, host][, cb]) or (path[, cb]); net.connect() and the
// http/tls agents pass it an already normalized [options, cb] array.
const connect = /** @type {(...args: any[]) => net.Socket} */ (net.Socket.prototype.connect);
net.Socket.prototype.connect = function (/** @type {any[]} */ ...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === "object" && first !== null ? first : {port: first, host: args[1]};
  const isPipe = typeof options.path === "string" || (typeof first === "string" && !/^\d+$/.test(first));
  const host = typeof options.host === "string" ? options.host : "localhost";
  if (isPipe || isLoopback(host)) return connect.apply(this, args);
  const error = Object.assign(new Error(report(`verbinding met ${host}:${options.port}`)), {code: "ENETUNREACH"});
  process.nextTick(() => this.destroy(error));
  return this;
};
