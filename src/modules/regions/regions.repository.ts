import { type Kysely, sql } from 'kysely';
import type { DB, RegionRow } from '../../db/types.js';
import { pathCodes } from './regions.levels.js';

export type RegionWithCount = RegionRow & { child_count: number };

/**
 * The regions an account of `scope` may see: those under its scope, and those on the path down
 * to it (so that a grid worker sees its own street and community, not their other grids).
 */
function visibleTo(alias: 'r' | 'c', scope: string) {
  const code = sql.ref(`${alias}.code`);
  return sql<boolean>`(${code} like ${`${scope}%`} or ${code} in (${sql.join(pathCodes(scope))}))`;
}

/** Regions with the number of their children the scope may see: counts reveal nothing beyond it. */
const withChildCount = (db: Kysely<DB>, scope: string) =>
  db
    .selectFrom('regions as r')
    .selectAll('r')
    .select((eb) => {
      let children = eb
        .selectFrom('regions as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_code', '=', 'r.code');
      if (scope !== '') children = children.where(visibleTo('c', scope));
      return children.as('child_count');
    });

const normalise = (rows: (RegionRow & { child_count: number | null })[]): RegionWithCount[] =>
  rows.map((r) => ({ ...r, child_count: Number(r.child_count ?? 0) }));

export async function findRegion(
  db: Kysely<DB>,
  code: string,
  scope: string,
): Promise<RegionWithCount | undefined> {
  const rows = await withChildCount(db, scope).where('r.code', '=', code).execute();
  return normalise(rows)[0];
}

export async function regionExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
}

export async function findRegions(db: Kysely<DB>, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('regions').selectAll().where('code', 'in', codes).orderBy('code').execute();
}

/** Children of `parent` that an account of `scope` may see. */
export async function childrenInScope(db: Kysely<DB>, parent: string | null, scope: string) {
  let query = withChildCount(db, scope).orderBy('r.code');
  query =
    parent === null ? query.where('r.parent_code', 'is', null) : query.where('r.parent_code', '=', parent);
  if (scope !== '') {
    query = query.where((eb) =>
      eb.or([eb('r.code', 'like', `${scope}%`), eb('r.code', 'in', pathCodes(scope))]),
    );
  }
  return normalise(await query.execute());
}

export async function searchInScope(db: Kysely<DB>, scope: string, text: string, limit: number) {
  const pattern = `%${text.replace(/[%_\\]/g, '')}%`;
  const rows = await withChildCount(db, scope)
    .where('r.code', 'like', `${scope}%`)
    .where((eb) => eb.or([eb('r.name', 'like', pattern), eb('r.code', 'like', pattern)]))
    .orderBy('r.code')
    .limit(limit)
    .execute();
  return normalise(rows);
}

export async function lastChildCode(db: Kysely<DB>, parent: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', parent)
    .orderBy('code', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.code;
}

export async function siblingNamed(db: Kysely<DB>, parent: string, name: string, exceptCode?: string) {
  let query = db
    .selectFrom('regions')
    .select('code')
    .where('parent_code', '=', parent)
    .where('name', '=', name);
  if (exceptCode) query = query.where('code', '!=', exceptCode);
  return query.executeTakeFirst();
}

export async function insertRegion(db: Kysely<DB>, region: RegionRow): Promise<void> {
  await db.insertInto('regions').values(region).execute();
}

export async function renameRegion(db: Kysely<DB>, code: string, name: string, at: string): Promise<void> {
  await db.updateTable('regions').set({ name, updated_at: at }).where('code', '=', code).execute();
}

/** Inserts regions that are not there yet, keeping existing names (used by the division loader). */
export async function insertMissingRegions(db: Kysely<DB>, regions: RegionRow[]): Promise<void> {
  for (let i = 0; i < regions.length; i += 500) {
    await db
      .insertInto('regions')
      .values(regions.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}
