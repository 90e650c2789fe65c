import { api, download } from './client';
import type { AuditEntry, Page } from './types';

export interface AuditFilters {
  actor?: string;
  entity?: string;
  action?: string;
  regionCode?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters, page: number, pageSize: number) =>
    ['audit', filters, page, pageSize] as const,
};

export function fetchAudit(filters: AuditFilters, page: number, pageSize: number): Promise<Page<AuditEntry>> {
  return api<Page<AuditEntry>>('/api/audit', { query: { ...filters, page, pageSize } });
}

export function exportAudit(filters: AuditFilters): Promise<void> {
  return download('/api/audit/export.xlsx', { ...filters }, 'audit.xlsx');
}
