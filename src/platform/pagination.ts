import type { SelectQueryBuilder } from 'kysely';

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Runs a filtered query as one page plus the total count. `query` carries the filters only;
 * `order` adds the ordering, which must end on a unique column so pages never overlap.
 */
export async function paginate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  request: PageRequest,
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
): Promise<Page<O>> {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 20;
  const [items, count] = await Promise.all([
    order(query)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow() as Promise<{ total: number }>,
  ]);
  return { items, total: Number(count.total), page, pageSize };
}

export const mapPage = <A, B>(page: Page<A>, items: B[]): Page<B> => ({ ...page, items });

/** Rows per page when a list is read whole (exports). */
const EXPORT_PAGE = 500;

/**
 * Every page of a list, one after the other, until one comes back short: an export reads a
 * list through its own service (same scope, filters and order) with one page in memory.
 */
export async function* allPages<T>(fetch: (request: PageRequest) => Promise<Page<T>>) {
  for (let page = 1; ; page++) {
    const { items } = await fetch({ page, pageSize: EXPORT_PAGE });
    if (items.length > 0) yield items;
    if (items.length < EXPORT_PAGE) return;
  }
}
