import type { CreateTableBuilder, Kysely } from 'kysely';
import { prefixSearchable, withId } from './helpers.js';

/**
 * The grid registry (民情地图): places, households, residents, care tags, visits, and the map's
 * outlines; plus in-app notifications and the once-a-day job ledger the visit reminders use.
 *
 * Every registry row carries the `region_code` of its grid (or, for an estate, of the grid or
 * community it lies in), so scope stays one indexed prefix test. Rows are soft-deleted
 * (`deleted_at`) so that a mistaken delete can be undone and history keeps its subject.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const prefix = prefixSearchable(db);
  const table = (name: string) =>
    withId(db, db.schema.createTable(name) as CreateTableBuilder<string, never>).addColumn(
      'region_code',
      'text',
      (c) => prefix(c.notNull().references('regions.code')),
    );
  const stamps = <T extends CreateTableBuilder<string, never>>(t: T) =>
    t
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text');

  await stamps(
    table('estates')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text'),
  ).execute();
  await db.schema.createIndex('estates_region').on('estates').columns(['region_code', 'name']).execute();

  await stamps(
    table('buildings')
      .addColumn('estate_id', 'bigint', (c) => c.references('estates.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('floors', 'integer')
      .addColumn('units', 'integer')
      .addColumn('elevators', 'integer')
      .addColumn('address', 'text')
      // WGS-84 degrees; the web app converts for GCJ-02 tile sources.
      .addColumn('lat', 'double precision')
      .addColumn('lng', 'double precision'),
  ).execute();
  await db.schema.createIndex('buildings_region').on('buildings').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('buildings_estate').on('buildings').columns(['estate_id', 'number']).execute();

  await stamps(
    table('houses')
      .addColumn('building_id', 'bigint', (c) => c.notNull().references('buildings.id'))
      .addColumn('unit', 'text')
      .addColumn('floor', 'integer')
      .addColumn('room', 'text', (c) => c.notNull())
      // Hundredths of a square metre (DESIGN.md: areas are integers).
      .addColumn('area', 'integer')
      .addColumn('use', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('houses_building')
    .on('houses')
    .columns(['building_id', 'unit', 'room'])
    .execute();
  await db.schema.createIndex('houses_region').on('houses').columns(['region_code', 'id']).execute();

  await stamps(
    table('organisations')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => prefix(c.notNull()))
      .addColumn('credit_code', 'text')
      .addColumn('category', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone_enc', 'text')
      .addColumn('address', 'text')
      .addColumn('building_id', 'bigint', (c) => c.references('buildings.id'))
      .addColumn('lat', 'double precision')
      .addColumn('lng', 'double precision'),
  ).execute();
  await db.schema
    .createIndex('organisations_region')
    .on('organisations')
    .columns(['region_code', 'kind', 'id'])
    .execute();
  await db.schema
    .createIndex('organisations_credit_code')
    .on('organisations')
    .column('credit_code')
    .execute();

  await stamps(
    table('households')
      .addColumn('house_id', 'bigint', (c) => c.references('houses.id'))
      .addColumn('number', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('households_region').on('households').columns(['region_code', 'id']).execute();
  await db.schema.createIndex('households_house').on('households').column('house_id').execute();

  await stamps(
    table('residents')
      .addColumn('household_id', 'bigint', (c) => c.references('households.id'))
      .addColumn('house_id', 'bigint', (c) => c.references('houses.id'))
      .addColumn('relation', 'text')
      .addColumn('name', 'text', (c) => prefix(c.notNull()))
      .addColumn('name_pinyin', 'text', (c) => prefix(c.notNull()))
      .addColumn('name_initials', 'text', (c) => prefix(c.notNull()))
      // Encrypted (AES-256-GCM) with a keyed hash to find the exact number; the last four
      // digits of the phone, which every masked display shows anyway, for tail search.
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_index', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('phone_index', 'text')
      .addColumn('phone_tail', 'text')
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('hukou', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('political', 'text')
      .addColumn('work', 'text')
      .addColumn('move_in_date', 'text')
      .addColumn('move_out_date', 'text')
      .addColumn('note', 'text')
      // Kept by the visit rules: the strictest active tag interval, the last visit, and when
      // the next one is due (an instant, so a major change can make it due within 24 hours).
      .addColumn('visit_interval_days', 'integer')
      .addColumn('last_visit_at', 'text')
      .addColumn('visit_due_at', 'text'),
  ).execute();
  // One person is one record across the platform, deleted or not (a delete can be undone).
  await db.schema
    .createIndex('residents_id_number')
    .on('residents')
    .column('id_number_index')
    .unique()
    .execute();
  for (const [name, columns] of [
    ['residents_region', ['region_code', 'id']],
    ['residents_name', ['name', 'region_code']],
    ['residents_pinyin', ['name_pinyin', 'region_code']],
    ['residents_initials', ['name_initials', 'region_code']],
    ['residents_phone', ['phone_index']],
    ['residents_phone_tail', ['phone_tail', 'region_code']],
    ['residents_household', ['household_id']],
    ['residents_house', ['house_id']],
    ['residents_due', ['region_code', 'visit_due_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('residents')
      .columns([...columns])
      .execute();
  }

  await withId(db, db.schema.createTable('resident_moves'))
    .addColumn('resident_id', 'bigint', (c) => c.notNull().references('residents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_region', 'text', (c) => prefix(c.notNull()))
    .addColumn('to_region', 'text', (c) => prefix(c))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_moves_resident')
    .on('resident_moves')
    .columns(['resident_id', 'at'])
    .execute();

  await withId(db, db.schema.createTable('care_tags'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('visit_interval_days', 'integer', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of the roles that may see a sensitive tag and who carries it.
    .addColumn('granted_roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await table('resident_tags')
    .addColumn('resident_id', 'bigint', (c) => c.notNull().references('residents.id'))
    .addColumn('tag_id', 'bigint', (c) => c.notNull().references('care_tags.id'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('tagged_by', 'bigint')
    .addColumn('tagged_by_name', 'text', (c) => c.notNull())
    .addColumn('ended_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_tags_resident')
    .on('resident_tags')
    .columns(['resident_id', 'tag_id'])
    .execute();
  await db.schema
    .createIndex('resident_tags_tag')
    .on('resident_tags')
    .columns(['tag_id', 'region_code', 'resident_id'])
    .execute();

  await table('visits')
    .addColumn('resident_id', 'bigint', (c) => c.notNull().references('residents.id'))
    .addColumn('visitor_id', 'bigint')
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('needs', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('major_change', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visits_resident')
    .on('visits')
    .columns(['resident_id', 'visited_at'])
    .execute();
  await db.schema.createIndex('visits_region').on('visits').columns(['region_code', 'visited_at']).execute();

  // Outlines drawn by grid workers (GeoJSON geometry, WGS-84), one per region.
  await db.schema
    .createTable('region_shapes')
    .addColumn('region_code', 'text', (c) => prefix(c.primaryKey().references('regions.code')))
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON parameters of the message, rendered in the reader's language.
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  // A daily job runs once per day however many servers share the database: the row is the lock.
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'run_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are never rolled back; write a new one instead.');
}
