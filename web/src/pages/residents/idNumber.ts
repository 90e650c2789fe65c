/**
 * 居民身份证号 (GB 11643-1999) read in the browser, with the same rules as the server
 * (src/platform/identifiers/id-number.ts), so that a typing mistake shows at once and the birth
 * date and gender can be shown before anything is sent. The server checks again.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'incomplete' | 'format' | 'checksum' | 'birth_date' | 'future_birth_date';

export interface IdNumberFacts {
  /** The number as stored: no spaces, upper-case X. */
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** The check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Spaces (people copy numbers grouped 6-8-4) are dropped; x becomes X. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/**
 * Reads an ID number; `today` (YYYY-MM-DD) bounds the birth date. Answers the facts it carries
 * or the first problem found; `incomplete` while digits are still being typed.
 */
export function parseIdNumber(raw: string, today: string): IdNumberFacts | { problem: IdNumberProblem } {
  const idNumber = normaliseIdNumber(raw);
  if (/^\d{0,16}$/.test(idNumber) || /^\d{17}$/.test(idNumber)) return { problem: 'incomplete' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { problem: 'format' };
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { problem: 'checksum' };
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  if (y < 1850 || !isRealDate(y, m, d)) return { problem: 'birth_date' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (birthDate > today) return { problem: 'future_birth_date' };
  return { idNumber, birthDate, gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * Age in whole years on a date (both YYYY-MM-DD). Someone born on 29 February has birthdays on
 * 28 February in common years, as the server counts (src/platform/identifiers/age.ts).
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const birthdayDay = bm === 2 && bd === 29 && !leap(y) ? 28 : bd;
  const hadBirthday = m > bm || (m === bm && d >= birthdayDay);
  return y - by - (hadBirthday ? 0 : 1);
}

/** A mainland mobile number: 11 digits starting with 1 (spaces, dashes and +86 tolerated). */
export function normaliseMobile(raw: string): string | null {
  const phone = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(phone) ? phone : null;
}
