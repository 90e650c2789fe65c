import {
  AimOutlined,
  DeleteOutlined,
  EditOutlined,
  FormOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Flex, List, Popconfirm, Select, Skeleton, Typography } from 'antd';
import { fetchUnlocatedBuildings, mapKeys } from '../../api/map';
import { QueryError } from '../../components/QueryError';
import { useT } from '../../i18n';
import type { MapGrid } from './MapCanvas';
import type { EditTool } from './MapEditLayer';
import type { MapEdits } from './useMapEdits';

interface EditPanelProps {
  grids: MapGrid[];
  selectedGrid: string | undefined;
  onSelectGrid: (code: string) => void;
  tool: EditTool;
  onTool: (tool: EditTool) => void;
  hasOutline: boolean;
  onDeleteOutline: () => void;
  edits: MapEdits;
  placing: { id: number; label: string } | null;
  onStartPlacing: (building: { id: number; label: string }) => void;
  movingLabel: string | null;
  saving: boolean;
  onSave: () => void;
  onExit: () => void;
}

function UnlocatedBuildings({
  regionCode,
  placedIds,
  onPlace,
  placingId,
}: {
  regionCode: string;
  placedIds: Set<number>;
  onPlace: (building: { id: number; label: string }) => void;
  placingId: number | undefined;
}) {
  const t = useT();
  const unlocated = useQuery({
    queryKey: mapKeys.unlocated(regionCode),
    queryFn: () => fetchUnlocatedBuildings(regionCode),
  });
  if (unlocated.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (unlocated.error) return <QueryError error={unlocated.error} onRetry={() => void unlocated.refetch()} />;
  const items = (unlocated.data ?? []).filter((b) => !placedIds.has(b.id));
  if (items.length === 0) {
    return <Typography.Text type="secondary">{t('map.edit.allPlaced')}</Typography.Text>;
  }
  return (
    <List
      size="small"
      className="map-unlocated"
      header={
        <Typography.Text type="secondary">{t('map.edit.unlocated', { n: items.length })}</Typography.Text>
      }
      dataSource={items}
      renderItem={(b) => {
        const label = b.estateName ? `${b.estateName} ${b.number}` : b.number;
        return (
          <List.Item
            actions={[
              <Button
                key="place"
                size="small"
                type={placingId === b.id ? 'primary' : 'default'}
                icon={<AimOutlined />}
                onClick={() => onPlace({ id: b.id, label })}
              >
                {t('map.edit.place')}
              </Button>,
            ]}
          >
            {label}
          </List.Item>
        );
      }}
    />
  );
}

/** The tools of the map's edit mode: outlines, building locations, and saving or undoing them. */
export function EditPanel(props: EditPanelProps) {
  const t = useT();
  const { edits, tool } = props;
  const hint =
    tool === 'draw'
      ? t('map.edit.hintDraw')
      : tool === 'vertex'
        ? t('map.edit.hintVertex')
        : props.placing
          ? t('map.edit.hintPlace', { name: props.placing.label })
          : props.movingLabel
            ? t('map.edit.hintMove', { name: props.movingLabel })
            : t('map.edit.hintIdle');

  return (
    <Flex vertical gap={10} className="map-edit-panel">
      <Alert type="info" showIcon title={hint} className="map-edit-hint" />
      <Typography.Text strong>{t('map.edit.outline')}</Typography.Text>
      <Select
        aria-label={t('map.edit.chooseGrid')}
        placeholder={t('map.edit.chooseGrid')}
        value={props.selectedGrid}
        onChange={props.onSelectGrid}
        options={props.grids.map((g) => ({
          value: g.code,
          label: g.outline ? g.name : `${g.name}（${t('map.noOutline')}）`,
        }))}
      />
      <Flex gap={8} wrap>
        <Button
          icon={<FormOutlined />}
          type={tool === 'draw' ? 'primary' : 'default'}
          disabled={!props.selectedGrid}
          onClick={() => props.onTool(tool === 'draw' ? 'none' : 'draw')}
        >
          {props.hasOutline ? t('map.edit.redraw') : t('map.edit.draw')}
        </Button>
        <Button
          icon={<EditOutlined />}
          type={tool === 'vertex' ? 'primary' : 'default'}
          disabled={!props.hasOutline}
          onClick={() => props.onTool(tool === 'vertex' ? 'none' : 'vertex')}
        >
          {tool === 'vertex' ? t('map.edit.vertexDone') : t('map.edit.vertex')}
        </Button>
        <Popconfirm
          title={t('map.edit.deleteConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={props.onDeleteOutline}
          disabled={!props.hasOutline}
        >
          <Button danger icon={<DeleteOutlined />} disabled={!props.hasOutline}>
            {t('map.edit.delete')}
          </Button>
        </Popconfirm>
      </Flex>
      <Divider style={{ margin: '4px 0' }} />
      <Typography.Text strong>{t('map.edit.buildings')}</Typography.Text>
      {props.selectedGrid ? (
        <UnlocatedBuildings
          regionCode={props.selectedGrid}
          placedIds={new Set(Object.keys(edits.locations).map(Number))}
          onPlace={props.onStartPlacing}
          placingId={props.placing?.id}
        />
      ) : null}
      <Divider style={{ margin: '4px 0' }} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type={edits.count ? 'warning' : 'secondary'}>
          {edits.count ? t('map.edit.pending', { n: edits.count }) : t('map.edit.nothingPending')}
        </Typography.Text>
        <Flex gap={8} wrap>
          <Button
            icon={<UndoOutlined />}
            disabled={edits.history.length === 0 || props.saving}
            onClick={edits.undo}
          >
            {t('map.edit.undo')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={edits.count === 0}
            loading={props.saving}
            onClick={props.onSave}
          >
            {t('common.save')}
          </Button>
          {edits.count ? (
            <Popconfirm
              title={t('map.edit.discardConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={props.onExit}
            >
              <Button disabled={props.saving}>{t('map.edit.exit')}</Button>
            </Popconfirm>
          ) : (
            <Button onClick={props.onExit}>{t('map.edit.exit')}</Button>
          )}
        </Flex>
      </Flex>
    </Flex>
  );
}
