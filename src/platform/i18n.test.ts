import { describe, expect, it } from 'vitest';
import { addMessages, hasMessage, langOf, message } from './i18n.js';

describe('langOf', () => {
  it('is Chinese by default', () => {
    expect(langOf(undefined)).toBe('zh');
    expect(langOf('')).toBe('zh');
    expect(langOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(langOf('fr-FR')).toBe('zh');
    expect(langOf('*')).toBe('zh');
  });

  it('is English when the client asks for English first', () => {
    expect(langOf('en')).toBe('en');
    expect(langOf('en-US,en;q=0.9')).toBe('en');
    expect(langOf('EN-gb')).toBe('en');
    expect(langOf('  en , zh')).toBe('en');
    expect(langOf('fr, en;q=0.5')).toBe('en');
  });

  it('weighs q-values: a client that prefers Chinese gets Chinese even when it lists English first', () => {
    expect(langOf('en;q=0.1, zh')).toBe('zh');
    expect(langOf('zh;q=0.4, en;q=0.6')).toBe('en');
    expect(langOf('en;q=0, fr')).toBe('zh');
  });
});

describe('message', () => {
  it('fills placeholders from the params, in either language', () => {
    expect(message('ACCOUNT_LOCKED', 'zh', { minutes: 15 })).toContain('15 分钟');
    expect(message('ACCOUNT_LOCKED', 'en', { minutes: 3 })).toContain('try again in 3 minutes');
    expect(message('RATE_LIMITED', 'en', { seconds: 42 })).toBe('Too many attempts; try again in 42 seconds');
    expect(message('RATE_LIMITED', 'zh', { seconds: 0 })).toBe('尝试过于频繁，请在 0 秒后重试');
  });

  it('leaves a placeholder without a param visible instead of printing undefined', () => {
    const text = message('RATE_LIMITED', 'en');
    expect(text).toContain('{seconds}');
    expect(text).not.toContain('undefined');
  });

  it('answers an unknown code with the generic internal message, never the code', () => {
    expect(message('NO_SUCH_CODE_EVER', 'zh')).toBe(message('INTERNAL', 'zh'));
    expect(message('NO_SUCH_CODE_EVER', 'en')).toBe('Internal server error; please retry later');
  });

  it('lets modules add codes once, and refuses a code defined twice', () => {
    expect(hasMessage('I18N_TEST_CODE')).toBe(false);
    addMessages({ I18N_TEST_CODE: { zh: '测试 {x}', en: 'test {x}' } });
    expect(hasMessage('I18N_TEST_CODE')).toBe(true);
    expect(message('I18N_TEST_CODE', 'en', { x: 'y' })).toBe('test y');
    expect(() => addMessages({ I18N_TEST_CODE: { zh: '', en: '' } })).toThrow(/twice/);
    expect(() => addMessages({ NOT_FOUND: { zh: '', en: '' } })).toThrow(/twice/);
  });

  it('has every platform code in both languages', () => {
    for (const code of ['VALIDATION_FAILED', 'MALFORMED_JSON', 'CSRF_INVALID', 'PASSWORD_CHANGE_REQUIRED']) {
      expect(message(code, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(message(code, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
