import { AlertFilled, ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import type { Clash, FieldVisit, VisitStatus, Warning } from '../../api/fieldvisits';
import { useT } from '../../i18n';
import { STATUS_COLORS, STATUS_KEYS, WARNING_KEYS } from './vocabulary';

export function StatusTag({ status }: { status: VisitStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} className="fv-status-tag" data-status={status}>
      {t(STATUS_KEYS[status])}
    </Tag>
  );
}

/** The county's month over the line is the yellow warning; the others are orange. */
const warningColor = (warning: Warning) => (warning.level === 'yellow' ? 'gold' : 'orange');

/** One short tag per rule the filing tripped; the server's full sentence on hover or tap. */
export function WarningTags({ warnings, clashes = [] }: { warnings: Warning[]; clashes?: Clash[] }) {
  const t = useT();
  if (warnings.length === 0 && clashes.length === 0) return null;
  return (
    <span className="tag-list">
      {clashes.length > 0 ? (
        <Tooltip title={clashes.map((c) => `${c.countyName}：${c.reason}`).join('；')}>
          <Tag color="red" icon={<AlertFilled />} className="fv-warning-tag">
            {t('fv.clash.tag')}
          </Tag>
        </Tooltip>
      ) : null}
      {warnings.map((warning) => (
        <Tooltip key={`${warning.code}-${warning.countyCode ?? ''}`} title={warning.message}>
          <Tag color={warningColor(warning)} icon={<WarningFilled />} className="fv-warning-tag">
            {t(WARNING_KEYS[warning.code])}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

/**
 * Each warning as the server words it, and the counties' clash flags, for the reviewer's queue
 * and the filing's page.
 */
export function WarningList({ warnings, clashes = [] }: { warnings: Warning[]; clashes?: Clash[] }) {
  const t = useT();
  if (warnings.length === 0 && clashes.length === 0) return null;
  return (
    <ul className="fv-warning-list" data-testid="fv-warnings">
      {clashes.map((clash) => (
        <li key={`clash-${clash.id}`} className="fv-warning fv-warning-clash">
          <AlertFilled className="fv-warning-icon" />
          <span>
            <Typography.Text strong>{t('fv.clash.tagOf', { county: clash.countyName })}</Typography.Text>
            <Typography.Text type="secondary">{t('common.colon')}</Typography.Text>
            {clash.reason}
          </span>
        </li>
      ))}
      {warnings.map((warning) => (
        <li
          key={`${warning.code}-${warning.countyCode ?? ''}`}
          className={`fv-warning fv-warning-${warning.level}`}
        >
          <ExclamationCircleFilled className="fv-warning-icon" />
          <span>
            <Typography.Text strong>{t(WARNING_KEYS[warning.code])}</Typography.Text>
            <Typography.Text type="secondary">{t('common.colon')}</Typography.Text>
            {warning.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** 楚雄市（紫溪镇）、禄丰市 */
export function stopsText(visit: Pick<FieldVisit, 'stops'>): string {
  return visit.stops
    .map((stop) => (stop.site ? `${stop.countyName}（${stop.site}）` : stop.countyName))
    .join('、');
}

/** A result not filed in time: red, with its due date. */
export function ResultOverdueTag({ visit }: { visit: FieldVisit }) {
  const t = useT();
  if (!visit.resultOverdue) return null;
  return <Tag color="error">{t('fv.result.overdueTag')}</Tag>;
}
