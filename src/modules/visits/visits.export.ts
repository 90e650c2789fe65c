import { type Static, Type } from 'typebox';
import type { VisitRow } from '../../db/registry-types.js';
import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai, endOfShanghaiDay, startOfShanghaiDay } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { narrowScope } from '../../platform/scope.js';
import type { XlsxColumn } from '../../platform/xlsx.js';
import { REGISTRY_LABELS } from '../registry/registry.vocabulary.js';
import { regionNames } from '../registry/residents.repository.js';
import { streamVisits, type VisitFilter } from './visits.repository.js';
import { VisitListQuery } from './visits.schemas.js';

/** The filters of GET /api/visits that select visit records (not the due lists), for download. */
export const VisitExportQuery = Type.Object({
  regionCode: VisitListQuery.properties.regionCode,
  from: VisitListQuery.properties.from,
  to: VisitListQuery.properties.to,
  residentId: VisitListQuery.properties.residentId,
  mine: VisitListQuery.properties.mine,
});
export type VisitExportQuery = Static<typeof VisitExportQuery>;

type ExportedVisit = VisitRow & { resident_name: string; region_name: string };

/** Shanghai wall-clock time of an instant: `2026-05-01 14:30`. */
function shanghaiTime(instant: string): string {
  const at = new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

const COLUMNS: XlsxColumn<ExportedVisit>[] = [
  { header: '走访时间', value: (v) => shanghaiTime(v.visited_at), width: 17 },
  { header: '居民', value: (v) => v.resident_name, width: 12 },
  { header: '网格', value: (v) => v.region_name, width: 12 },
  { header: '网格编码', value: (v) => v.region_code, width: 17 },
  { header: '走访方式', value: (v) => REGISTRY_LABELS.visitMode?.[v.mode] ?? v.mode, width: 10 },
  { header: '走访人', value: (v) => v.visitor_name, width: 12 },
  { header: '发现情况', value: (v) => v.findings, width: 40 },
  { header: '需求', value: (v) => v.needs, width: 30 },
  { header: '后续跟进', value: (v) => v.follow_up, width: 30 },
  { header: '重大变化', value: (v) => (v.major_change === 1 ? '是' : '否'), width: 8 },
];

/**
 * The visits GET /api/visits lists with the same filters (days in Shanghai time, `mine` for the
 * caller's own), newest first, streamed; audited with the filters before any row leaves.
 */
export async function exportVisits(ctx: AppContext, actor: Actor, query: VisitExportQuery) {
  await audit(ctx, actor, {
    action: 'visit.export',
    entity: 'visit',
    entityId: '',
    regionCode: actor.scope,
    after: query,
  });
  const scope = narrowScope(actor.scope, query.regionCode);
  const filter: VisitFilter | null =
    scope === null
      ? null
      : {
          scope,
          ...(query.from ? { from: startOfShanghaiDay(query.from) } : {}),
          ...(query.to ? { to: endOfShanghaiDay(query.to) } : {}),
          ...(query.residentId ? { residentId: query.residentId } : {}),
          ...(query.mine && actor.id !== null ? { visitorId: actor.id } : {}),
        };
  async function* batches() {
    if (filter === null) return;
    for await (const rows of streamVisits(ctx.db, filter)) {
      const names = await regionNames(ctx.db, [...new Set(rows.map((r) => r.region_code))]);
      yield rows.map((r) => ({ ...r, region_name: names.get(r.region_code) ?? '' }));
    }
  }
  return {
    filename: `走访记录-${dateInShanghai(ctx.clock.now())}.xlsx`,
    sheet: '走访记录',
    columns: COLUMNS,
    batches: batches(),
  };
}
