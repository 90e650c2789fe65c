import { RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { Calendar } from '../../api/fv-oversight';
import { EmptyState } from '../../components/EmptyState';
import { useI18n } from '../../i18n';
import { todayString } from '../residents/dates';

interface CalendarDayListProps {
  days: Calendar['days'];
  dayLink: (date: string) => string;
}

/** A phone's calendar: the days of the month on which visits start, each opening its visits. */
export function CalendarDayList({ days, dayLink }: CalendarDayListProps) {
  const { t, lang } = useI18n();
  const busy = days.filter((day) => day.count > 0).sort((a, b) => a.date.localeCompare(b.date));
  if (busy.length === 0) return <EmptyState description={t('fvo.calendar.none')} />;
  const today = todayString();
  return (
    <ul className="fvo-day-list" data-testid="calendar-day-list">
      {busy.map((day) => {
        const date = dayjs(day.date);
        const weekend = date.day() === 0 || date.day() === 6;
        return (
          <li key={day.date}>
            <Link to={dayLink(day.date)} className="fvo-day-item" data-testid={`calendar-day-${day.date}`}>
              <span className={`fvo-day-date${day.date === today ? ' fvo-day-today' : ''}`}>
                <span className="fvo-day-number">{date.date()}</span>
              </span>
              <span className={`fvo-day-text${weekend ? ' fvo-day-weekend' : ''}`}>
                {date.format(lang === 'en' ? 'dddd, MMM D' : 'M月D日 dddd')}
                {day.date === today ? (
                  <span className="fvo-day-today-tag">{t('fvo.calendar.today')}</span>
                ) : null}
              </span>
              <span className="fvo-day-count">{t('fvo.calendar.count', { n: day.count })}</span>
              <RightOutlined className="fvo-chevron" />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
