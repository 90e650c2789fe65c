import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, type PaginationProps, Segmented, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { exportVisits, type FieldVisit, useJoinRequests, useVisits } from '../../api/fieldvisits';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { PAGE_SIZES } from '../../components/useUrlList';
import { useT } from '../../i18n';
import { JoinRequestsPanel } from './JoinRequestsPanel';
import { useVisitListQuery } from './listQuery';
import { useCounties } from './useCounties';
import { VisitCardList } from './VisitCardList';
import { VisitFilters } from './VisitFilters';
import { visitColumns } from './visitColumns';
import './fieldvisits.css';

/**
 * 调研报备: the reviewer's queue of flagged filings first, then everything in its scope; a unit's
 * own filings and its 联合调研 requests; a county's visits coming to it.
 */
export default function FieldVisitsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const canFile = usePermission('fieldVisits.file');
  const canReview = usePermission('fieldVisits.review');
  const { groups } = useCounties();
  const { filters, query, queue, page, pageSize, active, setFilters, setPage, clearFilters } =
    useVisitListQuery(canReview);
  // The URL's view: the reviewer starts on 待审核, a reporter on its filings.
  const joins = canFile && filters.view === 'joins';
  const visits = useVisits(query, !joins);
  const pending = useVisits({ status: 'pending_review', page: 1, pageSize: 1 }, canReview);
  const requests = useJoinRequests(canFile);
  const incomingPending = requests.data?.incoming.filter((r) => r.status === 'pending').length ?? 0;
  const showUnit = !canFile;
  const oneCounty = groups.length === 1 && groups[0]?.counties.length === 1;

  const pagination: PaginationProps = {
    current: page,
    pageSize,
    pageSizeOptions: PAGE_SIZES,
    total: visits.data?.total ?? 0,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
    onChange: setPage,
  };
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/field-visits/new')}>
      {t('nav.fieldVisitNew')}
    </Button>
  );
  const empty = (
    <EmptyState
      description={
        active > 0
          ? t('fv.list.noMatch')
          : queue
            ? t('fv.list.queueEmpty')
            : canFile
              ? t('fv.list.emptyUnit')
              : t('fv.list.empty')
      }
      action={
        active > 0 ? (
          <Button onClick={clearFilters}>{t('fv.filter.clear')}</Button>
        ) : canFile ? (
          newButton
        ) : undefined
      }
    />
  );
  const exportList = () => {
    const { page: _page, pageSize: _size, ...rest } = query;
    return exportVisits(rest);
  };

  const views = canReview
    ? [
        {
          value: 'queue',
          label: (
            <span data-testid="fv-view-queue">
              {t('fv.list.queue')}
              {pending.data?.total ? (
                <Badge count={pending.data.total} size="small" offset={[6, -2]} />
              ) : null}
            </span>
          ),
        },
        { value: 'all', label: t('fv.list.all') },
      ]
    : canFile
      ? [
          { value: 'filings', label: t('fv.list.ownFilings') },
          {
            value: 'joins',
            label: (
              <span>
                {t('fv.list.joinRequests')}
                {incomingPending > 0 ? <Badge count={incomingPending} size="small" offset={[6, -2]} /> : null}
              </span>
            ),
          },
        ]
      : null;
  const viewValue = canReview ? (queue ? 'queue' : 'all') : joins ? 'joins' : 'filings';

  return (
    <>
      <PageHeader
        title={t('fv.list.title')}
        subtitle={
          canReview
            ? t('fv.list.subtitleReviewer')
            : canFile
              ? t('fv.list.subtitleReporter')
              : t('fv.list.subtitleCounty')
        }
        extra={
          <>
            {canFile ? newButton : null}
            {joins ? null : <ExportButton run={exportList} label={t('fv.list.export')} />}
          </>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        {views ? (
          <Segmented
            className="fv-views"
            block={isMobile}
            value={viewValue}
            options={views}
            // The reviewer's queue and a reporter's filings are the default views: no `view` then.
            onChange={(value) =>
              setFilters({ view: value === 'all' || value === 'joins' ? value : undefined })
            }
          />
        ) : null}
        {joins ? (
          <JoinRequestsPanel />
        ) : (
          <>
            <VisitFilters
              filters={filters}
              active={active}
              onChange={setFilters}
              onClear={clearFilters}
              showUnit={!canFile}
              showStatus={!queue}
              showCounty={!oneCounty}
            />
            {visits.isError ? (
              <QueryError error={visits.error} onRetry={() => void visits.refetch()} />
            ) : isMobile ? (
              <VisitCardList
                visits={visits.data?.items}
                loading={visits.isFetching}
                pagination={pagination}
                empty={empty}
                showUnit={showUnit}
                detailedWarnings={queue}
              />
            ) : (
              <Table<FieldVisit>
                rowKey="id"
                size="middle"
                className="fv-table"
                columns={visitColumns(t, showUnit, queue)}
                dataSource={visits.data?.items}
                loading={visits.isFetching}
                pagination={pagination}
                scroll={{ x: 1000 }}
                locale={{ emptyText: visits.isLoading ? ' ' : empty }}
                onRow={(visit) => ({
                  onClick: () => navigate(`/field-visits/${visit.id}`),
                  style: { cursor: 'pointer' },
                })}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}
