/**
 * Signs the demo's produced results the way the desk signs a result (renderer/src/features/signing
 * signResult: the PKCS#12 signer, the desk's signing rules, the stamp drawn into the reserved box,
 * the PAdES signature embedded and the detached CMS over the final PDF), with the demo head's key
 * from the demo PKI and a fixed clock. What comes back is what the desk would store and record:
 * the signed PDF, the CMS and the `signed` event's payload. Used by write-files.mjs only.
 */
import { spawnSync } from 'node:child_process';
import type { FormFonts } from '../../../shared/forms';
import { DEMO_SETTINGS } from '../../../shared/settings';
import type { SignedPayload } from '../../../shared/workflow';
import { DEMO_USERS } from '../../../shared/auth/demo-users';
import {
  DEMO_RESULT_CASE_NUMBER,
  DEMO_RESULT_LANGUAGE,
  demoResultTemplate,
  type DemoResultForm,
} from '../../../renderer/src/demo/files/results';
import { openPkcs12, signResult } from '../../../renderer/src/features/signing/signResult';
import { demoPki, type DemoParty } from './demo-pki';

/** When the demo head signed the demo results (the stamp prints it, the CMS says it). */
export const DEMO_SIGNED_AT = new Date('2026-01-15T06:30:00Z');
/** The office's clock, +05:00 (DEFAULT_OFFICE_HOURS' zone). */
const UTC_OFFSET_MINUTES = 300;
const PASSWORD = 'demo-only';

export interface SignedDemoResult {
  signedPdf: Uint8Array;
  cms: Uint8Array;
  payload: SignedPayload;
  templateId: string;
  templateVersion: string;
}

/** A PKCS#12 container of the party's key (made by OpenSSL, as the test PKI's are; kept in memory). */
function pkcs12(party: DemoParty, chain: DemoParty[]): Uint8Array {
  const r = spawnSync(
    'openssl',
    ['pkcs12', '-export', '-passout', 'env:DEMO_P12_PASSWORD', '-name', 'demo'],
    {
      input: party.keyPem + party.certPem + chain.map((c) => c.certPem).join(''),
      env: { ...process.env, DEMO_P12_PASSWORD: PASSWORD },
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`openssl pkcs12 failed: ${r.stderr.toString()}`);
  return new Uint8Array(r.stdout);
}

export async function signDemoResults(
  produced: Readonly<Record<DemoResultForm, Uint8Array>>,
  fonts: FormFonts,
): Promise<{ root: Uint8Array; results: Record<DemoResultForm, SignedDemoResult> }> {
  const pki = await demoPki();
  const container = pkcs12(pki.head, [pki.root]);
  const head = DEMO_USERS.find((u) => u.profile.role === 'head')?.profile;
  const results = {} as Record<DemoResultForm, SignedDemoResult>;
  for (const form of Object.keys(produced) as DemoResultForm[]) {
    const signer = await openPkcs12(container, PASSWORD);
    if (typeof signer === 'string') throw new Error(`demo key: ${signer}`);
    const outcome = await signResult(signer, {
      produced: produced[form],
      form,
      language: DEMO_RESULT_LANGUAGE,
      caseNumber: DEMO_RESULT_CASE_NUMBER,
      bin: DEMO_SETTINGS.issuer.bin,
      issuerName: DEMO_SETTINGS.issuer.name.kk,
      ...(head?.position ? { position: head.position.kk } : {}),
      fonts,
      now: DEMO_SIGNED_AT,
      utcOffsetMinutes: UTC_OFFSET_MINUTES,
    });
    if (!outcome.ok) throw new Error(`demo result ${form} not signed: ${outcome.code}`);
    const bytes = async (sha256: string) => {
      const file = outcome.files.find((f) => f.sha256 === sha256);
      if (!file) throw new Error(`demo result ${form}: no file ${sha256}`);
      return new Uint8Array(await file.blob.arrayBuffer());
    };
    const { payload } = outcome;
    if (!payload.signedPdfSha256) throw new Error(`demo result ${form}: no signed PDF`);
    results[form] = {
      signedPdf: await bytes(payload.signedPdfSha256),
      cms: await bytes(payload.signatureSha256),
      payload,
      ...demoResultTemplate(form),
    };
  }
  return { root: pki.root.cert, results };
}
