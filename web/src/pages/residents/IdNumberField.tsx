import { CheckCircleFilled } from '@ant-design/icons';
import { Form, type FormRule, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { todayString } from './dates';
import { ageOn, type IdNumberProblem, normaliseIdNumber, parseIdNumber } from './idNumber';
import { GENDER_KEYS } from './vocabulary';

const PROBLEM_KEYS: Record<Exclude<IdNumberProblem, 'incomplete'>, MessageKey> = {
  format: 'residents.idProblem.format',
  checksum: 'residents.idProblem.checksum',
  birth_date: 'residents.idProblem.birthDate',
  future_birth_date: 'residents.idProblem.future',
};

interface IdNumberFieldProps {
  required: boolean;
  /** Edit mode: the masked number on record; an empty field keeps it. */
  current?: string;
}

/**
 * 身份证号 checked as it is typed (GB 11643 checksum and birth date, as the server checks), and
 * once it is valid, the birth date, gender and age it carries, so a wrong digit is seen at once.
 * A number still being typed is only blamed when the field is left.
 */
export function IdNumberField({ required, current }: IdNumberFieldProps) {
  const t = useT();
  const form = Form.useFormInstance();
  const value: string | undefined = Form.useWatch('idNumber', form);
  const today = todayString();
  const typed = normaliseIdNumber(value ?? '');
  const parsed = typed ? parseIdNumber(typed, today) : null;

  let extra: ReactNode = current ? t('residents.idKeep', { current }) : t('residents.idHelp');
  if (parsed && !('problem' in parsed)) {
    extra = (
      <Typography.Text type="success" data-testid="id-facts">
        <CheckCircleFilled />{' '}
        {t('residents.idFacts', {
          birthDate: parsed.birthDate,
          gender: t(GENDER_KEYS[parsed.gender]),
          age: ageOn(parsed.birthDate, today),
        })}
      </Typography.Text>
    );
  } else if (parsed && parsed.problem === 'incomplete') {
    extra = t('residents.idProgress', { n: typed.length });
  }

  const rules: FormRule[] = [
    {
      validateTrigger: ['onChange', 'onBlur'],
      validator: async (_rule, raw: string | undefined) => {
        const text = normaliseIdNumber(raw ?? '');
        if (!text) return;
        const result = parseIdNumber(text, today);
        if ('problem' in result && result.problem !== 'incomplete')
          throw new Error(t(PROBLEM_KEYS[result.problem]));
      },
    },
    {
      validateTrigger: ['onBlur'],
      validator: async (_rule, raw: string | undefined) => {
        const text = normaliseIdNumber(raw ?? '');
        if (!text) {
          if (required) throw new Error(t('residents.idRequired'));
          return;
        }
        const result = parseIdNumber(text, today);
        if ('problem' in result && result.problem === 'incomplete')
          throw new Error(t('residents.idProblem.format'));
      },
    },
  ];

  return (
    <Form.Item
      label={t('residents.idNumber')}
      name="idNumber"
      required={required}
      validateTrigger={['onChange', 'onBlur']}
      rules={rules}
      extra={extra}
    >
      <Input
        maxLength={22}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('residents.idPlaceholder')}
        className="masked-number"
      />
    </Form.Item>
  );
}
