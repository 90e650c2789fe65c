import type { Kysely } from 'kysely';
import { prefixSearchable, withId } from './helpers.js';

/**
 * 调研报备: research visits of provincial units and prefectures to counties, filed before they
 * happen (DOMAIN.md, Yunnan 2024).
 *
 * A filing's rules count filings per unit and county, and per county and month, over years of
 * history (a million filings at a province's scale). Those counts read `field_visit_counties`:
 * one row per filing and county (a filing with two stops in one county counts once there), with
 * the filing's unit and start date copied in and `live` set to 0 when the filing is cancelled,
 * so that every count is an index range. The stops themselves (county and site, in order) are
 * kept on the filing as it was filed.
 *
 * The thresholds are versioned: the reviewer's changes apply to filings made afterwards, and a
 * filing keeps the version it was judged by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const prefix = prefixSearchable(db);

  await withId(db, db.schema.createTable('fv_units'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // 'provincial' (a provincial unit) or 'prefecture' (a 州/市, whose region it names).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('fv_departments'))
    .addColumn('unit_id', 'bigint', (c) => c.notNull().references('fv_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fv_departments_name', ['unit_id', 'name'])
    .execute();

  // The unit (and department) a reporter files for.
  await db.schema
    .createTable('fv_reporters')
    .addColumn('user_id', 'bigint', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('unit_id', 'bigint', (c) => c.notNull().references('fv_units.id'))
    .addColumn('department_id', 'bigint', (c) => c.references('fv_departments.id'))
    .execute();

  await withId(db, db.schema.createTable('fv_thresholds'))
    .addColumn('unit_county_window_days', 'integer', (c) => c.notNull())
    .addColumn('unit_county_window_count', 'integer', (c) => c.notNull())
    .addColumn('unit_county_year_count', 'integer', (c) => c.notNull())
    .addColumn('headcount_max', 'integer', (c) => c.notNull())
    .addColumn('county_month_max', 'integer', (c) => c.notNull())
    // Days after a visit's end by which its result is due.
    .addColumn('result_due_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('field_visits'))
    .addColumn('unit_id', 'bigint', (c) => c.notNull().references('fv_units.id'))
    .addColumn('department_id', 'bigint', (c) => c.references('fv_departments.id'))
    .addColumn('leader_name', 'text')
    .addColumn('leader_level', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // JSON: [{countyCode, site}] in the order filed.
    .addColumn('stops', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    // JSON: the members' names and posts.
    .addColumn('members', 'text', (c) => c.notNull().defaultTo('[]'))
    // What is asked of the locality (kept minimal: no ceremony, no reports to prepare).
    .addColumn('asks', 'text')
    .addColumn('explanation', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('urgent_reason', 'text')
    // filed | pending_review | approved | rejected | join_suggested | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('thresholds_id', 'bigint', (c) => c.notNull().references('fv_thresholds.id'))
    // JSON: the warnings it was judged with.
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('filed_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('filed_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('review_decision', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('join_visit_id', 'bigint', (c) => c.references('field_visits.id'))
    .addColumn('result_findings', 'text')
    .addColumn('result_solved', 'text')
    .addColumn('result_at', 'text')
    .execute();
  await db.schema
    .createIndex('field_visits_unit')
    .on('field_visits')
    .columns(['unit_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('field_visits_status')
    .on('field_visits')
    .columns(['status', 'start_date'])
    .execute();

  await db.schema
    .createTable('field_visit_counties')
    .addColumn('visit_id', 'bigint', (c) => c.notNull().references('field_visits.id'))
    .addColumn('county_code', 'text', (c) => prefix(c.notNull().references('regions.code')))
    .addColumn('unit_id', 'bigint', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_visit_counties_pk', ['visit_id', 'county_code'])
    .execute();
  for (const [name, columns] of [
    // A county's month (COUNTY_MONTH_LOAD, the visits coming to a county).
    ['fvc_county', ['county_code', 'start_date', 'live']],
    // A unit's visits to a county (UNIT_COUNTY_2W, UNIT_COUNTY_YEAR).
    ['fvc_unit', ['unit_id', 'county_code', 'start_date', 'live']],
    // Every county's month at once (the load table).
    ['fvc_month', ['start_date', 'county_code', 'live']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('field_visit_counties')
      .columns([...columns])
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are never rolled back; write a new one instead.');
}
