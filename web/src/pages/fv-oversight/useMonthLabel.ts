import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useI18n } from '../../i18n';

/** `2026年5月` / `May 2026`; `short` drops the year (`5月` / `May`) where a heading gives it. */
export function useMonthLabel(): (month: string, short?: boolean) => string {
  const { lang } = useI18n();
  return useCallback(
    (month: string, short = false) => {
      const day = dayjs(`${month}-01`);
      if (lang === 'en') return day.format(short ? 'MMM' : 'MMM YYYY');
      return day.format(short ? 'M月' : 'YYYY年M月');
    },
    [lang],
  );
}
