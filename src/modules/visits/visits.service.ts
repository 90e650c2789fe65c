import type { VisitRow } from '../../db/registry-types.js';
import { audit } from '../../platform/audit/audit.js';
import {
  addDays,
  dateInShanghai,
  endOfShanghaiDay,
  isoNow,
  startOfMonth,
  startOfShanghaiDay,
} from '../../platform/clock.js';
import { type Actor, type AppContext, inTransaction } from '../../platform/context.js';
import { invalidField } from '../../platform/errors.js';
import { addMessages } from '../../platform/i18n.js';
import { mapPage } from '../../platform/pagination.js';
import { narrowScope } from '../../platform/scope.js';
import type { VisitMode } from '../registry/registry.vocabulary.js';
import { liveResidentOrFail } from '../registry/resident-access.js';
import { presentResidents } from '../registry/residents.present.js';
import { listResidents } from '../registry/residents.repository.js';
import { presentOne, residentFilter } from '../registry/residents.service.js';
import { loadCatalog } from '../registry/tags.service.js';
import { refreshVisitDue } from './refresh-due.js';
import * as repo from './visits.repository.js';
import type { RecordVisitBody, VisitListQuery, VisitView } from './visits.schemas.js';

addMessages({
  VISIT_IN_FUTURE: { zh: '走访时间不能晚于现在', en: 'A visit cannot be recorded in the future' },
  VISIT_TOO_OLD: { zh: '只能补录30天内的走访', en: 'Only visits of the last 30 days can be recorded' },
});

/** How far back a visit may be entered after the fact (a paper note typed in later). */
const BACKDATE_DAYS = 30;
/** A little slack for a phone whose clock runs ahead. */
const CLOCK_SKEW_MS = 5 * 60_000;

const presentVisit = (v: VisitRow & { resident_name: string }): VisitView => ({
  id: v.id,
  residentId: v.resident_id,
  residentName: v.resident_name,
  regionCode: v.region_code,
  visitorName: v.visitor_name,
  visitedAt: v.visited_at,
  mode: v.mode as VisitMode,
  findings: v.findings,
  needs: v.needs,
  followUp: v.follow_up,
  majorChange: v.major_change === 1,
  createdAt: v.created_at,
});

/** Records a visit and moves the resident's next due date: by interval, or within 24 h of a major change. */
export async function recordVisit(ctx: AppContext, actor: Actor, residentId: number, input: RecordVisitBody) {
  const now = ctx.clock.now();
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now;
  if (visitedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalidField('/visitedAt', 'VISIT_IN_FUTURE');
  if (visitedAt.getTime() < now.getTime() - BACKDATE_DAYS * 86_400_000)
    throw invalidField('/visitedAt', 'VISIT_TOO_OLD');
  return inTransaction(ctx, async (tx) => {
    const resident = await liveResidentOrFail(tx, actor, residentId);
    const row = await repo.insertVisit(tx.db, {
      region_code: resident.region_code,
      resident_id: resident.id,
      visitor_id: actor.id,
      visitor_name: actor.displayName,
      visited_at: visitedAt.toISOString(),
      mode: input.mode,
      findings: input.findings ?? null,
      needs: input.needs ?? null,
      follow_up: input.followUp ?? null,
      major_change: input.majorChange ? 1 : 0,
      created_at: isoNow(tx.clock),
    });
    await refreshVisitDue(tx, resident.id);
    const visit = presentVisit({ ...row, resident_name: resident.name });
    await audit(tx, actor, {
      action: 'visit.record',
      entity: 'resident',
      entityId: resident.id,
      regionCode: resident.region_code,
      after: {
        visitId: row.id,
        visitedAt: visit.visitedAt,
        mode: visit.mode,
        majorChange: visit.majorChange,
      },
    });
    const view = await presentOne(tx, actor, await liveResidentOrFail(tx, actor, resident.id));
    return { visit, resident: view };
  });
}

export async function residentVisits(
  ctx: AppContext,
  actor: Actor,
  residentId: number,
  page: { page?: number; pageSize?: number },
) {
  const resident = await liveResidentOrFail(ctx, actor, residentId);
  const result = await repo.listVisits(ctx.db, { scope: actor.scope, residentId: resident.id }, page);
  return mapPage(result, result.items.map(presentVisit));
}

/** The instants the due lists and counts are measured against, in Shanghai days. */
function dueMarks(ctx: AppContext) {
  const now = ctx.clock.now();
  const today = dateInShanghai(now);
  return {
    now: now.toISOString(),
    endOfToday: endOfShanghaiDay(today),
    endOfWeek: endOfShanghaiDay(addDays(today, 6)),
    monthStart: startOfShanghaiDay(startOfMonth(today)),
  };
}

/**
 * `GET /api/visits`: with `overdue` or `due`, the residents whose visit is overdue (or due by
 * the end of today / of the week, overdue first); otherwise the visits recorded.
 */
export async function listVisitsOrDue(ctx: AppContext, actor: Actor, query: VisitListQuery) {
  const empty = { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  if (query.overdue || query.due) {
    const marks = dueMarks(ctx);
    const dueBy = query.overdue ? marks.now : query.due === 'today' ? marks.endOfToday : marks.endOfWeek;
    const filter = await residentFilter(ctx, actor, { regionCode: query.regionCode });
    if (filter === null) return empty;
    const page = await listResidents(ctx.db, { ...filter, dueBy }, query);
    return mapPage(page, await presentResidents(ctx, actor, page.items, await loadCatalog(ctx)));
  }
  const scope = narrowScope(actor.scope, query.regionCode);
  if (scope === null) return empty;
  const page = await repo.listVisits(
    ctx.db,
    {
      scope,
      ...(query.from ? { from: startOfShanghaiDay(query.from) } : {}),
      ...(query.to ? { to: endOfShanghaiDay(query.to) } : {}),
      ...(query.residentId ? { residentId: query.residentId } : {}),
      ...(query.mine && actor.id !== null ? { visitorId: actor.id } : {}),
    },
    query,
  );
  return mapPage(page, page.items.map(presentVisit));
}

export async function visitSummary(ctx: AppContext, actor: Actor, regionCode: string | undefined) {
  const scope = narrowScope(actor.scope, regionCode);
  if (scope === null) return { caredFor: 0, overdue: 0, dueToday: 0, dueThisWeek: 0, visitsThisMonth: 0 };
  return repo.visitCounts(ctx.db, scope, dueMarks(ctx));
}
