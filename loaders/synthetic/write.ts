// The three contract files as a Dutch back office exports them: semicolons, a UTF-8 byte-order
// mark, CRLF line ends, dd-mm-jjjj dates and a decimal comma. The loader accepts this and more;
// writing the awkward form keeps the parser honest on the default data.

import type {IbExperience, SesCategory} from "../model.js";
import type {SchoolAssumption} from "./assumptions.js";
import type {Product} from "./care.js";
import type {PanelPupil} from "./enrolment.js";
import {teldatum} from "./enrolment.js";

const BOM = "\ufeff";

function csv(header: string[], rows: (string | number)[][]): string {
  return BOM + [header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n";
}

/** "2019-10-01" → "01-10-2019". */
function dutchDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

function euros(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

export function enrolmentCsv(pupils: PanelPupil[], years: number[]): string {
  const rows = pupils.flatMap((p) =>
    p.yearIndexes.map((y) => ({p, date: teldatum(years[y])}))
  );
  rows.sort((a, b) => a.p.schoolId.localeCompare(b.p.schoolId) || a.date.localeCompare(b.date) || a.p.id.localeCompare(b.p.id));
  return csv(
    ["leerling_id", "school_id", "peildatum", "geboortemaand", "woongemeente"],
    rows.map(({p, date}) => [p.id, p.schoolId, dutchDate(date), `${String(p.birthMonth).padStart(2, "0")}-${p.birthYear}`, p.municipality])
  );
}

export interface TrajectoryRow {
  pupilId: string;
  careType: string;
  product: Product;
  provider: string;
  start: string;
  end: string | null;
  restartRole: string | null;
  costCents: number;
}

/** Ids are numbered in order of start date, as a back office would hand them out. */
export function trajectoriesCsv(rows: TrajectoryRow[]): string {
  const sorted = [...rows].sort((a, b) => a.start.localeCompare(b.start) || a.pupilId.localeCompare(b.pupilId) || (a.end ?? "9").localeCompare(b.end ?? "9"));
  return csv(
    ["traject_id", "leerling_id", "productcategorie", "productcode", "aanbieder", "begindatum", "einddatum", "kosten"],
    sorted.map((t, i) => [
      `TR${String(i + 1).padStart(6, "0")}`,
      t.pupilId,
      t.product.category,
      t.product.code,
      t.provider,
      dutchDate(t.start),
      t.end ? dutchDate(t.end) : "",
      euros(t.costCents)
    ])
  );
}

export interface SchoolRow extends SchoolAssumption {
  id: string;
  sotTrajectories: number;
}

const optional = (v: string | number | null) => (v === null ? "" : String(v));

export function schoolsCsv(schools: SchoolRow[]): string {
  return csv(
    ["school_id", "naam", "bestuur", "denominatie", "concept", "ses_wijk", "sot_trajecten", "deelname_interview", "aantal_ib", "ib_ervaring", "dorpsteam_categorie", "ses_zelfgerapporteerd"],
    schools.map((s) => [
      s.id,
      s.name,
      s.board,
      s.denomination,
      optional(s.concept),
      s.sesNeighbourhood,
      s.sotTrajectories,
      s.participated ? "ja" : "nee",
      optional(s.ibCount),
      optional(s.ibExperience as IbExperience | null),
      optional(s.dorpsteamRating),
      optional(s.sesSelfReported as SesCategory | null)
    ])
  );
}
