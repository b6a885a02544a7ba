// The list alone, without zod: the desk translates these codes on its start path (i18n/codes.ts),
// which must not build the API's schemas to do so.
/**
 * Why the server refused one event of a batch, beyond the reducer's own REJECTION_CODES (which it
 * returns as they are: the desk and the server fold with the same reducer).
 */
export const SERVER_REJECTION_CODES = [
  /** The event names a file (attachment, produced document, signature) the server does not hold yet (params.sha256). */
  'file.missing',
  /** A desk pushes only the events of the user it was enrolled for (params.userId: the device's user). */
  'actor.not-device-user',
  /** The actor's role is not the one the server gives that user (params.role). */
  'actor.role-mismatch',
  /** The user was deactivated on the server. */
  'actor.inactive',
  /** A desk pushes only events made on a desk (origin.kind 'desk'); the portal's and the server's come from them. */
  'origin.not-allowed',
  /** An event with this id was already answered, and this one differs from it: ids are never reused. */
  'event.id-reused',
  /** Not tried: an earlier event of the same case in this batch was not applied (params.eventId). Send it again after that one is resolved. */
  'batch.earlier-event-failed',
  /** The case is not one of this akimat's. */
  'case.not-found',
  /** The officer to assign is not an active officer or head of this akimat (params.officerId). */
  'assign.unknown-officer',
] as const;
export type ServerRejectionCode = (typeof SERVER_REJECTION_CODES)[number];
