import { lockKey } from '../../db/locks.js';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.js';
import { addMessages, type Lang, message } from '../../platform/i18n.js';
import { notify } from '../notifications/notifications.service.js';
import * as coordination from './coordination.repository.js';
import type {
  ClashBody,
  JoinDecisionBody,
  JoinRequestBody,
  JoinRequestView,
  ResultBody,
} from './coordination.schemas.js';
import * as repo from './fieldvisits.repository.js';
import type { VisitView } from './fieldvisits.schemas.js';
import { getVisit } from './filed-visits.service.js';
import { visibleVisit } from './visit-access.js';
import { OWES_RESULT, presentJoinRequest } from './visit-present.js';

addMessages({
  FV_NO_UNIT: {
    zh: '您的账号尚未关联报备单位，请联系管理员',
    en: 'Your account has no filing unit yet: ask the administrator',
  },
  FV_JOIN_OWN: { zh: '不能申请加入本单位的调研', en: 'A unit cannot ask to join its own visit' },
  FV_JOIN_CLOSED: {
    zh: '该调研已取消、退回或已开始，不能再申请加入',
    en: 'That visit is cancelled, sent back or under way: it cannot be joined',
  },
  FV_JOIN_TWICE: { zh: '本单位已申请加入该调研', en: 'Your unit has asked to join that visit already' },
  FV_JOIN_DECIDED: { zh: '该申请已处理', en: 'That request has been answered already' },
  FV_JOIN_REQUESTED: {
    zh: '{unit}申请加入您单位的调研“{topic}”（联合调研）',
    en: '{unit} asks to join your visit "{topic}"',
  },
  FV_JOIN_ANSWERED: {
    zh: '{unit}{decision}您加入调研“{topic}”的申请',
    en: '{unit} {decision} your request to join "{topic}"',
  },
  FV_JOIN_ACCEPT: { zh: '同意了', en: 'accepted' },
  FV_JOIN_DECLINE: { zh: '婉拒了', en: 'declined' },
  FV_CLASH_COUNTY: {
    zh: '请选择本县（市、区）在该调研中的一站',
    en: "Choose your county among the visit's stops",
  },
  FV_CLASH_OVER: { zh: '该调研已结束或已取消', en: 'That visit is over or cancelled' },
  FV_CLASH_FLAGGED: {
    zh: '{county}提示调研“{topic}”与当地安排冲突：{reason}',
    en: '{county} flags a clash with your visit "{topic}": {reason}',
  },
  FV_RESULT_EARLY: { zh: '调研开始后才能反馈成果', en: 'The result can be filed once the visit has started' },
  FV_RESULT_NONE: {
    zh: '已取消或退回的调研无需反馈成果',
    en: 'A cancelled or rejected visit owes no result',
  },
});

/** The unit a reporter files for: every coordination act is its unit's. */
async function reporterOf(ctx: AppContext, actor: Actor) {
  const reporter = actor.id === null ? undefined : await repo.reporterUnit(ctx.db, actor.id);
  if (!reporter) throw new AppError(403, 'FV_NO_UNIT');
  return reporter;
}

const countyRegion = async (ctx: AppContext, visitId: number) =>
  (await repo.visitCounties(ctx.db, visitId))[0]?.county_code.slice(0, 2) ?? '53';

/**
 * 申请联合调研: a unit that sees another unit going to the same county about the same time asks
 * to go with it instead of sending a second group. The host unit is told and answers.
 */
