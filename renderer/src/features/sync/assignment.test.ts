import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER } from '../../../../shared/api';
import { createApiClient, type FetchLike } from '../../../../shared/sync';
import { CaseScript, OTHER_OFFICER, steps } from '../../../../shared/workflow/testing/scenario';
import { openTestDesk } from '../../db/testing';
import { changeHolder } from './assignment';

function serverCase(s: CaseScript) {
  return {
    caseId: s.current.caseId,
    version: s.current.version,
    stage: s.current.stage,
    assignedTo: s.current.assignedTo ?? null,
    events: s.events,
    files: [],
  };
}
const answering =
  (status: number, body: unknown, seen: string[] = []): FetchLike =>
  (input, init) => {
    seen.push(`${init?.method ?? 'GET'} ${input}`);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: '1' },
      }),
    );
  };
const api = (fetch: FetchLike) => createApiClient({ baseUrl: 'https://central.test', fetch });

describe('taking a case through the central system', () => {
  it('brings the server’s case with its new holder into the desk', async () => {
    const desk = await openTestDesk();
    const s = new CaseScript();
    const caseId = s.current.caseId;
    await desk.cases.ingest(caseId, s.events, 'remote');
    steps.assign(s);
    const seen: string[] = [];
    const outcome = await changeHolder(
      desk,
      api(answering(200, { event: s.events.at(-1), case: serverCase(s) }, seen)),
      caseId,
      { kind: 'take' },
      '00000000-0000-4000-8000-000000000001',
    );
    expect(outcome).toEqual({ ok: true });
    expect(seen).toEqual([`POST https://central.test/cases/${caseId}/take`]);
    expect((await desk.cases.get(caseId))?.state.assignedTo).toBe('officer-1');
    desk.close();
  });

  it('when someone else took it first, says so and shows the server’s holder', async () => {
    const desk = await openTestDesk();
    const s = new CaseScript();
    const caseId = s.current.caseId;
    await desk.cases.ingest(caseId, s.events, 'remote');
    steps.assign(s, OTHER_OFFICER);
    const refused = {
      code: 'assignment.refused',
      message: 'refused',
      reason: { code: 'case.not-assigned' },
      case: serverCase(s),
    };
    const outcome = await changeHolder(desk, api(answering(409, refused)), caseId, { kind: 'take' });
    expect(outcome).toEqual({ ok: false, code: 'case.not-assigned' });
    expect((await desk.cases.get(caseId))?.state.assignedTo).toBe('officer-2');
    desk.close();
  });

  it('needs a connection: offline nothing changes and it says so', async () => {
    const desk = await openTestDesk();
    const s = new CaseScript();
    const caseId = s.current.caseId;
    await desk.cases.ingest(caseId, s.events, 'remote');
    const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await changeHolder(desk, api(offline), caseId, { kind: 'take' })).toEqual({
      ok: false,
      code: 'network',
    });
    expect(await changeHolder(desk, null, caseId, { kind: 'take' })).toEqual({
      ok: false,
      code: 'not-enrolled',
    });
    expect((await desk.cases.get(caseId))?.state.version).toBe(s.current.version);
    desk.close();
  });
});
