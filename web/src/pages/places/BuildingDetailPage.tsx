import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  EnvironmentOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { mapKeys } from '../../api/map';
import {
  type Building,
  deleteBuilding,
  exportBuildingHouses,
  placeKeys,
  useBuilding,
  useBuildingHouses,
  useOccupancy,
} from '../../api/places';
import { usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { errorText } from '../../components/errorText';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { BuildingFormModal } from './BuildingFormModal';
import { BuildingKindTag } from './buildingColumns';
import { buildingFacts, buildingName } from './buildingFacts';
import { FloorPlan, FloorPlanLegend } from './FloorPlan';
import { HouseDrawer } from './HouseDrawer';
import { HouseFormModal } from './HouseFormModal';
import { lastBuildingListPath } from './listQuery';
import './places.css';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="building-figure">
      <span className="building-figure-value" data-testid={testId}>
        {value}
      </span>
      <span className="building-figure-label">{label}</span>
    </div>
  );
}

/** Who the building is at a glance, and what may be done with it. */
function BuildingHeader({ building, actions }: { building: Building; actions: ReactNode }) {
  const t = useT();
  const isMobile = useIsMobile();
  const facts = buildingFacts(t, building);
  return (
    <Card styles={{ body: { padding: isMobile ? 16 : undefined } }}>
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Flex align="center" gap={10} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {buildingName(building)}
            </Typography.Title>
            <BuildingKindTag t={t} kind={building.kind} />
          </Flex>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {building.regionName}
            {building.address ? ` · ${building.address}` : ''}
          </Typography.Text>
          {facts.length > 0 ? <Typography.Text>{facts.join(' · ')}</Typography.Text> : null}
          <Flex gap={isMobile ? 20 : 28} className="building-figures">
            <Figure label={t('places.houses')} value={building.counts.houses} testId="count-houses" />
            <Figure
              label={t('places.households')}
              value={building.counts.households}
              testId="count-households"
            />
            <Figure
              label={t('places.residents')}
              value={building.counts.residents}
              testId="count-residents"
            />
          </Flex>
        </Flex>
        <Flex gap={8} wrap className="building-actions">
          {actions}
        </Flex>
      </Flex>
    </Card>
  );
}

/** `/places/buildings/:id`: the building's header, then its houses as a floor plan. */
export default function BuildingDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const canWrite = usePermission('registry.write');
  const building = useBuilding(id);
  const houses = useBuildingHouses(id, building.isSuccess);
  const occupancy = useOccupancy(id, building.isSuccess && (building.data?.counts.residents ?? 0) > 0);
  const [openHouseId, setOpenHouseId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [addingHouse, setAddingHouse] = useState(false);

  const remove = useMutation({
    mutationFn: (target: Building) => deleteBuilding(target.id),
    onSuccess: (_none, target) => {
      queryClient.removeQueries({ queryKey: placeKeys.building(target.id) });
      void queryClient.invalidateQueries({ queryKey: placeKeys.buildings() });
      void queryClient.invalidateQueries({ queryKey: mapKeys.all });
      void message.success(t('places.buildingDeleted', { number: target.number }));
      navigate(lastBuildingListPath(), { replace: true });
    },
    // 409 BUILDING_NOT_EMPTY and the like: the server says why, in the user's language.
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(lastBuildingListPath())}
      className="back-link"
    >
      {t('places.backToList')}
    </Button>
  );

  if (building.isError) {
    const missing = (isApiError(building.error) && building.error.status === 404) || !Number.isInteger(id);
    return (
      <>
        {back}
        <Card>
          {missing ? (
            <EmptyState description={t('places.buildingNotFound')} />
          ) : (
            <QueryError error={building.error} onRetry={() => void building.refetch()} />
          )}
        </Card>
      </>
    );
  }
  if (!building.data) return <FullPageSpin />;
  const data = building.data;
  const houseList = houses.data ?? [];
  const units = [...new Set(houseList.map((h) => h.unit).filter((u): u is string => u !== null))];
  const openHouse = houseList.find((h) => h.id === openHouseId) ?? null;

  const confirmDelete = () =>
    modal.confirm({
      title: t('places.deleteBuildingConfirm', { name: buildingName(data) }),
      content: t('places.deleteBuildingDesc'),
      okText: t('places.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(data).catch(() => undefined),
    });

  const actions = (
    <>
      {/* The map opens on the building's grid (it takes ?region=, not a building). */}
      <Button icon={<EnvironmentOutlined />} onClick={() => navigate(`/map?region=${data.regionCode}`)}>
        {isMobile ? t('places.map') : t('places.onMap')}
      </Button>
      {canWrite ? (
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={confirmDelete}>
            {t('places.delete')}
          </Button>
        </>
      ) : null}
    </>
  );

  let plan = null;
  if (houses.isError) plan = <QueryError error={houses.error} onRetry={() => void houses.refetch()} />;
  else if (houses.isLoading) plan = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (houseList.length === 0)
    plan = (
      <EmptyState
        description={t('places.noHouses')}
        action={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingHouse(true)}>
              {t('places.newHouse')}
            </Button>
          ) : undefined
        }
      />
    );
  else
    plan = (
      <FloorPlan
        houses={houseList}
        occupancy={occupancy.data}
        counting={occupancy.isLoading}
        onOpen={(house) => setOpenHouseId(house.id)}
      />
    );

  return (
    <Flex vertical gap={16} className="building-detail">
      <div>{back}</div>
      <BuildingHeader building={data} actions={actions} />
      <Card
        title={t('places.floorPlanTitle', { n: houseList.length })}
        styles={{ body: { padding: isMobile ? 12 : undefined } }}
        extra={
          <Flex gap={8}>
            {houseList.length > 0 ? (
              <ExportButton
                type="text"
                run={() => exportBuildingHouses(id)}
                label={t('places.exportHouses')}
                iconOnly={isMobile}
              />
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingHouse(true)}>
                {t('places.newHouse')}
              </Button>
            ) : null}
          </Flex>
        }
      >
        {houseList.length > 0 ? <FloorPlanLegend /> : null}
        {occupancy.isError ? (
          <Typography.Text type="warning" className="small-text">
            {t('places.countsFailed')}
          </Typography.Text>
        ) : null}
        {plan}
      </Card>
      <HouseDrawer
        house={openHouse}
        buildingId={data.id}
        units={units}
        canWrite={canWrite}
        onClose={() => setOpenHouseId(null)}
      />
      {canWrite ? (
        <>
          <BuildingFormModal
            open={editing}
            building={data}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <HouseFormModal
            open={addingHouse}
            buildingId={data.id}
            house={null}
            units={units}
            onClose={() => setAddingHouse(false)}
            onSaved={(house) => {
              setAddingHouse(false);
              setOpenHouseId(house.id);
            }}
          />
        </>
      ) : null}
    </Flex>
  );
}
