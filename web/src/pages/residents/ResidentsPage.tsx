import { LoginOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, type PaginationProps, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { exportList } from '../../api/imports';
import { type Resident, residentKeys, restoreResident, useResidents } from '../../api/residents';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { errorText } from '../../components/errorText';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { PAGE_SIZES } from '../../components/useUrlList';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { useGridChoice } from './GridSelect';
import { activeFilterCount, useListQuery } from './listQuery';
import { ResidentCardList } from './ResidentCardList';
import { ResidentFilters } from './ResidentFilters';
import { type ResidentRowActions, residentColumns } from './residentColumns';
import './residents.css';

/** 居民信息: search and filter the registry of the working region; the filters live in the URL. */
export default function ResidentsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const working = useWorkingRegion();
  const canWrite = usePermission('registry.write');
  const canVisit = usePermission('visits.record');
  const { filters, query, page, pageSize, setFilters, setPage, clearFilters } = useListQuery(
    working.regionCode,
  );
  const residents = useResidents(query);
  const { grids } = useGridChoice();
  const showGrid = grids === null || grids.length > 1;

  const restore = useMutation({
    mutationFn: (resident: Resident) => restoreResident(resident.id),
    onSuccess: (resident) => {
      void message.success(t('residents.restored', { name: resident.name }));
      void queryClient.invalidateQueries({ queryKey: residentKeys.all });
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  // The list as .xlsx with the filters on screen (masked and audited by the server).
  const exportResidents = () => {
    const { page: _page, pageSize: _size, ...filters } = query;
    return exportList('residents', filters);
  };

  const actions: ResidentRowActions = {
    canVisit,
    canRestore: canWrite,
    onVisit: (resident) => navigate(`/residents/${resident.id}/visit`),
    onRestore: (resident) => restore.mutate(resident),
    restoringId: restore.isPending ? (restore.variables?.id ?? null) : null,
  };
  const pagination: PaginationProps = {
    current: page,
    pageSize,
    pageSizeOptions: PAGE_SIZES,
    total: residents.data?.total ?? 0,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
    onChange: setPage,
  };
  const filtered = activeFilterCount(filters) > 0 || Boolean(filters.q);
  const empty = (
    <EmptyState
      description={
        filters.deleted ? t('residents.noDeleted') : filtered ? t('residents.noMatch') : t('residents.empty')
      }
      action={
        filtered ? (
          <Button onClick={clearFilters}>{t('residents.clearFilters')}</Button>
        ) : canWrite && !filters.deleted ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/residents/new')}>
            {t('residents.new')}
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('residents.title')}
        subtitle={t('residents.subtitle', { region: working.name })}
        extra={
          <>
            {canWrite ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/residents/new')}>
                  {t('residents.new')}
                </Button>
                <Button icon={<LoginOutlined />} onClick={() => navigate('/residents/new?mode=move-in')}>
                  {t('residents.moveIn')}
                </Button>
              </>
            ) : null}
            <ExportButton run={exportResidents} label={t('residents.export')} />
          </>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        <ResidentFilters filters={filters} onChange={setFilters} onClear={clearFilters} />
        {filters.deleted ? (
          <Alert
            type="warning"
            showIcon
            className="resident-deleted-alert"
            title={t('residents.viewingDeleted')}
            action={
              <Button size="small" onClick={() => setFilters({ deleted: undefined })}>
                {t('residents.backToCurrent')}
              </Button>
            }
          />
        ) : null}
        {residents.isError ? (
          <QueryError error={residents.error} onRetry={() => void residents.refetch()} />
        ) : isMobile ? (
          <ResidentCardList
            residents={residents.data?.items}
            loading={residents.isFetching}
            pagination={pagination}
            empty={empty}
            {...actions}
          />
        ) : (
          <Table<Resident>
            rowKey="id"
            className="resident-table"
            size="middle"
            columns={residentColumns(t, actions, showGrid)}
            dataSource={residents.data?.items}
            loading={residents.isFetching}
            scroll={{ x: showGrid ? 1100 : 1000 }}
            pagination={pagination}
            locale={{ emptyText: residents.isLoading ? ' ' : empty }}
            onRow={(resident) => ({
              onClick: () => navigate(`/residents/${resident.id}`),
              style: { cursor: 'pointer' },
            })}
          />
        )}
      </Card>
    </>
  );
}
