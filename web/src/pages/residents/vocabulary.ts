import type { Gender, Hukou, Political, Relation, ResidentStatus, RiskLevel } from '../../api/residents';
import type { VisitMode } from '../../api/visits';
import type { MessageKey, Translate } from '../../i18n';

/**
 * The registry's fixed vocabularies (server: registry.vocabulary.ts) and their message keys.
 * A `Record` over each code type: a code the server adds fails the type check until it has a name.
 */
export const GENDER_KEYS: Record<Gender, MessageKey> = {
  male: 'registry.gender.male',
  female: 'registry.gender.female',
};

export const HUKOU_KEYS: Record<Hukou, MessageKey> = {
  local: 'registry.hukou.local',
  nonlocal: 'registry.hukou.nonlocal',
};

export const STATUS_KEYS: Record<ResidentStatus, MessageKey> = {
  resident: 'registry.status.resident',
  temporary: 'registry.status.temporary',
  registered_only: 'registry.status.registered_only',
  left: 'registry.status.left',
  deceased: 'registry.status.deceased',
};

export const RELATION_KEYS: Record<Relation, MessageKey> = {
  self: 'registry.relation.self',
  spouse: 'registry.relation.spouse',
  child: 'registry.relation.child',
  parent: 'registry.relation.parent',
  grandchild: 'registry.relation.grandchild',
  grandparent: 'registry.relation.grandparent',
  sibling: 'registry.relation.sibling',
  child_in_law: 'registry.relation.child_in_law',
  other: 'registry.relation.other',
};

export const POLITICAL_KEYS: Record<Political, MessageKey> = {
  party_member: 'registry.political.party_member',
  probationary: 'registry.political.probationary',
  league_member: 'registry.political.league_member',
  democratic_party: 'registry.political.democratic_party',
  masses: 'registry.political.masses',
};

export const RISK_KEYS: Record<RiskLevel, MessageKey> = {
  high: 'registry.risk.high',
  key: 'registry.risk.key',
  general: 'registry.risk.general',
};

export const VISIT_MODE_KEYS: Record<VisitMode, MessageKey> = {
  home: 'visits.mode.home',
  phone: 'visits.mode.phone',
  video: 'visits.mode.video',
  third_party: 'visits.mode.third_party',
  paired: 'visits.mode.paired',
};

/** antd Tag colours by risk: 高风险 red, 重点 orange, 一般 blue. */
export const RISK_COLORS: Record<RiskLevel, string> = { high: 'red', key: 'orange', general: 'blue' };

/** `{ value, label }` options for a Select or Radio group, in the vocabulary's order. */
export function optionsOf<C extends string>(t: Translate, keys: Record<C, MessageKey>) {
  return (Object.keys(keys) as C[]).map((value) => ({ value, label: t(keys[value]) }));
}

/** The name of a code, or the code itself when it is not (yet) known to the web app. */
export function labelOf(
  t: Translate,
  keys: Record<string, MessageKey>,
  code: string | null | undefined,
): string {
  if (code === null || code === undefined || code === '') return '';
  const key = keys[code];
  return key ? t(key) : code;
}
