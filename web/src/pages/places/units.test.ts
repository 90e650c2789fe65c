import { describe, expect, it } from 'vitest';
import { areaToHundredths, compareRooms, formatArea, hundredthsToArea } from './units';

describe('areas in hundredths of a square metre', () => {
  it('converts square metres without floating-point drift', () => {
    expect(areaToHundredths(87.38)).toBe(8738);
    expect(areaToHundredths(1.005)).toBe(101);
    expect(areaToHundredths(0.29)).toBe(29);
    expect(areaToHundredths(120)).toBe(12000);
    expect(areaToHundredths(null)).toBeNull();
    expect(areaToHundredths(undefined)).toBeNull();
  });

  it('converts back and formats', () => {
    expect(hundredthsToArea(8738)).toBe(87.38);
    expect(hundredthsToArea(null)).toBeNull();
    expect(formatArea(12000)).toBe('120 ㎡');
    expect(formatArea(8730)).toBe('87.3 ㎡');
    expect(formatArea(null)).toBe('');
  });
});

describe('compareRooms', () => {
  it('orders rooms by number, not by text', () => {
    expect(['1001', '101', '2', '10', '102'].sort(compareRooms)).toEqual(['2', '10', '101', '102', '1001']);
  });
});
