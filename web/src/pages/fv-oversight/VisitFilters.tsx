import { Select } from 'antd';
import { useMemo } from 'react';
import { useMonthLoad, useUnits } from '../../api/fieldvisits';
import { useT } from '../../i18n';
import { useCountyGroups } from './countyGroups';

interface CountySelectProps {
  /** The counties offered are those of the caller's scope, as the month's load lists them. */
  month: string;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  block?: boolean;
}

/** A county of the caller's scope, grouped by prefecture, searchable by name. */
export function CountySelect({ month, value, onChange, block }: CountySelectProps) {
  const t = useT();
  const load = useMonthLoad(month);
  const counties = useMemo(
    () => load.data?.items.map((c) => ({ code: c.countyCode, name: c.countyName })),
    [load.data],
  );
  const { groups } = useCountyGroups(counties);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('fvo.allCounties')}
      aria-label={t('fvo.county')}
      loading={load.isLoading}
      value={value}
      onChange={(code: string | undefined) => onChange(code)}
      options={groups.map((g) => ({
        label: g.name,
        title: g.name,
        options: g.counties.map((c) => ({ value: c.code, label: c.name })),
      }))}
      style={block ? { width: '100%' } : { width: 200 }}
      data-testid="county-select"
    />
  );
}

interface UnitSelectProps {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  block?: boolean;
}

/** A filing unit: provincial units first, then the prefectures. */
export function UnitSelect({ value, onChange, block }: UnitSelectProps) {
  const t = useT();
  const units = useUnits();
  const options = useMemo(() => {
    const items = units.data ?? [];
    return (['provincial', 'prefecture'] as const)
      .map((kind) => ({
        label: t(kind === 'provincial' ? 'fvo.units.kindProvincial' : 'fvo.units.kindPrefecture'),
        title: kind,
        options: items.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
      }))
      .filter((group) => group.options.length > 0);
  }, [units.data, t]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('fvo.allUnits')}
      aria-label={t('fvo.unit')}
      loading={units.isLoading}
      value={value}
      onChange={(id: number | undefined) => onChange(id)}
      options={options}
      style={block ? { width: '100%' } : { width: 220 }}
      data-testid="unit-select"
    />
  );
}
