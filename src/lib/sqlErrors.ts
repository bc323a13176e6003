// DuckDB's error messages in Dutch for the explorer's SQL box. The common kinds a reader runs into
// (a typo in SQL, a table or column that does not exist, a missing GROUP BY, text where a number is
// expected) get a plain sentence with DuckDB's own suggestion; anything else a general one. The
// original English message is always kept: the page shows it folded away for experts.

export interface SqlErrorText {
  /** One or two Dutch sentences for the reader. */
  text: string;
  /** DuckDB's message as it came. */
  original: string;
}

/** DuckDB's type names as a reader knows them. */
const TYPE_NAMES: [RegExp, string][] = [
  [/^(VARCHAR|STRING_LITERAL|TEXT|STRING)$/, "tekst"],
  [/^(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|U?HUGEINT|INT\d*|INTEGER_LITERAL|BIGNUM)$/, "geheel getal"],
  [/^(DOUBLE|FLOAT|REAL|DECIMAL.*)$/, "getal"],
  [/^DATE$/, "datum"],
  [/^TIMESTAMP.*$/, "tijdstip"],
  [/^BOOLEAN$/, "waar/onwaar"]
];

export function typeName(type: string): string {
  const plain = type.trim().toUpperCase();
  return TYPE_NAMES.find(([pattern]) => pattern.test(plain))?.[1] ?? plain;
}

/** "“a”, “b” of “c”" */
function orList(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} of ${quoted.at(-1)}`;
}

/** DuckDB's "Did you mean "x"?" or "Candidate bindings: "a", "b"" as a Dutch question. */
function suggestion(message: string): string {
  const meant = /Did you mean "([^"]+)"/.exec(message)?.[1];
  if (meant) return ` Bedoelt u “${meant}”?`;
  const candidates = /Candidate bindings:[\s:]*((?:"[^"]+"[,\s]*)+)/.exec(message)?.[1];
  if (candidates) {
    const names = [...candidates.matchAll(/"([^"]+)"/g)].map((m) => m[1]).slice(0, 3);
    return ` Bedoelt u ${orList(names)}?`;
  }
  return "";
}

type Rule = [RegExp, (match: RegExpExecArray, message: string) => string];

const RULES: Rule[] = [
  [/^Parser Error: unterminated quoted string at or near "(.*)"/m, (m) => `Een tekst tussen enkele aanhalingstekens is niet afgesloten: ${m[1]}`],
  [
    /^Parser Error: syntax error at end of input/m,
    () => "De query houdt te vroeg op. Ontbreekt er een stuk, bijvoorbeeld na WHERE, of een sluithaakje?"
  ],
  [
    /^Parser Error: syntax error at or near "(.*)"/m,
    (m) => `De SQL klopt niet bij “${m[1]}”. Kijk daar naar de spelling van de SQL-woorden, naar komma's en naar haakjes.`
  ],
  [/^Parser Error:/m, () => "De SQL klopt niet. Kijk naar de spelling van de SQL-woorden, naar komma's en naar haakjes."],
  [
    /^Catalog Error: (?:Table|View) with name (\S+) does not exist/m,
    (m, message) => `Er is geen tabel “${m[1]}”.${suggestion(message)} De tabellen heten jeugdhulp, leerlingen en eenheden.`
  ],
  [
    /^Catalog Error: (?:Scalar |Aggregate |Table )?Function with name (\S+) does not exist/m,
    (m, message) => `Er is geen functie “${m[1]}”.${suggestion(message)}`
  ],
  [
    /^Binder Error: Referenced column "([^"]+)" not found/m,
    (m, message) => `Er is geen kolom “${m[1]}” in de tabellen van deze query.${suggestion(message)}`
  ],
  [
    /^Binder Error: Table "([^"]+)" does not have a column named "([^"]+)"/m,
    (m, message) => `Tabel “${m[1]}” heeft geen kolom “${m[2]}”.${suggestion(message)}`
  ],
  [
    /^Binder Error: Referenced table "([^"]+)" not found/m,
    (m) => `De query noemt tabel “${m[1]}”, maar die staat niet in FROM of JOIN.`
  ],
  [
    /^Binder Error: Ambiguous reference to column name "([^"]+)" \(use: (.*)\)/m,
    (m) => `Kolom “${m[1]}” staat in meer dan één tabel van de query. Schrijf erbij welke u bedoelt: ${orList([...m[2].matchAll(/"([^"]+)"/g)].map((x) => x[1]))}.`
  ],
  [
    /^Binder Error: column "([^"]+)" must appear in the GROUP BY clause/m,
    (m) => `Kolom “${m[1]}” staat niet in GROUP BY en wordt ook niet samengevat (met bijvoorbeeld count of sum). Zet hem in GROUP BY, of schrijf GROUP BY ALL.`
  ],
  [
    /^Binder Error: No function matches the given name and argument types '([^(]+)\(([^)]*)\)'/m,
    (m) => `De functie ${m[1]} werkt niet met ${m[2] === "" ? "deze invoer" : m[2].split(",").map(typeName).join(" en ")}. Zet de waarde eerst om, bijvoorbeeld met CAST(kolom AS INTEGER).`
  ],
  [
    /^Binder Error: Could not choose a best candidate function for the function call "([^(]+)\(([^)]*)\)"/m,
    (m) => `Bij “${m[1]}” passen de soorten gegevens niet bij elkaar (${m[2].split(",").map(typeName).join(" en ")}). Zet één van beide om, bijvoorbeeld met CAST(… AS INTEGER).`
  ],
  [
    /^Conversion Error: Could not convert string '(.*)' to (\w+)/m,
    (m) => `De tekst '${m[1]}' is geen ${typeName(m[2])} en kan daar niet in worden omgezet.`
  ],
  [/^Conversion Error:/m, () => "Een waarde kan niet worden omgezet naar het gevraagde soort gegevens."],
  [/^Out of Range Error:/m, () => "Een getal is te groot of te klein voor zijn soort. Reken met een groter soort, bijvoorbeeld met ::BIGINT of ::DOUBLE."],
  [/^Binder Error:/m, () => "De query noemt iets wat niet bestaat of niet bij elkaar past."],
  [/^Catalog Error:/m, () => "De query noemt een tabel, kolom of functie die er niet is."],
  [/^Invalid Input Error:/m, () => "Een functie kreeg invoer die ze niet kan lezen."]
];

/** A Dutch explanation of a DuckDB error, with the original kept. */
export function explainSqlError(error: unknown): SqlErrorText {
  const original = (error instanceof Error ? error.message : String(error)).trim();
  for (const [pattern, explain] of RULES) {
    const match = pattern.exec(original);
    if (match) return {text: explain(match, original), original};
  }
  return {text: "DuckDB kon de query niet uitvoeren.", original};
}
