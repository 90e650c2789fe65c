import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the registry's lists at district scale (a million residents; docs/benchmarks.md).
 *
 * Every resident list filters on `deleted_at IS NULL` (or `IS NOT NULL` for the bin), which the
 * indexes of 0002 do not hold: counting the matches of a name search, or the residents of a
 * community for its overview, read each matching row from the table just to test it. With
 * `deleted_at` as the last column those counts are answered from the index alone. The name,
 * pinyin and initials indexes and the due index are rebuilt with it.
 *
 * The overdue list of a wide scope (a street, the district) filtered the scope's residents by
 * due date: a million rows for the district, about a second. An index by due date that holds only
 * the living records with a due date (the cared-for, about one in ten) finds the overdue directly,
 * already in the list's order.
 *
 * The overview counts a region's cared-for by tag from the active tags under the region; the
 * only index with `region_code` had `tag_id` first, which SQLite skip-scans but PostgreSQL (before
 * 18) cannot use at all: it read all the district's tags. An index of the active tags by region
 * comes first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, columns] of [
    ['residents_name', ['name', 'region_code', 'deleted_at']],
    ['residents_pinyin', ['name_pinyin', 'region_code', 'deleted_at']],
    ['residents_initials', ['name_initials', 'region_code', 'deleted_at']],
    ['residents_due', ['region_code', 'visit_due_at', 'deleted_at']],
  ] as const) {
    await db.schema.dropIndex(name).execute();
    await db.schema
      .createIndex(name)
      .on('residents')
      .columns([...columns])
      .execute();
  }
  await db.schema
    .createIndex('residents_overdue')
    .on('residents')
    .columns(['visit_due_at', 'region_code'])
    .where(sql.ref('visit_due_at'), 'is not', null)
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('resident_tags_region')
    .on('resident_tags')
    .columns(['region_code', 'tag_id', 'resident_id'])
    .where(sql.ref('ended_on'), 'is', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are never rolled back; write a new one instead.');
}
