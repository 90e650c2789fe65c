import { type Kysely, sql } from 'kysely';
import type { OrganisationRow } from '../../db/registry-types.js';
import type { DB } from '../../db/types.js';
import { type PageRequest, paginate } from '../../platform/pagination.js';
import { narrowScope, whereInScope } from '../../platform/scope.js';

export type OrganisationListRow = OrganisationRow & { region_name: string };

function organisations(db: Kysely<DB>, scope: string) {
  return whereInScope(
    db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.code', 'o.region_code')
      .selectAll('o')
      .select('r.name as region_name')
      .where('o.deleted_at', 'is', null),
    'o.region_code',
    scope,
  );
}

export interface OrganisationFilter extends PageRequest {
  regionCode?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
}

export function listOrganisations(db: Kysely<DB>, callerScope: string, filter: OrganisationFilter) {
  const scope = narrowScope(callerScope, filter.regionCode);
  let query = organisations(db, scope ?? callerScope);
  if (scope === null) query = query.where(sql<boolean>`1 = 0`);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  const q = filter.q?.trim();
  if (q) {
    const pattern = `${q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([eb('o.name', 'like', pattern), eb('o.credit_code', '=', q.toUpperCase())]),
    );
  }
  return paginate(query, filter, (qb) => qb.orderBy('o.region_code').orderBy('o.name').orderBy('o.id'));
}

export const findOrganisation = (
  db: Kysely<DB>,
  scope: string,
  id: number,
): Promise<OrganisationListRow | undefined> =>
  organisations(db, scope).where('o.id', '=', id).executeTakeFirst();

/** A live organisation holding the credit code, anywhere: the code names one legal entity. */
export function findByCreditCode(db: Kysely<DB>, creditCode: string, exceptId?: number) {
  let query = db
    .selectFrom('organisations')
    .select('id')
    .where('credit_code', '=', creditCode)
    .where('deleted_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export const insertOrganisation = (db: Kysely<DB>, row: Omit<OrganisationRow, 'id'>) =>
  db.insertInto('organisations').values(row).returning('id').executeTakeFirstOrThrow();

export const updateOrganisation = (
  db: Kysely<DB>,
  id: number,
  changes: Partial<Omit<OrganisationRow, 'id' | 'created_at'>>,
) => db.updateTable('organisations').set(changes).where('id', '=', id).execute();
