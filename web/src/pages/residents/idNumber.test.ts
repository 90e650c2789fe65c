import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdNumber as serverParse } from '../../../../src/platform/identifiers/id-number';
import { ageOn, normaliseMobile, parseIdNumber } from './idNumber';

// The examples are those of the standard (GB 11643-1999, 11010519491231002X) and numbers checked
// by hand, as in the server's tests; the property below holds the two implementations together.
const TODAY = '2026-11-27';

describe('parseIdNumber in the browser', () => {
  it('reads birth date and gender from the example of the standard', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(parseIdNumber('440524188001010014', TODAY)).toMatchObject({
      birthDate: '1880-01-01',
      gender: 'male',
    });
  });

  it('tolerates a lower-case x and the spaces of a number copied in groups', () => {
    expect(parseIdNumber('110105 19491231 002x', TODAY)).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it('says "incomplete" while digits are still being typed, and names every other problem', () => {
    expect(parseIdNumber('', TODAY)).toEqual({ problem: 'incomplete' });
    expect(parseIdNumber('6201051943', TODAY)).toEqual({ problem: 'incomplete' });
    expect(parseIdNumber('62010519430823806', TODAY)).toEqual({ problem: 'incomplete' });
    expect(parseIdNumber('1101051949123100X2', TODAY)).toEqual({ problem: 'format' });
    expect(parseIdNumber('11010519491231002XX', TODAY)).toEqual({ problem: 'format' });
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ problem: 'checksum' });
    expect(parseIdNumber('620105200302290023', TODAY)).toEqual({ problem: 'birth_date' });
    expect(parseIdNumber('620105200402290020', TODAY)).toMatchObject({ birthDate: '2004-02-29' });
    expect(parseIdNumber('620105203012310026', TODAY)).toEqual({ problem: 'future_birth_date' });
  });

  it('accepts exactly the numbers the server accepts, with the same facts', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 17, maxLength: 17 });
    const dates = fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-27'), noInvalidDate: true });
    // Numbers with a plausible date (so that the checksum is what decides) and any last character.
    const numbers = fc
      .tuple(digits, dates, fc.constantFrom(...'0123456789X'))
      .map(
        ([d, date, last]) =>
          `${d.slice(0, 6).join('')}${date.toISOString().slice(0, 10).replace(/-/g, '')}${d.slice(14, 17).join('')}${last}`,
      );
    fc.assert(
      fc.property(numbers, (number) => {
        const ours = parseIdNumber(number, TODAY);
        const theirs = serverParse(number, TODAY);
        expect('problem' in ours).toBe('problem' in theirs);
        if (!('problem' in ours)) expect(ours).toEqual(theirs);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, a birthday on 29 February falling on the 28th of common years', () => {
    expect(ageOn('1943-08-23', '2026-08-22')).toBe(82);
    expect(ageOn('1943-08-23', '2026-08-23')).toBe(83);
    expect(ageOn('2004-02-29', '2025-02-27')).toBe(20);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(21);
  });
});

describe('normaliseMobile', () => {
  it('keeps 11 digits starting with 1, tolerating spaces, dashes and +86', () => {
    expect(normaliseMobile('138 1234 5678')).toBe('13812345678');
    expect(normaliseMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normaliseMobile('23812345678')).toBeNull();
    expect(normaliseMobile('1381234567')).toBeNull();
  });
});
