import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  type AppNotification,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
} from '../api/notifications';
import { EmptyState } from '../components/EmptyState';
import { QueryError } from '../components/QueryError';
import { useI18n } from '../i18n';
import './notifications.css';

dayjs.extend(relativeTime);

/**
 * The bell in the header: the unread count (asked for every 5 minutes and when the window
 * regains focus), and the latest notifications; one opens what it is about and is then read.
 */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const inbox = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const openItem = (item: AppNotification) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    // Links are the app's own paths; anything else is not followed.
    if (item.link?.startsWith('/')) navigate(item.link);
  };

  const content = (
    <div className="notif-panel" data-testid="notification-panel">
      <Flex className="notif-head" justify="space-between" align="center" gap={8}>
        <Typography.Text strong>
          {t('notifications.title')}
          {unread > 0 ? (
            <Typography.Text type="secondary" className="notif-head-count">
              {t('notifications.unreadN', { n: unread })}
            </Typography.Text>
          ) : null}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {inbox.isError && !inbox.data ? (
        <div className="notif-pad">
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
        </div>
      ) : inbox.isLoading ? (
        <div className="notif-pad">
          <Skeleton active paragraph={{ rows: 3 }} title={false} />
        </div>
      ) : items.length === 0 ? (
        <div className="notif-pad">
          <EmptyState description={t('notifications.empty')} />
        </div>
      ) : (
        <ul className="notif-list" aria-label={t('notifications.title')}>
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={item.readAt ? 'notif-item' : 'notif-item notif-unread'}
                data-testid="notification-item"
                data-unread={item.readAt ? undefined : 'true'}
                onClick={() => openItem(item)}
              >
                <span className="notif-dot" aria-hidden />
                <span className="notif-body">
                  <span className="notif-message">{item.message}</span>
                  <time
                    className="notif-time"
                    dateTime={item.createdAt}
                    title={dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                  >
                    {dayjs(item.createdAt)
                      .locale(lang === 'en' ? 'en' : 'zh-cn')
                      .fromNow()}
                  </time>
                </span>
                {item.readAt ? null : <span className="notif-sr-only">{t('notifications.unread')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Opening shows the news, not what was there five minutes ago.
        if (next) void inbox.refetch();
      }}
      arrow={!compact}
      // On a phone the bell sits mid-header: the panel (as wide as the screen) slides to fit.
      align={compact ? { overflow: { shiftX: true, adjustY: true } } : undefined}
      styles={{ container: { padding: 0 } }}
    >
      <Button
        type="text"
        className="notif-bell"
        data-testid="notification-bell"
        aria-label={unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.title')}
        icon={
          <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
            <BellOutlined className="notif-bell-icon" />
          </Badge>
        }
      />
    </Popover>
  );
}
