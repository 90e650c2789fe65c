import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';

interface SaveDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** 保存: submits the form inside. */
  onSave: () => void;
  saving: boolean;
  /** Its width on a desktop; a phone gets the whole screen. */
  width: number;
  children: ReactNode;
}

/**
 * The admin pages' 新增/编辑 drawers. Their content goes when they close (`destroyOnHidden`);
 * the page gives each opening a new `key`, so every opening starts from a fresh form.
 */
export function SaveDrawer({ open, title, onClose, onSave, saving, width, children }: SaveDrawerProps) {
  const t = useT();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : width}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
