/**
 * Where the overview leads: the residents list, filtered through its URL (residents/listQuery.ts
 * reads `grid` — any region code inside the working region — and `overdue=1`).
 */
export function residentsLink(options: { region?: string; overdue?: boolean; tag?: string }): string {
  const params = new URLSearchParams();
  if (options.region) params.set('grid', options.region);
  if (options.tag) params.set('tag', options.tag);
  if (options.overdue) params.set('overdue', '1');
  const search = params.toString();
  return search ? `/residents?${search}` : '/residents';
}

/** The list for one child region: its overdue residents when it has any, else all its residents. */
export function childLink(child: { code: string; overdue: number }): string {
  return residentsLink({ region: child.code, overdue: child.overdue > 0 });
}
