/**
 * The wire protocol between a desk and the central system (issue 9): its version, the header that
 * carries it, and the limits both ends agree on. Everything here is pure data: the desk's sync
 * engine and the server import the same numbers.
 */

/**
 * Sent by both ends on every request and answer. The server refuses a request without it, or with a
 * version it does not speak (`protocol.missing` / `protocol.unsupported`); the desk refuses an answer
 * of another version. Bumped when a message changes in a way an older peer would misread.
 */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'X-Protocol-Version';

/** The most events one `POST /events` may carry; a longer batch is refused whole (400). */
export const MAX_BATCH_EVENTS = 200;
/** The largest JSON body the server reads (a batch of events, an enrolment...): refused before it is read. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;
/** The largest file (attachment, produced document, signature) accepted by the tus endpoint. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Events on one page of `GET /changes` (and entries of `GET /monitoring`) unless `limit` says fewer. */
export const DEFAULT_PAGE_LIMIT = 500;
export const MAX_PAGE_LIMIT = 5000;

/**
 * Request bodies (a JSON `POST`, e.g. a batch of events) may be sent with one of these
 * Content-Encodings; the server decompresses them under the same MAX_JSON_BODY_BYTES limit (for the
 * bytes received and for what they expand to). Answers are compressed with br or gzip when the
 * request's Accept-Encoding allows it. Files (tus, downloads) are never re-encoded.
 */
export const REQUEST_ENCODINGS = ['br', 'gzip'] as const;

/** Where the tus 1.0 endpoint lives: `POST /files/` creates an upload, `PATCH /files/<uploadId>` sends bytes. */
export const FILES_PATH = '/files/';
/** The Upload-Metadata keys the server requires on creation (values base64, as tus says). */
export const UPLOAD_METADATA_KEYS = ['sha256', 'fileName', 'mimeType'] as const;
