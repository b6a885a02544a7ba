import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../../shared/calendar';
import { requiredDocuments } from '../../../../shared/documents';
import { makeIin } from '../../../../shared/iin';
import {
  CaseScript,
  HEAD,
  OFFICER,
  OTHER_OFFICER,
  almaty,
  registration,
  sampleApplication,
} from '../../../../shared/workflow/testing/scenario';
import { urgencyOf, type Ground } from '../../../../shared/workflow';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';

let desk: Desk;
afterEach(() => desk.close());

interface Spec {
  id: string;
  number: string;
  pupil: [last: string, first: string, birth: string];
  applicant: [last: string, first: string, middle?: string];
  school: string;
  ground: Ground;
  /** Working-day received day; the case is registered the same day. */
  received: string;
  progress: (s: CaseScript, day: string) => void;
}

const register = (s: CaseScript, day: string) =>
  s.do('registered', registration(day, day, `R-${s.current.caseId}`), { at: almaty(day, '10:15') });

const SPECS: Spec[] = [
  {
    id: 'c1',
    number: 'KZ-2026-00101',
    pupil: ['Әбілқасымов', 'Нұрсұлтан', '2012-03-05'],
    applicant: ['Әбілқасымова', 'Гүлмира', 'Серікқызы'],
    school: '№ 12 жалпы білім беретін мектеп',
    ground: 'health',
    received: '2026-11-20',
    progress: (s, day) => {
      register(s, day);
      s.do('assigned', { officerId: OFFICER.userId }, { actor: HEAD, at: almaty(day, '10:30') });
    },
  },
  {
    id: 'c2',
    number: 'KZ-2026-00102',
    pupil: ['Иванов', 'Артём', '2011-07-14'],
    applicant: ['Иванова', 'Алёна', 'Петровна'],
    school: 'Школа-гимназия № 3',
    ground: 'marks',
    received: '2026-11-23',
    progress: (s, day) => {
      register(s, day);
      s.do('assigned', { officerId: OTHER_OFFICER.userId }, { actor: HEAD, at: almaty(day, '10:30') });
    },
  },
  {
    id: 'c3',
    number: 'KZ-2026-00103',
    pupil: ['Сейітов', 'Ерлан', '2013-01-30'],
    applicant: ['Сейітов', 'Марат'],
    school: '№ 12 жалпы білім беретін мектеп',
    ground: 'abroad-alone',
    received: '2026-11-24',
    progress: () => undefined,
  },
  {
    id: 'c4',
    number: 'KZ-2026-00104',
    pupil: ['Ким', 'Виктория', '2010-11-02'],
    applicant: ['Ким', 'Ирина'],
    school: 'Школа-гимназия № 3',
    ground: 'abroad-with-parents',
    received: '2026-11-10',
    progress: (s, day) => {
      register(s, day);
      s.do('assigned', { officerId: OFFICER.userId }, { actor: HEAD, at: almaty(day, '10:30') });
      s.do('completeness-checked', { complete: true }, { at: almaty(day, '11:00') });
    },
  },
];

function scriptOf(spec: Spec): CaseScript {
  const [pl, pf, birth] = spec.pupil;
  const [al, af, am] = spec.applicant;
  const application = sampleApplication({
    caseNumber: spec.number,
    receivedAt: almaty(spec.received, '10:00'),
    pupil: { iin: makeIin(birth, 'male', 11), lastName: pl, firstName: pf, birthDate: birth },
    applicant: {
      iin: makeIin('1985-01-01', 'female', Number(spec.id.slice(1))),
      lastName: al,
      firstName: af,
      ...(am ? { middleName: am } : {}),
    },
    school: { name: spec.school },
    ground: spec.ground,
    // The supporting document the ground asks for, so that a complete package is really complete.
    attachments: sampleApplication().attachments.map((a) =>
      a.kind === 'application' ? a : { ...a, kind: requiredDocuments(spec.ground)[1]! },
    ),
  });
  const s = new CaseScript(application);
  // CaseScript uses one case id; give each case its own so the desk holds four.
  for (const e of s.events) e.caseId = spec.id;
  s.state = { ...s.current, caseId: spec.id };
  spec.progress(s, spec.received);
  return s;
}

const scripts = SPECS.map(scriptOf);

beforeEach(async () => {
  desk = await openTestDesk();
  for (const s of scripts) {
    const r = await desk.cases.ingest(s.current.caseId, s.events, 'remote');
    if (!r.ok) throw new Error(`${s.events[r.index]?.type} refused: ${r.reason.code}`);
  }
});

const ids = async (query: Parameters<Desk['cases']['list']>[0]) =>
  (await desk.cases.list(query)).rows.map((r) => r.caseId);

describe('caseRepository.list filters, sort and paging', () => {
  it('filters by stage, queue, ground, school and officer', async () => {
    expect(await ids({ stages: ['registration'] })).toEqual(['c3']);
    expect(await ids({ queues: ['waiting-school'] })).toEqual(['c4']);
    expect(await ids({ grounds: ['marks', 'health'], sort: 'caseNumber' })).toEqual(['c1', 'c2']);
    expect(await ids({ schoolName: 'Школа-гимназия № 3', sort: 'caseNumber' })).toEqual(['c2', 'c4']);
    expect(await ids({ assignedTo: OFFICER.userId, sort: 'caseNumber' })).toEqual(['c1', 'c4']);
    expect(await ids({ assignedTo: null })).toEqual(['c3']);
  });

  it('sorts by the current due day by default and agrees with urgencyOf on overdue and due-soon', async () => {
    const { rows } = await desk.cases.list();
    const dues = rows.map((r) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
    // c4: school stage from 10 November, 6 working days: due 18 November, so first and overdue.
    expect(rows[0]?.caseId).toBe('c4');

    const today = '2026-11-24';
    for (const s of scripts) {
      const expected = urgencyOf(s.current, kazakhstanCalendar, today);
      const matching = await ids({ urgency: [expected], today });
      expect(matching, s.current.caseId).toContain(s.current.caseId);
    }
    expect(await ids({ urgency: ['overdue'], today })).toEqual(['c4']);
    // c1 (check due today) and c3 (registration due today) before c2 (check due tomorrow).
    expect(await ids({ urgency: ['due-soon'], today })).toEqual(['c1', 'c3', 'c2']);
    expect(await ids({ urgency: ['normal'], today })).toEqual([]);
  });

  it('sorts descending, keeps cases without a due day last, and pages with the full total', async () => {
    const desc = await desk.cases.list({ sort: 'termDueOn', direction: 'desc' });
    expect(desc.rows.map((r) => r.caseId)).toEqual(['c2', 'c1', 'c4', 'c3']);
    expect(desc.rows.at(-1)?.termDueOn).toBeNull();
    const page = await desk.cases.list({ sort: 'caseNumber', offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.rows.map((r) => r.caseId)).toEqual(['c2', 'c3']);
  });
});
