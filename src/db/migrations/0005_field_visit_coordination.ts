import { type Kysely, sql } from 'kysely';
import { addDays } from '../../platform/clock.js';
import { withId } from './helpers.js';

/**
 * 调研报备, after the filing: other units asking to join a visit (联合调研), counties flagging a
 * clash with something local (a flood, an event), and the result each visit owes by a due date.
 *
 * The due date is stored on the filing (its end date plus the result days of the thresholds
 * it was judged by), so that "overdue" is one index range instead of date arithmetic per row
 * in two SQL dialects.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('fv_join_requests'))
    .addColumn('visit_id', 'bigint', (c) => c.notNull().references('field_visits.id'))
    .addColumn('unit_id', 'bigint', (c) => c.notNull().references('fv_units.id'))
    .addColumn('department_id', 'bigint', (c) => c.references('fv_departments.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    // pending | accepted | declined | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('fv_join_visit').on('fv_join_requests').columns(['visit_id']).execute();
  await db.schema.createIndex('fv_join_unit').on('fv_join_requests').columns(['unit_id']).execute();

  await withId(db, db.schema.createTable('fv_clashes'))
    .addColumn('visit_id', 'bigint', (c) => c.notNull().references('field_visits.id'))
    .addColumn('county_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('flagged_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('flagged_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fv_clash_visit').on('fv_clashes').columns(['visit_id']).execute();

  await db.schema.alterTable('field_visits').addColumn('result_due_date', 'text').execute();
  // Filings made before this migration: their end date plus their thresholds' result days.
  const rows = await sql<{ id: number; end_date: string; days: number }>`
    select v.id, v.end_date, t.result_due_days as days
    from field_visits v join fv_thresholds t on t.id = v.thresholds_id`.execute(db);
  for (const row of rows.rows)
    await sql`update field_visits set result_due_date = ${addDays(row.end_date, Number(row.days))}
      where id = ${row.id}`.execute(db);
  // The overdue list: no result yet, due before today.
  await db.schema
    .createIndex('field_visits_result_due')
    .on('field_visits')
    .columns(['result_at', 'result_due_date'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are never rolled back; write a new one instead.');
}
