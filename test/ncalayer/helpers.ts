/** What the NCALayer tests share: servers and clients closed after each test, and failure codes. */
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { setLogSink, type LogRecord } from '../../shared/log';
import { SigningError } from '../../shared/signing/types';
import { testPki } from '../signing/pki';
import { startFakeNcaLayer, type FakeNcaLayer, type FakeNcaLayerOptions } from './fake-server';

const running: Array<{ close(): unknown }> = [];
/** What the code under test logged in the current test. */
export const logged: LogRecord[] = [];

/** Registers the per-test clean-up (call once at the top of a test file). */
export function useNcaLayerTestBed(): void {
  let restoreSink: () => void = () => {};
  beforeEach(() => {
    restoreSink = setLogSink((record) => logged.push(record));
  });
  afterEach(async () => {
    for (const thing of running.splice(0).reverse()) await thing.close();
    restoreSink();
    logged.length = 0;
  });
}

/** Builds the test PKI before the file's tests (RSA key generation takes seconds on a busy machine). */
export function usesTestPki(): void {
  beforeAll(async () => {
    await testPki();
  }, 120_000);
}

/** Closed after the test. */
export function closesAfter<T extends { close(): unknown }>(thing: T): T {
  running.push(thing);
  return thing;
}

export async function fake(options: FakeNcaLayerOptions = {}): Promise<FakeNcaLayer> {
  return closesAfter(await startFakeNcaLayer(options));
}

/** The SigningError a promise fails with. */
export async function failure(promise: Promise<unknown>): Promise<SigningError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SigningError);
    return error as SigningError;
  }
  throw new Error('expected a failure');
}

/** Waits (up to 2 s) for a condition the fake's other side makes true. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
