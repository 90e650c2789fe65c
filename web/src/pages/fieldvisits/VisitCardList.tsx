import { CalendarOutlined, EnvironmentOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Pagination, type PaginationProps, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FieldVisit } from '../../api/fieldvisits';
import { useT } from '../../i18n';
import { ResultOverdueTag, StatusTag, stopsText, WarningList, WarningTags } from './VisitBits';
import { whoGoes } from './visitColumns';
import { formatRange } from './visitDates';

interface VisitCardListProps {
  visits: FieldVisit[] | undefined;
  loading: boolean;
  pagination: PaginationProps;
  empty: ReactNode;
  showUnit: boolean;
  detailedWarnings: boolean;
}

/** Phones: one card per filing, the whole card a link to it. */
export function VisitCardList({
  visits,
  loading,
  pagination,
  empty,
  showUnit,
  detailedWarnings,
}: VisitCardListProps) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={10}>
        {visits?.length === 0 ? empty : null}
        {visits?.map((visit) => (
          <Card key={visit.id} size="small" className="fv-card" data-testid="fv-card">
            <Link to={`/field-visits/${visit.id}`} className="fv-card-link">
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <Typography.Text strong className="fv-card-topic">
                      {visit.topic}
                    </Typography.Text>
                    <StatusTag status={visit.status} />
                  </Flex>
                  {whoGoes(visit, showUnit) ? (
                    <Typography.Text type="secondary" className="small-text">
                      {whoGoes(visit, showUnit)}
                    </Typography.Text>
                  ) : null}
                  <Flex gap={12} wrap className="fv-card-facts">
                    <span>
                      <CalendarOutlined /> {formatRange(visit.startDate, visit.endDate)}
                    </span>
                    <span>
                      <TeamOutlined /> {t('fv.people', { n: visit.headcount })}
                    </span>
                  </Flex>
                  <Typography.Text className="fv-card-facts">
                    <EnvironmentOutlined /> {stopsText(visit)}
                  </Typography.Text>
                  <ResultOverdueTag visit={visit} />
                  {detailedWarnings ? (
                    <WarningList warnings={visit.warnings} clashes={visit.clashes} />
                  ) : (
                    <WarningTags warnings={visit.warnings} clashes={visit.clashes} />
                  )}
                </Flex>
                <RightOutlined className="shortcut-arrow" />
              </Flex>
            </Link>
          </Card>
        ))}
        <Pagination {...pagination} size="small" align="center" />
      </Flex>
    </Spin>
  );
}
