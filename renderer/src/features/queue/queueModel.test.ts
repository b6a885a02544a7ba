import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import {
  QUEUE_KEYS,
  buildSearchIndex,
  inQueue,
  prepareRows,
  sortRows,
  type QueueSourceRow,
} from './queueModel';
import { EMPTY_FILTER, UNASSIGNED, queryWords, viewQueue } from './queueView';

const TODAY = '2026-11-24'; // a Tuesday

function row(over: Partial<QueueSourceRow> & { caseId: string }): QueueSourceRow {
  return {
    caseNumber: `KZ-2026-${over.caseId.padStart(5, '0')}`,
    stage: 'completeness',
    ground: 'health',
    applicant: { iin: '850101400123', lastName: 'Ахметова', firstName: 'Гүлнар' },
    pupil: { iin: '130505500111', lastName: 'Ахметов', firstName: 'Ерлан' },
    schoolName: 'Школа №1',
    className: '7 «А»',
    assignedTo: '',
    receivedAt: '2026-11-20T10:00:00+05:00',
    dueOn: '2026-11-27',
    termDueOn: '2026-12-04',
    openComplaints: 0,
    ...over,
  };
}

const rows = [
  row({ caseId: '1', dueOn: '2026-11-23' }), // overdue by one working day
  row({ caseId: '2', dueOn: '2026-11-24', stage: 'school', ground: 'marks' }), // due today
  row({ caseId: '3', dueOn: '2026-11-25', assignedTo: 'officer-1' }), // due tomorrow
  row({ caseId: '4', dueOn: '2026-11-30', schoolName: 'Гимназия №2' }), // Friday + weekend: 4 working days
  row({ caseId: '5', stage: 'closed', outcome: 'granted', dueOn: '', termDueOn: '2026-11-10' }),
  row({
    caseId: '6',
    stage: 'closed',
    outcome: 'refused',
    dueOn: null,
    openComplaints: 1,
    complaintDueOn: '2026-11-20',
    applicant: { iin: '900202300456', lastName: 'Сергеева', firstName: 'Ольга', middleName: 'Ивановна' },
  }),
];

describe('prepareRows', () => {
  const prepared = prepareRows(rows, kazakhstanCalendar, TODAY);

  it('counts working days left and marks the state of each deadline', () => {
    expect(prepared.map((r) => [r.daysLeft, r.timeliness])).toEqual([
      [-1, 'overdue'],
      [0, 'at-risk'],
      [1, 'at-risk'],
      [4, 'on-track'],
      [null, 'none'],
      [null, 'none'],
    ]);
    expect(prepared[0]!.termDaysLeft).toBe(8);
    expect(prepared[4]!.termDaysLeft).toBeNull();
  });

  it('puts each case in its stage queue, closed ones by outcome, and an overdue complaint in overdue', () => {
    expect(QUEUE_KEYS.filter((q) => inQueue(prepared[1]!, q)).sort()).toEqual([
      'all',
      'due-soon',
      'waiting-school',
    ]);
    expect(inQueue(prepared[4]!, 'granted')).toBe(true);
    expect(QUEUE_KEYS.filter((q) => inQueue(prepared[5]!, q)).sort()).toEqual([
      'all',
      'complaints',
      'overdue',
      'refused',
    ]);
  });
});

describe('viewQueue', () => {
  const sorted = sortRows(prepareRows(rows, kazakhstanCalendar, TODAY), 'deadline');

  it('sorts by the earliest of the stage’s and an open complaint’s due day, cases without one last', () => {
    expect(sorted.map((r) => r.row.caseId)).toEqual(['6', '1', '2', '3', '4', '5']);
  });

  it('counts every queue under the same filters', () => {
    const { counts } = viewQueue(sorted, EMPTY_FILTER);
    expect(counts).toMatchObject({ all: 6, overdue: 2, 'due-soon': 2, 'completeness-due': 3, complaints: 1 });
    const filtered = viewQueue(sorted, { ...EMPTY_FILTER, ground: 'marks' });
    expect(filtered.counts.all).toBe(1);
    expect(filtered.counts['completeness-due']).toBe(0);
  });

  it('filters by queue, school and officer, including unassigned cases', () => {
    expect(viewQueue(sorted, { ...EMPTY_FILTER, queue: 'overdue' }).rows.map((r) => r.row.caseId)).toEqual([
      '6',
      '1',
    ]);
    expect(
      viewQueue(sorted, { ...EMPTY_FILTER, school: 'Гимназия №2' }).rows.map((r) => r.row.caseId),
    ).toEqual(['4']);
    expect(
      viewQueue(sorted, { ...EMPTY_FILTER, officer: 'officer-1' }).rows.map((r) => r.row.caseId),
    ).toEqual(['3']);
    expect(viewQueue(sorted, { ...EMPTY_FILTER, officer: UNASSIGNED }).rows).toHaveLength(5);
  });

  it('holds in «my cases» exactly the cases of the person signed in, counted under the same filters', () => {
    const mine = viewQueue(sorted, { ...EMPTY_FILTER, queue: 'mine', me: 'officer-1' });
    expect(mine.rows.map((r) => r.row.caseId)).toEqual(['3']);
    expect(mine.counts.mine).toBe(1);
    expect(viewQueue(sorted, { ...EMPTY_FILTER, queue: 'mine', me: 'officer-2' }).rows).toEqual([]);
    // Nobody signed in, nobody's cases: an unassigned case is not «mine» for an empty id.
    expect(viewQueue(sorted, { ...EMPTY_FILTER, queue: 'mine' }).rows).toEqual([]);
    expect(
      viewQueue(sorted, { ...EMPTY_FILTER, queue: 'mine', me: 'officer-1', ground: 'marks' }).counts.mine,
    ).toBe(0);
  });

  it('finds cases by IIN prefix, name prefixes in any case and the tail of the case number', () => {
    const find = (search: string) =>
      viewQueue(sorted, { ...EMPTY_FILTER, search }).rows.map((r) => r.row.caseId);
    expect(find('9002023')).toEqual(['6']);
    expect(find('серг ольг')).toEqual(['6']);
    expect(find('СЕРГЕЕВА ирина')).toEqual([]);
    expect(find('00004')).toEqual(['4']);
    expect(find('4')).toContain('4');
  });
});

