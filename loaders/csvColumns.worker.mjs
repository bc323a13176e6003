// Worker of csvColumns.ts: DuckDB (@duckdb/node-api) reads plain CSV files into dictionary codes.
// Plain JavaScript, so that it starts in any host (tsx, vitest, Framework's loaders) without a
// TypeScript loader. It holds no rule about the data: it numbers the distinct texts of each column
// and returns, per row, the number of each cell's text. Every check of a value happens in
// TypeScript, on those distinct texts.
//
// Request and reply: csvColumns.ts (CsvColumnsRequest, CsvColumns); texts come joined by "\n" and
// the reply is posted on workerData.port before workerData.signal is raised.

import {workerData} from "node:worker_threads";

const {port, signal, request} = workerData;
const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const name = (column) => `"${column.replaceAll('"', '""')}"`;

async function read({files, dictionaries, uniqueColumns}) {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {threads: "2"});
  const db = await instance.connect();
  try {
    const all = async (sql) => (await db.runAndReadAll(sql)).getRowsJS();
    const rows = [];
    for (const [k, file] of files.entries()) {
      const columns = file.columns.map((c) => `${quote(c)}: 'VARCHAR'`).join(", ");
      // Without quotes or escapes and strict: a row with another number of cells is an error, not a guess.
      await db.run(
        `CREATE TABLE f${k} AS SELECT * FROM read_csv(${quote(file.path)}, delim = ${quote(file.delimiter)}, header = true, ` +
          `quote = '', escape = '', strict_mode = true, auto_detect = false, columns = {${columns}})`
      );
      rows.push(Number((await all(`SELECT count(*) FROM f${k}`))[0][0]));
    }
    const texts = [];
    const cell = (k, column) => `coalesce(f${k}.${name(column)}, '')`;
    for (const [d, members] of dictionaries.entries()) {
      const union = members.map(([k, column]) => `SELECT ${cell(k, column)} AS v FROM f${k}`).join(" UNION ");
      await db.run(`CREATE TABLE d${d} AS SELECT v, (row_number() OVER () - 1)::INTEGER AS code FROM (SELECT DISTINCT v FROM (${union}))`);
      const [[joined]] = await all(`SELECT string_agg(v, chr(10) ORDER BY code) FROM d${d}`);
      texts.push(joined ?? "");
    }
    // Each file's codes in one query: one sort back into the file's order for all its columns
    // (a sort per column took twice as long; an ENUM cast instead of the join, 8 s for 7 000 schools).
    const codes = [];
    for (const k of files.keys()) {
      const numbered = dictionaries.flatMap((members, d) => members.filter(([file]) => file === k).map(([, column]) => ({d, column})));
      const joins = numbered.map(({d, column}, j) => `JOIN d${d} j${j} ON j${j}.v = ${cell(k, column)}`).join(" ");
      const result = await db.stream(`SELECT ${numbered.map((_, j) => `j${j}.code`).join(", ")} FROM f${k} ${joins} ORDER BY f${k}.rowid`);
      const columns = numbered.map(() => new Int32Array(rows[k]));
      let at = 0;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        columns.forEach((into, j) => into.set(chunk.getColumnVector(j).items.subarray(0, chunk.rowCount), at));
        at += chunk.rowCount;
      }
      codes.push(Object.fromEntries(numbered.map(({column}, j) => [column, columns[j]])));
    }
    // A column expected to hold a different text in every row (an id): its texts in the file's
    // order, and how many distinct ones there are.
    const unique = [];
    for (const [k, column] of uniqueColumns) {
      const [[joined, distinct]] = await all(`SELECT string_agg(${cell(k, column)}, chr(10) ORDER BY rowid), count(DISTINCT ${cell(k, column)}) FROM f${k}`);
      unique.push({texts: joined ?? "", distinct: Number(distinct)});
    }
    return {rows, dictionaries: texts, codes, unique};
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

let reply;
try {
  reply = await read(request);
} catch (error) {
  reply = {error: String(error?.message ?? error).split("\n")[0]};
}
// The waiting thread wakes only on the signal, so it is raised whatever happens to the reply.
try {
  port.postMessage(reply, reply.codes ? reply.codes.flatMap((byColumn) => Object.values(byColumn).map((c) => c.buffer)) : []);
} catch (error) {
  port.postMessage({error: `the reply could not be sent: ${error?.message ?? error}`});
} finally {
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
