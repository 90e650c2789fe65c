import { describe, expect, it } from 'vitest';
import type { House } from '../../api/places';
import { floorPlanOf } from './floorPlan';

let id = 0;
const house = (unit: string | null, floor: number | null, room: string) =>
  ({ id: ++id, unit, floor, room }) as House;

describe('floorPlanOf', () => {
  it('lays houses out by unit, top floor first, rooms in number order', () => {
    const plan = floorPlanOf([
      house('2单元', 1, '101'),
      house('1单元', 1, '102'),
      house('1单元', 2, '201'),
      house('1单元', 1, '101'),
      house('10单元', 1, '101'),
    ]);
    expect(plan.map((u) => u.unit)).toEqual(['1单元', '2单元', '10单元']);
    expect(plan[0]?.floors.map((f) => f.floor)).toEqual([2, 1]);
    expect(plan[0]?.floors[1]?.houses.map((h) => h.room)).toEqual(['101', '102']);
    expect(plan[0]?.houseCount).toBe(3);
  });

  it('puts houses without a floor at the bottom and without a unit last', () => {
    const plan = floorPlanOf([
      house(null, 1, '商铺2'),
      house('1单元', null, '地下室'),
      house('1单元', -1, 'B01'),
      house('1单元', 3, '301'),
      house(null, 1, '商铺10'),
    ]);
    expect(plan.map((u) => u.unit)).toEqual(['1单元', null]);
    expect(plan[0]?.floors.map((f) => f.floor)).toEqual([3, -1, null]);
    expect(plan[1]?.floors[0]?.houses.map((h) => h.room)).toEqual(['商铺2', '商铺10']);
  });
});
