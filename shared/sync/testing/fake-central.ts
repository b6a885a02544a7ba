/**
 * A central system in memory for the engine's unit tests: the contract's routes as the engine uses
 * them (`/changes`, `/events`, tus `/files/`), answering through a `fetch` function, with faults a
 * test can arm (a status for the next requests, a connection cut after N bytes of an upload, a
 * start-over). It checks no workflow rules: the real server's are tested against the real server
 * (test/sync); here an event conflicts when its baseVersion is not the case's version.
 */
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type CaseRecord, type EventResult } from '../../api';
import type { CaseEvent } from '../../workflow';

interface Upload {
  length: number;
  sha256: string;
  bytes: Uint8Array;
}

export interface FakeCentralFaults {
  /** The next requests to this path prefix answer this status (then the queue moves on). */
  statuses: Array<{ path: string; status: number; body?: unknown }>;
  /** The next PATCH is cut (the fetch rejects) after this many bytes reached the server. */
  cutUploadAfter: number | null;
  /** Events rejected with this reason code, by id. */
  reject: Map<string, string>;
  /** The next POST /events is applied, then its answer is lost (the fetch rejects). */
  loseEventsAnswer: boolean;
}

export class FakeCentral {
  readonly cases = new Map<string, CaseEvent[]>();
  /** The change log: (seq, caseId, event index). */
  private readonly log: Array<{ caseId: string; index: number }> = [];
  epoch = 'e1';
  readonly answered = new Map<string, EventResult>();
  readonly uploads = new Map<string, Upload>();
  readonly files = new Map<string, Uint8Array>();
  /** Every request, for asserting what the engine asked. */
  readonly requests: Array<{ method: string; path: string }> = [];
  /** Upload bytes that reached the server, all attempts together. */
  uploadBytesReceived = 0;
  readonly faults: FakeCentralFaults = {
    statuses: [],
    cutUploadAfter: null,
    reject: new Map(),
    loseEventsAnswer: false,
  };
  private nextUpload = 1;

  constructor(private readonly serverTime = '2026-12-14T10:00:00.000+05:00') {}

  /** Events as the portal (or another desk) delivers them to the server. */
  deliver(events: readonly CaseEvent[]): void {
    for (const e of events) this.store(e);
  }

  private store(e: CaseEvent): void {
    const list = this.cases.get(e.caseId) ?? [];
    list.push(e);
    this.cases.set(e.caseId, list);
    this.log.push({ caseId: e.caseId, index: list.length - 1 });
  }

  caseRecord(caseId: string): CaseRecord {
    const events = this.cases.get(caseId) ?? [];
    return { caseId, version: events.length, stage: 'registration', assignedTo: null, events, files: [] };
  }

