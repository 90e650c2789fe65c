import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a person's name: the full pinyin (`wangxiaoming`) and the initials (`wxm`),
 * lower case, without tones or spaces. Surnames are read as surnames (单 is shàn, 曾 is zēng),
 * so that typing what the name sounds like finds it. A Latin word counts as one syllable (Anna
 * gives `a`); other characters are dropped.
 */
export function nameSearchKeys(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'consecutive' })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part !== '');
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
