import { Flex, Spin } from 'antd';

/** Placeholder while the session or a lazy page loads. */
export function FullPageSpin({ minHeight = '60vh' }: { minHeight?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight }}>
      <Spin size="large" />
    </Flex>
  );
}
