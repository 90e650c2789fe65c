import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, type PaginationProps, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type Building, exportBuildings, useBuildings, useEstates } from '../../api/places';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { PAGE_SIZES } from '../../components/useUrlList';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { useGridChoice } from '../residents/GridSelect';
import { BuildingCardList } from './BuildingCardList';
import { BuildingFilters } from './BuildingFilters';
import { BuildingFormModal } from './BuildingFormModal';
import { buildingColumns } from './buildingColumns';
import { EstateFormModal } from './EstateFormModal';
import { useBuildingListQuery } from './listQuery';
import './places.css';

/**
 * 楼栋房屋: the buildings of the working region (or a grid, or an estate), searched by number;
 * a building opens its floor plan. The filters live in the URL.
 */
export default function PlacesPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const working = useWorkingRegion();
  const canWrite = usePermission('registry.write');
  const { filters, query, page, pageSize, setFilters, setPage, clearFilters } = useBuildingListQuery(
    working.regionCode,
  );
  const buildings = useBuildings(query);
  const estates = useEstates(working.regionCode);
  const { grids } = useGridChoice();
  const showGrid = grids === null || grids.length > 1;
  const [adding, setAdding] = useState<'building' | 'estate' | null>(null);

  const pagination: PaginationProps = {
    current: page,
    pageSize,
    pageSizeOptions: PAGE_SIZES,
    total: buildings.data?.total ?? 0,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
    onChange: setPage,
  };
  const filtered = Boolean(filters.q || filters.grid || filters.estate);
  const empty = (
    <EmptyState
      description={filtered ? t('places.noMatch') : t('places.empty')}
      action={
        filtered ? (
          <>
            <Button onClick={clearFilters}>{t('residents.clearFilters')}</Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('building')}>
                {t('places.newBuilding')}
              </Button>
            ) : null}
          </>
        ) : canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('building')}>
            {t('places.newBuilding')}
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('places.title')}
        subtitle={t('places.subtitle', { region: working.name })}
        extra={
          <>
            {canWrite ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('building')}>
                  {t('places.newBuilding')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => setAdding('estate')}>
                  {t('places.newEstate')}
                </Button>
              </>
            ) : null}
            <ExportButton run={() => exportBuildings(query)} label={t('places.export')} />
          </>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
        <BuildingFilters
          filters={filters}
          estates={estates.data}
          estatesLoading={estates.isLoading}
          onChange={setFilters}
          onClear={clearFilters}
        />
        {buildings.isError ? (
          <QueryError error={buildings.error} onRetry={() => void buildings.refetch()} />
        ) : isMobile ? (
          <BuildingCardList
            buildings={buildings.data?.items}
            loading={buildings.isFetching}
            pagination={pagination}
            empty={empty}
            showGrid={showGrid}
          />
        ) : (
          <Table<Building>
            rowKey="id"
            size="middle"
            className="places-table"
            columns={buildingColumns(t, showGrid)}
            dataSource={buildings.data?.items}
            loading={buildings.isFetching}
            scroll={{ x: 900 }}
            pagination={pagination}
            locale={{ emptyText: buildings.isLoading ? ' ' : empty }}
            onRow={(building) => ({
              onClick: () => navigate(`/places/buildings/${building.id}`),
              style: { cursor: 'pointer' },
            })}
          />
        )}
      </Card>
      {canWrite ? (
        <>
          <BuildingFormModal
            open={adding === 'building'}
            building={null}
            defaults={{ regionCode: filters.grid, estateId: filters.estate }}
            onClose={() => setAdding(null)}
            onSaved={(building) => {
              setAdding(null);
              navigate(`/places/buildings/${building.id}`);
            }}
          />
          <EstateFormModal
            open={adding === 'estate'}
            onClose={() => setAdding(null)}
            onSaved={(estate) => {
              setAdding(null);
              setFilters({ estate: estate.id, grid: undefined, q: undefined });
            }}
          />
        </>
      ) : null}
    </>
  );
}
