// The IPC channel table. Main validates every request with these schemas before acting (the
// renderer is treated as untrusted input), and the preload validates before sending and checks
// what comes back, so both sides agree on one shape per channel.
import { z } from 'zod';
import {
  HOST_ERROR_CODES,
  NOTIFY_OUTCOMES,
  SERVER_ORIGIN_STATUSES,
  type NotifyRequest,
  type HostErrorCode,
  type OpenFileRequest,
  type OpenedFile,
  type PrintPdfRequest,
  type SaveFileRequest,
  type SaveFileResult,
} from './contract';
import { MAX_BLOB_DELETE, MAX_BLOB_LIST, MAX_TRANSFER_BYTES, SHA256_HEX } from './checks';
import { isServerOrigin, isServiceOrigin } from './csp';

// Not instanceof: across the context bridge a Uint8Array comes from another realm. isView checks
// the internal slot, so a plain object claiming the tag through Symbol.toStringTag is refused.
function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

const bytesSchema = z
  .custom<Uint8Array>(isUint8Array, { message: 'expected a Uint8Array' })
  .refine((b) => b.byteLength <= MAX_TRANSFER_BYTES, { message: 'too many bytes' });

const mimeTypeSchema = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i);

const extensionSchema = z.string().regex(/^[a-z0-9]{1,16}$/);

export const saveFileRequestSchema: z.ZodType<SaveFileRequest> = z.strictObject({
  suggestedName: z.string().min(1).max(1000),
  mimeType: mimeTypeSchema,
  bytes: bytesSchema,
});

export const saveFileResultSchema: z.ZodType<SaveFileResult> = z.union([
  z.strictObject({ saved: z.literal(true), path: z.string().max(4096).optional() }),
  z.strictObject({ saved: z.literal(false) }),
]);

export const openFileRequestSchema: z.ZodType<OpenFileRequest> = z.strictObject({
  accept: z
    .array(
      z.strictObject({
        mimeType: mimeTypeSchema,
        extensions: z.array(extensionSchema).min(1).max(20),
      }),
    )
    .min(1)
    .max(20),
  maxBytes: z.number().int().positive().max(MAX_TRANSFER_BYTES),
});

export const openFileResultSchema: z.ZodType<OpenedFile | null> = z.union([
  z.strictObject({ name: z.string().min(1).max(1000), bytes: bytesSchema }),
  z.null(),
]);

export const printPdfRequestSchema: z.ZodType<PrintPdfRequest> = z.strictObject({
  bytes: bytesSchema,
  title: z.string().max(1000),
});

/** An origin, or null for no server; main widens connect-src by exactly this (see csp.ts). */
export const serverOriginRequestSchema: z.ZodType<string | null> = z.union([
  z
    .string()
    .max(2048)
    .refine((origin) => isServerOrigin(origin), { message: 'not an https origin' }),
  z.null(),
]);

/** The signing services' origins; main widens connect-src by exactly these (see csp.ts). */
export const signingOriginsRequestSchema = z
  .array(
    z
      .string()
      .max(2048)
      .refine((origin) => isServiceOrigin(origin), { message: 'not an http(s) origin' }),
  )
  .max(4);

export const notifyRequestSchema: z.ZodType<NotifyRequest> = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
});
const sha256Schema = z.string().regex(SHA256_HEX);

/** A device token as the central system issues it (opaque, printable, bounded). */
const deviceTokenSchema = z
  .string()
  .min(16)
  .max(512)
  .regex(/^[\x21-\x7e]+$/);

export const hostChannels = {
  'host:app-version': {
    method: 'appVersion',
    request: z.undefined(),
    result: z.string().min(1).max(64),
  },
  'host:save-file': {
    method: 'saveFile',
    request: saveFileRequestSchema,
    result: saveFileResultSchema,
  },
  'host:open-file': {
    method: 'openFile',
    request: openFileRequestSchema,
    result: openFileResultSchema,
  },
  'host:print-pdf': {
    method: 'printPdf',
    request: printPdfRequestSchema,
    result: z.null(),
  },
  'host:open-external': {
    method: 'openExternal',
    request: z.string().max(2048),
    result: z.null(),
  },
  'host:set-server-origin': {
    method: 'setServerOrigin',
    request: serverOriginRequestSchema,
    result: z.enum(SERVER_ORIGIN_STATUSES),
  },
  'host:set-signing-origins': {
    method: 'setSigningOrigins',
    request: signingOriginsRequestSchema,
    result: z.enum(SERVER_ORIGIN_STATUSES),
  },
  'host:notify': {
    method: 'notify',
    request: notifyRequestSchema,
    result: z.enum(NOTIFY_OUTCOMES),
  },
  'host:read-device-token': {
    method: 'readDeviceToken',
    request: z.undefined(),
    result: deviceTokenSchema.nullable(),
  },
  'host:store-device-token': {
    method: 'storeDeviceToken',
    request: deviceTokenSchema.nullable(),
    result: z.null(),
  },
  'host:blob-put': {
    method: 'blobPut',
    request: z.strictObject({ sha256: sha256Schema, bytes: bytesSchema }),
    result: z.null(),
  },
  'host:blob-get': {
    method: 'blobGet',
    request: sha256Schema,
    result: bytesSchema.nullable(),
  },
  'host:blob-delete': {
    method: 'blobDelete',
    request: z.array(sha256Schema).max(MAX_BLOB_DELETE),
    result: z.null(),
  },
  'host:blob-list': {
    method: 'blobList',
    request: z.undefined(),
    result: z
      .array(z.strictObject({ sha256: sha256Schema, modifiedAt: z.number().finite().nonnegative() }))
      .max(MAX_BLOB_LIST),
  },
  'host:blob-usage': {
    method: 'blobUsage',
    request: z.undefined(),
    result: z.strictObject({
      bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      count: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    }),
  },
} as const;

export type HostChannel = keyof typeof hostChannels;
export type HostMethod = (typeof hostChannels)[HostChannel]['method'];
export type ChannelRequest<C extends HostChannel> = z.output<(typeof hostChannels)[C]['request']>;
export type ChannelResult<C extends HostChannel> = z.output<(typeof hostChannels)[C]['result']>;

export const HOST_CHANNEL_NAMES = Object.keys(hostChannels) as HostChannel[];

/** What travels back over IPC: a thrown Error would lose its code on the way to the renderer. */
export type HostResponse<T> =
  { ok: true; value: T } | { ok: false; error: { code: HostErrorCode; message: string } };

const hostErrorPayloadSchema = z.strictObject({
  code: z.enum(HOST_ERROR_CODES),
  message: z.string().max(500),
});

export function hostResponseSchema<T>(value: z.ZodType<T>): z.ZodType<HostResponse<T>> {
  return z.union([
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: hostErrorPayloadSchema }),
  ]);
}

export function channelResponseSchema<C extends HostChannel>(
  channel: C,
): z.ZodType<HostResponse<ChannelResult<C>>> {
  return hostResponseSchema(hostChannels[channel].result as z.ZodType<ChannelResult<C>>);
}
