// loaders/workerPool.ts: results come back in the inputs' order whatever order the workers finish
// in, the setup reaches every worker, and a worker's error ends the run with its message.
import {describe, expect, it} from "vitest";
import {mapInWorkers} from "../../loaders/workerPool.js";

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
