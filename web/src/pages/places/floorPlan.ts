import type { House } from '../../api/places';
import { compareRooms } from './units';

/** One floor of one unit: its rooms in order. */
export interface FloorRow {
  /** null for houses recorded without a floor. */
  floor: number | null;
  houses: House[];
}

export interface UnitBlock {
  /** null for houses recorded without a unit. */
  unit: string | null;
  floors: FloorRow[];
  houseCount: number;
}

/**
 * A building's houses as an elevation: units left to right (1单元 before 10单元), floors top
 * down, rooms in number order; houses without a floor at the bottom, without a unit last.
 */
export function floorPlanOf(houses: House[]): UnitBlock[] {
  const units = new Map<string | null, Map<number | null, House[]>>();
  for (const house of houses) {
    const floors = units.get(house.unit) ?? new Map<number | null, House[]>();
    floors.set(house.floor, [...(floors.get(house.floor) ?? []), house]);
    units.set(house.unit, floors);
  }
  const unitOrder = [...units.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareRooms(a, b)));
  return unitOrder.map((unit) => {
    const floors = units.get(unit) ?? new Map<number | null, House[]>();
    const floorOrder = [...floors.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
    const rows = floorOrder.map((floor) => ({
      floor,
      houses: [...(floors.get(floor) ?? [])].sort((a, b) => compareRooms(a.room, b.room)),
    }));
    return { unit, floors: rows, houseCount: rows.reduce((n, row) => n + row.houses.length, 0) };
  });
}
