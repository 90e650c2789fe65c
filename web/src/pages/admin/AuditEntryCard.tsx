import { EnvironmentOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry } from '../../api/types';

/** Instants arrive in UTC; people read them in the browser's local time. */
export function formatAuditTime(at: string): string {
  return dayjs(at).format('YYYY-MM-DD HH:mm:ss');
}

/**
 * One audit record on a phone, in the single column of the audit table: action and time, who
 * (with their role), then what it touched, where and from which address. The before/after opens
 * below it as the row's expansion.
 */
export function AuditEntryCard({
  entry,
  roleName,
}: {
  entry: AuditEntry;
  roleName: (code: string | null) => string;
}) {
  const role = entry.role ? roleName(entry.role) : null;
  return (
    <div className="audit-item">
      <div className="audit-item-head">
        <Tag className="audit-item-action">{entry.action}</Tag>
        <span className="audit-item-time">{formatAuditTime(entry.at)}</span>
      </div>
      <div className="audit-item-who">
        <Typography.Text strong ellipsis title={entry.actorName ?? undefined}>
          {entry.actorName || '—'}
        </Typography.Text>
        {role ? <span className="audit-item-role">{role}</span> : null}
      </div>
      <div className="audit-item-meta">
        <span>
          {entry.entity}
          {entry.entityId ? `#${entry.entityId}` : ''}
        </span>
        {entry.regionCode ? (
          <span>
            <EnvironmentOutlined /> {entry.regionCode}
          </span>
        ) : null}
        {entry.ip ? <span>IP {entry.ip}</span> : null}
      </div>
    </div>
  );
}
