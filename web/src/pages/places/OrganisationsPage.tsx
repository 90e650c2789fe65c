import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, type PaginationProps, Table, Tabs } from 'antd';
import { useState } from 'react';
import {
  deleteOrganisation,
  exportOrganisations,
  type Organisation,
  type OrganisationKind,
  placeKeys,
  useOrganisations,
} from '../../api/places';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { errorText } from '../../components/errorText';
import { ListSearch } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { PAGE_SIZES } from '../../components/useUrlList';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { GridSelect, useGridChoice } from '../residents/GridSelect';
import { useOrganisationListQuery } from './listQuery';
import { OrganisationCardList } from './OrganisationCardList';
import { OrganisationFormModal } from './OrganisationFormModal';
import { type OrganisationRowActions, organisationColumns } from './organisationColumns';
import { ORGANISATION_KIND_KEYS } from './vocabulary';
import './places.css';

/** What the form is open for: a new one, or one being edited; null when closed. */
type Editing = { organisation: Organisation | null } | null;

/**
 * 单位商铺: the organisations and shops of the working region, a tab each; searched by name
 * prefix or a whole credit code. The tab and the filters live in the URL.
 */
export default function OrganisationsPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const working = useWorkingRegion();
  const canWrite = usePermission('registry.write');
  const { filters, query, page, pageSize, setFilters, setPage, clearFilters } = useOrganisationListQuery(
    working.regionCode,
  );
  const organisations = useOrganisations(query);
  const { grids } = useGridChoice();
  const showGrid = grids === null || grids.length > 1;
  const [editing, setEditing] = useState<Editing>(null);

  const remove = useMutation({
    mutationFn: (organisation: Organisation) => deleteOrganisation(organisation.id),
    onSuccess: (_none, organisation) => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.organisations() });
      void message.success(t('places.organisationDeleted', { name: organisation.name }));
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const confirmDelete = (organisation: Organisation) =>
    modal.confirm({
      title: t('places.deleteOrganisationConfirm', { name: organisation.name }),
      okText: t('places.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(organisation).then(
          () => setEditing(null),
          () => undefined,
        ),
    });
  const actions: OrganisationRowActions = {
    canWrite,
    onEdit: (organisation) => setEditing({ organisation }),
    onDelete: confirmDelete,
  };
  const pagination: PaginationProps = {
    current: page,
    pageSize,
    pageSizeOptions: PAGE_SIZES,
    total: organisations.data?.total ?? 0,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
    onChange: setPage,
  };
  const filtered = Boolean(filters.q || filters.grid);
  const kindName = t(ORGANISATION_KIND_KEYS[filters.kind]);
  const empty = (
    <EmptyState
      description={filtered ? t('places.orgNoMatch') : t('places.orgEmpty', { kind: kindName })}
      action={
        filtered ? (
          <Button onClick={clearFilters}>{t('residents.clearFilters')}</Button>
        ) : canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ organisation: null })}>
            {t('places.newOrganisation')}
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('places.orgTitle')}
        subtitle={t('places.orgSubtitle', { region: working.name })}
        extra={
          <>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ organisation: null })}
              >
                {t('places.newOrganisation')}
              </Button>
            ) : null}
            <ExportButton run={() => exportOrganisations(query)} label={t('places.export')} />
          </>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined, paddingTop: 4 } }}>
        <Tabs
          activeKey={filters.kind}
          // The tabs' keys are the kinds; 单位, the default, stays out of the URL.
          onChange={(kind) => setFilters({ kind: kind === 'shop' ? 'shop' : undefined })}
          items={(['organisation', 'shop'] as OrganisationKind[]).map((kind) => ({
            key: kind,
            label: t(ORGANISATION_KIND_KEYS[kind]),
          }))}
        />
        <Flex gap={isMobile ? 8 : 12} wrap align="center" className="filter-bar">
          <ListSearch
            q={filters.q}
            onSearch={(q) => setFilters({ q })}
            placeholder={t('places.orgSearch')}
            aria-label={t('places.orgSearchLabel')}
            maxLength={40}
            style={{ width: isMobile ? '100%' : 360 }}
          />
          {showGrid ? (
            <GridSelect
              allowClear
              aria-label={t('places.grid')}
              placeholder={t('residents.allGrids')}
              value={filters.grid}
              onChange={(grid) => setFilters({ grid })}
              style={{ width: isMobile ? '100%' : 170 }}
            />
          ) : null}
          {filtered && !isMobile ? (
            <Button type="link" onClick={clearFilters} style={{ paddingInline: 0 }}>
              {t('residents.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {organisations.isError ? (
          <QueryError error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : isMobile ? (
          <OrganisationCardList
            organisations={organisations.data?.items}
            loading={organisations.isFetching}
            pagination={pagination}
            empty={empty}
            showGrid={showGrid}
            {...actions}
          />
        ) : (
          <Table<Organisation>
            rowKey="id"
            size="middle"
            className="places-table"
            columns={organisationColumns(t, actions, showGrid)}
            dataSource={organisations.data?.items}
            loading={organisations.isFetching}
            scroll={{ x: 1100 }}
            pagination={pagination}
            locale={{ emptyText: organisations.isLoading ? ' ' : empty }}
          />
        )}
      </Card>
      {canWrite ? (
        <OrganisationFormModal
          open={editing !== null}
          organisation={editing?.organisation ?? null}
          defaults={{ kind: filters.kind, regionCode: filters.grid }}
          onClose={() => setEditing(null)}
          onDelete={confirmDelete}
          onSaved={(saved) => {
            setEditing(null);
            // A new one is shown where it can be seen: its tab, found by its name.
            if (!editing?.organisation)
              setFilters({ kind: saved.kind === 'organisation' ? undefined : saved.kind, q: saved.name });
          }}
        />
      ) : null}
    </>
  );
}
