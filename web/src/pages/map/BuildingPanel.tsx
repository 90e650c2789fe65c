import { ArrowLeftOutlined, HomeOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  fetchBuildingHouses,
  fetchHouse,
  type House,
  type HouseWithHouseholds,
  mapKeys,
} from '../../api/map';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { type MessageKey, useT } from '../../i18n';
import type { MapBuilding } from './MapCanvas';
import { COLORS } from './mapStyle';

type Member = HouseWithHouseholds['otherResidents'][number];

function CountTags({ building }: { building: MapBuilding }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      <Tag>{t('map.residents', { n: building.residents })}</Tag>
      <Tag color={building.caredFor ? 'orange' : undefined}>
        {t('map.caredFor', { n: building.caredFor })}
      </Tag>
      <Tag color={building.overdue ? 'red' : undefined}>{t('map.overdue', { n: building.overdue })}</Tag>
    </Flex>
  );
}

function houseLabel(t: ReturnType<typeof useT>, house: Pick<House, 'unit' | 'room'>): string {
  return house.unit ? t('map.houseInUnit', { unit: house.unit, room: house.room }) : house.room;
}

function HouseList({ buildingId, onOpen }: { buildingId: number; onOpen: (house: House) => void }) {
  const t = useT();
  const houses = useQuery({
    queryKey: mapKeys.houses(buildingId),
    queryFn: () => fetchBuildingHouses(buildingId),
  });
  if (houses.isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (houses.error) return <QueryError error={houses.error} onRetry={() => void houses.refetch()} />;
  const items = houses.data ?? [];
  if (items.length === 0) return <EmptyState description={t('map.noHouses')} />;
  return (
    <List
      size="small"
      header={<Typography.Text type="secondary">{t('map.housesCount', { n: items.length })}</Typography.Text>}
      dataSource={items}
      renderItem={(house) => (
        <List.Item className="map-list-item">
          <button type="button" className="map-row-button" onClick={() => onOpen(house)}>
            <HomeOutlined />
            <span className="map-row-main">{houseLabel(t, house)}</span>
            {house.floor !== null ? (
              <Typography.Text type="secondary">{t('map.floor', { n: house.floor })}</Typography.Text>
            ) : null}
            {house.use !== 'residential' ? <Tag>{t(`map.use.${house.use}` as MessageKey)}</Tag> : null}
            <RightOutlined className="map-row-arrow" />
          </button>
        </List.Item>
      )}
    />
  );
}

function MemberRow({ member }: { member: Member }) {
  const t = useT();
  const navigate = useNavigate();
  const details = [
    member.relation ? t(`map.relation.${member.relation}` as MessageKey) : null,
    t(`map.gender.${member.gender}` as MessageKey),
    t('map.age', { n: member.age }),
  ].filter(Boolean);
  return (
    <List.Item className="map-list-item">
      <button type="button" className="map-row-button" onClick={() => navigate(`/residents/${member.id}`)}>
        <UserOutlined />
        <span className="map-row-main">{member.name}</span>
        <Typography.Text type="secondary">{details.join(' · ')}</Typography.Text>
        {member.status !== 'resident' ? <Tag>{t(`map.status.${member.status}` as MessageKey)}</Tag> : null}
        <RightOutlined className="map-row-arrow" />
      </button>
    </List.Item>
  );
}

function HouseDetailView({ house }: { house: House }) {
  const t = useT();
  const detail = useQuery({ queryKey: mapKeys.house(house.id), queryFn: () => fetchHouse(house.id) });
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  if (!data) return null;
  const groups = [
    ...data.households.map((h, i) => ({
      key: `h${h.id}`,
      title: h.number ? t('map.household', { number: h.number }) : t('map.householdN', { n: i + 1 }),
      members: h.members,
    })),
    ...(data.otherResidents.length
      ? [{ key: 'other', title: t('map.otherResidents'), members: data.otherResidents }]
      : []),
  ];
  if (groups.length === 0) return <EmptyState description={t('map.noHouseholds')} />;
  return (
    <Flex vertical gap={12}>
      {groups.map((group) => (
        <List
          key={group.key}
          size="small"
          header={<strong>{group.title}</strong>}
          dataSource={group.members}
          locale={{ emptyText: t('map.noMembers') }}
          renderItem={(member) => <MemberRow member={member} />}
        />
      ))}
    </Flex>
  );
}

/**
 * A building's houses, then a house's households and their members; a member opens the
 * resident's record. The side panel on desktops, a drawer on phones.
 */
export function BuildingPanel({ building }: { building: MapBuilding }) {
  const t = useT();
  const [house, setHouse] = useState<House | null>(null);
  return (
    <Flex vertical gap={12} className="map-building-panel">
      <Flex vertical gap={6}>
        <Flex align="center" gap={8}>
          <span
            className="map-legend-dot"
            style={{
              background: building.overdue
                ? COLORS.overdue
                : building.caredFor
                  ? COLORS.caredFor
                  : COLORS.residents,
            }}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {building.label}
          </Typography.Title>
        </Flex>
        <CountTags building={building} />
      </Flex>
      {house ? (
        <>
          <Flex align="center" gap={8}>
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => setHouse(null)}>
              {t('map.backToHouses')}
            </Button>
            <Typography.Text strong>{houseLabel(t, house)}</Typography.Text>
          </Flex>
          <HouseDetailView house={house} />
        </>
      ) : (
        <HouseList buildingId={building.id} onOpen={setHouse} />
      )}
    </Flex>
  );
}
