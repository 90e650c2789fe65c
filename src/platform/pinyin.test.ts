import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from './pinyin.js';

describe('nameSearchKeys', () => {
  it('gives the full pinyin and the initials of a name', () => {
    expect(nameSearchKeys('王小明')).toEqual({ full: 'wangxiaoming', initials: 'wxm' });
    expect(nameSearchKeys('潘阿姨')).toEqual({ full: 'panayi', initials: 'pay' });
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(nameSearchKeys('单田芳')).toEqual({ full: 'shantianfang', initials: 'stf' });
    expect(nameSearchKeys('曾小明').full).toBe('zengxiaoming');
  });

  it('keeps Latin letters and digits, lower-cased, and drops spaces and punctuation', () => {
    expect(nameSearchKeys('Anna·李')).toEqual({ full: 'annali', initials: 'al' });
    expect(nameSearchKeys('')).toEqual({ full: '', initials: '' });
  });
});
