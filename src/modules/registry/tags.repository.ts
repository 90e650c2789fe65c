import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CareTagTable } from '../../db/registry-types.js';
import type { DB } from '../../db/types.js';

export const listCatalog = (db: Kysely<DB>) =>
  db.selectFrom('care_tags').selectAll().orderBy('sort_order').orderBy('id').execute();

export const findTag = (db: Kysely<DB>, id: number) =>
  db.selectFrom('care_tags').selectAll().where('id', '=', id).executeTakeFirst();

export const insertTag = (db: Kysely<DB>, row: Insertable<CareTagTable>) =>
  db.insertInto('care_tags').values(row).returningAll().executeTakeFirstOrThrow();

export const updateTag = (db: Kysely<DB>, id: number, changes: Updateable<CareTagTable>) =>
  db.updateTable('care_tags').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** A resident's tag history, newest first: current and ended alike. */
export const tagsOfResident = (db: Kysely<DB>, residentId: number) =>
  db
    .selectFrom('resident_tags')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('started_on', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const findResidentTag = (db: Kysely<DB>, residentId: number, id: number) =>
  db
    .selectFrom('resident_tags')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertResidentTag = (
  db: Kysely<DB>,
  row: {
    region_code: string;
    resident_id: number;
    tag_id: number;
    started_on: string;
    reason: string | null;
    tagged_by: number | null;
    tagged_by_name: string;
    created_at: string;
  },
) => db.insertInto('resident_tags').values(row).returningAll().executeTakeFirstOrThrow();

export const endResidentTag = (
  db: Kysely<DB>,
  id: number,
  end: { ended_on: string; end_reason: string | null; ended_by_name: string },
) => db.updateTable('resident_tags').set(end).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
