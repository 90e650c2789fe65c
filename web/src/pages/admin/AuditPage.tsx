import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { auditKeys, exportAudit, type AuditFilters as Filters, fetchAudit } from '../../api/audit';
import { useRoleName } from '../../api/hooks';
import type { AuditEntry } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { AuditDiff } from './AuditDiff';
import { AuditEntryCard, formatAuditTime } from './AuditEntryCard';
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
  const [filters, setFilters] = useState<Filters>({ regionCode });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const entries = useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => fetchAudit(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  // Desktop: fixed widths that fit the card at 1440 px; long values end in "…" (full text as
  // tooltip). Narrower windows scroll sideways.
  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 165, render: formatAuditTime },
    { title: t('audit.actor'), dataIndex: 'actorName', ellipsis: true, render: muted },
    {
      title: t('audit.role'),
      dataIndex: 'role',
      width: 110,
      ellipsis: true,
      render: (code: string | null) => roleName(code),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      ellipsis: true,
      render: (value: string) => (
        <Tag className="audit-action-tag" title={value}>
          {value}
        </Tag>
      ),
    },
    { title: t('audit.entity'), dataIndex: 'entity', width: 90, ellipsis: true },
    { title: t('audit.entityId'), dataIndex: 'entityId', width: 80, ellipsis: true, render: muted },
    { title: t('audit.region'), dataIndex: 'regionCode', width: 145, ellipsis: true, render: muted },
    { title: t('audit.ip'), dataIndex: 'ip', width: 120, ellipsis: true, render: muted },
  ];
  // Phones: one column of compact cards; the row stays a table row, so it still expands.
  const phoneColumns: TableColumnsType<AuditEntry> = [
    {
      key: 'entry',
      title: t('audit.title'),
      render: (_value, entry) => <AuditEntryCard entry={entry} roleName={roleName} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={<ExportButton run={() => exportAudit(filters)} label={t('audit.export')} />}
      />
      <Card styles={{ body: { padding: isMobile ? 12 : undefined } }}>
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
            className={isMobile ? 'audit-table-phone' : undefined}
            size={isMobile ? 'small' : 'middle'}
            showHeader={!isMobile}
            columns={isMobile ? phoneColumns : columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={isMobile ? undefined : { x: 1040 }}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
              rowExpandable: (entry) => entry.before != null || entry.after != null,
              // Phones: the toggle sits at the card's right edge, and tapping the card opens it too.
              expandIconColumnIndex: isMobile ? 1 : 0,
              expandRowByClick: isMobile,
            }}
            pagination={{
              current: page,
              pageSize,
              total: entries.data?.total ?? 0,
              showSizeChanger: !isMobile,
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
