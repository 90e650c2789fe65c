import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Pagination, type PaginationProps, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Building } from '../../api/places';
import { useT } from '../../i18n';
import { BuildingKindTag } from './buildingColumns';
import { buildingFacts } from './buildingFacts';

interface BuildingCardListProps {
  buildings: Building[] | undefined;
  loading: boolean;
  pagination: PaginationProps;
  empty: ReactNode;
  showGrid: boolean;
}

/** Phones: one card per building, the whole card a link to its floor plan. */
export function BuildingCardList({ buildings, loading, pagination, empty, showGrid }: BuildingCardListProps) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={10}>
        {buildings?.length === 0 ? empty : null}
        {buildings?.map((building) => (
          <Card key={building.id} size="small" className="places-card">
            <Link to={`/places/buildings/${building.id}`} className="places-card-link">
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Flex align="center" gap={8} wrap>
                    <Typography.Text strong className="places-card-title">
                      {building.estateName ? `${building.estateName} · ` : ''}
                      {building.number}
                    </Typography.Text>
                    {building.kind !== 'residential' ? <BuildingKindTag t={t} kind={building.kind} /> : null}
                  </Flex>
                  <Typography.Text type="secondary" className="places-card-line">
                    {[showGrid ? building.regionName : null, ...buildingFacts(t, building)]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  <Typography.Text className="places-card-line">
                    {t('places.countsLine', {
                      houses: building.counts.houses,
                      households: building.counts.households,
                      residents: building.counts.residents,
                    })}
                  </Typography.Text>
                </Flex>
                <RightOutlined className="shortcut-arrow" />
              </Flex>
            </Link>
          </Card>
        ))}
        <Pagination {...pagination} size="small" align="center" />
      </Flex>
    </Spin>
  );
}
