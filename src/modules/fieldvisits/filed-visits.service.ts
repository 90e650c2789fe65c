import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, isoNow } from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { conflict, invalidField } from '../../platform/errors.js';
import { addMessages, type Lang, message } from '../../platform/i18n.js';
import { mapPage } from '../../platform/pagination.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './fieldvisits.repository.js';
import type { LoadTable, ReviewBody, VisitListQuery, VisitView } from './fieldvisits.schemas.js';
import { loadLevel } from './rules.js';
import { currentThresholds, thresholdsOf } from './thresholds.service.js';
import { readerFilter, visibleVisit } from './visit-access.js';
import { presentVisits } from './visit-present.js';

addMessages({
  VISIT_STARTED: {
    zh: '调研已开始，不能再取消或修改',
    en: 'The visit has started: it can no longer be cancelled or changed',
  },
  VISIT_CANCELLED: { zh: '该调研报备已取消', en: 'The filing has been cancelled' },
  VISIT_NOT_PENDING: { zh: '该报备不在待审核状态', en: 'The filing is not waiting for review' },
  FV_REJECT_REASON: { zh: '退回请说明理由', en: 'Give the reason for sending it back' },
  FV_JOIN_UNKNOWN: { zh: '请选择要联合的另一单位的调研', en: "Choose the other unit's visit to join" },
  FV_REVIEWED: {
    zh: '您报备的调研“{topic}”：{decision}',
    en: 'Your visit "{topic}": {decision}',
  },
  FV_DECISION_APPROVE: { zh: '审核通过', en: 'approved' },
  FV_DECISION_REJECT: { zh: '已退回，请修改', en: 'sent back for changes' },
  FV_DECISION_SUGGEST_JOIN: { zh: '建议与其他单位联合调研', en: 'suggested to join another visit' },
});

export async function listVisits(ctx: AppContext, actor: Actor, query: VisitListQuery, lang: Lang) {
  const scope = await readerFilter(ctx, actor);
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  if (scope === null) return { items: [], total: 0, ...page };
  const month = query.month;
  const rows = await repo.listVisits(
    ctx.db,
    {
      ...scope,
      ...(query.unitId !== undefined && scope.unitId === undefined ? { unitId: query.unitId } : {}),
      ...(query.countyCode ? { countyCode: query.countyCode } : {}),
      ...(month ? { from: `${month}-01`, to: `${month}-31` } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    page,
  );
  return mapPage(rows, await presentVisits(ctx, rows.items, lang));
}

export async function getVisit(ctx: AppContext, actor: Actor, id: number, lang: Lang): Promise<VisitView> {
  const [view] = await presentVisits(ctx, [await visibleVisit(ctx, actor, id)], lang);
  return view as VisitView;
}

/** 取消: the unit withdraws a filing before the visit starts; it then counts for nothing. */
export function cancelVisit(ctx: AppContext, actor: Actor, id: number, lang: Lang): Promise<VisitView> {
  return inTransaction(ctx, async (tx) => {
    const visit = await visibleVisit(tx, actor, id);
    if (visit.status === 'cancelled') throw conflict('VISIT_CANCELLED');
    if (visit.start_date <= dateInShanghai(tx.clock.now())) throw conflict('VISIT_STARTED');
    const now = isoNow(tx.clock);
    await repo.updateVisit(tx.db, id, { status: 'cancelled', cancelled_at: now, updated_at: now });
    await repo.uncount(tx.db, id);
    const counties = (await repo.visitCounties(tx.db, id)).map((c) => c.county_code);
    await audit(tx, actor, {
      action: 'field_visit.cancel',
      entity: 'field_visit',
      entityId: id,
      regionCode: counties[0]?.slice(0, 2) ?? '',
      before: { status: visit.status },
      after: { status: 'cancelled' },
    });
    return getVisit(tx, actor, id, lang);
  });
}

const DECIDED = { approve: 'approved', reject: 'rejected', suggest_join: 'join_suggested' } as const;

/** 审核: the reviewer decides on a flagged filing; the unit is told in the app. */
export function reviewVisit(ctx: AppContext, actor: Actor, id: number, body: ReviewBody, lang: Lang) {
  return inTransaction(ctx, async (tx) => {
    const visit = await visibleVisit(tx, actor, id);
    if (visit.status !== 'pending_review') throw conflict('VISIT_NOT_PENDING');
    if (body.decision === 'reject' && !body.comment) throw invalidField('/comment', 'FV_REJECT_REASON');
    let joinVisitId: number | null = null;
    if (body.decision === 'suggest_join') {
      const other =
        body.joinVisitId === undefined ? undefined : await repo.findVisit(tx.db, body.joinVisitId);
      if (!other || other.status === 'cancelled' || Number(other.unit_id) === Number(visit.unit_id))
        throw invalidField('/joinVisitId', 'FV_JOIN_UNKNOWN');
      joinVisitId = Number(other.id);
    }
    const now = isoNow(tx.clock);
    const status = DECIDED[body.decision];
    await repo.updateVisit(tx.db, id, {
      status,
      review_decision: body.decision,
      review_comment: body.comment ?? null,
      reviewed_by_name: actor.displayName,
      reviewed_at: now,
      join_visit_id: joinVisitId,
      updated_at: now,
    });
    const counties = (await repo.visitCounties(tx.db, id)).map((c) => c.county_code);
    await audit(tx, actor, {
      action: 'field_visit.review',
      entity: 'field_visit',
      entityId: id,
      regionCode: counties[0]?.slice(0, 2) ?? '',
      before: { status: visit.status },
      after: { status, decision: body.decision, comment: body.comment ?? null, joinVisitId },
    });
    if (visit.filed_by !== null)
      await notify(tx, [
        {
          userId: Number(visit.filed_by),
          kind: 'FV_REVIEWED',
          params: {
            topic: visit.topic,
            decision: message(`FV_DECISION_${body.decision.toUpperCase()}`, 'zh'),
          },
          link: `/field-visits/${id}`,
        },
      ]);
    return getVisit(tx, actor, id, lang);
  });
}

/** 月度负荷: live filings per county in a month, green or yellow against the current line. */
export async function monthLoad(ctx: AppContext, actor: Actor, month: string): Promise<LoadTable> {
  const t = thresholdsOf(await currentThresholds(ctx));
  const counties = await repo.loadByCounty(ctx.db, actor.scope, `${month}-01`, `${month}-31`);
  return {
    month,
    max: t.countyMonthMax,
    items: counties.map((c) => ({
      countyCode: c.code,
      countyName: c.name,
      count: c.count,
      level: loadLevel(c.count, t),
    })),
  };
}
