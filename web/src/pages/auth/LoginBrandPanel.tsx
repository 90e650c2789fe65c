import {
  AppstoreOutlined,
  CoffeeOutlined,
  CommentOutlined,
  ContactsOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type MessageKey, useT } from '../../i18n';

const FEATURES: { icon: ReactNode; title: MessageKey; description: MessageKey }[] = [
  { icon: <AppstoreOutlined />, title: 'login.feature.grid', description: 'login.feature.gridDesc' },
  { icon: <ContactsOutlined />, title: 'login.feature.visit', description: 'login.feature.visitDesc' },
  { icon: <SolutionOutlined />, title: 'login.feature.counter', description: 'login.feature.counterDesc' },
  { icon: <CoffeeOutlined />, title: 'login.feature.canteen', description: 'login.feature.canteenDesc' },
  { icon: <CommentOutlined />, title: 'login.feature.council', description: 'login.feature.councilDesc' },
];

/** The red brand side of the login page; on phones only the name and subtitle remain (CSS). */
export function LoginBrandPanel() {
  const t = useT();
  return (
    <aside className="login-brand">
      <div className="login-brand-inner">
        <div className="login-brand-head">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            基
          </span>
          <span className="login-brand-word">{t('app.brand')}</span>
        </div>
        <h1 className="login-title">{t('app.name')}</h1>
        <p className="login-tagline">{t('app.tagline')}</p>
        <ul className="login-features">
          {FEATURES.map((feature) => (
            <li key={feature.title}>
              <span className="login-feature-icon">{feature.icon}</span>
              <span>
                <strong>{t(feature.title)}</strong>
                <span className="login-feature-desc">{t(feature.description)}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p className="login-brand-foot">{t('login.footer')}</p>
    </aside>
  );
}
