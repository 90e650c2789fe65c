import { type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Building } from '../../api/places';
import type { Translate } from '../../i18n';
import { labelOf } from '../residents/vocabulary';
import { BUILDING_KIND_KEYS } from './vocabulary';

const muted = (value: string | number | null) =>
  value === null || value === '' ? <Typography.Text type="secondary">—</Typography.Text> : value;

/** Commercial and mixed buildings stand out; most are residential. */
export function BuildingKindTag({ t, kind }: { t: Translate; kind: Building['kind'] }) {
  const color = kind === 'commercial' ? 'gold' : kind === 'mixed' ? 'purple' : undefined;
  return <Tag color={color}>{labelOf(t, BUILDING_KIND_KEYS, kind)}</Tag>;
}

const count = (n: number) => <span className="places-count">{n}</span>;

/** Desktop columns, sized for a 1440 px screen; the grid column only with several grids. */
export function buildingColumns(t: Translate, showGrid: boolean): TableColumnsType<Building> {
  return [
    {
      title: t('places.number'),
      dataIndex: 'number',
      width: 110,
      fixed: 'left',
      render: (number: string, building) => (
        <Link to={`/places/buildings/${building.id}`} onClick={(e) => e.stopPropagation()}>
          <Typography.Text strong>{number}</Typography.Text>
        </Link>
      ),
    },
    { title: t('places.estate'), dataIndex: 'estateName', ellipsis: true, render: muted },
    ...(showGrid ? [{ title: t('places.grid'), dataIndex: 'regionName', width: 110, ellipsis: true }] : []),
    {
      title: t('places.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (kind: Building['kind']) => <BuildingKindTag t={t} kind={kind} />,
    },
    { title: t('places.floors'), dataIndex: 'floors', width: 70, align: 'right', render: muted },
    { title: t('places.units'), dataIndex: 'units', width: 70, align: 'right', render: muted },
    { title: t('places.elevators'), dataIndex: 'elevators', width: 70, align: 'right', render: muted },
    {
      title: t('places.houses'),
      key: 'houses',
      width: 80,
      align: 'right',
      render: (_v, b) => count(b.counts.houses),
    },
    {
      title: t('places.households'),
      key: 'households',
      width: 80,
      align: 'right',
      render: (_v, b) => count(b.counts.households),
    },
    {
      title: t('places.residents'),
      key: 'residents',
      width: 80,
      align: 'right',
      render: (_v, b) => count(b.counts.residents),
    },
  ];
}