  readonly fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    this.requests.push({ method, path: url.pathname + url.search });
    const armed = this.faults.statuses.findIndex((f) => url.pathname.startsWith(f.path));
    if (armed >= 0) {
      const [fault] = this.faults.statuses.splice(armed, 1);
      return this.json(fault!.status, fault!.body ?? { code: 'internal', message: 'armed' });
    }
    const headers = new Headers(init.headers);
    if (url.pathname === '/changes' && method === 'GET') return this.changes(url);
    if (url.pathname === '/events' && method === 'POST') {
      const answer = this.events(init.body as string);
      if (this.faults.loseEventsAnswer) {
        this.faults.loseEventsAnswer = false;
        throw new TypeError('fetch failed: the answer was lost');
      }
      return answer;
    }
    if (url.pathname.startsWith('/files/')) return this.tus(method, url.pathname, headers, init.body);
    return this.json(404, { code: 'route.not-found', message: 'no route' });
  };

  private json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    });
  }

  private changes(url: URL): Response {
    const cursor = url.searchParams.get('cursor');
    const limit = Number(url.searchParams.get('limit') ?? 500);
    let from = 0;
    if (cursor !== null) {
      const [epoch, , seq] = cursor.split('.');
      if (epoch !== this.epoch) return this.json(410, { code: 'start-over', message: 'another epoch' });
      from = Number(seq);
    }
    const slice = this.log.slice(from, from + limit);
    const byCase = new Map<string, CaseEvent[]>();
    for (const { caseId, index } of slice) {
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), this.cases.get(caseId)![index]!]);
    }
    const end = from + slice.length;
    return this.json(200, {
      cases: [...byCase].map(([caseId, events]) => ({
        caseId,
        version: events[events.length - 1]!.baseVersion + 1,
        stage: 'registration',
        assignedTo: null,
        events,
        files: [],
      })),
      cursor: `${this.epoch}.0.${end}`,
      hasMore: end < this.log.length,
      serverTime: this.serverTime,
    });
  }

  private events(body: string): Response {
    const { events } = JSON.parse(body) as { events: CaseEvent[] };
    const failedCases = new Set<string>();
    const results = events.map((e, index): EventResult => {
      const first = this.answered.get(e.id);
      if (first) return { ...first, index, status: 'already-applied' };
      if (failedCases.has(e.caseId)) {
        return {
          index,
          eventId: e.id,
          status: 'blocked',
          httpStatus: 424,
          reason: { code: 'batch.earlier-event-failed' },
        };
      }
      const reject = this.faults.reject.get(e.id);
      if (reject) {
        failedCases.add(e.caseId);
        return {
          index,
          eventId: e.id,
          status: 'rejected',
          httpStatus: 422,
          reason: { code: reject as 'stage.not-allowed' },
        };
      }
      const version = this.cases.get(e.caseId)?.length ?? 0;
      if (e.baseVersion !== version) {
        failedCases.add(e.caseId);
        return {
          index,
          eventId: e.id,
          status: 'conflict',
          httpStatus: 409,
          reason: { code: 'version.conflict' },
          case: this.caseRecord(e.caseId),
        };
      }
      this.store(e);
      const result: EventResult = {
        index,
        eventId: e.id,
        status: 'applied',
        httpStatus: 200,
        caseVersion: version + 1,
      };
      this.answered.set(e.id, result);
      return result;
    });
    return this.json(200, { results, serverTime: this.serverTime });
  }

  private async tus(method: string, path: string, headers: Headers, body: unknown): Promise<Response> {
    const tusHeaders = { 'Tus-Resumable': '1.0.0' };
    const id = path.slice('/files/'.length);
    if (method === 'HEAD' && /^[0-9a-f]{64}$/.test(id))
      return new Response(null, { status: this.files.has(id) ? 200 : 404 });
    if (method === 'POST' && id === '') {
      const meta = new Map<string, string>(
        (headers.get('upload-metadata') ?? '').split(',').map((kv): [string, string] => {
          const [k = '', v = ''] = kv.trim().split(' ');
          return [k, atob(v)];
        }),
      );
      const uploadId = `u${this.nextUpload++}`;
      this.uploads.set(uploadId, {
        length: Number(headers.get('upload-length')),
        sha256: meta.get('sha256') ?? '',
        bytes: new Uint8Array(0),
      });
      return new Response(null, { status: 201, headers: { ...tusHeaders, Location: `/files/${uploadId}` } });
    }
    const upload = this.uploads.get(id);
    if (!upload) return new Response(null, { status: 404, headers: tusHeaders });
    if (method === 'HEAD') {
      return new Response(null, {
        status: 200,
        headers: {
          ...tusHeaders,
          'Upload-Offset': String(upload.bytes.length),
          'Upload-Length': String(upload.length),
        },
      });
    }
    if (method === 'PATCH') {
      if (Number(headers.get('upload-offset')) !== upload.bytes.length)
        return new Response(null, { status: 409, headers: tusHeaders });
      let chunk = new Uint8Array(await (body as Blob).arrayBuffer());
      const cut = this.faults.cutUploadAfter;
      if (cut !== null) chunk = chunk.slice(0, cut);
      const joined = new Uint8Array(upload.bytes.length + chunk.length);
      joined.set(upload.bytes);
      joined.set(chunk, upload.bytes.length);
      upload.bytes = joined;
      this.uploadBytesReceived += chunk.length;
      if (cut !== null) {
        this.faults.cutUploadAfter = null;
        throw new TypeError('fetch failed: connection reset');
      }
      if (upload.bytes.length === upload.length) this.files.set(upload.sha256, upload.bytes);
      return new Response(null, {
        status: 204,
        headers: { ...tusHeaders, 'Upload-Offset': String(upload.bytes.length) },
      });
    }
    return new Response(null, { status: 405, headers: tusHeaders });
  }
}
