import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseState } from '../../../../shared/workflow';
import { CaseScript, sampleApplication, steps } from '../../../../shared/workflow/testing/scenario';
import type { Desk } from '../desk';
import { openTestDesk } from '../testing';

let desk: Desk | undefined;
afterEach(() => desk?.close());

describe('eachState', () => {
  it('gives every case whole, application included, in chunks of the size asked', async () => {
    desk = await openTestDesk();
    const scripts = ['KZ-1', 'KZ-2', 'KZ-3'].map(
      (caseNumber) => new CaseScript(sampleApplication({ caseNumber })),
    );
    // One registered, two as received.
    steps.register(scripts[0]!);
    for (const [i, s] of scripts.entries()) {
      const result = await desk.cases.ingest(
        `case-${i}`,
        s.events.map((e) => ({ ...e, caseId: `case-${i}` })),
        'remote',
      );
      if (!result.ok) throw new Error(result.reason.code);
    }
    const chunks: CaseState[][] = [];
    await desk.cases.eachState((states) => chunks.push(states), 2);
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    const states = chunks.flat();
    expect(states.map((s) => s.application.caseNumber).sort()).toEqual(['KZ-1', 'KZ-2', 'KZ-3']);
    expect(states.find((s) => s.application.caseNumber === 'KZ-1')).toMatchObject({
      stage: 'completeness',
      registrationNumber: 'R-1',
    });
  });
});
