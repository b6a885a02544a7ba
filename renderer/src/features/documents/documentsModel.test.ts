import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../../shared/workflow';
import { readableFiles, TODAY } from '../../stores/fixtures';
import { documentChecklist, missingFindings, shownCheck } from './documentsModel';
import { caseWithDocuments, supportingDocument, withFile } from './testing';

const completenessCase = (status: 'pass' | 'fail' | 'judgement') => caseWithDocuments('completeness', status);
const supporting = supportingDocument;

function reviewed(state: CaseState, attachmentId: string, verdict: 'confirmed' | 'rejected'): CaseState {
  return {
    ...state,
    documentReviews: {
      [attachmentId]: {
        verdict,
        comment: 'x',
        check: { status: 'fail', codes: [] },
        by: 'officer-1',
        at: '2026-11-24T10:00:00.000+05:00',
      },
    },
  };
}

describe('what the desk shows about a file', () => {
  it('never shows a pass for a file that cannot be read or is still being read', () => {
    const pass = { status: 'pass' as const, findings: [] };
    expect(shownCheck(pass, { status: 'readable', kind: 'pdf' })).toEqual({ status: 'pass', codes: [] });
    expect(shownCheck(pass, { status: 'unreadable', problem: 'damaged' })).toEqual({
      status: 'unreadable',
      codes: ['file.damaged'],
    });
    expect(shownCheck(null, { status: 'checking' }).status).toBe('checking');
    expect(shownCheck(null, { status: 'readable', kind: 'image' }).status).toBe('none');
  });

  it('counts a file the check has not reached as being checked', () => {
    const state = completenessCase('pass');
    const items = documentChecklist(state, TODAY, {});
    expect(items.flatMap((i) => i.attachments.map((a) => a.shown.status))).not.toContain('pass');
  });
});

describe('the documents the completeness check proposes as missing', () => {
  it('proposes nothing when every required file reads and passes', () => {
    const state = completenessCase('pass');
    expect(missingFindings(documentChecklist(state, TODAY, readableFiles(state)))).toEqual([]);
  });

  it('proposes a required document whose check failed until the officer confirms it', () => {
    const state = completenessCase('fail');
    const doc = supporting(state);
    expect(missingFindings(documentChecklist(state, TODAY, readableFiles(state)))).toEqual([
      { kind: doc.kind, why: 'failed' },
    ]);
    const confirmed = reviewed(state, doc.id, 'confirmed');
    expect(missingFindings(documentChecklist(confirmed, TODAY, readableFiles(state)))).toEqual([]);
  });

  it('proposes a file that cannot be read, whatever its data says, and a rejected or absent one', () => {
    const state = completenessCase('pass');
    const doc = supporting(state);
    const damaged = withFile(state, doc.sha256, { status: 'unreadable', problem: 'damaged' });
    expect(missingFindings(documentChecklist(state, TODAY, damaged))).toEqual([
      { kind: doc.kind, why: 'unreadable' },
    ]);
    const rejected = reviewed(state, doc.id, 'rejected');
    expect(missingFindings(documentChecklist(rejected, TODAY, readableFiles(state)))).toEqual([
      { kind: doc.kind, why: 'rejected' },
    ]);
    const absent = {
      ...state,
      application: {
        ...state.application,
        attachments: state.application.attachments.filter((a) => a !== doc),
      },
    };
    expect(missingFindings(documentChecklist(absent, TODAY, readableFiles(state)))).toEqual([
      { kind: doc.kind, why: 'missing' },
    ]);
  });

  it('lets a document needing judgement stand until the officer decides', () => {
    const state = completenessCase('judgement');
    expect(missingFindings(documentChecklist(state, TODAY, readableFiles(state)))).toEqual([]);
  });
});
