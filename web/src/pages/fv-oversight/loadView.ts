import { addMonths, isMonth, thisMonth } from './months';

export type LoadSpan = 6 | 12;

/** What the load table shows, from its URL (so a view can be bookmarked and sent on). */
export interface LoadView {
  /** Desktop: the first month shown, and how many. */
  start: string;
  span: LoadSpan;
  /** Phone: the one month shown. */
  month: string;
  /** A prefecture's 4-digit code, or all of them. */
  prefecture: string | undefined;
}

export type LoadViewPatch = Partial<Record<keyof LoadView, string | number | undefined>>;

/** The current month with two before it and three after (visits are filed ahead), or 5 and 6. */
export const defaultStart = (span: LoadSpan) => addMonths(thisMonth(), span === 12 ? -5 : -2);

/** Reads the view from the URL, dropping anything unreadable. */
export function readLoadView(params: URLSearchParams): LoadView {
  const span: LoadSpan = params.get('span') === '12' ? 12 : 6;
  const start = params.get('start');
  const month = params.get('month');
  const prefecture = params.get('prefecture') ?? '';
  return {
    span,
    start: isMonth(start) ? start : defaultStart(span),
    month: isMonth(month) ? month : thisMonth(),
    prefecture: /^\d{4}$/.test(prefecture) ? prefecture : undefined,
  };
}
