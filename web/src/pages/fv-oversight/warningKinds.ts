import type { MessageKey } from '../../i18n';

/** The rules' warning codes in the order the rules are listed, with their names. */
export const WARNING_KINDS: { code: string; label: MessageKey }[] = [
  { code: 'UNIT_COUNTY_2W', label: 'fvo.warning.UNIT_COUNTY_2W' },
  { code: 'UNIT_COUNTY_YEAR', label: 'fvo.warning.UNIT_COUNTY_YEAR' },
  { code: 'HEADCOUNT', label: 'fvo.warning.HEADCOUNT' },
  { code: 'COUNTY_MONTH_LOAD', label: 'fvo.warning.COUNTY_MONTH_LOAD' },
  { code: 'URGENT', label: 'fvo.warning.URGENT' },
];
