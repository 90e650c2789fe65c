import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { Unit } from '../../api/fieldvisits';
import { type Reporter, usePrefectures } from '../../api/fv-oversight';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { type Translate, useT } from '../../i18n';
import { UnitFormDrawer } from './UnitFormDrawer';

type KindFilter = 'all' | Unit['kind'];

/** Six departments show; the rest fold into “+N”, with all of them in its title. */
const SHOWN_DEPARTMENTS = 6;

function Departments({ unit }: { unit: Unit }) {
  const t = useT();
  if (unit.departments.length === 0)
    return <Typography.Text type="secondary">{t('fvo.units.noDepartments')}</Typography.Text>;
  const rest = unit.departments.slice(SHOWN_DEPARTMENTS);
  return (
    <span className="tag-list">
      {unit.departments.slice(0, SHOWN_DEPARTMENTS).map((d) => (
        <Tag key={d.id}>{d.name}</Tag>
      ))}
      {rest.length > 0 ? <Tag title={rest.map((d) => d.name).join('、')}>+{rest.length}</Tag> : null}
    </span>
  );
}

const kindTag = (t: Translate, kind: Unit['kind']) =>
  kind === 'provincial' ? (
    <Tag color="geekblue">{t('fvo.units.kindProvincial')}</Tag>
  ) : (
    <Tag color="green">{t('fvo.units.kindPrefecture')}</Tag>
  );

interface UnitsTabProps {
  units: UseQueryResult<Unit[]>;
  reporters: Reporter[] | undefined;
}

export function UnitsTab({ units, reporters }: UnitsTabProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const prefectures = usePrefectures();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [drawer, setDrawer] = useState({ open: false, key: 0 });

  const regionName = (code: string | null) =>
    code ? (prefectures.data?.find((p) => p.code === code)?.name ?? code) : '';
  const reporterCount = useMemo(() => {
    const counts = new Map<number, number>();
    for (const r of reporters ?? [])
      if (r.unitId !== null) counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1);
    return counts;
  }, [reporters]);
  const shown = (units.data ?? []).filter(
    (u) =>
      (kind === 'all' || u.kind === kind) &&
      (!q || u.name.includes(q) || u.departments.some((d) => d.name.includes(q))),
  );

  const columns: TableColumnsType<Unit> = [
    {
      title: t('fvo.units.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('fvo.units.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Unit['kind']) => kindTag(t, k),
    },
    {
      title: t('fvo.units.region'),
      dataIndex: 'regionCode',
      width: 160,
      render: (code: string | null) => regionName(code) || '—',
    },
    {
      title: t('fvo.units.departments'),
      key: 'departments',
      render: (_, unit) => <Departments unit={unit} />,
    },
    {
      title: t('fvo.units.reporters'),
      key: 'reporters',
      width: 90,
      align: 'right',
      render: (_, unit) => reporterCount.get(unit.id) ?? 0,
    },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" className="filter-bar">
        <Input.Search
          allowClear
          placeholder={t('fvo.units.search')}
          aria-label={t('fvo.units.search')}
          onSearch={(value) => setQ(value.trim())}
          onChange={(event) => {
            if (!event.target.value) setQ('');
          }}
          style={{ width: isMobile ? '100%' : 260 }}
        />
        <Segmented<KindFilter>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('fvo.units.kindAll') },
            { value: 'provincial', label: t('fvo.units.kindProvincial') },
            { value: 'prefecture', label: t('fvo.units.kindPrefecture') },
          ]}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDrawer((d) => ({ open: true, key: d.key + 1 }))}
          style={isMobile ? { width: '100%' } : { marginInlineStart: 'auto' }}
        >
          {t('fvo.units.new')}
        </Button>
      </Flex>
      {units.isError ? (
        <QueryError error={units.error} onRetry={() => void units.refetch()} />
      ) : isMobile ? (
        <Spin spinning={units.isFetching}>
          <Flex vertical gap={12}>
            {units.data && shown.length === 0 ? <EmptyState /> : null}
            {shown.map((unit) => (
              <Card key={unit.id} size="small">
                <Flex vertical gap={6}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong ellipsis>
                      {unit.name}
                    </Typography.Text>
                    {kindTag(t, unit.kind)}
                  </Flex>
                  <Typography.Text type="secondary">
                    {unit.regionCode ? `${regionName(unit.regionCode)} · ` : ''}
                    {t('fvo.units.reporterCount', { n: reporterCount.get(unit.id) ?? 0 })}
                  </Typography.Text>
                  <Departments unit={unit} />
                </Flex>
              </Card>
            ))}
          </Flex>
        </Spin>
      ) : (
        <Table<Unit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={units.isFetching}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          data-testid="units-table"
        />
      )}
      <UnitFormDrawer
        key={drawer.key}
        open={drawer.open}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}
