import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useJoinRequests, useOverdueCount, useVisits } from '../../api/fieldvisits';
import { usePermission } from '../../auth/session';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { addDays, thisMonth, todayString } from '../fieldvisits/visitDates';
import './workbench.css';

interface Tile {
  key: string;
  label: MessageKey;
  value: number | undefined;
  to: string;
  tone?: 'danger' | 'warning';
}

const MONTH_AHEAD = 30;

/**
 * 调研报备 at a glance on the home page: the reviewer's queue, a unit's filings waiting and the
 * requests to answer, a county's visits to come; each a link to the list it counts.
 */
export function FieldVisitTiles() {
  const t = useT();
  const navigate = useNavigate();
  const canFile = usePermission('fieldVisits.file');
  const canReview = usePermission('fieldVisits.review');
  const county = !canFile && !canReview;
  const today = todayString();
  const ahead = addDays(today, MONTH_AHEAD);
  const pending = useVisits({ status: 'pending_review', page: 1, pageSize: 1 }, !county);
  const month = useVisits({ month: thisMonth(), page: 1, pageSize: 1 });
  const coming = useVisits({ from: today, to: ahead, page: 1, pageSize: 1 }, county);
  const requests = useJoinRequests(canFile);
  const overdue = useOverdueCount(!county);

  const tiles: Tile[] = county
    ? [
        {
          key: 'coming',
          label: 'fv.home.coming',
          value: coming.data?.total,
          to: `/field-visits?from=${today}&to=${ahead}`,
        },
        {
          key: 'month',
          label: 'fv.home.month',
          value: month.data?.total,
          to: `/field-visits?month=${thisMonth()}`,
        },
      ]
    : [
        {
          key: 'pending',
          label: canReview ? 'fv.home.queue' : 'fv.home.ownPending',
          value: pending.data?.total,
          to: canReview ? '/field-visits' : '/field-visits?status=pending_review',
          tone: 'warning',
        },
        ...(canFile
          ? [
              {
                key: 'requests',
                label: 'fv.home.requests' as const,
                value: requests.data?.incoming.filter((r) => r.status === 'pending').length,
                to: '/field-visits?view=joins',
              },
            ]
          : [
              {
                key: 'month',
                label: 'fv.home.month' as const,
                value: month.data?.total,
                to: `/field-visits?view=all&month=${thisMonth()}`,
              },
            ]),
        {
          key: 'overdue',
          label: 'fv.home.overdue',
          value: overdue.data,
          to: '/field-visits/results',
          tone: 'danger',
        },
      ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('fv.home.title')}
        </Typography.Title>
        {canFile ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/field-visits/new')}>
            {t('nav.fieldVisitNew')}
          </Button>
        ) : null}
      </Flex>
      <div className="fv-home-tiles">
        {tiles.map((tile) => (
          <Link key={tile.key} to={tile.to} className="workbench-tile workbench-tile-link">
            <span
              className={`workbench-tile-value${tile.value && tile.tone ? ` workbench-${tile.tone}` : ''}`}
              data-testid={`fv-home-${tile.key}`}
            >
              {tile.value ?? '–'}
            </span>
            <span className="workbench-tile-label">{t(tile.label)}</span>
          </Link>
        ))}
      </div>
    </Flex>
  );
}
