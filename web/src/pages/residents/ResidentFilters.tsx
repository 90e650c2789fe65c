import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTagCatalog } from '../../api/residents';
import { ListSearch } from '../../components/ListSearch';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { GridSelect, useGridChoice } from './GridSelect';
import { activeFilterCount, type ListFilters } from './listQuery';
import { HUKOU_KEYS, optionsOf, RISK_KEYS, STATUS_KEYS } from './vocabulary';

interface ResidentFiltersProps {
  filters: ListFilters;
  onChange: (patch: Partial<ListFilters>) => void;
  onClear: () => void;
}

/**
 * One search box (name, pinyin, initials, ID number, phone or its last 4 digits) and the
 * filters, each applied as soon as it changes. Phones fold the filters behind 筛选.
 */
export function ResidentFilters({ filters, onChange, onClear }: ResidentFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const catalog = useTagCatalog();
  const { grids } = useGridChoice();
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(active > 0);

  const width = (desktop: number) => ({ width: isMobile ? '100%' : desktop });
  const showGrid = grids === null || grids.length > 1;
  const tagOptions = (catalog.data ?? [])
    .filter((tag) => tag.active || tag.code === filters.tag)
    .map((tag) => ({
      value: tag.code,
      label: t('residents.tagOption', { name: tag.name, risk: t(RISK_KEYS[tag.riskLevel]) }),
    }));

  const deleted = (
    <Checkbox checked={filters.deleted === true} onChange={(e) => onChange({ deleted: e.target.checked })}>
      {t('residents.deletedOnly')}
    </Checkbox>
  );

  const fields = (
    <>
      {showGrid ? (
        <GridSelect
          allowClear
          aria-label={t('residents.grid')}
          placeholder={t('residents.allGrids')}
          value={filters.grid}
          onChange={(grid) => onChange({ grid })}
          style={width(170)}
        />
      ) : null}
      <Select
        allowClear
        aria-label={t('residents.tag')}
        placeholder={t('residents.allTags')}
        value={filters.tag}
        loading={catalog.isLoading}
        onChange={(tag: string | undefined) => onChange({ tag })}
        options={tagOptions}
        showSearch={{ optionFilterProp: 'label' }}
        style={width(200)}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        aria-label={t('residents.status')}
        placeholder={t('residents.allStatuses')}
        value={filters.status}
        onChange={(status: ListFilters['status']) => onChange({ status })}
        options={optionsOf(t, STATUS_KEYS)}
        style={width(120)}
      />
      <Select
        allowClear
        aria-label={t('residents.hukou')}
        placeholder={t('residents.allHukou')}
        value={filters.hukou}
        onChange={(hukou: ListFilters['hukou']) => onChange({ hukou })}
        options={optionsOf(t, HUKOU_KEYS)}
        style={width(130)}
      />
      <Space.Compact style={width(200)}>
        <InputNumber
          aria-label={t('residents.ageMin')}
          placeholder={t('residents.ageMin')}
          min={0}
          max={150}
          precision={0}
          value={filters.ageMin ?? null}
          onChange={(value) => onChange({ ageMin: value ?? undefined })}
          style={{ width: '50%' }}
        />
        <InputNumber
          aria-label={t('residents.ageMax')}
          placeholder={t('residents.ageMax')}
          min={0}
          max={150}
          precision={0}
          value={filters.ageMax ?? null}
          onChange={(value) => onChange({ ageMax: value ?? undefined })}
          style={{ width: '50%' }}
        />
      </Space.Compact>
      <Checkbox checked={filters.overdue === true} onChange={(e) => onChange({ overdue: e.target.checked })}>
        {t('residents.overdueOnly')}
      </Checkbox>
      {isMobile ? deleted : null}
      {active > 0 ? (
        <Button type="link" onClick={onClear} style={{ paddingInline: 0 }}>
          {t('residents.clearFilters')}
        </Button>
      ) : null}
    </>
  );

  return (
    <Flex vertical gap={12} className="filter-bar">
      <Flex gap={8} wrap align="center">
        <ListSearch
          q={filters.q}
          onSearch={(q) => onChange({ q })}
          placeholder={t(isMobile ? 'residents.searchPlaceholderShort' : 'residents.searchPlaceholder')}
          aria-label={t('residents.search')}
          style={{ width: isMobile ? undefined : 540, flex: isMobile ? 1 : undefined }}
        />
        {isMobile ? (
          <Badge count={active} size="small">
            <Button icon={<FilterOutlined />} aria-expanded={open} onClick={() => setOpen((value) => !value)}>
              {t('residents.filters')}
            </Button>
          </Badge>
        ) : (
          <span className="resident-deleted-toggle">{deleted}</span>
        )}
      </Flex>
      {!isMobile || open ? (
        <Flex gap={isMobile ? 10 : 12} wrap align={isMobile ? 'stretch' : 'center'} vertical={isMobile}>
          {fields}
        </Flex>
      ) : null}
    </Flex>
  );
}
