import { type Static, Type } from 'typebox';
import { Id, StringEnum, Text } from '../../platform/schemas.js';

/** 联合调研: a unit asks to join another unit's visit; the host unit accepts or declines. */
export const JoinRequestBody = Type.Object({
  /** Who would come and why; shown to the host unit. */
  message: Text(500),
  departmentId: Type.Optional(Id),
});
export type JoinRequestBody = Static<typeof JoinRequestBody>;

export const JOIN_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;

export const JoinRequestView = Type.Object({
  id: Type.Integer(),
  visitId: Type.Integer(),
  visitTopic: Type.String(),
  visitUnitName: Type.String(),
  visitStartDate: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
  status: StringEnum(JOIN_STATUSES),
  requestedByName: Type.String(),
  createdAt: Type.String(),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
});
export type JoinRequestView = Static<typeof JoinRequestView>;

export const JoinDecisionBody = Type.Object({
  decision: StringEnum(['accept', 'decline'] as const),
  comment: Type.Optional(Text(500)),
});
export type JoinDecisionBody = Static<typeof JoinDecisionBody>;

/** A unit's join requests: those it made, and those made to its visits. */
export const JoinRequestList = Type.Object({
  incoming: Type.Array(JoinRequestView),
  outgoing: Type.Array(JoinRequestView),
});

/** 冲突提示: a county tells the reviewer and the unit that a visit clashes with something local. */
export const ClashBody = Type.Object({
  countyCode: Type.String({ pattern: '^\\d{6}$' }),
  /** A local event, a flood, an inspection already that week … */
  reason: Text(500),
});
export type ClashBody = Static<typeof ClashBody>;

export const ClashView = Type.Object({
  id: Type.Integer(),
  countyCode: Type.String(),
  countyName: Type.String(),
  reason: Type.String(),
  flaggedByName: Type.String(),
  createdAt: Type.String(),
});
export type ClashView = Static<typeof ClashView>;

/** 调研成果: what the visit found and what it solved for the locality. */
export const ResultBody = Type.Object({
  findings: Text(2000),
  solved: Type.Optional(Text(2000)),
});
export type ResultBody = Static<typeof ResultBody>;

export const ResultView = Type.Object({
  findings: Type.String(),
  solved: Type.Union([Type.String(), Type.Null()]),
  filedAt: Type.String(),
});
