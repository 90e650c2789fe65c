import { Migrator } from 'kysely';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import { seedCareTags } from './seed/care-tags.js';

/**
 * Brings the schema up to date and adds the reference data every installation needs (the care
 * tag catalog); returns the names of the migrations it applied.
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its own tables in any schema on the search path; name ours, so that a
    // database holding several schemas (tests run one per file) migrates each on its own.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await seedCareTags(database.db, new Date().toISOString());
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
