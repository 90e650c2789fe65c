import { EditOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Region } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { RegionLevelTag } from '../../components/RegionLevelTag';
import { useT } from '../../i18n';
import { regionLink } from './RegionSummary';

interface RegionChildrenProps {
  regions: Region[] | undefined;
  loading: boolean;
  canEditGrids: boolean;
  onRename: (grid: Region) => void;
  /** Shown when the list is empty (e.g. 新建网格 under a community). */
  emptyText: string;
  emptyAction?: ReactNode;
}

export function RegionChildren({
  regions,
  loading,
  canEditGrids,
  onRename,
  emptyText,
  emptyAction,
}: RegionChildrenProps) {
  const t = useT();
  const navigate = useNavigate();
  // Without grid rights and with nothing to open, an actions column would stay empty.
  const hasActions = canEditGrids || (regions ?? []).some((region) => region.childCount > 0);
  const columns: TableColumnsType<Region> = [
    {
      title: t('region.name'),
      dataIndex: 'name',
      render: (name: string, region) => <Link to={regionLink(region.code)}>{name}</Link>,
    },
    { title: t('region.code'), dataIndex: 'code', width: 170, responsive: ['sm'] },
    {
      title: t('region.level'),
      dataIndex: 'level',
      width: 90,
      render: (level: Region['level']) => <RegionLevelTag level={level} />,
    },
    {
      title: t('region.childCount'),
      dataIndex: 'childCount',
      width: 100,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('common.actions'),
      key: 'actions',
      hidden: !hasActions,
      width: 150,
      render: (_value, region) => (
        <Space size={0}>
          {canEditGrids && region.level === 'grid' ? (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onRename(region)}>
              {t('regions.rename')}
            </Button>
          ) : null}
          {region.childCount > 0 ? (
            <Button
              type="link"
              size="small"
              onClick={() => navigate(regionLink(region.code))}
              aria-label={`${t('regions.open')} ${region.name}`}
            >
              {t('regions.open')} <RightOutlined />
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<Region>
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={regions}
      loading={loading}
      pagination={(regions?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: <EmptyState description={emptyText} action={emptyAction} /> }}
    />
  );
}
