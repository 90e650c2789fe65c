import { useCallback, useMemo } from 'react';
import type { OverviewTag } from '../../api/overview';
import type { RiskLevel } from '../../api/residents';
import { type ChartOption, EChart } from '../../components/EChart';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n';
import { RISK_KEYS } from '../residents/vocabulary';

/** High red, key orange, general blue: the colours a grid worker knows from the residents' tags. */
const RISK_COLORS: Record<RiskLevel, string> = {
  high: '#cf1322',
  key: '#fa8c16',
  general: '#1677ff',
};
const RISK_ORDER: RiskLevel[] = ['high', 'key', 'general'];

const colorOf = (level: string) => RISK_COLORS[level as RiskLevel] ?? RISK_COLORS.general;

/** The tooltip is HTML; a tag's name is text an administrator typed. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Cared-for residents by tag, in the catalog's order, one bar per tag coloured by its risk level.
 * A bar opens the residents with that tag.
 */
export function TagChart({ tags, onOpenTag }: { tags: OverviewTag[]; onOpenTag: (code: string) => void }) {
  const t = useT();
  const option = useMemo<ChartOption>(
    () => ({
      animationDuration: 300,
      grid: {
        left: 4,
        right: 36,
        top: 4,
        bottom: 4,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const tag = item ? tags[item.dataIndex] : undefined;
          return tag
            ? `${escapeHtml(tag.name)}<br/>${escapeHtml(t('overview.tagCount', { n: tag.count }))}`
            : '';
        },
      },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: 'rgba(0,0,0,0.45)' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: tags.map((tag) => tag.name),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#d9d9d9' } },
        axisLabel: { color: 'rgba(0,0,0,0.75)', fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          cursor: 'pointer',
          data: tags.map((tag) => ({ value: tag.count, itemStyle: { color: colorOf(tag.riskLevel) } })),
          label: { show: true, position: 'right', color: 'rgba(0,0,0,0.75)' },
        },
      ],
    }),
    [tags, t],
  );
  const onItemClick = useCallback(
    (index: number) => {
      const tag = tags[index];
      if (tag) onOpenTag(tag.code);
    },
    [tags, onOpenTag],
  );

  if (tags.length === 0) return <EmptyState description={t('overview.noCaredFor')} />;
  const summary = tags.map((tag) => `${tag.name} ${tag.count}`).join('，');
  return (
    <>
      <div className="overview-legend">
        {RISK_ORDER.map((level) => (
          <span key={level} className="overview-legend-item">
            <span className="overview-legend-swatch" style={{ background: RISK_COLORS[level] }} />
            {t(RISK_KEYS[level])}
          </span>
        ))}
        <span className="overview-legend-note">{t('overview.byTagNote')}</span>
      </div>
      <EChart
        option={option}
        height={Math.max(200, tags.length * 28 + 16)}
        onItemClick={onItemClick}
        ariaLabel={`${t('overview.byTag')}${t('common.colon')}${summary}`}
        data-testid="overview-tag-chart"
      />
    </>
  );
}
