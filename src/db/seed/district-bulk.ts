import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../types.js';

/**
 * Bulk loading for the benchmark district: millions of rows in a few minutes. Kysely's builder
 * costs microseconds per value, which at 60 million values is most of the load, so this writes
 * plain SQL: on SQLite, prepared multi-row INSERTs run straight on better-sqlite3; on PostgreSQL,
 * one `INSERT … SELECT FROM unnest($1::text[], …)` per table and batch (one array per column,
 * so a batch of any size binds as many parameters as the table has columns).
 *
 * Rows are added as arrays of values in the order of the table's columns. `endGroup` marks a
 * point where every parent row of the rows added so far has been added too: PostgreSQL checks
 * foreign keys row by row, so its batches are sent there, tables in the order they were
 * declared, while the caller goes on generating the next group.
 */
export interface BulkTable {
  name: keyof DB & string;
  /** Column name and its PostgreSQL type (for the unnest arrays). */
  columns: (readonly [string, 'text' | 'int8' | 'int4' | 'float8'])[];
}

export interface BulkWriter {
  add(table: BulkTable, row: unknown[]): void;
  endGroup(): Promise<void>;
  /** Writes what is left and waits until everything is written. */
  finish(): Promise<void>;
}

/** SQLite's bound-parameter limit is 32,766; a few hundred rows per statement is plenty. */
const SQLITE_ROWS = 400;

export function sqliteBulkWriter(sqlite: SQLite.Database): BulkWriter {
  const buffers = new Map<BulkTable, { values: unknown[]; rows: number; statement: SQLite.Statement }>();
  const insertText = (table: BulkTable, rows: number) => {
    const tuple = `(${table.columns.map(() => '?').join(',')})`;
    return `insert into "${table.name}" (${table.columns.map(([c]) => `"${c}"`).join(',')}) values ${Array(rows).fill(tuple).join(',')}`;
  };
  const rowsPerStatement = (table: BulkTable) =>
    Math.min(SQLITE_ROWS, Math.floor(32_000 / table.columns.length));
  return {
    add(table, row) {
      let buffer = buffers.get(table);
      if (!buffer) {
        buffer = {
          values: [],
          rows: 0,
          statement: sqlite.prepare(insertText(table, rowsPerStatement(table))),
        };
        buffers.set(table, buffer);
      }
      for (const value of row) buffer.values.push(value);
      if (++buffer.rows === rowsPerStatement(table)) {
        buffer.statement.run(buffer.values);
        buffer.values = [];
        buffer.rows = 0;
      }
    },
    endGroup: async () => {},
    async finish() {
      for (const [table, buffer] of buffers)
        if (buffer.rows > 0) sqlite.prepare(insertText(table, buffer.rows)).run(buffer.values);
      buffers.clear();
    },
  };
}

export function postgresBulkWriter(db: Kysely<DB>, tables: BulkTable[]): BulkWriter {
  const columns = new Map(tables.map((t) => [t, t.columns.map((): unknown[] => [])]));
  let pending: Promise<void> = Promise.resolve();
  const insert = (table: BulkTable, arrays: unknown[][]) =>
    sql`insert into ${sql.table(table.name)} (${sql.join(table.columns.map(([c]) => sql.ref(c)))})
        select * from unnest(${sql.join(arrays.map((a, i) => sql`${a}::${sql.raw(table.columns[i]?.[1] ?? 'text')}[]`))})`.execute(
      db,
    );
  const send = async () => {
    // One group in flight: the database writes it while the caller generates the next.
    await pending;
    const batches = tables.flatMap((table) => {
      const arrays = columns.get(table) as unknown[][];
      if ((arrays[0]?.length ?? 0) === 0) return [];
      columns.set(
        table,
        table.columns.map(() => []),
      );
      return [{ table, arrays }];
    });
    pending = (async () => {
      for (const { table, arrays } of batches) await insert(table, arrays);
    })();
    // Surfaced at the next send or at finish; never an unhandled rejection in between.
    pending.catch(() => {});
  };
  return {
    add(table, row) {
      const arrays = columns.get(table);
      if (!arrays) throw new Error(`bulk writer: ${table.name} was not declared`);
      for (let i = 0; i < row.length; i++) arrays[i]?.push(row[i]);
    },
    endGroup: send,
    async finish() {
      await send();
      await pending;
    },
  };
}

