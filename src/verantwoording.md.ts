// Page loader for /verantwoording: verantwoording.md.in with this build's rules, scope counts, the
// privacy officer's figures of the audit of the whole release and the content folder's errata, written
// at build time (scripts/staticPage.ts). The errata table is in the HTML, so the other pages' links to
// /verantwoording#erratum-eNN find their row without JavaScript.
import {writeStaticPage} from "../scripts/staticPage.js";

const {ErrataTable} = await import("./components/ErrataTable.js");
const {formatCount, formatDate, formatDecimal, formatEuros, formatPercent, isSuppressedValue, SUPPRESSED_DERIVED} = await import("./lib/format.js");
const text = await import("./components/reportText.js");

await writeStaticPage(
  import.meta.url,
  ({meta, scope, kerngetallen, dbc, status, costs, schools, statistics, cubeMeta}, {content, privacy, flags}) => {
    if (!privacy) throw new Error("verantwoording: de controle van de hele publicatie ontbreekt");
    const {perturbation} = cubeMeta;
    const withheldSchools = schools.tabel6.filter((s: any) => isSuppressedValue(s.years.at(-1).pct)).length;
    const [narrow, wide] = statistics.coverages as number[];
    const coverage = (c: number) => formatPercent(100 * c, c === 0.95 ? 0 : 1);
    const count = (n: unknown) => formatCount(n as number);
    const list = (values: unknown[], format: (v: any) => string) => values.map(format).join(" / ");
    const {cube, cubeAttack} = privacy;
    const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
    return {
      conditions: {
        gestart: meta.youthCareDefinition === "started",
        "ruime-afronding": perturbation.roundBelow > meta.minCount,
        "alle-beschermd": privacy.violationCount === 0 && privacy.undecidedCount === 0,
        schendingen: privacy.violationCount > 0,
        onbeslist: privacy.undecidedCount > 0,
        bewezen: privacy.protectedCount > 0,
        kubus: cube !== null,
        "kubus-aanval": cubeAttack !== null
      },
      blocks: {
        errata: flags.has("errata")
          ? `<div style="overflow-x: auto;">${ErrataTable(content.errata, {caption: `Fouten en tegenstrijdigheden in het rapport van ${content.identity?.year} (${content.errata.length})`}).outerHTML}</div>`
          : ""
      },
      text: {
        municipality: meta.municipality,
        latestYear: meta.latestYear,
        statusDate: formatDate(meta.statusDate),
        windowStart: formatDate(scope.window.start),
        windowEnd: formatDate(scope.window.end),
        trajectories: count(scope.trajectories),
        inScope: count(scope.inScope),
        startedBeforeWindow: count(scope.startedBeforeWindow),
        startedAfterWindow: count(scope.startedAfterWindow),
        startedWithoutEnrolment: count(scope.startedWithoutEnrolment),
        enrolledPerYear: scope.enrolledPerYear.map((d: any) => `${d.year}: ${formatCount(d.pupils)}`).join("; "),
        transitionYear: dbc.transitionYear,
        yearBeforeTransition: dbc.transitionYear - 1,
        costBands: costs.bands.map((b: any) => b.label).join("; "),
        withheld: SUPPRESSED_DERIVED,
        smallMax: formatCount(meta.minCount - 1),
        minCount: formatCount(meta.minCount),
        withheldSchools:
          withheldSchools === 0
            ? "In deze gegevens is van geen enkele school het percentage verborgen."
            : `In deze gegevens gaat het om ${text.countNoun(withheldSchools, "school", "scholen")}.`,
        extremeThreshold: formatEuros(costs.extreme.threshold),
        extremeCount: isSuppressedValue(costs.extreme.pupils)
          ? "op deze site is dat aantal afgeschermd."
          : `op deze site ${costs.extreme.pupils === 1 ? "is dat er 1" : `zijn dat er ${formatCount(costs.extreme.pupils)}`}.`,
        roundBelow: formatCount(perturbation.roundBelow),
        roundBelowMinusOne: formatCount(perturbation.roundBelow - 1),
        roundedDeviation: formatCount(perturbation.roundedDeviation),
        stationaryFrom: formatCount(perturbation.stationaryFrom),
        largeDeviation: formatCount(perturbation.largeDeviation),
        cellCount: formatCount(privacy.cellCount),
        hiddenCount: formatCount(privacy.hiddenCount),
        secondary:
          privacy.secondaryCount === 0
            ? "In deze gegevens hoefde er zo niets extra afgeschermd te worden."
            : `Zo ${plural(privacy.secondaryCount, "is er 1 aantal", `zijn er ${formatCount(privacy.secondaryCount)} aantallen`)} extra afgeschermd.` +
              (privacy.schoolBlocks
                ? ` Deze gemeente heeft meer dan ${formatCount(privacy.schoolBlocks.perGroup)} scholen. Daarom zocht de site per groep scholen (${formatCount(privacy.schoolBlocks.count)} groepen)` +
                  (privacy.schoolBlocks.perBlock < privacy.schoolBlocks.perGroup
                    ? `, en binnen een groep eerst per ${formatCount(privacy.schoolBlocks.perBlock)} scholen`
                    : "") +
                  `, met de cijfers van de andere scholen vast. Zo schermt de site soms meer af dan nodig, maar nooit te weinig: de controle hieronder rekent over alles samen.`
                : ""),
        keyFigures:
          privacy.keyFigures.count === 0
            ? "Dat was hier niet nodig: alle kerngetallen zijn gepubliceerd."
            : `${privacy.keyFigures.sentence} Het gaat om: ${privacy.keyFigures.labels.join("; ")}.`,
        width: formatCount(privacy.width),
        smallCounts:
          privacy.smallCount === 0
            ? "Er zijn geen kleine aantallen."
            : `Er ${plural(privacy.smallCount, "is 1 klein aantal", `zijn ${formatCount(privacy.smallCount)} kleine aantallen`)}.`,
        protectedCounts: `${formatCount(privacy.protectedCount)} daarvan ${plural(privacy.protectedCount, "is", "zijn")} aantoonbaar beschermd.`,
        violations: `${formatCount(privacy.violationCount)} ${plural(privacy.violationCount, "is", "zijn")} nog niet beschermd:`,
        undecided: `Van ${formatCount(privacy.undecidedCount)} is dat niet beslist in de rekentijd van de bouw; die tellen niet als beschermd.`,
        cubeCells: formatCount(cube?.cells ?? 0),
        cubeRepeated: formatCount(cube?.repeated ?? 0),
        cubeOwn: formatCount(cube?.own ?? 0),
        cubeTied: formatCount(cube?.tied ?? 0),
        cubeLocal: formatCount(cube?.local ?? 0),
        cubeLeftOut: formatCount(cube?.leftOut ?? 0),
        cubeSecondary:
          privacy.cubeSecondaryCount === 0
            ? "In deze gegevens was dat niet nodig."
            : `In deze gegevens ${plural(privacy.cubeSecondaryCount, "gebeurde dat bij 1 aantal", `gebeurde dat bij ${formatCount(privacy.cubeSecondaryCount)} aantallen`)}; ${plural(privacy.cubeSecondaryCount, "dat telt", "die tellen")} mee bij de extra afgeschermde aantallen hierboven.`,
        cubeOutside: cube?.outside ? ` en ${plural(cube.outside, "1 cel die", `${formatCount(cube.outside)} cellen die`)} niet uit hele groepjes leerlingen ${plural(cube.outside, "bestaat", "bestaan")}` : "",
        attackVariables: formatCount(cubeAttack?.variables ?? 0),
        attackRelations: formatCount(cubeAttack?.relations ?? 0),
        attackPinned:
          cubeAttack?.pinned
            ? `${formatCount(cubeAttack.pinned)} ${plural(cubeAttack.pinned, "aantal ligt", "aantallen liggen")} smaller vast dan ${formatCount(privacy.width)}.`
            : `Geen enkel klein aantal ligt daarna smaller vast dan ${formatCount(privacy.width)}; anders was de bouw gestopt.`,
        narrowCoverage: coverage(narrow),
        wideCoverage: coverage(wide),
        oneIn: formatCount(Math.round(1 / (1 - narrow))),
        alpha: formatDecimal(statistics.alpha, 2)
      },
      // What the content folder's passage about the default data compares with the 2020 report.
      passageText: {
        enrolledLatestYear: count(kerngetallen.enrolledLatestYear),
        pctPerYear: list(kerngetallen.perYear.map((d: any) => d.pct), (v) => formatPercent(v, 2)),
        trajectoriesPerYear: list(dbc.tabel2.map((d: any) => d.raw), formatCount),
        correctedPerYear: list(dbc.tabel2.map((d: any) => d.corrected), formatCount),
        dbcRestarts: count(dbc.tabel1Total),
        cohortPupils: count(status.cohortPupils),
        statusPupils: list(status.figuur1.map((d: any) => d.pupils), formatCount),
        durationPupils: list(status.tabel4.filter((d: any) => d.key !== "in_zorg").slice(0, 6).map((d: any) => d.pupils), formatCount),
        costBandPupils: list(costs.bands.map((d: any) => d.pupils), formatCount),
        concentrationThreshold: formatEuros(costs.concentration.threshold),
        concentrationPupils: formatPercent(costs.concentration.pctPupils, 1),
        concentrationCost: formatPercent(costs.concentration.pctCost),
        extremePupils: count(costs.extreme.pupils),
        ekg: formatPercent(kerngetallen.ekg),
        providerCount: count(kerngetallen.providerCount),
        trajectoriesPerPupil: formatDecimal(kerngetallen.latest.trajectoriesPerPupil, 2)
      }
    };
  },
  {privacy: true}
);
