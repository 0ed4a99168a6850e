import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * A query yielding (as `value`) the distinct non-null values of a column with a btree index of its
 * own, found by hopping through the index from one value to the next (a "loose index scan"): a few
 * dozen index probes instead of reading every row, which a plain `select distinct` would do.
 */
export function distinctValuesQuery(column: PgColumn): SQL {
  const table = column.table;
  return sql`with recursive found(value) as (
      (select ${column} from ${table} where ${column} is not null order by ${column} limit 1)
      union all
      select (select ${column} from ${table} where ${column} > found.value order by ${column} limit 1)
      from found where found.value is not null
    )
    select value from found where value is not null`;
}
