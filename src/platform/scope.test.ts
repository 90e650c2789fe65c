import { describe, expect, it } from 'vitest';
import { inScope, isOnPathTo, narrowScope } from './scope.js';

describe('scope as a code prefix', () => {
  it('puts a region in scope when its code starts with the scope', () => {
    expect(inScope('620105002009', '620105002009001')).toBe(true);
    expect(inScope('620105002009', '620105002009')).toBe(true);
    expect(inScope('', '53')).toBe(true);
    expect(inScope('620105002009', '620105002008001')).toBe(false);
    expect(inScope('620105002009', '620105002')).toBe(false);
    expect(inScope('620105002009001', '620105002009002')).toBe(false);
  });

  it('sees the ancestors on the path to the scope, and nothing beside them', () => {
    expect(isOnPathTo('620105002009001', '62')).toBe(true);
    expect(isOnPathTo('620105002009001', '620105002009')).toBe(true);
    expect(isOnPathTo('620105002009001', '620105002009001')).toBe(true);
    expect(isOnPathTo('620105002009001', '620105002009002')).toBe(false);
    expect(isOnPathTo('620105002009001', '620105002008')).toBe(false);
    expect(isOnPathTo('620105002009001', '13')).toBe(false);
  });

  it('narrows a filter to the smaller of the two prefixes, or to nothing when they do not overlap', () => {
    expect(narrowScope('620105', undefined)).toBe('620105');
    expect(narrowScope('620105', '')).toBe('620105');
    expect(narrowScope('620105', '620105002009')).toBe('620105002009');
    // Asking for a wider region never widens the caller's scope.
    expect(narrowScope('620105002009', '62')).toBe('620105002009');
    expect(narrowScope('620105002009', '')).toBe('620105002009');
    expect(narrowScope('', '53')).toBe('53');
    expect(narrowScope('', '')).toBe('');
    expect(narrowScope('620105002009', '130402')).toBeNull();
    expect(narrowScope('620105002009', '620105002008')).toBeNull();
  });
});
