// DuckDB's errors in Dutch. The messages below are DuckDB's own (1.x, as the SQL box receives them).
import {describe, expect, test} from "vitest";
import {explainSqlError, typeName} from "../../src/lib/sqlErrors.js";

const dutch = (message: string) => explainSqlError(new Error(message)).text;

describe("explainSqlError", () => {
  test("a syntax error names where it goes wrong", () => {
    expect(dutch('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^')).toBe(
      "De SQL klopt niet bij “SELEC”. Kijk daar naar de spelling van de SQL-woorden, naar komma's en naar haakjes."
    );
    expect(dutch('Parser Error: unterminated quoted string at or near "\'abc"\n\nLINE 1: SELECT \'abc')).toBe(
      "Een tekst tussen enkele aanhalingstekens is niet afgesloten: 'abc"
    );
    expect(dutch("Parser Error: syntax error at end of input")).toBe("De query houdt te vroeg op. Ontbreekt er een stuk, bijvoorbeeld na WHERE, of een sluithaakje?");
  });

  test("an unknown table or function comes with DuckDB's suggestion", () => {
    expect(dutch('Catalog Error: Table with name leerlingen_per_leerling does not exist!\nDid you mean "leerlingen"?\n\nLINE 1: SELECT * FROM leerlingen_per_leerling')).toBe(
      "Er is geen tabel “leerlingen_per_leerling”. Bedoelt u “leerlingen”? De tabellen heten jeugdhulp, leerlingen en eenheden."
    );
    expect(dutch('Catalog Error: Scalar Function with name lowr does not exist!\nDid you mean "lower"?')).toBe("Er is geen functie “lowr”. Bedoelt u “lower”?");
  });

  test("an unknown column lists the candidates", () => {
    expect(dutch('Binder Error: Referenced column "naaam" not found in FROM clause!\nCandidate bindings: "naam", "niveau"\n\nLINE 1: SELECT naaam FROM eenheden')).toBe(
      "Er is geen kolom “naaam” in de tabellen van deze query. Bedoelt u “naam” of “niveau”?"
    );
    expect(dutch('Binder Error: Table "e" does not have a column named "foo"\n\nCandidate bindings: : "code"\n\nLINE 1: SELECT e.foo FROM eenheden e')).toBe(
      "Tabel “e” heeft geen kolom “foo”. Bedoelt u “code”?"
    );
    expect(dutch('Binder Error: Ambiguous reference to column name "jaar" (use: "l.jaar" or "k.jaar")')).toBe(
      "Kolom “jaar” staat in meer dan één tabel van de query. Schrijf erbij welke u bedoelt: “l.jaar” of “k.jaar”."
    );
  });

  test("GROUP BY and types", () => {
    expect(dutch('Binder Error: column "jaar" must appear in the GROUP BY clause or must be part of an aggregate function.\nEither add it to the GROUP BY list, or use "ANY_VALUE(jaar)" if the exact value of "jaar" is not important.')).toBe(
      "Kolom “jaar” staat niet in GROUP BY en wordt ook niet samengevat (met bijvoorbeeld count of sum). Zet hem in GROUP BY, of schrijf GROUP BY ALL."
    );
    expect(dutch("Conversion Error: Could not convert string 'abc' to INT32\n\nLINE 1: SELECT 'abc'::INTEGER")).toBe(
      "De tekst 'abc' is geen geheel getal en kan daar niet in worden omgezet."
    );
    expect(dutch("Binder Error: No function matches the given name and argument types 'sum(VARCHAR)'. You might need to add explicit type casts.\n\tCandidate functions:\n\tsum(DECIMAL) -> DECIMAL")).toBe(
      "De functie sum werkt niet met tekst. Zet de waarde eerst om, bijvoorbeeld met CAST(kolom AS INTEGER)."
    );
    expect(dutch('Binder Error: Could not choose a best candidate function for the function call "+(INTEGER, STRING_LITERAL)". In order to select one, please add explicit type casts.')).toBe(
      "Bij “+” passen de soorten gegevens niet bij elkaar (geheel getal en tekst). Zet één van beide om, bijvoorbeeld met CAST(… AS INTEGER)."
    );
    expect(dutch("Out of Range Error: Overflow in addition of INT32 (2147483647 + 1)!")).toBe(
      "Een getal is te groot of te klein voor zijn soort. Reken met een groter soort, bijvoorbeeld met ::BIGINT of ::DOUBLE."
    );
    expect(typeName("DOUBLE")).toBe("getal");
    expect(typeName("DATE")).toBe("datum");
  });

  test("anything else gets a general sentence; the original message is always kept", () => {
    const unknown = explainSqlError(new Error("IO Error: something unexpected"));
    expect(unknown).toEqual({text: "DuckDB kon de query niet uitvoeren.", original: "IO Error: something unexpected"});
    expect(explainSqlError("Binder Error: Referenced column \"x\" not found in FROM clause!").original).toBe('Binder Error: Referenced column "x" not found in FROM clause!');
  });
});
