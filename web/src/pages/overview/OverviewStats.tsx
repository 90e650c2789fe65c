import { Link } from 'react-router-dom';
import type { Overview } from '../../api/overview';
import { type MessageKey, useT } from '../../i18n';
import { residentsLink } from './links';

type Figure = 'residents' | 'households' | 'buildings' | 'caredFor' | 'visitsThisMonth' | 'overdue';

const STATS: { key: Figure; label: MessageKey; to?: string; alarm?: boolean }[] = [
  { key: 'residents', label: 'overview.residents', to: residentsLink({}) },
  { key: 'households', label: 'overview.households' },
  { key: 'buildings', label: 'overview.buildings', to: '/map' },
  { key: 'caredFor', label: 'overview.caredFor' },
  { key: 'visitsThisMonth', label: 'overview.visitsThisMonth' },
  { key: 'overdue', label: 'overview.overdue', to: residentsLink({ overdue: true }), alarm: true },
];

/** The headline figures; 逾期未访 turns red when anyone is overdue. */
export function OverviewStats({ data, format }: { data: Overview; format: (n: number) => string }) {
  const t = useT();
  return (
    <div className="overview-stats">
      {STATS.map((stat) => {
        const value = data[stat.key];
        const body = (
          <>
            <span
              className={`overview-stat-value${stat.alarm && value > 0 ? ' overview-danger' : ''}`}
              data-testid={`overview-stat-${stat.key}`}
            >
              {format(value)}
            </span>
            <span className="overview-stat-label">{t(stat.label)}</span>
          </>
        );
        return stat.to ? (
          <Link key={stat.key} to={stat.to} className="overview-stat">
            {body}
          </Link>
        ) : (
          <div key={stat.key} className="overview-stat">
            {body}
          </div>
        );
      })}
    </div>
  );
}
