import { buildUrl } from '../../api/client';

/** The filing side's list, filtered (its filters stand in its URL); empty values are left out. */
export interface VisitListFilters {
  from?: string;
  to?: string;
  countyCode?: string;
  unitId?: number | string;
  month?: string;
  status?: string;
}

/**
 * In the list's own URL words (`county`, `unit`), on its "all filings" view: a reviewer's list
 * opens on the review queue otherwise, where most of a county's month is not.
 */
export function visitListLink({ countyCode, unitId, ...rest }: VisitListFilters): string {
  return buildUrl('/field-visits', { view: 'all', ...rest, county: countyCode, unit: unitId });
}

export function visitLink(id: number): string {
  return `/field-visits/${id}`;
}
