/**
 * Version 1 → 2 (issue 7). Version 1 is what the desk stored until then: no `schemaVersion`, no
 * `origin`, no office offset, a registration without the law's day, reviews without the check the
 * officer saw, and a "signature" that was any file with any text as its serial. The upgrade adds
 * what is known for certain and marks the rest `UNRECORDED`; it never invents a fact.
 */
import { dayOfInstant, isTimestamp, parseInstant } from '../../calendar/instant';
import { UNRECORDED, type EventOrigin, type OfficeZone } from '../events';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every version-1 desk served an office in Asia/Almaty: UTC+06:00 until Kazakhstan moved to one
 * zone at 00:00 on 1 March 2024 (local, +06:00), UTC+05:00 since. Written out rather than read from
 * the host's time-zone data, so the upgrade gives the same answer on every machine.
 */
const ALMATY_SINGLE_ZONE_FROM = parseInstant('2024-03-01T00:00:00+06:00');

export function almatyOffice(instant: string): OfficeZone {
  const utcOffsetMinutes = parseInstant(instant) < ALMATY_SINGLE_ZONE_FROM ? 360 : 300;
  return { timeZone: 'Asia/Almaty', utcOffsetMinutes };
}

/** Version 1 said who made an event only by the actor's role. */
function originOf(actor: unknown): EventOrigin {
  const role = isRecord(actor) ? actor['role'] : undefined;
  if (role === 'portal') return { kind: 'portal' };
  if (role === 'system') return { kind: 'central' };
  return { kind: 'desk' };
}

function upgradePayload(type: unknown, payload: Raw, at: unknown): Raw {
  switch (type) {
    case 'received': {
      const application = payload['application'];
      const receivedAt = isRecord(application) ? application['receivedAt'] : undefined;
      // A malformed receipt time is left for the schema to name (payload.application.receivedAt).
      return isTimestamp(receivedAt) ? { ...payload, office: almatyOffice(receivedAt) } : payload;
    }
    case 'registered': {
      // Version 1 let the officer type the registration day and counted every term from it: that
      // day stays day 0 (`dueOn`), and the day the event was really made becomes `registeredOn`,
      // so a registration recorded days after the day it claims is shown as late.
      const { registeredOn: claimed, ...rest } = payload;
      const madeOn = isTimestamp(at) ? dayOfInstant(at, almatyOffice(at)) : claimed;
      return { ...rest, registeredOn: madeOn, dueOn: claimed, calendarVersion: UNRECORDED };
    }
    case 'document-reviewed':
      return { ...payload, check: { status: UNRECORDED, codes: [] } };
    case 'signed':
      return { signatureFormat: UNRECORDED, ...payload };
    default:
      return payload;
  }
}

export function v1ToV2(event: Raw): Raw {
  const { schemaVersion: _v1, ...rest } = event;
  const payload = event['payload'];
  return {
    ...rest,
    schemaVersion: 2,
    origin: originOf(event['actor']),
    ...(isRecord(payload) ? { payload: upgradePayload(event['type'], payload, event['at']) } : {}),
  };
}
