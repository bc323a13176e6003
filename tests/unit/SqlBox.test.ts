// @vitest-environment jsdom
// The SQL box in a DOM: an answer as a table, an error in Dutch with DuckDB's message folded away.
import {expect, test, vi} from "vitest";
import {SqlBox} from "../../src/components/SqlBox.js";

async function runQuery(run: (sql: string) => Promise<Record<string, unknown>[]>): Promise<HTMLElement> {
  const box = SqlBox(run, {examples: [{label: "Voorbeeld", sql: "SELECT 1"}]});
  (box.querySelector("button.sql-run") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(box.querySelector(".sql-status")?.textContent).not.toBe("Bezig…"));
  return box;
}

test("an error reads in Dutch; the original message is in a closed <details>", async () => {
  const message = 'Catalog Error: Table with name scholen does not exist!\nDid you mean "eenheden"?';
  const box = await runQuery(async () => {
    throw new Error(message);
  });
  expect(box.querySelector(".sql-status")?.textContent).toBe(
    "De query gaf een fout. Er is geen tabel “scholen”. Bedoelt u “eenheden”? De tabellen heten jeugdhulp, leerlingen en eenheden."
  );
  const details = box.querySelector("details.sql-error-original") as HTMLDetailsElement;
  expect(details.open).toBe(false);
  expect(details.querySelector("pre")?.textContent).toBe(message);
});

test("a new answer replaces the error", async () => {
  let fail = true;
  const box = await runQuery(async () => {
    if (fail) throw new Error("Parser Error: syntax error at end of input");
    return [{n: 22}];
  });
  expect(box.querySelector(".sql-error-original")).not.toBeNull();
  fail = false;
  (box.querySelector("button.sql-run") as HTMLButtonElement).click();
  await vi.waitFor(() => expect(box.querySelector(".sql-status")?.textContent).toMatch(/^1 rij in /));
  expect(box.querySelector(".sql-error-original")).toBeNull();
  expect(box.querySelector(".sql-output tbody th")?.textContent).toBe("22");
});
