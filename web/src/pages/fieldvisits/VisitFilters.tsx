import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Flex, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useUnits } from '../../api/fieldvisits';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { CountySelect } from './CountySelect';
import type { VisitFilters as Filters } from './listQuery';
import { STATUS_KEYS, STATUS_ORDER } from './vocabulary';

interface VisitFiltersProps {
  filters: Filters;
  active: number;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
  /** The reviewer (and a county) chooses the unit; a reporter sees only its own. */
  showUnit: boolean;
  /** The queue's status is fixed. */
  showStatus: boolean;
  /** A county viewer of one county has nothing to choose. */
  showCounty: boolean;
}

/** Month, county, unit and status, each applied as soon as it changes; phones fold them behind 筛选. */
export function VisitFilters({
  filters,
  active,
  onChange,
  onClear,
  showUnit,
  showStatus,
  showCounty,
}: VisitFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const units = useUnits();
  const [open, setOpen] = useState(active > 0);
  const width = (desktop: number) => ({ width: isMobile ? '100%' : desktop });

  const fields = (
    <>
      <DatePicker
        picker="month"
        aria-label={t('fv.filter.month')}
        placeholder={t('fv.filter.allMonths')}
        value={filters.month ? dayjs(`${filters.month}-01`) : null}
        onChange={(value) => onChange({ month: value ? value.format('YYYY-MM') : undefined })}
        inputReadOnly={isMobile}
        style={width(150)}
      />
      {showCounty ? (
        <CountySelect
          allowClear
          aria-label={t('fv.filter.county')}
          placeholder={t('fv.filter.allCounties')}
          value={filters.county}
          onChange={(county) => onChange({ county })}
          style={width(180)}
        />
      ) : null}
      {showUnit ? (
        <Select<number>
          allowClear
          aria-label={t('fv.filter.unit')}
          placeholder={t('fv.filter.allUnits')}
          value={filters.unit}
          loading={units.isLoading}
          onChange={(unit) => onChange({ unit })}
          options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          style={width(200)}
        />
      ) : null}
      {showStatus ? (
        <Select
          allowClear
          aria-label={t('fv.filter.status')}
          placeholder={t('fv.filter.allStatuses')}
          value={filters.status}
          onChange={(status: Filters['status']) => onChange({ status })}
          options={STATUS_ORDER.map((status) => ({ value: status, label: t(STATUS_KEYS[status]) }))}
          style={width(140)}
        />
      ) : null}
      {filters.from || filters.to ? (
        <Tag closable onClose={() => onChange({ from: undefined, to: undefined })} className="fv-range-tag">
          {t('fv.filter.range', { from: filters.from ?? '…', to: filters.to ?? '…' })}
        </Tag>
      ) : null}
      {active > 0 ? (
        <Button type="link" onClick={onClear} style={{ paddingInline: 0 }}>
          {t('fv.filter.clear')}
        </Button>
      ) : null}
    </>
  );

  if (!isMobile) {
    return (
      <Flex gap={12} wrap align="center" className="filter-bar">
        {fields}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={10} className="filter-bar">
      <div>
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} aria-expanded={open} onClick={() => setOpen((value) => !value)}>
            {t('fv.filter.filters')}
          </Button>
        </Badge>
      </div>
      {open ? (
        <Flex vertical gap={10} align="stretch">
          {fields}
        </Flex>
      ) : null}
    </Flex>
  );
}
