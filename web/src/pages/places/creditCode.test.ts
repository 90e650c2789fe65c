import { describe, expect, it } from 'vitest';
import { parseCreditCode } from './creditCode';

// The rule itself (GB 32100 charset and check character) is the server's and tested there
// (src/platform/identifiers/identifiers.test.ts); here, what the browser adds to it.
describe('parseCreditCode in the browser', () => {
  it('accepts lower case and spaces, answering the code as stored', () => {
    expect(parseCreditCode(' 9135 0100 m000 100y 43 ')).toEqual({ creditCode: '91350100M000100Y43' });
  });

  it('calls a code still being typed incomplete, unless a character is already wrong', () => {
    expect(parseCreditCode('')).toEqual({ problem: 'incomplete' });
    expect(parseCreditCode('91350100M000100Y4')).toEqual({ problem: 'incomplete' });
    expect(parseCreditCode('9S')).toEqual({ problem: 'format' });
    expect(parseCreditCode('91350100M000100Y433')).toEqual({ problem: 'format' });
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ problem: 'checksum' });
  });
});
