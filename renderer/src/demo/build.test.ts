import { describe, expect, it } from 'vitest';
import { kazakhstanCalendar } from '../../../shared/calendar';
import { checkDocument, requiredDocuments, type CheckResult } from '../../../shared/documents';
import { ageOn, parseIin } from '../../../shared/iin';
import { DEMO_SETTINGS } from '../../../shared/settings';
import {
  approvalDraft,
  foldEvents,
  resultFormOf,
  urgencyOf,
  type Ground,
  type Stage,
} from '../../../shared/workflow';
import { buildDemoCases, type DemoCase } from './build';
import { DEMO_FILES } from './files/manifest';

const TODAY = '2026-11-24';
const options = { today: TODAY, calendar: kazakhstanCalendar, settings: DEMO_SETTINGS };
const cases = buildDemoCases({ ...options, seed: 7 });

const STAGES: Stage[] = [
  'registration',
  'completeness',
  'school',
  'review',
  'approval',
  'ready-to-send',
  'closed',
];
const GROUNDS: Ground[] = ['health', 'marks', 'abroad-with-parents', 'abroad-alone'];

function supportingCheck(c: DemoCase): CheckResult | undefined {
  const app = c.state.application;
  const doc = app.attachments.find((a) => a.kind !== 'application');
  if (!doc) return undefined;
  return checkDocument(doc.data, {
    pupilIin: app.pupil.iin,
    applicantIin: app.applicant.iin,
    today: TODAY,
    studyPeriod: app.studyPeriod,
  });
}

const codes = (c: DemoCase) => supportingCheck(c)?.findings.map((f) => f.code) ?? [];

