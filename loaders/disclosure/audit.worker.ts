// A worker thread of the build's audit for a large release (auditTask.ts).
import {serveTask} from "../workerPool.js";
import {auditTask} from "./auditTask.js";

serveTask(auditTask);
