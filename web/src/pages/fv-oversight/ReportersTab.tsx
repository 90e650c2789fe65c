import type { UseQueryResult } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Reporter } from '../../api/fv-oversight';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { AssignReporterDrawer } from './AssignReporterDrawer';

function UnitOf({ reporter }: { reporter: Reporter }) {
  const t = useT();
  if (reporter.unitId === null) return <Tag color="warning">{t('fvo.reporters.unassigned')}</Tag>;
  return (
    <span data-testid="reporter-unit">
      {reporter.unitName}
      {reporter.departmentName ? (
        <Typography.Text type="secondary"> · {reporter.departmentName}</Typography.Text>
      ) : null}
    </span>
  );
}

interface ReportersTabProps {
  reporters: UseQueryResult<Reporter[]>;
}

/** The unit_reporter accounts and the unit each files for; the accounts are made on 用户管理. */
export function ReportersTab({ reporters }: ReportersTabProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const [unassignedOnly, setUnassignedOnly] = useState(false);
  const [drawer, setDrawer] = useState<{ open: boolean; reporter: Reporter | null; key: number }>({
    open: false,
    reporter: null,
    key: 0,
  });
  const open = (reporter: Reporter) => setDrawer((d) => ({ open: true, reporter, key: d.key + 1 }));
  const needle = q.toLowerCase();
  const shown = (reporters.data ?? []).filter(
    (r) =>
      (!unassignedOnly || r.unitId === null) &&
      (!needle ||
        r.username.toLowerCase().includes(needle) ||
        r.displayName.includes(q) ||
        (r.unitName ?? '').includes(q)),
  );
  const action = (reporter: Reporter) => (
    <Button size="small" onClick={() => open(reporter)} data-testid={`assign-${reporter.username}`}>
      {reporter.unitId === null ? t('fvo.reporters.assign') : t('fvo.reporters.change')}
    </Button>
  );

  const columns: TableColumnsType<Reporter> = [
    { title: t('fvo.reporters.name'), dataIndex: 'displayName' },
    {
      title: t('fvo.reporters.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: t('fvo.unit'), key: 'unit', render: (_, reporter) => <UnitOf reporter={reporter} /> },
    { title: t('common.actions'), key: 'actions', width: 120, render: (_, reporter) => action(reporter) },
  ];

  return (
    <>
      <Alert
        className="fvo-block"
        type="info"
        showIcon
        title={t('fvo.reporters.note')}
        action={
          <Link to="/admin/users">
            <Button size="small">{t('fvo.reporters.toUsers')}</Button>
          </Link>
        }
      />
      <Flex gap={12} wrap align="center" className="filter-bar">
        <Input.Search
          allowClear
          placeholder={t('fvo.reporters.search')}
          aria-label={t('fvo.reporters.search')}
          onChange={(event) => setQ(event.target.value.trim())}
          style={{ width: isMobile ? '100%' : 260 }}
        />
        <Checkbox checked={unassignedOnly} onChange={(event) => setUnassignedOnly(event.target.checked)}>
          {t('fvo.reporters.unassignedOnly')}
        </Checkbox>
      </Flex>
      {reporters.isError ? (
        <QueryError error={reporters.error} onRetry={() => void reporters.refetch()} />
      ) : isMobile ? (
        <Spin spinning={reporters.isFetching}>
          <Flex vertical gap={12}>
            {reporters.data && shown.length === 0 ? <EmptyState /> : null}
            {shown.map((reporter) => (
              <Card key={reporter.userId} size="small" data-testid={`reporter-${reporter.username}`}>
                <Flex vertical gap={6}>
                  <Flex justify="space-between" align="baseline" gap={8}>
                    <Typography.Text strong ellipsis>
                      {reporter.displayName}
                    </Typography.Text>
                    <Typography.Text type="secondary" code>
                      {reporter.username}
                    </Typography.Text>
                  </Flex>
                  <UnitOf reporter={reporter} />
                  <div>{action(reporter)}</div>
                </Flex>
              </Card>
            ))}
          </Flex>
        </Spin>
      ) : (
        <Table<Reporter>
          rowKey="userId"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={reporters.isFetching}
          onRow={(reporter) => ({ 'data-testid': `reporter-${reporter.username}` }) as object}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      )}
      <AssignReporterDrawer
        key={drawer.key}
        open={drawer.open}
        reporter={drawer.reporter}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}
