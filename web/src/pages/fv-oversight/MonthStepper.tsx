import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n';
import { addMonths, thisMonth } from './months';

interface MonthStepperProps {
  month: string;
  onChange: (month: string) => void;
  /** Stretch across the width (a phone's filter bar). */
  block?: boolean;
}

/** ‹ month › with a month picker between, and 本月 to come back. */
export function MonthStepper({ month, onChange, block }: MonthStepperProps) {
  const t = useT();
  return (
    <Flex gap={4} align="center" style={block ? { width: '100%' } : undefined}>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('fvo.previousMonth')}
        title={t('fvo.previousMonth')}
        onClick={() => onChange(addMonths(month, -1))}
      />
      <DatePicker
        picker="month"
        allowClear={false}
        value={dayjs(`${month}-01`)}
        onChange={(value) => {
          if (value) onChange(value.format('YYYY-MM'));
        }}
        format={(value) => value.format(t('fvo.monthFormat'))}
        aria-label={t('fvo.month')}
        style={block ? { flex: 1 } : { width: 140 }}
        data-testid="month-picker"
      />
      <Button
        icon={<RightOutlined />}
        aria-label={t('fvo.nextMonth')}
        title={t('fvo.nextMonth')}
        onClick={() => onChange(addMonths(month, 1))}
      />
      <Button onClick={() => onChange(thisMonth())} disabled={month === thisMonth()}>
        {t('fvo.thisMonth')}
      </Button>
    </Flex>
  );
}
