import { AimOutlined } from '@ant-design/icons';
import { Flex, List, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import type { MapGrid } from './MapCanvas';
import { gridColor } from './mapStyle';

/** The grids of the map with their figures; a tap frames one on the map. */
export function GridList({
  grids,
  selected,
  onSelect,
}: {
  grids: MapGrid[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const t = useT();
  const total = grids
    .filter((g) => g.level === 'grid')
    .reduce(
      (sum, g) => ({
        residents: sum.residents + g.residents,
        caredFor: sum.caredFor + g.caredFor,
        overdue: sum.overdue + g.overdue,
      }),
      { residents: 0, caredFor: 0, overdue: 0 },
    );
  const items = grids.filter((g) => g.level === 'grid');
  return (
    <Flex vertical gap={8}>
      <Flex gap={4} wrap>
        <Tag>{t('map.residents', { n: total.residents })}</Tag>
        <Tag color={total.caredFor ? 'orange' : undefined}>{t('map.caredFor', { n: total.caredFor })}</Tag>
        <Tag color={total.overdue ? 'red' : undefined}>{t('map.overdue', { n: total.overdue })}</Tag>
      </Flex>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('map.noGrids') }}
        renderItem={(grid) => (
          <List.Item className="map-list-item">
            <button
              type="button"
              className={`map-row-button${grid.code === selected ? ' map-row-selected' : ''}`}
              onClick={() => onSelect(grid.code)}
            >
              <span
                className="map-legend-swatch"
                style={{ borderColor: gridColor(grid), background: `${gridColor(grid)}33` }}
              />
              <span className="map-row-main">{grid.name}</span>
              {grid.overdue ? <Tag color="red">{t('map.overdue', { n: grid.overdue })}</Tag> : null}
              {grid.caredFor ? (
                <Typography.Text type="secondary">{t('map.caredFor', { n: grid.caredFor })}</Typography.Text>
              ) : null}
              {grid.outline ? <AimOutlined className="map-row-arrow" /> : <Tag>{t('map.noOutline')}</Tag>}
            </button>
          </List.Item>
        )}
      />
    </Flex>
  );
}
