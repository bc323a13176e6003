// What `nadere-ogen init` writes: the five contract files as templates. Each CSV has the header
// (column names from the row shapes in loaders/schema.ts, so a template never drifts from what the
// loader requires) and one example row in the formats of data/README.md; the rows agree with each
// other, so `check` on a fresh folder names only what is still missing (the other study years).
// instellingen.json explains every setting in a comment (the settings reader accepts JSONC).

import {CSV_SHAPES, INPUT_FILES, type InputName} from "../loaders/contract.js";

const EXAMPLE_MUNICIPALITY = "Voorbeeldgemeente";

/** One example row per CSV file, by column name (data/README.md). */
const EXAMPLES = {
  scholen: {
    shape: CSV_SHAPES.scholen,
    row: {
      school_id: "17NC",
      naam: "Dolfijn",
      bestuur: "Schoolbestuur A",
      denominatie: "openbaar",
      concept: "Jenaplan",
      ses_wijk: "midden",
      sot_trajecten: "25",
      deelname_interview: "ja",
      aantal_ib: "1",
      ib_ervaring: "<2",
      dorpsteam_categorie: "3",
      ses_zelfgerapporteerd: "hoog"
    }
  },
  leerlingen: {
    shape: CSV_SHAPES.leerlingen,
    row: {leerling_id: "LL28BQSS95", school_id: "17NC", peildatum: "01-10-2019", geboortemaand: "09-2010", woongemeente: EXAMPLE_MUNICIPALITY}
  },
  zorgvormen: {shape: CSV_SHAPES.zorgvormen, row: {productcategorie: "54", productcode: "54D01", zorgvorm: "dyslexie"}},
  trajecten: {
    shape: CSV_SHAPES.trajecten,
    row: {
      traject_id: "TR000002",
      leerling_id: "LL28BQSS95",
      productcategorie: "54",
      productcode: "54D01",
      aanbieder: "Aanbieder 04",
      begindatum: "01-01-2019",
      einddatum: "15-09-2019",
      kosten: "5647,94"
    }
  }
} as const;

function csvTemplate({shape, row}: {shape: {parsers: object}; row: Record<string, string>}): string {
  const columns = Object.keys(shape.parsers);
  return `${columns.join(";")}\n${columns.map((column) => row[column]).join(";")}\n`;
}

