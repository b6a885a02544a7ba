import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import { caseRowOf } from '../../db';
import { generateCases } from '../../demo/generate';
import { buildSearchIndex, prepareRows, sortRows } from './queueModel';
import { EMPTY_FILTER, queryWords, viewQueue } from './queueView';
import { SearchIndex } from './searchIndex';

const TODAY = '2026-11-24';

describe('SearchIndex', () => {
  it('answers only once every row is in, and a row added twice counts once', () => {
    const index = new SearchIndex(2);
    index.add(0, ' ким ирина 850101400403 ');
    expect(index.match(['ки'])).toBeUndefined();
    index.add(0, ' ким ирина 850101400403 ');
    expect(index.complete).toBe(false);
    index.add(1, ' кимов артем ');
    expect(index.complete).toBe(true);
    expect(Array.from(index.match(['ки'])!)).toEqual([1, 1]);
    expect(Array.from(index.match(['ким', 'ир'])!)).toEqual([1, 0]);
    expect(Array.from(index.match(['кимо'])!)).toEqual([0, 1]);
    // A word must start a word of the row, not sit inside one.
    expect(Array.from(index.match(['рина'])!)).toEqual([0, 0]);
  });

  it('finds exactly what scanning every row finds, on the demo mix', () => {
    const rows = generateCases(200, 7, { today: TODAY }).map((c) => caseRowOf(c.state, kazakhstanCalendar));
    // A fresh load per query scans (its index is not complete when the query starts).
    const scanning = () => sortRows(prepareRows(rows, kazakhstanCalendar, TODAY), 'deadline');
    const indexed = scanning();
    expect(buildSearchIndex(indexed, 0, Infinity)).toBe(indexed.length);
    expect(indexed[0]?.index.complete).toBe(true);
    expect(scanning()[0]?.index.complete).toBe(false);

    // Queries made of the rows' own words, cut to every length, alone and in pairs, plus misses.
    const words = new Set<string>();
    for (const r of rows.slice(0, 12))
      for (const text of [
        r.pupil.lastName,
        r.applicant.firstName,
        r.caseNumber,
        r.pupil.iin,
        r.registrationNumber ?? '',
      ])
        for (const w of queryWords(text)) for (let n = 1; n <= w.length; n++) words.add(w.slice(0, n));
    const queries = [...words];
    queries.push('кимх', 'zz', '99999999', 'а б', 'ә ұ');
    for (let i = 0; i + 1 < 40; i += 2) queries.push(`${queries[i]} ${queries[queries.length - 1 - i]}`);
    const ids = (sorted: typeof indexed, search: string) => {
      const view = viewQueue(sorted, { ...EMPTY_FILTER, search });
      return { ids: view.rows.map((r) => r.row.caseId), counts: view.counts };
    };
    let found = 0;
    for (const search of queries) {
      const expected = ids(scanning(), search);
      expect(ids(indexed, search), search).toEqual(expected);
      if (expected.ids.length > 0) found += 1;
    }
    // Most queries find something: the comparison is not between empty lists.
    expect(found).toBeGreaterThan(queries.length * 0.8);
  });
});
