import { invalidField } from '../errors.js';
import { addMessages } from '../i18n.js';
import { type IdNumberFacts, parseIdNumber } from './id-number.js';
import { parseMobile } from './phone.js';

addMessages({
  ID_NUMBER_FORMAT: {
    zh: '身份证号应为18位：17位数字加1位校验码（数字或X）',
    en: 'An ID number has 17 digits and a check character (a digit or X)',
  },
  ID_NUMBER_CHECKSUM: {
    zh: '身份证号校验码不对，请核对号码',
    en: 'The check character of this ID number is wrong; please check the number',
  },
  ID_NUMBER_BIRTH_DATE: {
    zh: '身份证号中的出生日期不是真实日期',
    en: 'The birth date in this ID number is not a real date',
  },
  ID_NUMBER_FUTURE_BIRTH_DATE: {
    zh: '身份证号中的出生日期晚于今天',
    en: 'The birth date in this ID number is after today',
  },
  MOBILE_FORMAT: {
    zh: '手机号应为以1开头的11位数字',
    en: 'A mobile number has 11 digits and starts with 1',
  },
});

/** The facts of a valid ID number, or a 400 naming the field and what is wrong with it. */
export function checkIdNumber(raw: string, today: string, path = '/idNumber'): IdNumberFacts {
  const parsed = parseIdNumber(raw, today);
  if ('problem' in parsed) throw invalidField(path, `ID_NUMBER_${parsed.problem.toUpperCase()}`);
  return parsed;
}

/** A valid mobile number (normalised), or a 400 naming the field. */
export function checkMobile(raw: string, path = '/phone'): string {
  const parsed = parseMobile(raw);
  if ('problem' in parsed) throw invalidField(path, 'MOBILE_FORMAT');
  return parsed.phone;
}
