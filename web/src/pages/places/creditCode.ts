/**
 * 统一社会信用代码 (GB 32100-2015) read in the browser with the server's rules
 * (src/platform/identifiers/credit-code.ts), so a mistyped code shows on the field at once.
 * 18 characters from 0-9 and the capitals without I, O, S, V and Z; the last checks the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'incomplete' | 'format' | 'checksum';

/** The check character of the first 17 characters (which must come from the charset). */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

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
  if (!/^[0-9A-HJ-NP-RTUW-Y]*$/.test(code) || code.length > 18) return { problem: 'format' };
  if (code.length < 18) return { problem: 'incomplete' };
  if (creditCodeCheck(code.slice(0, 17)) !== code[17]) return { problem: 'checksum' };
  return { creditCode: code };
}
