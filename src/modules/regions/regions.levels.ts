import type { RegionLevel } from '../../db/types.js';

/** The level of a region follows from the length of its code (national division codes). */
const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'street',
  12: 'community',
  15: 'grid',
};

export const CODE_LENGTHS = [2, 4, 6, 9, 12, 15] as const;

export function levelOf(code: string): RegionLevel {
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level || !/^\d+$/.test(code)) throw new Error(`not a region code: ${code}`);
  return level;
}

export function parentCodeOf(code: string): string | null {
  const index = CODE_LENGTHS.indexOf(code.length as (typeof CODE_LENGTHS)[number]);
  return index > 0 ? code.slice(0, CODE_LENGTHS[index - 1]) : null;
}

/** The codes of a region's ancestors and itself, root first. */
export const pathCodes = (code: string) =>
  CODE_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
