import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { auditKeys, exportAudit, type AuditFilters as Filters, fetchAudit } from '../../api/audit';
import { useRoleName } from '../../api/hooks';
import type { AuditEntry } from '../../api/types';
import { errorText } from '../../components/errorText';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { AuditDiff } from './AuditDiff';
import { AuditFilters } from './AuditFilters';

const muted = (value: string | null) => value || <Typography.Text type="secondary">—</Typography.Text>;

/** Switching the working region starts a fresh search within it. */
export default function AuditPage() {
  const { regionCode } = useWorkingRegion();
  return <AuditScreen key={regionCode ?? ''} regionCode={regionCode} />;
}

function AuditScreen({ regionCode }: { regionCode: string | undefined }) {
  const t = useT();
  const isMobile = useIsMobile();
  const roleName = useRoleName();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ regionCode });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const entries = useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => fetchAudit(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const download = useMutation({
    mutationFn: () => exportAudit(filters),
    onError: (error) => {
      void message.error(t('audit.exportFailed', { message: errorText(t, error) }));
    },
  });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      // Instants arrive in UTC; people read them in the browser's local time.
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: muted },
    {
      title: t('audit.role'),
      dataIndex: 'role',
      width: 120,
      render: (code: string | null) => roleName(code),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 170,
      render: (value: string) => <Tag>{value}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', width: 110 },
    { title: t('audit.entityId'), dataIndex: 'entityId', width: 110, ellipsis: true, render: muted },
    { title: t('audit.region'), dataIndex: 'regionCode', width: 150, render: muted },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: muted },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
            {t('audit.export')}
          </Button>
        }
      />
      <Card>
        <AuditFilters
          initialRegionCode={regionCode}
          onChange={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
        {entries.isError ? (
          <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size={isMobile ? 'small' : 'middle'}
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={{ x: 1080 }}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
              rowExpandable: (entry) => entry.before != null || entry.after != null,
            }}
            pagination={{
              current: page,
              pageSize,
              total: entries.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1);
                setPageSize(nextSize);
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
