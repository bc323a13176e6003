// A kept cell must not keep its file's text alive (schema.ts ownText): nationally that was 250 MB.
import {setFlagsFromString} from "node:v8";
import {runInNewContext} from "node:vm";
import {expect, test} from "vitest";
import {readCsv} from "../../loaders/csv.js";
import {enrolmentRow, rowParser, type EnrolmentRow} from "../../loaders/schema.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

test("the rows of a 21 MB file keep no slice of its text: a municipality of 19 characters is a copy", () => {
  const before = heapMb();
  const header = "leerling_id;school_id;peildatum;geboortemaand;woongemeente\n";
  // 400 000 rows of 53 bytes; only the first row's cells are kept, so the text is the only large thing.
  let text: string | null = header + "L0000001;21AA;01-10-2019;01-2012;Utrechtse Heuvelrug\n".repeat(400_000);
  const kept: EnrolmentRow[] = [];
  readCsv(text, "leerlingen.csv", (h) => {
    const parse = rowParser(h, enrolmentRow, []);
    return (cells, line) => {
      const row = parse(cells, line);
      if (row && kept.length === 0) kept.push(row);
    };
  });
  text = null;
  // RegExp.input holds the subject of the last successful match: in readCsv, a slice of the text.
  /x/.exec("x");
  const grown = heapMb() - before;
  expect(kept[0].woongemeente).toBe("Utrechtse Heuvelrug");
  // The text alone is 21 MB (one byte per character); kept, the heap grows by that.
  expect(grown).toBeLessThan(5);
});
