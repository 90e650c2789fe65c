import { Flex, type TableColumnsType, Typography } from 'antd';
import type { FieldVisit } from '../../api/fieldvisits';
import type { Translate } from '../../i18n';
import { ResultOverdueTag, StatusTag, stopsText, WarningList, WarningTags } from './VisitBits';
import { formatRange } from './visitDates';

/** Who goes: the unit (for readers outside it), the department and the leader. */
export function whoGoes(visit: FieldVisit, showUnit: boolean): string {
  const leader = visit.leaderName
    ? `${visit.leaderName}${visit.leaderLevel ? `（${visit.leaderLevel}）` : ''}`
    : '';
  return [showUnit ? visit.unitName : '', visit.departmentName ?? '', leader].filter(Boolean).join(' · ');
}

/**
 * The desktop table. `detailedWarnings`: the reviewer's queue, where each warning is read in full
 * before opening the filing.
 */
export function visitColumns(
  t: Translate,
  showUnit: boolean,
  detailedWarnings: boolean,
): TableColumnsType<FieldVisit> {
  return [
    {
      title: t('fv.field.topic'),
      key: 'topic',
      render: (_, visit) => (
        <Flex vertical gap={2} className="fv-topic-cell">
          <Typography.Text strong className="fv-topic">
            {visit.topic}
          </Typography.Text>
          <Typography.Text type="secondary" className="small-text">
            {whoGoes(visit, showUnit)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('fv.field.dates'),
      key: 'dates',
      width: 140,
      render: (_, visit) => <span className="fv-nowrap">{formatRange(visit.startDate, visit.endDate)}</span>,
    },
    {
      title: t('fv.field.stops'),
      key: 'stops',
      width: 200,
      render: (_, visit) => stopsText(visit),
    },
    {
      title: t('fv.field.headcount'),
      dataIndex: 'headcount',
      width: 70,
      align: 'right',
    },
    {
      title: t('fv.field.status'),
      key: 'status',
      width: 110,
      render: (_, visit) => (
        <Flex vertical gap={4} align="flex-start">
          <StatusTag status={visit.status} />
          <ResultOverdueTag visit={visit} />
        </Flex>
      ),
    },
    {
      title: t('fv.field.warnings'),
      key: 'warnings',
      width: detailedWarnings ? 360 : 200,
      render: (_, visit) =>
        detailedWarnings ? (
          <WarningList warnings={visit.warnings} clashes={visit.clashes} />
        ) : (
          <WarningTags warnings={visit.warnings} clashes={visit.clashes} />
        ),
    },
  ];
}
