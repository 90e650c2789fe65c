import dayjs, { type Dayjs } from 'dayjs';
import type { FieldVisit, FieldVisitChange, NewFieldVisit } from '../../api/fieldvisits';

/** The filing form as antd holds it: dates as Dayjs, empty rows allowed while typing. */
export interface VisitFormValues {
  unitId?: number;
  departmentId?: number | null;
  leaderName?: string;
  leaderLevel?: string;
  topic?: string;
  purpose?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  stops?: { countyCode?: string; site?: string }[];
  headcount?: number | null;
  members?: { name?: string; post?: string }[];
  asks?: string;
  explanation?: string;
  urgent?: boolean;
  urgentReason?: string;
}

/** Top-level fields the server may blame (`details[].path` `/topic`, `/stops/0/countyCode` …). */
export const FIELDS = [
  'unitId',
  'departmentId',
  'leaderName',
  'leaderLevel',
  'topic',
  'purpose',
  'startDate',
  'endDate',
  'stops',
  'headcount',
  'members',
  'asks',
  'explanation',
  'urgent',
  'urgentReason',
] as const;

const text = (value: string | undefined) => value?.trim() || undefined;
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '');

export function initialValues(visit: FieldVisit | undefined, unitId?: number): VisitFormValues {
  if (!visit) return { unitId, stops: [{}], members: [], headcount: null };
  return {
    unitId: visit.unitId,
    departmentId: visit.departmentId,
    leaderName: visit.leaderName ?? undefined,
    leaderLevel: visit.leaderLevel ?? undefined,
    topic: visit.topic,
    purpose: visit.purpose ?? undefined,
    startDate: dayjs(visit.startDate),
    endDate: dayjs(visit.endDate),
    stops: visit.stops.map((stop) => ({ countyCode: stop.countyCode, site: stop.site ?? undefined })),
    headcount: visit.headcount,
    members: visit.members.map((m) => ({ name: m.name, post: m.post ?? undefined })),
    asks: visit.asks ?? undefined,
    explanation: visit.explanation ?? undefined,
  };
}

const stopsOf = (values: VisitFormValues) =>
  (values.stops ?? [])
    .filter((stop) => stop.countyCode)
    .map((stop) => ({
      countyCode: stop.countyCode as string,
      ...(text(stop.site) ? { site: text(stop.site) } : {}),
    }));

const membersOf = (values: VisitFormValues) =>
  (values.members ?? [])
    .filter((member) => text(member.name))
    .map((member) => ({
      name: text(member.name) as string,
      ...(text(member.post) ? { post: text(member.post) } : {}),
    }));

/** The counties chosen so far, each once, in the order of the stops. */
export const chosenCounties = (values: Pick<VisitFormValues, 'stops'>) => [
  ...new Set((values.stops ?? []).flatMap((stop) => (stop?.countyCode ? [stop.countyCode] : []))),
];

export function toNewVisit(values: VisitFormValues): NewFieldVisit {
  const members = membersOf(values);
  return {
    unitId: values.unitId as number,
    ...(values.departmentId ? { departmentId: values.departmentId } : {}),
    ...(text(values.leaderName) ? { leaderName: text(values.leaderName) } : {}),
    ...(text(values.leaderLevel) ? { leaderLevel: text(values.leaderLevel) } : {}),
    topic: text(values.topic) ?? '',
    ...(text(values.purpose) ? { purpose: text(values.purpose) } : {}),
    startDate: day(values.startDate),
    endDate: day(values.endDate),
    stops: stopsOf(values),
    headcount: values.headcount ?? 0,
    ...(members.length > 0 ? { members } : {}),
    ...(text(values.asks) ? { asks: text(values.asks) } : {}),
    ...(text(values.explanation) ? { explanation: text(values.explanation) } : {}),
    ...(values.urgent ? { urgent: true, urgentReason: text(values.urgentReason) } : {}),
  };
}

/**
 * The PATCH of an edit: only what changed, an emptied optional field as null (the server keeps
 * what is absent).
 */
export function toChange(before: VisitFormValues, after: VisitFormValues): FieldVisitChange {
  const change: FieldVisitChange = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const optional = (key: 'leaderName' | 'leaderLevel' | 'purpose' | 'asks' | 'explanation') => {
    const next = text(after[key]);
    if (next !== text(before[key])) change[key] = next ?? null;
  };
  if ((after.departmentId ?? null) !== (before.departmentId ?? null))
    change.departmentId = after.departmentId ?? null;
  optional('leaderName');
  optional('leaderLevel');
  const topic = text(after.topic);
  if (topic && topic !== text(before.topic)) change.topic = topic;
  optional('purpose');
  if (day(after.startDate) !== day(before.startDate)) change.startDate = day(after.startDate);
  if (day(after.endDate) !== day(before.endDate)) change.endDate = day(after.endDate);
  if (!same(stopsOf(after), stopsOf(before))) change.stops = stopsOf(after);
  if (after.headcount && after.headcount !== before.headcount) change.headcount = after.headcount;
  if (!same(membersOf(after), membersOf(before))) change.members = membersOf(after);
  optional('asks');
  optional('explanation');
  return change;
}
