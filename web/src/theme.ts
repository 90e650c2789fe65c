import type { ThemeConfig } from 'antd';

// A deep, slightly muted 党建 red: recognisable without shouting on screens used all day.
export const BRAND_RED = '#b7312c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: BRAND_RED,
    colorInfo: '#2f6fb0',
    colorBgLayout: '#f5f3f0',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px' },
    Menu: {
      itemSelectedBg: '#fbeceb',
      itemSelectedColor: BRAND_RED,
      itemBorderRadius: 8,
      itemMarginInline: 8,
    },
    Table: { headerBg: '#faf8f6' },
  },
};
