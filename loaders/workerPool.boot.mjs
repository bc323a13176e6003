// The first module of every worker thread of workerPool.ts. Node 20 does not pass the parent's module
// hooks (tsx's TypeScript loader) on to a worker thread, so the worker registers tsx itself and then
// imports the TypeScript module it was started for. Plain JavaScript, so that node can load it.
import {workerData} from "node:worker_threads";
import {register} from "tsx/esm/api";

register();
try {
  await import(workerData.entry);
} catch (error) {
  // A task's caller blocks until it is answered (workerPool.ts startTask): answer with the failure.
  const task = workerData.task;
  if (task && Atomics.load(task.signal, 0) === 0) {
    task.port.postMessage({error: `${workerData.entry}: ${error instanceof Error ? error.message : String(error)}`});
    Atomics.store(task.signal, 0, 1);
    Atomics.notify(task.signal, 0);
  }
  throw error;
}
