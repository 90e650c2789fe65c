import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { checkPassword } from './passwordPolicy';

function Rule({ met, children }: { met: boolean; children: ReactNode }) {
  return (
    <li className={met ? 'rule rule-met' : 'rule'}>
      {met ? <CheckCircleFilled /> : <MinusCircleOutlined />}
      <span>{children}</span>
    </li>
  );
}

/** The password policy as a checklist that ticks itself while the user types. */
export function PasswordRules({ password, current }: { password: string; current: string }) {
  const t = useT();
  const check = checkPassword(password);
  const different = password.length > 0 && password !== current;
  return (
    <div className="password-rules" aria-live="polite">
      <Typography.Text strong>{t('password.policy')}</Typography.Text>
      <ul>
        <Rule met={check.length}>{t('password.rule.length')}</Rule>
        <Rule met={check.classes >= 3}>
          {t('password.rule.classes')} ({check.classes}/4)
          <ul className="rule-classes">
            <Rule met={check.lower}>{t('password.rule.lower')}</Rule>
            <Rule met={check.upper}>{t('password.rule.upper')}</Rule>
            <Rule met={check.digit}>{t('password.rule.digit')}</Rule>
            <Rule met={check.symbol}>{t('password.rule.symbol')}</Rule>
          </ul>
        </Rule>
        <Rule met={different}>{t('password.rule.different')}</Rule>
      </ul>
    </div>
  );
}