/**
 * Drops the secondary indexes (and, on PostgreSQL, the foreign keys) of `tables` and answers a
 * function that puts them back exactly as they were, from the database's own definitions. Built
 * once over the loaded rows, an index costs a sort instead of a million random inserts, and a
 * foreign key one join instead of a lookup per row (PostgreSQL, "Populating a Database").
 * Primary keys and constraints' own indexes stay. Run inside the load's transaction.
 */
export async function withoutSecondaryIndexes(
  target: { sqlite: SQLite.Database } | { db: Kysely<DB> },
  tables: string[],
): Promise<() => Promise<void>> {
  if ('sqlite' in target) {
    const { sqlite } = target;
    const indexes = sqlite
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`,
      )
      .all(...tables) as { name: string; sql: string }[];
    for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
    return async () => {
      for (const index of indexes) sqlite.exec(index.sql);
    };
  }
  const { db } = target;
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(${tables})
      and not exists (select 1 from pg_constraint c
                      where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`.execute(db);
  const { rows: keys } = await sql<{ table: string; name: string; definition: string }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace
      and conrelid::regclass::text = any(${tables})`.execute(db);
  for (const key of keys)
    await sql`alter table ${sql.table(key.table)} drop constraint ${sql.ref(key.name)}`.execute(db);
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  return async () => {
    // Index builds sort in memory up to this much (per build); the default 64 MB spills to disk.
    await sql`set local maintenance_work_mem = '512MB'`.execute(db);
    for (const index of indexes) await sql.raw(index.definition).execute(db);
    for (const key of keys)
      await sql`alter table ${sql.table(key.table)} add constraint ${sql.ref(key.name)} ${sql.raw(key.definition)}`.execute(
        db,
      );
  };
}

/** What a bulk load writes, and how. */
export interface BulkLoad<C> {
  /** The tables written (the PostgreSQL writer's column lists); their indexes are rebuilt after. */
  tables: BulkTable[];
  /** Tables whose ids the load gives itself: locked meanwhile, their sequences moved past after. */
  withIds: readonly string[];
  load: (db: Kysely<DB>, writer: BulkWriter) => Promise<C>;
  onProgress?: (message: string) => void;
}

/**
 * Runs a generator's load in one transaction, as fast as each database allows: on SQLite with
 * the journal in memory, no syncs and a large cache (the settings are restored after), on
 * PostgreSQL with the tables locked; either way without the secondary indexes, rebuilt at the
 * end, and with the tables analysed after. All or nothing.
 */
export async function bulkLoad<C>(ctx: AppContext, spec: BulkLoad<C>): Promise<C> {
  const loaded = spec.tables.map((t) => t.name);
  const timed = async (what: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    spec.onProgress?.(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { sqlite } = ctx.database;
  if (sqlite) {
    // Switching out of WAL needs the only connection; if another holds the file, WAL stays (slower).
    const saved = {
      synchronous: sqlite.pragma('synchronous', { simple: true }),
      cache: sqlite.pragma('cache_size', { simple: true }),
    };
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -524288');
    let counts: C;
    try {
      sqlite.exec('begin');
      try {
        const restoreIndexes = await withoutSecondaryIndexes({ sqlite }, loaded);
        counts = await spec.load(ctx.db, sqliteBulkWriter(sqlite));
        await timed(`indexes of ${loaded.join(', ')}`, restoreIndexes);
        sqlite.exec('commit');
      } catch (error) {
        sqlite.exec('rollback');
        throw error;
      }
    } finally {
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma(`synchronous = ${saved.synchronous}`);
      sqlite.pragma(`cache_size = ${saved.cache}`);
      sqlite.pragma('journal_mode = WAL');
    }
    await timed('analyze', async () => sqlite.exec(loaded.map((t) => `analyze "${t}"`).join(';')));
    return counts;
  }
  const counts = await ctx.db.transaction().execute(async (trx) => {
    // Ids are given by the load (so that children can point at parents without reading them
    // back): nobody else may insert meanwhile, and the identity sequences are moved past them after.
    for (const table of spec.withIds)
      await sql`lock table ${sql.table(table)} in exclusive mode`.execute(trx);
    const restoreIndexes = await withoutSecondaryIndexes({ db: trx }, loaded);
    const result = await spec.load(trx, postgresBulkWriter(trx, spec.tables));
    await timed(`indexes and foreign keys of ${loaded.join(', ')}`, restoreIndexes);
    for (const table of spec.withIds)
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    return result;
  });
  await timed('analyze', () => sql`analyze ${sql.join(loaded.map((t) => sql.table(t)))}`.execute(ctx.db));
  return counts;
}
