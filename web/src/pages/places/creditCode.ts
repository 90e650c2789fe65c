/**
 * 统一社会信用代码 (GB 32100-2015) read in the browser by the server's own rule
 * (src/platform/identifiers/credit-code.ts), so a mistyped code shows on the field at once.
 */
import {
  parseCreditCode as parseWhole,
  type CreditCodeProblem as ServerProblem,
} from '../../../../src/platform/identifiers/credit-code';

/** `incomplete`: fewer than 18 allowed characters typed so far. */
export type CreditCodeProblem = 'incomplete' | ServerProblem;

/** Spaces dropped (codes are often copied in groups), lower case raised. */
export function normaliseCreditCode(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/**
 * The code as stored, or its first problem: `incomplete` while fewer than 18 allowed characters
 * have been typed, `format` for a character the standard leaves out or a code too long.
 */
export function parseCreditCode(raw: string): { creditCode: string } | { problem: CreditCodeProblem } {
  const code = normaliseCreditCode(raw);
  if (/^[0-9A-HJ-NP-RTUW-Y]{0,17}$/.test(code)) return { problem: 'incomplete' };
  return parseWhole(code);
}
