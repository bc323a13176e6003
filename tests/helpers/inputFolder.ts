// The small invented input folder the contract tests share: settings, schools and product mappings
// (each test file adds its own pupils and trajectories).

export const settings = {
  municipality: "Heuvelrug",
  years: [2018, 2019],
  statusDate: "2020-01-01",
  statusRuleMonths: 6,
  zorgpadMonths: 6,
  youthCareDefinition: "started",
  useCategories: {lowBelow: 7, highAbove: 11},
  growthCategories: {moderate: 3, strong: 5},
  durationBands: {widthMonths: 6, maxMonths: 36},
  costBands: [0, 10000, 20000],
  costConcentrationThreshold: 10000,
  extremeCostThreshold: 200000,
  schoolSize: {smallBelow: 200, largeAbove: 300},
  sotPer100: {lowBelow: 3, highAbove: 6},
  suppression: {minCount: 5},
  dbc: {transitionYear: 2018, sameProvider: true, equivalentCareTypes: [["ggz", "dyslexie"]]},
  careTypes: [
    {key: "ggz", label: "GGZ"},
    {key: "dyslexie", label: "Dyslexiezorg"},
    {key: "begeleiding", label: "Begeleiding"}
  ],
  dyslexiaCareType: "dyslexie"
};

export const SCHOLEN = `school_id;naam;bestuur;denominatie;concept;ses_wijk;sot_trajecten;deelname_interview;aantal_ib;ib_ervaring;dorpsteam_categorie;ses_zelfgerapporteerd
0012;De Linde;Bestuur A;openbaar;Jenaplan;midden;4;ja;2;2-5;3;hoog
0034;De Es;Bestuur B;katholiek;;laag;0;nee;;;;
`;

export const ZORGVORMEN = `productcategorie;productcode;zorgvorm
54;54001;ggz
54;54D01;dyslexie
45;;begeleiding
`;
