import { AimOutlined, CloseOutlined, EditOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Result, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser, usePermission } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../components/errorText';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RegionPicker } from '../../components/RegionPicker';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { BuildingPanel } from './BuildingPanel';
import { EditPanel } from './EditPanel';
import { GridList } from './GridList';
import MapCanvas, { type MapGrid } from './MapCanvas';
import type { EditTool } from './MapEditLayer';
import { MapLegend } from './MapLegend';
import { useMapEdits } from './useMapEdits';
import { useMapLayers, useSaveEdits } from './useMapLayers';
import './map.css';

/** The map answers for one street or less (the server refuses wider: MAP_REGION_TOO_WIDE). */
const NARROWEST_WIDE_REGION = 9;

/**
 * 民情地图: the grids of a region as outlines and its buildings as dots coloured by their
 * cared-for residents and overdue visits; a building opens its houses, households and people.
 * Grid workers and secretaries also draw outlines and place buildings here.
 */
export default function MapPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const isMobile = useIsMobile();
  const working = useWorkingRegion();
  const canEdit = usePermission('registry.editMap');
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();

  const requested = params.get('region') ?? working.regionCode;
  const tooWide = (requested ?? user.scope).length < NARROWEST_WIDE_REGION;

  const edits = useMapEdits();
  const [editing, setEditing] = useState(false);
  const [tool, setTool] = useState<EditTool>('none');
  const [selectedGrid, setSelectedGrid] = useState<string>();
  const [selectedBuilding, setSelectedBuilding] = useState<number>();
  const [movingId, setMovingId] = useState<number>();
  const [placing, setPlacing] = useState<{ id: number; label: string } | null>(null);
  /** Labels of buildings placed in this edit, which the server's layer does not hold yet. */
  const [placedLabels, setPlacedLabels] = useState<Record<number, string>>({});
  const [focus, setFocus] = useState<{ code: string; at: number } | null>(null);
  const [locateAt, setLocateAt] = useState(0);

  const layers = useMapLayers(requested, !tooWide, edits, placedLabels);
  const { settings, datum, grids, buildings } = layers;

  // Entering edit mode starts on a grid: the only one of a grid worker, else the first.
  useEffect(() => {
    if (!editing || selectedGrid) return;
    const first = grids.find((g) => g.level === 'grid') ?? grids[0];
    if (first) setSelectedGrid(first.code);
  }, [editing, selectedGrid, grids]);

  const stopTools = useCallback(() => {
    setTool('none');
    setPlacing(null);
    setMovingId(undefined);
  }, []);

  const exitEditing = () => {
    stopTools();
    edits.forget();
    setPlacedLabels({});
    setEditing(false);
  };

  const saveEdits = useSaveEdits(edits, layers.storedOutline);
  const save = () =>
    saveEdits.mutate(undefined, {
      onSuccess: (n) => {
        stopTools();
        void message.success(t('map.edit.saved', { n }));
      },
      onError: (error) => {
        void message.error(errorText(t, error));
      },
    });

  const onGridClick = (code: string) => {
    if (tool !== 'none') return;
    setSelectedGrid(code);
  };
  const onBuildingClick = (id: number) => {
    if (tool !== 'none') return;
    if (editing) setMovingId(id);
    else setSelectedBuilding(id);
  };
  const focusGrid = (code: string) => {
    setSelectedGrid(code);
    setFocus({ code, at: Date.now() });
  };

  const selectedOutline = grids.find((g) => g.code === selectedGrid)?.outline ?? null;
  const moving = movingId === undefined ? null : buildings.find((b) => b.id === movingId);
  const building = buildings.find((b) => b.id === selectedBuilding);
  const { error: failure, loading } = layers;
  const missingOutlines = grids.filter((g) => g.level === 'grid' && !g.outline).length;
  const isEmpty = !loading && !grids.some((g) => g.outline) && buildings.length === 0;

  const edit = editing
    ? {
        lang,
        tool,
        regionCode: selectedGrid,
        outline: selectedOutline,
        revision: edits.revision,
        onOutline: (outline: NonNullable<MapGrid['outline']>) => {
          if (selectedGrid) edits.setOutline(selectedGrid, outline);
        },
        onDrawEnd: () => setTool((current) => (current === 'draw' ? 'none' : current)),
        moving: moving ? { id: moving.id, location: { lat: moving.lat, lng: moving.lng } } : null,
        onMove: edits.setLocation,
        onPlace: (location: { lat: number; lng: number }) => {
          if (!placing) return;
          edits.setLocation(placing.id, location);
          setPlacedLabels((labels) => ({ ...labels, [placing.id]: placing.label }));
          setMovingId(placing.id);
          setPlacing(null);
          setTool('none');
        },
      }
    : null;

  const regionPicker =
    user.scope.length < 15 ? (
      <RegionPicker
        aria-label={t('map.chooseRegion')}
        placeholder={t('map.chooseRegion')}
        value={requested}
        valueLabel={grids.find((g) => g.code === requested)?.name}
        onChange={(code) => {
          exitEditing();
          setSelectedBuilding(undefined);
          setSelectedGrid(undefined);
          setParams(code ? { region: code } : {});
        }}
        style={{ width: isMobile ? 'calc(100vw - 24px)' : 280 }}
      />
    ) : null;

  const header = (
    <PageHeader
      title={t('map.title')}
      subtitle={t('map.subtitle')}
      extra={
        <>
          {regionPicker}
          {canEdit && !editing && !tooWide ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setSelectedBuilding(undefined);
                setEditing(true);
              }}
            >
              {t('map.edit.start')}
            </Button>
          ) : null}
        </>
      }
    />
  );

  if (tooWide) {
    return (
      <>
        {header}
        <Card>
          <Result
            icon={<EnvironmentOutlined className="region-not-found-icon" />}
            title={t('map.tooWide')}
            subTitle={t('map.tooWideDesc')}
          />
        </Card>
      </>
    );
  }

  const editPanel = (
    <EditPanel
      grids={grids}
      selectedGrid={selectedGrid}
      onSelectGrid={(code) => {
        stopTools();
        focusGrid(code);
      }}
      tool={tool}
      onTool={(next) => {
        setPlacing(null);
        setMovingId(undefined);
        setTool(next);
      }}
      hasOutline={selectedOutline !== null}
      onDeleteOutline={() => {
        if (!selectedGrid) return;
        setTool('none');
        edits.setOutline(selectedGrid, null);
      }}
      edits={edits}
      placing={placing}
      onStartPlacing={(b) => {
        setMovingId(undefined);
        setPlacing(b);
        setTool('place');
      }}
      movingLabel={moving?.label ?? null}
      saving={saveEdits.isPending}
      onSave={save}
      onExit={exitEditing}
    />
  );

  const aside = editing ? (
    editPanel
  ) : building && !isMobile ? (
    <BuildingPanel key={building.id} building={building} />
  ) : (
    <GridList grids={grids} selected={selectedGrid} onSelect={focusGrid} />
  );

  return (
    <>
      {header}
      {failure ? (
        <QueryError error={failure} onRetry={layers.refetch} />
      ) : (
        <div className={`map-layout${editing ? ' map-layout-editing' : ''}`}>
          <div className="map-frame">
            {settings.data ? (
              <MapCanvas
                settings={settings.data}
                datum={datum}
                grids={grids}
                buildings={buildings}
                selectedGrid={selectedGrid}
                selectedBuilding={editing ? movingId : selectedBuilding}
                onGridClick={onGridClick}
                onBuildingClick={onBuildingClick}
                frameKey={`${requested ?? ''}:${layers.gridLayer.isSuccess && layers.buildingLayer.isSuccess}`}
                focus={focus}
                edit={edit}
                hiddenGrid={editing && tool === 'vertex' ? selectedGrid : undefined}
                hiddenBuilding={editing ? movingId : undefined}
                locateAt={locateAt}
                onLocateFailed={() => void message.warning(t('map.locateFailed'))}
              />
            ) : null}
            {loading ? (
              <div className="map-overlay">
                <Spin />
              </div>
            ) : null}
            {isEmpty && !editing ? (
              <div className="map-overlay">
                <div className="map-empty">
                  <EmptyState description={canEdit ? t('map.emptyEditable') : t('map.empty')} />
                </div>
              </div>
            ) : null}
            <Tooltip title={t('map.locate')} placement="left">
              <Button
                className="map-locate"
                shape="circle"
                icon={<AimOutlined />}
                aria-label={t('map.locate')}
                onClick={() => setLocateAt(Date.now())}
              />
            </Tooltip>
            {isMobile ? <MapLegend compact missingOutlines={missingOutlines} /> : null}
          </div>
          <div className="map-aside">
            <Card
              className="map-aside-panel"
              size="small"
              title={
                editing ? t('map.edit.title') : building && !isMobile ? t('map.building') : t('map.grids')
              }
              extra={
                building && !isMobile && !editing ? (
                  <Button
                    type="text"
                    size="small"
                    icon={<CloseOutlined />}
                    aria-label={t('common.close')}
                    onClick={() => setSelectedBuilding(undefined)}
                  />
                ) : null
              }
            >
              {aside}
            </Card>
            {/* While editing, the panel's buttons need the room more than the legend does. */}
            {isMobile || editing ? null : <MapLegend compact={false} missingOutlines={missingOutlines} />}
          </div>
        </div>
      )}
      {isMobile ? (
        <Drawer
          placement="bottom"
          open={Boolean(building) && !editing}
          onClose={() => setSelectedBuilding(undefined)}
          size="72%"
          title={t('map.building')}
          destroyOnHidden
        >
          {building ? <BuildingPanel key={building.id} building={building} /> : null}
        </Drawer>
      ) : null}
    </>
  );
}
