import { describe, expect, it } from 'vitest';
import { ageOn, latestBirthDateFor } from './age.js';
import { parseCreditCode } from './credit-code.js';
import { parseIdNumber } from './id-number.js';
import { parseMobile } from './phone.js';

// Every number below was checked against the GB 11643 / GB 32100 formulas independently of this
// code (by hand in a separate script), so the tests do not grade the code with its own answers.
const TODAY = '2026-11-27';

describe('parseIdNumber (GB 11643-1999)', () => {
  it('reads the example of the standard: birth date and gender come from the number', () => {
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

  it('accepts a lower-case x and stores it upper-case', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ idNumber: '11010519491231002X' });
    expect(parseIdNumber('62010519461127001x', TODAY)).toMatchObject({
      idNumber: '62010519461127001X',
      gender: 'male',
    });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ problem: 'checksum' });
    expect(parseIdNumber('440524188001010015', TODAY)).toEqual({ problem: 'checksum' });
  });

  it('refuses impossible dates (29 February of a common year) and accepts a real 29 February', () => {
    expect(parseIdNumber('620105200302290023', TODAY)).toEqual({ problem: 'birth_date' });
    expect(parseIdNumber('620105200402290020', TODAY)).toMatchObject({ birthDate: '2004-02-29' });
    expect(parseIdNumber('620105184912310012', TODAY)).toEqual({ problem: 'birth_date' });
  });

  it('refuses a birth date after today', () => {
    expect(parseIdNumber('620105203012310026', TODAY)).toEqual({ problem: 'future_birth_date' });
  });

  it('refuses anything that is not 17 digits and a check character', () => {
    for (const bad of [
      '',
      '11010519491231002',
      '11010519491231002XX',
      '1101051949123100X2',
      '11010519491231002Y',
      '１１０１０５１９４９１２３１００２Ｘ',
    ]) {
      expect(parseIdNumber(bad, TODAY), bad).toEqual({ problem: 'format' });
    }
  });
});

describe('parseCreditCode (GB 32100-2015)', () => {
  it('accepts real codes and upper-cases them', () => {
    for (const code of [
      '91350100M000100Y43',
      '91110000600037341L',
      '91440300708461136T',
      '91110108551385082Q',
    ]) {
      expect(parseCreditCode(code)).toEqual({ creditCode: code });
    }
    expect(parseCreditCode('91110108551385082q')).toEqual({ creditCode: '91110108551385082Q' });
  });

  it('refuses a wrong check character', () => {
    expect(parseCreditCode('911100001000128873')).toEqual({ problem: 'checksum' });
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ problem: 'checksum' });
  });

  it('refuses the letters the standard leaves out (I, O, S, V, Z) and wrong lengths', () => {
    for (const bad of [
      '91350100I000100Y43',
      '91350100O000100Y43',
      '91350100S000100Y43',
      '91350100V000100Y43',
      '91350100Z000100Y43',
      '91350100M000100Y4',
      '',
    ]) {
      expect(parseCreditCode(bad), bad).toEqual({ problem: 'format' });
    }
  });
});

describe('parseMobile', () => {
  it('accepts 11 digits starting with 1, tolerating spaces, dashes and +86', () => {
    expect(parseMobile('13812345678')).toEqual({ phone: '13812345678' });
    expect(parseMobile('138-1234-5678')).toEqual({ phone: '13812345678' });
    expect(parseMobile('+86 138 1234 5678')).toEqual({ phone: '13812345678' });
  });

  it('refuses other numbers', () => {
    for (const bad of ['23812345678', '1381234567', '138123456789', '0931-8888888', '']) {
      expect(parseMobile(bad), bad).toEqual({ problem: 'format' });
    }
  });
});

describe('ageOn (Asia/Shanghai calendar dates)', () => {
  it('is N from the Nth birthday on: the day before the 80th birthday is still 79', () => {
    expect(ageOn('1946-11-27', '2026-11-26')).toBe(79);
    expect(ageOn('1946-11-27', '2026-11-27')).toBe(80);
    expect(ageOn('1946-11-27', '2026-12-31')).toBe(80);
  });

  it('gives someone born on 29 February their birthday on 28 February in common years', () => {
    expect(ageOn('1944-02-29', '2024-02-28')).toBe(79);
    expect(ageOn('1944-02-29', '2024-02-29')).toBe(80);
    expect(ageOn('1948-02-29', '2028-02-28')).toBe(79);
    expect(ageOn('1947-02-28', '2027-02-28')).toBe(80);
    expect(ageOn('1948-02-29', '2027-02-27')).toBe(78);
    expect(ageOn('1948-02-29', '2027-02-28')).toBe(79);
  });
});

describe('latestBirthDateFor', () => {
  it('agrees with ageOn on every day around the 80th birthday, leap days included', () => {
    const days = ['2026-02-27', '2026-02-28', '2026-03-01', '2028-02-28', '2028-02-29', '2028-03-01'];
    const births = ['1946-02-27', '1946-02-28', '1946-03-01', '1948-02-28', '1948-02-29', '1948-03-01'];
    for (const on of days)
      for (const birth of births)
        expect(birth <= latestBirthDateFor(80, on), `${birth} on ${on}`).toBe(ageOn(birth, on) >= 80);
  });

  it('is the 80th birthday itself', () => {
    expect(latestBirthDateFor(80, '2026-11-27')).toBe('1946-11-27');
    expect(latestBirthDateFor(80, '2026-02-28')).toBe('1946-02-28');
    expect(latestBirthDateFor(80, '2024-02-28')).toBe('1944-02-28');
    expect(latestBirthDateFor(78, '2026-02-28')).toBe('1948-02-29');
  });
});
