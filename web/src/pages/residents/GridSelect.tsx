import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { fetchChildRegions, regionKeys } from '../../api/regions';
import type { Region } from '../../api/types';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n';
import { useWorkingRegion } from '../../layout/WorkingRegion';

export interface GridChoice {
  /** The grids one may pick from; null when the working region is above a community. */
  grids: Pick<Region, 'code' | 'name'>[] | null;
  loading: boolean;
}

/**
 * The grids of the working region: the one grid of a grid worker, the grids of a community
 * (GET /api/regions?parent=<community>); above a community there are too many for a list.
 */
export function useGridChoice(): GridChoice {
  const { region } = useWorkingRegion();
  const isCommunity = region?.level === 'community';
  const children = useQuery({
    queryKey: regionKeys.children(region?.code ?? ''),
    queryFn: () => fetchChildRegions(region?.code ?? ''),
    enabled: isCommunity,
    staleTime: 300_000,
  });
  if (region?.level === 'grid') return { grids: [region], loading: false };
  if (isCommunity) {
    return { grids: (children.data ?? []).filter((r) => r.level === 'grid'), loading: children.isLoading };
  }
  return { grids: null, loading: false };
}

interface GridSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
  status?: 'error' | 'warning';
}

/** A grid: a short list inside a community, the region tree above it. */
export function GridSelect({ value, onChange, placeholder, ...rest }: GridSelectProps) {
  const t = useT();
  const { grids, loading } = useGridChoice();
  if (grids === null) {
    return (
      <RegionPicker
        {...rest}
        value={value}
        placeholder={placeholder ?? t('residents.gridPlaceholder')}
        onChange={(code) => onChange?.(code)}
      />
    );
  }
  return (
    <Select
      {...rest}
      value={value}
      placeholder={placeholder ?? t('residents.gridPlaceholder')}
      loading={loading}
      onChange={(code: string | undefined) => onChange?.(code)}
      options={grids.map((grid) => ({ value: grid.code, label: grid.name }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
