import { describe, expect, it } from 'vitest';
import { wrapText, type Measure } from './wrap';

/** Every character one unit wide: widths are easy to reason about. */
const mono: Measure = (s) => [...s].length;

const texts = (lines: { text: string }[]): string[] => lines.map((l) => l.text);

describe('wrapText', () => {
  it('fills lines greedily and breaks only between words', () => {
    const lines = wrapText('aaa bbb ccc ddd eee', 8, mono);
    expect(texts(lines)).toEqual(['aaa bbb', 'ccc ddd', 'eee']);
    expect(lines.every((l) => !l.hyphenated)).toBe(true);
  });

  it('never returns a line wider than the width, and keeps every word whole and in order', () => {
    const words = Array.from({ length: 200 }, (_, i) => 'ә'.repeat(((i * 7) % 11) + 1));
    const text = words.join(' ');
    for (const width of [11, 12, 17, 30, 64]) {
      const lines = wrapText(text, width, mono);
      expect(lines.every((l) => mono(l.text) <= width)).toBe(true);
      expect(lines.flatMap((l) => l.text.split(' '))).toEqual(words);
    }
  });

  it('lets a word that exactly fills the line stay on it', () => {
    expect(texts(wrapText('abcd efgh', 4, mono))).toEqual(['abcd', 'efgh']);
  });

  it('breaks a word longer than a whole line with hyphens, as a last resort', () => {
    const lines = wrapText('ab Қазақстанреспубликасы cd', 6, mono);
    expect(texts(lines)).toEqual(['ab', 'Қазақ-', 'станр-', 'еспуб-', 'ликасы', 'cd']);
    expect(lines.map((l) => l.hyphenated)).toEqual([false, true, true, true, false, false]);
    expect(lines.every((l) => mono(l.text) <= 6)).toBe(true);
  });

  it('gives the first line its own width (indent or label)', () => {
    expect(texts(wrapText('aaa bbb ccc ddd', 8, mono, { firstLineWidth: 4 }))).toEqual([
      'aaa',
      'bbb ccc',
      'ddd',
    ]);
  });

  it('keeps hard line breaks and empty lines of a multi-line value', () => {
    const lines = wrapText('one two\n\nthree', 20, mono);
    expect(texts(lines)).toEqual(['one two', '', 'three']);
    expect(lines.map((l) => l.endsParagraph)).toEqual([true, true, true]);
  });

  it('collapses runs of spaces and tabs between words', () => {
    expect(texts(wrapText('a  b\t\tc\t d', 20, mono))).toEqual(['a b c d']);
  });

  it('never breaks at a no-break space: what it joins moves to the next line as one word', () => {
    expect(texts(wrapText('aaaa №\u00a012 bb', 6, mono))).toEqual(['aaaa', '№\u00a012', 'bb']);
    // Without it the sign would end the first line and its number begin the next.
    expect(texts(wrapText('aaaa № 12 bb', 6, mono))).toEqual(['aaaa №', '12 bb']);
    expect(texts(wrapText('xx Г.\u00a0С.\u00a0Ахметова', 14, mono))).toEqual([
      'xx',
      'Г.\u00a0С.\u00a0Ахметова',
    ]);
  });

  it('measures with the given function (proportional widths)', () => {
    const wide: Measure = (s) => [...s].reduce((w, ch) => w + (ch === 'Ш' ? 3 : 1), 0);
    expect(texts(wrapText('ШШ aa ШШ', 9, wide))).toEqual(['ШШ aa', 'ШШ']);
    expect(texts(wrapText('ШШ aa ШШ', 8, wide))).toEqual(['ШШ', 'aa', 'ШШ']);
  });
});
