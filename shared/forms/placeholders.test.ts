import { describe, expect, it } from 'vitest';
import { placeholderNames, splitPlaceholders } from './placeholders';

describe('placeholders', () => {
  it('splits fixed text and field references in order', () => {
    expect(splitPlaceholders('{orderDate} жылғы {orderNumber} бұйрық')).toEqual([
      { kind: 'field', name: 'orderDate' },
      { kind: 'text', text: ' жылғы ' },
      { kind: 'field', name: 'orderNumber' },
      { kind: 'text', text: ' бұйрық' },
    ]);
    expect(placeholderNames('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('rejects unbalanced braces and names that are not identifiers', () => {
    for (const bad of ['{a', 'a}', '}{a}', '{}', '{a b}', '{Әріп}'])
      expect(splitPlaceholders(bad)).toBeUndefined();
  });
});
