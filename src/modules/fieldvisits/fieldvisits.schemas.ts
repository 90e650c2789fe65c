import { type Static, Type } from 'typebox';
import { DateString, Id, PageQuery, pageOf, StringEnum, Text } from '../../platform/schemas.js';
import { ClashView, JoinRequestView, ResultView } from './coordination.schemas.js';

export const VISIT_STATUSES = [
  'filed',
  'pending_review',
  'approved',
  'rejected',
  'join_suggested',
  'cancelled',
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

const CountyCode = Type.String({ pattern: '^\\d{6}$', description: 'a county-level division code' });

export const VisitStop = Type.Object({
  countyCode: CountyCode,
  /** A village, school or company within the county. */
  site: Type.Optional(Text(60)),
});

export const VisitMember = Type.Object({ name: Text(40), post: Type.Optional(Text(60)) });

export const FileVisitBody = Type.Object({
  unitId: Id,
  departmentId: Type.Optional(Id),
  leaderName: Type.Optional(Text(40)),
  leaderLevel: Type.Optional(Text(40)),
  topic: Text(100),
  purpose: Type.Optional(Text(500)),
  startDate: DateString,
  endDate: DateString,
  stops: Type.Array(VisitStop, { minItems: 1, maxItems: 20 }),
  headcount: Type.Integer({ minimum: 1, maximum: 500 }),
  members: Type.Optional(Type.Array(VisitMember, { maxItems: 500 })),
  /** What is asked of the locality: kept minimal (no welcome ceremony, no reports to prepare). */
  asks: Type.Optional(Text(500)),
  /** 情况说明: required once a county's month is over the line. */
  explanation: Type.Optional(Text(1000)),
  urgent: Type.Optional(Type.Boolean()),
  urgentReason: Type.Optional(Text(500)),
});
export type FileVisitBody = Static<typeof FileVisitBody>;

/** A change to a filing: absent keeps a value, null clears an optional one. */
export const ReviseVisitBody = Type.Object({
  departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
  leaderName: Type.Optional(Type.Union([Text(40), Type.Null()])),
  leaderLevel: Type.Optional(Type.Union([Text(40), Type.Null()])),
  topic: Type.Optional(Text(100)),
  purpose: Type.Optional(Type.Union([Text(500), Type.Null()])),
  startDate: Type.Optional(DateString),
  endDate: Type.Optional(DateString),
  stops: Type.Optional(Type.Array(VisitStop, { minItems: 1, maxItems: 20 })),
  headcount: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  members: Type.Optional(Type.Array(VisitMember, { maxItems: 500 })),
  asks: Type.Optional(Type.Union([Text(500), Type.Null()])),
  explanation: Type.Optional(Type.Union([Text(1000), Type.Null()])),
});
export type ReviseVisitBody = Static<typeof ReviseVisitBody>;

export const WARNING_CODES = [
  'UNIT_COUNTY_2W',
  'UNIT_COUNTY_YEAR',
  'HEADCOUNT',
  'COUNTY_MONTH_LOAD',
  'URGENT',
] as const;

export const VisitWarning = Type.Object({
  code: StringEnum(WARNING_CODES),
  level: StringEnum(['warning', 'yellow'] as const),
  message: Type.String(),
  countyCode: Type.Union([Type.String(), Type.Null()]),
});
export type VisitWarning = Static<typeof VisitWarning>;

export const FiledVisit = Type.Object({
  id: Type.Integer(),
  status: StringEnum(VISIT_STATUSES),
  warnings: Type.Array(VisitWarning),
});
export type FiledVisit = Static<typeof FiledVisit>;

export const CreateUnitBody = Type.Object({
  name: Text(60),
  kind: StringEnum(['provincial', 'prefecture'] as const),
  /** A prefecture's own region (4 digits). */
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
  departments: Type.Optional(Type.Array(Text(60), { maxItems: 100 })),
});
export type CreateUnitBody = Static<typeof CreateUnitBody>;

/** A reporter account and the unit (and department) it files for; admin assigns it. */
export const ReporterView = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Type.Integer(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
});
export type ReporterView = Static<typeof ReporterView>;

export const AssignReporterBody = Type.Object({ unitId: Id, departmentId: Type.Optional(Id) });
export type AssignReporterBody = Static<typeof AssignReporterBody>;

export const UnitView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: StringEnum(['provincial', 'prefecture'] as const),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  departments: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
});
export type UnitView = Static<typeof UnitView>;

/** Another unit's visit in brief: what a unit may know of it (to join it). */
export const VisitSummary = Type.Object({
  id: Type.Integer(),
  unitName: Type.String(),
  topic: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  headcount: Type.Integer(),
});

