import { describe, expect, it } from 'vitest';
import { CODE_LENGTHS, levelOf, parentCodeOf, pathCodes } from './regions.levels.js';

describe('region levels', () => {
  it('follow from the length of the code', () => {
    expect(levelOf('62')).toBe('province');
    expect(levelOf('6201')).toBe('city');
    expect(levelOf('620105')).toBe('county');
    expect(levelOf('620105002')).toBe('street');
    expect(levelOf('620105002009')).toBe('community');
    expect(levelOf('620105002009001')).toBe('grid');
  });

  it('refuse codes of other lengths or with non-digits', () => {
    for (const bad of [
      '',
      '6',
      '620',
      '62010',
      '6201050020',
      '62010500200900',
      '6201050020090011',
      '6a',
      'ab',
    ]) {
      expect(() => levelOf(bad), JSON.stringify(bad)).toThrow(/not a region code/);
    }
  });

  it('give each code its parent, and none to a province', () => {
    expect(parentCodeOf('62')).toBeNull();
    expect(parentCodeOf('6201')).toBe('62');
    expect(parentCodeOf('620105')).toBe('6201');
    expect(parentCodeOf('620105002')).toBe('620105');
    expect(parentCodeOf('620105002009')).toBe('620105002');
    expect(parentCodeOf('620105002009001')).toBe('620105002009');
    expect(parentCodeOf('62010')).toBeNull();
  });

  it('list the path from the province down to the code itself', () => {
    expect(pathCodes('620105002009001')).toEqual([
      '62',
      '6201',
      '620105',
      '620105002',
      '620105002009',
      '620105002009001',
    ]);
    expect(pathCodes('53')).toEqual(['53']);
    expect(pathCodes('532301')).toEqual(['53', '5323', '532301']);
    expect(pathCodes('')).toEqual([]);
    expect(CODE_LENGTHS).toEqual([2, 4, 6, 9, 12, 15]);
  });

  it('keep parent and path consistent for every level', () => {
    const code = '130402006014003';
    for (const length of CODE_LENGTHS) {
      const c = code.slice(0, length);
      const path = pathCodes(c);
      expect(path.at(-1)).toBe(c);
      expect(path.at(-2) ?? null).toBe(parentCodeOf(c));
    }
  });
});