export function requestJoin(
  ctx: AppContext,
  actor: Actor,
  visitId: number,
  body: JoinRequestBody,
): Promise<JoinRequestView> {
  return inTransaction(ctx, async (tx) => {
    const reporter = await reporterOf(tx, actor);
    const unitId = Number(reporter.unit_id);
    const visit = await repo.findVisit(tx.db, visitId);
    // Any live visit can be asked about: other units' visits are what the filing form shows.
    if (!visit) throw notFound();
    if (Number(visit.unit_id) === unitId) throw conflict('FV_JOIN_OWN');
    if (
      ['cancelled', 'rejected'].includes(visit.status) ||
      visit.start_date <= dateInShanghai(tx.clock.now())
    )
      throw conflict('FV_JOIN_CLOSED');
    if (body.departmentId !== undefined && !(await repo.findDepartment(tx.db, unitId, body.departmentId)))
      throw invalidField('/departmentId', 'FV_DEPARTMENT_UNKNOWN');
    await lockKey(tx.db, `fv-join:${visitId}:${unitId}`);
    const open = (await coordination.joinRequests(tx.db, { visitIds: [visitId] })).find(
      (j) => Number(j.unit_id) === unitId && (j.status === 'pending' || j.status === 'accepted'),
    );
    if (open) throw conflict('FV_JOIN_TWICE');
    const { id } = await tx.db
      .insertInto('fv_join_requests')
      .values({
        visit_id: visitId,
        unit_id: unitId,
        department_id: body.departmentId ?? reporter.department_id,
        message: body.message.trim(),
        status: 'pending',
        requested_by: actor.id,
        requested_by_name: actor.displayName,
        created_at: isoNow(tx.clock),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = await joinRequestView(tx, Number(id));
    await audit(tx, actor, {
      action: 'field_visit.join_request',
      entity: 'field_visit',
      entityId: visitId,
      regionCode: await countyRegion(tx, visitId),
      after: { requestId: view.id, unitId, message: view.message },
    });
    if (visit.filed_by !== null)
      await notify(tx, [
        {
          userId: Number(visit.filed_by),
          kind: 'FV_JOIN_REQUESTED',
          params: { unit: view.unitName, topic: visit.topic },
          link: `/field-visits/${visitId}`,
        },
      ]);
    return view;
  });
}

async function joinRequestView(ctx: AppContext, id: number): Promise<JoinRequestView> {
  const row = await ctx.db
    .selectFrom('fv_join_requests')
    .select('visit_id')
    .where('id', '=', id)
    .executeTakeFirst();
  const found = row
    ? (await coordination.joinRequests(ctx.db, { visitIds: [Number(row.visit_id)] })).find(
        (j) => Number(j.id) === id,
      )
    : undefined;
  if (!found) throw notFound();
  return presentJoinRequest(found);
}

/** The host unit accepts or declines a request to join its visit; the asking unit is told. */
export function decideJoin(
  ctx: AppContext,
  actor: Actor,
  requestId: number,
  body: JoinDecisionBody,
): Promise<JoinRequestView> {
  return inTransaction(ctx, async (tx) => {
    const reporter = await reporterOf(tx, actor);
    const request = await joinRequestView(tx, requestId);
    const visit = await repo.findVisit(tx.db, request.visitId);
    if (!visit || Number(visit.unit_id) !== Number(reporter.unit_id)) throw notFound();
    if (request.status !== 'pending') throw conflict('FV_JOIN_DECIDED');
    const status = body.decision === 'accept' ? 'accepted' : 'declined';
    const now = isoNow(tx.clock);
    await tx.db
      .updateTable('fv_join_requests')
      .set({ status, decided_by_name: actor.displayName, decided_at: now, comment: body.comment ?? null })
      .where('id', '=', requestId)
      .execute();
    await audit(tx, actor, {
      action: 'field_visit.join_decide',
      entity: 'field_visit',
      entityId: request.visitId,
      regionCode: await countyRegion(tx, request.visitId),
      before: { requestId, status: 'pending' },
      after: { requestId, status, comment: body.comment ?? null },
    });
    const asker = await tx.db
      .selectFrom('fv_join_requests')
      .select('requested_by')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    if (asker.requested_by !== null)
      await notify(tx, [
        {
          userId: Number(asker.requested_by),
          kind: 'FV_JOIN_ANSWERED',
          params: {
            unit: request.visitUnitName,
            topic: request.visitTopic,
            decision: message(`FV_JOIN_${body.decision.toUpperCase()}`, 'zh'),
          },
          link: `/field-visits/${request.visitId}`,
        },
      ]);
    return joinRequestView(tx, requestId);
  });
}

/** A reporter's unit's join requests: made to its visits, and made by it. */
export async function listJoinRequests(ctx: AppContext, actor: Actor) {
  const reporter = actor.id === null ? undefined : await repo.reporterUnit(ctx.db, actor.id);
  if (!reporter) return { incoming: [], outgoing: [] };
  const unitId = Number(reporter.unit_id);
  const rows = await coordination.joinRequests(ctx.db, { unitId });
  return {
    incoming: rows.filter((j) => Number(j.visit_unit_id) === unitId).map(presentJoinRequest),
    outgoing: rows.filter((j) => Number(j.unit_id) === unitId).map(presentJoinRequest),
  };
}

/**
 * 冲突提示: a county tells the reviewer that a visit clashes with something local (a flood, an
 * event). The visit goes back to the reviewer's queue, and the unit is told.
 */
export function flagClash(
  ctx: AppContext,
  actor: Actor,
  visitId: number,
  body: ClashBody,
  lang: Lang,
): Promise<VisitView> {
  return inTransaction(ctx, async (tx) => {
    const visit = await visibleVisit(tx, actor, visitId);
    const counties = await repo.visitCounties(tx.db, visitId);
    const stop = counties.find((c) => c.county_code === body.countyCode && c.live === 1);
    if (!stop || !body.countyCode.startsWith(actor.scope))
      throw invalidField('/countyCode', 'FV_CLASH_COUNTY');
    if (visit.status === 'cancelled' || visit.end_date < dateInShanghai(tx.clock.now()))
      throw conflict('FV_CLASH_OVER');
    const now = isoNow(tx.clock);
    await tx.db
      .insertInto('fv_clashes')
      .values({
        visit_id: visitId,
        county_code: body.countyCode,
        reason: body.reason.trim(),
        flagged_by: actor.id,
        flagged_by_name: actor.displayName,
        created_at: now,
      })
      .execute();
    const backToReview = visit.status !== 'pending_review' && visit.status !== 'rejected';
    if (backToReview) await repo.updateVisit(tx.db, visitId, { status: 'pending_review', updated_at: now });
    await audit(tx, actor, {
      action: 'field_visit.clash',
      entity: 'field_visit',
      entityId: visitId,
      regionCode: body.countyCode,
      before: { status: visit.status },
      after: {
        status: backToReview ? 'pending_review' : visit.status,
        countyCode: body.countyCode,
        reason: body.reason,
      },
    });
    const county = await tx.db
      .selectFrom('regions')
      .select('name')
      .where('code', '=', body.countyCode)
      .executeTakeFirstOrThrow();
    if (visit.filed_by !== null)
      await notify(tx, [
        {
          userId: Number(visit.filed_by),
          kind: 'FV_CLASH_FLAGGED',
          params: { county: county.name, topic: visit.topic, reason: body.reason },
          link: `/field-visits/${visitId}`,
        },
      ]);
    return getVisit(tx, actor, visitId, lang);
  });
}

/**
 * 调研成果: the unit says what the visit found and what it solved for the locality, from the
 * start of the visit on (and may correct it later; each version is in the audit log).
 */
export function fileResult(
  ctx: AppContext,
  actor: Actor,
  visitId: number,
  body: ResultBody,
  lang: Lang,
): Promise<VisitView> {
  return inTransaction(ctx, async (tx) => {
    const reporter = await reporterOf(tx, actor);
    const visit = await repo.findVisit(tx.db, visitId);
    if (!visit || Number(visit.unit_id) !== Number(reporter.unit_id)) throw notFound();
    if (!OWES_RESULT.includes(visit.status as VisitView['status'])) throw conflict('FV_RESULT_NONE');
    if (visit.start_date > dateInShanghai(tx.clock.now())) throw conflict('FV_RESULT_EARLY');
    const now = isoNow(tx.clock);
    await repo.updateVisit(tx.db, visitId, {
      result_findings: body.findings.trim(),
      result_solved: body.solved?.trim() || null,
      result_at: now,
      updated_at: now,
    });
    await audit(tx, actor, {
      action: 'field_visit.result',
      entity: 'field_visit',
      entityId: visitId,
      regionCode: await countyRegion(tx, visitId),
      before: visit.result_at ? { findings: visit.result_findings, solved: visit.result_solved } : null,
      after: { findings: body.findings, solved: body.solved ?? null },
    });
    return getVisit(tx, actor, visitId, lang);
  });
}
