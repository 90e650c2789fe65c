import type { Building } from '../../api/places';
import type { Translate } from '../../i18n';

/** 6层 · 3个单元 · 2部电梯, leaving out what is not recorded. */
export function buildingFacts(t: Translate, building: Pick<Building, 'floors' | 'units' | 'elevators'>) {
  const facts: string[] = [];
  if (building.floors !== null) facts.push(t('places.floorsN', { n: building.floors }));
  if (building.units !== null) facts.push(t('places.unitsN', { n: building.units }));
  if (building.elevators !== null)
    facts.push(
      building.elevators === 0 ? t('places.noElevator') : t('places.elevatorsN', { n: building.elevators }),
    );
  return facts;
}

/** 枣林西苑 1号楼 */
export function buildingName(building: Pick<Building, 'estateName' | 'number'>): string {
  return building.estateName ? `${building.estateName} ${building.number}` : building.number;
}
