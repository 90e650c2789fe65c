/**
 * A statement binds at most 32,766 values on SQLite and 65,535 on PostgreSQL: a list of rows
 * that grows with the district (a reminder per grid worker, an audit record per imported row)
 * is inserted in slices of this many rows. Call it inside the change's transaction.
 */
export const ROWS_PER_INSERT = 500;

export async function insertInSlices<T>(rows: readonly T[], insert: (slice: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await insert(rows.slice(start, start + ROWS_PER_INSERT));
}
