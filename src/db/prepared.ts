import type { Db } from "./client.ts";

/**
 * A query built once per database and then only executed: Drizzle no longer rebuilds its SQL on
 * each call (a large share of a request's CPU), and on PostgreSQL the statement is named, so each
 * connection parses it once and may keep its plan. For the queries every request runs and the
 * busiest pages' queries; `sql.placeholder` marks the values given at execution.
 */
export function preparedQuery<T>(build: (db: Db) => T): (db: Db) => T {
  const byDatabase = new WeakMap<Db, T>();
  return (db) => {
    let query = byDatabase.get(db);
    if (!query) {
      query = build(db);
      byDatabase.set(db, query);
    }
    return query;
  };
}
