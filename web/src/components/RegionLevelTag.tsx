import { Tag } from 'antd';
import type { RegionLevel } from '../api/types';
import { type MessageKey, useT } from '../i18n';

const LEVEL_COLORS: Record<RegionLevel, string> = {
  province: 'volcano',
  city: 'orange',
  county: 'gold',
  street: 'cyan',
  community: 'blue',
  grid: 'green',
};

export function levelKey(level: RegionLevel): MessageKey {
  return `region.level.${level}`;
}

export function RegionLevelTag({ level }: { level: RegionLevel }) {
  const t = useT();
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }}>
      {t(levelKey(level))}
    </Tag>
  );
}
