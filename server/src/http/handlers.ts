/** The handlers of shared/api's route table; each one is a few lines over the store. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PROTOCOL_VERSION, ROUTES } from '../../../shared/api';
import { assignCase, type AssignmentResult } from '../store/assignment';
import { applyBatch } from '../store/apply';
import { caseRecord, loadCase } from '../store/cases';
import { changesAfter, monitoringAfter, type Page } from '../store/changes';
import { currentEpoch, encodeCursor, readCursor, type CursorCheck, type Position } from '../store/cursor';
import { enrol, issueCode, listDevices, revokeDevice, type Principal } from '../store/devices';
import {
  checkCalendar,
  checkTemplate,
  latest,
  publish,
  type PublishCheck,
  type ReferenceKind,
} from '../store/reference';
import { akimatIds, listUsers } from '../store/users';
import { feedApplications } from '../seed/portal';
import { fileFor, fileStream } from '../files/files';
import { nowIso } from '../util/time';
import type { AppDeps, AppEnv } from './env';
import { apiError } from './errors';
import { deskOf, serve } from './route';

type C = Context<AppEnv>;

function cursorRefusal(c: C, check: Extract<CursorCheck, { ok: false }>): Response {
  if (check.problem === 'invalid') {
    return apiError(
      c,
      400,
      'cursor.invalid',
      'The cursor is not one this server made; send it back as received.',
    );
  }
  return c.json(
    {
      code: 'start-over' as const,
      message: 'The cursor is no longer valid: pull from the beginning and keep the outbox.',
    },
    410,
  );
}

function assignmentAnswer(c: C, result: AssignmentResult): Response {
  if (result.ok) return c.json(result.answer, 200);
  if ('reason' in result) {
    return c.json(
      {
        code: 'assignment.refused' as const,
        message: 'The workflow refused the assignment.',
        reason: result.reason,
        case: result.record,
      },
      409,
    );
  }
  return result.code === 'case.not-found'
    ? apiError(c, 404, 'case.not-found', 'No such case in this akimat.')
    : apiError(c, 403, 'auth.forbidden', 'Only an officer or the head takes and assigns cases.');
}

/**
 * The akimat an administrator acts on: a desk's own, or (the operator's admin key) the one named,
 * or the only one the server holds.
 */