describe('buildDemoCases', () => {
  it('makes about 200 cases over every stage and ground, granted and refused on every ground', () => {
    expect(cases.length).toBeGreaterThanOrEqual(190);
    expect(cases.length).toBeLessThanOrEqual(210);
    for (const stage of STAGES)
      expect(cases.filter((c) => c.state.stage === stage).length, stage).toBeGreaterThanOrEqual(10);
    for (const ground of GROUNDS) {
      const onGround = cases.filter((c) => c.state.application.ground === ground);
      expect(
        onGround.some((c) => c.state.outcome === 'granted'),
        ground,
      ).toBe(true);
      expect(
        onGround.some((c) => c.state.outcome === 'refused'),
        ground,
      ).toBe(true);
      for (const stage of STAGES)
        expect(
          onGround.some((c) => c.state.stage === stage),
          `${ground} ${stage}`,
        ).toBe(true);
    }
    const refusals = cases.filter((c) => c.state.decision?.kind === 'refusal');
    expect(
      new Set(refusals.map((c) => (c.state.decision?.kind === 'refusal' ? c.state.decision.ground : 0))),
    ).toEqual(new Set([1, 2]));
    expect(cases.filter((c) => c.state.complaints.some((k) => !k.answer)).length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.state.complaints.some((k) => k.answer)).length).toBeGreaterThanOrEqual(2);
  });

  it('is a real event history: folding the events again gives the same case, no event after today', () => {
    for (const c of cases) {
      const folded = foldEvents(c.events);
      expect(folded.ok, c.plan.target).toBe(true);
      if (folded.ok) expect(folded.state).toEqual(c.state);
      for (const e of c.events)
        expect(e.at.slice(0, 10) <= TODAY, `${c.plan.target} ${e.type} ${e.at}`).toBe(true);
    }
    expect(new Set(cases.flatMap((c) => c.events.map((e) => e.id))).size).toBe(
      cases.reduce((n, c) => n + c.events.length, 0),
    );
    expect(new Set(cases.map((c) => c.state.application.caseNumber)).size).toBe(cases.length);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(buildDemoCases({ ...options, seed: 7 })).toEqual(cases);
    const other = buildDemoCases({ ...options, seed: 8 });
    expect(other.map((c) => c.state.application.pupil.iin)).not.toEqual(
      cases.map((c) => c.state.application.pupil.iin),
    );
  });

  it('puts deadlines around today: some overdue, some due today or tomorrow, some with time left', () => {
    const open = cases.filter((c) => c.state.stage !== 'closed');
    const urgency = (u: string) =>
      open.filter((c) => urgencyOf(c.state, kazakhstanCalendar, TODAY) === u).length;
    expect(urgency('overdue')).toBeGreaterThanOrEqual(15);
    expect(urgency('due-soon')).toBeGreaterThanOrEqual(15);
    expect(urgency('normal')).toBeGreaterThanOrEqual(15);
    expect(urgency('overdue')).toBeLessThan(open.length / 2);
  });

  it('gives valid IINs of school-age pupils and adult applicants, except a few flagged on purpose', () => {
    const invalid = cases.filter((c) => !parseIin(c.state.application.pupil.iin).valid);
    expect(invalid.length).toBeGreaterThanOrEqual(2);
    expect(
      invalid.every(
        (c) =>
          parseIin(c.state.application.pupil.iin).valid === false && c.plan.pupilIinProblem === 'checksum',
      ),
    ).toBe(true);
    const ageOf = (c: DemoCase) => {
      const p = parseIin(c.state.application.pupil.iin);
      return p.valid ? ageOn(p.birthDate, TODAY) : undefined;
    };
    const misaged = cases.filter((c) => c.plan.pupilIinProblem === 'age');
    expect(misaged.length).toBeGreaterThanOrEqual(2);
    for (const c of misaged) expect(ageOf(c)! < 10 || ageOf(c)! > 17).toBe(true);
    for (const c of cases.filter((x) => !x.plan.pupilIinProblem)) {
      // Grades 5–11 start at six: 10 to 17 years old in November.
      expect(ageOf(c)).toBeGreaterThanOrEqual(10);
      expect(ageOf(c)).toBeLessThanOrEqual(17);
      const applicant = parseIin(c.state.application.applicant.iin);
      expect(applicant.valid).toBe(true);
      if (applicant.valid) expect(ageOn(applicant.birthDate, TODAY)).toBeGreaterThanOrEqual(ageOf(c)! + 20);
      const pupil = parseIin(c.state.application.pupil.iin);
      expect(pupil.valid && pupil.birthDate).toBe(c.state.application.pupil.birthDate);
    }
  });

  it('has documents that fail their checks in realistic ways, and sound ones that pass', () => {
    const all = cases.map((c) => ({ c, codes: codes(c) }));
    const lowMaths = all.find(({ c }) =>
      supportingCheck(c)?.findings.some(
        (f) =>
          f.code === 'progress.low-mark' &&
          f.params?.year === '2023-2024' &&
          f.params.mark === 3 &&
          /Математика|Алгебра/.test(String(f.params.subject)),
      ),
    );
    expect(lowMaths).toBeDefined();
    expect(all.some((x) => x.codes.includes('medical.pupil-iin-mismatch'))).toBe(true);
    expect(all.some((x) => x.codes.includes('residence.expired'))).toBe(true);
    expect(
      all.some(
        (x) =>
          x.codes.includes('study-abroad.period-not-covered') ||
          x.codes.includes('study-abroad.country-is-kazakhstan'),
      ),
    ).toBe(true);

    // Ground 1: the supporting document is missing, and the refusal names it.
    const groundOne = cases.filter(
      (c) => c.state.decision?.kind === 'refusal' && c.state.decision.ground === 1,
    );
    expect(groundOne.length).toBeGreaterThan(0);
    for (const c of groundOne) {
      const kinds = c.state.application.attachments.map((a) => a.kind);
      const required = requiredDocuments(c.state.application.ground);
      expect(required.filter((k) => !kinds.includes(k))).toEqual(
        c.state.decision?.kind === 'refusal' ? c.state.decision.documents : [],
      );
    }
    // Ground 2: every refused document really fails its check.
    for (const c of cases.filter(
      (x) => x.state.decision?.kind === 'refusal' && x.state.decision.ground === 2,
    )) {
      expect(supportingCheck(c)?.status, c.plan.flaw).toBe('fail');
    }
    // Without a planned flaw (and with the right pupil IIN), the document passes.
    for (const c of cases.filter((x) => !x.plan.flaw && !x.plan.pupilIinProblem && supportingCheck(x))) {
      expect(supportingCheck(c)?.status, `${c.plan.target} ${c.plan.ground} ${codes(c).join()}`).toBe('pass');
    }
  });

  it('references only the shipped files, a few of them the corrupt PDF', () => {
    const digests = new Set(Object.values(DEMO_FILES).map((f) => f.sha256));
    const refs = cases.flatMap((c) => c.state.application.attachments);
    for (const ref of refs) expect(digests.has(ref.sha256)).toBe(true);
    const corrupt = refs.filter((r) => r.sha256 === DEMO_FILES['corrupt.pdf'].sha256);
    expect(corrupt.length).toBeGreaterThanOrEqual(2);
    expect(refs.some((r) => r.mimeType === 'image/png')).toBe(true);
  });

  it('sends the head the decision with its document: the officer produces it before sending it for approval', () => {
    const awaiting = cases.filter((c) => c.state.stage === 'approval');
    expect(awaiting.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      c.events.forEach((e, i) => {
        if (e.type !== 'sent-for-approval') return;
        const before = foldEvents(c.events.slice(0, i));
        const decision = before.ok ? before.state.decision : undefined;
        if (!decision) throw new Error('sent for approval without a decision');
        const produced = c.events[i - 1];
        expect(produced?.type, c.plan.target).toBe('document-produced');
        if (produced?.type !== 'document-produced') return;
        expect(produced.actor).toEqual(e.actor);
        expect(produced.payload.form).toBe(resultFormOf(decision));
        const file = decision.kind === 'grant' ? 'result-grant.pdf' : 'result-refusal.pdf';
        expect(produced.payload.sha256).toBe(DEMO_FILES[file].sha256);
      });
    }
    // What the head's approval view opens: the draft the desk's own rule finds (approvalDraft).
    for (const c of awaiting)
      expect(approvalDraft(c.state, c.events)?.document?.payload.form, c.plan.target).toBe(
        resultFormOf(c.state.decision!),
      );
  });
});