describe('search', () => {
  const people = [
    row({
      caseId: '101',
      pupil: { iin: '120305500111', lastName: 'Әбілқасымов', firstName: 'Нұрсұлтан' },
      applicant: {
        iin: '850101400201',
        lastName: 'Әбілқасымова',
        firstName: 'Гүлмира',
        middleName: 'Серікқызы',
      },
    }),
    row({
      caseId: '102',
      registrationNumber: '01-07/148',
      pupil: { iin: '110714500222', lastName: 'Иванов', firstName: 'Артём' },
      applicant: { iin: '850101400302', lastName: 'Иванова', firstName: 'Алёна', middleName: 'Петровна' },
    }),
    row({
      caseId: '103',
      pupil: { iin: '101102600333', lastName: 'Ким', firstName: 'Виктория' },
      applicant: { iin: '850101400403', lastName: 'Ким', firstName: 'Ирина' },
    }),
  ];
  const sorted = sortRows(prepareRows(people, kazakhstanCalendar, TODAY), 'caseNumber');
  const find = (search: string) =>
    viewQueue(sorted, { ...EMPTY_FILTER, search }).rows.map((r) => r.row.caseId);

  it('finds by the whole IIN or its first digits, of the pupil or the applicant', () => {
    expect(find('110714500222')).toEqual(['102']);
    expect(find('110714')).toEqual(['102']);
    expect(find('850101400403')).toEqual(['103']);
    expect(find('850101400')).toEqual(['101', '102', '103']);
  });

  it('finds by name words in any case of letters, Kazakh letters and ё included; every word must match', () => {
    expect(find('ӘБІЛҚАС')).toEqual(['101']);
    expect(find('алена иван')).toEqual(['102']);
    expect(find('Ким Виктория')).toEqual(['103']);
    expect(find('Ким Артём')).toEqual([]);
  });

  it('finds Kazakh names typed on a Russian keyboard or in Latin letters', () => {
    expect(find('абилкасымов')).toEqual(['101']);
    expect(find('нурсултан')).toEqual(['101']);
    expect(find('Abilkasymov')).toEqual(['101']);
    expect(find('Nursultan Abilqas')).toEqual(['101']);
    expect(find('gulmira serik')).toEqual(['101']);
    expect(find('Alena Ivan')).toEqual(['102']);
    expect(find('Viktoriia')).toEqual(['103']);
    expect(find('Viktoriya Kim')).toEqual(['103']);
    // Folding widens the letters, not the words: a word must still start a word of the case.
    expect(find('ултан')).toEqual([]);
    expect(find('Kim Artem')).toEqual([]);
  });

  it('finds by the case number, its last group without zeros, and the registration number', () => {
    expect(find('kz-2026-00103')).toEqual(['103']);
    expect(find('102')).toEqual(['102']);
    expect(find('01-07/148')).toEqual(['102']);
    expect(find('148')).toEqual(['102']);
  });
});

describe('buildSearchIndex', () => {
  it('builds every row’s search words, and searching finds the same cases with or without it', () => {
    const cold = sortRows(prepareRows(rows, kazakhstanCalendar, TODAY), 'deadline');
    const warm = sortRows(prepareRows(rows, kazakhstanCalendar, TODAY), 'deadline');
    expect(cold.every((r) => r.haystack === undefined)).toBe(true);
    expect(buildSearchIndex(warm, 0, 1000)).toBe(warm.length);
    expect(warm.every((r) => r.haystack?.includes(' kz '))).toBe(true);
    for (const search of ['серг', '00004', 'kz-2026-00001']) {
      const ids = (list: typeof cold) =>
        viewQueue(list, { ...EMPTY_FILTER, search }).rows.map((r) => r.row.caseId);
      expect(ids(cold)).toEqual(ids(warm));
    }
  });
});

describe('queryWords', () => {
  it('lowercases, reads ё as е, folds to the search skeleton and drops repeated words', () => {
    expect(queryWords('  Фёдоров  фёдоров Анна Fedorov')).toEqual(['fedorov', 'anna']);
  });
});
