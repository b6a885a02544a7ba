import { describe, expect, it } from 'vitest';
import { placeholderNames, splitPlaceholders } from './placeholders';

describe('placeholders', () => {
  it('splits fixed text and field references in order', () => {
    expect(splitPlaceholders('{orderDate} жылғы {orderNumber} бұйрық')).toEqual([
      { kind: 'field', name: 'orderDate', modifiers: [] },
      { kind: 'text', text: ' жылғы ' },
      { kind: 'field', name: 'orderNumber', modifiers: [] },
      { kind: 'text', text: ' бұйрық' },
    ]);
    expect(placeholderNames('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('reads the forms a placeholder asks for after colons', () => {
    expect(splitPlaceholders('{orderDate:year} жылғы {orderDate:month:attributive}')).toEqual([
      { kind: 'field', name: 'orderDate', modifiers: ['year'] },
      { kind: 'text', text: ' жылғы ' },
      { kind: 'field', name: 'orderDate', modifiers: ['month', 'attributive'] },
    ]);
    expect(placeholderNames('{a:genitive} {a}')).toEqual(['a']);
  });

  it('rejects unbalanced braces and names that are not identifiers', () => {
    for (const bad of ['{a', 'a}', '}{a}', '{}', '{a b}', '{Әріп}', '{a:}', '{a::b}', '{a:Year}', '{:a}'])
      expect(splitPlaceholders(bad)).toBeUndefined();
  });
});
