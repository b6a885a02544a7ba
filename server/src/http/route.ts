/**
 * One route of shared/api's table, served: the request parts validated with the table's schemas
 * (a failure is a 400 naming the paths), the caller authenticated as the table says, the route
 * described in the OpenAPI registry from the same schemas.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type RouteSpec } from '../../../shared/api';
import { authenticate, type Principal } from '../store/devices';
import type { AppDeps, AppEnv } from './env';
import { apiError, invalid } from './errors';

type Part<S extends RouteSpec, K extends 'params' | 'query' | 'body'> = S extends {
  request: infer R;
}
  ? R extends { [P in K]: infer Z extends z.ZodType }
    ? z.output<Z>
    : undefined
  : undefined;

export interface Input<S extends RouteSpec> {
  params: Part<S, 'params'>;
  query: Part<S, 'query'>;
  body: Part<S, 'body'>;
}

export type Handler<S extends RouteSpec> = (c: Context<AppEnv>, input: Input<S>) => Promise<Response>;

const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

function allowed(spec: RouteSpec, principal: Principal): boolean {
  switch (spec.auth) {
    case 'none':
      return true;
    case 'device':
      return principal.kind === 'desk';
    case 'admin':
      return principal.kind === 'admin' || (principal.kind === 'desk' && principal.user.role === 'admin');
    case 'monitoring':
      return principal.kind === 'monitoring' || principal.kind === 'admin';
  }
}

function describe(app: OpenAPIHono<AppEnv>, spec: RouteSpec): void {
  const { request } = spec;
  const protocolHeader = z.strictObject({
    [PROTOCOL_HEADER.toLowerCase()]: z.literal(String(PROTOCOL_VERSION)),
  });
  app.openAPIRegistry.registerPath({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    security: spec.auth === 'none' ? [] : [{ bearer: [] }],
    request: {
      ...(spec.path === '/health' ? {} : { headers: protocolHeader }),
      ...(request?.params ? { params: request.params } : {}),
      ...(request?.query ? { query: request.query } : {}),
      ...(request?.body
        ? { body: { required: true, content: { 'application/json': { schema: request.body } } } }
        : {}),
    },
    responses: Object.fromEntries(
      Object.entries(spec.responses).map(([status, answer]) => [
        status,
        answer.schema
          ? { description: answer.description, content: { 'application/json': { schema: answer.schema } } }
          : { description: answer.description },
      ]),
    ),
  });
}

async function readBody(
  c: Context<AppEnv>,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: apiError(c, 400, 'request.invalid', 'The body must be application/json.') };
  }
  try {
    return { ok: true, value: await c.req.json() };
  } catch (error) {
    // The body limit's own answer (413) passes through; anything else is JSON that does not parse.
    if (error instanceof Response) return { ok: false, response: error };
    return { ok: false, response: apiError(c, 400, 'request.invalid', 'The body is not valid JSON.') };
  }
}

export function serve<S extends RouteSpec>(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  spec: S,
  handler: Handler<S>,
): void {
  describe(app, spec);
  app.on(spec.method.toUpperCase(), honoPath(spec.path), async (c) => {
    c.set('route', spec.path);
    if (spec.auth !== 'none') {
      const header = c.req.header('authorization') ?? '';
      const token = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header)?.[1];
      if (!token) return apiError(c, 401, 'auth.missing', 'Send Authorization: Bearer <device token>.');
      const auth = await authenticate(deps.db, token);
      if (!auth.ok) {
        return auth.code === 'device.revoked'
          ? apiError(c, 401, 'device.revoked', 'This device was signed out; enrol it again.')
          : apiError(c, 401, 'auth.invalid', 'The token is not known to this server.');
      }
      if (!allowed(spec, auth.principal)) {
        return apiError(c, 403, 'auth.forbidden', 'This token may not use this route.', {
          params: { route: spec.path },
        });
      }
      c.set('principal', auth.principal);
    }
    const request = spec.request;
    const input: Record<'params' | 'query' | 'body', unknown> = {
      params: undefined,
      query: undefined,
      body: undefined,
    };
    if (request?.params) {
      const parsed = request.params.safeParse(c.req.param());
      if (!parsed.success) return invalid(c, parsed.error, 'path');
      input.params = parsed.data;
    }
    if (request?.query) {
      const parsed = request.query.safeParse(c.req.query());
      if (!parsed.success) return invalid(c, parsed.error, 'query');
      input.query = parsed.data;
    }
    if (request?.body) {
      const body = await readBody(c);
      if (!body.ok) return body.response;
      const parsed = request.body.safeParse(body.value);
      if (!parsed.success) return invalid(c, parsed.error, 'body');
      input.body = parsed.data;
    }
    return handler(c, input as unknown as Input<S>);
  });
}

/** The desk principal of a 'device' route (the wrapper has checked it). */
export function deskOf(c: Context<AppEnv>): Extract<Principal, { kind: 'desk' }> {
  const principal = c.get('principal');
  if (principal.kind !== 'desk') throw new Error('a device route reached without a desk token');
  return principal;
}
