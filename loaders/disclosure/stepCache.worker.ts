// A worker thread that writes a step of the secondary suppression to the build cache (stepCacheTask.ts).
import {serveTask} from "../workerPool.js";
import {stepCacheTask} from "./stepCacheTask.js";

serveTask(stepCacheTask);
