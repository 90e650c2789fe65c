import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { RegionWithPath } from '../../api/types';
import { RegionLevelTag } from '../../components/RegionLevelTag';
import { useT } from '../../i18n';

interface RegionSummaryProps {
  region: RegionWithPath;
  /** Ancestors above the account's scope are shown but not linked: opening them would 404. */
  isInScope: (code: string) => boolean;
  canEditGrids: boolean;
  onCreateGrid: () => void;
  onRename: () => void;
}

export function regionLink(code: string): string {
  return `/regions?code=${encodeURIComponent(code)}`;
}

export function RegionSummary({
  region,
  isInScope,
  canEditGrids,
  onCreateGrid,
  onRename,
}: RegionSummaryProps) {
  const t = useT();
  const crumbs = region.path.map((node, index) => ({
    key: node.code,
    title:
      index < region.path.length - 1 && isInScope(node.code) ? (
        <Link to={regionLink(node.code)}>{node.name}</Link>
      ) : (
        node.name
      ),
  }));

  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={crumbs} />
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {region.name}
          </Typography.Title>
          <RegionLevelTag level={region.level} />
        </Flex>
        {canEditGrids && region.level === 'community' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreateGrid}>
            {t('regions.newGrid')}
          </Button>
        ) : null}
        {canEditGrids && region.level === 'grid' ? (
          <Button icon={<EditOutlined />} onClick={onRename}>
            {t('regions.rename')}
          </Button>
        ) : null}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('region.code')}>
          <Typography.Text copyable>{region.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('region.level')}>{t(`region.level.${region.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('region.childCount')}>{region.childCount}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
