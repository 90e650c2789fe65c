import { Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../../components/useIsMobile';
import { useT } from '../../i18n';

interface SaveModalProps {
  open: boolean;
  title: ReactNode;
  /** 保存: submits the form inside. */
  onSave: () => void;
  onCancel: () => void;
  saving: boolean;
  /** A form of many fields: wider on a desktop, in two columns. */
  wide?: boolean;
  footer?: ModalProps['footer'];
  children: ReactNode;
}

/**
 * The places' 新增/编辑 modals. They stay mounted (`forceRender`) so that their form instance
 * lives on between openings; useSaveForm resets it at each opening.
 */
export function SaveModal({ open, title, onSave, onCancel, saving, wide, footer, children }: SaveModalProps) {
  const t = useT();
  const isMobile = useIsMobile();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={onSave}
      onCancel={onCancel}
      confirmLoading={saving}
      forceRender
      {...(wide ? { width: isMobile ? undefined : 640, centered: !isMobile } : {})}
      {...(footer ? { footer } : {})}
    >
      {children}
    </Modal>
  );
}
