/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, S, V
 * and Z; the last is a check character over the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

export type CreditCodeProblem = 'format' | 'checksum';

/** The code as stored (upper case), or the problem with it. */
export function parseCreditCode(raw: string): { creditCode: string } | { problem: CreditCodeProblem } {
  const creditCode = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(creditCode)) return { problem: 'format' };
  if (creditCodeCheckCharacter(creditCode.slice(0, 17)) !== creditCode[17]) return { problem: 'checksum' };
  return { creditCode };
}
