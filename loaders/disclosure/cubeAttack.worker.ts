// A worker thread of the build's cube attack (pipeline.ts auditSiteRelease) for a large cube: the
// attack reads the files alone, so it runs beside the audit, in a heap of its own.
import {serveTask} from "../workerPool.js";
import {attackPublishedCube, type CubeAttack} from "./cubeAttack.js";

serveTask<{files: ReadonlyMap<string, string>; minCount: number}, CubeAttack>(({files, minCount}) => ({output: attackPublishedCube(files, minCount)}));
