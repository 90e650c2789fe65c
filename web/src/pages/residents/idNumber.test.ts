import { describe, expect, it } from 'vitest';
import { normaliseMobile, parseIdNumber } from './idNumber';

// The rules themselves (GB 11643 check, dates, 29 February, ages) are the server's and tested
// there (src/platform/identifiers/identifiers.test.ts); here, what the browser adds to them.
const TODAY = '2026-11-27';

describe('parseIdNumber in the browser', () => {
  it('tolerates a lower-case x and the spaces of a number copied in groups', () => {
    expect(parseIdNumber('110105 19491231 002x', TODAY)).toEqual({
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('says "incomplete" while digits are still being typed, and the server rule’s problem after', () => {
    for (const typed of ['', '6201051943', '62010519430823806'])
      expect(parseIdNumber(typed, TODAY), typed).toEqual({ problem: 'incomplete' });
    expect(parseIdNumber('6201051943A', TODAY)).toEqual({ problem: 'format' });
    expect(parseIdNumber('11010519491231002XX', TODAY)).toEqual({ problem: 'format' });
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ problem: 'checksum' });
    expect(parseIdNumber('620105203012310026', TODAY)).toEqual({ problem: 'future_birth_date' });
  });
});

describe('normaliseMobile', () => {
  it('gives the number as stored, or null', () => {
    expect(normaliseMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normaliseMobile('1381234567')).toBeNull();
  });
});
