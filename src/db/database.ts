import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { checkpointInBackground } from './sqlite-checkpoints.js';
import type { DB } from './types.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The PostgreSQL schema the connections use, when not the default. */
  schema?: string;
  /** The SQLite file, for online backups; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; our counts and ids fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL, otherwise the path of an SQLite file (or `:memory:`). */
  url: string;
  /** PostgreSQL schema to use (tests run each file in a schema of its own). */
  schema?: string;
  poolSize?: number;
  /**
   * SQLite file: checkpoint the write-ahead log from a worker thread rather than inside a
   * commit (sqlite-checkpoints.ts). For long-running servers; short-lived tools and tests keep
   * SQLite's own.
   */
  backgroundCheckpoints?: boolean;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openDatabase(options: DatabaseOptions): Database {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      ...(options.schema ? { schema: options.schema } : {}),
      close: () => db.destroy(),
    };
  }
  if (options.url !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.url)), { recursive: true });
  const sqlite = new SQLite(options.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Makes `region_code LIKE '6201%'` use the index, as scope filters do on every query.
  sqlite.pragma('case_sensitive_like = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const stopCheckpoints =
    options.backgroundCheckpoints && options.url !== ':memory:'
      ? checkpointInBackground(sqlite, options.url)
      : undefined;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    close: async () => {
      await stopCheckpoints?.();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every statement anew, which was a tenth of the server's CPU on SQLite. The same
 * few hundred SQL texts recur (values are bound parameters), so prepared statements are kept.
 * Reuse is safe: the dialect runs one query at a time on its single connection.
 */
function withStatementCache(sqlite: SQLite.Database, max = 1000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}
