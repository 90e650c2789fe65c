import { type Static, Type } from 'typebox';
import { ROLES, type Role } from '../../platform/roles.js';
import { DateString, Id, StringEnum, Text } from '../../platform/schemas.js';
import { RISK_LEVELS, TAG_CATEGORIES } from './registry.vocabulary.js';

const tagFields = {
  name: Text(20),
  category: StringEnum(TAG_CATEGORIES),
  riskLevel: StringEnum(RISK_LEVELS),
  visitIntervalDays: Type.Integer({ minimum: 1, maximum: 366 }),
  sensitive: Type.Boolean(),
  grantedRoles: Type.Optional(Type.Array(StringEnum<Role>(ROLES), { uniqueItems: true })),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
};

export const TagSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  category: StringEnum(TAG_CATEGORIES),
  riskLevel: StringEnum(RISK_LEVELS),
  visitIntervalDays: Type.Integer(),
  sensitive: Type.Boolean(),
  active: Type.Boolean(),
  grantedRoles: Type.Optional(Type.Array(Type.String())),
});
export const TagList = Type.Object({ items: Type.Array(TagSchema) });

export const CreateTagBody = Type.Object(
  { code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), ...tagFields },
  { additionalProperties: false },
);
export type CreateTagBody = Static<typeof CreateTagBody>;

export const UpdateTagBody = Type.Partial(Type.Object({ ...tagFields, active: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateTagBody = Static<typeof UpdateTagBody>;

export const TagParams = Type.Object({ id: Id });

export const ResidentTagBody = Type.Object(
  {
    tag: Type.String({ minLength: 1, maxLength: 40, description: 'the tag code' }),
    startedOn: Type.Optional(DateString),
    reason: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type ResidentTagBody = Static<typeof ResidentTagBody>;

export const EndTagBody = Type.Object(
  { endedOn: Type.Optional(DateString), reason: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export type EndTagBody = Static<typeof EndTagBody>;

export const ResidentTagParams = Type.Object({ id: Id, assignmentId: Id });

export const ResidentTagSchema = Type.Object({
  id: Type.Integer(),
  tag: Type.Object({
    code: Type.String(),
    name: Type.String(),
    category: Type.String(),
    riskLevel: Type.String(),
  }),
  startedOn: Type.String(),
  endedOn: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  taggedByName: Type.String(),
  endedByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export const ResidentTagList = Type.Object({ items: Type.Array(ResidentTagSchema) });
