import { DownOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { RegionPicker } from '../components/RegionPicker';
import { useT } from '../i18n';
import { useWorkingRegion } from './WorkingRegion';

/**
 * Header control for the working region. Accounts at community level or below just see their
 * scope name; above it, desktop gets an inline picker and phones a button that opens one.
 */
export function WorkingRegionPicker({ compact }: { compact: boolean }) {
  const t = useT();
  const working = useWorkingRegion();
  const [open, setOpen] = useState(false);

  const name = (
    <Typography.Text strong ellipsis className="working-region-name">
      {working.name}
    </Typography.Text>
  );

  if (!working.canChoose) {
    return (
      <Flex align="center" gap={6} className="working-region" title={t('shell.workingRegion')}>
        <EnvironmentOutlined className="working-region-icon" />
        {name}
      </Flex>
    );
  }

  const picker = (
    <RegionPicker
      aria-label={t('shell.workingRegion')}
      placeholder={working.name}
      // No region chosen means the whole scope; for a whole-country account that is the '' node.
      value={working.region?.code ?? ''}
      includeCountry
      valueLabel={working.region?.name}
      // Clearing returns to the account's whole scope.
      allowClear={working.isNarrowed}
      onChange={(_code, region) => {
        working.setRegion(region ?? null);
        setOpen(false);
      }}
      style={{ width: compact ? '100%' : 280 }}
      defaultOpen={compact}
    />
  );

  if (!compact) {
    return (
      <Flex align="center" gap={8} className="working-region">
        <EnvironmentOutlined className="working-region-icon" />
        <Typography.Text type="secondary" className="working-region-label">
          {t('shell.workingRegion')}
        </Typography.Text>
        {picker}
      </Flex>
    );
  }

  return (
    <>
      <Button
        type="text"
        className="working-region-button"
        onClick={() => setOpen(true)}
        aria-label={t('shell.workingRegion')}
      >
        <EnvironmentOutlined className="working-region-icon" />
        {name}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
      <Modal
        open={open}
        title={t('shell.workingRegion')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        {picker}
      </Modal>
    </>
  );
}
