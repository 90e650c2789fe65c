/**
 * 居民身份证号 (GB 11643-1999) and mobile numbers read in the browser by the server's own rules
 * (src/platform/identifiers), so that a typing mistake shows at once and the birth date and
 * gender can be shown before anything is sent. The server checks again.
 */
import {
  type IdNumberFacts,
  parseIdNumber as parseWhole,
  type IdNumberProblem as ServerProblem,
} from '../../../../src/platform/identifiers/id-number';
import { parseMobile } from '../../../../src/platform/identifiers/phone';

export { ageOn } from '../../../../src/platform/identifiers/age';
export type { IdNumberFacts };

/** `incomplete`: digits are still being typed. */
export type IdNumberProblem = 'incomplete' | ServerProblem;

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
  if (/^\d{0,17}$/.test(idNumber)) return { problem: 'incomplete' };
  return parseWhole(idNumber, today);
}

/** A mainland mobile number: 11 digits starting with 1 (spaces, dashes and +86 tolerated). */
export function normaliseMobile(raw: string): string | null {
  const parsed = parseMobile(raw);
  return 'phone' in parsed ? parsed.phone : null;
}
