/**
 * 居民身份证号 (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit sequence
 * (odd: male, even: female) and a check character. Address codes are not checked against
 * today's division list: people keep the codes of divisions that have since been merged.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'format' | 'checksum' | 'birth_date' | 'future_birth_date';

export interface IdNumberFacts {
  /** The number as stored: upper-case X. */
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * Reads an ID number; `today` (YYYY-MM-DD, Asia/Shanghai) bounds the birth date. Answers the
 * facts it carries, or the first problem found.
 */
export function parseIdNumber(raw: string, today: string): IdNumberFacts | { problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { problem: 'format' };
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { problem: 'checksum' };
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  if (y < 1850 || !isRealDate(y, m, d)) return { problem: 'birth_date' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (birthDate > today) return { problem: 'future_birth_date' };
  return { idNumber, birthDate, gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}
