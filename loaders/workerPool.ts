// Work spread over worker threads, its results handed back in the order of its inputs. A worker has a
// heap of its own: garbage it makes is collected in that small heap, not in the build's, which holds
// the whole dataset (deriveAtoms at national scale spent 70 % of its time collecting garbage).
//
// A worker module calls `serveInWorker` with a function of the pool's `setup` (cloned once per
// worker) that handles one input; the build calls `mapInWorkers` with that module's URL. For a
// synchronous caller (the contract's readers are), `startTask` runs one input in a worker while the
// caller goes on, and its `wait` blocks until the output is there; the module calls `serveTask`.

import {MessageChannel, parentPort, receiveMessageOnPort, threadId, Worker, workerData, type MessagePort} from "node:worker_threads";

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

/** What a task's worker sends: its output, or why it failed. */
type TaskReply<O> = {output: O} | {error: string; name?: string};

/** workerData.task: where a task's worker finds its input and answers (workerPool.boot.mjs answers for it should its module fail to load). */
interface TaskChannel<I> {
  input: I;
  port: MessagePort;
  /** 0 until the reply is on the port, then 1. */
  signal: Int32Array;
}

/**
 * In a task's worker module: answer its one input with `handle`'s output, or with the error it throws
 * (its name kept, so the caller can tell kinds apart). A handler may return a promise (the secondary
 * search loads HiGHS first): the answer goes when it settles.
 */
export function serveTask<I, O>(handle: (input: I) => Handled<O> | Promise<Handled<O>>): void {
  const task = workerData?.task as TaskChannel<I> | undefined;
  if (!task) throw new Error("serveTask runs only in a task's worker thread (workerPool.ts startTask)");
  const answer = (reply: TaskReply<O>, transfer: ArrayBuffer[] = []) => {
    task.port.postMessage(reply, transfer);
    Atomics.store(task.signal, 0, 1);
    Atomics.notify(task.signal, 0);
  };
  const failure = (error: unknown): TaskReply<O> => (error instanceof Error ? {error: error.message, name: error.name} : {error: String(error)});
  try {
    const handled = handle(task.input);
    if (handled instanceof Promise) handled.then((h) => answer({output: h.output}, h.transfer), (error) => answer(failure(error)));
    else answer({output: handled.output}, handled.transfer);
  } catch (error) {
    answer(failure(error));
  }
}

/** A task running in a worker thread. */
export interface Task<O> {
  /**
   * Blocks this thread until the output is there and returns it; throws what the task threw, as an
   * Error whose name is the task's. Undefined when no answer came within `timeoutMs` (the worker is
   * then stopped): the caller does the work itself, so a worker that died never costs the result.
   */
  wait(timeoutMs: number): O | undefined;
  /** The output without blocking this thread, so that it can work meanwhile; rejects with what the
   *  task threw, or when the worker stops without answering. The worker is stopped after. */
  done(): Promise<O>;
  /** Stops the worker (after `wait`, or when the caller gives up on the output). */
  stop(): void;
}

/** Starts `entry` (a module that calls `serveTask`) on `input` in a worker thread of its own; the
 *  buffers in `transfer` move to it (the caller must not use them after). */
export function startTask<I, O>(entry: URL, input: I, transfer: ArrayBuffer[] = []): Task<O> {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const {port1, port2} = new MessageChannel();
  const task: TaskChannel<I> = {input, port: port2, signal};
  const worker = new Worker(BOOT, {workerData: {entry: entry.href, task}, transferList: [port2, ...transfer]});
  // An answer no one waits for any more must not keep the process alive, and a module that failed to
  // load has answered with its error already (workerPool.boot.mjs).
  worker.unref();
  worker.on("error", () => {});
  const stop = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    wait(timeoutMs) {
      const answered = Atomics.wait(signal, 0, 0, timeoutMs) !== "timed-out";
      const reply = answered ? (receiveMessageOnPort(port1)?.message as TaskReply<O> | undefined) : undefined;
      stop();
      if (reply === undefined) return undefined;
      if ("error" in reply) throw replyError(reply);
      return reply.output;
    },
    done() {
      return new Promise<O>((resolve, reject) => {
        const settle = (reply: TaskReply<O>) => {
          stop();
          if ("error" in reply) reject(replyError(reply));
          else resolve(reply.output);
        };
        port1.once("message", settle);
        // A worker that has answered has nothing left to run and exits; while this thread was busy,
        // its exit can be told before its answer (national build 25: the build cache's writer). The
        // answer is then still waiting on the port.
        worker.once("exit", (code) => {
          const waiting = receiveMessageOnPort(port1)?.message as TaskReply<O> | undefined;
          if (waiting !== undefined) settle(waiting);
          else reject(new Error(`a worker thread stopped without answering (exit code ${code})`));
        });
      });
    },
    stop
  };
}

/** A task's error as an Error of the task's own name. */
const replyError = (reply: {error: string; name?: string}) => Object.assign(new Error(reply.error), reply.name ? {name: reply.name} : {});
