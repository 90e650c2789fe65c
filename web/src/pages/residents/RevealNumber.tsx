import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { revealNumber } from '../../api/residents';
import { errorText } from '../../components/errorText';
import { useT } from '../../i18n';

interface RevealNumberProps {
  residentId: number;
  field: 'idNumber' | 'phone';
  masked: string | null;
  /** The full number once shown (kept by the page so header and details agree). */
  revealed: string | null | undefined;
  onRevealed: (value: string | null) => void;
  /** From the session: registry.revealIdNumber / registry.revealPhone. */
  allowed: boolean;
}

/**
 * A masked number with 显示 for those allowed to see it in full. Showing it is an audited act,
 * so the button asks first and says so; the full number then replaces the masked one in place.
 * A phone number shown in full can be called with one tap.
 */
export function RevealNumber({
  residentId,
  field,
  masked,
  revealed,
  onRevealed,
  allowed,
}: RevealNumberProps) {
  const t = useT();
  const { message } = App.useApp();
  const reveal = useMutation({
    mutationFn: () => revealNumber(residentId, field),
    onSuccess: onRevealed,
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  if (masked === null) return <span className="masked-number muted">—</span>;
  if (revealed !== undefined && revealed !== null) {
    return field === 'phone' ? (
      <a href={`tel:${revealed}`} className="masked-number revealed-number">
        {revealed}
      </a>
    ) : (
      <span className="masked-number revealed-number">{revealed}</span>
    );
  }
  return (
    <span className="reveal-number">
      <span className="masked-number">{masked}</span>
      {allowed ? (
        <Popconfirm
          title={t('residents.revealTitle')}
          description={<div className="reveal-confirm">{t('residents.revealDesc')}</div>}
          okText={t('residents.revealOk')}
          cancelText={t('common.cancel')}
          onConfirm={() => reveal.mutate()}
        >
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            aria-label={t(field === 'phone' ? 'residents.revealPhone' : 'residents.revealIdNumber')}
          >
            {t('residents.reveal')}
          </Button>
        </Popconfirm>
      ) : null}
    </span>
  );
}