// The values are those of data/default/instellingen.json (the 2020 report's choices), except the
// municipality; each comment says what the setting does and what the contract requires of it.
const SETTINGS = `// Instellingen van het rapport. Regels die met // beginnen zijn uitleg en worden niet gelezen.
// Alle regels en controles staan in data/README.md (het datacontract).
{
  // Naam van de gemeente, zoals in de kolom woongemeente van leerlingen.csv
  // (hoofdletters en dubbele spaties tellen niet).
  "municipality": "${EXAMPLE_MUNICIPALITY}",

  // De onderzoeksjaren: opeenvolgend en oplopend. Elk jaar moet leerlingen hebben (peildatum in
  // dat jaar) en trajecten die in dat jaar beginnen.
  "years": [2017, 2018, 2019],

  // Peildatum voor de status van de trajecten (in zorg, gestopt, uitgestroomd); niet vóór 31-12
  // van het laatste onderzoeksjaar. Schrijf 2020-01-01 of 01-01-2020.
  "statusDate": "2020-01-01",

  // Zoveel maanden zonder hulp vóór de peildatum: dan heet een leerling uitgestroomd, anders gestopt.
  "statusRuleMonths": 6,

  // Begint een volgend traject binnen zoveel maanden na het vorige, dan hoort het bij hetzelfde zorgpad.
  "zorgpadMonths": 6,

  // "started": een leerling heeft jeugdhulp in een jaar als een traject in dat jaar begint
  // (zoals het rapport van 2020). "active": als er in dat jaar een traject loopt.
  "youthCareDefinition": "started",

  // Gebruik per school (percentage leerlingen met jeugdhulp): onder lowBelow laag, boven highAbove hoog.
  "useCategories": {"lowBelow": 7, "highAbove": 11},

  // Groei tussen twee jaren in procentpunten: vanaf moderate + of -, vanaf strong ++ of --.
  "growthCategories": {"moderate": 3, "strong": 5},

  // Doorlooptijd in groepen van widthMonths maanden, tot maxMonths (een veelvoud van widthMonths).
  "durationBands": {"widthMonths": 6, "maxMonths": 36},

  // Kostengroepen per leerling in euro: de ondergrenzen, oplopend, beginnend bij 0.
  "costBands": [0, 10000, 20000, 30000, 40000, 50000, 100000],

  // Leerlingen met kosten vanaf dit bedrag: het rapport zegt welk deel van de leerlingen dat is en
  // welk deel van alle kosten zij hebben (in 2020: 12,5% van de leerlingen had 54% van de kosten).
  "costConcentrationThreshold": 10000,

  // Boven dit bedrag per leerling noemt het rapport de kosten uitzonderlijk hoog.
  "extremeCostThreshold": 200000,

  // Schoolgrootte in leerlingen: onder smallBelow klein, boven largeAbove groot.
  "schoolSize": {"smallBelow": 200, "largeAbove": 300},

  // Trajecten van het schoolondersteuningsteam per 100 leerlingen: onder lowBelow weinig, boven highAbove veel.
  "sotPer100": {"lowBelow": 3, "highAbove": 6},

  // Privacy: aantallen van 1 tot minCount heten klein en worden afgeschermd. Standaard 5. Lager mag
  // alleen met "confirmLowerMinCount": true erbij, en dan meldt elke bouw het.
  "suppression": {"minCount": 5},

  // DBC-herstarts: bij de overgang naar nieuwe productcodes (in transitionYear) stopt een traject in
  // december en begint het in januari opnieuw; die tellen als één traject. sameProvider: alleen bij
  // dezelfde aanbieder. equivalentCareTypes: paren [vóór, na] van zorgvormen die dan als dezelfde tellen.
  "dbc": {
    "transitionYear": 2018,
    "sameProvider": true,
    "equivalentCareTypes": [["specialistische_ggz", "dyslexie"]]
  },

  // De zorgvormen: key is de code die in zorgvormen.csv staat, label de naam op de site.
  "careTypes": [
    {"key": "basis_ggz", "label": "Basis GGZ"},
    {"key": "specialistische_ggz", "label": "Specialistische GGZ"},
    {"key": "curatieve_ggz", "label": "Curatieve GGZ"},
    {"key": "dyslexie", "label": "Dyslexiezorg"},
    {"key": "ambulante_begeleiding", "label": "Ambulante begeleiding"},
    {"key": "dagbehandeling", "label": "Dagbehandeling"},
    {"key": "verblijf", "label": "Jeugdhulp met verblijf"},
    {"key": "crisis", "label": "Crisishulp"}
  ],

  // De zorgvorm (een key uit careTypes) die dyslexiezorg is; sommige figuren tonen alles zonder dyslexie.
  "dyslexiaCareType": "dyslexie"

  // Mag erbij: "cellKeySecret": een geheim van minstens 16 tekens voor de licht verstoorde cijfers van
  // /verkennen. Publiceert u vaker, kies dan één geheim en houd het. Zet het niet in een openbare map.
  // Mag erbij: "duoMarginPercent" (standaard 10): legt u DUO's telling van leerlingen per vestiging naar
  // leeftijd naast leerlingen.csv, dan markeert de pagina Datakwaliteit een school die meer procent afwijkt.
}
`;

/** File name → content of every file `init` writes. */
export function initTemplates(): Record<string, string> {
  const files: Record<string, string> = {[INPUT_FILES.instellingen]: SETTINGS};
  for (const name of Object.keys(EXAMPLES) as Exclude<InputName, "instellingen">[]) {
    files[INPUT_FILES[name]] = csvTemplate(EXAMPLES[name]);
  }
  return files;
}
