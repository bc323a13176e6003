// A worker thread of readPlainColumns (plainColumns.ts): numbers the files after the first while the
// build's thread numbers the first.
import {numberInWorker} from "./plainColumns.js";
import {serveTask} from "./workerPool.js";

serveTask(numberInWorker);
