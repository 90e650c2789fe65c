import type { JoinRequest, ReviewDecision, VisitStatus, WarningCode } from '../../api/fieldvisits';
import type { MessageKey } from '../../i18n';

/**
 * The module's fixed vocabularies (server: fieldvisits.schemas.ts) with their names and colours.
 * A `Record` over each code type: a code the server adds fails the type check until it has a name.
 */
export const STATUS_KEYS: Record<VisitStatus, MessageKey> = {
  filed: 'fv.status.filed',
  pending_review: 'fv.status.pending_review',
  approved: 'fv.status.approved',
  rejected: 'fv.status.rejected',
  join_suggested: 'fv.status.join_suggested',
  cancelled: 'fv.status.cancelled',
};

/** antd Tag colours: waiting orange, refused red, fine green or blue, gone grey. */
export const STATUS_COLORS: Record<VisitStatus, string> = {
  filed: 'blue',
  pending_review: 'orange',
  approved: 'green',
  rejected: 'red',
  join_suggested: 'purple',
  cancelled: 'default',
};

/** Short names of the rules for tags; the full sentence is the server's message. */
export const WARNING_KEYS: Record<WarningCode, MessageKey> = {
  UNIT_COUNTY_2W: 'fv.warning.UNIT_COUNTY_2W',
  UNIT_COUNTY_YEAR: 'fv.warning.UNIT_COUNTY_YEAR',
  HEADCOUNT: 'fv.warning.HEADCOUNT',
  COUNTY_MONTH_LOAD: 'fv.warning.COUNTY_MONTH_LOAD',
  URGENT: 'fv.warning.URGENT',
};

export const DECISION_KEYS: Record<ReviewDecision, MessageKey> = {
  approve: 'fv.decision.approve',
  reject: 'fv.decision.reject',
  suggest_join: 'fv.decision.suggest_join',
};

export const DECISION_COLORS: Record<ReviewDecision, string> = {
  approve: 'green',
  reject: 'red',
  suggest_join: 'purple',
};

export const JOIN_STATUS_KEYS: Record<JoinRequest['status'], MessageKey> = {
  pending: 'fv.join.status.pending',
  accepted: 'fv.join.status.accepted',
  declined: 'fv.join.status.declined',
  withdrawn: 'fv.join.status.withdrawn',
};

export const JOIN_STATUS_COLORS: Record<JoinRequest['status'], string> = {
  pending: 'orange',
  accepted: 'green',
  declined: 'red',
  withdrawn: 'default',
};

/** Statuses offered in the list's filter, in the order a filing goes through them. */
export const STATUS_ORDER = Object.keys(STATUS_KEYS) as VisitStatus[];
