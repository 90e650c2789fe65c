import { useT } from '../../i18n';
import { HEAT_STYLES, heatRanges } from './heat';

/** What each colour of the load table means, in counts under the current line. */
export function HeatLegend({ max }: { max: number }) {
  const t = useT();
  return (
    <div className="fvo-legend" data-testid="load-legend">
      {heatRanges(max).map(({ level, from, to }) => (
        <span key={level} className="fvo-legend-item">
          <span
            className={`fvo-legend-swatch${level === 0 ? ' fvo-legend-swatch-empty' : ''}`}
            style={{ background: HEAT_STYLES[level].background }}
          />
          {to === null ? t('fvo.legend.atLeast', { n: from }) : from === to ? String(from) : `${from}–${to}`}
          {level === 4 ? <span className="fvo-legend-note">{t('fvo.legend.aboveLine')}</span> : null}
        </span>
      ))}
      <span className="fvo-legend-line">{t('fvo.legend.line', { max })}</span>
    </div>
  );
}
