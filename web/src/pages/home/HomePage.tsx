import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useRoleName } from '../../api/hooks';
import { hasPermission, useCurrentUser } from '../../auth/session';
import { EmptyState } from '../../components/EmptyState';
import { scopeName } from '../../components/scopeName';
import { useT } from '../../i18n';
import { visibleNavItems } from '../../layout/menu';
import { useWorkingRegion } from '../../layout/WorkingRegion';
import { FieldVisitTiles } from './FieldVisitTiles';
import { VisitWorkbench } from './VisitWorkbench';

export default function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  const roleName = useRoleName();
  const working = useWorkingRegion();
  const shortcuts = visibleNavItems(user).filter((item) => item.path !== '/');

  return (
    <Flex vertical gap={20}>
      {/* Those who visit people see first who is due a visit. */}
      {hasPermission(user, 'visits.read') ? <VisitWorkbench /> : null}
      {/* Those who file, review or receive research visits see what waits for them. */}
      {hasPermission(user, 'fieldVisits.read') ? <FieldVisitTiles /> : null}
      <Card className="welcome-card" variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('home.role')}>{roleName(user.role)}</Descriptions.Item>
          <Descriptions.Item label={t('home.scope')}>{scopeName(t, user)}</Descriptions.Item>
          {working.regionCode ? (
            <Descriptions.Item label={t('home.workingRegion')}>{working.name}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <section aria-labelledby="home-shortcuts">
        <Typography.Title level={5} id="home-shortcuts">
          {t('home.quickLinks')}
        </Typography.Title>
        {shortcuts.length === 0 ? (
          <Card>
            <EmptyState description={t('home.noLinks')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {shortcuts.map((item) => (
              <Col key={item.path} xs={24} sm={12} xl={8}>
                <Link to={item.path} className="shortcut-link">
                  <Card hoverable className="shortcut-card">
                    <Flex align="center" gap={14}>
                      <span className="shortcut-icon">{item.icon}</span>
                      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                        <Typography.Text strong>{t(item.labelKey)}</Typography.Text>
                        <Typography.Text type="secondary">{t(item.descriptionKey)}</Typography.Text>
                      </Flex>
                      <RightOutlined className="shortcut-arrow" />
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </section>
    </Flex>
  );
}
