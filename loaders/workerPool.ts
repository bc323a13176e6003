// Work spread over worker threads, its results handed back in the order of its inputs. A worker has a
// heap of its own: garbage it makes is collected in that small heap, not in the build's, which holds
// the whole dataset (deriveAtoms at national scale spent 70 % of its time collecting garbage).
//
// A worker module calls `serveInWorker` with a function of the pool's `setup` (cloned once per
// worker) that handles one input; the build calls `mapInWorkers` with that module's URL.

import {parentPort, threadId, Worker, workerData} from "node:worker_threads";

const BOOT = new URL("./workerPool.boot.mjs", import.meta.url);

/** What a worker's handler returns: its output and the buffers to move rather than copy. */
export interface Handled<O> {
  output: O;
  transfer?: ArrayBuffer[];
}

type Reply<O> = {index: number; thread: number; output: O} | {index: number; error: string};

/** In a worker module: handle each input the pool sends with `handler(setup)`. */
export function serveInWorker<S, I, O>(handler: (setup: S) => (input: I) => Handled<O>): void {
  const port = parentPort;
  if (!port) throw new Error("serveInWorker runs only in a worker thread (workerPool.ts)");
  const handle = handler(workerData.setup as S);
  port.on("message", ({index, input}: {index: number; input: I}) => {
    let reply: Reply<O>;
    let transfer: ArrayBuffer[] = [];
    try {
      const handled = handle(input);
      reply = {index, thread: threadId, output: handled.output};
      transfer = handled.transfer ?? [];
    } catch (error) {
      reply = {index, error: error instanceof Error ? error.message : String(error)};
    }
    port.postMessage(reply, transfer);
  });
}

/**
 * The outputs of `entry`'s handler for each input, in the inputs' order, from `workers` threads. The
 * inputs are read as workers need them and at most a few per worker wait to be consumed, so neither
 * side holds the whole work at once. A worker's error ends the whole run with its message.
 */
export async function* mapInWorkers<I, O>(entry: URL, setup: unknown, inputs: Iterable<I>, workers: number): AsyncGenerator<{output: O; thread: number}> {
  const source = inputs[Symbol.iterator]();
  const finished = new Map<number, {output: O; thread: number}>();
  const idle: Worker[] = [];
  const limit = 3 * workers;
  let sent = 0;
  let consumed = 0;
  let exhausted = false;
  let stopping = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const feed = (worker: Worker) => {
    if (failure || exhausted || sent - consumed >= limit) return void idle.push(worker);
    const next = source.next();
    if (next.done) {
      exhausted = true;
      return void idle.push(worker);
    }
    worker.postMessage({index: sent++, input: next.value});
  };
  const pool = Array.from({length: workers}, () => {
    const worker = new Worker(BOOT, {workerData: {entry: entry.href, setup}});
    worker.on("message", (reply: Reply<O>) => {
      if ("error" in reply) failure ??= new Error(reply.error);
      else finished.set(reply.index, {output: reply.output, thread: reply.thread});
      feed(worker);
      notify();
    });
    worker.on("error", (error) => {
      failure ??= error;
      notify();
    });
    worker.on("exit", (code) => {
      if (!stopping) failure ??= new Error(`a worker thread stopped early (exit code ${code})`);
      notify();
    });
    return worker;
  });
  try {
    pool.forEach(feed);
    for (;;) {
      if (failure) throw failure;
      const result = finished.get(consumed);
      if (result) {
        finished.delete(consumed);
        consumed++;
        idle.splice(0).forEach(feed);
        yield result;
      } else if (exhausted && consumed === sent) {
        return;
      } else {
        await new Promise<void>((resume) => (wake = resume));
      }
    }
  } finally {
    stopping = true;
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
