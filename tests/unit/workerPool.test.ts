// loaders/workerPool.ts: results come back in the inputs' order whatever order the workers finish
// in, the setup reaches every worker, and a worker's error ends the run with its message. startTask:
// one input in a worker while the caller goes on, its output or error waited for synchronously or
// (done) as a promise.
import {describe, expect, it} from "vitest";
import {mapInWorkers, startTask} from "../../loaders/workerPool.js";

const SQUARE = new URL("../fixtures/squareWorker.ts", import.meta.url);

async function collect<T>(results: AsyncIterable<{output: T; thread: number}>) {
  const out: {output: T; thread: number}[] = [];
  for await (const result of results) out.push(result);
  return out;
}

describe("mapInWorkers", () => {
  it("returns each input's output in the inputs' order, from both workers", async () => {
    // The first input takes longest: the second worker finishes the next ones before it.
    const delays = [300, 0, 0, 0, 50, 0, 0, 0];
    const inputs = delays.map((delayMs, i) => ({value: i + 1, delayMs}));
    const results = await collect(mapInWorkers<{value: number; delayMs: number}, number>(SQUARE, {offset: 1000}, inputs, 2));
    expect(results.map((r) => r.output)).toEqual([1001, 1004, 1009, 1016, 1025, 1036, 1049, 1064]);
    expect(new Set(results.map((r) => r.thread)).size).toBe(2);
  });

  it("handles no inputs", async () => {
    expect(await collect(mapInWorkers(SQUARE, {offset: 0}, [], 2))).toEqual([]);
  });

  it("ends with the worker's error message", async () => {
    const inputs = [{value: 2, delayMs: 0}, {value: -3, delayMs: 0}, {value: 4, delayMs: 0}];
    await expect(collect(mapInWorkers(SQUARE, {offset: 0}, inputs, 2))).rejects.toThrow("negatief getal -3");
  });
});

describe("startTask", () => {
  const task = (name: string) => new URL(`../fixtures/${name}.ts`, import.meta.url);
  type Sum = {sum: number; doubled: Int32Array};

  it("returns the output, with the moved buffer, after the caller's own work", () => {
    const running = startTask<{values: number[]; delayMs: number}, Sum>(task("sumTask"), {values: [1, 2, 3, 40], delayMs: 100});
    let own = 0;
    for (let k = 1; k <= 1000; k++) own += k;
    const output = running.wait(30_000);
    expect(own).toBe(500_500);
    expect(output?.sum).toBe(46);
    expect(Array.from(output!.doubled)).toEqual([2, 4, 6, 80]);
  });

  it("throws the task's error with its name and message", () => {
    const running = startTask(task("sumTask"), {values: [1, -2], delayMs: 0});
    expect(() => running.wait(30_000)).toThrow(expect.objectContaining({name: "NegativeNumber", message: "negatief getal in 1, -2"}));
  });

  it("gives no output when none came in time, so the caller does the work itself", () => {
    const running = startTask(task("silentTask"), {});
    const started = performance.now();
    expect(running.wait(500)).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
  });

  it("throws when the module fails to load", () => {
    expect(() => startTask(task("brokenTask"), {}).wait(30_000)).toThrow(/brokenTask\.ts: module kapot/);
  });

  it("done: the output of a handler that awaits, its input moved, while this thread goes on", async () => {
    const values = Int32Array.from([1, 2, 3, 40]);
    const running = startTask<{values: Int32Array}, {sum: number}>(task("asyncSumTask"), {values}, [values.buffer as ArrayBuffer]);
    // Moved, not copied: this side's view is empty now.
    expect(values.length).toBe(0);
    await expect(running.done()).resolves.toEqual({sum: 46});
  });

  it("done: the answer of a worker that has already exited, told while this thread was busy", async () => {
    const running = startTask<{values: number[]; delayMs: number}, {sum: number}>(task("sumTask"), {values: [4, 5], delayMs: 0});
    // Busy until the worker has answered and exited: both events wait for this thread, in either order.
    const until = Date.now() + 1500;
    while (Date.now() < until);
    await expect(running.done()).resolves.toMatchObject({sum: 9});
  });

  it("done: rejects with the error a handler that awaits throws", async () => {
    const running = startTask(task("asyncSumTask"), {values: Int32Array.from([1, -2])});
    await expect(running.done()).rejects.toThrow(expect.objectContaining({name: "NegativeNumber", message: "negatief getal in 1, -2"}));
  });
});
