/**
 * The recorded session with a real NCALayer (../shared/fixtures/ncalayer/test-data.json, read
 * where it lies): each step's request and the frame NCALayer answered, as text. The fake server
 * answers with these frames; the CMS bodies its authors emptied are refilled with real ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RECORDING = fileURLToPath(
  new URL('../../../shared/fixtures/ncalayer/test-data.json', import.meta.url),
);

export interface RecordedStep {
  /** What the recorder asked the person to do, and which client call it made. */
  task: string;
  /** The frame NCALayer sent on connect (first step only). */
  initMessage?: string;
  request: string;
  response: string;
}

export const STEPS: readonly RecordedStep[] = JSON.parse(readFileSync(RECORDING, 'utf8')) as RecordedStep[];

type Json = Record<string, unknown>;

function parsed(text: string): Json {
  return JSON.parse(text) as Json;
}

/** The one recorded step whose request and answer fit; the fixture is the source, so none is an error. */
export function recordedStep(fits: (request: Json, response: Json) => boolean): RecordedStep {
  const step = STEPS.find((s) => fits(parsed(s.request), parsed(s.response)));
  if (!step) throw new Error('no such step in the recorded NCALayer session');
  return step;
}

const args = (request: Json): Json => (request.args ?? {}) as Json;
const body = (response: Json): Json | undefined => response.body as Json | undefined;

/** The steps the fake NCALayer answers with. */
export const RECORDED = {
  greeting: STEPS[0]!.initMessage!,
  /** basics.sign of a detached CMS over data (decode, not encapsulated, not digested): the emptied PEM. */
  basicsSigned: recordedStep(
    (q, r) =>
      q.module === 'kz.gov.pki.knca.basics' &&
      typeof body(r)?.result === 'string' &&
      (args(q).signingParams as Json).encapsulate === false &&
      (args(q).signingParams as Json).digested === false,
  ),
  /** basics.sign of an array of three data: an array of three emptied PEMs. */
  basicsSignedArray: recordedStep(
    (q, r) =>
      q.module === 'kz.gov.pki.knca.basics' && args(q).format === 'cms' && Array.isArray(body(r)?.result),
  ),
  /** The officer pressed Cancel: status true with an empty body. */
  basicsCancelled: recordedStep(
    (q, r) =>
      q.module === 'kz.gov.pki.knca.basics' &&
      r.status === true &&
      Object.keys(body(r) ?? { x: 1 }).length === 0,
  ),
  /** basics.sign with bad signingParams: status false, INVOCATION_ERROR with a Java message. */
  basicsFailed: recordedStep((q, r) => q.module === 'kz.gov.pki.knca.basics' && r.status === false),
  tokensNone: recordedStep(
    (q, r) =>
      q.method === 'getActiveTokens' && Array.isArray(r.responseObject) && r.responseObject.length === 0,
  ),
  tokensKaztoken: recordedStep(
    (q, r) =>
      q.method === 'getActiveTokens' && Array.isArray(r.responseObject) && r.responseObject.length > 0,
  ),
  /** createCAdESFromBase64(storage, "SIGNATURE", data, false): code 200, the signature stripped. */
  cadesSigned: recordedStep(
    (q, r) =>
      q.method === 'createCAdESFromBase64' &&
      r.code === '200' &&
      (q.args as unknown[])[1] === 'SIGNATURE' &&
      (q.args as unknown[])[3] === false,
  ),
  /** Cancel in a commonUtils dialog (recorded at getKeyInfo; NCALayer answers every dialog so). */
  commonUtilsCancelled: recordedStep((_q, r) => r.code === '500' && r.message === 'action.canceled'),
  /** createCAdESFromBase64 with a bad argument: code 500 with a Java message. */
  cadesFailed: recordedStep(
    (q, r) => q.method === 'createCAdESFromBase64' && r.code === '500' && r.message !== 'action.canceled',
  ),
} as const;

/**
 * NCALayer's core answers a request to a module it does not have so. This frame is not in the
 * recorded session (every module was there); it is what independent re-implementations of
 * NCALayer answer for one (FCALayer, and a Rust port whose tests pin it to the Java original).
 */
export const MODULE_NOT_FOUND = '{"success":false,"errorCode":"MODULE_NOT_FOUND"}';
