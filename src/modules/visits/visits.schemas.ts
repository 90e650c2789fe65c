import { type Static, Type } from 'typebox';
import { DateString, Id, PageQuery, pageOf, RegionCode, StringEnum, Text } from '../../platform/schemas.js';
import { VISIT_MODES } from '../registry/registry.vocabulary.js';

export const VisitSchema = Type.Object(
  {
    id: Type.Integer(),
    residentId: Type.Integer(),
    residentName: Type.String(),
    regionCode: Type.String(),
    visitorName: Type.String(),
    visitedAt: Type.String(),
    mode: StringEnum(VISIT_MODES),
    findings: Type.Union([Type.String(), Type.Null()]),
    needs: Type.Union([Type.String(), Type.Null()]),
    followUp: Type.Union([Type.String(), Type.Null()]),
    majorChange: Type.Boolean(),
    createdAt: Type.String(),
  },
  { $id: 'Visit' },
);
export type VisitView = Static<typeof VisitSchema>;

const Note = (max: number) => Type.Optional(Type.Union([Text(max), Type.Null()]));

export const RecordVisitBody = Type.Object(
  {
    visitedAt: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
    mode: StringEnum(VISIT_MODES),
    findings: Note(1000),
    needs: Note(1000),
    followUp: Note(1000),
    majorChange: Type.Optional(
      Type.Boolean({ description: 'a fall, a hospital stay, a death in the family' }),
    ),
  },
  { additionalProperties: false },
);
export type RecordVisitBody = Static<typeof RecordVisitBody>;

export const RecordVisitResponse = Type.Object({ visit: Type.Ref('Visit'), resident: Type.Ref('Resident') });

export const ResidentVisitsQuery = Type.Object({ ...PageQuery });

export const VisitListQuery = Type.Object({
  overdue: Type.Optional(
    Type.Boolean({ description: 'list the residents whose visit is overdue instead of visits' }),
  ),
  due: Type.Optional(
    StringEnum(['today', 'week'] as const, {
      description:
        'list the residents whose visit is due by the end of today / of the next 7 days, overdue first',
    }),
  ),
  regionCode: Type.Optional(RegionCode),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  residentId: Type.Optional(Id),
  mine: Type.Optional(Type.Boolean({ description: 'only visits I recorded' })),
  ...PageQuery,
});
export type VisitListQuery = Static<typeof VisitListQuery>;

export const VisitPage = pageOf(Type.Ref('Visit'));
export const DueResidentPage = pageOf(Type.Ref('Resident'));

export const SummaryQuery = Type.Object({ regionCode: Type.Optional(RegionCode) });
export const VisitSummary = Type.Object({
  caredFor: Type.Integer(),
  overdue: Type.Integer(),
  dueToday: Type.Integer(),
  dueThisWeek: Type.Integer(),
  visitsThisMonth: Type.Integer(),
});
