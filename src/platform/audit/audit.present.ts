import type { AuditRow } from '../../db/types.js';
import type { Lang } from '../i18n.js';
import type { XlsxColumn } from '../xlsx.js';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export const presentAudit = (r: AuditRow) => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  role: r.role,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  regionCode: r.region_code,
  ip: r.ip,
  before: parse(r.before),
  after: parse(r.after),
});

const shanghaiTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
});

const headers = {
  zh: ['时间（北京时间）', '操作人', '角色', '动作', '对象', '对象ID', '区域', 'IP', '变更前', '变更后'],
  en: ['Time (Beijing)', 'Actor', 'Role', 'Action', 'Entity', 'Entity ID', 'Region', 'IP', 'Before', 'After'],
};

const values: XlsxColumn<AuditRow>['value'][] = [
  (r) => shanghaiTime.format(new Date(r.at)),
  (r) => r.actor_name,
  (r) => r.role,
  (r) => r.action,
  (r) => r.entity,
  (r) => r.entity_id,
  (r) => r.region_code,
  (r) => r.ip,
  (r) => r.before,
  (r) => r.after,
];

const widths = [20, 14, 16, 22, 12, 16, 16, 16, 40, 40];

export const AUDIT_COLUMNS: Record<Lang, XlsxColumn<AuditRow>[]> = {
  zh: values.map((value, i) => ({ header: headers.zh[i] ?? '', width: widths[i], value })),
  en: values.map((value, i) => ({ header: headers.en[i] ?? '', width: widths[i], value })),
};
