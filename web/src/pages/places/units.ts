/**
 * Areas travel as integer hundredths of a square metre (DESIGN.md: no floats in the data); the
 * forms take square metres with up to two decimals.
 */
export function areaToHundredths(squareMetres: number | null | undefined): number | null {
  if (squareMetres === null || squareMetres === undefined || !Number.isFinite(squareMetres)) return null;
  // Rounded on the decimal text: 87.38 * 100 is 8737.999… in binary floating point.
  return Math.round(Number(`${squareMetres}e2`));
}

export function hundredthsToArea(hundredths: number | null | undefined): number | null {
  return hundredths === null || hundredths === undefined ? null : hundredths / 100;
}

/** 87.38 ㎡, without trailing zeros. */
export function formatArea(hundredths: number | null | undefined): string {
  const area = hundredthsToArea(hundredths);
  return area === null ? '' : `${area.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ㎡`;
}

/** Rooms in reading order: 2 before 10, 101 before 1001, then by text (A01, 商铺1). */
export function compareRooms(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}
