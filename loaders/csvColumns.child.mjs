// Child process of csvColumns.ts: DuckDB (@duckdb/node-api) reads plain CSV files into dictionary
// codes. A process of its own, so that DuckDB's memory goes back to the system when it ends (in a
// worker thread the allocator kept about 250 MB of it in the build's process); plain JavaScript, so
// that node starts it without a TypeScript loader. It holds no rule about the data: it numbers the
// distinct texts of each column and returns, per row, the number of each cell's text. Every check
// of a value happens in TypeScript, on those distinct texts.
//
// The request (csvColumns.ts CsvColumnsRequest, with the reply's file as `output`) comes as JSON on
// stdin. The reply goes to that file: four bytes with the length of a JSON header (rows, the
// lengths of the texts, the code columns), the header, the texts (each dictionary's and each unique
// column's, joined by "\n"), padding to a multiple of four bytes, and every code column as 32-bit
// integers.

import {closeSync, openSync, readFileSync, writeSync} from "node:fs";
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

const request = JSON.parse(readFileSync(0, "utf8"));
// A file rather than stdout: a pipe of 130 MB cost the waiting process 2,5 s.
const out = openSync(request.output, "w");
function write(buffer) {
  for (let at = 0; at < buffer.length; ) at += writeSync(out, buffer, at);
}

let reply;
try {
  reply = await read(request);
} catch (error) {
  reply = {error: String(error?.message ?? error).split("\n")[0]};
}
// The texts as bytes after the header (the files are ASCII: plainFile), not inside its JSON:
// parsing 28 MB of JSON strings cost the waiting process about a second.
const texts = reply.error ? [] : [...reply.dictionaries, ...reply.unique.map((u) => u.texts)].map((text) => Buffer.from(text, "latin1"));
const arrays = reply.codes ? reply.codes.flatMap((byColumn, k) => Object.entries(byColumn).map(([column, codes]) => ({k, column, codes}))) : [];
const header = Buffer.from(
  JSON.stringify(
    reply.error
      ? reply
      : {
          rows: reply.rows,
          dictionaries: reply.dictionaries.length,
          distinct: reply.unique.map((u) => u.distinct),
          texts: texts.map((t) => t.length),
          codes: arrays.map(({k, column, codes}) => ({file: k, column, length: codes.length}))
        }
  ),
  "utf8"
);
const length = Buffer.alloc(4);
length.writeUInt32LE(header.length);
write(length);
write(header);
for (const text of texts) write(text);
// The codes start on a multiple of four bytes, so the reader can view them without a copy.
const written = 4 + header.length + texts.reduce((sum, t) => sum + t.length, 0);
write(Buffer.alloc((4 - (written % 4)) % 4));
for (const {codes} of arrays) write(Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
closeSync(out);
