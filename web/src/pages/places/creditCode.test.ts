import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCreditCode as serverParse } from '../../../../src/platform/identifiers/credit-code';
import { creditCodeCheck, normaliseCreditCode, parseCreditCode } from './creditCode';

// Published codes of real companies (as in the server's tests); the property below holds the
// browser's and the server's readings together.
const VALID = ['91350100M000100Y43', '91110000600037341L', '91440300708461136T', '91110108551385082Q'];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('parseCreditCode in the browser (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    for (const code of VALID) expect(parseCreditCode(code), code).toEqual({ creditCode: code });
  });

  it('accepts lower case and spaces, answering the code as stored', () => {
    expect(parseCreditCode('91350100m000100y43')).toEqual({ creditCode: '91350100M000100Y43' });
    expect(parseCreditCode(' 9135 0100 M000 100Y 43 ')).toEqual({ creditCode: '91350100M000100Y43' });
    expect(normaliseCreditCode('91110108551385082q')).toBe('91110108551385082Q');
  });

  it('refuses a wrong check character', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ problem: 'checksum' });
    expect(parseCreditCode('911100001000128873')).toEqual({ problem: 'checksum' });
    expect(creditCodeCheck('91350100M000100Y4')).toBe('3');
  });

  it('refuses the letters the standard leaves out (I, O, S, V, Z) and codes too long', () => {
    for (const bad of [
      '91350100I000100Y43',
      '91350100O',
      '9S',
      '91350100V000100Y43',
      'Z',
      '91350100M000100Y433',
    ]) {
      expect(parseCreditCode(bad), bad).toEqual({ problem: 'format' });
    }
    expect(parseCreditCode('91350100M000100-43')).toEqual({ problem: 'format' });
  });

  it('calls a code still being typed incomplete', () => {
    expect(parseCreditCode('')).toEqual({ problem: 'incomplete' });
    expect(parseCreditCode('91350100M000100Y4')).toEqual({ problem: 'incomplete' });
  });

  it('agrees with the server on every 18-character code', () => {
    const code = fc
      .array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 })
      .chain((first) =>
        fc
          .oneof(fc.constant(creditCodeCheck(first.join(''))), fc.constantFrom(...CHARSET))
          .map((last) => `${first.join('')}${last}`),
      );
    fc.assert(
      fc.property(code, fc.boolean(), (text, lower) => {
        const typed = lower ? text.toLowerCase() : text;
        const browser = parseCreditCode(typed);
        const server = serverParse(typed);
        expect('creditCode' in browser).toBe('creditCode' in server);
        if ('problem' in server) expect(browser).toEqual({ problem: server.problem });
        else expect(browser).toEqual(server);
      }),
    );
  });
});
