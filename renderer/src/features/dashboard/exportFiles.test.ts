import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetNames, toCsv, toXlsx } from './exportFiles';
import type { Table } from './tables';

const table = (title: string, rows: Table['rows']): Table => ({
  id: 'load',
  title,
  headers: ['Орындаушы', 'Ашық өтініштер'],
  rows,
});

describe('CSV for Excel on a Kazakh or Russian Windows', () => {
  it('starts with a byte-order mark, separates by semicolons and writes decimal commas', () => {
    const csv = toCsv(
      ['Басшы тақтасы'],
      [
        table('Жүктеме', [
          ['Ахметова А.', 2.5],
          ['Бекітілмеген', null],
        ]),
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Басшы тақтасы',
      '',
      'Жүктеме',
      'Орындаушы;Ашық өтініштер',
      'Ахметова А.;2,5',
      'Бекітілмеген;',
      '',
    ]);
  });

  it('quotes a field with a separator or quote and keeps a formula as text', () => {
    const csv = toCsv(
      [],
      [
        table('T', [
          ['Иванов; "мл."', 1],
          ['=HYPERLINK("x")', 0],
        ]),
      ],
    );
    expect(csv).toContain('"Иванов; ""мл."""');
    expect(csv).toContain(`"'=HYPERLINK(""x"")";0`);
  });
});

describe('XLSX sheet names', () => {
  it('are at most 31 characters, without the characters Excel refuses, and unique', () => {
    const long = 'Заңдағы мерзімдердің сақталуы: апта бойынша';
    const names = sheetNames([table(long, []), table(long, []), table('A/B [1]', [])]);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe('A B  1');
  });
});

describe('XLSX', () => {
  it('holds one sheet per table with its headers and values', async () => {
    const bytes = await toXlsx([
      table('Жүктеме', [['Ахметова А.', 3]]),
      { ...table('Шағымдар', [['Тіркелді', 7]]), headers: ['Көрсеткіш', 'Саны'] },
    ]);
    const files = unzipSync(bytes);
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Жүктеме"');
    expect(workbook).toContain('name="Шағымдар"');
    const text = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, data]) => strFromU8(data))
      .join('\n');
    for (const word of ['Орындаушы', 'Ашық өтініштер', 'Ахметова А.', 'Көрсеткіш', 'Тіркелді'])
      expect(text).toContain(word);
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toMatch(/<v>7<\/v>/);
  });
});
