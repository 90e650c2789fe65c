export type Lang = 'zh' | 'en';

type Catalog = Record<string, { zh: string; en: string }>;

/**
 * Client-facing messages by error code. Modules add their own codes with `addMessages` next to
 * the code that raises them. `{name}` placeholders are filled from the error's params.
 */
const messages: Catalog = {
  VALIDATION_FAILED: { zh: '提交的内容不符合要求', en: 'The request is not valid' },
  MALFORMED_JSON: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { zh: '请求内容过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { zh: '请先登录，或登录已超时', en: 'Please log in; your session may have expired' },
  INVALID_CREDENTIALS: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，账户已锁定，请在 {minutes} 分钟后重试或联系管理员解锁',
    en: 'Too many failed logins: the account is locked; try again in {minutes} minutes or ask an administrator',
  },
  ACCOUNT_DISABLED: {
    zh: '账户已停用，请联系管理员',
    en: 'This account is disabled; contact an administrator',
  },
  RATE_LIMITED: {
    zh: '尝试过于频繁，请在 {seconds} 秒后重试',
    en: 'Too many attempts; try again in {seconds} seconds',
  },
  CSRF_INVALID: {
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security check failed; reload the page and retry',
  },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '请先修改初始密码',
    en: 'Please change your initial password first',
  },
  PASSWORD_WEAK: {
    zh: '密码至少 8 位，并包含小写字母、大写字母、数字、符号中的至少 3 类，且不能与原密码相同',
    en: 'A password needs at least 8 characters from 3 of: lower case, upper case, digits, symbols, and must differ from the old one',
  },
  WRONG_PASSWORD: { zh: '当前密码不正确', en: 'The current password is wrong' },
  NOT_FOUND: { zh: '未找到该记录', en: 'Not found' },
  CONFLICT: { zh: '操作与现有数据冲突', en: 'This conflicts with existing data' },
  INTERNAL: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please retry later' },
};

export function addMessages(catalog: Catalog): void {
  for (const [code, text] of Object.entries(catalog)) {
    if (messages[code]) throw new Error(`message code ${code} defined twice`);
    messages[code] = text;
  }
}

export const hasMessage = (code: string) => code in messages;

export function message(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = messages[code]?.[lang] ?? messages.INTERNAL?.[lang] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** Chinese unless the client prefers English (by order and q-value) to Chinese. */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  let best: { lang: Lang; q: number } = { lang: 'zh', q: 0 };
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : undefined;
    const q = Number(
      params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    // Ties go to the earlier tag, as the client listed it first.
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}
