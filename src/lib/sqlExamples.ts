// Starting points for the explorer's SQL box. The cube leaves out rows without any youth care, so a
// missing row means 0 (except in a school's or a board's cut outside the report's configuration, which
// the examples do not query: src/lib/cube.ts); every count is perturbed (loaders/cube/ptable.ts), sums of cells too.

import type {SqlExample} from "../components/SqlBox.js";

export function sqlExamples(latestYear: number, definition: string): SqlExample[] {
  return [
    {
      label: "Percentage per school",
      sql: `-- Leerlingen met jeugdhulp per school in ${latestYear} (licht verstoord)
SELECT e.naam AS school,
       l.leerlingen,
       coalesce(j.jeugdhulp, 0) AS met_jeugdhulp,
       round(100.0 * met_jeugdhulp / l.leerlingen, 1) AS percentage
FROM eenheden e
JOIN leerlingen l ON l.eenheid = e.code AND l.jaar = ${latestYear} AND l.leeftijd = 'alle'
LEFT JOIN jeugdhulp j ON j.eenheid = e.code AND j.jaar = ${latestYear} AND j.leeftijd = 'alle'
     AND j.zorgvorm = 'alle' AND j.dyslexie = 'met' AND j.dbc_correctie = 'uit' AND j.definitie = '${definition}'
WHERE e.niveau = 'school'
ORDER BY percentage DESC NULLS LAST;`
    },
    {
      label: "DBC-correctie per jaar",
      sql: `-- Trajecten en leerlingen in de gemeente, zonder en met DBC-correctie
SELECT jaar, dbc_correctie, trajecten, jeugdhulp AS leerlingen_met_jeugdhulp
FROM jeugdhulp
WHERE eenheid = 'g' AND leeftijd = 'alle' AND zorgvorm = 'alle' AND dyslexie = 'met' AND definitie = 'gestart'
ORDER BY jaar, dbc_correctie;`
    },
    {
      label: "Zorgvormen per bestuur",
      sql: `-- Leerlingen per zorgvorm per schoolbestuur in ${latestYear}
SELECT e.naam AS bestuur, j.zorgvorm, j.jeugdhulp
FROM jeugdhulp j JOIN eenheden e ON e.code = j.eenheid
WHERE e.niveau = 'bestuur' AND j.jaar = ${latestYear} AND j.zorgvorm <> 'alle'
  AND j.leeftijd = 'alle' AND j.dyslexie = 'met' AND j.dbc_correctie = 'uit' AND j.definitie = '${definition}'
ORDER BY bestuur, j.jeugdhulp DESC;`
    },
    {
      label: "Scholen opgeteld",
      sql: `-- De scholen opgeteld naast de gemeente: door de verstoring klopt de som niet precies
SELECT j.jaar,
       sum(j.jeugdhulp) FILTER (WHERE e.niveau = 'school') AS scholen_opgeteld,
       max(j.jeugdhulp) FILTER (WHERE e.niveau = 'gemeente') AS gemeente
FROM jeugdhulp j JOIN eenheden e ON e.code = j.eenheid
WHERE j.leeftijd = 'alle' AND j.zorgvorm = 'alle' AND j.dyslexie = 'met' AND j.dbc_correctie = 'uit' AND j.definitie = '${definition}'
GROUP BY j.jaar
ORDER BY j.jaar;`
    }
  ];
}
