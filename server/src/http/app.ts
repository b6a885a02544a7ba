/**
 * The central server's HTTP application: protocol header both ways, CORS for the desk's browser
 * host, compression both ways (compression.ts), body limits before anything is read, request logs without personal data,
 * the route table's handlers, and the tus endpoint. Everything a request needs is in the
 * database, so any number of processes can serve the same PostgreSQL.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { FILES_PATH, MAX_JSON_BODY_BYTES, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/api';
import { log } from '../../../shared/log';
import { authenticate } from '../store/devices';
import { tusServer } from '../files/tus';
import { uploader } from '../files/pg-store';
import { compressAnswers, decompressRequests } from './compression';
import type { AppDeps, AppEnv } from './env';
import { apiError } from './errors';
import { registerHandlers } from './handlers';

/** Paths any client may read without the protocol header: health and the contract itself. */
const OPEN_PATHS = new Set(['/health', '/openapi.json']);
const SHA256_PATH = /^\/files\/[0-9a-f]{64}$/;
const TUS_HEADERS = [
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Max-Size',
  'Tus-Extension',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Offset',
  'Upload-Defer-Length',
  'Upload-Concat',
  'X-HTTP-Method-Override',
  'Location',
];

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Externship permits: central system',
    version: String(PROTOCOL_VERSION),
    description:
      'The contract between an akimat desk and the central system (shared/api). Every request and answer carries the X-Protocol-Version header. Files are uploaded with tus 1.0 at /files/ (not described here; Upload-Metadata: sha256, fileName, mimeType).',
  },
} as const;

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The device token from POST /enrolment (or a monitoring or admin token).',
  });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The route's pattern, never the path or query (which may carry ids someone could link to a person).
    log.info('request', {
      method: c.req.method,
      route: c.get('route') ?? c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    '*',
    cors({
      origin: deps.allowedOrigins === '*' ? '*' : [...deps.allowedOrigins],
      allowHeaders: ['Authorization', 'Content-Type', 'Content-Encoding', PROTOCOL_HEADER, ...TUS_HEADERS],
      exposeHeaders: [PROTOCOL_HEADER, 'ETag', 'Content-Length', ...TUS_HEADERS],
      allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    const spoken = c.req.header(PROTOCOL_HEADER);
    const checked = c.req.method !== 'OPTIONS' && !OPEN_PATHS.has(c.req.path);
    if (checked && spoken !== String(PROTOCOL_VERSION)) {
      c.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
      return spoken === undefined
        ? apiError(c, 400, 'protocol.missing', `Send ${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}.`)
        : apiError(c, 400, 'protocol.unsupported', `This server speaks protocol ${PROTOCOL_VERSION}.`, {
            params: { supported: [String(PROTOCOL_VERSION)] },
          });
    }
    await next();
    c.res.headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    return undefined;
  });
  app.use('*', compressAnswers());

  // tus: every method under /files/ except a finished file's GET/HEAD, which the route table serves.
  // (Hono routes a HEAD as a GET, so GET is listed to catch tus's HEAD of an upload's offset.)
  const tus = tusServer(deps.db);
  app.on(['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'], `${FILES_PATH}*`, async (c, next) => {
    if (SHA256_PATH.test(c.req.path) && (c.req.method === 'HEAD' || c.req.method === 'GET')) return next();
    c.set('route', FILES_PATH);
    const token = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return apiError(c, 401, 'auth.missing', 'Send Authorization: Bearer <device token>.');
    const auth = await authenticate(deps.db, token);
    if (!auth.ok) return apiError(c, 401, auth.code, 'This token may not upload.');
    if (auth.principal.kind !== 'desk' && auth.principal.kind !== 'admin') {
      return apiError(c, 403, 'auth.forbidden', 'This token may not upload.');
    }
    const who =
      auth.principal.kind === 'desk'
        ? { akimatId: auth.principal.akimatId, deviceId: auth.principal.deviceId }
        : undefined;
    return who ? uploader.run(who, () => tus.handleWeb(c.req.raw)) : tus.handleWeb(c.req.raw);
  });
  // Every JSON body is limited before it is read: a Content-Length over the limit is refused at once,
  // a chunked body as soon as it passes the limit. (The tus handler above has answered /files/ by
  // now: tus limits each upload to MAX_FILE_BYTES by its declared length and stored offset.)
  const limit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: (ctx) =>
      apiError(ctx, 413, 'request.too-large', `The body is larger than ${MAX_JSON_BODY_BYTES} bytes.`, {
        params: { limit: MAX_JSON_BODY_BYTES },
      }),
  });
  // A compressed JSON body is expanded first, so the limit below measures what the routes will read.
  app.use('*', decompressRequests());
  app.use('*', limit);

  registerHandlers(app, deps);
  app.doc31('/openapi.json', OPENAPI_INFO);

  app.notFound((c) => apiError(c, 404, 'route.not-found', 'No such route.'));
  app.onError((error, c) => {
    // The error's name and the route only: a message may quote the data that caused it.
    log.error('request failed', { route: c.get('route') ?? c.req.routePath, error: error.name });
    const unreachable = /ECONNREFUSED|ETIMEDOUT|Connection terminated|the database system is/i.test(
      error.message,
    );
    return unreachable
      ? apiError(c, 503, 'unavailable', 'The database is not reachable. Retry later.')
      : apiError(c, 500, 'internal', 'Something failed on the server; nothing was changed. Retry later.');
  });
  return app;
}
