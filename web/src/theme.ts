import type { ThemeConfig } from 'antd';

// A deep, slightly muted 党建 red: recognisable without shouting on screens used all day.
export const BRAND_RED = '#b7312c';

// Focus in form fields: a calm blue-grey. The brand red on a focused field read as a validation
// error; errors keep antd's own red (colorError), which these tokens do not touch.
const FOCUS_BORDER = '#4f6d8c';
const FOCUS_HOVER = '#8da2b8';
const FOCUS_OUTLINE = 'rgba(79, 109, 140, 0.18)';
const FOCUS_SHADOW = `0 0 0 2px ${FOCUS_OUTLINE}`;
const fieldFocus = {
  activeBorderColor: FOCUS_BORDER,
  hoverBorderColor: FOCUS_HOVER,
  activeShadow: FOCUS_SHADOW,
};

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
    Input: fieldFocus,
    InputNumber: fieldFocus,
    DatePicker: fieldFocus,
    // Also styles TreeSelect's and Cascader's selector, which reuse the Select styles.
    Select: {
      activeBorderColor: FOCUS_BORDER,
      hoverBorderColor: FOCUS_HOVER,
      activeOutlineColor: FOCUS_OUTLINE,
    },
  },
};
