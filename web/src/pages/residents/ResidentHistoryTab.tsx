import { Flex, Spin, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type HistoryItem, useResidentHistory, useTagCatalog } from '../../api/residents';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { type MessageKey, type Translate, useT } from '../../i18n';
import { formatInstant } from './dates';
import { useGridChoice } from './GridSelect';
import {
  GENDER_KEYS,
  HUKOU_KEYS,
  labelOf,
  POLITICAL_KEYS,
  RELATION_KEYS,
  STATUS_KEYS,
  VISIT_MODE_KEYS,
} from './vocabulary';

const ACTION_KEYS: Record<string, MessageKey> = {
  'resident.create': 'history.action.create',
  'resident.update': 'history.action.update',
  'resident.delete': 'history.action.delete',
  'resident.restore': 'history.action.restore',
  'resident.reveal': 'history.action.reveal',
  'resident.move_out': 'history.action.moveOut',
  'resident.move_in': 'history.action.moveIn',
  'resident.tag_add': 'history.action.tagAdd',
  'resident.tag_end': 'history.action.tagEnd',
  'visit.record': 'history.action.visit',
};

const FIELD_KEYS: Record<string, MessageKey> = {
  name: 'residents.name',
  idNumber: 'residents.idNumber',
  phone: 'residents.phone',
  regionCode: 'residents.grid',
  householdId: 'residents.household',
  houseId: 'residents.house',
  relation: 'residents.relation',
  birthDate: 'residents.birthDate',
  gender: 'residents.gender',
  hukou: 'residents.hukou',
  status: 'residents.status',
  political: 'residents.political',
  work: 'residents.work',
  moveInDate: 'residents.moveInDate',
  moveOutDate: 'residents.moveOutDate',
  note: 'residents.note',
  deletedAt: 'history.field.deletedAt',
  tag: 'residents.tag',
  startedOn: 'residents.tagStartedOn',
  endedOn: 'residents.tagEndedOn',
  reason: 'residents.tagReason',
  visitedAt: 'visits.time',
  mode: 'visits.mode',
  majorChange: 'visits.majorChangeTag',
  field: 'history.field.field',
};

/** Bookkeeping the reader has no use for. */
const HIDDEN_FIELDS = new Set(['visitId']);

const VALUE_KEYS: Record<string, Record<string, MessageKey>> = {
  gender: GENDER_KEYS,
  hukou: HUKOU_KEYS,
  status: STATUS_KEYS,
  relation: RELATION_KEYS,
  political: POLITICAL_KEYS,
  mode: VISIT_MODE_KEYS,
  field: { idNumber: 'residents.idNumber', phone: 'residents.phone' },
};

type Names = { tags: Map<string, string>; grids: Map<string, string> };

function showValue(t: Translate, field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value !== 'string') return JSON.stringify(value);
  const vocabulary = VALUE_KEYS[field];
  if (vocabulary) return labelOf(t, vocabulary, value);
  if (field === 'tag') return names.tags.get(value) ?? value;
  if (field === 'regionCode') return names.grids.get(value) ?? value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatInstant(value);
  return value;
}

function Changes({ item, names }: { item: HistoryItem; names: Names }) {
  const t = useT();
  const changes = item.changes.filter((change) => !HIDDEN_FIELDS.has(change.field));
  if (changes.length === 0) return null;
  const created = item.action === 'resident.create';
  return (
    <ul className="history-changes">
      {changes.map((change) => {
        const key = FIELD_KEYS[change.field];
        let body: ReactNode;
        if (created || change.before === null || change.before === undefined) {
          body = <span className="history-after">{showValue(t, change.field, change.after, names)}</span>;
        } else {
          body = (
            <>
              <span className="history-before">{showValue(t, change.field, change.before, names)}</span>
              {' → '}
              <span className="history-after">{showValue(t, change.field, change.after, names)}</span>
            </>
          );
        }
        return (
          <li key={change.field}>
            <Typography.Text type="secondary">{key ? t(key) : change.field}</Typography.Text>
            {t('common.colon')}
            {body}
          </li>
        );
      })}
    </ul>
  );
}

/** 变更记录: who changed what and when, newest first, read from the audit log. */
export function ResidentHistoryTab({ residentId }: { residentId: number }) {
  const t = useT();
  const history = useResidentHistory(residentId);
  const catalog = useTagCatalog();
  const { grids } = useGridChoice();
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Spin />;
  if (history.data.length === 0) return <EmptyState description={t('history.none')} />;
  const names: Names = {
    tags: new Map((catalog.data ?? []).map((tag) => [tag.code, tag.name])),
    grids: new Map((grids ?? []).map((grid) => [grid.code, grid.name])),
  };
  return (
    <Timeline
      className="history-timeline"
      items={history.data.map((item, index) => {
        const key = ACTION_KEYS[item.action];
        return {
          key: `${item.at}-${index}`,
          color:
            item.action === 'resident.delete' ? 'red' : item.action === 'resident.reveal' ? 'gray' : 'blue',
          content: (
            <Flex vertical gap={2}>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>{key ? t(key) : item.action}</Typography.Text>
                <Typography.Text type="secondary" className="small-text">
                  {formatInstant(item.at)} · {item.actorName}
                </Typography.Text>
              </Flex>
              <Changes item={item} names={names} />
            </Flex>
          ),
        };
      })}
    />
  );
}
