import { type Static, Type } from 'typebox';
import { DateString, Id, PageQuery, pageOf, RegionCode, StringEnum, Text } from '../../platform/schemas.js';
import {
  GENDERS,
  HUKOU,
  POLITICAL,
  RELATIONS,
  RESIDENT_STATUS,
  RISK_LEVELS,
  TAG_CATEGORIES,
} from './registry.vocabulary.js';

const GridCode = Type.String({ pattern: '^\\d{15}$', description: 'the grid (15 digits)' });
/** Checked by the service (GB 11643, mobile rules) so that the error names the problem. */
const IdNumberInput = Type.String({ minLength: 1, maxLength: 30 });
const PhoneInput = Type.String({ maxLength: 30 });
const OptionalText = (max: number) => Type.Optional(Type.Union([Text(max), Type.Null()]));
const OptionalDate = Type.Optional(Type.Union([DateString, Type.Null()]));
const OptionalId = Type.Optional(Type.Union([Id, Type.Null()]));

export const TagSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: StringEnum(TAG_CATEGORIES),
  riskLevel: StringEnum(RISK_LEVELS),
});

export const ResidentSchema = Type.Object(
  {
    id: Type.Integer(),
    regionCode: Type.String(),
    regionName: Type.String(),
    householdId: Type.Union([Type.Integer(), Type.Null()]),
    houseId: Type.Union([Type.Integer(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    relation: Type.Union([StringEnum(RELATIONS), Type.Null()]),
    name: Type.String(),
    idNumber: Type.String({ description: 'masked: 620105********1234' }),
    phone: Type.Union([Type.String({ description: 'masked: 138****5678' }), Type.Null()]),
    birthDate: Type.String(),
    age: Type.Integer(),
    gender: StringEnum(GENDERS),
    hukou: StringEnum(HUKOU),
    status: StringEnum(RESIDENT_STATUS),
    political: Type.Union([StringEnum(POLITICAL), Type.Null()]),
    work: Type.Union([Type.String(), Type.Null()]),
    moveInDate: Type.Union([Type.String(), Type.Null()]),
    moveOutDate: Type.Union([Type.String(), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
    tags: Type.Array(TagSummary),
    visitIntervalDays: Type.Union([Type.Integer(), Type.Null()]),
    lastVisitAt: Type.Union([Type.String(), Type.Null()]),
    visitDueAt: Type.Union([Type.String(), Type.Null()]),
    overdue: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    deletedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Resident' },
);
export type ResidentView = Static<typeof ResidentSchema>;

export const ResidentParams = Type.Object({ id: Id });

export const ResidentListQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'a name, pinyin or initials, an exact ID number, a phone number or its last 4 digits',
    }),
  ),
  regionCode: Type.Optional(RegionCode),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  hukou: Type.Optional(StringEnum(HUKOU)),
  status: Type.Optional(StringEnum(RESIDENT_STATUS)),
  gender: Type.Optional(StringEnum(GENDERS)),
  ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  estateId: Type.Optional(Id),
  buildingId: Type.Optional(Id),
  houseId: Type.Optional(Id),
  householdId: Type.Optional(Id),
  overdue: Type.Optional(Type.Boolean()),
  deleted: Type.Optional(Type.Boolean({ description: 'list deleted records (to restore one)' })),
  ...PageQuery,
});
export type ResidentListQuery = Static<typeof ResidentListQuery>;

export const ResidentPage = pageOf(Type.Ref('Resident'));

const residentFields = {
  name: Text(40),
  idNumber: IdNumberInput,
  phone: Type.Optional(Type.Union([PhoneInput, Type.Null()])),
  regionCode: GridCode,
  hukou: StringEnum(HUKOU),
  status: Type.Optional(StringEnum(RESIDENT_STATUS)),
  relation: Type.Optional(Type.Union([StringEnum(RELATIONS), Type.Null()])),
  political: Type.Optional(Type.Union([StringEnum(POLITICAL), Type.Null()])),
  work: OptionalText(100),
  moveInDate: OptionalDate,
  moveOutDate: OptionalDate,
  note: OptionalText(500),
  householdId: OptionalId,
  houseId: OptionalId,
  /** Optional: when given, they must agree with the ID number. */
  birthDate: Type.Optional(DateString),
  gender: Type.Optional(StringEnum(GENDERS)),
};

export const CreateResidentBody = Type.Object(residentFields, { additionalProperties: false });
export type CreateResidentBody = Static<typeof CreateResidentBody>;

export const UpdateResidentBody = Type.Partial(Type.Object(residentFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateResidentBody = Static<typeof UpdateResidentBody>;

export const RevealBody = Type.Object(
  { field: StringEnum(['idNumber', 'phone'] as const) },
  { additionalProperties: false },
);
export const RevealResponse = Type.Object({
  field: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
});

export const MoveOutBody = Type.Object(
  { date: DateString, destination: OptionalText(100), note: OptionalText(500) },
  { additionalProperties: false },
);
export type MoveOutBody = Static<typeof MoveOutBody>;

export const MoveInBody = Type.Object(
  {
    idNumber: IdNumberInput,
    regionCode: GridCode,
    date: DateString,
    householdId: OptionalId,
    houseId: OptionalId,
    hukou: Type.Optional(StringEnum(HUKOU)),
    note: OptionalText(500),
  },
  { additionalProperties: false },
);
export type MoveInBody = Static<typeof MoveInBody>;

export const HistoryEntry = Type.Object({
  at: Type.String(),
  actorName: Type.String(),
  action: Type.String(),
  changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
});
export const HistoryResponse = Type.Object({ items: Type.Array(HistoryEntry) });

const Figures = {
  residents: Type.Integer(),
  households: Type.Integer(),
  caredFor: Type.Integer(),
  overdue: Type.Integer(),
};
export const OverviewQuery = Type.Object({ regionCode: Type.Optional(RegionCode) });
export const OverviewResponse = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  ...Figures,
  buildings: Type.Integer(),
  visitsThisMonth: Type.Integer(),
  byTag: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      riskLevel: Type.String(),
      count: Type.Integer(),
    }),
  ),
  children: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Figures })),
});