export const VisitView = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  departmentId: Type.Union([Type.Integer(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  leaderName: Type.Union([Type.String(), Type.Null()]),
  leaderLevel: Type.Union([Type.String(), Type.Null()]),
  topic: Type.String(),
  purpose: Type.Union([Type.String(), Type.Null()]),
  startDate: Type.String(),
  endDate: Type.String(),
  stops: Type.Array(
    Type.Object({
      countyCode: Type.String(),
      countyName: Type.String(),
      site: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  headcount: Type.Integer(),
  members: Type.Array(VisitMember),
  asks: Type.Union([Type.String(), Type.Null()]),
  explanation: Type.Union([Type.String(), Type.Null()]),
  urgent: Type.Boolean(),
  urgentReason: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(VISIT_STATUSES),
  warnings: Type.Array(VisitWarning),
  filedByName: Type.String(),
  createdAt: Type.String(),
  cancelledAt: Type.Union([Type.String(), Type.Null()]),
  review: Type.Union([
    Type.Object({
      decision: StringEnum(['approve', 'reject', 'suggest_join'] as const),
      comment: Type.Union([Type.String(), Type.Null()]),
      reviewedByName: Type.String(),
      reviewedAt: Type.String(),
      joinVisitId: Type.Union([Type.Integer(), Type.Null()]),
      /** The visit suggested to join, as the unit may see it (it cannot open another unit's). */
      joinVisit: Type.Union([VisitSummary, Type.Null()]),
    }),
    Type.Null(),
  ]),
  /** Other units' requests to join this visit (联合调研). */
  joinRequests: Type.Array(JoinRequestView),
  /** Counties' clash flags on this visit. */
  clashes: Type.Array(ClashView),
  result: Type.Union([ResultView, Type.Null()]),
  /** The last day for the result: the end date plus the result days of the filing's thresholds. */
  resultDueDate: Type.String(),
  /** The visit is over, its due date has passed and no result was filed. */
  resultOverdue: Type.Boolean(),
});
export type VisitView = Static<typeof VisitView>;

export const VisitPage = pageOf(VisitView);

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

export const VisitListQuery = Type.Object({
  countyCode: Type.Optional(CountyCode),
  unitId: Type.Optional(Id),
  month: Type.Optional(Month),
  /** Start dates from … to (inclusive), e.g. one day of the calendar. */
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  status: Type.Optional(StringEnum(VISIT_STATUSES)),
  ...PageQuery,
});
export type VisitListQuery = Static<typeof VisitListQuery>;

export const ReviewBody = Type.Object({
  decision: StringEnum(['approve', 'reject', 'suggest_join'] as const),
  comment: Type.Optional(Text(500)),
  /** With suggest_join: the other unit's visit to join (联合调研). */
  joinVisitId: Type.Optional(Id),
});
export type ReviewBody = Static<typeof ReviewBody>;

export const LoadQuery = Type.Object({ month: Month });
export const CountyLoad = Type.Object({
  countyCode: Type.String(),
  countyName: Type.String(),
  count: Type.Integer(),
  level: StringEnum(['green', 'yellow'] as const),
});
export const LoadTable = Type.Object({
  month: Type.String(),
  max: Type.Integer(),
  items: Type.Array(CountyLoad),
});
export type LoadTable = Static<typeof LoadTable>;

/** The rules' figures, as the reviewer sets them; each change is a new version. */
export const ThresholdsBody = Type.Object({
  unitCountyWindowDays: Type.Integer({ minimum: 1, maximum: 92 }),
  unitCountyWindowCount: Type.Integer({ minimum: 2, maximum: 100 }),
  unitCountyYearCount: Type.Integer({ minimum: 2, maximum: 366 }),
  headcountMax: Type.Integer({ minimum: 1, maximum: 500 }),
  countyMonthMax: Type.Integer({ minimum: 1, maximum: 1000 }),
  resultDueDays: Type.Integer({ minimum: 1, maximum: 90 }),
});
export type ThresholdsBody = Static<typeof ThresholdsBody>;

export const ThresholdsView = Type.Object({
  ...ThresholdsBody.properties,
  version: Type.Integer(),
  createdAt: Type.String(),
  createdByName: Type.String(),
});
export type ThresholdsView = Static<typeof ThresholdsView>;

export const NearbyQuery = Type.Object({
  countyCode: CountyCode,
  startDate: DateString,
  /** The topic being filed: visits on related topics come first. */
  topic: Type.Optional(Type.String({ maxLength: 100 })),
});
export type NearbyQuery = Static<typeof NearbyQuery>;

export const NearbyVisit = Type.Object({
  ...VisitSummary.properties,
  /** Shares words with the topic being filed. */
  related: Type.Boolean(),
});
export const NearbyVisits = Type.Object({ items: Type.Array(NearbyVisit) });
export type NearbyVisits = Static<typeof NearbyVisits>;
