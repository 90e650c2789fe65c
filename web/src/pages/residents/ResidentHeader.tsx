import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Resident } from '../../api/residents';
import { usePermission } from '../../auth/session';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';
import { formatAgo } from './dates';
import { genderAge, RiskTags, VisitDue } from './ResidentBits';
import { RevealNumber } from './RevealNumber';
import { labelOf, STATUS_KEYS } from './vocabulary';

export interface Revealed {
  idNumber?: string | null;
  phone?: string | null;
}

interface ResidentHeaderProps {
  resident: Resident;
  revealed: Revealed;
  onRevealed: (field: keyof Revealed, value: string | null) => void;
  actions: ReactNode;
}

/** Who this is at a glance: name, age, tags, where they live, their numbers and the next visit. */
export function ResidentHeader({ resident, revealed, onRevealed, actions }: ResidentHeaderProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const canRevealId = usePermission('registry.revealIdNumber');
  const canRevealPhone = usePermission('registry.revealPhone');
  const statusColor =
    resident.status === 'resident' ? 'green' : resident.status === 'temporary' ? 'cyan' : 'default';

  return (
    <Card className="resident-header" styles={{ body: { padding: isMobile ? 16 : undefined } }}>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Flex align="baseline" gap={10} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {resident.name}
            </Typography.Title>
            <Typography.Text className="resident-header-age">{genderAge(t, resident)}</Typography.Text>
            <Tag color={statusColor}>{labelOf(t, STATUS_KEYS, resident.status)}</Tag>
          </Flex>
          <RiskTags tags={resident.tags} />
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {resident.regionName}
            {resident.address ? ` · ${resident.address}` : ''}
          </Typography.Text>
          <Flex gap="4px 20px" wrap className="resident-header-numbers">
            <span>
              <Typography.Text type="secondary">{t('residents.idNumber')}</Typography.Text>{' '}
              <RevealNumber
                residentId={resident.id}
                field="idNumber"
                masked={resident.idNumber}
                revealed={revealed.idNumber}
                onRevealed={(value) => onRevealed('idNumber', value)}
                allowed={canRevealId && !resident.deletedAt}
              />
            </span>
            <span>
              <Typography.Text type="secondary">{t('residents.phone')}</Typography.Text>{' '}
              <RevealNumber
                residentId={resident.id}
                field="phone"
                masked={resident.phone}
                revealed={revealed.phone}
                onRevealed={(value) => onRevealed('phone', value)}
                allowed={canRevealPhone && !resident.deletedAt}
              />
            </span>
          </Flex>
          {resident.visitIntervalDays ? (
            <Flex gap="4px 20px" wrap>
              <span>
                <Typography.Text type="secondary">{t('residents.lastVisit')}</Typography.Text>{' '}
                {formatAgo(t, resident.lastVisitAt)}
              </span>
              <span>
                <Typography.Text type="secondary">{t('residents.nextVisit')}</Typography.Text>{' '}
                <VisitDue resident={resident} />
              </span>
            </Flex>
          ) : null}
        </Flex>
        <Flex gap={8} wrap className="resident-header-actions">
          {actions}
        </Flex>
      </Flex>
    </Card>
  );
}
