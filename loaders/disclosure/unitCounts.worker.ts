// A worker thread of deriveAtoms (atoms.ts) for large inputs: unitCounts.ts on the chunks it is sent.
import {serveInWorker} from "../workerPool.js";
import {unitCounter, type ChunkCounts, type PupilRows, type UnitSetup} from "./unitCounts.js";

serveInWorker<UnitSetup, PupilRows[], ChunkCounts>((setup) => {
  const count = unitCounter(setup);
  return (pupils) => {
    const output = count(pupils);
    return {output, transfer: [output.ints.buffer as ArrayBuffer, output.coefficients.buffer as ArrayBuffer]};
  };
});
