import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/io/did-you-mean.js';
import { formatPath, normalizePath, parsePath } from '../../src/io/paths.js';

describe('suggest', () => {
  it('finds close spellings and prefixes', () => {
    expect(editDistance('buffer_month', 'buffer_months')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(suggest('buffer_month', ['buffer_months', 'share'])).toBe('buffer_months');
    expect(suggest('subst', ['substitution_years', 'share'])).toBe('substitution_years');
    expect(suggest('de', ['DE', 'FR'])).toBe('DE');
    expect(suggest('zzz', ['share', 'value'])).toBeUndefined();
  });
});

describe('dotted paths', () => {
  it('reads [i] and .i as list indices', () => {
    expect(parsePath('measures.x.levels[1].intensity')).toEqual(['measures', 'x', 'levels', 1, 'intensity']);
    expect(normalizePath('measures.x.levels.1.intensity')).toBe('measures.x.levels[1].intensity');
    expect(formatPath(['a', 0, 'b', 2, 3])).toBe('a[0].b[2][3]');
    expect(parsePath('a..b')).toBeUndefined();
  });
});
