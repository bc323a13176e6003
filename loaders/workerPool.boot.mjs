// The first module of every worker thread of workerPool.ts. Node 20 does not pass the parent's module
// hooks (tsx's TypeScript loader) on to a worker thread, so the worker registers tsx itself and then
// imports the TypeScript module it was started for. Plain JavaScript, so that node can load it.
import {workerData} from "node:worker_threads";
import {register} from "tsx/esm/api";

register();
await import(workerData.entry);
