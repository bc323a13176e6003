// A worker thread of the secondary suppression's search for a large system (secondaryTask.ts).
import {serveTask} from "../workerPool.js";
import {searchTask} from "./secondaryTask.js";

serveTask(searchTask);
