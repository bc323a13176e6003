// The synthetic default municipality (data/default) turned back into what a municipality has: an
// invented BSN per pupil (in 999900000–999999999, numbers that pass the elfproef), leerlingen with
// a bsn column, and the trajectories as iJw dumps (jw301/305/307/323.csv). Half the starts and a
// third of the stops come from JW305/JW307, the rest from the toewijzing's own dates; every fifth
// claim is split into a debet and a credit line. Importing it must give back the default report.

import {readFileSync} from "node:fs";
import path from "node:path";
import {isValidBsn} from "../../loaders/import/bsn.js";
import type {SourceFile} from "../../loaders/import/folder.js";
import {parseAmount, parseDate} from "../../loaders/values.js";

const DEFAULT = path.resolve(import.meta.dirname, "../../data/default");
const read = (name: string) => readFileSync(path.join(DEFAULT, name), "utf8").replace(/^\ufeff/, "");
const rows = (name: string) => read(name).split(/\r?\n/).filter((line) => line !== "").map((line) => line.split(";"));
const iso = (text: string) => (text === "" ? "" : (parseDate(text) as {ok: true; value: string}).value);
const file = (name: string, lines: string[][]): SourceFile => ({name, bytes: new TextEncoder().encode(lines.map((cells) => cells.join(";")).join("\n") + "\n")});

export function defaultAsIjw(): {files: SourceFile[]; bsnOf: Map<string, string>} {
  const leerlingen = rows("leerlingen.csv");
  const trajecten = rows("trajecten.csv");
  const ids = [...new Set([...leerlingen.slice(1).map((r) => r[0]), ...trajecten.slice(1).map((r) => r[1])])].sort();
  const bsnOf = new Map<string, string>();
  for (let n = 999900000; bsnOf.size < ids.length; n++) if (isValidBsn(String(n))) bsnOf.set(ids[bsnOf.size], String(n));

  const jw301 = [["toewijzingnummer", "bsn", "productcategorie", "productcode", "aanbieder", "toewijzingingangsdatum", "toewijzingeinddatum"]];
  const jw305 = [["toewijzingnummer", "begindatum"]];
  const jw307 = [["toewijzingnummer", "einddatum"]];
  const jw323 = [["toewijzingnummer", "totaalbedrag", "debetcredit"]];
  trajecten.slice(1).forEach(([id, pupil, category, code, provider, start, end, cost], i) => {
    jw301.push([id, bsnOf.get(pupil)!, category, code, provider, iso(start), iso(end)]);
    if (i % 2 === 0) jw305.push([id, iso(start)]);
    if (end !== "" && i % 3 === 0) jw307.push([id, start === end ? iso(end) : end]);
    const cents = Math.round((parseAmount(cost) as {ok: true; value: number}).value * 100);
    if (cents === 0) return;
    if (i % 5 === 0) jw323.push([id, String(cents + 1000), "D"], [id, "1000", "C"]);
    else jw323.push([id, String(cents), "D"]);
  });
  const files = [
    ...["instellingen.json", "scholen.csv", "zorgvormen.csv"].map((name) => ({name, bytes: new Uint8Array(readFileSync(path.join(DEFAULT, name)))})),
    file("leerlingen.csv", [["bsn", ...leerlingen[0].slice(1)], ...leerlingen.slice(1).map(([id, ...rest]) => [bsnOf.get(id)!, ...rest])]),
    file("jw301.csv", jw301),
    file("jw305.csv", jw305),
    file("jw307.csv", jw307),
    file("jw323.csv", jw323)
  ];
  return {files, bsnOf};
}
