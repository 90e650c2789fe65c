import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { createGrid, regionKeys, renameGrid } from '../../api/regions';
import type { Region } from '../../api/types';
import { errorText } from '../../components/errorText';
import { applyApiErrorToForm } from '../../components/formErrors';
import { useT } from '../../i18n';

/** Either a new grid under a community, or a new name for a grid. */
export type GridNameTarget = { kind: 'create'; community: Region } | { kind: 'rename'; grid: Region };

export function GridNameModal({ target, onClose }: { target: GridNameTarget | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ name: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const save = useMutation({
    mutationFn: async ({ name }: { name: string }) => {
      if (!target) throw new Error('No grid target');
      return target.kind === 'create'
        ? createGrid(target.community.code, name.trim())
        : renameGrid(target.grid.code, name.trim());
    },
    onSuccess: () => {
      message.success(target?.kind === 'create' ? t('regions.created') : t('regions.renamed'));
      void queryClient.invalidateQueries({ queryKey: regionKeys.all });
      onClose();
    },
    onError: (error) => {
      if (!applyApiErrorToForm(form, error, ['name'])) message.error(errorText(t, error));
    },
  });

  const title =
    target?.kind === 'create'
      ? `${t('regions.newGrid')} · ${target.community.name}`
      : t('regions.renameTitle');

  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: target?.kind === 'rename' ? target.grid.name : '' }}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
      >
        <Form.Item
          label={t('regions.gridName')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('regions.gridNameRequired') }]}
        >
          <Input placeholder={t('regions.gridNamePlaceholder')} maxLength={50} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
