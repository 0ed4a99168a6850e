import assert from "node:assert/strict";
import { test } from "node:test";
import { StatementCachingClient } from "../../src/db/statement-cache.ts";
import { serverUrl } from "../helpers/database.ts";

// The statement cache is part of the PostgreSQL driver only; PGlite runs every statement directly.
const url = serverUrl();

async function preparedStatements(client: StatementCachingClient): Promise<string[]> {
  const result = await client.query("select statement from pg_prepared_statements order by prepare_time");
  return (result.rows as { statement: string }[]).map((row) => row.statement);
}

test("reads get a named statement, reused; writes and pattern searches do not", { skip: !url }, async () => {
  const client = new StatementCachingClient({ connectionString: url });
  await client.connect();
  try {
    await client.query("create temporary table cached (id int, name text)");
    await client.query({ text: "insert into cached values ($1, $2)", values: [1, "Ada"] });
    for (let run = 0; run < 3; run++) {
      const rows = await client.query({ text: "select name from cached where id = $1", values: [1] });
      assert.deepEqual(rows.rows, [{ name: "Ada" }]);
    }
    await client.query({ text: "select id from cached where name ilike $1", values: ["%ad%"] });
    // (This last query is plain text, not a query object: it stays unnamed too.)
    assert.deepEqual(await preparedStatements(client), ["select name from cached where id = $1"]);
  } finally {
    await client.end();
  }
});
