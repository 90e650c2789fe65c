import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { User } from '../../api/types';
import { useT } from '../../i18n';

export function isLocked(user: Pick<User, 'lockedUntil'>): boolean {
  return user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());
}

/** 正常 only when nothing else applies; otherwise every flag that is set. */
export function UserStatusTags({ user }: { user: User }) {
  const t = useT();
  const tags = [];
  if (user.disabled) tags.push(<Tag key="disabled">{t('users.status.disabled')}</Tag>);
  if (isLocked(user)) {
    const until = dayjs(user.lockedUntil).format('MM-DD HH:mm');
    tags.push(
      <Tag key="locked" color="orange">
        {t('users.status.locked', { time: until })}
      </Tag>,
    );
  }
  if (user.mustChangePassword) {
    tags.push(
      <Tag key="must" color="gold">
        {t('users.status.mustChange')}
      </Tag>,
    );
  }
  if (tags.length === 0) {
    tags.push(
      <Tag key="active" color="green">
        {t('users.status.active')}
      </Tag>,
    );
  }
  return <span className="tag-list">{tags}</span>;
}
