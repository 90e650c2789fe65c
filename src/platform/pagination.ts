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
