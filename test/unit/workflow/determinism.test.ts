/**
 * The reducer is deterministic: it reads no host time-zone data (no Intl, no local Date getters),
 * so a desk and a server fold the same events to the same state. Here every fold runs with those
 * host facilities made to throw; host-zones.test.ts beside it folds the same walks in
 * child processes under different TZ values and compares.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOfInstant } from '../../../shared/calendar/instant';
import { V1_FIXTURES } from '../../../shared/workflow/fixtures/v1';
import { V2_FIXTURES } from '../../../shared/workflow/fixtures/v2';
import { EVENT_TYPES } from '../../../shared/workflow/guards';
import { foldEvents } from '../../../shared/workflow/reducer';
import { signersOf } from '../../../shared/workflow/signing';
import { walk } from '../../../shared/workflow/testing/walk';
import { walkPlan } from './walk-plan';

const LOCAL_DATE_METHODS = [
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'getTimezoneOffset',
  'getYear',
  'setFullYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'toString',
  'toDateString',
  'toTimeString',
  'toLocaleString',
  'toLocaleDateString',
  'toLocaleTimeString',
] as const;

type Restore = () => void;
let restore: Restore[] = [];

function hostTimeForbidden(): void {
  const proto = Date.prototype as unknown as Record<string, unknown>;
  for (const name of LOCAL_DATE_METHODS) {
    const original = proto[name];
    proto[name] = () => {
      throw new Error(`host time used: Date.prototype.${name}`);
    };
    restore.push(() => (proto[name] = original));
  }
  const intl = Intl as unknown as Record<string, unknown>;
  const original = intl['DateTimeFormat'] as typeof Intl.DateTimeFormat;
  // Formatters made (and cached) before the fold are caught too, through their prototype.
  for (const name of ['format', 'formatToParts', 'resolvedOptions']) {
    const descriptor = Object.getOwnPropertyDescriptor(original.prototype, name);
    if (!descriptor) throw new Error(`Intl.DateTimeFormat.prototype.${name} not found`);
    const thrower = () => {
      throw new Error(`host time used: Intl.DateTimeFormat.${name}`);
    };
    // 'format' is a getter; the others are methods.
    Object.defineProperty(
      original.prototype,
      name,
      descriptor.get ? { ...descriptor, get: thrower } : { ...descriptor, value: thrower },
    );
    restore.push(() => Object.defineProperty(original.prototype, name, descriptor));
  }
  intl['DateTimeFormat'] = function DateTimeFormat() {
    throw new Error('host time used: Intl.DateTimeFormat');
  };
  restore.push(() => (intl['DateTimeFormat'] = original));
}

function withoutHostTime<T>(fn: () => T): T {
  hostTimeForbidden();
  try {
    return fn();
  } finally {
    for (const undo of restore.reverse()) undo();
    restore = [];
  }
}

afterEach(() => {
  for (const undo of restore.reverse()) undo();
  restore = [];
});

describe('the guard against host time', () => {
  it('really throws on the zone path and on local getters', () => {
    // Warm the cache first: a cached formatter must be caught as well.
    expect(dayOfInstant('2026-12-14T10:00:00Z', 'Asia/Almaty')).toBe('2026-12-14');
    withoutHostTime(() => {
      expect(() => dayOfInstant('2026-12-14T10:00:00Z', 'Asia/Almaty')).toThrow(/host time used/);
      expect(() => new Intl.DateTimeFormat('en-US')).toThrow(/host time used/);
      expect(() => new Date(0).getHours()).toThrow(/host time used/);
      // The fixed-offset path is plain arithmetic and still works.
      expect(dayOfInstant('2026-12-14T20:00:00Z', { utcOffsetMinutes: 300 })).toBe('2026-12-15');
    });
    expect(new Date(0).getUTCHours()).toBe(0);
  });
});

describe('folding needs no host time-zone data', () => {
  it('folds every released fixture', () => {
    const released = [
      ...Object.entries(V1_FIXTURES).map(([name, f]) => [`v1 ${name}`, f] as const),
      ...Object.entries(V2_FIXTURES).map(([name, f]) => [`v2 ${name}`, f] as const),
    ];
    for (const [name, { events }] of released) {
      const expected = foldEvents(events);
      expect(
        withoutHostTime(() => foldEvents(events)),
        name,
      ).toEqual(expected);
    }
  });

  it('folds random legal cases to the state they were walked to, every offered event accepted', () => {
    fc.assert(
      fc.property(walkPlan, (plan) => {
        const w = walk(plan);
        expect(withoutHostTime(() => foldEvents(w.events))).toEqual({ ok: true, state: w.state });
      }),
      { numRuns: 150 },
    );
  });

  it('never records two signatures of one result by the same person or the same certificate', () => {
    fc.assert(
      fc.property(walkPlan, (plan) => {
        const signers = signersOf(walk(plan).state);
        expect(new Set(signers.map((s) => s.by)).size).toBe(signers.length);
        expect(new Set(signers.map((s) => s.certificateSerial.toLowerCase())).size).toBe(signers.length);
      }),
      { numRuns: 150 },
    );
  });

  it('walks that reach every event type (the property is not vacuous)', () => {
    const types = new Set(fc.sample(walkPlan, { numRuns: 300, seed: 7 }).flatMap((p) => [...walk(p).types]));
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
  });
});
