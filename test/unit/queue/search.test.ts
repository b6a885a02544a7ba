/**
 * The queue search's index against a plain filter over every row, on random data: the words a row
 * has and a query's words drawn so that they share their starts (SearchIndex), and random filters,
 * queues and signed-in people over the demo mix (viewQueue, which reads only the rows the index found).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../shared/calendar';
import { caseRowOf } from '../../../renderer/src/db';
import { generateCases } from '../../../renderer/src/demo/generate';
import {
  buildSearchIndex,
  inQueue,
  prepareRows,
  QUEUE_KEYS,
  sortRows,
} from '../../../renderer/src/features/queue/queueModel';
import {
  queryWords,
  UNASSIGNED,
  viewQueue,
  type QueueFilter,
} from '../../../renderer/src/features/queue/queueView';
import { KEPT, SearchIndex } from '../../../renderer/src/features/queue/searchIndex';

const TODAY = '2026-11-24';

describe('queue search on random data', () => {
  // Few letters, so that words share their starts and many are longer than the starts kept.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', '2'), minLength: 1, maxLength: KEPT + 3 });

  it('marks exactly the rows a scan of every row finds, on random words and queries', () => {
    // A query word is a row's word cut short, maybe with another letter after: it meets the rows of
    // its start and is not always in them.
    const rowsAndQuery = fc
      .array(fc.array(word, { maxLength: 6 }), { minLength: 1, maxLength: 40 })
      .chain((rows) => {
        const words = rows.flat();
        const cut =
          words.length === 0
            ? word
            : fc
                .tuple(
                  fc.constantFrom(...words),
                  fc.nat(KEPT + 3),
                  fc.string({ unit: fc.constantFrom('a', 'b', '2'), maxLength: 1 }),
                )
                .map(([w, n, extra]) => w.slice(0, n) + extra || w);
        return fc.tuple(fc.constant(rows), fc.array(fc.oneof(cut, word), { minLength: 1, maxLength: 3 }));
      });
    fc.assert(
      fc.property(rowsAndQuery, ([rows, query]) => {
        const index = new SearchIndex(rows.length);
        const haystacks = rows.map((words) => ` ${words.join(' ')} `);
        haystacks.forEach((h, i) => index.add(i, h));
        const scanned = haystacks.map((h) => (query.every((q) => h.includes(` ${q}`)) ? 1 : 0));
        expect(Array.from(index.match(query)!)).toEqual(scanned);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the rows and counts a plain filter over every row gives, with any filters and signed-in person', () => {
    const rows = generateCases(300, 11, { today: TODAY }).map((c) => caseRowOf(c.state, kazakhstanCalendar));
    const sorted = sortRows(prepareRows(rows, kazakhstanCalendar, TODAY), 'received');
    buildSearchIndex(sorted, 0, Infinity);
    // Query words cut from the cases' own words, so most queries find some cases.
    const starts = [
      ...new Set(
        rows
          .slice(0, 30)
          .flatMap((r) =>
            [r.pupil.lastName, r.applicant.firstName, r.caseNumber, r.applicant.iin].flatMap((text) =>
              queryWords(text).flatMap((w) => [w.slice(0, 1), w.slice(0, 3), w.slice(0, 5), w]),
            ),
          ),
      ),
    ];
    const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
    // Mostly no filter beside the search, so that many searches find cases.
    const often = <T>(usual: T, xs: readonly T[]) =>
      fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: pick(xs), weight: 1 });
    const filter: fc.Arbitrary<QueueFilter> = fc.record({
      queue: often<QueueFilter['queue']>('all', QUEUE_KEYS),
      stage: often<QueueFilter['stage']>('', [...new Set(rows.map((r) => r.stage))]),
      ground: often<QueueFilter['ground']>('', [...new Set(rows.map((r) => r.ground))]),
      school: often('', [rows[0]!.schoolName]),
      officer: often('', [UNASSIGNED, 'officer-1']),
      search: fc.array(pick(starts), { maxLength: 2 }).map((ws) => ws.join(' ')),
      me: pick(['officer-1', 'officer-2']),
    });
    let searchesFound = 0;
    fc.assert(
      fc.property(filter, (f) => {
        const query = queryWords(f.search);
        const kept = sorted.filter((r) => {
          const row = r.row;
          const own = queryWords(
            [row.caseNumber, row.registrationNumber ?? '', row.applicant.iin, row.pupil.iin]
              .concat(
                [row.applicant, row.pupil].flatMap((p) => [p.lastName, p.firstName, p.middleName ?? '']),
              )
              .join(' '),
          );
          // A number is found without its leading zeros too.
          const words = ` ${own.concat(own.map((w) => w.replace(/^0+(?=\d)/, ''))).join(' ')} `;
          const holder = row.assignedTo ?? '';
          return (
            (!f.stage || row.stage === f.stage) &&
            (!f.ground || row.ground === f.ground) &&
            (!f.school || row.schoolName === f.school) &&
            (!f.officer || (f.officer === UNASSIGNED ? holder === '' : holder === f.officer)) &&
            query.every((q) => words.includes(` ${q}`))
          );
        });
        const inView = (r: (typeof sorted)[number], q: (typeof QUEUE_KEYS)[number]) =>
          q === 'mine' ? r.row.assignedTo === f.me : inQueue(r, q);
        const view = viewQueue(sorted, f);
        expect(view.rows).toEqual(kept.filter((r) => inView(r, f.queue)));
        if (query.length > 0 && view.rows.length > 0) searchesFound += 1;
        for (const q of QUEUE_KEYS) expect(view.counts[q], q).toBe(kept.filter((r) => inView(r, q)).length);
      }),
      { numRuns: 200 },
    );
    // Not a comparison of empty lists: many searches found cases in the chosen queue.
    expect(searchesFound).toBeGreaterThan(20);
  });
});
