import { CheckCircleOutlined, EnvironmentOutlined, FormOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Resident } from '../../api/residents';
import { type DueWindow, useDueResidents, useVisitSummary, type VisitSummary } from '../../api/visits';
import { usePermission } from '../../auth/session';
import { QueryError } from '../../components/QueryError';
import { type MessageKey, useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { formatAgo, formatDue, overdueDays } from '../residents/dates';
import { genderAge, RiskTags } from '../residents/ResidentBits';
import './workbench.css';

const TILES: { key: keyof VisitSummary; label: MessageKey; tone?: 'danger' | 'warning'; to?: string }[] = [
  { key: 'overdue', label: 'workbench.overdue', tone: 'danger', to: '/residents?overdue=1' },
  { key: 'dueToday', label: 'workbench.dueToday', tone: 'warning' },
  { key: 'dueThisWeek', label: 'workbench.dueThisWeek' },
  { key: 'visitsThisMonth', label: 'workbench.visitsThisMonth' },
  { key: 'caredFor', label: 'workbench.caredFor', to: '/residents' },
];

const PAGE = 20;

/**
 * The grid worker's first screen: how many visits are overdue and due, then the people to visit
 * today, the most overdue first, each a big row to open and a 走访 button straight to the form.
 */
export function VisitWorkbench() {
  const t = useT();
  const working = useWorkingRegion();
  const summary = useVisitSummary(working.regionCode);
  const [range, setRange] = useState<DueWindow>('today');
  const [shown, setShown] = useState(PAGE);
  const due = useDueResidents(range, working.regionCode, shown);
  const canRecord = usePermission('visits.record');

  const count = (key: keyof VisitSummary) => summary.data?.[key];
  const todayCount = summary.data ? summary.data.overdue + summary.data.dueToday : undefined;
  const weekCount = summary.data ? summary.data.overdue + summary.data.dueThisWeek : undefined;
  const items = due.data?.items ?? [];
  const total = due.data?.total ?? 0;

  return (
    <Flex vertical gap={12} className="workbench">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{working.name}</Typography.Text>
      </Flex>

      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <div className="workbench-tiles">
          {TILES.map((tile) => {
            const value = count(tile.key);
            const body = (
              <>
                <span
                  className={`workbench-tile-value${value && tile.tone ? ` workbench-${tile.tone}` : ''}`}
                  data-testid={`summary-${tile.key}`}
                >
                  {value ?? '–'}
                </span>
                <span className="workbench-tile-label">{t(tile.label)}</span>
              </>
            );
            return tile.to ? (
              <Link key={tile.key} to={tile.to} className="workbench-tile workbench-tile-link">
                {body}
              </Link>
            ) : (
              <div key={tile.key} className="workbench-tile">
                {body}
              </div>
            );
          })}
        </div>
      )}

      <Card className="workbench-due" styles={{ body: { padding: 0 } }}>
        <div className="workbench-due-head">
          <Segmented<DueWindow>
            value={range}
            onChange={(value) => {
              setRange(value);
              setShown(PAGE);
            }}
            options={[
              {
                value: 'today',
                label: `${t('workbench.listToday')}${todayCount !== undefined ? ` ${todayCount}` : ''}`,
              },
              {
                value: 'week',
                label: `${t('workbench.listWeek')}${weekCount !== undefined ? ` ${weekCount}` : ''}`,
              },
            ]}
          />
        </div>
        {due.isError ? (
          <div style={{ padding: 12 }}>
            <QueryError error={due.error} onRetry={() => void due.refetch()} />
          </div>
        ) : due.isLoading ? (
          <div style={{ padding: 16 }}>
            <Skeleton active />
          </div>
        ) : items.length === 0 ? (
          <Flex vertical align="center" gap={6} className="workbench-clear">
            <CheckCircleOutlined className="workbench-clear-icon" />
            <Typography.Text>
              {t(range === 'today' ? 'workbench.noneToday' : 'workbench.noneWeek')}
            </Typography.Text>
          </Flex>
        ) : (
          <Spin spinning={due.isFetching && !due.isLoading}>
            <ul
              className="due-list"
              aria-label={t(range === 'today' ? 'workbench.listToday' : 'workbench.listWeek')}
            >
              {items.map((resident) => (
                <DueRow
                  key={resident.id}
                  resident={resident}
                  canRecord={canRecord}
                  showGrid={working.region?.level !== 'grid'}
                />
              ))}
            </ul>
            {total > items.length ? (
              <div className="due-more">
                <Button
                  block
                  onClick={() => setShown((n) => Math.min(n + PAGE, 200))}
                  loading={due.isFetching}
                >
                  {t('workbench.more', { n: total - items.length })}
                </Button>
              </div>
            ) : null}
          </Spin>
        )}
      </Card>
    </Flex>
  );
}

function DueRow({
  resident,
  canRecord,
  showGrid,
}: {
  resident: Resident;
  canRecord: boolean;
  /** Above a single grid, say which grid the person lives in. */
  showGrid: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const late = resident.overdue ? Math.max(1, overdueDays(resident.visitDueAt)) : 0;
  return (
    <li className={late > 0 ? 'due-row due-row-late' : 'due-row'}>
      <Link to={`/residents/${resident.id}`} className="due-row-main">
        <Flex align="baseline" gap={8} wrap>
          <span className="due-row-name">{resident.name}</span>
          <Typography.Text type="secondary">{genderAge(t, resident)}</Typography.Text>
          {late > 0 ? (
            <span className="due-row-late-badge">{t('residents.overdueDays', { n: late })}</span>
          ) : resident.visitDueAt ? (
            <span className="due-row-due">{formatDue(t, resident.visitDueAt)}</span>
          ) : null}
        </Flex>
        <RiskTags tags={resident.tags} />
        <span className="due-row-line">
          <EnvironmentOutlined />{' '}
          {showGrid && resident.address
            ? `${resident.regionName} · ${resident.address}`
            : (resident.address ?? resident.regionName)}
        </span>
        <span className="due-row-line">
          {t('residents.lastVisit')} {formatAgo(t, resident.lastVisitAt)}
        </span>
      </Link>
      {canRecord ? (
        <Button
          type={late > 0 ? 'primary' : 'default'}
          size="large"
          icon={<FormOutlined />}
          className="due-row-visit"
          aria-label={t('workbench.visitWho', { name: resident.name })}
          onClick={() => navigate(`/residents/${resident.id}/visit`)}
        >
          {t('workbench.visit')}
        </Button>
      ) : (
        <RightOutlined className="shortcut-arrow" />
      )}
    </li>
  );
}
