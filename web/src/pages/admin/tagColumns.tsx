import { LockOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import type { CatalogTag } from '../../api/tags';
import { type Translate, useT } from '../../i18n';
import { labelOf, RISK_COLORS, RISK_KEYS } from '../residents/vocabulary';
import { TAG_CATEGORY_KEYS } from './tagVocabulary';

export interface TagActionHandlers {
  onEdit: (tag: CatalogTag) => void;
  onToggleActive: (tag: CatalogTag) => void;
}

/** 编辑 · 停用/启用 (after a confirmation); shared by the table and the phone cards. */
export function TagActions({ tag, onEdit, onToggleActive }: { tag: CatalogTag } & TagActionHandlers) {
  const t = useT();
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(tag)}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t(tag.active ? 'tags.deactivateConfirm' : 'tags.activateConfirm', { name: tag.name })}
        description={t(tag.active ? 'tags.deactivateConfirmDesc' : 'tags.activateConfirmDesc')}
        onConfirm={() => onToggleActive(tag)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: tag.active }}
      >
        <Button type="link" size="small" danger={tag.active}>
          {t(tag.active ? 'tags.deactivate' : 'tags.activate')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** 高风险 red, 重点 orange, 一般 blue. */
export function RiskTag({ tag }: { tag: CatalogTag }) {
  const t = useT();
  return <Tag color={RISK_COLORS[tag.riskLevel]}>{t(RISK_KEYS[tag.riskLevel])}</Tag>;
}

/** 每7天 */
export function intervalText(t: Translate, days: number): string {
  return days === 1 ? t('tags.everyDay') : t('tags.everyNDays', { n: days });
}

/** A lock and the roles a sensitive tag is shown to; a dash for an ordinary tag. */
export function SensitiveRoles({ tag, roleName }: { tag: CatalogTag; roleName: (code: string) => string }) {
  const t = useT();
  if (!tag.sensitive) return <Typography.Text type="secondary">—</Typography.Text>;
  const roles = tag.grantedRoles ?? [];
  return (
    <span className="tag-sensitive" title={t('tags.sensitiveTitle')}>
      <LockOutlined className="tag-sensitive-icon" aria-label={t('tags.sensitive')} />
      {roles.length > 0 ? (
        <span>
          {/* Lines break between roles, never inside a role's name. */}
          {roles.map((code, index) => (
            <span key={code} className="tag-role">
              {roleName(code)}
              {index < roles.length - 1 ? t('tags.roleSeparator') : null}
            </span>
          ))}
        </span>
      ) : (
        <Typography.Text type="warning">{t('tags.noRoles')}</Typography.Text>
      )}
    </span>
  );
}

export function TagStatus({ tag }: { tag: CatalogTag }) {
  const t = useT();
  return tag.active ? (
    <Tag color="green">{t('tags.active')}</Tag>
  ) : (
    <Tag className="tag-status-inactive">{t('tags.inactive')}</Tag>
  );
}

export function tagColumns(
  t: Translate,
  roleName: (code: string) => string,
  actions: TagActionHandlers,
): TableColumnsType<CatalogTag> {
  return [
    {
      title: t('tags.name'),
      dataIndex: 'name',
      width: 130,
      render: (value: string) => <Typography.Text strong>{value}</Typography.Text>,
    },
    {
      title: t('tags.code'),
      dataIndex: 'code',
      width: 190,
      render: (value: string) => (
        <Typography.Text code ellipsis={{ tooltip: value }} style={{ maxWidth: 160 }}>
          {value}
        </Typography.Text>
      ),
    },
    {
      title: t('tags.category'),
      dataIndex: 'category',
      width: 110,
      render: (value: string) => labelOf(t, TAG_CATEGORY_KEYS, value),
    },
    {
      title: t('tags.riskLevel'),
      dataIndex: 'riskLevel',
      width: 90,
      render: (_value, tag) => <RiskTag tag={tag} />,
    },
    {
      title: t('tags.interval'),
      dataIndex: 'visitIntervalDays',
      width: 110,
      render: (value: number) => intervalText(t, value),
    },
    {
      title: t('tags.sensitiveColumn'),
      key: 'sensitive',
      render: (_value, tag) => <SensitiveRoles tag={tag} roleName={roleName} />,
    },
    {
      title: t('tags.status'),
      dataIndex: 'active',
      width: 80,
      render: (_value, tag) => <TagStatus tag={tag} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_value, tag) => <TagActions tag={tag} {...actions} />,
    },
  ];
}
