import { InfoCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { COLORS, GRID_MANY_OVERDUE } from './mapStyle';

function Dot({ color, size = 12 }: { color: string; size?: number }) {
  return <span className="map-legend-dot" style={{ background: color, width: size, height: size }} />;
}

function Swatch({ color, dashed }: { color: string; dashed?: boolean }) {
  return (
    <span
      className="map-legend-swatch"
      style={{
        borderColor: color,
        borderStyle: dashed ? 'dashed' : 'solid',
        background: dashed ? 'transparent' : `${color}33`,
      }}
    />
  );
}

/**
 * What the colours mean: beside the map on desktops; on phones, over the map and folded into a
 * button, since the map needs the room.
 */
export function MapLegend({ compact, missingOutlines }: { compact: boolean; missingOutlines: number }) {
  const t = useT();
  const [open, setOpen] = useState(!compact);
  if (!open) {
    return (
      <div className="map-legend-overlay map-legend-folded">
        <Button size="small" icon={<InfoCircleOutlined />} onClick={() => setOpen(true)}>
          {t('map.legend')}
        </Button>
      </div>
    );
  }
  return (
    <section
      className={compact ? 'map-legend map-legend-overlay' : 'map-legend'}
      aria-label={t('map.legend')}
    >
      <div className="map-legend-head">
        <strong>{t('map.legend')}</strong>
        {compact ? (
          <Button size="small" type="text" onClick={() => setOpen(false)}>
            {t('common.close')}
          </Button>
        ) : null}
      </div>
      <div className="map-legend-columns">
        <div>
          <div className="map-legend-title">{t('map.legend.buildings')}</div>
          <ul>
            <li>
              <Dot color={COLORS.overdue} /> {t('map.legend.overdue')}
            </li>
            <li>
              <Dot color={COLORS.caredFor} /> {t('map.legend.caredFor')}
            </li>
            <li>
              <Dot color={COLORS.residents} /> {t('map.legend.residents')}
            </li>
            <li>
              <Dot color={COLORS.empty} /> {t('map.legend.empty')}
            </li>
            <li className="map-legend-note">
              <Dot color={COLORS.caredFor} size={8} />
              <Dot color={COLORS.caredFor} size={16} /> {t('map.legend.size')}
            </li>
          </ul>
        </div>
        <div>
          <div className="map-legend-title">{t('map.legend.grids')}</div>
          <ul>
            <li>
              <Swatch color={COLORS.gridCalm} /> {t('map.legend.gridCalm')}
            </li>
            <li>
              <Swatch color={COLORS.gridSome} /> {t('map.legend.gridSome', { n: GRID_MANY_OVERDUE - 1 })}
            </li>
            <li>
              <Swatch color={COLORS.gridMany} /> {t('map.legend.gridMany', { n: GRID_MANY_OVERDUE })}
            </li>
            <li>
              <Swatch color={COLORS.community} dashed /> {t('map.legend.community')}
            </li>
            <li>
              <Swatch color={COLORS.pending} dashed /> {t('map.legend.pending')}
            </li>
          </ul>
        </div>
      </div>
      {missingOutlines > 0 ? (
        <div className="map-legend-note">{t('map.legend.missing', { n: missingOutlines })}</div>
      ) : null}
    </section>
  );
}
