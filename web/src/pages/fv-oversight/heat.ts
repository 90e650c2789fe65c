/**
 * The heat colour of a county's month, scaled to the load line (`max` of the load table): greens
 * up to the line, yellow above it, orange at half as much again. Integer comparisons only.
 */
export type HeatLevel = 0 | 1 | 2 | 3 | 4 | 5;

export function heatLevel(count: number, max: number): HeatLevel {
  if (count <= 0) return 0;
  if (count > max) return count * 2 > max * 3 ? 5 : 4;
  if (count * 3 <= max) return 1;
  if (count * 3 <= max * 2) return 2;
  return 3;
}

/** Background and text of each level; above the line stands out at a glance. */
export const HEAT_STYLES: Record<HeatLevel, { background: string; color: string }> = {
  0: { background: 'transparent', color: 'rgba(0, 0, 0, 0.25)' },
  1: { background: '#e3f4d2', color: 'rgba(0, 0, 0, 0.75)' },
  2: { background: '#c9ecb4', color: 'rgba(0, 0, 0, 0.8)' },
  3: { background: '#8fd16a', color: 'rgba(0, 0, 0, 0.85)' },
  4: { background: '#fadb14', color: '#5c3c00' },
  5: { background: '#fa8c16', color: '#fff' },
};

/** The counts each level covers under a line, for the legend (`[from, to]`, `to` null: and more). */
export function heatRanges(max: number): { level: HeatLevel; from: number; to: number | null }[] {
  const third = Math.floor(max / 3);
  const twoThirds = Math.floor((max * 2) / 3);
  const orangeFrom = Math.floor((max * 3) / 2) + 1;
  const ranges: { level: HeatLevel; from: number; to: number | null }[] = [
    { level: 0, from: 0, to: 0 },
    { level: 1, from: 1, to: third },
    { level: 2, from: third + 1, to: twoThirds },
    { level: 3, from: twoThirds + 1, to: max },
    { level: 4, from: max + 1, to: orangeFrom - 1 },
    { level: 5, from: orangeFrom, to: null },
  ];
  // A small line (under 3) leaves some greens empty: they are not shown.
  return ranges.filter((r) => r.to === null || r.from <= r.to);
}
