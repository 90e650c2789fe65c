import { describe, expect, it } from 'vitest';
import { heatLevel, heatRanges } from './heat';
import { addMonths, daysBetween, lastDay, monthRange, permilleText } from './months';

describe('heat colour scaled to the load line', () => {
  it('is green up to the line, yellow above it, orange past half as much again', () => {
    expect([0, 1, 10, 11, 20, 21, 30].map((n) => heatLevel(n, 30))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([31, 45, 46].map((n) => heatLevel(n, 30))).toEqual([4, 4, 5]);
  });

  it("the legend's ranges are the levels' own", () => {
    for (const max of [1, 2, 3, 7, 30, 31]) {
      for (const range of heatRanges(max)) {
        expect(heatLevel(range.from, max)).toBe(range.level);
        if (range.to !== null) expect(heatLevel(range.to, max)).toBe(range.level);
      }
    }
    expect(heatRanges(30).map((r) => [r.from, r.to])).toEqual([
      [0, 0],
      [1, 10],
      [11, 20],
      [21, 30],
      [31, 45],
      [46, null],
    ]);
  });
});

describe('months and days', () => {
  it('moves across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(monthRange('2025-11', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('knows the last day of a month, leap years included', () => {
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2026-02')).toBe('2026-02-28');
    expect(lastDay('2026-12')).toBe('2026-12-31');
  });

  it('counts whole days', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysBetween('2026-04-02', '2026-04-02')).toBe(0);
  });

  it('writes thousandths as a percentage with one decimal', () => {
    expect(permilleText(333)).toBe('33.3%');
    expect(permilleText(1000)).toBe('100.0%');
    expect(permilleText(5)).toBe('0.5%');
    expect(permilleText(null)).toBe('—');
  });
});
