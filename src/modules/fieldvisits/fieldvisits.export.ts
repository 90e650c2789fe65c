import { audit } from '../../platform/audit/audit.js';
import { dateInShanghai } from '../../platform/clock.js';
import type { Actor, AppContext } from '../../platform/context.js';
import { allPages } from '../../platform/pagination.js';
import type { XlsxColumn, XlsxDownload, XlsxSheet } from '../../platform/xlsx.js';
import type { VisitListQuery, VisitView } from './fieldvisits.schemas.js';
import type { Figures, FiguresQuery } from './figures.schemas.js';
import { fieldVisitFigures } from './figures.service.js';
import { listVisits } from './filed-visits.service.js';

/** Exports of 调研报备: the list as filtered, and the figures as shown. Audited with the filters. */

export const STATUS_LABELS: Record<VisitView['status'], string> = {
  filed: '已报备',
  pending_review: '待审核',
  approved: '审核通过',
  rejected: '已退回',
  join_suggested: '建议联合调研',
  cancelled: '已取消',
};

export const WARNING_LABELS: Record<string, string> = {
  UNIT_COUNTY_2W: '同一单位两周内多次到同一县',
  UNIT_COUNTY_YEAR: '同一单位全年多次到同一县',
  HEADCOUNT: '人数超标',
  COUNTY_MONTH_LOAD: '县域当月调研超线',
  URGENT: '紧急补报',
};

const VISIT_COLUMNS: XlsxColumn<VisitView>[] = [
  { header: '编号', value: (v) => v.id, width: 8 },
  { header: '单位', value: (v) => v.unitName, width: 18 },
  { header: '内设机构', value: (v) => v.departmentName, width: 16 },
  { header: '带队领导', value: (v) => v.leaderName, width: 10 },
  { header: '职级', value: (v) => v.leaderLevel, width: 10 },
  { header: '调研主题', value: (v) => v.topic, width: 30 },
  { header: '开始日期', value: (v) => v.startDate, width: 11 },
  { header: '结束日期', value: (v) => v.endDate, width: 11 },
  {
    header: '调研地点',
    value: (v) => v.stops.map((s) => (s.site ? `${s.countyName}（${s.site}）` : s.countyName)).join('、'),
    width: 30,
  },
  { header: '人数', value: (v) => v.headcount, width: 6 },
  { header: '状态', value: (v) => STATUS_LABELS[v.status], width: 12 },
  {
    header: '预警',
    value: (v) => v.warnings.map((w) => WARNING_LABELS[w.code] ?? w.code).join('、'),
    width: 24,
  },
  { header: '情况说明', value: (v) => v.explanation, width: 30 },
  {
    header: '成果反馈',
    value: (v) => v.result?.findings ?? (v.resultOverdue ? '逾期未反馈' : ''),
    width: 30,
  },
  { header: '报备人', value: (v) => v.filedByName, width: 12 },
  { header: '报备时间', value: (v) => v.createdAt, width: 20 },
];

const today = (ctx: AppContext) => dateInShanghai(ctx.clock.now());

export async function exportVisits(
  ctx: AppContext,
  actor: Actor,
  query: VisitListQuery,
): Promise<XlsxDownload<VisitView>> {
  const { page: _page, pageSize: _size, ...filters } = query;
  await audit(ctx, actor, {
    action: 'field_visit.export',
    entity: 'field_visit',
    entityId: '',
    regionCode: actor.scope,
    after: filters,
  });
  return {
    filename: `调研报备-${today(ctx)}.xlsx`,
    sheet: '调研报备',
    columns: VISIT_COLUMNS,
    batches: allPages((page) => listVisits(ctx, actor, { ...filters, ...page }, 'zh')),
  };
}

type Row = Record<string, string | number | null>;
const col = (header: string, key: string, width = 14) => ({
  header,
  width,
  value: (r: Row) => r[key] ?? null,
});

/** One period's figures as sheets, their names prefixed with the period (全部 / 之前 / 之后). */
function figureSheets(label: string, f: Figures): XlsxSheet[] {
  const share =
    f.reviewedPermille === null ? '' : `${Math.floor(f.reviewedPermille / 10)}.${f.reviewedPermille % 10}%`;
  return [
    {
      name: `${label}-概况`,
      columns: [col('项目', 'item', 20), col('数值', 'value', 16)],
      rows: [
        { item: '统计区间', value: `${f.from} 至 ${f.to}` },
        { item: '报备总数', value: f.total },
        { item: '进入审核', value: f.flagged },
        { item: '已审核', value: f.reviewed },
        { item: '审核率', value: share },
        ...f.warningsByKind.map((w) => ({ item: WARNING_LABELS[w.code] ?? w.code, value: w.count })),
      ],
    },
    {
      name: `${label}-按单位`,
      columns: [col('单位', 'unitName', 24), col('报备数', 'count')],
      rows: f.byUnit,
    },
    {
      name: `${label}-按县`,
      columns: [
        col('县（市、区）', 'countyName', 16),
        col('区划代码', 'countyCode'),
        col('调研批次', 'count'),
      ],
      rows: f.byCounty,
    },
    { name: `${label}-按月`, columns: [col('月份', 'month'), col('报备数', 'count')], rows: f.byMonth },
    {
      name: `${label}-超线县`,
      columns: [
        col('县（市、区）', 'countyName', 16),
        col('区划代码', 'countyCode'),
        col('月份', 'month'),
        col('调研批次', 'count'),
      ],
      rows: f.countiesAboveLine,
    },
  ];
}

export async function exportFigures(ctx: AppContext, actor: Actor, query: FiguresQuery) {
  const view = await fieldVisitFigures(ctx, actor, query);
  await audit(ctx, actor, {
    action: 'field_visit.figures_export',
    entity: 'field_visit',
    entityId: '',
    regionCode: actor.scope,
    after: query,
  });
  const sheets = [
    ...figureSheets('全部', view.whole),
    ...(view.before ? figureSheets('之前', view.before) : []),
    ...(view.after ? figureSheets('之后', view.after) : []),
  ];
  return { filename: `调研统计-${query.from}至${query.to}.xlsx`, sheets };
}
