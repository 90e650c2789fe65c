import {
  Card,
  Flex,
  Pagination,
  type PaginationProps,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import type { FieldVisit } from '../../api/fieldvisits';
import { useOverdueResults } from '../../api/fv-oversight';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { PAGE_SIZES, useUrlList } from '../../components/useUrlList';
import { type Translate, useT } from '../../i18n';
import { todayString } from '../residents/dates';
import { visitLink } from './links';
import { daysBetween } from './months';
import './fv-oversight.css';

const countiesOf = (visit: FieldVisit) => [...new Set(visit.stops.map((s) => s.countyName))].join('、');

function unitOf(visit: FieldVisit) {
  return visit.departmentName ? `${visit.unitName} · ${visit.departmentName}` : visit.unitName;
}

function OverdueDays({ visit }: { visit: FieldVisit }) {
  const t = useT();
  const days = Math.max(0, daysBetween(visit.resultDueDate, todayString()));
  return (
    <span className="fvo-overdue" data-testid="overdue-days">
      {t('fvo.results.days', { n: days })}
    </span>
  );
}

function columns(t: Translate): TableColumnsType<FieldVisit> {
  return [
    {
      title: t('fvo.unit'),
      key: 'unit',
      render: (_, visit) => unitOf(visit),
    },
    {
      title: t('fvo.results.topic'),
      dataIndex: 'topic',
      render: (topic: string, visit) => (
        <Link to={visitLink(visit.id)} className="fvo-topic">
          {topic}
        </Link>
      ),
    },
    { title: t('fvo.results.counties'), key: 'counties', render: (_, visit) => countiesOf(visit) },
    { title: t('fvo.results.endDate'), dataIndex: 'endDate', className: 'fvo-num', width: 120 },
    { title: t('fvo.results.dueDate'), dataIndex: 'resultDueDate', className: 'fvo-num', width: 120 },
    {
      title: t('fvo.results.overdue'),
      key: 'overdue',
      align: 'right',
      width: 110,
      render: (_, visit) => <OverdueDays visit={visit} />,
    },
  ];
}

/** 成果反馈: visits that are over and whose result is past due, the longest overdue first. */
export default function OverdueResultsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const { page, pageSize, setPage } = useUrlList();
  const results = useOverdueResults(page, pageSize);
  const pagination: PaginationProps = {
    current: page,
    pageSize,
    total: results.data?.total ?? 0,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
    onChange: setPage,
    hideOnSinglePage: isMobile,
  };
  const empty = <EmptyState description={t('fvo.results.empty')} />;

  return (
    <>
      <PageHeader title={t('fvo.results.title')} subtitle={t('fvo.results.subtitle')} />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        {results.isError ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : isMobile ? (
          <Spin spinning={results.isFetching}>
            <Flex vertical gap={12} data-testid="overdue-cards">
              {results.data?.items.length === 0 ? empty : null}
              {results.data?.items.map((visit) => (
                <Link key={visit.id} to={visitLink(visit.id)} className="fvo-card-link">
                  <Card size="small" hoverable>
                    <Flex vertical gap={6}>
                      <Flex justify="space-between" align="baseline" gap={8}>
                        <Typography.Text strong ellipsis>
                          {visit.topic}
                        </Typography.Text>
                        <OverdueDays visit={visit} />
                      </Flex>
                      <Typography.Text type="secondary" ellipsis>
                        {unitOf(visit)}
                      </Typography.Text>
                      <Typography.Text type="secondary" ellipsis>
                        {countiesOf(visit)}
                      </Typography.Text>
                      <Typography.Text className="fvo-card-dates">
                        {t('fvo.results.endDate')} {visit.endDate} · {t('fvo.results.dueDate')}{' '}
                        {visit.resultDueDate}
                      </Typography.Text>
                    </Flex>
                  </Card>
                </Link>
              ))}
              <Pagination {...pagination} size="small" align="center" />
            </Flex>
          </Spin>
        ) : (
          <Table<FieldVisit>
            rowKey="id"
            columns={columns(t)}
            dataSource={results.data?.items}
            loading={results.isFetching}
            pagination={pagination}
            locale={{ emptyText: empty }}
            scroll={{ x: 900 }}
            data-testid="overdue-table"
          />
        )}
      </Card>
    </>
  );
}
