import type { FieldVisitRow } from '../../db/fieldvisit-types.js';
import { dateInShanghai } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import type { Lang } from '../../platform/i18n.js';
import * as coordination from './coordination.repository.js';
import type { ClashView, JoinRequestView } from './coordination.schemas.js';
import * as repo from './fieldvisits.repository.js';
import type { VisitStatus, VisitView, VisitWarning } from './fieldvisits.schemas.js';
import { thresholdsOf } from './thresholds.service.js';
import { presentWarning, type StoredWarning } from './warnings.js';

/** A visit that took place (or should have) owes a result; rejected and cancelled ones do not. */
export const OWES_RESULT: VisitStatus[] = ['filed', 'pending_review', 'approved', 'join_suggested'];

export function presentJoinRequest(j: coordination.JoinRequestRow): JoinRequestView {
  return {
    id: Number(j.id),
    visitId: Number(j.visit_id),
    visitTopic: j.visit_topic,
    visitUnitName: j.visit_unit_name,
    visitStartDate: j.visit_start_date,
    unitId: Number(j.unit_id),
    unitName: j.unit_name,
    departmentName: j.department_name,
    message: j.message,
    status: j.status as JoinRequestView['status'],
    requestedByName: j.requested_by_name,
    createdAt: j.created_at,
    decidedByName: j.decided_by_name,
    decidedAt: j.decided_at,
    comment: j.comment,
  };
}

/** Filings as the API shows them: names, warnings in the reader's language, what came after. */
export async function presentVisits(
  ctx: AppContext,
  rows: FieldVisitRow[],
  lang: Lang,
): Promise<VisitView[]> {
  const stopsOf = (v: FieldVisitRow) => JSON.parse(v.stops) as { countyCode: string; site: string | null }[];
  const ids = rows.map((v) => Number(v.id));
  const suggested = [
    ...new Set(rows.flatMap((v) => (v.join_visit_id === null ? [] : [Number(v.join_visit_id)]))),
  ];
  const [names, joins, clashRows, joinVisits] = await Promise.all([
    repo.namesFor(
      ctx.db,
      [...new Set(rows.map((v) => Number(v.unit_id)))],
      [...new Set(rows.flatMap((v) => (v.department_id === null ? [] : [Number(v.department_id)])))],
      [...new Set(rows.flatMap((v) => stopsOf(v).map((s) => s.countyCode)))],
    ),
    coordination.joinRequests(ctx.db, { visitIds: ids }),
    coordination.clashes(ctx.db, ids),
    repo.visitSummaries(ctx.db, suggested),
  ]);
  const versions = new Map<number, ReturnType<typeof thresholdsOf>>();
  for (const id of new Set(rows.map((v) => Number(v.thresholds_id)))) {
    const row = await ctx.db.selectFrom('fv_thresholds').selectAll().where('id', '=', id).executeTakeFirst();
    if (row) versions.set(id, thresholdsOf(row));
  }
  const today = dateInShanghai(ctx.clock.now());
  return rows.map((v) => {
    const t = versions.get(Number(v.thresholds_id));
    const warnings: VisitWarning[] = t
      ? (JSON.parse(v.warnings) as StoredWarning[]).map((w) =>
          presentWarning(
            w,
            {
              counties: names.regions,
              thresholds: t,
              startDate: v.start_date,
              reason: v.urgent_reason ?? '',
            },
            lang,
          ),
        )
      : [];
    // Set on every filing (migration 0005 filled in the earlier ones).
    const resultDueDate = v.result_due_date ?? v.end_date;
    const clashes: ClashView[] = clashRows
      .filter((c) => Number(c.visit_id) === Number(v.id))
      .map((c) => ({
        id: Number(c.id),
        countyCode: c.county_code,
        countyName: c.county_name,
        reason: c.reason,
        flaggedByName: c.flagged_by_name,
        createdAt: c.created_at,
      }));
    return {
      id: Number(v.id),
      unitId: Number(v.unit_id),
      unitName: names.units.get(Number(v.unit_id)) ?? '',
      departmentId: v.department_id === null ? null : Number(v.department_id),
      departmentName:
        v.department_id === null ? null : (names.departments.get(Number(v.department_id)) ?? null),
      leaderName: v.leader_name,
      leaderLevel: v.leader_level,
      topic: v.topic,
      purpose: v.purpose,
      startDate: v.start_date,
      endDate: v.end_date,
      stops: stopsOf(v).map((s) => ({ ...s, countyName: names.regions.get(s.countyCode) ?? s.countyCode })),
      headcount: v.headcount,
      members: JSON.parse(v.members) as VisitView['members'],
      asks: v.asks,
      explanation: v.explanation,
      urgent: v.urgent === 1,
      urgentReason: v.urgent_reason,
      status: v.status as VisitStatus,
      warnings,
      filedByName: v.filed_by_name,
      createdAt: v.created_at,
      cancelledAt: v.cancelled_at,
      review:
        v.review_decision && v.reviewed_by_name && v.reviewed_at
          ? {
              decision: v.review_decision as 'approve' | 'reject' | 'suggest_join',
              comment: v.review_comment,
              reviewedByName: v.reviewed_by_name,
              reviewedAt: v.reviewed_at,
              joinVisitId: v.join_visit_id === null ? null : Number(v.join_visit_id),
              joinVisit: joinVisits.find((j) => j.id === Number(v.join_visit_id)) ?? null,
            }
          : null,
      joinRequests: joins.filter((j) => Number(j.visit_id) === Number(v.id)).map(presentJoinRequest),
      clashes,
      result:
        v.result_at && v.result_findings !== null
          ? { findings: v.result_findings, solved: v.result_solved, filedAt: v.result_at }
          : null,
      resultDueDate,
      resultOverdue:
        v.result_at === null && resultDueDate < today && OWES_RESULT.includes(v.status as VisitStatus),
    };
  });
}
