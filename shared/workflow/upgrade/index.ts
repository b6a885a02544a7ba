/**
 * The schema-version chain of events (after Signal Desktop's message upgrades): one function per
 * version takes an event one version up, then the current schema validates it. Whatever a desk,
 * an older desk or the server stored is read through here, so every released shape still folds.
 * Add a version: write `vN-to-vN+1.ts`, register it in UPGRADES, bump EVENT_SCHEMA_VERSION, and
 * commit fixtures of the old shape (fixtures/vN/) for the test that folds them.
 */
import { EVENT_SCHEMA_VERSION } from '../events';
import { validateCurrentEvent, type ParseEventResult } from '../schemas';
import { v1ToV2 } from './v1-to-v2';
import { v2ToV3 } from './v2-to-v3';

type Raw = Record<string, unknown>;
type Upgrade = (event: Raw) => Raw;

/** UPGRADES[n] takes an event of schema version n to version n + 1. */
const UPGRADES: Readonly<Record<number, Upgrade>> = { 1: v1ToV2, 2: v2ToV3 };

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version 1 had no `schemaVersion` field. */
function versionOf(event: Raw): unknown {
  return Object.hasOwn(event, 'schemaVersion') ? event['schemaVersion'] : 1;
}

/**
 * Any released shape → a current, validated CaseEvent. An upgraded event carries `upgradedFrom`
 * (the version it was made in). A version newer than this code is refused as such, not as invalid:
 * the desk must be updated to read it.
 */
export function upgradeEvent(raw: unknown): ParseEventResult {
  if (!isRecord(raw)) return { ok: false, code: 'event.invalid', path: '' };
  const version = versionOf(raw);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: 'event.invalid', path: 'schemaVersion' };
  }
  if (version > EVENT_SCHEMA_VERSION) {
    return { ok: false, code: 'event.version-unsupported', path: 'schemaVersion' };
  }
  let event = raw;
  for (let v = version; v < EVENT_SCHEMA_VERSION; v++) {
    const upgrade = UPGRADES[v];
    if (!upgrade) throw new Error(`no upgrade of events from schema version ${v}`);
    event = upgrade(event);
  }
  // An event stored already upgraded keeps the version it was made in (its rules stay its own).
  if (version < EVENT_SCHEMA_VERSION) event = { ...event, upgradedFrom: event['upgradedFrom'] ?? version };
  return validateCurrentEvent(event);
}

/** Validates untrusted input (any released schema version) as a current CaseEvent. */
export function parseCaseEvent(input: unknown): ParseEventResult {
  return upgradeEvent(input);
}
