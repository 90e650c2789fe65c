import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import type { XlsxColumn } from '../../platform/xlsx.js';
import { REGISTRY_LABELS } from './registry.vocabulary.js';
import { presentResidents } from './residents.present.js';
import { streamResidents } from './residents.repository.js';
import type { ResidentListQuery, ResidentView } from './residents.schemas.js';
import { residentFilter } from './residents.service.js';
import { loadCatalog } from './tags.service.js';

const label = (list: string, code: string | null) =>
  code === null ? '' : (REGISTRY_LABELS[list]?.[code] ?? code);
const shanghaiDate = (instant: string | null) => (instant === null ? '' : dateInShanghai(new Date(instant)));

/** The export's columns: what the list shows, numbers masked as everywhere else. */
const COLUMNS: XlsxColumn<ResidentView>[] = [
  { header: '姓名', value: (r) => r.name, width: 12 },
  { header: '性别', value: (r) => label('gender', r.gender), width: 6 },
  { header: '出生日期', value: (r) => r.birthDate, width: 12 },
  { header: '年龄', value: (r) => r.age, width: 6 },
  { header: '身份证号', value: (r) => r.idNumber, width: 21 },
  { header: '手机号', value: (r) => r.phone, width: 14 },
  { header: '户籍', value: (r) => label('hukou', r.hukou), width: 10 },
  { header: '居住状态', value: (r) => label('status', r.status), width: 8 },
  { header: '与户主关系', value: (r) => label('relation', r.relation), width: 10 },
  { header: '政治面貌', value: (r) => label('political', r.political), width: 10 },
  { header: '工作单位', value: (r) => r.work, width: 20 },
  { header: '网格', value: (r) => r.regionName, width: 14 },
  { header: '网格编码', value: (r) => r.regionCode, width: 17 },
  { header: '地址', value: (r) => r.address, width: 26 },
  { header: '标签', value: (r) => r.tags.map((t) => t.name).join('、'), width: 20 },
  { header: '上次走访', value: (r) => shanghaiDate(r.lastVisitAt), width: 12 },
  { header: '下次走访截止', value: (r) => shanghaiDate(r.visitDueAt), width: 12 },
];

/**
 * Every resident the list's filters select, for download: streamed in batches, masked, and
 * recorded in the audit log with the filters used before any row leaves.
 */
export async function exportResidents(ctx: AppContext, actor: Actor, query: ResidentListQuery) {
  const filter = await residentFilter(ctx, actor, query);
  const { page, pageSize, ...filters } = query;
  await audit(ctx, actor, {
    action: 'resident.export',
    entity: 'resident',
    entityId: '',
    regionCode: actor.scope,
    after: filters,
  });
  const catalog = await loadCatalog(ctx);
  async function* batches() {
    if (filter === null) return;
    for await (const rows of streamResidents(ctx.db, filter))
      yield await presentResidents(ctx, actor, rows, catalog);
  }
  return {
    filename: `居民信息-${dateInShanghai(ctx.clock.now())}.xlsx`,
    sheet: '居民信息',
    columns: COLUMNS,
    batches: batches(),
  };
}
