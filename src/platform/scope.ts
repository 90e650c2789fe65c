import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';

/**
 * Scope is a region code prefix: an account sees what lies under its node. The empty scope is
 * the whole country (a national administrator).
 */
export const inScope = (scope: string, regionCode: string) => regionCode.startsWith(scope);

/** True when `code` lies on the path from the root down to `scope` (an ancestor or the node). */
export const isOnPathTo = (scope: string, code: string) => scope.startsWith(code);

/**
 * Restricts a query to rows whose region column lies under the scope. Every scoped query goes
 * through here, so the rule lives in one place; `LIKE 'prefix%'` uses the column's index.
 */
export function whereInScope<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: string,
  scope: string,
): SelectQueryBuilder<DB, TB, O> {
  if (scope === '') return query;
  return query.where((eb: ExpressionBuilder<DB, TB>) => eb(sql.ref(column), 'like', `${scope}%`));
}

/**
 * The narrower of the caller's scope and a region the caller asks to filter by, or null when the
 * two do not overlap (nothing to show). Filtering by one prefix instead of two lets SQLite use
 * the index for the narrower one.
 */
export function narrowScope(scope: string, requested: string | undefined): string | null {
  if (requested === undefined || requested === '') return scope;
  if (requested.startsWith(scope)) return requested;
  if (scope.startsWith(requested)) return scope;
  return null;
}