async function adminAkimat(deps: AppDeps, principal: Principal, named?: string): Promise<string | null> {
  if (principal.kind === 'desk') return principal.akimatId;
  const ids = await akimatIds(deps.db);
  if (named !== undefined) return ids.includes(named) ? named : null;
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

async function published(
  c: C,
  deps: AppDeps,
  kind: ReferenceKind,
  check: PublishCheck,
  body: unknown,
): Promise<Response> {
  if (!check.ok) {
    return apiError(c, 400, 'reference.invalid', `The ${kind} does not pass its schema.`, {
      issues: check.errors.slice(0, 20).map((e) => ({ path: e.path, code: e.code })),
    });
  }
  const item = await publish(deps.db, kind, check.id, check.version, body);
  return c.json({ id: item.id, version: item.version, publishedAt: item.publishedAt }, 200);
}

/** A page of the change log after `cursor`, answered with `answer`, or the cursor's refusal. */
async function page<T>(
  c: C,
  deps: AppDeps,
  cursor: string | undefined,
  read: (from: Position) => Promise<Page<T>>,
  answer: (found: Page<T>, cursor: string) => Response,
): Promise<Response> {
  const check = await readCursor(deps.db, cursor);
  if (!check.ok) return cursorRefusal(c, check);
  const found = await read(check.position);
  return answer(found, encodeCursor(await currentEpoch(deps.db), found.last ?? check.position));
}

export function registerHandlers(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  serve(app, deps, ROUTES.health, (c) =>
    Promise.resolve(
      c.json({ status: 'ok' as const, protocolVersion: PROTOCOL_VERSION, serverTime: nowIso() }, 200),
    ),
  );

  serve(app, deps, ROUTES.enrol, async (c, { body }) => {
    const result = await enrol(db, body.code, body.deviceName);
    if (!result.ok)
      return apiError(c, 401, 'enrolment.code-invalid', 'The code is unknown, used or expired.');
    return c.json(
      {
        deviceId: result.deviceId,
        token: result.token,
        user: result.user,
        akimat: result.akimat,
        serverTime: nowIso(),
      },
      200,
    );
  });

  serve(app, deps, ROUTES.revokeSelf, async (c) => {
    const revoked = await revokeDevice(db, c.get('principal').deviceId, null);
    return revoked ? c.json(revoked, 200) : apiError(c, 404, 'device.not-found', 'No such device.');
  });

  serve(app, deps, ROUTES.users, async (c) =>
    c.json({ users: await listUsers(db, deskOf(c).akimatId), serverTime: nowIso() }, 200),
  );

  serve(app, deps, ROUTES.changes, (c, { query }) =>
    page(
      c,
      deps,
      query.cursor,
      (from) =>
        changesAfter(
          db,
          deskOf(c).akimatId,
          from,
          query.limit,
          query.closedBefore === undefined
            ? undefined
            : { closedBefore: query.closedBefore, holder: deskOf(c).user.id },
        ),
      (found, cursor) =>
        c.json({ cases: found.items, cursor, hasMore: found.hasMore, serverTime: nowIso() }, 200),
    ),
  );

  serve(app, deps, ROUTES.push, async (c, { body }) => {
    const desk = deskOf(c);
    const results = await applyBatch(db, body.events, desk.akimatId, {
      kind: 'desk',
      deviceId: desk.deviceId,
      user: desk.user,
    });
    return c.json({ results, serverTime: nowIso() }, 200);
  });

  serve(app, deps, ROUTES.getCase, async (c, { params }) => {
    const stored = await loadCase(db, params.caseId);
    if (!stored || stored.akimatId !== deskOf(c).akimatId)
      return apiError(c, 404, 'case.not-found', 'No such case in this akimat.');
    return c.json(await caseRecord(db, stored), 200);
  });

  serve(app, deps, ROUTES.take, async (c, { params, body }) => {
    const desk = deskOf(c);
    return assignmentAnswer(
      c,
      await assignCase(db, desk, { caseId: params.caseId, officerId: desk.user.id, eventId: body.eventId }),
    );
  });
  serve(app, deps, ROUTES.release, async (c, { params, body }) =>
    assignmentAnswer(
      c,
      await assignCase(db, deskOf(c), { caseId: params.caseId, officerId: null, eventId: body.eventId }),
    ),
  );
  serve(app, deps, ROUTES.assign, async (c, { params, body }) =>
    assignmentAnswer(
      c,
      await assignCase(db, deskOf(c), {
        caseId: params.caseId,
        officerId: body.officerId,
        eventId: body.eventId,
      }),
    ),
  );

  serve(app, deps, ROUTES.downloadFile, async (c, { params }) => {
    const file = await fileFor(db, params.sha256, deskOf(c).akimatId);
    if (!file) return apiError(c, 404, 'file.not-found', 'No such file for this akimat.');
    const headers = {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.size),
      ETag: `"${file.sha256}"`,
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(fileStream(db, file), 200, headers);
  });

  serve(app, deps, ROUTES.calendar, async (c) => {
    const items = await latest(db, 'calendar');
    const years = items.map((i) => ({
      year: Number(i.id),
      version: i.version,
      publishedAt: i.publishedAt,
      file: i.body,
    }));
    return c.json({ years: years.sort((a, b) => a.year - b.year), serverTime: nowIso() }, 200);
  });
  serve(app, deps, ROUTES.templates, async (c) => {
    const items = await latest(db, 'template');
    const templates = items.map((i) => ({
      id: i.id,
      version: i.version,
      publishedAt: i.publishedAt,
      template: i.body,
    }));
    return c.json({ templates, serverTime: nowIso() }, 200);
  });

  serve(app, deps, ROUTES.monitoring, (c, { query }) =>
    page(
      c,
      deps,
      query.since,
      (from) => monitoringAfter(db, from, query.limit),
      (found, cursor) =>
        c.json({ entries: found.items, cursor, hasMore: found.hasMore, serverTime: nowIso() }, 200),
    ),
  );

  serve(app, deps, ROUTES.issueCode, async (c, { body }) => {
    const akimatId = await adminAkimat(deps, c.get('principal'), body.akimatId);
    if (akimatId === null)
      return apiError(c, 400, 'request.invalid', 'Name one of the akimats this server holds (akimatId).');
    const result = await issueCode(db, akimatId, body.userId, body.validHours);
    return result.ok
      ? c.json(result.answer, 200)
      : apiError(c, 404, 'user.not-found', 'No active user with this id in the akimat.');
  });

  serve(app, deps, ROUTES.devices, async (c) => {
    const principal = c.get('principal');
    return c.json(
      { devices: await listDevices(db, principal.kind === 'desk' ? principal.akimatId : null) },
      200,
    );
  });

  serve(app, deps, ROUTES.revokeDevice, async (c, { params }) => {
    const principal = c.get('principal');
    const revoked = await revokeDevice(
      db,
      params.deviceId,
      principal.kind === 'desk' ? principal.akimatId : null,
    );
    return revoked
      ? c.json(revoked, 200)
      : apiError(c, 404, 'device.not-found', 'No such device in this akimat.');
  });

  serve(app, deps, ROUTES.feed, async (c, { body }) => {
    const akimatId = await adminAkimat(deps, c.get('principal'), body.akimatId);
    if (akimatId === null)
      return apiError(c, 400, 'request.invalid', 'Name one of the akimats this server holds (akimatId).');
    return c.json({ caseIds: await feedApplications(db, akimatId, body.count) }, 200);
  });

  serve(app, deps, ROUTES.publishCalendar, (c, { body }) =>
    published(c, deps, 'calendar', checkCalendar(body.file), body.file),
  );
  serve(app, deps, ROUTES.publishTemplate, (c, { body }) =>
    published(c, deps, 'template', checkTemplate(body.template), body.template),
  );
}
