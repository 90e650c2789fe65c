import { type Static, Type } from 'typebox';
import { DateString, Id, PageQuery } from '../../platform/schemas.js';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

/** Figures of the filings starting between two dates, and, given `split`, before and after it. */
export const FiguresQuery = Type.Object({
  from: DateString,
  to: DateString,
  /** The date a measure took effect: the figures are also given for before it and from it on. */
  split: Type.Optional(DateString),
});
export type FiguresQuery = Static<typeof FiguresQuery>;

const Count = Type.Integer({ minimum: 0 });

export const Figures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** Live filings (cancelled ones count for nothing). */
  total: Count,
  byUnit: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String(), count: Count })),
  byCounty: Type.Array(Type.Object({ countyCode: Type.String(), countyName: Type.String(), count: Count })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), count: Count })),
  warningsByKind: Type.Array(Type.Object({ code: Type.String(), count: Count })),
  /** Filings that went to review, and how many of them the reviewer has decided. */
  flagged: Count,
  reviewed: Count,
  /** reviewed ÷ flagged in thousandths (integer arithmetic); null when nothing was flagged. */
  reviewedPermille: Type.Union([Type.Integer(), Type.Null()]),
  /** Months in which a county had more filings than the line (the line of today's thresholds). */
  countiesAboveLine: Type.Array(
    Type.Object({
      countyCode: Type.String(),
      countyName: Type.String(),
      month: Type.String(),
      count: Count,
    }),
  ),
});
export type Figures = Static<typeof Figures>;

export const FiguresView = Type.Object({
  whole: Figures,
  before: Type.Union([Figures, Type.Null()]),
  after: Type.Union([Figures, Type.Null()]),
});
export type FiguresView = Static<typeof FiguresView>;

/** A month of visits by their start date, for the calendar. */
export const CalendarQuery = Type.Object({
  month: Month,
  countyCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  unitId: Type.Optional(Id),
});
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarView = Type.Object({
  month: Type.String(),
  days: Type.Array(Type.Object({ date: Type.String(), count: Count })),
});
export type CalendarView = Static<typeof CalendarView>;

export const OverdueQuery = Type.Object({ ...PageQuery });
