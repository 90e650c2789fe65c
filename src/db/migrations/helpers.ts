import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

/**
 * The few places where SQLite and PostgreSQL need different DDL. Migrations use these and
 * nothing dialect-specific of their own, so one migration set serves both.
 */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds an auto-increment 64-bit primary key `id`. */
export function withId<T extends CreateTableBuilder<string, never>>(db: Kysely<unknown>, table: T): T {
  return (
    isPostgres(db)
      ? table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  ) as T;
}

/**
 * A column searched by prefix (region codes for scope, names and pinyin keys for search).
 * Byte-wise collation on PostgreSQL lets `LIKE 'prefix%'` use a plain btree index; SQLite gets
 * the same from `case_sensitive_like`.
 */
export function prefixSearchable(db: Kysely<unknown>) {
  return (c: ColumnDefinitionBuilder) => (isPostgres(db) ? c.modifyEnd(sql`collate "C"`) : c);
}
