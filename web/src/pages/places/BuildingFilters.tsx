import { Button, Flex, Select } from 'antd';
import type { Estate } from '../../api/places';
import { ListSearch } from '../../components/ListSearch';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { GridSelect, useGridChoice } from '../residents/GridSelect';
import type { BuildingFilters as Filters } from './listQuery';

interface BuildingFiltersProps {
  filters: Filters;
  estates: Estate[] | undefined;
  estatesLoading: boolean;
  onChange: (patch: { q?: string; grid?: string; estate?: number }) => void;
  onClear: () => void;
}

/** The estates a grid can hold: those of its community and its own. */
export function estatesOfGrid(estates: Estate[], grid: string | undefined): Estate[] {
  if (!grid) return estates;
  return estates.filter((e) => grid.startsWith(e.regionCode) || e.regionCode.startsWith(grid));
}

/** Search by building number, and narrow to a grid and an estate; each applied at once. */
export function BuildingFilters({
  filters,
  estates,
  estatesLoading,
  onChange,
  onClear,
}: BuildingFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const { grids } = useGridChoice();
  const showGrid = grids === null || grids.length > 1;
  const filtered = Boolean(filters.q || filters.grid || filters.estate);
  const estateOptions = estatesOfGrid(estates ?? [], filters.grid).map((estate) => ({
    value: estate.id,
    label: estate.name,
  }));
  const selectStyle = (desktop: number) => (isMobile ? { flex: 1, minWidth: 0 } : { width: desktop });

  return (
    <Flex
      vertical={isMobile}
      gap={isMobile ? 10 : 12}
      wrap
      align={isMobile ? 'stretch' : 'center'}
      className="filter-bar"
    >
      <ListSearch
        q={filters.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t('places.searchBuilding')}
        aria-label={t('places.searchBuildingLabel')}
        maxLength={20}
        style={{ width: isMobile ? '100%' : 300 }}
      />
      <Flex gap={isMobile ? 8 : 12} align="center" wrap={!isMobile}>
        {showGrid ? (
          <GridSelect
            allowClear
            aria-label={t('places.grid')}
            placeholder={t('residents.allGrids')}
            value={filters.grid}
            // A chosen estate may not lie in the new grid: let it go with the grid.
            onChange={(grid) => onChange({ grid, estate: undefined })}
            style={selectStyle(170)}
          />
        ) : null}
        <Select
          allowClear
          aria-label={t('places.estate')}
          placeholder={t('places.allEstates')}
          value={filters.estate}
          loading={estatesLoading}
          onChange={(estate: number | undefined) => onChange({ estate })}
          options={estateOptions}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={t('places.noEstates')}
          style={selectStyle(200)}
        />
      </Flex>
      {filtered && !isMobile ? (
        <Button type="link" onClick={onClear} style={{ paddingInline: 0 }}>
          {t('residents.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
